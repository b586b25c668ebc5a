"""Arrangementen of the SWV and their budget [002 bijlage 2.4.1 "Arrangementen SWV"; escalatieladder
stap 7 "HGO-arrangement"; domain §9].

A maximum duration is not a deadline: it is never moved by the Algemene termijnenwet, and an end
beyond it is refused. An arrangement of N months that starts on day S lasts up to and including
the day before the same day number N months later (S = di 3 feb 2026, 3 months → t/m za 2 mei
2026); 6 weeks from S last up to and including S + 41 days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone

from cases import termijnen as regels
from cases.interventie.models.traject import Interventietraject
from cases.models.leerling import Leerling
from cases.models.organisaties import Regio, Samenwerkingsverband, School, Schoolbestuur

WAARSCHUWING_DAGEN = 14  # warn this many days before the maximum is reached


class ArrangementSoort(models.TextChoices):
    TIME_OUT = "time_out", "time-out"
    OBSERVATIE = "observatie", "observatie"
    ONDERZOEKSPERIODE = "onderzoeksperiode", "onderzoeksperiode"
    LANGDURIGE_OBSERVATIE = "langdurige_observatie", "langdurige observatie"
    HOOGBEGAAFD = "hoogbegaafd", "observatie & adviesgroep hoogbegaafd"
    HGO_DESKUNDIGHEID = "hgo_deskundigheid", "HGO-arrangement deskundigheid SWV"
    HGO_MIDDELEN = "hgo_middelen", "HGO-arrangement deskundigheid en middelen"


@dataclass(frozen=True)
class Duurregel:
    """How long an arrangement of one kind may last, with the source the user sees."""

    maanden: int = 0
    weken: int = 0
    langer_dan_maanden: int = 0  # a minimum: "langer dan 3 maanden"
    richt_maanden: int = 0  # "circa": a guide, warned about, not refused
    elders: bool = True  # a placement at another school (plan van aanpak, inschrijving rule)
    inschrijving_nieuwe_school: bool = False  # longer placements: enrolled at the new school
    bron: str = "[002 bijlage 2.4.1]"

    def max_einde(self, start: date) -> date | None:
        if self.maanden:
            return regels.plus_maanden(start, self.maanden) - timedelta(days=1)
        if self.weken:
            return start + timedelta(days=7 * self.weken - 1)
        return None

    def min_einde(self, start: date) -> date | None:
        """The first end date that makes the arrangement longer than the minimum."""
        if self.langer_dan_maanden:
            return regels.plus_maanden(start, self.langer_dan_maanden)
        return None

    def richt_einde(self, start: date) -> date | None:
        if self.richt_maanden:
            return regels.plus_maanden(start, self.richt_maanden) - timedelta(days=1)
        return None

    @property
    def omschrijving(self) -> str:
        if self.maanden:
            return f"maximaal {self.maanden} maanden {self.bron}"
        if self.weken:
            return f"maximaal {self.weken} weken {self.bron}"
        if self.langer_dan_maanden:
            return f"langer dan {self.langer_dan_maanden} maanden {self.bron}"
        if self.richt_maanden:
            return f"circa één schooljaar {self.bron}"
        return f"geen maximale duur {self.bron}"


DUURREGELS: dict[str, Duurregel] = {
    ArrangementSoort.TIME_OUT: Duurregel(maanden=3),
    ArrangementSoort.OBSERVATIE: Duurregel(maanden=3),
    ArrangementSoort.ONDERZOEKSPERIODE: Duurregel(weken=6),
    ArrangementSoort.LANGDURIGE_OBSERVATIE: Duurregel(langer_dan_maanden=3, inschrijving_nieuwe_school=True),
    ArrangementSoort.HOOGBEGAAFD: Duurregel(richt_maanden=12, inschrijving_nieuwe_school=True),
    ArrangementSoort.HGO_DESKUNDIGHEID: Duurregel(elders=False, bron="[002 bijlage 3.6, stap 7]"),
    ArrangementSoort.HGO_MIDDELEN: Duurregel(elders=False, bron="[002 bijlage 3.6, stap 7]"),
}


class ArrangementQuerySet(models.QuerySet):
    def filter_for_user(self, user):
        """Directeur/IB'er: arrangementen of pupils referred by their school while the pupil is enrolled
        there, and of pupils placed at their school until the arrangement ends; SC: her regio while
        the pupil is at school there; SWV-wide roles: their SWV [domain §2, §9]. Each access ends
        with its reason; the SWV keeps the history [issue 14]."""
        from django.utils import timezone

        from cases.scope import regiotoegang, schooltoegang, scope_for

        scope = scope_for(user)
        if scope.alles:
            return self
        q = (
            schooltoegang(scope, school="verwijzende_school")
            | models.Q(uitvoerende_school_id__in=scope.school_ids, einde__gte=timezone.localdate())
            | regiotoegang(scope, regio="regio")
            | models.Q(swv_id__in=scope.swv_ids)
        )
        return self.filter(q, swv_id__in=scope.swv_ids_alle)

    def hgo_middelen(self):
        return self.filter(soort=ArrangementSoort.HGO_MIDDELEN)


class Arrangement(models.Model):
    swv = models.ForeignKey(Samenwerkingsverband, on_delete=models.PROTECT, related_name="arrangementen")
    leerling = models.ForeignKey(Leerling, on_delete=models.PROTECT, related_name="arrangementen")
    traject = models.ForeignKey(
        Interventietraject, on_delete=models.SET_NULL, null=True, blank=True, related_name="arrangementen"
    )
    soort = models.CharField(max_length=30, choices=ArrangementSoort.choices)
    verwijzende_school = models.ForeignKey(
        School, on_delete=models.PROTECT, related_name="verwezen_arrangementen"
    )
    verantwoordelijk_bestuur = models.ForeignKey(
        Schoolbestuur,
        on_delete=models.PROTECT,
        related_name="arrangementen",
        help_text="Het verwijzende schoolbestuur blijft verantwoordelijk [002 bijlage 2.4.1].",
    )
    regio = models.ForeignKey(Regio, on_delete=models.PROTECT, related_name="arrangementen")
    uitvoerende_school = models.ForeignKey(
        School,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="uitgevoerde_arrangementen",
        help_text="De school waar de leerling tijdelijk geplaatst wordt; leeg bij een HGO-arrangement op de eigen school.",  # noqa: E501
    )
    start = models.DateField()
    einde = models.DateField(help_text="Laatste dag van het arrangement.")
    # plan van aanpak [002 bijlage 2.4.1]
    doel = models.TextField()
    ondersteuningsbehoefte = models.TextField("ondersteuningsbehoefte van de leerling")
    communicatieafspraken = models.TextField()
    bedrag = models.DecimalField(
        "bedrag (euro)",
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Alleen bij een HGO-arrangement deskundigheid en middelen.",
    )
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    objects = ArrangementQuerySet.as_manager()

    class Meta:
        verbose_name = "arrangement"
        verbose_name_plural = "arrangementen"
        ordering = ["-start", "-pk"]
        indexes = [
            models.Index(fields=["swv", "regio", "start"]),
            models.Index(fields=["verwijzende_school"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(einde__gte=models.F("start")), name="arrangement_einde_na_start"
            ),
            models.CheckConstraint(
                condition=models.Q(soort="hgo_middelen", bedrag__isnull=False, bedrag__gt=0)
                | (~models.Q(soort="hgo_middelen") & models.Q(bedrag__isnull=True)),
                name="arrangement_bedrag_alleen_hgo_middelen",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} vanaf {regels.formatteer_datum(self.start)}"

    @property
    def regel(self) -> Duurregel:
        return DUURREGELS[self.soort]

    @property
    def max_einde(self) -> date | None:
        return self.regel.max_einde(self.start)

    @property
    def duur_dagen(self) -> int:
        return (self.einde - self.start).days + 1

    def fase(self, vandaag: date | None = None) -> str:
        vandaag = vandaag or timezone.localdate()
        if vandaag < self.start:
            return "gepland"
        if vandaag > self.einde:
            return "afgelopen"
        return "lopend"

    def waarschuwing(self, vandaag: date | None = None) -> str:
        """A Dutch warning when the maximum (or the guide duration) is near, '' otherwise."""
        vandaag = vandaag or timezone.localdate()
        grens = self.max_einde or self.regel.richt_einde(self.start)
        if grens is None or self.fase(vandaag) == "afgelopen":
            return ""
        dagen = (grens - vandaag).days
        if 0 <= dagen <= WAARSCHUWING_DAGEN:
            soort = "de maximale duur" if self.max_einde else "de richtduur"
            return (
                f"Over {dagen} {'dag' if dagen == 1 else 'dagen'} is {soort} bereikt "
                f"(t/m {regels.formatteer_datum(grens)}, {self.regel.omschrijving}). Bespreek het vervolg."
            )
        return ""

    @property
    def inschrijving_uitleg(self) -> str:
        """Where the pupil is enrolled during the arrangement [002 bijlage 2.4.1; domain §9]."""
        if not self.regel.elders:
            return "De leerling blijft ingeschreven op de eigen school."
        if self.regel.inschrijving_nieuwe_school:
            return (
                "Langer dan 3 maanden: de leerling wordt ingeschreven op de nieuwe school, maar blijft onder "
                "verantwoordelijkheid van het verwijzende schoolbestuur [002 bijlage 2.4.1]."
            )
        return (
            "Tot maximaal 3 maanden: de leerling blijft ingeschreven op, en onder verantwoordelijkheid van, "
            "het verwijzende schoolbestuur [002 bijlage 2.4.1]."
        )


class BudgetQuerySet(models.QuerySet):
    def filter_for_user(self, user):
        """SC/CJK: the budget of their regio; SWV-wide roles: every regio of their SWV."""
        from cases.scope import scope_for

        scope = scope_for(user)
        if scope.alles:
            return self
        q = models.Q(regio_id__in=scope.regio_ids) | models.Q(swv_id__in=scope.swv_ids)
        return self.filter(q, swv_id__in=scope.swv_ids_alle)


class ArrangementBudget(models.Model):
    """The money for HGO-arrangementen (deskundigheid en middelen) per regio per calendar year."""

    swv = models.ForeignKey(
        Samenwerkingsverband, on_delete=models.PROTECT, related_name="arrangementbudgetten"
    )
    regio = models.ForeignKey(Regio, on_delete=models.PROTECT, related_name="arrangementbudgetten")
    jaar = models.PositiveSmallIntegerField()
    bedrag = models.DecimalField("budget (euro)", max_digits=11, decimal_places=2, default=Decimal("0"))

    objects = BudgetQuerySet.as_manager()

    class Meta:
        verbose_name = "arrangementbudget"
        verbose_name_plural = "arrangementbudgetten"
        ordering = ["-jaar", "regio"]
        constraints = [models.UniqueConstraint(fields=["regio", "jaar"], name="budget_per_regio_per_jaar")]

    def __str__(self) -> str:
        return f"Budget {self.regio} {self.jaar}"
