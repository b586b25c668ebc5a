"""The herindicatiegesprek of optie 2 [002 L819-822]: ouders, school and SC talk when one of them
thinks a conversation about the herindicatie is needed, or another schooltype is wanted. Its
outcome decides the route of the aanvraag (tlv/herindicatie.py); the latest gesprek counts."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class GesprekUitkomst(models.TextChoices):
    EENS = "eens", "overeenstemming: ouders, school en SC zijn het eens"
    OUDERS_NIET_EENS = "ouders_niet_eens", "geen overeenstemming met ouders"
    SCHOOL_SC_ONEENS = "school_sc_oneens", "school en SC komen niet tot overeenstemming"


class Herindicatiegesprek(models.Model):
    aanvraag = models.ForeignKey(
        "tlv.TLVAanvraag", on_delete=models.CASCADE, related_name="herindicatiegesprekken"
    )
    datum = models.DateField("datum van het gesprek")
    ouders_aanwezig = models.BooleanField("ouders waren aanwezig", default=False)
    school_aanwezig = models.BooleanField("school was aanwezig", default=False)
    sc_aanwezig = models.BooleanField("steunpuntcoördinator was aanwezig", default=False)
    uitkomst = models.CharField(max_length=20, choices=GesprekUitkomst.choices)
    verslag = models.TextField(
        "verslag", help_text="De input vanuit ieders perspectief: ouders, school en SC [002 L820]."
    )
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "herindicatiegesprek"
        verbose_name_plural = "herindicatiegesprekken"
        ordering = ["datum", "pk"]

    def __str__(self) -> str:
        return f"Herindicatiegesprek {self.datum:%d-%m-%Y}"

    def aanwezig(self) -> list[str]:
        wie = [("ouders", self.ouders_aanwezig), ("school", self.school_aanwezig), ("SC", self.sc_aanwezig)]
        return [naam for naam, ja in wie if ja]
