"""Forms of the TLV pages. Labels and messages in Dutch; every field optional where the school may
save half-finished work (a concept aanvraag loses nothing)."""

from __future__ import annotations

from django import forms

from cases.formvelden import DatumInvoer, DatumVeld, modelveld
from cases.models import Gebruiker, Leerling
from tlv.models import (
    SC_VRAGEN,
    BezwaarUitkomst,
    Eindadvies,
    Herindicatiegesprek,
    Strekking,
    TLAVergadering,
    TLVAanvraag,
)


class AanvraagForm(forms.ModelForm):
    class Meta:
        model = TLVAanvraag
        formfield_callback = modelveld
        fields = [
            "soort",
            "herindicatie_optie",
            "gevraagde_schoolsoort",
            "gevraagde_categorie",
            "groep",
            "emb",
            "onderwijsbehoeften",
            "waarom_niet_regulier",
            "zienswijze_ouders",
            "ouders_ondertekend_op",
            "bestuur_geinformeerd",
            "zonder_toestemming",
            "zt_zorgen_gedeeld",
            "zt_intensieve_ondersteuning",
            "zt_andere_school_gemeld",
            "zt_deskundige_aangekondigd",
            "zt_ouders_geinformeerd_op",
            "zt_verzenddatum_gemeld",
        ]
        widgets = {
            "ouders_ondertekend_op": DatumInvoer(),
            "zt_ouders_geinformeerd_op": DatumInvoer(),
            "zt_verzenddatum_gemeld": DatumInvoer(),
        }

    def clean(self):
        data = super().clean()
        if data.get("soort") == "herindicatie" and not data.get("herindicatie_optie"):
            self.add_error("herindicatie_optie", "Kies bij een herindicatie optie 1 of optie 2.")
        groep = data.get("groep")
        if groep is not None and not 1 <= groep <= 8:
            self.add_error("groep", "Een groep ligt tussen 1 en 8.")
        return data


