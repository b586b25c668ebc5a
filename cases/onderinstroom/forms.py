"""Forms of the onderinstroom. They only collect input; the rules live in cases/onderinstroom/services/,
whose Dutch refusals go back on the form (`toon_servicefouten`), so nothing typed is lost."""

from __future__ import annotations

from django import forms
from django.db import models

from cases.formvelden import DatumInvoer, DatumVeld, modelveld
from cases.models import Gebruiker, Gemeente, Regio, School
from cases.models.leerling import Geslacht
from cases.models.organisaties import SchoolSoort
from cases.models.rollen import RolSoort
from cases.onderinstroom.models.arrangement import Uitkomst
from cases.onderinstroom.models.overdracht import Overdrachtsdocument
from cases.onderinstroom.services.document import VELDEN
from cases.scope import scope_for


class GebruikerKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.username


class KindForm(forms.Form):
    """A young child in beeld [002 L800]: only what the work needs (AVG)."""

    voornaam = forms.CharField(max_length=100)
    tussenvoegsel = forms.CharField(max_length=30, required=False)
    achternaam = forms.CharField(max_length=150)
    geboortedatum = DatumVeld(widget=DatumInvoer())
    geslacht = forms.ChoiceField(choices=Geslacht.choices, initial=Geslacht.ANDERS)
    woonplaats = forms.CharField(max_length=120, required=False)
    gemeente = forms.ModelChoiceField(queryset=Gemeente.objects.none(), required=False, label="Woongemeente")
    regio = forms.ModelChoiceField(queryset=Regio.objects.none(), label="Regio (van de CJK)")
    voorschool = forms.ModelChoiceField(
        queryset=School.objects.none(), required=False, label="Voorschoolse voorziening"
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        scope = scope_for(user)
        regio_ids = [r.regio_id for r in scope.rollen if r.soort == RolSoort.CJK]
        swv_ids = {r.swv_id for r in scope.rollen if r.soort == RolSoort.CJK}
        self.fields["regio"].queryset = Regio.objects.filter(pk__in=regio_ids)
        if len(regio_ids) == 1:
            self.fields["regio"].initial = regio_ids[0]
        self.fields["gemeente"].queryset = Gemeente.objects.filter(swv_id__in=swv_ids)
        self.fields["voorschool"].queryset = School.objects.filter(swv_id__in=swv_ids, soort=SchoolSoort.VVE)


class AdviesForm(forms.Form):
    cjk_betrokken_op = DatumVeld(label="CJK betrokken op", widget=DatumInvoer())
    advies = forms.CharField(
        label="Advies aan voorschool en ouders", widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    advies_op = DatumVeld(label="Advies gegeven op", widget=DatumInvoer(), required=False)
    school_van_aanmelding = forms.ModelChoiceField(queryset=School.objects.none(), required=False)
    aangemeld_op = DatumVeld(label="Aangemeld op", widget=DatumInvoer(), required=False)

    def __init__(self, *args, swv_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        # The SWV's schools are organisation data: the ouders may apply at any school.
        self.fields["school_van_aanmelding"].queryset = (
            School.objects.filter(swv_id=swv_id).exclude(soort=SchoolSoort.VVE).order_by("naam")
        )


class OverdrachtForm(forms.Form):
    sc = GebruikerKeuze(queryset=Gebruiker.objects.none(), label="Steunpuntcoördinator")
    op = DatumVeld(label="Overgedragen op", widget=DatumInvoer())
    notitie = forms.CharField(
        label="Wat de CJK overdraagt", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, ond, **kwargs):
        super().__init__(*args, **kwargs)
        regios = {ond.regio_id}
        if ond.school_van_aanmelding_id:
            regios.add(ond.school_van_aanmelding.regio_id)
        self.fields["sc"].queryset = (
            Gebruiker.objects.filter(
                rollen__soort=RolSoort.SC,
                rollen__actief=True,
                rollen__swv_id=ond.swv_id,
                rollen__regio_id__in=regios,
            )
            .distinct()
            .order_by("last_name", "first_name")
        )


class DocumentForm(forms.ModelForm):
    """The fields of bijlage 3.10, all optional while the document is a concept."""

    class Meta:
        model = Overdrachtsdocument
        formfield_callback = modelveld
        fields = VELDEN
        widgets = {
            "ouders_ondertekend_op": DatumInvoer(),
            "type_voorziening": forms.RadioSelect,
            "conclusie": forms.RadioSelect,
            **{
                v: forms.Textarea(attrs={"rows": 3})
                for v in VELDEN
                if isinstance(Overdrachtsdocument._meta.get_field(v), models.TextField)
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for naam in ("type_voorziening", "conclusie"):
            self.fields[naam].choices = [c for c in self.fields[naam].choices if c[0] != ""]


class ArrangementForm(forms.Form):
    start = DatumVeld(label="Startdatum", widget=DatumInvoer())
    extra_ondersteuning = forms.CharField(
        label="Extra ondersteuning op school", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class EvaluatieForm(forms.Form):
    uitkomst = forms.ChoiceField(choices=Uitkomst.choices, widget=forms.RadioSelect, label="Uitkomst")
    op = DatumVeld(label="Geëvalueerd op", widget=DatumInvoer())
    evaluatie = forms.CharField(label="Toelichting", widget=forms.Textarea(attrs={"rows": 3}), required=False)
