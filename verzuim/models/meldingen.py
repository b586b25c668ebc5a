"""Registered absence and verzuimmeldingen to the leerplichtambtenaar [002 verzuimkaart;
Leerplichtwet art. 21a; domain §10].

The school registers absence per date (hours; te laat; ziekmeldingen with their first and last
day). A melding goes to the LPA of the gemeente of the SCHOOL (not of the pupil's home): that is
the LPA the verzuimkaart names. The LPA sees and answers only the meldingen of their gemeente."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from cases.models import Gemeente, Leerling, School
from cases.termijnen import plus_werkdagen
from verzuim import regels


class RegistratieSoort(models.TextChoices):
    ONGEOORLOOFD = "ongeoorloofd", "ongeoorloofd (spijbelen)"
    LUXE = "luxe", "luxe verzuim (vrij zonder toestemming)"
    TE_LAAT = "te_laat", "te laat"
    ZIEK = "ziek", "ziekmelding"


ONGEOORLOOFDE_SOORTEN = (RegistratieSoort.ONGEOORLOOFD, RegistratieSoort.LUXE, RegistratieSoort.TE_LAAT)


class SchoolRijQuerySet(models.QuerySet):
    """Rows of a school: its IB'er and directeur (and the superuser) see them while the pupil is
    enrolled there [issue 14]."""

    def filter_for_user(self, user):
        from cases.scope import schooltoegang, scope_for

        scope = scope_for(user)
        if scope.alles:
            return self
        return self.filter(schooltoegang(scope))


class VerzuimRegistratie(models.Model):
    leerling = models.ForeignKey(Leerling, on_delete=models.CASCADE, related_name="verzuimregistraties")
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="verzuimregistraties")
    soort = models.CharField(max_length=20, choices=RegistratieSoort.choices)
    datum = models.DateField(help_text="De dag van het verzuim; bij een ziekmelding de eerste ziektedag.")
    tot = models.DateField(
        "hersteld op", null=True, blank=True, help_text="Alleen bij een ziekmelding: de laatste ziektedag."
    )
    uren = models.DecimalField(
        max_digits=4,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("8"))],
        help_text="Gemiste lestijd in uren (bijv. 0,25 voor een kwartier te laat).",
    )
    opmerking = models.CharField(max_length=300, blank=True)
    geregistreerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    objects = SchoolRijQuerySet.as_manager()

    class Meta:
        verbose_name = "verzuimregistratie"
        verbose_name_plural = "verzuimregistraties"
        ordering = ["leerling", "datum", "pk"]
        indexes = [models.Index(fields=["leerling", "soort", "datum"])]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.datum:%d-%m-%Y}"


class MeldingSoort(models.TextChoices):
    ABSOLUUT = "absoluut", "absoluut verzuim"
    RELATIEF = "relatief", "relatief verzuim (spijbelen)"
    ZESTIEN_UUR = "zestien_uur", "16 uur in 4 lesweken (art. 21a)"
    LUXE = "luxe", "luxe verzuim"
    TE_LAAT = "te_laat", "te laat komen"
    ZIEKTE = "ziekte", "zorgwekkend ziekteverzuim"


# A melding of these kinds reported the absence hours: a new period of 4 lesweken begins after it
# (Leerplichtwet art. 21a).
UREN_MELDINGEN = (MeldingSoort.ZESTIEN_UUR, MeldingSoort.RELATIEF, MeldingSoort.LUXE)


class MeldingStatus(models.TextChoices):
    GEMELD = "gemeld", "gemeld bij leerplicht"
    IN_BEHANDELING = "in_behandeling", "in behandeling bij leerplicht"
    AFGEHANDELD = "afgehandeld", "afgehandeld"


class VerzuimmeldingQuerySet(models.QuerySet):
    def filter_for_user(self, user):
        """The school's IB'er and directeur while the pupil is enrolled there; the LPA of the
        school's gemeente [domain §2, §10; issue 14]."""
        from cases.scope import schooltoegang, scope_for

        scope = scope_for(user)
        if scope.alles:
            return self
        return self.filter(schooltoegang(scope) | models.Q(gemeente_id__in=scope.gemeente_ids))


