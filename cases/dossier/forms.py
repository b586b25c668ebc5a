"""Forms of the leerling dossier, in the users' words [002 bijlage 3.8.1–3.8.3]. Forms only
validate the shape of what was typed; the rules live in the services (cases/services/*)."""

from __future__ import annotations

from django import forms

from cases.dossier.models.documenten import Document, DocumentSoort
from cases.dossier.models.opp import DOOR_MEDEWERKER, FACTOREN, OPP
from cases.dossier.models.ot import AanwezigeRol, OTBespreking, OTUitkomst
from cases.dossier.services.opp import INHOUD_VELDEN
from cases.dossier.services.ot import BESPREKING_VELDEN, VERVOLG_VELDEN
from cases.formvelden import DatumInvoer, DatumVeld, modelveld
from cases.models import Gemeente, Leerling, Ouder, School
from cases.models.audit import AuditActie
from cases.models.leerling import validate_bsn

GROEPEN = [("", "geen (voorschoolse voorziening)")] + [(str(g), f"groep {g}") for g in range(1, 9)]


def _groep(waarde: str) -> int | None:
    return int(waarde) if waarde else None


# --- leerling ------------------------------------------------------------------------------------


class ZoekForm(forms.Form):
    naam = forms.CharField(label="Naam", required=False, widget=forms.TextInput(attrs={"type": "search"}))
    geboortedatum = DatumVeld(label="Geboortedatum", required=False, widget=DatumInvoer())


