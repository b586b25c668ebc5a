"""Letters [domain §12]: every decision that reaches ouders is a PDF letter, kept exactly as sent
with its SHA-256. Rendered by a Celery task after commit; immutable once sent."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

from .leerling import Leerling
from .organisaties import Samenwerkingsverband


class BriefQuerySet(models.QuerySet):
    def te_versturen(self):
        """Letters to ouders whose PDF is ready and whose sending is not yet recorded [issue 17]."""
        return self.filter(aan_ouders=True, verzonden_op__isnull=True).exclude(sha256="")

    def van_swv(self, ja: bool = True):
        """Letters the SWV sends (its own decisions) or, with ja=False, the school's."""
        q = models.Q()
        for app, model in SWV_ZAKEN:
            q |= models.Q(content_type__app_label=app, content_type__model=model)
        return self.filter(q) if ja else self.exclude(q)

    def filter_for_user(self, user):
        """Letters about a leerling the user may see; letters without a leerling for SWV-wide roles."""
        from cases.scope import scope_for

        scope = scope_for(user)
        if scope.alles:
            return self
        return self.filter(
            models.Q(leerling__in=Leerling.objects.filter_for_user(user))
            | models.Q(leerling__isnull=True, swv_id__in=scope.swv_ids)
        )


class VerzendWijze(models.TextChoices):
    """How a letter reached its addressees [issue 17 'Letters reach ouders']."""

    POST = "post", "per post"
    UITGEREIKT = "uitgereikt", "persoonlijk uitgereikt"
    PORTAAL = "portaal", "in het ouderportaal"


# Who sends a letter: the SWV for its own decisions (the TLV and its bezwaar), the school's bevoegd
# gezag for the rest (zorgplicht, time-out, schorsing, verwijdering) [domain §12].
SWV_ZAKEN = frozenset({("tlv", "tlvaanvraag")})


def brief_pad(instance: Brief, filename: str) -> str:
    """One fixed path per letter (month of the letter, not of the render): a render that a killed
    worker left half-way is replaced in place, never kept as a second file [issue 13]."""
    return f"brieven/{instance.aangemaakt_op:%Y/%m}/{filename}"


class Brief(models.Model):
    swv = models.ForeignKey(Samenwerkingsverband, on_delete=models.PROTECT, related_name="brieven")
    leerling = models.ForeignKey(
        Leerling, on_delete=models.PROTECT, null=True, blank=True, related_name="brieven"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, null=True, blank=True)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    zaak = GenericForeignKey("content_type", "object_id")

    soort = models.CharField(max_length=60)
    kenmerk = models.CharField(max_length=40, unique=True, blank=True)
    onderwerp = models.CharField(max_length=200)
    template = models.CharField(max_length=200)
    context = models.JSONField(default=dict, blank=True)
    geadresseerden = models.JSONField(default=list, blank=True)
    ondertekenaar = models.CharField(max_length=200, blank=True)
    bezwaarclausule = models.BooleanField(
        default=False, help_text="Een besluit waartegen bezwaar openstaat, kan niet zonder bezwaarclausule."
    )

    pdf = models.FileField(upload_to=brief_pad, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    gerenderd_op = models.DateTimeField(null=True, blank=True)
    fout = models.TextField(blank=True)

    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    verzonden_op = models.DateTimeField("verzending vastgelegd op", null=True, blank=True)
    verzonden_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # [issue 17] Letters to ouders are sent by post, handed over or made available in the portal; the
    # day it was made known (Awb 3:41) is recorded with how.
    aan_ouders = models.BooleanField(
        default=False,
        help_text="Gericht aan de ouders/verzorgers met gezag (niet aan leerplicht of inspectie).",
    )
    verzonden_wijze = models.CharField(max_length=20, choices=VerzendWijze.choices, blank=True)
    bekendgemaakt_op = models.DateField("verzonden of uitgereikt op", null=True, blank=True)

    objects = BriefQuerySet.as_manager()

    class Meta:
        verbose_name = "brief"
        verbose_name_plural = "brieven"
        ordering = ["-aangemaakt_op", "-id"]
        indexes = [
            models.Index(fields=["leerling", "-aangemaakt_op"]),
            models.Index(fields=["content_type", "object_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.kenmerk} {self.onderwerp}"

    @property
    def is_verzonden(self) -> bool:
        return self.verzonden_op is not None

    @property
    def is_gerenderd(self) -> bool:
        return bool(self.pdf) and bool(self.sha256)

    @property
    def bestandsnaam(self) -> str:
        # Never a name or BSN in a filename [issue 3]: kenmerk and soort only.
        return f"{self.kenmerk.replace('/', '-')}-{self.soort}.pdf"
