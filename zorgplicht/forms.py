"""Forms of the zorgplicht app: they collect input; the rules live in the services."""

from __future__ import annotations

from django import forms

from cases.formvelden import DatumInvoer, DatumVeld
from cases.models import Gebruiker, Leerling, School
from cases.models.leerling import Geslacht
from cases.models.rollen import SCHOOLLEIDING, RolSoort
from cases.scope import scope_for
from zorgplicht.models import Antwoord, NietVanToepassing, OndersteuningSoort, TLVSoort, Uitkomst
from zorgplicht.services import LEERLING_VELDEN

JA_NEE = [("ja", "ja"), ("nee", "nee")]


# The aanmelding form's field lists, once: the page's groups, the fields a new leerling needs and
# the service's keyword arguments are all read from these. A new leerling's fields are the ones the
# service accepts (LEERLING_VELDEN); ouder 1 and 2 are the form fields `ouder_<x>` and `ouder2_<x>`.
OUDER_1 = ("naam", "relatie", "adres", "postcode_plaats", "email", "telefoon")
OUDER_2 = ("naam", "relatie")
AANMELDING_GROEPEN = (
    (
        "Aanmelding",
        (
            "school",
            "aanmelding_op",
            "extra_ondersteuning_vermoed",
            "ondersteuningsbehoeften",
            "andere_scholen",
        ),
    ),
    ("Leerling", (*LEERLING_VELDEN, "zij_instroom", "bestaande_leerling")),
    (
        "Ouders/verzorgers (ontvangen de brieven)",
        (*(f"ouder_{k}" for k in OUDER_1), *(f"ouder2_{k}" for k in OUDER_2)),
    ),
    ("Toelichting", ("toelichting",)),
)
NIEUWE_LEERLING_VERPLICHT = (
    "voornaam",
    "achternaam",
    "geboortedatum",
    "ouder_naam",
    "ouder_adres",
    "ouder_postcode_plaats",
)


