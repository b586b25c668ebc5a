"""Access of ouders to the ouderportaal [issue 17, docs/adr/0009-ouderportaal-toegang.md].

An invitation is a single-use, expiring link; only the SHA-256 of its random token is stored, so a
copy of the database does not open any account. The token is made by the outbox task that sends the
mail (services.toegang.stuur_uitnodiging), so until `verstuurd_op` is set there is no token at all.
Accepting it creates (or, for an e-mail address that already has an ouder account, links) a
Gebruiker to the Ouder record through an OuderKoppeling. Access is decided on every request by the
selector `kinderen_van(user)`: a koppeling that is not ingetrokken, to an Ouder record that has gezag now."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone

from cases.models.leerling import Ouder


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class OuderUitnodigingQuerySet(models.QuerySet):
    def open(self, nu=None):
        """Not used, not withdrawn, not expired."""
        nu = nu or timezone.now()
        return self.filter(gebruikt_op__isnull=True, ingetrokken_op__isnull=True, verloopt_op__gt=nu)


class OuderUitnodiging(models.Model):
    """One invitation link for one Ouder record, sent to the e-mail address it had then."""

    ouder = models.ForeignKey(Ouder, on_delete=models.CASCADE, related_name="uitnodigingen")
    email = models.EmailField("e-mailadres")
    # Empty (NULL) until the outbox task sends the mail and makes the token [issue 17, ADR 0009].
    token_sha256 = models.CharField(max_length=64, unique=True, null=True, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    verloopt_op = models.DateTimeField()
    gebruikt_op = models.DateTimeField(null=True, blank=True)
    ingetrokken_op = models.DateTimeField(null=True, blank=True)
    verstuurd_op = models.DateTimeField(null=True, blank=True)  # the mail left (once)

    objects = OuderUitnodigingQuerySet.as_manager()

    class Meta:
        verbose_name = "uitnodiging ouderportaal"
        verbose_name_plural = "uitnodigingen ouderportaal"
        ordering = ["-aangemaakt_op", "-id"]
        indexes = [models.Index(fields=["ouder", "-aangemaakt_op"])]

    def __str__(self) -> str:
        return f"uitnodiging #{self.pk} voor ouder #{self.ouder_id}"

    def is_open(self, nu=None) -> bool:
        nu = nu or timezone.now()
        return self.gebruikt_op is None and self.ingetrokken_op is None and self.verloopt_op > nu


class OuderKoppelingQuerySet(models.QuerySet):
    def actief(self):
        """Not withdrawn and the Ouder record has gezag now [issue 17: 'only while that is so']."""
        return self.filter(ingetrokken_op__isnull=True, ouder__gezag=True)


class OuderKoppeling(models.Model):
    """A portal account (Gebruiker) linked to one Ouder record; one account may hold several."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ouder_koppelingen"
    )
    ouder = models.OneToOneField(Ouder, on_delete=models.CASCADE, related_name="portaal_koppeling")
    actief_sinds = models.DateTimeField(default=timezone.now)
    ingetrokken_op = models.DateTimeField(null=True, blank=True)
    ingetrokken_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = OuderKoppelingQuerySet.as_manager()

    class Meta:
        verbose_name = "koppeling ouderportaal"
        verbose_name_plural = "koppelingen ouderportaal"
        ordering = ["gebruiker", "ouder"]

    def __str__(self) -> str:
        return f"koppeling gebruiker #{self.gebruiker_id} – ouder #{self.ouder_id}"

    @property
    def is_actief(self) -> bool:
        return self.ingetrokken_op is None
