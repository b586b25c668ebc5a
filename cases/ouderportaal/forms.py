"""Forms of the ouderportaal [issue 17]."""

from __future__ import annotations

from django import forms


class WachtwoordKiezenForm(forms.Form):
    """Choose a password for a new ouder account; Django's validators run in the service."""

    wachtwoord1 = forms.CharField(
        label="Kies een wachtwoord",
        strip=False,
        help_text="Minstens 12 tekens. Kies iets dat u kunt onthouden, maar dat een ander niet raadt.",
        error_messages={"required": "Kies een wachtwoord."},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    wachtwoord2 = forms.CharField(
        label="Typ het wachtwoord nog een keer",
        strip=False,
        error_messages={"required": "Typ het wachtwoord nog een keer."},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        data = super().clean()
        een, twee = data.get("wachtwoord1"), data.get("wachtwoord2")
        if een and twee and een != twee:
            self.add_error("wachtwoord2", "De twee wachtwoorden zijn niet hetzelfde. Typ ze opnieuw.")
        return data


BESTAND_HULP = "Een pdf, Word-bestand (.docx), .odt, of een foto (png of jpg). Hooguit 20 MB."
BESTAND_FOUTEN = {
    "required": "Kies het bestand dat u wilt sturen.",
    "empty": "Dit bestand is leeg.",
    "invalid": "Er is geen bestand ontvangen; kies het bestand opnieuw.",
}
ACCEPT = {"accept": ".pdf,.docx,.odt,.png,.jpg,.jpeg"}


class BezwaarForm(forms.Form):
    """A bezwaar against a decision [issue 17; 002 §1.12]; the late-reason only when late."""

    gronden = forms.CharField(
        label="Waarom bent u het niet eens met het besluit?",
        help_text="Schrijf het in uw eigen woorden. Wat vindt u niet goed, en wat wilt u dat er gebeurt?",
        error_messages={"required": "Schrijf op waarom u het niet eens bent met het besluit."},
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    reden_te_laat = forms.CharField(
        label="Waarom komt uw bezwaar later?",
        required=False,
        help_text="Bijvoorbeeld: u was ziek, of u kreeg de brief later. Wie het besluit nam, kijkt of "
        "uw bezwaar toch kan worden behandeld.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    bijlage = forms.FileField(
        label="Bijlage (mag, hoeft niet)",
        required=False,
        help_text=BESTAND_HULP,
        error_messages=BESTAND_FOUTEN,
        widget=forms.ClearableFileInput(attrs=ACCEPT),
    )

    def __init__(self, *args, te_laat: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not te_laat:
            del self.fields["reden_te_laat"]


class OuderDocumentForm(forms.Form):
    titel = forms.CharField(
        label="Wat voor document is het?",
        max_length=200,
        help_text="Kort, bijvoorbeeld 'Verslag van de psycholoog' of 'Brief van de huisarts'.",
        error_messages={"required": "Schrijf kort wat voor document het is."},
    )
    toelichting = forms.CharField(
        label="Wilt u er iets bij zeggen? (mag, hoeft niet)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    bestand = forms.FileField(
        label="Bestand",
        help_text=BESTAND_HULP,
        error_messages=BESTAND_FOUTEN,
        widget=forms.ClearableFileInput(attrs=ACCEPT),
    )
