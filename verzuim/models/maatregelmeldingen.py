"""Meldingen that leave the product: a schorsing of more than one day and every verwijdering are
reported by the school to the leerplichtambtenaar and to the inspectie [002 L287-296; 004 L618-637;
WPO art. 40c; issue 16.11].

The product does not report; it gives the school a task with its term, generates the melding (a
PDF through the letter machinery) and records who reported, when and how. The LPA of the school's
gemeente sees a melding addressed to leerplicht once the school recorded it as sent."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from cases.models import Gemeente, Leerling, School


class MeldingOntvanger(models.TextChoices):
    LEERPLICHT = "leerplicht", "de leerplichtambtenaar"
    INSPECTIE = "inspectie", "de Inspectie van het Onderwijs"


class MeldWijze(models.TextChoices):
    PORTAAL = "portaal", "via het portaal (Inspectie: Internet Schooldossier; leerplicht: verzuimloket)"
    MAIL = "mail", "per e-mail"
    BRIEF = "brief", "per brief"


class MaatregelMeldingQuerySet(models.QuerySet):
    def filter_for_user(self, user):
        """The school's IB'er and directeur (also after the pupil left: the school reported), the SC
        of the regio and SWV-wide roles; the LPA of the school's gemeente only the meldingen to
        leerplicht that the school recorded as sent."""
        from cases.scope import scope_for

        scope = scope_for(user)
        if scope.alles:
            return self
        return self.filter(
            models.Q(school_id__in=scope.school_ids)
            | models.Q(school__regio_id__in=scope.regio_ids)
            | models.Q(school__swv_id__in=scope.swv_ids)
            | models.Q(
                gemeente_id__in=scope.gemeente_ids,
                ontvanger=MeldingOntvanger.LEERPLICHT,
                gemeld_op__isnull=False,
            )
        )


class MaatregelMelding(models.Model):
    leerling = models.ForeignKey(Leerling, on_delete=models.PROTECT, related_name="+")
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="+")
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="De gemeente van de school: haar leerplichtambtenaar ontvangt de melding.",
    )
    schorsing = models.ForeignKey(
        "verzuim.Schorsing", on_delete=models.CASCADE, null=True, blank=True, related_name="meldingen"
    )
    verwijdering = models.ForeignKey(
        "verzuim.Verwijdering", on_delete=models.CASCADE, null=True, blank=True, related_name="meldingen"
    )
    ontvanger = models.CharField(max_length=20, choices=MeldingOntvanger.choices)
    gemeld_op = models.DateField("gemeld op", null=True, blank=True)
    gemeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    wijze = models.CharField("hoe gemeld", max_length=20, choices=MeldWijze.choices, blank=True)
    kenmerk = models.CharField(
        "kenmerk of ontvangstbevestiging",
        max_length=100,
        blank=True,
        help_text="Bijvoorbeeld het meldingsnummer van het portaal.",
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    objects = MaatregelMeldingQuerySet.as_manager()

    class Meta:
        verbose_name = "melding van een maatregel"
        verbose_name_plural = "meldingen van maatregelen"
        ordering = ["-aangemaakt_op", "-pk"]
        indexes = [models.Index(fields=["gemeente", "ontvanger", "gemeld_op"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(schorsing__isnull=False, verwijdering__isnull=True)
                | models.Q(schorsing__isnull=True, verwijdering__isnull=False),
                name="maatregelmelding_een_maatregel",
            ),
            models.UniqueConstraint(
                fields=["schorsing", "ontvanger"], name="maatregelmelding_schorsing_ontvanger"
            ),
            models.UniqueConstraint(
                fields=["verwijdering", "ontvanger"], name="maatregelmelding_verwijdering_ontvanger"
            ),
        ]

    def __str__(self) -> str:
        return f"Melding {self.soort} aan {self.get_ontvanger_display()}"

    def get_absolute_url(self) -> str:
        return reverse("verzuim:maatregelmelding", kwargs={"pk": self.pk})

    @property
    def swv_id(self) -> int:
        return self.school.swv_id

    @property
    def maatregel(self):
        return self.schorsing or self.verwijdering

    @property
    def soort(self) -> str:
        return "schorsing" if self.schorsing_id else "verwijdering"

    @property
    def is_gemeld(self) -> bool:
        return self.gemeld_op is not None
