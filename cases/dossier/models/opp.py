"""OPP — ontwikkelingsperspectiefplan, as the format of bijlage 3.8.1 asks [002 §1.5; domain §5].

Versioned: every evaluation starts a new version (a copy of the last one, as concept); earlier
versions stay readable and, once vastgesteld, never change (the same guard as the OT-verslag).
The ouders' akkoord on the handelingsdeel is recorded per ouder with gezag: who, when, and
whether on paper, in person or digitally in the ouderportaal (issue 17: with the SHA-256 of
the exact handelingsdeel text signed, cases/dossier/handelingsdeel.py)."""

from __future__ import annotations

from datetime import date

import django_fsm
from django.conf import settings
from django.db import models

from cases.models.leerling import Leerling, Ouder

from .ot import BewaakteQuerySet, OnveranderlijkFout, Status, VastgesteldBewaking

# Bevorderende en belemmerende factoren A–G [bijlage 3.8.1, handelingsdeel]: (code, titel,
# toelichting, [(sleutel, label)]). Stored as one JSON object {"A": {"school_bevorderend": ...}}.
KIND_VELDEN = [
    ("school_bevorderend", "Bevorderende kindfactoren binnen de schoolcontext"),
    ("school_belemmerend", "Belemmerende kindfactoren binnen de schoolcontext"),
    ("thuis_bevorderend", "Bevorderende kindfactoren gezien vanuit thuiscontext (ouders/verzorgers)"),
    ("thuis_belemmerend", "Belemmerende kindfactoren gezien vanuit thuiscontext (ouders/verzorgers)"),
]
FACTOREN: list[tuple[str, str, str, list[tuple[str, str]]]] = [
    (
        "A",
        "Cognitieve ontwikkeling",
        "leervermogen, werkgeheugen, intelligentie, executieve functies e.d.",
        KIND_VELDEN,
    ),
    (
        "B",
        "Werkhouding",
        "motivatie, doorzettingsvermogen, werktempo, concentratie, taakaanpak, zelfstandig "
        "werken, instructiegerichtheid e.d.",
        KIND_VELDEN,
    ),
    (
        "C",
        "Sociaal-emotionele ontwikkeling",
        "stil, passief, angstig, druk, betrokken, vrolijk, eerlijk, "
        "impulsief, opstandig, behulpzaam, vriendelijk, agressief gedrag, contact maken, "
        "interactie met leerkracht en medeleerlingen e.d.",
        KIND_VELDEN,
    ),
    (
        "D",
        "Lichamelijke ontwikkeling",
        "motoriek (grof, fijn, schrijven), waarneming (zien en horen), gezondheid (ziekte of medicatie) e.d.",
        KIND_VELDEN,
    ),
    (
        "E",
        "Relevante factoren in het onderwijs",
        "in hoeverre lukt het om het onderwijs af te stemmen op wat het kind nodig heeft?",
        KIND_VELDEN,
    ),
    (
        "F",
        "Relevante factoren in de thuissituatie",
        "in hoeverre lukt het om in de thuissituatie af te stemmen op wat het kind nodig heeft?",
        [
            ("school_bevorderend", "Bevorderende factoren van de thuissituatie, ingevuld door school"),
            ("school_belemmerend", "Belemmerende factoren van de thuissituatie, ingevuld door school"),
            ("ouders_bevorderend", "Bevorderende factoren van de thuissituatie, ingevuld door ouders"),
            ("ouders_belemmerend", "Belemmerende factoren van de thuissituatie, ingevuld door ouders"),
        ],
    ),
    (
        "G",
        "Relevante factoren in de naschoolse situatie (BSO of naschoolse activiteiten)",
        "in hoeverre lukt het om in de naschoolse situatie af te stemmen op wat het kind nodig heeft?",
        [
            (
                "ouders_bevorderend",
                "Bevorderende factoren in de naschoolse situatie (BSO, vrije tijd), in te vullen door ouders",
            ),
            (
                "ouders_belemmerend",
                "Belemmerende factoren in de naschoolse situatie (BSO, vrije tijd), in te vullen door ouders",
            ),
        ],
    ),
]


class Uitstroomprofiel(models.TextChoices):
    """The expected destination after primary school [002 §1.5: onderwijssoort, arbeid of dagbesteding]."""

    PRO = "pro", "praktijkonderwijs"
    VMBO_BB = "vmbo_bb", "vmbo basisberoepsgerichte leerweg"
    VMBO_KB = "vmbo_kb", "vmbo kaderberoepsgerichte leerweg"
    VMBO_GT = "vmbo_gt", "vmbo gemengde/theoretische leerweg"
    HAVO = "havo", "havo"
    VWO = "vwo", "vwo"
    VSO_VERVOLG = "vso_vervolg", "vso – uitstroomprofiel vervolgonderwijs"
    ARBEID = "arbeid", "vso – uitstroomprofiel arbeidsmarktgericht"
    DAGBESTEDING = "dagbesteding", "vso – uitstroomprofiel dagbesteding"


