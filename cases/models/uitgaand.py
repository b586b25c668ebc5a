"""The transactional outbox [issue 13]: work that a decision causes after its commit (a letter's
PDF, the PDF of an OT-verslag) is recorded as a row in the decision's own transaction. The row is
handed to the broker after commit; when that fails, or the message is lost, the sweep
(cases.tasks.uitgaand_sweep, every minute and at worker start) hands it over again. The task marks
the row done. Arguments are ids only, never personal data."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class UitgaandeTaak(models.Model):
    taak = models.CharField(max_length=200, help_text="De geregistreerde naam van de Celery-taak.")
    args = models.JSONField(default=list, blank=True, help_text="Alleen id's, nooit persoonsgegevens.")
    aangemaakt_op = models.DateTimeField(default=timezone.now)
    laatst_verstuurd_op = models.DateTimeField(
        null=True, blank=True, help_text="Wanneer de taak voor het laatst aan de broker is gegeven."
    )
    keer_verstuurd = models.PositiveIntegerField(default=0)
    pogingen = models.PositiveIntegerField(default=0, help_text="Hoe vaak een worker de taak startte.")
    laatste_fout = models.CharField(max_length=200, blank=True)
    gedaan_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "uit te voeren taak"
        verbose_name_plural = "uit te voeren taken"
        indexes = [
            # The sweep reads only open rows; done rows (every letter ever made) stay out of its way.
            models.Index(
                fields=["laatst_verstuurd_op"],
                name="uitgaand_open",
                condition=models.Q(gedaan_op__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.taak}{tuple(self.args)}"

    @property
    def is_gedaan(self) -> bool:
        return self.gedaan_op is not None
