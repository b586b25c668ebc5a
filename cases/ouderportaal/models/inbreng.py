"""What ouders bring in through the portal [issue 17, part 2]: a document for the child's dossier
(into a queue the school or the SWV bureau judges) and a bezwaar against a decision letter.

An OuderDocument is kept in private storage under a random name, like a dossier Document
(cases/dossier/models/documenten.py), and checked with the same upload checks. It reaches the
dossier only when staff accept it: that creates a normal Document with the soort staff choose,
linked back here. An OuderBezwaar is the portal's record of a bezwaar against one letter (one per
decision: the OneToOne on the letter); the bezwaar itself lives in the zaak (tlv.Bezwaar, or the
bezwaar fields of verzuim.Verwijdering) and was registered by the zaak's own service."""

from __future__ import annotations

import uuid
from datetime import date

from django.conf import settings
from django.db import models

from cases.dossier.models.documenten import Document
from cases.models.brieven import Brief
from cases.models.leerling import Leerling, Ouder


class OuderDocumentStatus(models.TextChoices):
    WACHT = "wacht", "wacht op beoordeling"
    OPGENOMEN = "opgenomen", "opgenomen in het dossier"
    AFGEWEZEN = "afgewezen", "niet opgenomen"


def _pad(instance, filename: str) -> str:
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"ouderdocumenten/{date.today():%Y/%m}/{uuid.uuid4().hex}.{ext}"


class OuderDocumentQuerySet(models.QuerySet):
    def wachtend(self):
        return self.filter(status=OuderDocumentStatus.WACHT)


class OuderDocument(models.Model):
    leerling = models.ForeignKey(Leerling, on_delete=models.PROTECT, related_name="ouder_documenten")
    ouder = models.ForeignKey(Ouder, on_delete=models.PROTECT, related_name="documenten")
    gebruiker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    titel = models.CharField("wat voor document", max_length=200)
    toelichting = models.TextField(blank=True)
    bestand = models.FileField(upload_to=_pad, max_length=200)
    mimetype = models.CharField(max_length=100)
    grootte = models.PositiveIntegerField(help_text="In bytes.")
    sha256 = models.CharField(max_length=64)
    ingediend_op = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        max_length=20, choices=OuderDocumentStatus.choices, default=OuderDocumentStatus.WACHT
    )
    reden_afwijzing = models.TextField("waarom niet opgenomen", blank=True)
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    beoordeeld_op = models.DateTimeField(null=True, blank=True)
    document = models.OneToOneField(
        Document, on_delete=models.PROTECT, null=True, blank=True, related_name="van_ouder"
    )

    objects = OuderDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = "document van ouders"
        verbose_name_plural = "documenten van ouders"
        ordering = ["-ingediend_op", "-pk"]
        indexes = [models.Index(fields=["status", "leerling"])]

    def __str__(self) -> str:
        return f"document van ouders #{self.pk}: {self.titel}"

    @property
    def extensie(self) -> str:
        return self.bestand.name.rsplit(".", 1)[-1] if "." in self.bestand.name else "bin"

    @property
    def downloadnaam(self) -> str:
        # Never a name or BSN in a file name [issue 3].
        return f"document-van-ouders-{self.ingediend_op:%Y-%m-%d}-{self.pk}.{self.extensie}"


class OuderBezwaar(models.Model):
    """A bezwaar submitted in the portal against one decision letter [002 §1.12; 004 L776-781]."""

    brief = models.OneToOneField(Brief, on_delete=models.PROTECT, related_name="ouder_bezwaar")
    leerling = models.ForeignKey(Leerling, on_delete=models.PROTECT, related_name="ouder_bezwaren")
    ouder = models.ForeignKey(Ouder, on_delete=models.PROTECT, related_name="bezwaren")
    gebruiker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    gronden = models.TextField("waarom u het niet eens bent")
    reden_te_laat = models.TextField("waarom het bezwaar later komt", blank=True)
    ontvangen_op = models.DateField("ontvangen op")
    termijn_einde = models.DateField("einde bezwaartermijn")
    ingediend_op = models.DateTimeField(auto_now_add=True)
    bijlage = models.OneToOneField(
        OuderDocument, on_delete=models.PROTECT, null=True, blank=True, related_name="bij_bezwaar"
    )

    class Meta:
        verbose_name = "bezwaar via het ouderportaal"
        verbose_name_plural = "bezwaren via het ouderportaal"
        ordering = ["-ingediend_op", "-pk"]

    def __str__(self) -> str:
        return f"bezwaar via het ouderportaal #{self.pk}"

    @property
    def te_laat(self) -> bool:
        return self.ontvangen_op > self.termijn_einde
