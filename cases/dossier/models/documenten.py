"""Documents in a leerling's dossier: TLV-aanvraagformulier, LVS-gegevens, onderzoeksverslagen,
medische verslagen, overdrachtsdocument jonge kind [002 §1.4, §1.17].

Files live in private storage (settings STORAGES["default"], outside every public URL) under a
random name — never the pupil's name or BSN — and are served only by a permission-checked,
audited view (cases/dossier/views/documenten.py). The content type is checked on the bytes, not the
name (cases/dossier/services/documenten.py)."""

from __future__ import annotations

import uuid
from datetime import date

from django.conf import settings
from django.db import models

from cases.models.leerling import Leerling


class DocumentSoort(models.TextChoices):
    TLV_AANVRAAG = "tlv_aanvraag", "TLV-aanvraagformulier"
    LVS = "lvs", "LVS-gegevens"
    ONDERZOEK = "onderzoek", "onderzoeksverslag"
    MEDISCH = "medisch", "medisch verslag"
    OVERDRACHT = "overdracht", "overdrachtsdocument jonge kind"
    HANDELINGSDEEL = "handelingsdeel", "ondertekend handelingsdeel OPP (scan)"
    OVERIG = "overig", "overig"


class DocumentQuerySet(models.QuerySet):
    def filter_for_user(self, user):
        return self.filter(leerling__in=Leerling.objects.filter_for_user(user))


def _bestand_pad(instance, filename: str) -> str:
    # Only the extension of the detected type is kept; the name is random.
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"documenten/{date.today():%Y/%m}/{uuid.uuid4().hex}.{ext}"


class Document(models.Model):
    leerling = models.ForeignKey(Leerling, on_delete=models.PROTECT, related_name="documenten")
    soort = models.CharField(max_length=20, choices=DocumentSoort.choices)
    titel = models.CharField(
        "omschrijving",
        max_length=200,
        help_text="Kort, zonder naam of BSN, bijvoorbeeld 'Intelligentieonderzoek'.",
    )
    datum = models.DateField("datum van het document")
    onderzoeksdatum = models.DateField(
        "datum van het onderzoek",
        null=True,
        blank=True,
        help_text="Verplicht bij een onderzoeksverslag: een TLV vraagt onderzoek van hooguit twee jaar oud.",
    )
    notitie = models.TextField(blank=True)
    bestand = models.FileField(upload_to=_bestand_pad, max_length=200)
    mimetype = models.CharField(max_length=100)
    grootte = models.PositiveIntegerField(help_text="In bytes.")
    sha256 = models.CharField(max_length=64)
    geupload_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    geupload_op = models.DateTimeField(auto_now_add=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = "document"
        verbose_name_plural = "documenten"
        ordering = ["leerling", "-datum", "-pk"]
        indexes = [models.Index(fields=["leerling", "soort"])]

    def __str__(self) -> str:
        return f"{self.get_soort_display()}: {self.titel}"

    @property
    def extensie(self) -> str:
        return self.bestand.name.rsplit(".", 1)[-1] if "." in self.bestand.name else "bin"

    @property
    def downloadnaam(self) -> str:
        """The name the browser saves: type and date only, no personal data."""
        return f"{self.soort}-{self.datum:%Y-%m-%d}-{self.pk}.{self.extensie}"
