"""The yearly verantwoording of each schoolbestuur [002 L392-398, bijlage 2.4.1].

In November of every year the SWV asks every schoolbestuur for its verantwoording over the past
year (how the ondersteuningsmiddelen were used). A bestuur that does not deliver, delivers late
(not or repeatedly) or delivers something ondeugdelijk is one of the situations of the
escalatieladder. The seed names the month, not a deadline: the SWV sets `uiterlijk` when it asks
(default six weeks, a service norm of the SWV and no legal term; docs/bronnen.md)."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db import models

from cases.models import Samenwerkingsverband, Schoolbestuur
from cases.models.rollen import RolSoort

STANDAARD_AANLEVERTERMIJN = timedelta(weeks=6)
# Who asks, records and judges: the SWV's bureau (not the TLA, which judges TLV's).
VERANTWOORDING_ROLLEN = frozenset({RolSoort.SLL, RolSoort.BESTUURDER, RolSoort.BEHEERDER})


def gevraagd_in_november(jaar: int) -> date:
    """The request goes out on 1 November of the year after the one accounted for."""
    return date(jaar + 1, 11, 1)


class VerantwoordingQuerySet(models.QuerySet):
    def filter_for_user(self, user):
        """The SWV-wide roles of the SWV (secretaresse leerlingenzaken, directeur-bestuurder,
        TLA-voorzitter, beheerder)."""
        from cases.scope import scope_for

        scope = scope_for(user)
        if scope.alles:
            return self
        return self.filter(swv_id__in=scope.swv_ids)


class Beoordeling(models.TextChoices):
    DEUGDELIJK = "deugdelijk", "deugdelijk"
    ONDEUGDELIJK = "ondeugdelijk", "ondeugdelijk (inhoud voldoet niet)"


class Verantwoording(models.Model):
    swv = models.ForeignKey(Samenwerkingsverband, on_delete=models.PROTECT, related_name="+")
    bestuur = models.ForeignKey(Schoolbestuur, on_delete=models.PROTECT, related_name="verantwoordingen")
    jaar = models.PositiveSmallIntegerField("over het jaar")
    gevraagd_op = models.DateField()
    uiterlijk = models.DateField("aanleveren uiterlijk")
    aangeleverd_op = models.DateField(null=True, blank=True)
    beoordeling = models.CharField(max_length=20, choices=Beoordeling.choices, blank=True)
    toelichting = models.TextField(blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    escalatie = models.ForeignKey(
        "verzuim.Escalatie", on_delete=models.SET_NULL, null=True, blank=True, related_name="verantwoordingen"
    )

    objects = VerantwoordingQuerySet.as_manager()

    class Meta:
        verbose_name = "verantwoording"
        verbose_name_plural = "verantwoordingen"
        ordering = ["-jaar", "bestuur__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["bestuur", "jaar"], name="verantwoording_een_per_bestuur_per_jaar"
            ),
            models.CheckConstraint(
                condition=models.Q(uiterlijk__gte=models.F("gevraagd_op")),
                name="verantwoording_uiterlijk_na_vraag",
            ),
        ]

    def __str__(self) -> str:
        return f"Verantwoording {self.jaar} – {self.bestuur}"

    def te_laat(self, vandaag: date) -> bool:
        """Not delivered after the last day, or delivered after it."""
        if self.aangeleverd_op is not None:
            return self.aangeleverd_op > self.uiterlijk
        return vandaag > self.uiterlijk

    def status(self, vandaag: date) -> str:
        if self.aangeleverd_op is None:
            return "te laat: niet aangeleverd" if vandaag > self.uiterlijk else "gevraagd"
        if self.beoordeling == Beoordeling.ONDEUGDELIJK:
            return "ondeugdelijk"
        return "te laat aangeleverd" if self.te_laat(vandaag) else "aangeleverd"
