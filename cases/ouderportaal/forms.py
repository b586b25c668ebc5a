"""Forms of the ouderportaal [issue 17]."""

from __future__ import annotations

from django import forms

from cases.formvelden import DatumInvoer, DatumVeld


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


class ToestemmingForm(forms.Form):
    """Give a consent [issue 17]; the service checks the scope each subject asks."""

    onderwerp = forms.ChoiceField(
        label="Waarvoor geeft u toestemming?",
        widget=forms.RadioSelect,
        error_messages={"required": "Kies waarvoor u toestemming geeft."},
    )
    scope = forms.CharField(
        label="Voor wie (welke school of organisatie)",
        required=False,
        max_length=200,
        help_text="Alleen nodig als er bij uw keuze om gevraagd wordt.",
        error_messages={"max_length": "Vul hier hoogstens 200 tekens in."},
    )
    toelichting = forms.CharField(
        label="Wilt u nog iets zeggen? (mag leeg)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "De toelichting is te lang: hoogstens 2000 tekens."},
    )

    def __init__(self, *args, keuzes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["onderwerp"].choices = keuzes


class PapierenToestemmingForm(ToestemmingForm):
    """Staff record a consent an ouder signed on paper [issue 17]."""

    ouder = forms.TypedChoiceField(
        label="Welke ouder of voogd tekende?",
        coerce=int,
        error_messages={
            "required": "Kies de ouder die tekende.",
            "invalid_choice": "Kies een ouder uit de lijst.",
        },
    )
    getekend_op = DatumVeld(
        label="Getekend op",
        widget=DatumInvoer(),
        error_messages={
            "required": "Vul de datum in waarop de ouder tekende.",
            "invalid": "Vul een geldige datum in (dd-mm-jjjj).",
        },
    )

    def __init__(self, *args, ouders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["onderwerp"].label = "Waarvoor gaf de ouder toestemming?"
        self.fields["toelichting"].label = "Toelichting (mag leeg)"
        self.fields["ouder"].choices = [(o.pk, f"{o.naam} ({o.relatie})") for o in ouders]
        self.order_fields(["ouder", "onderwerp", "scope", "getekend_op", "toelichting"])
