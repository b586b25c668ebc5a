"""Meetings of the interventieteam and the agreements made there [000; 003]."""

from __future__ import annotations

import django_fsm
from django.conf import settings
from django.db import models
from django.utils import timezone

from cases import termijnen as regels
from cases.interventie.models.traject.interventietraject import Interventietraject, KindQuerySet
from cases.interventie.models.traject.keuzes import BijeenkomstStatus, TrajectStatus
from cases.interventie.models.traject.rechten import WEIGERTEKSTEN, schoolteam_van_traject

# --- meetings ----------------------------------------------------------------------------------


class InterventieBijeenkomst(django_fsm.ConcurrentTransitionMixin, models.Model):
    """One meeting. The casusmanager plans it, sends an agenda and tells the ouders beforehand who
    will attend; afterwards attendance and the verslag are recorded [000; 003]."""

    weigerteksten = WEIGERTEKSTEN

    traject = models.ForeignKey(Interventietraject, on_delete=models.CASCADE, related_name="bijeenkomsten")
    datum = models.DateField()
    tijd = models.TimeField(null=True, blank=True)
    locatie = models.CharField(max_length=200, blank=True)
    status = django_fsm.FSMField(
        max_length=10, choices=BijeenkomstStatus.choices, default=BijeenkomstStatus.GEPLAND, protected=True
    )
    agenda = models.TextField(blank=True)
    agenda_verstuurd_op = models.DateField("agenda verstuurd op", null=True, blank=True)
    deelnemers = models.TextField(
        "wie er aan tafel zit",
        blank=True,
        help_text="Namen en functies van iedereen die aanschuift: dit hoort de ouders vooraf te weten [003].",
    )
    ouders_geinformeerd_op = models.DateField(
        "ouders vooraf geïnformeerd op",
        null=True,
        blank=True,
        help_text="Over wie er aanwezig zijn en over de status van het interventieteam [000; 003].",
    )
    aanwezig_directeur = models.BooleanField("directeur aanwezig", default=False)
    aanwezig_ib = models.BooleanField("intern begeleider aanwezig", default=False)
    aanwezig_leerkracht = models.BooleanField("leerkracht aanwezig", default=False)
    aanwezig_ouders = models.BooleanField("ouders aanwezig", default=False)
    afwezigheid_toelichting = models.TextField(
        "toelichting bij afwezigheid",
        blank=True,
        help_text="Waarom de leerkracht of de ouders er niet bij waren.",
    )
    overige_aanwezigen = models.TextField(blank=True)
    verslag = models.TextField(blank=True)
    advies_setting = models.TextField(
        "advies: setting",
        blank=True,
        help_text="Binnen welke setting het kind tijdens het traject onderwijs volgt [000].",
    )
    advies_vervolg = models.TextField(
        "advies: waar verder en vervolgmaatregelen",
        blank=True,
        help_text="Bijvoorbeeld OT, CLO of ZAT [000].",
    )
    gehouden_vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = KindQuerySet.as_manager()

    class Meta:
        verbose_name = "bijeenkomst"
        verbose_name_plural = "bijeenkomsten"
        ordering = ["traject", "datum", "pk"]

    def __str__(self) -> str:
        return f"Bijeenkomst {regels.formatteer_datum(self.datum)}"

    def is_eerste(self) -> bool:
        return not self.traject.bijeenkomsten.filter(datum__lt=self.datum).exclude(pk=self.pk).exists()

    def agenda_vooraf_verstuurd(self) -> bool:
        """De casusmanager heeft vooraf een agenda verstuurd [000]."""
        return (
            bool(self.agenda.strip())
            and self.agenda_verstuurd_op is not None
            and self.agenda_verstuurd_op <= self.datum
        )

    def ouders_vooraf_geinformeerd(self) -> bool:
        """De ouders zijn vóór de bijeenkomst geïnformeerd over wie er aan tafel zit [003; 000]."""
        return (
            bool(self.deelnemers.strip())
            and self.ouders_geinformeerd_op is not None
            and self.ouders_geinformeerd_op <= self.datum
        )

    def directeur_en_ib_aanwezig(self) -> bool:
        """Directeur en intern begeleider zijn bij elk gesprek aanwezig [000, randvoorwaarden]."""
        return self.aanwezig_directeur and self.aanwezig_ib

    def leerkracht_aanwezig_of_verklaard(self) -> bool:
        """De leerkracht is zo mogelijk aanwezig; staat er niet bij, noteer dan waarom [000, randvoorwaarden]."""  # noqa: E501
        return self.aanwezig_leerkracht or bool(self.afwezigheid_toelichting.strip())

    def ouders_bij_eerste_bijeenkomst(self) -> bool:
        """Ouders sluiten aan bij de eerste bijeenkomst; zo niet, noteer waarom [000, randvoorwaarden]."""
        return self.aanwezig_ouders or bool(self.afwezigheid_toelichting.strip()) or not self.is_eerste()

    def verslag_aanwezig(self) -> bool:
        """Er is een verslag van de bijeenkomst [000; 003, leerpunt 7]."""
        return bool(self.verslag.strip())

    def niet_in_de_toekomst(self) -> bool:
        """Een bijeenkomst wordt pas op of na de datum ervan als gehouden vastgelegd."""
        return self.datum <= timezone.localdate()

    @django_fsm.transition(
        field=status,
        source=BijeenkomstStatus.GEPLAND,
        target=BijeenkomstStatus.GEHOUDEN,
        conditions=[
            niet_in_de_toekomst,
            agenda_vooraf_verstuurd,
            ouders_vooraf_geinformeerd,
            directeur_en_ib_aanwezig,
            leerkracht_aanwezig_of_verklaard,
            ouders_bij_eerste_bijeenkomst,
            verslag_aanwezig,
        ],
        permission=schoolteam_van_traject,
    )
    def houd(self) -> None:
        """Mark the meeting held."""


