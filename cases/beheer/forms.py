"""Forms of the beheerder's pages [issue 14]: only the shape of what was typed, with choices limited
to the SWV('s) the beheerder manages. No password, superuser, staff or permission field exists here.
A form shows the SWV only when the beheerder manages more than one."""

from __future__ import annotations

from django import forms

from cases.models import Gebruiker, Gemeente, Regio, Rol, School, Schoolbestuur
from cases.models.rollen import Discipline

SWV_FOUT = {"invalid_choice": "Kies een samenwerkingsverband dat u beheert."}


class SWVKeuzeMixin:
    """Adds `swv` (limited to `swvs`), hidden with its only value when there is one."""

    def _swv_veld(self, swvs, initial=None):
        veld = forms.ModelChoiceField(
            label="Samenwerkingsverband", queryset=swvs, error_messages=SWV_FOUT, empty_label=None
        )
        lijst = list(swvs)
        if len(lijst) == 1:
            veld.widget = forms.HiddenInput()
            veld.initial = lijst[0].pk
        elif initial is not None:
            veld.initial = initial.pk
        self.fields = {"swv": veld, **self.fields}


class OrganisatieForm(SWVKeuzeMixin, forms.ModelForm):
    """Base of the four organisation forms; `swvs`: the beheerder's SWV's (a queryset)."""

    def __init__(self, *args, swvs, keuzes=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._swv_veld(swvs, self.instance.swv if self.instance.swv_id else None)
        for veld, qs in (keuzes or {}).items():
            self.fields[veld].queryset = qs
            self.fields[veld].error_messages["invalid_choice"] = "Kies een waarde uit de lijst."

    def _post_clean(self):
        # The model's rules (Model.clean) run in the service, which puts them on the fields.
        pass

    def gegevens(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "swv"}


class SchoolForm(OrganisatieForm):
    class Meta:
        model = School
        fields = [
            "naam",
            "brin",
            "vestiging",
            "soort",
            "so_cluster",
            "bestuur",
            "regio",
            "gemeente",
            "vakantieregio",
            "adres",
            "postcode_plaats",
        ]
        labels = {"bestuur": "Schoolbestuur", "soort": "Soort school"}


class SchoolbestuurForm(OrganisatieForm):
    class Meta:
        model = Schoolbestuur
        fields = ["naam", "bestuursnummer", "denominatie"]


class RegioForm(OrganisatieForm):
    class Meta:
        model = Regio
        fields = ["naam"]


class GemeenteForm(OrganisatieForm):
    class Meta:
        model = Gemeente
        fields = ["naam", "cbs_code"]


class GebruikerForm(forms.ModelForm):
    """Name, e-mail, username, active. Read-only (disabled) for a user who also works for another
    SWV: the beheerder then manages only the roles."""

    class Meta:
        model = Gebruiker
        fields = ["first_name", "last_name", "email", "username", "is_active"]
        labels = {
            "first_name": "Voornaam",
            "last_name": "Achternaam",
            "email": "E-mailadres",
            "username": "Gebruikersnaam",
            "is_active": "Account actief",
        }
        help_texts = {
            "username": "Hiermee logt de gebruiker in: letters, cijfers en @ . + - _",
            "is_active": "Zet dit uit als de gebruiker niet meer mag inloggen.",
        }

    def __init__(self, *args, alleen_lezen=False, nieuw=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
        self.fields["email"].required = True
        self.fields["email"].help_text = "Naar dit adres gaat de uitnodiging om een wachtwoord in te stellen."
        if nieuw:
            del self.fields["is_active"]
        if alleen_lezen:
            for veld in self.fields.values():
                veld.disabled = True

    def _post_clean(self):
        """ModelForm would build and validate the instance here; in this form that is the service's
        work (uniqueness, the model's rules), and it puts its messages on these fields."""


class RolForm(SWVKeuzeMixin, forms.ModelForm):
    """A role in one of the beheerder's SWV's; school, regio and gemeente only from those SWV's."""

    class Meta:
        model = Rol
        fields = ["soort", "school", "regio", "gemeente", "groepen", "discipline", "actief"]
        labels = {"soort": "Rol", "actief": "Rol actief"}
        help_texts = {
            "school": "Voor leerkracht, intern begeleider en directeur.",
            "regio": "Voor steunpuntcoördinator en contactpersoon jonge kind.",
            "gemeente": "Voor de leerplichtambtenaar.",
            "discipline": "Voor een deskundige uit de pool.",
        }

    def __init__(self, *args, swvs, scholen, regios, gemeenten, nieuw=False, **kwargs):
        super().__init__(*args, **kwargs)
        if nieuw:
            self._swv_veld(swvs)
            del self.fields["actief"]
        for veld, qs in (("school", scholen), ("regio", regios), ("gemeente", gemeenten)):
            self.fields[veld].queryset = qs
            self.fields[veld].error_messages["invalid_choice"] = "Kies een waarde uit de lijst."
        self.fields["soort"].error_messages["required"] = "Kies de rol."

    def _post_clean(self):
        """Rol.clean() runs in the service, not on a half-built instance here; its messages land on
        these fields through toon_servicefouten."""

    def gegevens(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "swv"}


class DeskundigeFilterForm(forms.Form):
    discipline = forms.ChoiceField(
        label="Discipline", required=False, choices=[("", "alle disciplines"), *Discipline.choices]
    )
