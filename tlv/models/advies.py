"""Deskundigen, their independent adviezen, the eindadvies and the TLA-vergadering
[002 §1.6, §1.7, §1.11, bijlage 3.11.1 'pool van deskundigen']."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from cases.models import Rol, Samenwerkingsverband, School
from cases.models.organisaties import SWVQuerySet
from cases.models.rollen import Discipline


class BelangenConflict(models.Model):
    """A deskundige is involved with a school (works there, advises it, family...): he or she may
    not advise on that school's aanvragen [002 §1.6 'onafhankelijk', bijlage 3.11.1]."""

    deskundige = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    omschrijving = models.CharField(max_length=200)
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "belangenconflict"
        verbose_name_plural = "belangenconflicten"
        constraints = [models.UniqueConstraint(fields=["deskundige", "school"], name="conflict_uniek")]

    def __str__(self) -> str:
        return f"{self.deskundige} – {self.school}"


def conflict_voor(user, aanvraag) -> str:
    """Why `user` is involved with the pupil's school in this aanvraag (empty when not)."""
    conflict = BelangenConflict.objects.filter(deskundige=user, school_id=aanvraag.school_id).first()
    if conflict is not None:
        return f"vastgelegd belangenconflict met {aanvraag.school}: {conflict.omschrijving}"
    rol = (
        Rol.objects.filter(gebruiker=user, actief=True)
        .filter(models.Q(school_id=aanvraag.school_id) | models.Q(regio_id=aanvraag.regio_id))
        .first()
    )
    if rol is not None:
        return f"heeft een rol bij de school of regio van de leerling ({rol})"
    return ""


class Toewijzing(models.Model):
    """A deskundige assigned to one aanvraag; access (guardian) lasts while `beeindigd_op` is empty."""

    aanvraag = models.ForeignKey("tlv.TLVAanvraag", on_delete=models.CASCADE, related_name="toewijzingen")
    deskundige = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="tlv_toewijzingen"
    )
    volgorde = models.PositiveSmallIntegerField(choices=[(1, "1e deskundige"), (2, "2e deskundige")])
    discipline = models.CharField(max_length=30, choices=Discipline.choices)
    toegewezen_op = models.DateTimeField(auto_now_add=True)
    toegewezen_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    beeindigd_op = models.DateTimeField(null=True, blank=True)
    beeindigd_reden = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = "toewijzing deskundige"
        verbose_name_plural = "toewijzingen deskundigen"
        ordering = ["aanvraag", "volgorde", "-toegewezen_op"]
        constraints = [
            models.UniqueConstraint(
                fields=["aanvraag", "volgorde"],
                condition=models.Q(beeindigd_op__isnull=True),
                name="een_actieve_deskundige_per_plek",
            )
        ]
        indexes = [models.Index(fields=["deskundige", "beeindigd_op"])]

    def __str__(self) -> str:
        return f"{self.get_volgorde_display()}: {self.deskundige} ({self.get_discipline_display()})"


class Strekking(models.TextChoices):
    """What an advice comes down to; unanimity compares these [002 §1.7]."""

    SBO = "sbo", "TLV sbo"
    SO = "so", "TLV so"
    REGULIER = "regulier", "geen TLV: ondersteuning in het regulier onderwijs"
    AANHOUDEN = "aanhouden", "aanhouden: dossier onvoldoende"


class Advies(models.Model):
    """One deskundige's advice, written independently: the other sees it only once both are in."""

    toewijzing = models.OneToOneField(Toewijzing, on_delete=models.CASCADE, related_name="advies")
    strekking = models.CharField(max_length=12, choices=Strekking.choices, blank=True)
    categorie = models.CharField(
        "bekostigingscategorie (so)",
        max_length=6,
        blank=True,
        choices=[
            ("laag", "laag (categorie 1)"),
            ("midden", "midden (categorie 2)"),
            ("hoog", "hoog (categorie 3)"),
        ],
    )
    motivering = models.TextField(
        "advies en motivering",
        blank=True,
        help_text="In termen van ondersteuningsbehoeften, niet van kindkenmerken of diagnose [002 §1.11].",
    )
    gewijzigd_op = models.DateTimeField(auto_now=True)
    ingediend_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "advies deskundige"
        verbose_name_plural = "adviezen deskundigen"

    def __str__(self) -> str:
        return f"Advies {self.toewijzing}"


class Periode(models.TextChoices):
    G13 = "1-3", "groep 1 – 3"
    G45 = "4-5", "groep 4 – 5"
    G68 = "6-8", "groep 6 – 8"
    EMB = "emb", "EMB: hele schoolloopbaan (so tot en met 12 jaar)"
    AFWIJKEND = "afwijkend", "afwijkende periode (commissie)"