class Verzuimmelding(ConcurrentTransitionMixin, models.Model):
    leerling = models.ForeignKey(Leerling, on_delete=models.PROTECT, related_name="verzuimmeldingen")
    school = models.ForeignKey(
        School,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="verzuimmeldingen",
        help_text="Leeg bij absoluut verzuim dat de leerplichtambtenaar zelf vastlegt: het kind staat "
        "nergens ingeschreven [002 L252-258].",
    )
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        related_name="verzuimmeldingen",
        help_text="De gemeente van de school: haar leerplichtambtenaar ontvangt de melding.",
    )
    soort = models.CharField(max_length=20, choices=MeldingSoort.choices)
    status = FSMField(
        max_length=20, choices=MeldingStatus.choices, default=MeldingStatus.GEMELD, protected=True
    )
    toelichting = models.TextField("toelichting en achtergrond", blank=True)
    plicht_ontstaan_op = models.DateField(
        "meldplicht ontstaan op", help_text="De dag waarop het verzuim meldplichtig werd."
    )
    periode_van = models.DateField(null=True, blank=True)
    uren = models.DecimalField(
        "uren ongeoorloofd verzuim", max_digits=6, decimal_places=2, default=Decimal("0")
    )
    te_laat_aantal = models.PositiveSmallIntegerField(default=0)
    ouders_geinformeerd_op = models.DateField(
        "ouders op de hoogte gesteld op",
        null=True,
        blank=True,
        help_text="De verzuimkaart: ouders op de hoogte stellen van de melding (leeg bij absoluut verzuim "
        "dat leerplicht zelf vastlegt).",
    )
    gemeld_op = models.DateField()
    gemeld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    lpa_reactie = models.TextField("reactie leerplicht", blank=True)
    behandeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    afgehandeld_op = models.DateField(null=True, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    objects = VerzuimmeldingQuerySet.as_manager()

    class Meta:
        verbose_name = "verzuimmelding"
        verbose_name_plural = "verzuimmeldingen"
        ordering = ["-gemeld_op", "-pk"]
        indexes = [models.Index(fields=["gemeente", "status"]), models.Index(fields=["school", "gemeld_op"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(school__isnull=False) | models.Q(soort="absoluut"),
                name="verzuimmelding_school_behalve_absoluut",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} – {self.gemeld_op:%d-%m-%Y}"

    def get_absolute_url(self) -> str:
        return reverse("verzuim:melding", kwargs={"pk": self.pk})

    @property
    def swv_id(self) -> int:
        return self.gemeente.swv_id

    @property
    def richtdatum(self):
        """The inspectie reads 'onverwijld' as within 5 werkdagen of the day the duty arose [domain §10]."""
        return plus_werkdagen(self.plicht_ontstaan_op, regels.RICHTTERMIJN_WERKDAGEN)

    @property
    def tijdig(self) -> bool:
        return self.gemeld_op <= self.richtdatum

    @transition(field=status, source=MeldingStatus.GEMELD, target=MeldingStatus.IN_BEHANDELING)
    def neem_in_behandeling(self, *, door) -> None:
        self.behandeld_door = door

    def heeft_reactie(self) -> bool:
        """Leerplicht legt vast wat zij met de melding deed (onderzoek, gesprek) [002 verzuimkaart]."""
        return bool(self.lpa_reactie.strip())

    @transition(
        field=status,
        source=[MeldingStatus.GEMELD, MeldingStatus.IN_BEHANDELING],
        target=MeldingStatus.AFGEHANDELD,
        conditions=[heeft_reactie],
    )
    def handel_af(self, *, door, op) -> None:
        self.behandeld_door = door
        self.afgehandeld_op = op
