"""Legal terms on cases, their suspensions, the notifications about them and the per-user
calendar token [domain §11, issue 4].

A Termijn stores the *events* (start, weeks/days, suspensions with their dates, extension); the
end date is always recomputed from them through cases/termijnen/rekenen.py. The column `einde` is a
denormalised copy for set-based queries (the daily sweep, "due this week" lists); it is written
only by cases/termijnen/services.py, which recomputes it whenever it writes an event, so it can
never disagree with the events it was computed from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from cases import termijnen as regels
from cases.models.leerling import Leerling
from cases.models.organisaties import Samenwerkingsverband, School
from cases.models.rollen import GEMEENTEGEBONDEN, REGIOGEBONDEN, SCHOOLGEBONDEN, SWV_BUREAU
from cases.termijnen.afloop import Afloop
from cases.termijnen.models.weergave import TermijnWeergave

# --- the kinds of term ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SoortDefinitie:
    """Defaults for one kind of term. Each app registers its own with `registreer_soort` in its
    registraties.py (tlv, zorgplicht, verzuim; the interventie's in cases/registraties.py)."""

    code: str
    label: str
    basis: str
    start_omschrijving: str
    weken: int = 0
    dagen: int = 0
    werkdagen: int = 0
    atw: bool = True
    rollen: tuple[str, ...] = ()
    opschortbaar: bool = False
    max_verlenging_weken: int | None = 0  # None: any reasonable term (Awb 4:14 lid 3)


class TermijnSoort(models.TextChoices):
    """Codes of the kinds tlv and zorgplicht register (tlv/registraties.py,
    zorgplicht/registraties.py), named here because their services and tests import them from here.
    Not a field's choices: `Termijn.soort` accepts any registered code."""

    ZORGPLICHT = "zorgplicht", "Zorgplicht"
    TLV_BESLISTERMIJN = "tlv_beslistermijn", "Beslistermijn TLV-aanvraag"
    BEZWAARTERMIJN = "bezwaartermijn", "Bezwaartermijn"
    BESLISTERMIJN_BEZWAAR = "beslistermijn_bezwaar", "Beslistermijn op bezwaar"
    ONTVANGSTBEVESTIGING_BEZWAAR = "ontvangstbevestiging_bezwaar", "Ontvangstbevestiging bezwaar"


SOORTEN: dict[str, SoortDefinitie] = {}


def registreer_soort(definitie: SoortDefinitie) -> SoortDefinitie:
    """Register a kind of term (other apps: verzuim, interventie, ...). Idempotent."""
    bestaand = SOORTEN.get(definitie.code)
    if bestaand is not None and bestaand != definitie:
        raise ValueError(f"Termijnsoort {definitie.code!r} is al anders geregistreerd.")
    SOORTEN[definitie.code] = definitie
    return definitie


# Roles that may be made responsible for a term, by how their scope is matched to the term:
# school roles on the term's school, regio roles on its regio, SWV roles on its SWV, the LPA on
# the school's gemeente. A deskundige gets access per case, never by role, so is not listed.
SCHOOL_VERANTWOORDELIJKEN = SCHOOLGEBONDEN
REGIO_VERANTWOORDELIJKEN = REGIOGEBONDEN
SWV_VERANTWOORDELIJKEN = SWV_BUREAU
GEMEENTE_VERANTWOORDELIJKEN = GEMEENTEGEBONDEN
VERANTWOORDELIJKE_ROLLEN = (
    SCHOOL_VERANTWOORDELIJKEN
    | REGIO_VERANTWOORDELIJKEN
    | SWV_VERANTWOORDELIJKEN
    | GEMEENTE_VERANTWOORDELIJKEN
)


class TermijnStatus(models.TextChoices):
    LOPEND = "lopend", "lopend"
    VERLOPEN = "verlopen", "verlopen"
    VOLDAAN = "voldaan", "voldaan"
    GESTOPT = "gestopt", "gestopt"


OPEN_STATUSSEN = (TermijnStatus.LOPEND, TermijnStatus.VERLOPEN)


class TermijnQuerySet(models.QuerySet):
    def filter_for_user(self, user):
        """Terms of the cases in the user's scope: SWV-wide roles their SWV, school roles their
        school, SC/CJK their regio, the LPA the schools in their gemeente [domain §2]."""
        from cases.scope import scope_for

        scope = scope_for(user)
        if scope.alles:
            return self
        q = (
            models.Q(swv_id__in=scope.swv_ids)
            | models.Q(school_id__in=scope.school_ids)
            | models.Q(school__regio_id__in=scope.regio_ids)
            | models.Q(school__gemeente_id__in=scope.gemeente_ids)
        )
        return self.filter(q, swv_id__in=scope.swv_ids_alle)

    def voor_verantwoordelijke(self, user):
        """Terms the user is responsible for: one of the user's roles is listed on the term and
        that role's scope covers the term (or the user is named on it personally)."""
        from cases.scope import scope_for

        scope = scope_for(user)
        q = models.Q(verantwoordelijke_id=user.pk) if user.is_authenticated else models.Q(pk__in=[])
        for rol in scope.rollen:
            heeft_rol = models.Q(verantwoordelijken__contains=f",{rol.soort},", swv_id=rol.swv_id)
            if rol.soort in SCHOOL_VERANTWOORDELIJKEN:
                q |= heeft_rol & models.Q(school_id=rol.school_id)
            elif rol.soort in REGIO_VERANTWOORDELIJKEN:
                q |= heeft_rol & models.Q(school__regio_id=rol.regio_id)
            elif rol.soort in GEMEENTE_VERANTWOORDELIJKEN:
                q |= heeft_rol & models.Q(school__gemeente_id=rol.gemeente_id)
            elif rol.soort in SWV_VERANTWOORDELIJKEN:
                q |= heeft_rol
        return self.filter(q)

    def open(self):
        return self.filter(status__in=OPEN_STATUSSEN)


class Termijn(TermijnWeergave, models.Model):
    """A legal term on a case. The end is recomputed from the stored events (see module doc)."""

    swv = models.ForeignKey(Samenwerkingsverband, on_delete=models.PROTECT, related_name="termijnen")
    school = models.ForeignKey(
        School,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="termijnen",
        help_text="De school van de zaak: bepaalt welke directeur, IB'er, SC of LPA verantwoordelijk is.",
    )
    leerling = models.ForeignKey(
        Leerling, on_delete=models.PROTECT, null=True, blank=True, related_name="termijnen"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, null=True, blank=True)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    zaak = GenericForeignKey("content_type", "object_id")

    soort = models.CharField(max_length=50, db_index=True)
    omschrijving = models.CharField(
        max_length=200,
        blank=True,
        help_text="Zonder naam of BSN: deze tekst gaat ook per e-mail en in de agenda-feed.",
    )
    basis = models.CharField("grondslag", max_length=300)
    start_omschrijving = models.CharField(max_length=200, default="de startdatum")
    start = models.DateField()
    weken = models.PositiveSmallIntegerField(default=0)
    dagen = models.PositiveSmallIntegerField(default=0)
    werkdagen = models.PositiveSmallIntegerField(default=0)
    atw = models.BooleanField("Algemene termijnenwet van toepassing", default=True)
    verlenging_weken = models.PositiveSmallIntegerField(default=0)
    verlengd_op = models.DateField(null=True, blank=True)
    verlenging_reden = models.TextField(blank=True)

    verantwoordelijken = models.CharField(
        max_length=200,
        blank=True,
        help_text="Rollen die verantwoordelijk zijn, als ',sll,tla,' (begin en eind met een komma).",
    )
    verantwoordelijke = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Eventueel één persoon daarnaast, bijvoorbeeld de casusmanager.",
    )

    status = models.CharField(max_length=10, choices=TermijnStatus.choices, default=TermijnStatus.LOPEND)
    afgerond_op = models.DateField(null=True, blank=True)
    afronding_reden = models.TextField(blank=True)

    # Denormalised, written only by cases/termijnen/services.py together with the events.
    einde = models.DateField(editable=False)
    opgeschort_tot = models.DateField(
        null=True,
        blank=True,
        editable=False,
        help_text="Uiterste antwoorddatum van een lopende opschorting; leeg als er geen loopt.",
    )

    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    objects = TermijnQuerySet.as_manager()

    class Meta:
        verbose_name = "termijn"
        verbose_name_plural = "termijnen"
        ordering = ["einde", "pk"]
        indexes = [
            models.Index(fields=["status", "einde"], name="termijn_status_einde"),
            models.Index(fields=["swv", "status"], name="termijn_swv_status"),
            models.Index(fields=["content_type", "object_id"], name="termijn_zaak"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(verantwoordelijken="") | models.Q(verantwoordelijken__startswith=","),
                name="termijn_verantwoordelijken_vorm",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.soort_label} t/m {regels.formatteer_datum(self.einde)}"

    # --- reading the stored events -------------------------------------------------------------

    @property
    def definitie(self) -> SoortDefinitie | None:
        return SOORTEN.get(self.soort)

    @property
    def soort_label(self) -> str:
        d = self.definitie
        return d.label if d else self.soort.replace("_", " ").capitalize()

    @property
    def rollen(self) -> list[str]:
        return [r for r in self.verantwoordelijken.split(",") if r]

    def opschorting_paren(self) -> list[tuple[date, date, str]]:
        """(verzoek, effective end, explanation) per suspension; uses a prefetch when present."""
        if self.pk is None:
            return []
        return [o.als_paar() for o in self.opschortingen.all()]

    def bereken(self) -> regels.Berekening:
        """The end date and its working, from the stored events [domain §11]."""
        if self.werkdagen:
            return regels.werkdagen_berekening(
                self.start, self.werkdagen, basis=self.basis, start_omschrijving=self.start_omschrijving
            )
        uitleg_verlenging = ()
        if self.verlenging_weken:
            op = f" op {regels.formatteer_datum(self.verlengd_op)}" if self.verlengd_op else ""
            uitleg_verlenging = (
                f"Verlengd{op} met {self.verlenging_weken} weken: de termijn is "
                f"{self.weken + self.verlenging_weken} weken vanaf {regels.formatteer_datum(self.start)} "
                "(niet vanaf het eerder berekende einde).",
            )
        return regels.termijn_berekening(
            self.start,
            weken=self.weken + self.verlenging_weken,
            dagen=self.dagen,
            opschortingen=self.opschorting_paren(),
            atw=self.atw,
            basis=self.basis,
            start_omschrijving=self.start_omschrijving,
            extra_uitleg=uitleg_verlenging,
        )

    @property
    def berekening(self) -> regels.Berekening:
        if not hasattr(self, "_berekening"):
            self._berekening = self.bereken()
        return self._berekening

    # --- what a page shows ---------------------------------------------------------------------

    def dagen_resterend(self, vandaag: date | None = None) -> int:
        """Days from today to the last day: positive "nog N dagen", negative "N dagen over tijd"."""
        return (self.einde - (vandaag or timezone.localdate())).days

    @property
    def resterend(self) -> int:
        return self.dagen_resterend()

    @property
    def over_tijd(self) -> int:
        return -self.resterend

    def is_opgeschort(self, vandaag: date | None = None) -> bool:
        return self.opgeschort_tot is not None and self.opgeschort_tot >= (vandaag or timezone.localdate())

    @property
    def opgeschort(self) -> bool:
        return self.status in OPEN_STATUSSEN and self.is_opgeschort()

    def actuele_status(self, vandaag: date | None = None) -> str:
        """The status as of today, right even when no worker ran: an open term past its end is
        verlopen, a verlopen term whose end moved into the future (suspension) is lopend again."""
        if self.status not in OPEN_STATUSSEN:
            return self.status
        if self.is_opgeschort(vandaag):
            return TermijnStatus.LOPEND
        return TermijnStatus.VERLOPEN if self.dagen_resterend(vandaag) < 0 else TermijnStatus.LOPEND

    @property
    def status_nu(self) -> str:
        return self.actuele_status()

    @property
    def afloop(self) -> Afloop | None:
        """How a term that is over ended (met or stopped); None while it runs [issue 20.3]."""
        if self.status == TermijnStatus.VOLDAAN:
            werkwoord = "beslist" if "beslistermijn" in self.soort else "voldaan"
            return Afloop(False, self.afgerond_op, self.einde, self.afronding_reden, werkwoord)
        if self.status == TermijnStatus.GESTOPT:
            return Afloop(True, self.afgerond_op, self.einde, self.afronding_reden)
        return None

    @property
    def op_tijd(self) -> bool | None:
        """For a voldaan term: was it met on or before the last day? (percentage op tijd [002 §1.8])."""
        if self.status != TermijnStatus.VOLDAAN or self.afgerond_op is None:
            return None
        return self.afgerond_op <= self.einde


class Opschorting(models.Model):
    """A request for information that suspends the term (Awb 4:15 lid 1 onder a; for the zorgplicht
    the same rule [domain §7, §11]). Only a request with a set answer period suspends; when no
    answer comes, the suspension ends when that period has passed unused."""

    termijn = models.ForeignKey(Termijn, on_delete=models.CASCADE, related_name="opschortingen")
    verzoek = models.DateField("datum verzoek")
    uiterlijk = models.DateField("antwoord uiterlijk op")
    ontvangst = models.DateField("datum ontvangst", null=True, blank=True)
    omschrijving = models.CharField("gevraagde informatie", max_length=300, blank=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "opschorting"
        verbose_name_plural = "opschortingen"
        ordering = ["verzoek", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(uiterlijk__gte=models.F("verzoek")), name="opschorting_uiterlijk"
            ),
            models.CheckConstraint(
                condition=models.Q(ontvangst__isnull=True) | models.Q(ontvangst__gte=models.F("verzoek")),
                name="opschorting_ontvangst",
            ),
        ]

    def __str__(self) -> str:
        return f"opschorting vanaf {regels.formatteer_datum(self.verzoek)}"

    @property
    def einde_effectief(self) -> date:
        """The day the suspension stops counting ("A"): the day of receipt, or — when nothing came
        within the set period — the day after that period (Awb 4:15 lid 1 onder a)."""
        na_termijn = self.uiterlijk + timedelta(days=1)
        if self.ontvangst is None:
            return na_termijn
        return min(self.ontvangst, na_termijn)

    def als_paar(self) -> tuple[date, date, str]:
        fd = regels.formatteer_datum
        if self.ontvangst is not None and self.ontvangst <= self.uiterlijk + timedelta(days=1):
            tekst = f"informatie gevraagd op {fd(self.verzoek)}, ontvangen op {fd(self.ontvangst)}"
        elif self.ontvangst is not None:
            tekst = (
                f"informatie gevraagd op {fd(self.verzoek)} met antwoordtermijn tot en met "
                f"{fd(self.uiterlijk)}, pas ontvangen op {fd(self.ontvangst)}: de opschorting eindigde "
                "toen de antwoordtermijn ongebruikt verstreek"
            )
        else:
            tekst = (
                f"informatie gevraagd op {fd(self.verzoek)}, nog niet ontvangen; antwoordtermijn tot en met "
                f"{fd(self.uiterlijk)}. Zolang het antwoord uitblijft, loopt de opschorting tot en met "
                "die dag"
            )
        return (self.verzoek, self.einde_effectief, tekst)


class NotificatieSoort(models.TextChoices):
    BINNENKORT = "binnenkort", "verloopt binnen 7 dagen"
    VANDAAG = "vandaag", "verloopt vandaag"
    VERLOPEN = "verlopen", "is verlopen"


class NotificatieQuerySet(models.QuerySet):
    def filter_for_user(self, user):
        """A user sees only his own notifications."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(gebruiker_id=user.pk)

    def ongelezen(self):
        return self.filter(gelezen_op__isnull=True)


class Notificatie(models.Model):
    """One message about one term for one person. Unique per (person, term, kind, due date), so
    the sweep can run any number of times and after any downtime: each fact notifies once."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notificaties"
    )
    termijn = models.ForeignKey(Termijn, on_delete=models.CASCADE, related_name="notificaties")
    soort = models.CharField(max_length=12, choices=NotificatieSoort.choices)
    vervaldatum = models.DateField(help_text="Het einde van de termijn waarover deze melding gaat.")
    aangemaakt_op = models.DateTimeField()
    gelezen_op = models.DateTimeField(null=True, blank=True)
    gemaild_op = models.DateTimeField(null=True, blank=True)

    objects = NotificatieQuerySet.as_manager()

    class Meta:
        verbose_name = "melding"
        verbose_name_plural = "meldingen"
        ordering = ["-aangemaakt_op", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["gebruiker", "termijn", "soort", "vervaldatum"], name="notificatie_eenmalig"
            )
        ]
        indexes = [
            models.Index(fields=["gebruiker", "gelezen_op"], name="notificatie_ongelezen"),
            models.Index(fields=["gemaild_op"], name="notificatie_te_mailen"),
        ]

    def __str__(self) -> str:
        return f"{self.termijn.soort_label} {self.get_soort_display()}"

    @property
    def tekst(self) -> str:
        """ "<leerling> – <soort> is verlopen (ma 7 dec)" [issue 20.4]."""
        return f"{self.termijn.kop} {self.get_soort_display()} ({regels.formatteer_datum(self.vervaldatum)})"


class AgendaTokenQuerySet(models.QuerySet):
    def filter_for_user(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(gebruiker_id=user.pk)


class AgendaToken(models.Model):
    """The secret of a user's iCal feed. Only its SHA-256 is stored; the URL is shown once when
    made. Revoking deletes the row, so the old URL stops working at once."""

    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agenda_token"
    )
    sleutel_hash = models.CharField(max_length=64, unique=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    laatst_gebruikt_op = models.DateTimeField(null=True, blank=True)

    objects = AgendaTokenQuerySet.as_manager()

    class Meta:
        verbose_name = "agenda-link"
        verbose_name_plural = "agenda-links"

    def __str__(self) -> str:
        return f"agenda-link van {self.gebruiker}"