class Schoolverzuim(models.TextChoices):
    NORMAAL = "normaal", "normaal"
    VEEL = "veel", "veel"


class OPPQuerySet(BewaakteQuerySet):
    def filter_for_user(self, user):
        return self.filter(leerling__in=Leerling.objects.filter_for_user(user))

    def vastgesteld(self):
        return self.filter(status=Status.VASTGESTELD)


class OPP(VastgesteldBewaking, models.Model):
    """One version of the OPP of a leerling (ontwikkelingsperspectief + handelingsdeel)."""

    leerling = models.ForeignKey(Leerling, on_delete=models.PROTECT, related_name="opps")
    versie = models.PositiveSmallIntegerField(default=1)
    status = django_fsm.FSMField(default=Status.CONCEPT, choices=Status.choices, protected=True)
    datum = models.DateField(
        "datum",
        null=True,
        blank=True,
        help_text="Startdatum van het OPP, of bij een nieuwe versie de datum van de evaluatie met ouders.",
    )
    evaluatie = models.TextField(
        "evaluatie van de vorige versie",
        blank=True,
        help_text="Wat is er van de doelen bereikt, en wat is de visie van ouders daarop?",
    )

    # 1. Ontwikkelingsperspectief — gegevens (only what is not already in the dossier; AVG)
    gezinssituatie = models.TextField("gezinssamenstelling en eventuele bijzonderheden", blank=True)
    nationaliteit = models.CharField(
        max_length=60, blank=True, help_text="Alleen invullen als het voor de ondersteuning van belang is."
    )
    geboorteland = models.CharField(max_length=60, blank=True)
    in_nederland_sinds = models.CharField("in Nederland sinds", max_length=30, blank=True)
    vve = models.TextField(
        "is er sprake geweest van VVE-toekenning en/of een voorschoolse voorziening?", blank=True
    )
    schoolwisselingen = models.TextField(
        "schoolwisselingen",
        blank=True,
        help_text="Zo ja: de namen van de scholen, duur van verblijf en reden van de schoolwisseling.",
    )
    schoolverzuim = models.CharField(max_length=10, choices=Schoolverzuim.choices, blank=True)
    schoolverzuim_toelichting = models.TextField("toelichting schoolverzuim", blank=True)
    gezag_toelichting = models.TextField(
        "burgerlijke staat ouders, wie informeert wie, gezinsvoogd",
        blank=True,
        help_text="Bij wie het gezag berust staat bij de ouders/verzorgers in het dossier.",
    )

    # Reden van opstarten OPP
    hulpvraag = models.TextField("1. Omschrijf de hulpvraag", blank=True)
    swv_betrokken = models.TextField("2. Wanneer en op welke manier is het SWV betrokken?", blank=True)
    signalen_leerkracht = models.TextField("3a. Signalen van leerkracht/team", blank=True)
    signalen_ouders = models.TextField("3b. Signalen van ouders/verzorgers", blank=True)
    signalen_kind = models.TextField("3c. Signalen van het kind", blank=True)
    signalen_anders = models.TextField("3d. Anders, namelijk", blank=True)
    onderzoek_hgd = models.TextField(
        "handelingsgerichte diagnostiek",
        blank=True,
        help_text="Door wie is wat wanneer vastgesteld en wat is de conclusie?",
    )
    onderzoek_capaciteiten = models.TextField("capaciteitenonderzoek", blank=True)
    onderzoek_medisch = models.TextField("medisch onderzoek", blank=True)
    onderzoek_psych = models.TextField("psychologisch / psychiatrisch onderzoek", blank=True)

    uitstroomprofiel = models.CharField(max_length=20, choices=Uitstroomprofiel.choices, blank=True)
    uitstroomprofiel_onderbouwing = models.TextField("onderbouwing van het uitstroomprofiel", blank=True)

    # 2. Handelingsdeel
    factoren = models.JSONField(default=dict, blank=True)
    afwijking_programma = models.TextField(
        "afwijkingen van het onderwijsprogramma",
        blank=True,
        help_text="Wanneer wordt afgeweken van één of meer onderdelen van het onderwijsprogramma?",
    )
    vervangende_doelen = models.TextField(
        "vervangende onderwijsdoelen",
        blank=True,
        help_text="Als de kerndoelen niet voor deze leerling gehanteerd kunnen worden.",
    )
    afwijking_onderwijstijd = models.TextField(
        "afwijking van de onderwijstijd",
        blank=True,
        help_text="Afspraken over onderwijsaanbod, toetsing, begeleiding door school en de beoogde duur.",
    )
    doelen_school = models.TextField("doelen voor de begeleiding op school", blank=True)
    ondersteuningsbehoeften_leerkracht = models.TextField(
        "ondersteuningsbehoeften leerkracht",
        blank=True,
        help_text="Kennis van, vaardigheden om, ondersteuning nodig, materialen en collega's, SC of andere "
        "medewerker SWV en ouders nodig.",
    )
    doelen_kind = models.TextField(
        "doelen voor het kind",
        blank=True,
        help_text="Voor de cognitieve en didactische ontwikkeling, de werkhouding, de sociaal-emotionele "
        "en de lichamelijke ontwikkeling.",
    )
    begeleiding_kind = models.TextField("welke begeleiding heeft de leerling nodig?", blank=True)
    begeleiding_door = models.TextField("wie verzorgt deze begeleiding?", blank=True)
    onderwijsbehoeften = models.TextField(
        "onderwijsbehoeften",
        blank=True,
        help_text="Instructie, opdrachten, materialen, leeractiviteiten, leeromgeving, feedback, "
        "groepsgenoten.",
    )
    zorgbehoeften = models.TextField(
        "zorg- en/of ondersteuningsbehoeften op school",
        blank=True,
        help_text="Bijvoorbeeld medische zorg of andere verzorging.",
    )
    doelen_ouders = models.TextField("doelen voor de begeleiding van ouders/verzorgers", blank=True)
    ondersteuningsbehoeften_ouders = models.TextField(
        "ondersteuningsbehoeften ouders/verzorgers",
        blank=True,
        help_text="Kennis van, vaardigheden in, begeleiding of ondersteuning bij/door, thuisondersteuning.",
    )
    zienswijze_ouders = models.TextField("zienswijze ouders", blank=True)
    school_ondertekend_door = models.CharField(
        "handtekening school/leerkracht(en): naam", max_length=200, blank=True
    )
    school_ondertekend_op = models.DateField("handtekening school: datum", null=True, blank=True)

    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    vastgesteld_op = models.DateTimeField(null=True, blank=True)

    objects = OPPQuerySet.as_manager()

    class Meta:
        verbose_name = "OPP"
        verbose_name_plural = "OPP's"
        ordering = ["leerling", "-versie"]
        constraints = [
            models.UniqueConstraint(fields=["leerling", "versie"], name="opp_versie_uniek"),
            models.UniqueConstraint(
                fields=["leerling"], condition=models.Q(status="concept"), name="opp_een_concept"
            ),
        ]

    ONVERANDERLIJK_MELDING = (
        "Deze versie van het OPP is vastgesteld en kan niet meer worden gewijzigd. Start een evaluatie: "
        "dat maakt een nieuwe versie."
    )

    def __str__(self) -> str:
        return f"OPP versie {self.versie}"

    @property
    def is_vastgesteld(self) -> bool:
        return self.status == Status.VASTGESTELD

    def factor(self, code: str, sleutel: str) -> str:
        return (self.factoren or {}).get(code, {}).get(sleutel, "")

    @django_fsm.transition(field=status, source=Status.CONCEPT, target=Status.VASTGESTELD)
    def vaststellen(self, *, door, op) -> None:
        """Concept → vastgesteld; completeness is checked by the service first [002 §1.5]."""
        self.vastgesteld_door = door
        self.vastgesteld_op = op


