"""The overgangsarrangement [002 L807, L669-670]: "Bij twijfel ... kan het jonge kind starten op de
reguliere basisschool van aanmelding, met extra ondersteuning ... gedurende 6 maanden. Na deze periode
wordt gekeken of de school kan bieden wat nodig is. Als dit niet het geval is dan wordt er alsnog
overgegaan tot een aanvraag TLV." Requested through the SC [002 L670].

Six calendar months: the end is the same day number six months after the start, or that month's
last day (31 aug → 28/29 feb), via cases.termijnen.plus_maanden. A duration, not an Awb term: the
Algemene termijnenwet does not move it. The seed knows no extension, so there is none: after the
evaluation the child goes on in regular education or the school requests a TLV."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from cases import termijnen as regels
from cases.models.organisaties import School

from .onderinstroom import Onderinstroom

DUUR_MAANDEN = 6
BRON = "[002 L807]"
# The kind of Termijn for the evaluation due at the end (registered in cases/registraties.py).
EVALUATIE_TERMIJN = "overgangsarrangement_evaluatie"


def einde_overgangsarrangement(start: date) -> date:
    """start + 6 calendar months [002 L807]: 31 aug 2025 → 28 feb 2026, 31 aug 2027 → 29 feb 2028."""
    return regels.plus_maanden(start, DUUR_MAANDEN)


class Uitkomst(models.TextChoices):
    REGULIER = "regulier", "de school kan bieden wat nodig is: het kind gaat regulier verder"
    TLV = "tlv", "de school kan niet bieden wat nodig is: aanvraag TLV"


class Overgangsarrangement(models.Model):
    onderinstroom = models.OneToOneField(
        Onderinstroom, on_delete=models.PROTECT, related_name="overgangsarrangement"
    )
    school = models.ForeignKey(
        School,
        on_delete=models.PROTECT,
        related_name="overgangsarrangementen",
        help_text="De reguliere basisschool van aanmelding [002 L807].",
    )
    start = models.DateField("startdatum")
    einde = models.DateField(
        "einddatum",
        editable=False,
        help_text="Start + 6 kalendermaanden; written only by the service, from `start`.",
    )
    extra_ondersteuning = models.TextField(
        "extra ondersteuning", help_text="Passend bij de ondersteuningsbehoefte van het kind [002 L807]."
    )
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="De steunpuntcoördinator via wie het arrangement is aangevraagd [002 L670].",
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    # The evaluation "na deze periode" [002 L807]
    uitkomst = models.CharField(max_length=10, choices=Uitkomst.choices, blank=True)
    geevalueerd_op = models.DateField("geëvalueerd op", null=True, blank=True)
    evaluatie = models.TextField("evaluatie", blank=True)
    geevalueerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "overgangsarrangement"
        verbose_name_plural = "overgangsarrangementen"
        ordering = ["einde", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(einde__gt=models.F("start")), name="overgangsarrangement_einde_na_start"
            ),
            models.CheckConstraint(
                condition=models.Q(uitkomst="", geevalueerd_op__isnull=True)
                | (~models.Q(uitkomst="") & models.Q(geevalueerd_op__isnull=False)),
                name="overgangsarrangement_evaluatie_compleet",
            ),
        ]

    def __str__(self) -> str:
        fd = regels.formatteer_datum
        return f"Overgangsarrangement {fd(self.start)} t/m {fd(self.einde)}"

    def get_absolute_url(self) -> str:
        return reverse("onderinstroom_detail", kwargs={"pk": self.onderinstroom_id})

    @property
    def is_geevalueerd(self) -> bool:
        return bool(self.uitkomst)

    def fase(self, vandaag: date | None = None) -> str:
        vandaag = vandaag or timezone.localdate()
        if self.is_geevalueerd:
            return "geëvalueerd"
        if vandaag < self.start:
            return "gepland"
        if vandaag < self.einde:
            return "lopend"
        return "evaluatie nodig"

    def dagen_tot_einde(self, vandaag: date | None = None) -> int:
        return (self.einde - (vandaag or timezone.localdate())).days