class AanmeldingForm(forms.Form):
    school = forms.ModelChoiceField(queryset=School.objects.none(), label="School van aanmelding")
    aanmelding_op = DatumVeld(
        widget=DatumInvoer(),
        label="Datum van de schriftelijke aanmelding",
        help_text="De dag waarop de school het ingevulde aanmeldformulier ontving. De termijn begint de dag erna.",  # noqa: E501
    )
    extra_ondersteuning_vermoed = forms.ChoiceField(
        choices=JA_NEE,
        widget=forms.RadioSelect,
        initial="ja",
        label="Heeft de leerling (vermoedelijk) extra ondersteuning nodig?",
    )
    ondersteuningsbehoeften = forms.MultipleChoiceField(
        choices=OndersteuningSoort.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Welke ondersteuning (vermoedelijk)?",
    )
    andere_scholen = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        label="Ook aangemeld bij",
        help_text="Andere scholen waar de ouders hun kind hebben aangemeld.",
    )
    bestaande_leerling = forms.ModelChoiceField(
        queryset=Leerling.objects.none(),
        required=False,
        label="Bestaande leerling (zij-instroom)",
        help_text="Kies alleen als de leerling al in Passend staat; vul anders hieronder de gegevens in.",
    )
    zij_instroom = forms.BooleanField(
        required=False, label="De leerling staat al ingeschreven op een andere school (zij-instroom)"
    )
    voornaam = forms.CharField(required=False, max_length=100)
    tussenvoegsel = forms.CharField(required=False, max_length=30)
    achternaam = forms.CharField(required=False, max_length=150)
    geboortedatum = DatumVeld(widget=DatumInvoer(), required=False)
    geslacht = forms.ChoiceField(choices=Geslacht.choices, initial=Geslacht.ANDERS, required=False)
    woonplaats = forms.CharField(required=False, max_length=120)
    bsn = forms.CharField(
        required=False,
        max_length=9,
        label="BSN of onderwijsnummer (optioneel)",
        help_text="Staat de leerling al in Passend op een andere school, dan wordt die leerling gevonden met dit "  # noqa: E501
        "nummer en de geboortedatum samen (zij-instroom).",
    )
    ouder_naam = forms.CharField(required=False, max_length=200, label="Ouder/verzorger 1: naam")
    ouder_relatie = forms.CharField(
        required=False, max_length=60, initial="ouder", label="Ouder/verzorger 1: relatie"
    )
    ouder_adres = forms.CharField(required=False, max_length=200, label="Adres")
    ouder_postcode_plaats = forms.CharField(required=False, max_length=200, label="Postcode en plaats")
    ouder_email = forms.EmailField(required=False, label="E-mailadres")
    ouder_telefoon = forms.CharField(required=False, max_length=40, label="Telefoon")
    ouder2_naam = forms.CharField(required=False, max_length=200, label="Ouder/verzorger 2: naam (optioneel)")
    ouder2_relatie = forms.CharField(
        required=False, max_length=60, initial="ouder", label="Ouder/verzorger 2: relatie"
    )
    toelichting = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        scope = scope_for(user)
        eigen = {r.school_id for r in scope.rollen if r.soort in SCHOOLLEIDING}
        scholen = School.objects.filter_for_user(user)
        if not scope.alles:
            scholen = scholen.filter(pk__in=eigen)
        self.fields["school"].queryset = scholen.order_by("naam")
        if len(eigen) == 1:
            self.fields["school"].initial = next(iter(eigen))
        self.fields["bestaande_leerling"].queryset = Leerling.objects.filter_for_user(user).order_by(
            "achternaam", "voornaam"
        )

    def groepen(self) -> list[tuple[str, list]]:
        """The fields as the page shows them: one fieldset per group of AANMELDING_GROEPEN."""
        return [(titel, [self[n] for n in namen]) for titel, namen in AANMELDING_GROEPEN]

    def clean(self):
        data = super().clean()
        if not data.get("bestaande_leerling"):
            for veld in NIEUWE_LEERLING_VERPLICHT:
                if not data.get(veld) and veld not in self.errors:
                    self.add_error(
                        veld, "Vul dit in voor een nieuwe leerling (of kies een bestaande leerling)."
                    )
        return data

    def service_kwargs(self) -> dict:
        d = self.cleaned_data
        kw = {
            "school": d["school"],
            "aanmelding_op": d["aanmelding_op"],
            "extra_ondersteuning_vermoed": d["extra_ondersteuning_vermoed"] == "ja",
            "ondersteuningsbehoeften": d["ondersteuningsbehoeften"],
            "andere_scholen": d["andere_scholen"],
            "toelichting": d["toelichting"],
            "zij_instroom": d["zij_instroom"],
        }
        if d.get("bestaande_leerling"):
            kw["leerling"] = d["bestaande_leerling"]
            return kw
        kw["nieuwe_leerling"] = {k: d[k] for k in LEERLING_VELDEN} | {
            "geslacht": d["geslacht"] or Geslacht.ANDERS
        }
        brieven = {"gezag": True, "ontvangt_brieven": True}
        ouder = {k: d[f"ouder_{k}"] for k in OUDER_1} | {"relatie": d["ouder_relatie"] or "ouder"}
        ouders = [ouder | brieven]
        if d["ouder2_naam"]:
            # The second ouder lives at the first one's address.
            adres = {"adres": ouder["adres"], "postcode_plaats": ouder["postcode_plaats"]}
            tweede = {k: d[f"ouder2_{k}"] for k in OUDER_2} | {"relatie": d["ouder2_relatie"] or "ouder"}
            ouders.append(tweede | adres | brieven)
        kw["ouders"] = ouders
        return kw


class LeegForm(forms.Form):
    """A step without input: only the button (and the errors the service gives)."""


class InformatieForm(forms.Form):
    gevraagd_op = DatumVeld(widget=DatumInvoer(), label="Gevraagd op")
    gevraagd_bij = forms.CharField(
        max_length=200,
        label="Gevraagd bij",
        help_text="Bijvoorbeeld de ouders, de peuterspeelzaal, een orthopedagoog.",
    )
    omschrijving = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label="Welke informatie")
    toestemming_ouders_op = DatumVeld(
        widget=DatumInvoer(),
        required=False,
        label="Toestemming van de ouders gegeven op",
        help_text="Nodig vóór het verzoek [002 bijlage 2.2.1 stap 4].",
    )
    antwoord_uiterlijk = DatumVeld(
        widget=DatumInvoer(),
        required=False,
        label="Antwoord uiterlijk op",
        help_text="De termijn die u stelt voor het antwoord. Alleen dan wordt de termijn opgeschort; komt er "
        "niets, dan loopt de termijn na deze dag weer.",
    )