class OPPInterventie(models.Model):
    """4. Analyse van de ingezette interventies: periode/groep, interventie, effect [bijlage 3.8.1]."""

    opp = models.ForeignKey(OPP, on_delete=models.CASCADE, related_name="interventies")
    periode = models.CharField("periode/groep", max_length=100, blank=True)
    interventie = models.TextField(blank=True)
    effect = models.TextField(blank=True)

    class Meta:
        verbose_name = "interventie"
        verbose_name_plural = "interventies"
        ordering = ["opp", "pk"]

    def __str__(self) -> str:
        return f"{self.periode}: {self.interventie[:40]}"

    def save(self, *args, **kwargs):
        if self._opp_vastgesteld():
            raise OnveranderlijkFout(OPP.ONVERANDERLIJK_MELDING, code="vastgesteld")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self._opp_vastgesteld():
            raise OnveranderlijkFout(OPP.ONVERANDERLIJK_MELDING, code="vastgesteld")
        return super().delete(*args, **kwargs)

    def _opp_vastgesteld(self) -> bool:
        return OPP.objects.filter(pk=self.opp_id, status=Status.VASTGESTELD).exists()


class AkkoordWijze(models.TextChoices):
    """How an ouder agreed to the handelingsdeel. Only a written signature counts as the signed
    handelingsdeel [002 L742 'moet worden ondertekend door ouders', bijlage 3.8.1 L1250
    'Schriftelijk akkoord']; a spoken akkoord is noted but is no signature [issue 16.3]. The
    ouders' own digital signature in the ouderportaal [issue 17] is written (in SCHRIFTELIJK) and
    needs no scan: the row holds the SHA-256 of the signed text and the second factor."""

    OP_PAPIER = "papier", "handtekening op papier (ondertekend exemplaar gescand in het dossier)"
    MONDELING = "mondeling", "mondeling akkoord (genoteerd; telt niet als handtekening)"
    DIGITAAL = "portaal", "digitaal ondertekend in het ouderportaal"

    @property
    def telt_als_handtekening(self) -> bool:
        """A written signature: counts for the OPP and the TLV completeness check."""
        return self in SCHRIFTELIJK

    @property
    def vraagt_scan(self) -> bool:
        """Signed on paper: it counts only with the scanned copy linked from the dossier."""
        return self in MET_SCAN

    @classmethod
    def ondertekend_q(cls, prefix: str = "") -> models.Q:
        """The Q that selects the akkoorden that count as a signature (prefix for a relation)."""
        q = models.Q(pk__in=[])
        for w in SCHRIFTELIJK:
            deel = models.Q(**{f"{prefix}wijze": w.value})
            if w.vraagt_scan:
                deel &= models.Q(**{f"{prefix}document__isnull": False})
            q |= deel
        return q


