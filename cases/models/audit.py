"""Audit log [domain §2, conventions 'Audit']: every read of a dossier, every download and every
write leaves a row. Written only by cases.services.audit.log()."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models

from .leerling import Leerling
from .organisaties import Samenwerkingsverband
from .rollen import RolSoort


class AuditActie(models.TextChoices):
    BEKEKEN = "bekeken", "bekeken"
    GEDOWNLOAD = "gedownload", "gedownload"
    AANGEMAAKT = "aangemaakt", "aangemaakt"
    GEWIJZIGD = "gewijzigd", "gewijzigd"
    VERWIJDERD = "verwijderd", "verwijderd"
    OVERGANG = "overgang", "status gewijzigd"
    GEDEELD = "gedeeld", "toegang gegeven"
    INGETROKKEN = "ingetrokken", "toegang ingetrokken"
    INGELOGD = "ingelogd", "ingelogd"
    UITGELOGD = "uitgelogd", "uitgelogd"
    MISLUKT = "inlog_mislukt", "inloggen mislukt"
    TWEEDE_FACTOR_MISLUKT = "2fa_mislukt", "tweede stap mislukt"  # [issue 14]
    GEBLOKKEERD = "geblokkeerd", "geblokkeerd na mislukte pogingen"  # [issue 14]
    LIJST_BEKEKEN = "lijst_bekeken", "lijst bekeken"  # one row per list page view [issue 14]
    GEWEIGERD = "geweigerd", "toegang geweigerd"  # a 403/404 on a leerling or case id [issue 14]
    OPGESCHOOND = "opgeschoond", "auditlog opgeschoond"  # manage.py audit_bewaartermijn [issue 14]


class AuditQuerySet(models.QuerySet):
    def filter_for_user(self, user):
        """The beheerder of an SWV sees that SWV's rows; others see rows about leerlingen they may
        see (the dossier's 'wie keek' list); a superuser sees all."""
        from cases.scope import scope_for

        scope = scope_for(user)
        if scope.alles:
            return self
        if scope.heeft(RolSoort.BEHEERDER):
            beheer_swv = {r.swv_id for r in scope.rollen if r.soort == RolSoort.BEHEERDER}
            return self.filter(
                models.Q(swv_id__in=beheer_swv)
                | models.Q(leerling__in=Leerling.objects.filter_for_user(user))
            )
        return self.filter(leerling__in=Leerling.objects.filter_for_user(user))


class AuditRegel(models.Model):
    tijdstip = models.DateTimeField(auto_now_add=True, db_index=True)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    gebruikersnaam = models.CharField(max_length=150, blank=True)  # kept when the user is removed
    actie = models.CharField(max_length=20, choices=AuditActie.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.SET_NULL, null=True, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    object_omschrijving = models.CharField(max_length=200, blank=True)
    leerling = models.ForeignKey(Leerling, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    swv = models.ForeignKey(
        Samenwerkingsverband, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    omschrijving = models.CharField(max_length=300, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = "auditregel"
        verbose_name_plural = "auditlog"
        ordering = ["-tijdstip", "-id"]
        indexes = [
            models.Index(fields=["leerling", "-tijdstip"]),
            models.Index(fields=["gebruiker", "-tijdstip"]),
            models.Index(fields=["swv", "-tijdstip"]),
            models.Index(fields=["content_type", "object_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.tijdstip:%d-%m-%Y %H:%M} {self.gebruikersnaam} {self.actie} {self.object_omschrijving}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Een auditregel verandert nooit.")
        super().save(*args, **kwargs)
