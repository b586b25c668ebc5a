"""Thuiszitters, escalatieladder, doorzettingskracht and the vier-partijenmodel
[002 bijlagen 2.4.1, 2.4.2, 2.5; domain §10].

A thuiszitter's category (4 weeks-3 months, more than 3 months, absoluut) is never stored: it
is computed from `thuis_sinds` on the day asked (verzuim/regels.py), so the count is right on
every day without a worker having run."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from cases.models import Gemeente, Leerling, Regio, Samenwerkingsverband, School, Schoolbestuur
from verzuim import regels


class ThuiszitterSoort(models.TextChoices):
    RELATIEF = "relatief", "langdurig relatief verzuim (ingeschreven)"
    ABSOLUUT = "absoluut", "absoluut verzuim (niet ingeschreven)"
    VRIJSTELLING = "vrijstelling", "vrijstelling van inschrijving (art. 5 onder a)"


class ThuiszitterQuerySet(models.QuerySet):
    """SC: own regio; SWV-wide roles: own SWV; LPA: own gemeente; school staff: own school while
    the pupil is enrolled there [issue 14]."""

    def filter_for_user(self, user):
        from cases.scope import schooltoegang, scope_for

        scope = scope_for(user)
        if scope.alles:
            return self
        return self.filter(
            models.Q(regio_id__in=scope.regio_ids)
            | models.Q(swv_id__in=scope.swv_ids)
            | models.Q(gemeente_id__in=scope.gemeente_ids)
            | schooltoegang(scope)
        )

    def lopend(self, peildatum: date):
        return self.filter(thuis_sinds__lte=peildatum).filter(
            models.Q(beeindigd_op__isnull=True) | models.Q(beeindigd_op__gt=peildatum)
        )


class Thuiszitter(models.Model):
    swv = models.ForeignKey(Samenwerkingsverband, on_delete=models.PROTECT, related_name="+")
    regio = models.ForeignKey(Regio, on_delete=models.PROTECT, related_name="+")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    school = models.ForeignKey(School, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    leerling = models.ForeignKey(Leerling, on_delete=models.PROTECT, related_name="thuiszitperioden")
    soort = models.CharField(max_length=20, choices=ThuiszitterSoort.choices)
    thuis_sinds = models.DateField("thuis sinds")
    regie_bij = models.CharField("regie bij", max_length=200)
    huidig_aanbod = models.TextField("huidig aanbod", blank=True)
    volgende_stap = models.CharField("volgende stap", max_length=300, blank=True)
    volgende_stap_op = models.DateField("volgende stap uiterlijk", null=True, blank=True)
    beeindigd_op = models.DateField("terug naar onderwijs op", null=True, blank=True)
    beeindiging = models.CharField("hoe beëindigd", max_length=300, blank=True)
    aangemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    objects = ThuiszitterQuerySet.as_manager()

    class Meta:
        verbose_name = "thuiszitter"
        verbose_name_plural = "thuiszitters"
        ordering = ["thuis_sinds", "pk"]
        indexes = [
            models.Index(fields=["swv", "regio", "beeindigd_op"]),
            models.Index(fields=["gemeente"]),
            # The register's page: the first 25 in order straight from the index, then 25 joins
            # (without them PostgreSQL joins every running row first; measured in bench/).
            models.Index(fields=["swv", "thuis_sinds", "id"], name="thuiszitter_swv_sinds"),
            models.Index(fields=["regio", "thuis_sinds", "id"], name="thuiszitter_regio_sinds"),
        ]

    def __str__(self) -> str:
        return f"Thuiszitter sinds {self.thuis_sinds:%d-%m-%Y}"

    def get_absolute_url(self) -> str:
        return reverse("verzuim:thuiszitter", kwargs={"pk": self.pk})

    def categorie(self, peildatum: date) -> str:
        return regels.thuiszitter_categorie(self.soort, self.thuis_sinds, peildatum)

    @property
    def drie_maanden_op(self) -> date:
        return regels.drie_maanden_op(self.thuis_sinds)


# --- escalatieladder [002 bijlage 2.4.1] ---------------------------------------------------------


class StapSoort(models.TextChoices):
    SIGNAAL = "signaal", "1. functionaris SWV signaleert"
    GESPREK = "gesprek", "2. gesprek met schooldirecteur/schoolbestuur"
    AFSPRAKEN = "afspraken", "3. afspraken over de gewenste situatie"
    MELDING_DB = "melding_db", "4. melding aan de directeur-bestuurder"
    RVT = "rvt", "5. Raad van Toezicht geïnformeerd (vóór een interventie)"
    PLAN = "plan", "6a. plan met afspraken (wie, hoe, wanneer)"
    DISPENSATIE = "dispensatie", "6b. dispensatie verleend"
    INTERVENTIE = "interventie", "6c. interventie ingezet"


# Which earlier step each step needs [002 bijlage 2.4.1 'Stappen'].
STAP_VEREIST: dict[str, tuple[str, str]] = {
    StapSoort.GESPREK: (StapSoort.SIGNAAL, "eerst moet de functionaris van het SWV de situatie signaleren"),
    StapSoort.AFSPRAKEN: (StapSoort.GESPREK, "afspraken volgen op het gesprek met directeur of bestuur"),
    StapSoort.MELDING_DB: (StapSoort.GESPREK, "de melding aan de directeur-bestuurder volgt op het gesprek"),
    StapSoort.RVT: (StapSoort.MELDING_DB, "de directeur-bestuurder moet eerst gemeld zijn"),
    StapSoort.PLAN: (StapSoort.MELDING_DB, "het vervolg bepaalt de directeur-bestuurder na de melding"),
    StapSoort.DISPENSATIE: (
        StapSoort.MELDING_DB,
        "het vervolg bepaalt de directeur-bestuurder na de melding",
    ),
    StapSoort.INTERVENTIE: (
        StapSoort.RVT,
        "vóór een interventie legt de directeur-bestuurder de situatie voor aan de Raad van Toezicht",
    ),
}


class EscalatieSituatie(models.TextChoices):
    """The (ongewenste) situaties in which the escalatieladder may be used, as a fixed list
    [002 L392-398, bijlage 2.4.1 'Situaties']."""

    BASISKWALITEIT = "basiskwaliteit", "basiskwaliteit of basisondersteuning van een school niet op niveau"
    ZORGPLICHT = "zorgplicht", "directeur of schoolbestuur handelt (herhaald) niet conform de zorgplicht"
    THUISZITTERS = "thuiszitters", "directeur of schoolbestuur handelt niet conform de thuiszitterswetgeving"
    VERANTWOORDING = (
        "verantwoording",
        "schoolbestuur levert de jaarlijkse verantwoording (november) niet, te laat of ondeugdelijk aan",
    )  # noqa: E501
    UITPLAATSING = (
        "uitplaatsing",
        "schoolbestuur neemt geen verantwoordelijkheid bij een tijdelijke uitplaatsing",
    )  # noqa: E501
    MIDDELEN = (
        "middelen",
        "schoolbestuur zet de ondersteuningsmiddelen niet in volgens het ondersteuningsplan",
    )  # noqa: E501


class EscalatieQuerySet(models.QuerySet):
    def filter_for_user(self, user):
        """SWV-wide roles (directeur-bestuurder) and the SC's of the regio (an escalation about a
        schoolbestuur as a whole has no regio: the SWV-wide roles)."""
        from cases.scope import scope_for

        scope = scope_for(user)
        if scope.alles:
            return self
        return self.filter(models.Q(swv_id__in=scope.swv_ids) | models.Q(regio_id__in=scope.regio_ids))


class Escalatie(models.Model):
    swv = models.ForeignKey(Samenwerkingsverband, on_delete=models.PROTECT, related_name="+")
    regio = models.ForeignKey(Regio, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    thuiszitter = models.ForeignKey(
        Thuiszitter, on_delete=models.PROTECT, null=True, blank=True, related_name="escalaties"
    )
    school = models.ForeignKey(School, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    bestuur = models.ForeignKey(
        Schoolbestuur, on_delete=models.PROTECT, null=True, blank=True, related_name="escalaties"
    )
    # Empty only on escalations recorded before the fixed list existed [issue 16.13].
    situatie = models.CharField(max_length=20, choices=EscalatieSituatie.choices, blank=True)
    aanleiding = models.TextField()
    geopend_op = models.DateField()
    gesloten_op = models.DateField(null=True, blank=True)

    objects = EscalatieQuerySet.as_manager()

    class Meta:
        verbose_name = "escalatie"
        verbose_name_plural = "escalaties"
        ordering = ["-geopend_op", "-pk"]

    def __str__(self) -> str:
        return f"Escalatie {self.geopend_op:%d-%m-%Y}"

    def get_absolute_url(self) -> str:
        return reverse("verzuim:escalatie", kwargs={"pk": self.pk})


class EscalatieStap(models.Model):
    escalatie = models.ForeignKey(Escalatie, on_delete=models.CASCADE, related_name="stappen")
    stap = models.CharField(max_length=20, choices=StapSoort.choices)
    datum = models.DateField()
    toelichting = models.TextField(blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "escalatiestap"
        verbose_name_plural = "escalatiestappen"
        ordering = ["escalatie", "datum", "pk"]

    def __str__(self) -> str:
        return self.get_stap_display()


# --- doorzettingskracht [002 bijlage 2.4.2] ------------------------------------------------------


class Doorzettingskracht(models.Model):
    thuiszitter = models.OneToOneField(
        Thuiszitter, on_delete=models.PROTECT, related_name="doorzettingskracht"
    )
    regisseur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="De directeur-bestuurder van het SWV neemt de regie.",
    )
    gestart_op = models.DateField()
    ouders_instemming_op = models.DateField("ouders stemden in op", null=True, blank=True)
    geplaatst_school = models.ForeignKey(
        School, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    geplaatst_vanaf = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = "doorzettingskracht"
        verbose_name_plural = "doorzettingskracht"

    def __str__(self) -> str:
        return f"Doorzettingskracht {self.gestart_op:%d-%m-%Y}"


class Schoolvoorstel(models.Model):
    """One of the three schools the SC names; the regisseur asks its bestuur for agreement."""

    class Antwoord(models.TextChoices):
        OPEN = "open", "nog geen antwoord"
        AKKOORD = "akkoord", "akkoord"
        AFGEWEZEN = "afgewezen", "afgewezen"

    doorzettingskracht = models.ForeignKey(
        Doorzettingskracht, on_delete=models.CASCADE, related_name="voorstellen"
    )
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="+")
    voorgesteld_op = models.DateField()
    voorgesteld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    antwoord = models.CharField(
        "antwoord bestuur", max_length=20, choices=Antwoord.choices, default=Antwoord.OPEN
    )
    antwoord_op = models.DateField(null=True, blank=True)
    toelichting = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = "schoolvoorstel"
        verbose_name_plural = "schoolvoorstellen"
        ordering = ["doorzettingskracht", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["doorzettingskracht", "school"], name="schoolvoorstel_uniek"),
        ]

    def __str__(self) -> str:
        return f"{self.school} ({self.get_antwoord_display()})"


class Procesverslag(models.Model):
    """After each step a procesverslag goes to all involved [002 bijlage 2.4.2]."""

    doorzettingskracht = models.ForeignKey(
        Doorzettingskracht, on_delete=models.CASCADE, related_name="verslagen"
    )
    stap = models.CharField(max_length=200)
    inhoud = models.TextField()
    verzonden_aan = models.JSONField(default=list)
    verzonden_op = models.DateField()
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "procesverslag"
        verbose_name_plural = "procesverslagen"
        ordering = ["doorzettingskracht", "verzonden_op", "pk"]

    def __str__(self) -> str:
        return self.stap


# --- vier-partijenmodel [002 bijlage 2.5] --------------------------------------------------------


class Partij(models.TextChoices):
    OUDERS = "ouders", "ouders/verzorgers en de jeugdige"
    LPA = "lpa", "leerplichtambtenaar"
    GGD = "ggd", "onafhankelijke GGD-arts"
    SWV = "swv", "samenwerkingsverband"


class VrijstellingStatus(models.TextChoices):
    IN_BEHANDELING = "in_behandeling", "in behandeling"
    AFGEWEZEN = "afgewezen", "niet toegekend (nee, tenzij)"
    TOEGEKEND = "toegekend", "vrijstelling toegekend"


class VrijstellingQuerySet(models.QuerySet):
    def filter_for_user(self, user):
        """The LPA of the gemeente (who decides) and the SWV-wide roles."""
        from cases.scope import scope_for

        scope = scope_for(user)
        if scope.alles:
            return self
        return self.filter(models.Q(gemeente_id__in=scope.gemeente_ids) | models.Q(swv_id__in=scope.swv_ids))


class Vrijstellingsverzoek(ConcurrentTransitionMixin, models.Model):
    """Beroep op vrijstelling van inschrijving, Leerplichtwet art. 5 onder a: 'nee, tenzij', and not
    accepted unless four parties were involved; the LPA decides [002 bijlage 2.5]."""

    swv = models.ForeignKey(Samenwerkingsverband, on_delete=models.PROTECT, related_name="+")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    regio = models.ForeignKey(Regio, on_delete=models.PROTECT, related_name="+")
    leerling = models.ForeignKey(Leerling, on_delete=models.PROTECT, related_name="vrijstellingsverzoeken")
    ingediend_op = models.DateField()
    status = FSMField(
        max_length=20,
        choices=VrijstellingStatus.choices,
        default=VrijstellingStatus.IN_BEHANDELING,
        protected=True,
    )
    zwaarwegende_argumenten = models.TextField(blank=True)
    besluit_op = models.DateField(null=True, blank=True)
    besluit_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    geldig_tot = models.DateField(null=True, blank=True)
    aangemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = VrijstellingQuerySet.as_manager()

    class Meta:
        verbose_name = "vrijstellingsverzoek"
        verbose_name_plural = "vrijstellingsverzoeken"
        ordering = ["-ingediend_op", "-pk"]

    def __str__(self) -> str:
        return f"Vrijstelling art. 5a, ingediend {self.ingediend_op:%d-%m-%Y}"

    def get_absolute_url(self) -> str:
        return reverse("verzuim:vrijstelling", kwargs={"pk": self.pk})

    def ontbrekende_partijen(self) -> list[str]:
        gedaan = {a.partij for a in self.adviezen.all() if a.advies.strip()}
        return [label for waarde, label in Partij.choices if waarde not in gedaan]

    def vier_partijen_betrokken(self) -> bool:
        """Ouders, LPA, GGD-arts en SWV zijn elk betrokken met hun advies [002 bijlage 2.5]."""
        return not self.ontbrekende_partijen()

    def zwaarwegend(self) -> bool:
        """'Nee, tenzij': alleen bij vastgelegde zwaarwegende argumenten [002 bijlage 2.5]."""
        return bool(self.zwaarwegende_argumenten.strip())

    @transition(
        field=status,
        source=VrijstellingStatus.IN_BEHANDELING,
        target=VrijstellingStatus.AFGEWEZEN,
        conditions=[vier_partijen_betrokken],
    )
    def wijs_af(self, *, door, op: date) -> None:
        self.besluit_door, self.besluit_op = door, op

    @transition(
        field=status,
        source=VrijstellingStatus.IN_BEHANDELING,
        target=VrijstellingStatus.TOEGEKEND,
        conditions=[vier_partijen_betrokken, zwaarwegend],
    )
    def ken_toe(self, *, door, op: date, geldig_tot: date) -> None:
        self.besluit_door, self.besluit_op, self.geldig_tot = door, op, geldig_tot


class PartijAdvies(models.Model):
    verzoek = models.ForeignKey(Vrijstellingsverzoek, on_delete=models.CASCADE, related_name="adviezen")
    partij = models.CharField(max_length=10, choices=Partij.choices)
    naam = models.CharField("naam en functie", max_length=200)
    betrokken_op = models.DateField()
    advies = models.TextField()
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "advies partij"
        verbose_name_plural = "adviezen partijen"
        ordering = ["verzoek", "partij"]
        constraints = [models.UniqueConstraint(fields=["verzoek", "partij"], name="een_advies_per_partij")]

    def __str__(self) -> str:
        return self.get_partij_display()