class LeerlingForm(forms.ModelForm):
    bsn_invoer = forms.CharField(
        label="BSN of onderwijsnummer",
        required=False,
        max_length=9,
        validators=[validate_bsn],
        help_text="Optioneel; 9 cijfers (elfproef). Het nummer wordt daarna alleen gemaskeerd getoond.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    class Meta:
        model = Leerling
        formfield_callback = modelveld
        fields = [
            "voornaam",
            "tussenvoegsel",
            "achternaam",
            "geboortedatum",
            "geslacht",
            "woonplaats",
            "gemeente",
            "thuistaal",
        ]
        widgets = {"geboortedatum": DatumInvoer()}
        labels = {"gemeente": "Woongemeente", "thuistaal": "Taal die thuis wordt gesproken"}

    def __init__(self, *args, swv, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = Gemeente.objects.filter(swv=swv)
        self.fields["gemeente"].help_text = "De gemeente waar de leerling woont (voor leerplicht)."
        if self.instance.pk and self.instance.bsn:
            self.fields["bsn_invoer"].label = "Nieuw BSN of onderwijsnummer"
            self.fields[
                "bsn_invoer"
            ].help_text = f"Vastgelegd: {self.instance.bsn_gemaskeerd}. Laat leeg om het zo te laten."
            self.fields["bsn_verwijderen"] = forms.BooleanField(
                label="Vastgelegd BSN verwijderen", required=False
            )

    def clean_bsn_invoer(self):
        return (self.cleaned_data.get("bsn_invoer") or "").replace(" ", "")

    def bsn_wijziging(self) -> str | None:
        """None keeps the stored number, "" removes it."""
        if self.cleaned_data.get("bsn_verwijderen"):
            return ""
        nieuw = self.cleaned_data.get("bsn_invoer") or ""
        if self.instance.pk and not nieuw:
            return None
        return nieuw

    def gegevens(self) -> dict:
        return {k: self.cleaned_data[k] for k in self.Meta.fields}


class NieuweLeerlingForm(LeerlingForm):
    school = forms.ModelChoiceField(label="School", queryset=School.objects.none(), empty_label=None)
    groep = forms.TypedChoiceField(
        label="Groep", choices=GROEPEN, coerce=_groep, empty_value=None, required=False
    )
    van = DatumVeld(label="Ingeschreven vanaf", widget=DatumInvoer())

    def __init__(self, *args, scholen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = scholen


class OuderForm(forms.ModelForm):
    class Meta:
        model = Ouder
        formfield_callback = modelveld
        fields = [
            "naam",
            "relatie",
            "gezag",
            "ontvangt_brieven",
            "adres",
            "postcode_plaats",
            "telefoon",
            "email",
        ]
        labels = {
            "ontvangt_brieven": "Ontvangt brieven",
            "gezag": "Heeft gezag (gezaghebbende ouder of voogd)",
        }
        help_texts = {
            "ontvangt_brieven": "Besluiten van het samenwerkingsverband gaan per brief naar de ouders "
            "met gezag die brieven ontvangen."
        }


class InschrijvingForm(forms.Form):
    school = forms.ModelChoiceField(label="School", queryset=School.objects.none(), empty_label=None)
    groep = forms.TypedChoiceField(
        label="Groep", choices=GROEPEN, coerce=_groep, empty_value=None, required=False
    )
    van = DatumVeld(label="Ingeschreven vanaf", widget=DatumInvoer())

    def __init__(self, *args, scholen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = scholen
        self.fields["school"].help_text = (
            "Bij een andere school verliest uw school vanaf die datum de toegang tot dit dossier; de "
            "geschiedenis "
            "blijft bewaard."
        )


class UitschrijvenForm(forms.Form):
    tot = DatumVeld(
        label="Uitgeschreven per", widget=DatumInvoer(), help_text="De laatste dag van de inschrijving."
    )


# --- OT-verslag ----------------------------------------------------------------------------------


class OTForm(forms.ModelForm):
    """Every field optional: a concept keeps whatever was typed [issue 3]."""

    class Meta:
        model = OTBespreking
        formfield_callback = modelveld
        fields = list(BESPREKING_VELDEN)
        widgets = {
            "datum": DatumInvoer(),
            "vervolg_datum": DatumInvoer(),
            "uitkomst": forms.RadioSelect,
            **{
                v: forms.Textarea(attrs={"rows": 4})
                for v in BESPREKING_VELDEN
                if v not in ("datum", "vervolg_datum", "uitkomst", "ouders_uitgenodigd")
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for veld in self.fields.values():
            veld.required = False
        self.fields["uitkomst"].choices = [("", "nog niet bekend")] + list(OTUitkomst.choices)
        if self.instance.is_vervolg:
            self.fields["vervolgafspraak"].label = "Afspraak t.a.v. vervolg"
            self.fields["vervolg_datum"].label = "Datum volgend overleg (als afgesproken)"
        else:
            self.fields["vervolgafspraak"].label = "Vervolgafspraak (OT 2)"
            for veld in VERVOLG_VELDEN:
                del self.fields[veld]

    def velden_algemeen(self):
        return [self[v] for v in ("datum", "ouders_uitgenodigd", "doelen", "hulpvraag") if v in self.fields]


class AanwezigeForm(forms.Form):
    naam = forms.CharField(label="Naam", required=False, max_length=200)
    rol = forms.ChoiceField(
        label="Aan tafel als", choices=AanwezigeRol.choices, required=False, initial=AanwezigeRol.ANDERS
    )
    functie = forms.CharField(
        label="Functie",
        required=False,
        max_length=200,
        help_text="Bij 'andere functie': bijvoorbeeld jeugdarts of ambulant begeleider.",
    )


class AfspraakForm(forms.Form):
    wat = forms.CharField(label="Wat", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    wie = forms.CharField(label="Wie", required=False, max_length=200)
    uiterlijk = DatumVeld(label="Uiterlijk wanneer", required=False, widget=DatumInvoer())


AanwezigeFormSet = forms.formset_factory(AanwezigeForm, extra=2)
AfspraakFormSet = forms.formset_factory(AfspraakForm, extra=2)


class AddendumForm(forms.Form):
    tekst = forms.CharField(
        label="Aanvulling of correctie",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Het vastgestelde verslag blijft ongewijzigd; het addendum wordt eronder getoond "
        "met uw naam en het tijdstip.",
    )


# --- OPP ------------------------------------------------------------------------------------------


def factor_veldnaam(code: str, sleutel: str) -> str:
    return f"factor_{code}_{sleutel}"


class OPPForm(forms.ModelForm):
    class Meta:
        model = OPP
        formfield_callback = modelveld
        fields = list(INHOUD_VELDEN)
        widgets = {
            "datum": DatumInvoer(),
            "school_ondertekend_op": DatumInvoer(),
            "schoolverzuim": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for veld in self.fields.values():
            veld.required = False
            if isinstance(veld.widget, forms.Textarea):
                veld.widget.attrs["rows"] = 3
        if self.instance.versie <= 1:
            del self.fields["evaluatie"]
            self.fields["datum"].label = "Startdatum"
        else:
            self.fields["datum"].label = "Datum van de evaluatie met ouders"
        self.fields["schoolverzuim"].choices = [("", "niet ingevuld")] + list(
            self.fields["schoolverzuim"].choices
        )[1:]
        for code, _titel, _toelichting, velden in FACTOREN:
            for sleutel, label in velden:
                self.fields[factor_veldnaam(code, sleutel)] = forms.CharField(
                    label=label,
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 2}),
                    initial=self.instance.factor(code, sleutel),
                )

    SECTIES = {
        "gegevens": (
            "datum",
            "evaluatie",
            "gezinssituatie",
            "nationaliteit",
            "geboorteland",
            "in_nederland_sinds",
            "vve",
            "schoolwisselingen",
            "schoolverzuim",
            "schoolverzuim_toelichting",
            "gezag_toelichting",
        ),
        "signalen": ("signalen_leerkracht", "signalen_ouders", "signalen_kind", "signalen_anders"),
        "onderzoek": ("onderzoek_hgd", "onderzoek_capaciteiten", "onderzoek_medisch", "onderzoek_psych"),
        "afwijkingen": ("afwijking_programma", "vervangende_doelen", "afwijking_onderwijstijd"),
        "leerkracht": ("doelen_school", "ondersteuningsbehoeften_leerkracht"),
        "kind": (
            "doelen_kind",
            "begeleiding_kind",
            "begeleiding_door",
            "onderwijsbehoeften",
            "zorgbehoeften",
        ),
        "ouders": ("doelen_ouders", "ondersteuningsbehoeften_ouders"),
        "ondertekening": ("zienswijze_ouders", "school_ondertekend_door", "school_ondertekend_op"),
    }

    @property
    def secties(self) -> dict:
        return {naam: [self[v] for v in velden if v in self.fields] for naam, velden in self.SECTIES.items()}

    def factor_groepen(self):
        return [
            (code, titel, toelichting, [self[factor_veldnaam(code, s)] for s, _ in velden])
            for code, titel, toelichting, velden in FACTOREN
        ]

    def gegevens(self) -> dict:
        return {k: self.cleaned_data.get(k) for k in INHOUD_VELDEN if k in self.fields}

    def factoren(self) -> dict:
        return {
            code: {s: self.cleaned_data.get(factor_veldnaam(code, s), "") for s, _ in velden}
            for code, _t, _l, velden in FACTOREN
        }


class InterventieForm(forms.Form):
    periode = forms.CharField(label="Periode/groep", required=False, max_length=100)
    interventie = forms.CharField(
        label="Interventie", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    effect = forms.CharField(label="Effect", required=False, widget=forms.Textarea(attrs={"rows": 2}))


InterventieFormSet = forms.formset_factory(InterventieForm, extra=1)


class AkkoordForm(forms.Form):
    ouder = forms.ModelChoiceField(
        label="Ouder/voogd met gezag", queryset=Ouder.objects.none(), empty_label=None
    )
    datum = DatumVeld(label="Datum van het akkoord", widget=DatumInvoer())
    wijze = forms.ChoiceField(
        label="Hoe is het akkoord gegeven?",
        choices=[(w.value, w.label) for w in DOOR_MEDEWERKER],
        widget=forms.RadioSelect,
        help_text="Alleen een handtekening op papier, gescand in het dossier, telt als ondertekend "
        "handelingsdeel. Een mondeling akkoord wordt genoteerd, maar telt niet als handtekening.",
    )
    document = forms.ModelChoiceField(
        label="Gescand ondertekend exemplaar",
        queryset=Document.objects.none(),
        required=False,
        empty_label="– kies het document –",
        help_text="Upload het ondertekende handelingsdeel eerst bij Documenten (soort 'ondertekend "
        "handelingsdeel OPP') en kies het hier.",
    )
    toelichting = forms.CharField(
        label="Toelichting",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Bijvoorbeeld waar het ondertekende exemplaar is opgeborgen.",
    )

    def __init__(self, *args, ouders, documenten=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ouder"].queryset = ouders
        if documenten is not None:
            self.fields["document"].queryset = documenten


# --- documents -------------------------------------------------------------------------------------


class DocumentForm(forms.Form):
    soort = forms.ChoiceField(label="Soort document", choices=[("", "kies…")] + list(DocumentSoort.choices))
    titel = forms.CharField(
        label="Omschrijving",
        max_length=200,
        help_text="Kort en zonder naam of BSN, bijvoorbeeld 'Intelligentieonderzoek'.",
    )
    datum = DatumVeld(label="Datum van het document", widget=DatumInvoer())
    onderzoeksdatum = DatumVeld(
        label="Datum van het onderzoek",
        required=False,
        widget=DatumInvoer(),
        help_text="Verplicht bij een onderzoeksverslag.",
    )
    notitie = forms.CharField(label="Notitie", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    bestand = forms.FileField(
        label="Bestand",
        help_text="PDF, Word (.docx), OpenDocument-tekst (.odt), PNG of JPEG; hooguit 20 MB.",
        error_messages={
            "required": "Kies het bestand dat u wilt toevoegen.",
            "empty": "Dit bestand is leeg.",
            "invalid": "Er is geen bestand ontvangen; kies het bestand opnieuw.",
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.odt,.png,.jpg,.jpeg"}),
    )


# --- audit -----------------------------------------------------------------------------------------


class AuditZoekForm(forms.Form):
    gebruiker = forms.CharField(label="Gebruiker (gebruikersnaam of naam)", required=False)
    leerling = forms.IntegerField(
        label="Leerling (dossiernummer)",
        required=False,
        min_value=1,
        # Larger than any id the database holds (and beyond SQLite's integer): no such dossier.
        max_value=2**63 - 1,
        error_messages={
            "min_value": "Een dossiernummer is 1 of hoger.",
            "max_value": "Zo'n hoog dossiernummer bestaat niet.",
            "invalid": "Vul het dossiernummer in als getal.",
        },
        help_text="Het nummer van het dossier, zoals in de adresbalk van de dossierpagina.",
    )
    actie = forms.ChoiceField(
        label="Actie", required=False, choices=[("", "alle acties")] + list(AuditActie.choices)
    )
    van = DatumVeld(label="Vanaf", required=False, widget=DatumInvoer())
    tot = DatumVeld(label="Tot en met", required=False, widget=DatumInvoer())

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["tot"] < data["van"]:
            self.add_error("tot", "De einddatum ligt vóór de begindatum.")
        return data