# --- agreements -----------------------------------------------------------------------------------


class InterventieAfspraakQuerySet(KindQuerySet):
    def filter_for_user(self, user):
        """As the traject; an owner or guard sees his own afspraken while the traject is open."""
        q = models.Q(traject__in=Interventietraject.objects.filter_for_user(user))
        if user.is_authenticated:
            q |= (models.Q(eigenaar_id=user.pk) | models.Q(bewaker_id=user.pk)) & ~models.Q(
                traject__status=TrajectStatus.AFGESLOTEN
            )
        return self.filter(q)

    def open(self):
        return self.filter(afgerond_op__isnull=True)


class InterventieAfspraak(models.Model):
    """A written agreement: what, who, at the latest when, and who guards it [003, leerpunt 7; 000]."""

    traject = models.ForeignKey(Interventietraject, on_delete=models.CASCADE, related_name="afspraken")
    bijeenkomst = models.ForeignKey(
        InterventieBijeenkomst, on_delete=models.CASCADE, null=True, blank=True, related_name="afspraken"
    )
    wat = models.TextField()
    eigenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="interventie_afspraken",
        verbose_name="wie (gebruiker)",
    )
    eigenaar_naam = models.CharField(
        "wie (naam)",
        max_length=200,
        blank=True,
        help_text="Voor iemand zonder account, bijvoorbeeld de ouders.",
    )
    uiterlijk = models.DateField("uiterlijk op")
    bewaker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="bewaakte_interventie_afspraken",
        verbose_name="bewaker",
        help_text="Wie bewaakt dat deze afspraak wordt nagekomen [000].",
    )
    afgerond_op = models.DateField(null=True, blank=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    objects = InterventieAfspraakQuerySet.as_manager()

    class Meta:
        verbose_name = "afspraak"
        verbose_name_plural = "afspraken"
        ordering = ["uiterlijk", "pk"]
        indexes = [
            models.Index(fields=["eigenaar", "afgerond_op"]),
            models.Index(fields=["bewaker", "afgerond_op"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(eigenaar__isnull=False) | ~models.Q(eigenaar_naam=""),
                name="afspraak_heeft_eigenaar",
            )
        ]

    def __str__(self) -> str:
        return f"Afspraak uiterlijk {regels.formatteer_datum(self.uiterlijk)}"

    @property
    def wie(self) -> str:
        return str(self.eigenaar) if self.eigenaar_id else self.eigenaar_naam

    @property
    def te_laat(self) -> bool:
        return self.afgerond_op is None and self.uiterlijk < timezone.localdate()
