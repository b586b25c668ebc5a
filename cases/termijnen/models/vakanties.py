"""School holidays per vakantieregio and school year [domain §10, §11]: data, not code, so a
beheerder can correct them and import later years (manage.py importeer_schoolvakanties)."""

from __future__ import annotations

from django.db import models

from cases.models.organisaties import VakantieRegio


class VakantieSoort(models.TextChoices):
    HERFST = "herfst", "herfstvakantie"
    KERST = "kerst", "kerstvakantie"
    VOORJAAR = "voorjaar", "voorjaarsvakantie"
    MEI = "mei", "meivakantie"
    ZOMER = "zomer", "zomervakantie"


class SchoolVakantieQuerySet(models.QuerySet):
    def filter_for_user(self, user):
        """Public data (Rijksoverheid): every logged-in user may read all of it."""
        return self if user.is_authenticated else self.none()


class SchoolVakantie(models.Model):
    """A school holiday per vakantieregio and school year (Rijksoverheid's adviesdata / the
    compulsory dates); holidays are not lesweken [domain §10, §11]. Edited by a beheerder."""

    schooljaar = models.CharField(max_length=9, help_text="Bijvoorbeeld 2025-2026.")
    soort = models.CharField(max_length=10, choices=VakantieSoort.choices)
    regio = models.CharField(max_length=6, choices=VakantieRegio.choices)
    van = models.DateField("eerste dag")
    tot = models.DateField("laatste dag")
    bron = models.CharField(max_length=200, blank=True)

    objects = SchoolVakantieQuerySet.as_manager()

    class Meta:
        verbose_name = "schoolvakantie"
        verbose_name_plural = "schoolvakanties"
        ordering = ["van", "regio"]
        constraints = [
            models.UniqueConstraint(fields=["schooljaar", "soort", "regio"], name="schoolvakantie_uniek"),
            models.CheckConstraint(
                condition=models.Q(tot__gte=models.F("van")), name="schoolvakantie_tot_na_van"
            ),
        ]
        indexes = [models.Index(fields=["regio", "van"], name="schoolvakantie_regio_van")]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.schooljaar} regio {self.regio}"