SCHRIFTELIJK = frozenset({AkkoordWijze.OP_PAPIER, AkkoordWijze.DIGITAAL})
# Staff record these ways; DIGITAAL only the ouder himself, in the portal [issue 17].
DOOR_MEDEWERKER = (AkkoordWijze.OP_PAPIER, AkkoordWijze.MONDELING)
MET_SCAN = frozenset({AkkoordWijze.OP_PAPIER})


class OPPAkkoordQuerySet(models.QuerySet):
    def ondertekend(self):
        """Only the akkoorden that count as a written signature [002 L742; issue 16.3]."""
        return self.filter(AkkoordWijze.ondertekend_q())


class OPPAkkoord(models.Model):
    """Akkoord op het handelingsdeel door bevoegd gezag (ouder/voogd) [bijlage 3.8.1;
    002 §1.4 'handelingsdeel ondertekend door ouders']. Only on a vastgesteld version. A spoken
    akkoord is kept as a note; a written signature follows as its own row."""

    opp = models.ForeignKey(OPP, on_delete=models.PROTECT, related_name="akkoorden")
    ouder = models.ForeignKey(Ouder, on_delete=models.PROTECT, related_name="opp_akkoorden")
    datum = models.DateField("datum akkoord")
    wijze = models.CharField("hoe gegeven", max_length=10, choices=AkkoordWijze.choices)
    document = models.ForeignKey(
        "cases.Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="opp_akkoorden",
        verbose_name="gescand ondertekend exemplaar",
    )
    toelichting = models.TextField(blank=True)
    sha256 = models.CharField(
        "SHA-256 van het ondertekende handelingsdeel",
        max_length=64,
        blank=True,
        help_text="Digitaal ondertekend: de hash van de tekst die de ouder zag.",
    )
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    objects = OPPAkkoordQuerySet.as_manager()

    class Meta:
        verbose_name = "akkoord ouder op handelingsdeel"
        verbose_name_plural = "akkoorden ouders op handelingsdeel"
        ordering = ["opp", "datum", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["opp", "ouder", "wijze"], name="opp_akkoord_een_per_ouder_wijze")
        ]

    def __str__(self) -> str:
        return f"akkoord {self.ouder.naam} {self.datum:%d-%m-%Y}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise OnveranderlijkFout("Een vastgelegd akkoord kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise OnveranderlijkFout("Een vastgelegd akkoord kan niet worden verwijderd.")

    @property
    def telt_als_handtekening(self) -> bool:
        w = AkkoordWijze(self.wijze)
        return w.telt_als_handtekening and (not w.vraagt_scan or self.document_id is not None)


def plus_maanden(d: date, maanden: int) -> date:
    """Calendar months later, clamped to the month's last day (31 aug + 6 = 28/29 feb)."""
    import calendar

    m = d.month - 1 + maanden
    jaar, maand = d.year + m // 12, m % 12 + 1
    return date(jaar, maand, min(d.day, calendar.monthrange(jaar, maand)[1]))
