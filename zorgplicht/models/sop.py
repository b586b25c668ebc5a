"""The key support offers of a school's schoolondersteuningsprofiel (SOP) [002 bijlage 2.2.1 stap 8]."""

from __future__ import annotations

from django.db import models

from cases.models import School
from zorgplicht.models.keuzes import OndersteuningSoort


class SopAanbodQuerySet(models.QuerySet):
    def filter_for_user(self, user):
        return self.filter(school__in=School.objects.filter_for_user(user))


class SopAanbod(models.Model):
    """A key support offer from a school's schoolondersteuningsprofiel (SOP); the SC knows the
    SOP's of all schools in the regio [002 bijlage 2.2.1 stap 8]."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="sop_aanbod")
    soort = models.CharField(max_length=20, choices=OndersteuningSoort.choices)
    toelichting = models.CharField(max_length=300, blank=True)

    objects = SopAanbodQuerySet.as_manager()

    class Meta:
        verbose_name = "ondersteuningsaanbod (SOP)"
        verbose_name_plural = "ondersteuningsaanbod (SOP)"
        ordering = ["school", "soort"]
        constraints = [models.UniqueConstraint(fields=["school", "soort"], name="sop_soort_eenmaal")]

    def __str__(self) -> str:
        return f"{self.school}: {self.get_soort_display()}"
