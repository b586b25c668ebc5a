"""Forms of verzuim/: input only; the rules live in the services, whose refusals land on the form."""

from __future__ import annotations

from django import forms

from cases.formvelden import DatumInvoer, DatumVeld
from cases.models import Leerling, School
from verzuim.models.maatregelen import AfzienVanHoren, BezwaarUitkomst, Zoekpoging
from verzuim.models.maatregelmeldingen import MeldWijze
from verzuim.models.meldingen import MeldingSoort, RegistratieSoort
from verzuim.models.thuiszitters import EscalatieSituatie, Partij, Schoolvoorstel, StapSoort, ThuiszitterSoort
from verzuim.models.verantwoording import Beoordeling


def datumveld(label: str, *, required: bool = True, help_text: str = "") -> DatumVeld:
    return DatumVeld(
        label=label,
        required=required,
        help_text=help_text,
        error_messages={"invalid": "Vul een geldige datum in (dd-mm-jjjj)."},
        widget=DatumInvoer(),
    )


def tekst(label: str, *, required: bool = True, rows: int = 3, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label, required=required, help_text=help_text, widget=forms.Textarea(attrs={"rows": rows})
    )


class RegistratieForm(forms.Form):
    soort = forms.ChoiceField(label="Soort", choices=RegistratieSoort.choices)
    datum = datumveld("Datum", help_text="Bij een ziekmelding: de eerste ziektedag.")
    uren = forms.DecimalField(
        label="Gemiste lestijd (uren)",
        min_value=0,
        max_value=8,
        decimal_places=2,
        required=False,
        initial=0,
        error_messages={"invalid": "Vul een getal in, bijvoorbeeld 2 of 0,25."},
    )
    tot = datumveld(
        "Laatste ziektedag", required=False, help_text="Alleen bij een ziekmelding; leeg als nog ziek."
    )
    opmerking = forms.CharField(label="Opmerking", required=False, max_length=300)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["uren"].localize = True
        self.fields["uren"].widget.is_localized = True


class MeldingForm(forms.Form):
    soort = forms.ChoiceField(
        label="Soort melding", choices=MeldingSoort.choices, initial=MeldingSoort.ZESTIEN_UUR
    )
    ouders_geinformeerd_op = datumveld("Ouders op de hoogte gesteld op", required=False)
    toelichting = tekst("Toelichting en achtergrond (verzuimoverzicht)", required=False)


class LpaReactieForm(forms.Form):
    reactie = tekst(
        "Wat heeft leerplicht gedaan?",
        rows=4,
        help_text="Bijvoorbeeld: onderzoek gestart, ouders opgeroepen, waarschuwing, afspraken met school.",
    )


class TimeOutForm(forms.Form):
    datum = datumveld("Datum van het incident en de time-out")
    aanleiding = tekst("Incident", rows=4)
    ouders_geinformeerd_op = datumveld("Ouders geïnformeerd op")


class TimeOutVerslagForm(forms.Form):
    verslag = tekst("Verslag van incident en gesprek met de ouders", rows=4)
    verslag_voor_gezien_op = datumveld("Verslag voor gezien getekend door ouders op", required=False)
    bestuur_geinformeerd_op = datumveld("Bevoegd gezag schriftelijk geïnformeerd op", required=False)


class SchorsingForm(forms.Form):
    van = datumveld("Eerste dag van de schorsing")
    tot = datumveld(
        "Laatste dag van de schorsing", help_text="Ten hoogste een week: 7 kalenderdagen (WPO art. 40c)."
    )
    aanleiding = tekst("Redenen van het besluit", rows=4)
    bestuur_akkoord_op = datumveld("Bevoegd gezag akkoord op", required=False)
    gesprek_ouders_op = datumveld("Ouders uitgenodigd voor een gesprek op", required=False)
    ouders_geinformeerd_op = datumveld("Ouders geïnformeerd op", required=False)
    onderwijs_tijdens = tekst("Voortgang leerproces tijdens de schorsing", required=False)


