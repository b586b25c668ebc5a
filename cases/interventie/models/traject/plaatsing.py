"""The plaatsingsstroom: each step tried or skipped, in seed 000's order [000]."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from cases.interventie.models.traject.interventietraject import Interventietraject, KindQuerySet
from cases.interventie.models.traject.keuzes import PlaatsingStap, PlaatsingUitkomst
from cases.models.organisaties import School

# --- plaatsingsstroom [000] -----------------------------------------------------------------------


class InterventiePlaatsing(models.Model):
    """One step of the plaatsingsstroom, tried or skipped (with a reason) [000]."""

    traject = models.ForeignKey(Interventietraject, on_delete=models.CASCADE, related_name="plaatsingen")
    stap = models.PositiveSmallIntegerField(choices=PlaatsingStap.choices)
    uitkomst = models.CharField(
        max_length=12, choices=PlaatsingUitkomst.choices, default=PlaatsingUitkomst.LOPEND
    )
    reden_overslaan = models.TextField("reden om deze stap over te slaan", blank=True)
    school = models.ForeignKey(
        School,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="interventie_plaatsingen",
        verbose_name="ontvangende school",
    )
    setting = models.CharField(
        max_length=200, blank=True, help_text="Bijvoorbeeld groep 6b, of een observatiegroep."
    )
    doel = models.TextField(blank=True)
    startdatum = models.DateField(null=True, blank=True)
    einddatum = models.DateField("einddatum (duur)", null=True, blank=True)
    middelen = models.TextField(
        blank=True, help_text="Welke middelen (uren, begeleiding, geld) ermee gemoeid zijn [000]."
    )
    akkoord_ontvangende_school = models.BooleanField(default=False)
    akkoord_door = models.CharField("akkoord gegeven door", max_length=200, blank=True)
    akkoord_op = models.DateField(null=True, blank=True)
    uitkomst_toelichting = models.TextField(blank=True)
    beeindigd_op = models.DateField(null=True, blank=True)
    definitief_per = models.DateField(null=True, blank=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    objects = KindQuerySet.as_manager()

    class Meta:
        verbose_name = "plaatsing"
        verbose_name_plural = "plaatsingen"
        ordering = ["traject", "aangemaakt_op", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["traject"],
                condition=models.Q(uitkomst="lopend"),
                name="een_lopende_plaatsing_per_traject",
            ),
            models.CheckConstraint(
                condition=~models.Q(uitkomst="overgeslagen") | ~models.Q(reden_overslaan=""),
                name="overgeslagen_stap_heeft_reden",
            ),
        ]

    def __str__(self) -> str:
        return f"Stap {self.stap}: {self.get_stap_display()}"

    @property
    def buiten_eigen_school(self) -> bool:
        return self.stap >= PlaatsingStap.ZELFDE_BESTUUR

    @property
    def duur_dagen(self) -> int | None:
        if self.startdatum and self.einddatum:
            return (self.einddatum - self.startdatum).days + 1
        return None