class OntvangenForm(forms.Form):
    ontvangen_op = DatumVeld(
        widget=DatumInvoer(),
        label="Ontvangen op",
        help_text="Of de dag waarop vaststond dat de informatie niet komt.",
    )
    niet_ontvangen = forms.BooleanField(
        required=False, label="De informatie komt niet; de school beoordeelt op basis van wat er wél is"
    )


class VerlengForm(forms.Form):
    reden = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Reden van de verlenging",
        help_text="Deze reden staat in de brief aan de ouders, die vandaag wordt gemaakt.",
    )


class BesluitForm(forms.Form):
    uitkomst = forms.TypedChoiceField(
        choices=Uitkomst.choices, coerce=int, widget=forms.RadioSelect, label="Uitkomst"
    )
    toelichting = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Onderbouwing voor de ouders",
        help_text="De afwegingen staan in de besluitbrief; maak ze duidelijk en transparant.",
    )
    arrangement = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        label="Bij uitkomst 7: extra ondersteuning vanuit het SWV",
        help_text="Expertise en/of middelen, afgesproken met de steunpuntcoördinator.",
    )
    sc = forms.ModelChoiceField(
        queryset=Gebruiker.objects.none(), required=False, label="Bij uitkomst 7: steunpuntcoördinator"
    )
    tlv_soort = forms.ChoiceField(
        choices=[("", "—"), *TLVSoort.choices], required=False, label="Bij uitkomst 9: soort TLV-aanvraag"
    )
    tlv_school_soort = forms.ChoiceField(
        choices=[("", "—"), ("sbo", "sbo"), ("so", "so")],
        required=False,
        label="Bij uitkomst 9: beoogd onderwijs",
    )

    def __init__(self, *args, aanmelding, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sc"].queryset = Gebruiker.objects.filter(
            rollen__soort=RolSoort.SC, rollen__regio_id=aanmelding.school.regio_id, rollen__actief=True
        ).distinct()


class AfsluitenForm(forms.Form):
    ingeschreven_op = DatumVeld(
        widget=DatumInvoer(),
        required=False,
        label="Ingeschreven op",
        help_text="Niet nodig bij uitkomst 9 (TLV-route).",
    )
    groep = forms.IntegerField(required=False, min_value=1, max_value=8, label="Groep")


class NietVanToepassingForm(forms.Form):
    reden = forms.ChoiceField(choices=NietVanToepassing.choices, widget=forms.RadioSelect, label="Reden")
    onderbouwing = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label="Onderbouwing en bewijs")
    capaciteit = forms.IntegerField(
        required=False, min_value=0, label="School vol: vastgestelde maximumcapaciteit"
    )
    aantal_ingeschreven = forms.IntegerField(
        required=False, min_value=0, label="School vol: aantal ingeschreven en toegezegd"
    )
    vol_voor_iedereen = forms.BooleanField(
        required=False, label="School vol: de stop geldt voor álle aanmelders"
    )
    cluster_instelling = forms.CharField(
        required=False, max_length=200, label="Cluster 1/2: naam van de instelling"
    )
    geadviseerd_niveau = forms.CharField(
        required=False, max_length=200, label="Ander niveau: advies van de vorige school"
    )


class VoorstelForm(forms.Form):
    school = forms.ModelChoiceField(queryset=School.objects.none(), label="Voorgestelde school")
    motivering = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), required=False, label="Waarom deze school past"
    )

    def __init__(self, *args, scholen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = scholen


class AntwoordForm(forms.Form):
    antwoord = forms.ChoiceField(
        choices=[c for c in Antwoord.choices if c[0] != Antwoord.GEVRAAGD], widget=forms.RadioSelect
    )
    toelichting = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)


class SopForm(forms.Form):
    """One checkbox and a short note per key support offer."""

    def __init__(self, *args, bestaand: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for soort, label in OndersteuningSoort.choices:
            self.fields[f"heeft_{soort}"] = forms.BooleanField(
                required=False, label=label, initial=soort in bestaand
            )
            self.fields[f"toelichting_{soort}"] = forms.CharField(
                required=False, max_length=300, label=f"Toelichting {label}", initial=bestaand.get(soort, "")
            )

    def aanbod(self) -> dict[str, str]:
        d = self.cleaned_data
        return {s: d[f"toelichting_{s}"] for s in OndersteuningSoort.values if d.get(f"heeft_{s}")}