class VerwijderingForm(forms.Form):
    aanleiding = tekst("Redenen van het voornemen en de zorg die al is besteed", rows=5)
    ouders_geinformeerd_op = datumveld("Ouders geïnformeerd op", required=False)


class HoorForm(forms.Form):
    wie = forms.ChoiceField(
        label="Wie is gehoord?", choices=[("leerkracht", "de groepsleerkracht"), ("ouders", "de ouders")]
    )
    op = datumveld("Gehoord op", required=False)
    verslag = tekst("Verslag", rows=4)


class ZoekpogingForm(forms.Form):
    school = forms.CharField(label="Benaderde school", max_length=200)
    benaderd_op = datumveld("Benaderd op")
    antwoord = forms.ChoiceField(label="Antwoord", choices=Zoekpoging.Antwoord.choices)
    antwoord_op = datumveld("Antwoord op", required=False)
    toelichting = forms.CharField(label="Toelichting", required=False, max_length=300)


class BesluitVerwijderingForm(forms.Form):
    motivering = tekst("Motivering van het besluit", rows=5)


class BezwaarForm(forms.Form):
    """Receipt of the bezwaar; a late one is judged at once: verschoonbaar or not [004 L776-781]."""

    ontvangen_op = datumveld("Bezwaarschrift ontvangen op", required=False)
    verschoonbaar = forms.TypedChoiceField(
        label="Alleen bij een te laat bezwaar: is de overschrijding verschoonbaar?",
        choices=[("", "—"), ("ja", "ja, verschoonbaar"), ("nee", "nee, niet verschoonbaar")],
        coerce=lambda w: w == "ja",
        empty_value=None,
        required=False,
        help_text="Bijvoorbeeld bij bijzondere persoonlijke omstandigheden van de ouders (Awb art. 6:11).",
    )
    verschoonbaar_reden = tekst("Motivering (verschoonbaar of niet)", required=False, rows=2)


class TermijnOverschrijdingForm(forms.Form):
    """A late bezwaar the ouder submitted in the portal with his reason: the directeur judges it
    [issue 17; 004 L776-781; Awb 6:11]."""

    verschoonbaar = forms.TypedChoiceField(
        label="Is de overschrijding verschoonbaar?",
        choices=[("", "—"), ("ja", "ja, verschoonbaar"), ("nee", "nee, niet verschoonbaar")],
        coerce=lambda w: w == "ja",
        empty_value=None,
        required=False,
    )
    verschoonbaar_reden = tekst("Motivering (verschoonbaar of niet)", required=False, rows=2)


class HoorBezwaarForm(forms.Form):
    """The ouders heard on the bezwaar; the verslag signed 'voor gezien' by ouders and directie
    [004 L726-729, L764-766]. The signatures can be added later."""

    gehoord_op = datumveld("Ouders gehoord op", required=False)
    hoorverslag = tekst("Hoorverslag", rows=5, required=False)
    gezien_ouders_op = datumveld(
        "Verslag voor gezien getekend door de ouders op", required=False, help_text="Op papier, ondertekend."
    )
    gezien_directie_op = datumveld("Verslag voor gezien getekend door de directie op", required=False)


class AfzienHorenForm(forms.Form):
    grond = forms.ChoiceField(
        label="Grond (Awb art. 7:3)", choices=[("", "—"), *AfzienVanHoren.choices], required=False
    )
    toelichting = tekst("Toelichting", rows=2, required=False)


class VerdagingBezwaarForm(forms.Form):
    weken = forms.IntegerField(
        label="Uitstel (weken)",
        min_value=1,
        max_value=6,
        required=False,
        help_text="Eenmaal, ten hoogste 6 weken.",
    )
    reden = tekst("Reden van het uitstel (komt in de brief aan de ouders)", rows=2, required=False)