class NieuweAanvraagForm(AanvraagForm):
    leerling = forms.ModelChoiceField(queryset=Leerling.objects.none(), label="Leerling")

    class Meta(AanvraagForm.Meta):
        fields = ["leerling", *AanvraagForm.Meta.fields]

    def __init__(self, *args, leerlingen=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leerling"].queryset = leerlingen if leerlingen is not None else Leerling.objects.none()


class HerindicatiegesprekForm(forms.ModelForm):
    """The herindicatiegesprek of optie 2 [002 L820-822]."""

    class Meta:
        model = Herindicatiegesprek
        formfield_callback = modelveld
        fields = ["datum", "ouders_aanwezig", "school_aanwezig", "sc_aanwezig", "uitkomst", "verslag"]
        widgets = {"datum": DatumInvoer(), "verslag": forms.Textarea(attrs={"rows": 4})}


class ActueleZienswijzeForm(forms.Form):
    tekst = forms.CharField(
        label="Actuele zienswijze",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Het recente standpunt van ouders over de herindicatie [002 L818].",
    )
    datum = DatumVeld(label="Datum van de zienswijze", widget=DatumInvoer())


class LeegForm(forms.Form):
    """A step without input (the button is the decision)."""


class RedenForm(forms.Form):
    reden = forms.CharField(label="Reden", widget=forms.Textarea(attrs={"rows": 3}))


class InformatieVragenForm(forms.Form):
    ontbreekt = forms.CharField(
        label="Wat ontbreekt of is onduidelijk",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Dit komt in het standaardbericht aan de school en in de brief aan ouders.",
    )
    antwoord_uiterlijk = DatumVeld(
        label="Aanleveren uiterlijk op",
        widget=DatumInvoer(),
        help_text="Een redelijke termijn; zonder termijn wordt niet opgeschort.",
    )


class DatumForm(forms.Form):
    datum = DatumVeld(label="Datum van ontvangst", widget=DatumInvoer())


class ScOordeelForm(forms.Form):
    def __init__(self, *args, bestaand=None, **kwargs):
        super().__init__(*args, **kwargs)
        bestaand = bestaand or {}
        for code, vraag in SC_VRAGEN:
            o = bestaand.get(code)
            self.fields[f"{code}_voldoet"] = forms.TypedChoiceField(
                label=vraag,
                choices=[("", "nog niet beoordeeld"), ("ja", "voldoet"), ("nee", "voldoet niet")],
                required=False,
                initial={True: "ja", False: "nee"}.get(o.voldoet) if o else "",
            )
            self.fields[f"{code}_toelichting"] = forms.CharField(
                label="Toelichting",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=o.toelichting if o else "",
            )

    def oordelen(self) -> dict:
        uit = {}
        for code, _ in SC_VRAGEN:
            waarde = self.cleaned_data.get(f"{code}_voldoet")
            voldoet = {"ja": True, "nee": False}.get(waarde)
            uit[code] = (voldoet, self.cleaned_data.get(f"{code}_toelichting", ""))
        return uit


class AfwijkingForm(forms.Form):
    datum = DatumVeld(label="Afwijkende ingangsdatum", required=False, widget=DatumInvoer())
    reden = forms.CharField(
        label="Beredeneerde afwijking", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    tweede_deskundige_voorkeur = forms.CharField(
        label="Andere tweede deskundige nodig?",
        required=False,
        help_text="Bijvoorbeeld: arts, vanwege de medische vragen.",
    )


def _discipline(waarde: str) -> str:
    from cases.models.rollen import Discipline

    return Discipline(waarde).label if waarde in Discipline.values else waarde


class ToewijzenForm(forms.Form):
    eerste = forms.ModelChoiceField(
        queryset=Gebruiker.objects.none(), label="1e deskundige (gedragsdeskundige)"
    )
    tweede = forms.ModelChoiceField(
        queryset=Gebruiker.objects.none(),
        label="2e deskundige (andere expertise)",
        help_text="Een kinder- of jeugdpsycholoog, pedagoog, kinderpsychiater, maatschappelijk werker of "
        "arts; bij groep 6–8 zo mogelijk een deskundige vo [002 L657-658].",
    )

    def __init__(self, *args, pool=(), **kwargs):
        super().__init__(*args, **kwargs)
        ids = [u.pk for u, _, _ in pool]
        labels = {u.pk: f"{u} – {_discipline(d)}" + (f" (betrokken: {c})" if c else "") for u, d, c in pool}
        for veld in ("eerste", "tweede"):
            self.fields[veld].queryset = Gebruiker.objects.filter(pk__in=ids)
            self.fields[veld].label_from_instance = lambda u: labels.get(u.pk, str(u))


class VervangenForm(forms.Form):
    volgorde = forms.TypedChoiceField(
        label="Welke deskundige", coerce=int, choices=[(1, "1e deskundige"), (2, "2e deskundige")]
    )
    nieuwe = forms.ModelChoiceField(queryset=Gebruiker.objects.none(), label="Nieuwe deskundige")
    reden = forms.CharField(label="Reden", widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, pool=(), **kwargs):
        super().__init__(*args, **kwargs)
        labels = {u.pk: f"{u} – {_discipline(d)}" + (f" (betrokken: {c})" if c else "") for u, d, c in pool}
        self.fields["nieuwe"].queryset = Gebruiker.objects.filter(pk__in=list(labels))
        self.fields["nieuwe"].label_from_instance = lambda u: labels.get(u.pk, str(u))


class AdviesForm(forms.Form):
    strekking = forms.ChoiceField(label="Advies", choices=[("", "—"), *Strekking.choices], required=False)
    categorie = forms.ChoiceField(
        label="Bekostigingscategorie (alleen so)",
        required=False,
        choices=[("", "—"), ("laag", "laag"), ("midden", "midden"), ("hoog", "hoog")],
    )
    motivering = forms.CharField(
        label="Advies en motivering",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="In termen van ondersteuningsbehoeften, niet van kindkenmerken of diagnose [002 §1.11].",
    )
    indienen = forms.BooleanField(label="Definitief indienen (daarna niet meer te wijzigen)", required=False)


class EindadviesForm(forms.ModelForm):
    class Meta:
        model = Eindadvies
        formfield_callback = modelveld
        fields = [
            "besluit",
            "gemotiveerd_besluit",
            "diagnose_genoemd",
            "diagnose_bron",
            "doelen",
            "schoolsoort",
            "periode",
            "einddatum_afwijkend",
            "categorie",
            "tla_besproken",
        ]
        widgets = {
            "einddatum_afwijkend": DatumInvoer(),
            "gemotiveerd_besluit": forms.Textarea(attrs={"rows": 6}),
        }


class AgenderenForm(forms.Form):
    vergadering = forms.ModelChoiceField(queryset=TLAVergadering.objects.none(), label="TLA-vergadering")

    def __init__(self, *args, swv_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vergadering"].queryset = TLAVergadering.objects.filter(swv_id=swv_id).order_by("datum")


class VergaderingForm(forms.Form):
    datum = DatumVeld(label="Datum", widget=DatumInvoer())
    schooljaar = forms.RegexField(
        label="Schooljaar",
        regex=r"^\d{4}-\d{4}$",
        error_messages={"invalid": "Schrijf het schooljaar als 2025-2026."},
    )
    locatie = forms.CharField(label="Locatie", required=False)


def _wachtwoord_veld():
    return forms.CharField(
        label="Uw wachtwoord (ter bevestiging van uw handtekening)",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


def _code_veld():
    """A fresh second factor for a signature [issue 14]: checked by cases.tweefactor."""
    return forms.CharField(
        label="Code uit uw authenticator-app (6 cijfers)",
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8}),
    )


class OndertekenForm(forms.Form):
    wachtwoord = _wachtwoord_veld()
    code = _code_veld()


class VragenForm(forms.Form):
    vragen = forms.CharField(label="Vragen aan de commissie", widget=forms.Textarea(attrs={"rows": 4}))


class VerdagenForm(forms.Form):
    nieuwe_termijn = DatumVeld(label="Nieuwe beslisdatum", widget=DatumInvoer())
    reden = forms.CharField(label="Reden", widget=forms.Textarea(attrs={"rows": 3}))


class BezwaarForm(forms.Form):
    ontvangen_op = DatumVeld(label="Bezwaarschrift ontvangen op", widget=DatumInvoer())
    indiener = forms.ChoiceField(
        label="Ingediend door",
        choices=[("ouders", "ouders"), ("school", "school"), ("beide", "ouders en school")],
    )
    gronden = forms.CharField(label="Gronden", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    verschoonbaar = forms.BooleanField(label="Te laat, maar verschoonbaar (Awb 6:11)", required=False)
    verschoonbaar_reden = forms.CharField(label="Verschoonbare reden", required=False)


class TermijnoverschrijdingForm(forms.Form):
    verschoonbaar = forms.BooleanField(
        label="De termijnoverschrijding is verschoonbaar (Awb 6:11)", required=False
    )
    reden = forms.CharField(label="Reden", required=False)


class BemiddelingForm(forms.Form):
    gesprek_op = DatumVeld(label="Gesprek bemiddelingscommissie op", widget=DatumInvoer())
    advies_op = DatumVeld(label="Advies uitgebracht op", widget=DatumInvoer())
    advies = forms.CharField(label="Advies", widget=forms.Textarea(attrs={"rows": 3}))


class LandelijkForm(forms.Form):
    advies_op = DatumVeld(
        label="Advies landelijke commissie ontvangen op", required=False, widget=DatumInvoer()
    )
    advies = forms.CharField(
        label="Advies (als het er is)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class BeslissingBezwaarForm(forms.Form):
    uitkomst = forms.ChoiceField(label="Beslissing op bezwaar", choices=BezwaarUitkomst.choices)
    motivering = forms.CharField(label="Motivering", widget=forms.Textarea(attrs={"rows": 4}))
    wachtwoord = _wachtwoord_veld()
    code = _code_veld()
