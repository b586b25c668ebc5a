"""Leerlingen, their ouders/verzorgers and their inschrijvingen [domain §2, issue 3].

Only what the process needs (AVG). The current enrolment is denormalised onto the Leerling
(`huidige_school`, `huidige_groep`) by the one service that writes inschrijvingen
(cases/services/inschrijving.py), so that scoping a list of leerlingen is one indexed filter."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Cast

from .organisaties import Gemeente, Samenwerkingsverband, School
from .rollen import RolSoort


def elfproef(nummer: str) -> bool:
    """BSN-elfproef: 9 cijfers, sum(d_i * w_i) with weights 9..2 and -1, divisible by 11."""
    if len(nummer) != 9 or not nummer.isdigit():
        return False
    gewichten = [9, 8, 7, 6, 5, 4, 3, 2, -1]
    totaal = sum(int(c) * w for c, w in zip(nummer, gewichten, strict=True))
    return totaal % 11 == 0 and int(nummer) > 0


def validate_bsn(value: str) -> None:
    if value and not elfproef(value):
        raise ValidationError(
            "Dit is geen geldig BSN of onderwijsnummer: het moet uit 9 cijfers bestaan "
            "en aan de elfproef voldoen.",
            code="elfproef",
        )


class Geslacht(models.TextChoices):
    MEISJE = "v", "meisje"
    JONGEN = "m", "jongen"
    ANDERS = "x", "anders / onbekend"


# Roles whose access to a dossier comes from an object permission (django-guardian) per case.
DEEL_ROLLEN = (RolSoort.DESKUNDIGE, RolSoort.LPA)


class LeerlingQuerySet(models.QuerySet):
    def filter_for_user(self, user):
        """IB'er and directeur: enrolled at their school now; leerkracht: their groepen; SC/CJK:
        their regio; SLL, TLA-voorzitter, directeur-bestuurder, beheerder: their SWV; a deskundige
        or LPA only through an object permission (guardian) granted per case [domain §2]."""
        from guardian.models import UserObjectPermission

        from cases.scope import scope_for

        scope = scope_for(user)
        if scope.alles:
            return self
        q = (
            models.Q(huidige_school_id__in=scope.school_ids)
            | models.Q(huidige_school__regio_id__in=scope.regio_ids)
            | models.Q(swv_id__in=scope.swv_ids)
        )
        for school_id, groepen in scope.leerkracht_groepen:
            q |= models.Q(huidige_school_id=school_id, huidige_groep__in=groepen)
        # Only roles that see dossiers through a per-case share (a deskundige assigned to a TLV,
        # a leerplichtambtenaar) get the share subquery: for everyone else the OR would stop
        # PostgreSQL from using the index on huidige_school (docs/benchmarks.md).
        if user.is_authenticated and scope.heeft(*DEEL_ROLLEN):
            gedeeld = (
                UserObjectPermission.objects.filter(
                    user_id=user.pk,
                    permission__codename="view_leerling",
                    # by natural key in the subquery: no ContentType lookup, so no extra query
                    content_type__app_label="cases",
                    content_type__model="leerling",
                )
                .annotate(pk_int=Cast("object_pk", models.BigIntegerField()))
                .values("pk_int")
            )
            q |= models.Q(pk__in=gedeeld)
        # A leerling can only ever be seen inside an SWV the user has a role in.
        return self.filter(q, swv_id__in=scope.swv_ids_alle)


class Leerling(models.Model):
    swv = models.ForeignKey(Samenwerkingsverband, on_delete=models.PROTECT, related_name="leerlingen")
    voornaam = models.CharField(max_length=100)
    tussenvoegsel = models.CharField(max_length=30, blank=True)
    achternaam = models.CharField(max_length=150)
    geboortedatum = models.DateField()
    geslacht = models.CharField(max_length=1, choices=Geslacht.choices, default=Geslacht.ANDERS)
    woonplaats = models.CharField(max_length=120, blank=True)
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="leerlingen",
        help_text="Woongemeente.",
    )
    thuistaal = models.CharField(max_length=60, blank=True)
    bsn = models.CharField(
        "BSN of onderwijsnummer",
        max_length=9,
        blank=True,
        validators=[validate_bsn],
        help_text="Optioneel. Wordt gemaskeerd getoond en nooit in adressen, logs of bestandsnamen gebruikt.",
    )
    huidige_school = models.ForeignKey(
        School,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="huidige_leerlingen",
        editable=False,
    )
    huidige_groep = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    objects = LeerlingQuerySet.as_manager()

    class Meta:
        verbose_name = "leerling"
        verbose_name_plural = "leerlingen"
        ordering = ["achternaam", "voornaam"]
        indexes = [
            models.Index(fields=["swv", "achternaam"]),
            models.Index(fields=["huidige_school", "huidige_groep"]),
            models.Index(fields=["geboortedatum"]),
        ]

    def __str__(self) -> str:
        return self.volledige_naam

    @property
    def volledige_naam(self) -> str:
        return " ".join(p for p in (self.voornaam, self.tussenvoegsel, self.achternaam) if p)

    @property
    def bsn_gemaskeerd(self) -> str:
        return f"*****{self.bsn[-4:]}" if self.bsn else ""

    def leeftijd_op(self, peildatum: date) -> int:
        g = self.geboortedatum
        return peildatum.year - g.year - ((peildatum.month, peildatum.day) < (g.month, g.day))


class Ouder(models.Model):
    """Ouder/verzorger. Letters go to those with gezag who receive letters [domain §12]."""

    leerling = models.ForeignKey(Leerling, on_delete=models.CASCADE, related_name="ouders")
    naam = models.CharField(max_length=200)
    relatie = models.CharField(max_length=60, default="ouder", help_text="Bijvoorbeeld moeder, vader, voogd.")
    gezag = models.BooleanField("heeft gezag", default=True)
    ontvangt_brieven = models.BooleanField(default=True)
    adres = models.CharField(max_length=200, blank=True)
    postcode_plaats = models.CharField("postcode en plaats", max_length=200, blank=True)
    telefoon = models.CharField(max_length=40, blank=True)
    email = models.EmailField("e-mailadres", blank=True)

    class Meta:
        verbose_name = "ouder/verzorger"
        verbose_name_plural = "ouders/verzorgers"
        ordering = ["leerling", "-gezag", "naam"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.relatie})"


class Inschrijving(models.Model):
    """Enrolment at a school from `van` up to and including `tot` (open when tot is empty)."""

    leerling = models.ForeignKey(Leerling, on_delete=models.CASCADE, related_name="inschrijvingen")
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="inschrijvingen")
    groep = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Groep 1–8; leeg voor een voorschoolse voorziening."
    )
    van = models.DateField()
    tot = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = "inschrijving"
        verbose_name_plural = "inschrijvingen"
        ordering = ["leerling", "-van"]
        indexes = [models.Index(fields=["school", "tot"])]
        constraints = [
            models.UniqueConstraint(
                fields=["leerling"], condition=models.Q(tot__isnull=True), name="een_open_inschrijving"
            ),
            models.CheckConstraint(
                condition=models.Q(tot__isnull=True) | models.Q(tot__gte=models.F("van")), name="tot_na_van"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.school} groep {self.groep or '-'} vanaf {self.van:%d-%m-%Y}"