class BeslissingBezwaarForm(forms.Form):
    uitkomst = forms.ChoiceField(
        label="Beslissing", choices=[("", "—"), *BezwaarUitkomst.choices], required=False
    )
    motivering = tekst("Motivering (komt in de brief aan de ouders)", rows=5, required=False)


class ThuiszitterForm(forms.Form):
    leerling = forms.ModelChoiceField(label="Leerling", queryset=Leerling.objects.none())
    soort = forms.ChoiceField(label="Soort", choices=ThuiszitterSoort.choices[:2])
    thuis_sinds = datumveld("Thuis sinds", required=False)
    regie_bij = forms.CharField(label="Regie bij", max_length=200)
    huidig_aanbod = tekst("Huidig aanbod", required=False)
    volgende_stap = forms.CharField(label="Volgende stap", max_length=300, required=False)
    volgende_stap_op = datumveld("Volgende stap uiterlijk", required=False)

    def __init__(self, *args, leerlingen=None, **kwargs):
        super().__init__(*args, **kwargs)
        if leerlingen is not None:
            self.fields["leerling"].queryset = leerlingen


class ThuiszitterBijwerkenForm(forms.Form):
    regie_bij = forms.CharField(label="Regie bij", max_length=200)
    huidig_aanbod = tekst("Huidig aanbod", required=False)
    volgende_stap = forms.CharField(label="Volgende stap", max_length=300, required=False)
    volgende_stap_op = datumveld("Volgende stap uiterlijk", required=False)
    beeindigd_op = datumveld("Terug naar onderwijs op", required=False)
    beeindiging = forms.CharField(label="Waar volgt de leerling onderwijs?", max_length=300, required=False)


class EscalatieSignaalForm(forms.Form):
    """Open an escalation from a thuiszitter's page; the service requires the text."""

    aanleiding = tekst("Aanleiding (signaal)", required=False, rows=2)


class EscalatieStapForm(forms.Form):
    stap = forms.ChoiceField(label="Stap", choices=StapSoort.choices)
    datum = datumveld("Datum", required=False)
    toelichting = tekst("Toelichting", required=False)


class InstemmingForm(forms.Form):
    op = datumveld("Ouders stemden in op", required=False)
    toelichting = tekst("Afspraken over communicatie", required=False)


class DrieScholenForm(forms.Form):
    scholen = forms.ModelMultipleChoiceField(
        label="Drie scholen in de regio", queryset=School.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, scholen=None, **kwargs):
        super().__init__(*args, **kwargs)
        if scholen is not None:
            self.fields["scholen"].queryset = scholen


class AntwoordBestuurForm(forms.Form):
    voorstel = forms.ModelChoiceField(label="School", queryset=Schoolvoorstel.objects.none())
    antwoord = forms.ChoiceField(label="Antwoord bestuur", choices=Schoolvoorstel.Antwoord.choices[1:])
    op = datumveld("Antwoord op", required=False)
    plaatsing_vanaf = datumveld("Bij akkoord: toelating vanaf", required=False)
    toelichting = forms.CharField(label="Toelichting", required=False, max_length=300)

    def __init__(self, *args, voorstellen=None, **kwargs):
        super().__init__(*args, **kwargs)
        if voorstellen is not None:
            self.fields["voorstel"].queryset = voorstellen


