"""The ouders' part of the TLV-aanvraagformulier, done by the ouder in the ouderportaal [issue 17;
002 §1.3, §1.4 'ondertekend TLV-aanvraagformulier (ouders en directeur)', bijlage 3.11.1].

- OuderHandtekeningAanvraag: an ouder with gezag signed the summary meant for ouders (tlv/ouders.py
  `samenvatting`), with a fresh e-mail code; who (Ouder record, account), when, how (always
  "digitaal in het ouderportaal") and the SHA-256 of the signed content. Never changed.
- ZienswijzeAanvraag: the ouder's own zienswijze on the aanvraag, on the same base as the OPP's
  (cases/ouderportaal/models/zienswijze.py): never edited, a later one supersedes."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from cases.dossier.models.ot import OnveranderlijkFout
from cases.models import Ouder
from cases.ouderportaal.models.zienswijze import ZienswijzeBasis


class OuderHandtekeningAanvraag(models.Model):
    WIJZE = "digitaal ondertekend in het ouderportaal"

    aanvraag = models.ForeignKey(
        "tlv.TLVAanvraag", on_delete=models.PROTECT, related_name="ouder_handtekeningen"
    )
    ouder = models.ForeignKey(Ouder, on_delete=models.PROTECT, related_name="+")
    gebruiker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    ondertekend_op = models.DateTimeField(auto_now_add=True)
    sha256 = models.CharField("SHA-256 van de ondertekende samenvatting", max_length=64)

    class Meta:
        verbose_name = "handtekening ouder op TLV-aanvraag (ouderportaal)"
        verbose_name_plural = "handtekeningen ouders op TLV-aanvraag (ouderportaal)"
        ordering = ["aanvraag", "ondertekend_op", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["aanvraag", "ouder"], name="tlv_ouderhandtekening_een_per_ouder")
        ]

    def __str__(self) -> str:
        return f"handtekening ouder #{self.ouder_id} op aanvraag #{self.aanvraag_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise OnveranderlijkFout("Een handtekening van een ouder kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise OnveranderlijkFout("Een handtekening van een ouder kan niet worden verwijderd.")


class ZienswijzeAanvraag(ZienswijzeBasis):
    """A zienswijze of an ouder on one TLV-aanvraag, written in the portal."""

    aanvraag = models.ForeignKey(
        "tlv.TLVAanvraag", on_delete=models.PROTECT, related_name="ouder_zienswijzen"
    )

    class Meta(ZienswijzeBasis.Meta):
        verbose_name = "zienswijze van ouder op TLV-aanvraag (ouderportaal)"
        verbose_name_plural = "zienswijzen van ouders op TLV-aanvraag (ouderportaal)"
        indexes = [models.Index(fields=["aanvraag", "-geschreven_op"])]

    def __str__(self) -> str:
        return f"zienswijze van ouder #{self.ouder_id} op aanvraag #{self.aanvraag_id}"
