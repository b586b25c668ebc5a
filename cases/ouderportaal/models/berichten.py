"""The e-mail that tells an ouder a letter is ready in the portal [issue 17 'Letters reach ouders'].

One row per letter and portal account, made in the transaction that stored the letter's PDF; the
outbox task sends the mail once and stamps `verstuurd_op`, so a duplicate message sends nothing."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class BriefBericht(models.Model):
    brief = models.ForeignKey("cases.Brief", on_delete=models.CASCADE, related_name="berichten")
    gebruiker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    verstuurd_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "bericht: brief klaar in het ouderportaal"
        verbose_name_plural = "berichten: brief klaar in het ouderportaal"
        constraints = [
            models.UniqueConstraint(fields=["brief", "gebruiker"], name="een_bericht_per_brief_en_ouder")
        ]

    def __str__(self) -> str:
        return f"bericht over brief #{self.brief_id} aan gebruiker #{self.gebruiker_id}"
