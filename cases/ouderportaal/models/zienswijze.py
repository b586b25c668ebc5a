"""The ouders' own zienswijze, written in the ouderportaal [issue 17; 002 §1.4, bijlage 3.11.1].

Stored as theirs: who (the Ouder record and the account), when, the text. Never changed and
never deleted, by staff or by the ouder; a later zienswijze supersedes an earlier one (both stay).
The staff-typed `OPP.zienswijze_ouders` stays for a zienswijze on paper. The TLV-aanvraag's own
zienswijze lives in tlv (tlv/models/ouders.py) on the same abstract base."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from cases.dossier.models.ot import OnveranderlijkFout
from cases.models.leerling import Ouder

MAX_TEKENS = 5000
ONVERANDERLIJK = "Een zienswijze van ouders kan niet worden gewijzigd of verwijderd."


class ZienswijzeQuerySet(models.QuerySet):
    """No bulk path around the guard either."""

    def update(self, **kwargs):
        raise OnveranderlijkFout(ONVERANDERLIJK)

    def delete(self):
        raise OnveranderlijkFout(ONVERANDERLIJK)

    def nieuwste(self):
        return self.order_by("-geschreven_op", "-pk").first()


class ZienswijzeBasis(models.Model):
    ouder = models.ForeignKey(Ouder, on_delete=models.PROTECT, related_name="+")
    tekst = models.TextField("zienswijze", max_length=MAX_TEKENS)
    geschreven_op = models.DateTimeField(auto_now_add=True)
    geschreven_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = ZienswijzeQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-geschreven_op", "-pk"]

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise OnveranderlijkFout(ONVERANDERLIJK)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise OnveranderlijkFout(ONVERANDERLIJK)


class Zienswijze(ZienswijzeBasis):
    """A zienswijze of an ouder on one vastgesteld OPP version."""

    opp = models.ForeignKey("cases.OPP", on_delete=models.PROTECT, related_name="portaal_zienswijzen")

    class Meta(ZienswijzeBasis.Meta):
        verbose_name = "zienswijze van ouder (ouderportaal)"
        verbose_name_plural = "zienswijzen van ouders (ouderportaal)"
        indexes = [models.Index(fields=["opp", "-geschreven_op"])]

    def __str__(self) -> str:
        return f"zienswijze van ouder #{self.ouder_id} op OPP #{self.opp_id}"