class VrijstellingForm(forms.Form):
    leerling = forms.ModelChoiceField(label="Leerling", queryset=Leerling.objects.none())
    gemeente = forms.ModelChoiceField(label="Gemeente (leerplicht)", queryset=None)
    regio = forms.ModelChoiceField(label="Regio", queryset=None)
    ingediend_op = datumveld("Beroep op vrijstelling gedaan op", required=False)

    def __init__(self, *args, leerlingen, gemeenten, regios, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leerling"].queryset = leerlingen
        self.fields["gemeente"].queryset = gemeenten
        self.fields["regio"].queryset = regios


class AdviesForm(forms.Form):
    partij = forms.ChoiceField(label="Partij", choices=Partij.choices)
    naam = forms.CharField(label="Naam en functie", max_length=200)
    betrokken_op = datumveld("Betrokken op", required=False)
    advies = tekst("Advies", rows=4)


class VrijstellingBesluitForm(forms.Form):
    toekennen = forms.TypedChoiceField(
        label="Besluit",
        coerce=lambda v: v == "ja",
        initial="nee",
        choices=[("nee", "niet toekennen (nee, tenzij)"), ("ja", "toekennen (zwaarwegende argumenten)")],
    )
    zwaarwegende_argumenten = tekst("Zwaarwegende argumenten", required=False)
    geldig_tot = datumveld("Vrijstelling geldig tot", required=False)


class EscalatieForm(forms.Form):
    situatie = forms.ChoiceField(
        label="Situatie",
        choices=[("", "— kies de situatie —"), *EscalatieSituatie.choices],
        required=False,
        help_text="De escalatieladder geldt alleen in deze situaties [002 bijlage 2.4.1].",
    )
    regio = forms.ModelChoiceField(label="Regio", queryset=None)
    school = forms.ModelChoiceField(label="School (indien van toepassing)", queryset=None, required=False)
    aanleiding = tekst(
        "Signaal: wat is er gebeurd?",
        rows=4,
        help_text="Wat u zag of hoorde, wanneer, en wat al met school of bestuur is besproken.",
    )

    def __init__(self, *args, regios, scholen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regio"].queryset = regios
        self.fields["school"].queryset = scholen


class MaatregelMeldingForm(forms.Form):
    """The school records that it reported a schorsing or verwijdering [issue 16.11]."""

    gemeld_op = datumveld("Gemeld op")
    wijze = forms.ChoiceField(
        label="Hoe gemeld", choices=[("", "– kies –"), *MeldWijze.choices], required=False
    )
    kenmerk = forms.CharField(
        label="Kenmerk of ontvangstbevestiging",
        required=False,
        max_length=100,
        help_text="Bijvoorbeeld het meldingsnummer van het portaal.",
    )


class AbsoluutVerzuimForm(forms.Form):
    """Leerplicht registers a child of the gemeente who is enrolled nowhere [issue 16.14]."""

    gemeente = forms.ModelChoiceField(label="Gemeente", queryset=None, empty_label=None)
    voornaam = forms.CharField(label="Voornaam", max_length=100, required=False)
    tussenvoegsel = forms.CharField(label="Tussenvoegsel", max_length=30, required=False)
    achternaam = forms.CharField(label="Achternaam", max_length=150, required=False)
    geboortedatum = datumveld("Geboortedatum", required=False)
    woonplaats = forms.CharField(label="Woonplaats", max_length=120, required=False)
    sinds = datumveld("Nergens ingeschreven sinds", required=False)
    toelichting = tekst("Wat is bekend (verblijfplaats, contact met ouders)", required=False)

    def __init__(self, *args, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten


class DuoGemeldForm(forms.Form):
    gemeld_op = datumveld("Gemeld aan DUO op")


class VerantwoordingUitvraagForm(forms.Form):
    """Ask every schoolbestuur for its verantwoording over the past year [002 L396]."""

    jaar = forms.IntegerField(label="Verantwoording over het jaar", min_value=2000, max_value=2100)
    gevraagd_op = datumveld("Gevraagd op")
    uiterlijk = datumveld(
        "Aanleveren uiterlijk",
        required=False,
        help_text="Leeg: zes weken na de vraag (een afspraak van het samenwerkingsverband, "
        "geen wettelijke termijn).",
    )


class AanleveringForm(forms.Form):
    aangeleverd_op = datumveld("Aangeleverd op", required=False)
    beoordeling = forms.ChoiceField(
        label="Inhoud", choices=Beoordeling.choices, widget=forms.RadioSelect, required=False
    )
    toelichting = tekst(
        "Toelichting", required=False, help_text="Bij een ondeugdelijke verantwoording: wat ontbreekt er?"
    )
