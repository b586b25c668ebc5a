"""Forms for interventietrajecten and arrangementen. They only collect input; the rules live in
cases/interventie/services/traject.py and cases/interventie/services/arrangementen.py, whose Dutch
refusals are put back on the form (`cases.formvelden.toon_servicefouten`) so nothing the user typed
is lost."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from cases.formvelden import DatumInvoer, DatumVeld, modelveld
from cases.interventie.models.arrangementen import ArrangementSoort
from cases.interventie.models.traject import (
    Aanleiding,
    InterventieBijeenkomst,
    Interventietraject,
    Onderzoeksverslagen,
    PlaatsingStap,
    TeamRol,
)
from cases.interventie.services.traject.bijeenkomsten import BIJEENKOMST_VELDEN
from cases.models import Gebruiker, Leerling, Regio, School
from cases.models.rollen import RolSoort
from cases.scope import scope_for


def gebruikers_in_swv(swv_id: int):
    """People who can own or guard an agreement or sit on a team: anyone with a role in the SWV."""
    return (
        Gebruiker.objects.filter(rollen__swv_id=swv_id, rollen__actief=True)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def scholen_in_swv(swv_id: int):
    # The SWV's schools are the choice list of a placement (organisation data, not a dossier row):
    # a directeur must be able to name another school than his own.
    return School.objects.filter(swv_id=swv_id).select_related("bestuur").order_by("naam")


class GebruikerKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.username


# --- aanmelding --------------------------------------------------------------------------------


class CriteriaForm(forms.Form):
    uit_regulier_onderwijs = forms.BooleanField(
        label="De leerling komt uit het regulier onderwijs", required=False
    )
    reguliere_route_niet_mogelijk = forms.BooleanField(
        label="De school kan de reguliere ondersteunings- en/of verwijzingsroute niet bewandelen",
        required=False,
    )
    reguliere_route_toelichting = forms.CharField(
        label="Waarom de reguliere route niet kan", widget=forms.Textarea, required=False
    )
    onderwijskundig_rapport = forms.BooleanField(
        label="Het dossier bevat een onderwijskundig rapport", required=False
    )
    verslag_maatregelen = forms.BooleanField(
        label="Het dossier bevat een verslag van eerder genomen maatregelen en de effecten daarvan",
        required=False,
    )
    onderzoeksverslagen = forms.ChoiceField(
        label="Verslagen van relevant onderzoek",
        choices=[("", "— kies —"), *Onderzoeksverslagen.choices],
        required=False,
    )

    @property
    def criteria_velden(self):
        """The criteria [000], which the page groups in one fieldset."""
        return [self[naam] for naam in CriteriaForm.base_fields]


class AanmeldForm(CriteriaForm):
    leerling = forms.ModelChoiceField(queryset=Leerling.objects.none(), label="Leerling")
    gemeld_op = DatumVeld(label="Datum melding", widget=DatumInvoer())
    aanleiding = forms.ChoiceField(choices=Aanleiding.choices, label="Aanleiding")
    aanleiding_toelichting = forms.CharField(label="Toelichting", widget=forms.Textarea, required=False)

    field_order = ["leerling", "gemeld_op", "aanleiding", "aanleiding_toelichting"]

    @property
    def melding_velden(self):
        """Who is reported, when and why: shown above the criteria."""
        return [self[naam] for naam in self.field_order]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        scope = scope_for(user)
        eigen = [r.school_id for r in scope.rollen if r.soort == RolSoort.DIRECTEUR]
        self.fields["leerling"].queryset = (
            Leerling.objects.filter_for_user(user)
            .filter(huidige_school_id__in=eigen)
            .order_by("achternaam", "voornaam")
        )
        self.fields["gemeld_op"].initial = timezone.localdate()


# --- team, meetings, agreements ----------------------------------------------------------------------


class TeamlidForm(forms.Form):
    rol = forms.ChoiceField(choices=TeamRol.choices, label="Rol in het team")
    gebruiker = GebruikerKeuze(
        queryset=Gebruiker.objects.none(), required=False, label="Gebruiker (met account)"
    )
    naam = forms.CharField(required=False, label="Of: naam (zonder account)")
    organisatie = forms.CharField(required=False, label="Organisatie")

    def __init__(self, *args, traject, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gebruiker"].queryset = gebruikers_in_swv(traject.swv_id)


class BijeenkomstForm(forms.ModelForm):
    class Meta:
        model = InterventieBijeenkomst
        formfield_callback = modelveld
        fields = list(BIJEENKOMST_VELDEN)  # one list, with the service that writes them [issue 15]
        widgets = {
            "datum": DatumInvoer(),
            "agenda_verstuurd_op": DatumInvoer(),
            "ouders_geinformeerd_op": DatumInvoer(),
            "tijd": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }


class AfspraakForm(forms.Form):
    wat = forms.CharField(label="Wat", widget=forms.Textarea(attrs={"rows": 3}))
    eigenaar = GebruikerKeuze(queryset=Gebruiker.objects.none(), required=False, label="Wie (gebruiker)")
    eigenaar_naam = forms.CharField(
        required=False,
        label="Of: wie (naam)",
        help_text="Voor iemand zonder account, bijvoorbeeld de ouders.",
    )
    uiterlijk = DatumVeld(label="Uiterlijk op", widget=DatumInvoer())
    bewaker = GebruikerKeuze(queryset=Gebruiker.objects.none(), label="Wie bewaakt de afspraak")

    def __init__(self, *args, traject, **kwargs):
        super().__init__(*args, **kwargs)
        mensen = gebruikers_in_swv(traject.swv_id)
        self.fields["eigenaar"].queryset = mensen
        self.fields["bewaker"].queryset = mensen


# --- plaatsingsstroom --------------------------------------------------------------------------------


class SchoolKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.naam} ({obj.get_soort_display()}, {obj.bestuur.naam})"


class PlaatsingForm(forms.Form):
    stap = forms.TypedChoiceField(
        choices=PlaatsingStap.choices, coerce=int, label="Stap van de plaatsingsstroom"
    )
    school = SchoolKeuze(
        queryset=School.objects.none(),
        required=False,
        label="Ontvangende school",
        help_text="Leeg bij stap 1 en 2 (de eigen school).",
    )
    setting = forms.CharField(label="Setting", help_text="Bijvoorbeeld groep 6b, of een observatiegroep.")
    doel = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))
    startdatum = DatumVeld(widget=DatumInvoer())
    einddatum = DatumVeld(label="Einddatum (duur)", widget=DatumInvoer())
    middelen = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}))
    akkoord_ontvangende_school = forms.BooleanField(
        required=False, label="De ontvangende school gaat akkoord"
    )
    akkoord_door = forms.CharField(required=False, label="Akkoord gegeven door (naam, functie)")
    akkoord_op = DatumVeld(required=False, label="Akkoord gegeven op", widget=DatumInvoer())

    def __init__(self, *args, traject, gehad: set[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = scholen_in_swv(traject.swv_id)
        # A reason field for every step not yet tried or skipped: needed when a later step is chosen.
        for s in range(1, 6):
            if s in gehad:
                continue
            self.fields[f"reden_stap_{s}"] = forms.CharField(
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                label=f"Reden om stap {s} over te slaan ({PlaatsingStap(s).label})",
                help_text="Alleen invullen als deze stap niet geprobeerd is en u een latere stap kiest [000].",  # noqa: E501
            )

    def redenen(self) -> dict[int, str]:
        return {s: self.cleaned_data.get(f"reden_stap_{s}", "") for s in range(1, 6)}


class BeeindigForm(forms.Form):
    op = DatumVeld(label="Beëindigd op", widget=DatumInvoer())
    toelichting = forms.CharField(label="Uitkomst", widget=forms.Textarea(attrs={"rows": 3}))


class DefinitiefForm(forms.Form):
    per = DatumVeld(label="Ingeschreven op de ontvangende school per", widget=DatumInvoer())
    groep = forms.TypedChoiceField(
        choices=[("", "—")] + [(g, f"groep {g}") for g in range(1, 9)],
        coerce=int,
        empty_value=None,
        required=False,
    )
    toelichting = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))


class EvaluatieForm(forms.Form):
    beginsituatie = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    proces = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    verloop = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    oplossing = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    vervolg = forms.CharField(
        label="Waar de casus verder wordt besproken",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text="Bijvoorbeeld het OT, de CLO of het ZAT [000].",
    )


# --- arrangementen ---------------------------------------------------------------------------------


class ArrangementForm(forms.Form):
    leerling = forms.ModelChoiceField(queryset=Leerling.objects.none())
    soort = forms.ChoiceField(choices=ArrangementSoort.choices)
    uitvoerende_school = SchoolKeuze(
        queryset=School.objects.none(),
        required=False,
        label="School waar de leerling geplaatst wordt",
        help_text="Leeg bij een HGO-arrangement op de eigen school.",
    )
    start = DatumVeld(widget=DatumInvoer())
    einde = DatumVeld(label="Laatste dag", widget=DatumInvoer())
    doel = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))
    ondersteuningsbehoefte = forms.CharField(
        label="Ondersteuningsbehoefte van de leerling", widget=forms.Textarea(attrs={"rows": 3})
    )
    communicatieafspraken = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))
    bedrag = forms.DecimalField(
        label="Bedrag (euro)",
        required=False,
        max_digits=9,
        decimal_places=2,
        min_value=0,
        help_text="Alleen bij een HGO-arrangement deskundigheid en middelen.",
    )

    traject = forms.ModelChoiceField(
        queryset=Interventietraject.objects.none(),
        required=False,
        label="Hoort bij interventietraject (optioneel)",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["traject"].queryset = (
            Interventietraject.objects.filter_for_user(user)
            .open()
            .select_related("leerling")
            .order_by("-gemeld_op")
        )
        self.fields["traject"].label_from_instance = (
            lambda t: f"{t.leerling.volledige_naam} (gemeld {t.gemeld_op:%d-%m-%Y})"
        )
        self.fields["leerling"].queryset = (
            Leerling.objects.filter_for_user(user)
            .filter(huidige_school__isnull=False)
            .order_by("achternaam", "voornaam")
        )
        swv_ids = scope_for(user).swv_ids_alle
        self.fields["uitvoerende_school"].queryset = (
            School.objects.filter(swv_id__in=swv_ids).select_related("bestuur").order_by("naam")
        )


class EindeForm(forms.Form):
    einde = DatumVeld(label="Nieuwe laatste dag", widget=DatumInvoer())


class BudgetForm(forms.Form):
    regio = forms.ModelChoiceField(queryset=Regio.objects.none())
    jaar = forms.IntegerField(min_value=2000, max_value=2100)
    bedrag = forms.DecimalField(label="Budget (euro)", max_digits=11, decimal_places=2, min_value=0)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regio"].queryset = Regio.objects.filter_for_user(user).order_by("naam")
        self.fields["jaar"].initial = timezone.localdate().year
