"""The interventieteam: its members, with or without an account [000, bemensing]."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from cases.interventie.models.traject.interventietraject import Interventietraject, KindQuerySet
from cases.interventie.models.traject.keuzes import KERN_ROLLEN, TeamRol

# --- the team -------------------------------------------------------------------------------------


class InterventieTeamlid(models.Model):
    traject = models.ForeignKey(Interventietraject, on_delete=models.CASCADE, related_name="teamleden")
    rol = models.CharField(max_length=30, choices=TeamRol.choices)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="interventieteams",
        help_text="Als de persoon een account heeft; anders alleen naam en organisatie.",
    )
    naam = models.CharField(max_length=200, blank=True)
    organisatie = models.CharField(max_length=200, blank=True)

    objects = KindQuerySet.as_manager()

    class Meta:
        verbose_name = "lid van het interventieteam"
        verbose_name_plural = "leden van het interventieteam"
        ordering = ["traject", "rol", "pk"]

    def __str__(self) -> str:
        return f"{self.get_rol_display()}: {self.weergavenaam}"

    @property
    def weergavenaam(self) -> str:
        if self.gebruiker_id:
            return str(self.gebruiker)
        return self.naam

    @property
    def op_afroep(self) -> bool:
        return self.rol not in KERN_ROLLEN