class Besluit(models.TextChoices):
    AFGEVEN = "afgeven", "TLV afgeven"
    NIET_TOEKENNEN = "niet_toekennen", "TLV niet toekennen"
    AANHOUDEN = "aanhouden", "besluit aanhouden"


class Eindadvies(models.Model):
    """Written by the 1st deskundige on the basis of both adviezen [002 §1.11]: gemotiveerd besluit,
    doelen, schoolsoort, periode and bekostigingscategorie; taken over 1-on-1 into the letter."""

    aanvraag = models.OneToOneField("tlv.TLVAanvraag", on_delete=models.CASCADE, related_name="eindadvies")
    besluit = models.CharField(max_length=20, choices=Besluit.choices, blank=True)
    gemotiveerd_besluit = models.TextField(
        "gemotiveerd besluit",
        blank=True,
        help_text="Geformuleerd in ondersteuningsbehoeften, niet in kindkenmerken of diagnose [002 §1.11].",
    )
    diagnose_genoemd = models.BooleanField("het besluit noemt een diagnose", default=False)
    diagnose_bron = models.CharField(
        "bron van de diagnose",
        max_length=300,
        blank=True,
        help_text="Verplicht als een diagnose wordt genoemd [002 §1.11].",
    )
    doelen = models.TextField(blank=True)
    schoolsoort = models.CharField(max_length=3, choices=[("sbo", "sbo"), ("so", "so")], blank=True)
    periode = models.CharField(max_length=10, choices=Periode.choices, blank=True)
    einddatum_afwijkend = models.DateField("einddatum bij afwijkende periode", null=True, blank=True)
    categorie = models.CharField(
        "bekostigingscategorie (so)",
        max_length=6,
        blank=True,
        choices=[
            ("laag", "laag (categorie 1)"),
            ("midden", "midden (categorie 2)"),
            ("hoog", "hoog (categorie 3)"),
        ],
    )
    geschreven_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    gewijzigd_op = models.DateTimeField(auto_now=True)
    tla_besproken = models.TextField("verslag TLA-vergadering", blank=True)

    class Meta:
        verbose_name = "eindadvies"
        verbose_name_plural = "eindadviezen"

    def __str__(self) -> str:
        return f"Eindadvies aanvraag #{self.aanvraag_id}"

    def gebreken(self) -> list[str]:
        """What the eindadvies still lacks, in Dutch [002 §1.11]."""
        uit = []
        if not self.besluit:
            uit.append("Kies het besluit (afgeven, niet toekennen of aanhouden).")
        if not self.gemotiveerd_besluit.strip():
            uit.append("Schrijf het gemotiveerde besluit.")
        if self.diagnose_genoemd and not self.diagnose_bron.strip():
            uit.append("Een diagnose mag alleen met bronvermelding worden genoemd [002 §1.11].")
        if self.besluit == Besluit.AFGEVEN:
            if not self.doelen.strip():
                uit.append("Vul de doelen in.")
            if not self.schoolsoort:
                uit.append("Kies de schoolsoort (sbo of so).")
            if not self.periode:
                uit.append("Kies de periode.")
            if self.periode == Periode.AFWIJKEND and not self.einddatum_afwijkend:
                uit.append("Geef bij een afwijkende periode de einddatum op.")
            if self.schoolsoort == "so" and not self.categorie:
                uit.append("Kies bij so de bekostigingscategorie (laag, midden of hoog).")
            if self.schoolsoort == "sbo" and self.categorie:
                uit.append("Een bekostigingscategorie hoort alleen bij so.")
        return uit


class TLAVergadering(models.Model):
    """A meeting of the TLA-commissie from the annual planning [002 §1.7]; only non-unanimous
    aanvragen are discussed, and the people involved in them are not invited [002 §1.6]."""

    swv = models.ForeignKey(Samenwerkingsverband, on_delete=models.PROTECT, related_name="tla_vergaderingen")
    datum = models.DateField()
    schooljaar = models.CharField(max_length=9, help_text="Bijvoorbeeld 2025-2026.")
    locatie = models.CharField(max_length=200, blank=True)

    objects = SWVQuerySet.as_manager()

    class Meta:
        verbose_name = "TLA-vergadering"
        verbose_name_plural = "TLA-vergaderingen"
        ordering = ["datum"]
        constraints = [models.UniqueConstraint(fields=["swv", "datum"], name="een_tla_vergadering_per_dag")]

    def __str__(self) -> str:
        return f"TLA-vergadering {self.datum:%d-%m-%Y}"
