"""BaoBaoVoorstel: another regular school proposed by the SC, its answer and the ouders' choice."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from cases.models import School
from zorgplicht.models.aanmelding import Aanmelding
from zorgplicht.models.keuzes import Antwoord


class BaoBaoVoorstelQuerySet(models.QuerySet):
    def filter_for_user(self, user):
        return self.filter(aanmelding__in=Aanmelding.objects.filter_for_user(user))


class BaoBaoVoorstel(models.Model):
    """Another regular school proposed by the SC; while it investigates within the first school's
    term, the zorgplicht is shared; it passes only when the ouders enrol there [002 bijlage 2.2.1 stap 8]."""

    aanmelding = models.ForeignKey(Aanmelding, on_delete=models.CASCADE, related_name="baobao_voorstellen")
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="+")
    voorgesteld_op = models.DateField()
    voorgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    motivering = models.TextField("waarom deze school past", blank=True)
    antwoord = models.CharField(max_length=20, choices=Antwoord.choices, default=Antwoord.GEVRAAGD)
    antwoord_op = models.DateField(null=True, blank=True)
    antwoord_toelichting = models.TextField(blank=True)
    gekozen_op = models.DateField("ouders kozen deze school op", null=True, blank=True)

    objects = BaoBaoVoorstelQuerySet.as_manager()

    class Meta:
        verbose_name = "bao-bao-voorstel"
        verbose_name_plural = "bao-bao-voorstellen"
        ordering = ["voorgesteld_op", "pk"]
        constraints = [models.UniqueConstraint(fields=["aanmelding", "school"], name="baobao_school_eenmaal")]

    def __str__(self) -> str:
        return f"{self.school} ({self.get_antwoord_display()})"

    @property
    def deelt_zorgplicht(self) -> bool:
        """Investigating or willing to place: the zorgplicht is shared until the ouders enrol."""
        return self.antwoord in (Antwoord.IN_ONDERZOEK, Antwoord.KAN_PLAATSEN)
