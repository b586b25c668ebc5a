"""Forms for what ouders do in the portal: sign with an e-mail code, write a zienswijze [issue 17]."""

from __future__ import annotations

from django import forms

from cases.ouderportaal.models.zienswijze import MAX_TEKENS


class OndertekenForm(forms.Form):
    """The tick, the hash of the text shown (hidden) and the e-mail code. Nothing is required at
    the form level: the service names the condition that failed, and what was ticked stays."""

    gelezen = forms.BooleanField(label="", required=False)
    sha256 = forms.CharField(widget=forms.HiddenInput, required=False)
    code = forms.CharField(
        label="Code uit de e-mail",
        required=False,
        max_length=12,
        help_text="De code heeft 6 cijfers. U krijgt hem per e-mail als u op 'Stuur mij een code' drukt.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, akkoord_tekst: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gelezen"].label = akkoord_tekst


class ZienswijzeForm(forms.Form):
    tekst = forms.CharField(
        label="Uw mening",
        required=False,  # empty and too long: the service says so, and the text stays on the page
        help_text="Schrijf in uw eigen woorden wat u vindt. De school en het samenwerkingsverband lezen "
        f"dit. U kunt later een nieuwe tekst toevoegen; deze tekst blijft dan ook bewaard. Tot {MAX_TEKENS} "
        "tekens.",
        widget=forms.Textarea(attrs={"rows": 8}),
    )
