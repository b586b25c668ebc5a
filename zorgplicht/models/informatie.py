"""InformatieVerzoek: a request for extra information that suspends the term [002 bijlage 2.2.1 stap 4]."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db import models

from zorgplicht.models.aanmelding import Aanmelding


class InformatieVerzoek(models.Model):
    """A request for extra information; the days from the request to the receipt suspend the term
    (counted as Awb 4:15: A − R − 1 days) [002 bijlage 2.2.1 stap 4; domain §11]."""

    aanmelding = models.ForeignKey(Aanmelding, on_delete=models.CASCADE, related_name="informatieverzoeken")
    gevraagd_op = models.DateField("gevraagd op")
    gevraagd_bij = models.CharField(
        "gevraagd bij",
        max_length=200,
        help_text="Bijvoorbeeld de ouders, de peuterspeelzaal, een orthopedagoog.",
    )
    omschrijving = models.TextField("welke informatie")
    toestemming_ouders_op = models.DateField(
        "toestemming ouders gegeven op",
        help_text="Informatie bij derden vraagt de school pas na toestemming van de ouders.",
    )
    antwoord_uiterlijk = models.DateField(
        "antwoord uiterlijk op",
        help_text="Alleen een verzoek met een antwoordtermijn schort de termijn op; komt er niets, dan eindigt "  # noqa: E501
        "de opschorting na die termijn (art. 4:15 Awb).",
    )
    ontvangen_op = models.DateField("ontvangen op", null=True, blank=True)
    niet_ontvangen = models.BooleanField(
        default=False, help_text="De informatie komt niet; de school beoordeelt op basis van wat er wél is."
    )
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "informatieverzoek"
        verbose_name_plural = "informatieverzoeken"
        ordering = ["gevraagd_op", "pk"]

    def __str__(self) -> str:
        return f"Informatie gevraagd op {self.gevraagd_op:%d-%m-%Y} bij {self.gevraagd_bij}"

    @property
    def einde_effectief(self) -> date:
        """The day the suspension stops counting ("A"): the day of receipt, or the day after the answer
        period when nothing came in time; while open, the whole answer period counts (Awb 4:15 lid 1
        onder a) [domain §11]."""
        na_termijn = self.antwoord_uiterlijk + timedelta(days=1)
        return na_termijn if self.ontvangen_op is None else min(self.ontvangen_op, na_termijn)

    def periode(self, vandaag: date | None = None) -> tuple[date, date]:
        return (self.gevraagd_op, self.einde_effectief)
