"""Organisations [domain §1]. The Samenwerkingsverband is the tenant: every other row here has
exactly one SWV, reachable through a non-null foreign key, and nothing is shared across SWV's."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models

from cases.validators import validate_bestuursnummer, validate_brin, validate_vestiging


class Samenwerkingsverband(models.Model):
    naam = models.CharField(max_length=200, unique=True)
    code = models.CharField("SWV-code", max_length=20, unique=True, help_text="Bijvoorbeeld PO 25-06.")
    adres = models.CharField(max_length=200, blank=True)
    postcode_plaats = models.CharField("postcode en plaats", max_length=200, blank=True)
    telefoon = models.CharField(max_length=40, blank=True)
    email = models.EmailField("e-mailadres", blank=True)
    website = models.URLField(blank=True)

    class Meta:
        verbose_name = "samenwerkingsverband"
        verbose_name_plural = "samenwerkingsverbanden"
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class SWVQuerySet(models.QuerySet):
    """Rows that hang directly under an SWV: visible to everybody with a role in that SWV."""

    def filter_for_user(self, user):
        from cases.scope import scope_for

        scope = scope_for(user)
        if scope.alles:
            return self
        return self.filter(swv_id__in=scope.swv_ids_alle)


class Regio(models.Model):
    """Regionaal steunpunt within an SWV, with its steunpuntcoördinator [002 'Inrichting SWV']."""

    swv = models.ForeignKey(Samenwerkingsverband, on_delete=models.PROTECT, related_name="regios")
    naam = models.CharField(max_length=200)

    objects = SWVQuerySet.as_manager()

    class Meta:
        verbose_name = "regio"
        verbose_name_plural = "regio's"
        ordering = ["swv", "naam"]
        constraints = [models.UniqueConstraint(fields=["swv", "naam"], name="regio_uniek_per_swv")]

    def __str__(self) -> str:
        return self.naam


class Gemeente(models.Model):
    """A gemeente as it appears in one SWV; its leerplichtambtenaar receives the verzuimmeldingen
    of the schools in it [002 verzuimkaart]."""

    swv = models.ForeignKey(Samenwerkingsverband, on_delete=models.PROTECT, related_name="gemeenten")
    naam = models.CharField(max_length=200)
    cbs_code = models.CharField("CBS-gemeentecode", max_length=6, blank=True)

    objects = SWVQuerySet.as_manager()

    class Meta:
        verbose_name = "gemeente"
        verbose_name_plural = "gemeenten"
        ordering = ["swv", "naam"]
        constraints = [models.UniqueConstraint(fields=["swv", "naam"], name="gemeente_uniek_per_swv")]

    def __str__(self) -> str:
        return self.naam


class Denominatie(models.TextChoices):
    OPENBAAR = "openbaar", "openbaar"
    BIJZONDER = "bijzonder", "bijzonder"


class Schoolbestuur(models.Model):
    """Bevoegd gezag; legally the zorgplicht rests here [domain §1]."""

    swv = models.ForeignKey(Samenwerkingsverband, on_delete=models.PROTECT, related_name="besturen")
    naam = models.CharField(max_length=200)
    bestuursnummer = models.CharField(max_length=5, validators=[validate_bestuursnummer])
    denominatie = models.CharField(max_length=20, choices=Denominatie.choices, default=Denominatie.OPENBAAR)

    objects = SWVQuerySet.as_manager()

    class Meta:
        verbose_name = "schoolbestuur"
        verbose_name_plural = "schoolbesturen"
        ordering = ["swv", "naam"]
        constraints = [
            models.UniqueConstraint(fields=["swv", "bestuursnummer"], name="bestuursnummer_uniek_per_swv")
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.bestuursnummer})"

    @property
    def is_openbaar(self) -> bool:
        return self.denominatie == Denominatie.OPENBAAR


class SchoolSoort(models.TextChoices):
    BAO = "bao", "basisonderwijs"
    SBO = "sbo", "speciaal basisonderwijs"
    SO = "so", "speciaal onderwijs"
    VVE = "vve", "voorschoolse voorziening"


class VakantieRegio(models.TextChoices):
    NOORD = "noord", "noord"
    MIDDEN = "midden", "midden"
    ZUID = "zuid", "zuid"


class SchoolQuerySet(models.QuerySet):
    def filter_for_user(self, user):
        """Schools the user works at or oversees: own school(s), own regio, own SWV, own gemeente."""
        from cases.scope import scope_for

        scope = scope_for(user)
        if scope.alles:
            return self
        q = (
            models.Q(pk__in=scope.school_ids)
            | models.Q(regio_id__in=scope.regio_ids)
            | models.Q(swv_id__in=scope.swv_ids)
            | models.Q(gemeente_id__in=scope.gemeente_ids)
        )
        return self.filter(q)


class School(models.Model):
    swv = models.ForeignKey(Samenwerkingsverband, on_delete=models.PROTECT, related_name="scholen")
    bestuur = models.ForeignKey(Schoolbestuur, on_delete=models.PROTECT, related_name="scholen")
    regio = models.ForeignKey(Regio, on_delete=models.PROTECT, related_name="scholen")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="scholen")
    naam = models.CharField(max_length=200)
    brin = models.CharField("BRIN", max_length=4, validators=[validate_brin])
    vestiging = models.CharField(
        "vestigingsnummer", max_length=2, default="00", validators=[validate_vestiging]
    )
    soort = models.CharField(max_length=3, choices=SchoolSoort.choices, default=SchoolSoort.BAO)
    so_cluster = models.PositiveSmallIntegerField(
        "cluster (so)", null=True, blank=True, choices=[(3, "cluster 3"), (4, "cluster 4")]
    )
    vakantieregio = models.CharField(
        "regio schoolvakanties", max_length=6, choices=VakantieRegio.choices, default=VakantieRegio.MIDDEN
    )
    adres = models.CharField(max_length=200, blank=True)
    postcode_plaats = models.CharField("postcode en plaats", max_length=200, blank=True)

    objects = SchoolQuerySet.as_manager()

    class Meta:
        verbose_name = "school"
        verbose_name_plural = "scholen"
        ordering = ["naam"]
        constraints = [models.UniqueConstraint(fields=["brin", "vestiging"], name="brin_vestiging_uniek")]
        indexes = [models.Index(fields=["swv", "regio"]), models.Index(fields=["gemeente"])]

    def __str__(self) -> str:
        return self.naam

    @property
    def brin_vestiging(self) -> str:
        return f"{self.brin}{self.vestiging}"

    def clean(self) -> None:
        super().clean()
        if self.brin:
            self.brin = self.brin.upper()
        fouten = {}
        for veld in ("bestuur", "regio", "gemeente"):
            obj = getattr(self, veld, None) if getattr(self, f"{veld}_id", None) else None
            if obj is not None and self.swv_id and obj.swv_id != self.swv_id:
                fouten[veld] = f"Deze {veld} hoort bij een ander samenwerkingsverband dan de school."
        if self.soort == SchoolSoort.SO and not self.so_cluster:
            fouten["so_cluster"] = "Geef bij een so-school het cluster (3 of 4) op."
        if fouten:
            raise ValidationError(fouten)
