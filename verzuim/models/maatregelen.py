"""Time-out, schorsing and verwijdering [004 §3; WPO art. 40, 40c, 63; domain §10].

Maximum durations are facts checked on the dates (schorsing at most 7 calendar days; time-out
the rest of the day, once +1 day); legal terms (bezwaar, beslistermijn) are computed from the
stored dates with cases/termijnen/rekenen.py, never stored as the only truth."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from cases import termijnen
from cases.models import Leerling, School
from verzuim import regels


class MaatregelQuerySet(models.QuerySet):
    """School staff (IB'er, directeur) while the pupil is enrolled at their school, the SC of the
    regio, SWV-wide roles; the LPA of the school's gemeente once the measure was reported to
    leerplicht."""

    def _schoolstaf(self, scope):
        from cases.scope import schooltoegang

        return schooltoegang(scope)

    def filter_for_user(self, user):
        from cases.scope import scope_for

        scope = scope_for(user)
        if scope.alles:
            return self
        return self.filter(
            self._schoolstaf(scope)
            | models.Q(school__regio_id__in=scope.regio_ids)
            | models.Q(school__swv_id__in=scope.swv_ids)
            | models.Q(school__gemeente_id__in=scope.gemeente_ids, lpa_gemeld_op__isnull=False)
        )


class VerwijderingQuerySet(MaatregelQuerySet):
    """As a measure, but the removing school keeps its verwijdering after the pupil left: its
    bevoegd gezag still decides on the bezwaar [WPO art. 63]."""

    def _schoolstaf(self, scope):
        return models.Q(school_id__in=scope.school_ids)


class Maatregel(models.Model):
    leerling = models.ForeignKey(Leerling, on_delete=models.PROTECT, related_name="+")
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="+")
    aanleiding = models.TextField("incident en aanleiding")
    ouders_geinformeerd_op = models.DateField("ouders geïnformeerd op")
    lpa_gemeld_op = models.DateField("gemeld aan leerplicht op", null=True, blank=True)
    inspectie_gemeld_op = models.DateField("gemeld aan de inspectie op", null=True, blank=True)
    interventie_gestart = models.BooleanField(default=False)
    aangemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    objects = MaatregelQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def swv_id(self) -> int:
        return self.leerling.swv_id


class TimeOut(Maatregel):
    """Rest of the day; once extendable by one day; directie approves; ouders informed at once;
    verslag signed 'voor gezien'; bevoegd gezag informed in writing [004 §3 'Time-out']."""

    datum = models.DateField()
    goedgekeurd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", help_text="Lid van de directie."
    )
    verlengd_tot = models.DateField(null=True, blank=True)
    verslag = models.TextField("verslag van incident en gesprek", blank=True)
    verslag_voor_gezien_op = models.DateField(
        "verslag voor gezien getekend door ouders op", null=True, blank=True
    )
    bestuur_geinformeerd_op = models.DateField(
        "bevoegd gezag schriftelijk geïnformeerd op", null=True, blank=True
    )

    class Meta:
        verbose_name = "time-out"
        verbose_name_plural = "time-outs"
        ordering = ["-datum", "-pk"]

    def __str__(self) -> str:
        return f"Time-out {self.datum:%d-%m-%Y}"

    def get_absolute_url(self) -> str:
        return reverse("verzuim:time_out", kwargs={"pk": self.pk})

    @property
    def laatste_dag(self) -> date:
        return self.verlengd_tot or self.datum


class Schorsing(Maatregel):
    """At most one week (WPO art. 40c); bevoegd gezag decides in writing with reasons; ouders
    invited; reported to LPA and inspectie when longer than one day [004 §3; verzuimkaart]."""

    van = models.DateField("eerste dag")
    tot = models.DateField("laatste dag")
    bestuur_akkoord_op = models.DateField("bevoegd gezag akkoord op")
    gesprek_ouders_op = models.DateField("ouders uitgenodigd voor gesprek op")
    verslag = models.TextField("verslag van het gesprek", blank=True)
    verslag_voor_gezien_op = models.DateField("verslag voor gezien getekend op", null=True, blank=True)
    onderwijs_tijdens = models.TextField(
        "voortgang leerproces tijdens de schorsing",
        blank=True,
        help_text="Bijvoorbeeld huiswerk, toetsen op school [004 §3 noot 3].",
    )
    besluit_verzonden_op = models.DateField()

    class Meta:
        verbose_name = "schorsing"
        verbose_name_plural = "schorsingen"
        ordering = ["-van", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(tot__gte=models.F("van")), name="schorsing_tot_na_van"),
        ]

    def __str__(self) -> str:
        return f"Schorsing {self.van:%d-%m-%Y} t/m {self.tot:%d-%m-%Y}"

    def get_absolute_url(self) -> str:
        return reverse("verzuim:schorsing", kwargs={"pk": self.pk})

    @property
    def dagen(self) -> int:
        return regels.schorsing_dagen(self.van, self.tot)

    @property
    def meldplichtig(self) -> bool:
        return regels.schorsing_meldplichtig(self.van, self.tot)

    @property
    def bezwaar(self) -> termijnen.Berekening:
        return termijnen.termijn_berekening(
            self.besluit_verzonden_op,
            weken=6,
            basis="Awb art. 6:7 en 6:8 (bezwaartermijn)",
            start_omschrijving="verzending van het besluit",
        )


class VerwijderingStatus(models.TextChoices):
    VOORNEMEN = "voornemen", "voornemen"
    BESLOTEN = "besloten", "besluit genomen (nog niet definitief)"
    DEFINITIEF = "definitief", "definitief verwijderd"
    INGETROKKEN = "ingetrokken", "ingetrokken"
    HERROEPEN = "herroepen", "herroepen na gegrond bezwaar"


class BezwaarUitkomst(models.TextChoices):
    """The decision on the bezwaar (Awb 7:11; for a late, not verschoonbaar bezwaar Awb 6:11)."""

    ONGEGROND = "ongegrond", "ongegrond: het besluit tot verwijdering blijft staan"
    GEGROND = "gegrond", "gegrond: het besluit tot verwijdering wordt herroepen"
    NIET_ONTVANKELIJK = "niet_ontvankelijk", "niet-ontvankelijk"


class AfzienVanHoren(models.TextChoices):
    """The only grounds on which the hearing on a bezwaar may be skipped (Awb art. 7:3) [004 L764-766]."""

    KENNELIJK_NIET_ONTVANKELIJK = "a", "het bezwaar is kennelijk niet-ontvankelijk (Awb 7:3 a)"
    KENNELIJK_ONGEGROND = "b", "het bezwaar is kennelijk ongegrond (Awb 7:3 b)"
    GEEN_GEBRUIK = (
        "c",
        "de ouders hebben verklaard geen gebruik te maken van het recht te worden gehoord (Awb 7:3 c)",
    )
    NIET_BINNEN_TERMIJN = (
        "d",
        "de ouders hebben niet binnen de gestelde termijn laten weten gehoord te willen worden (Awb 7:3 d)",
    )
    VOLLEDIG_TEGEMOET = "e", "aan het bezwaar wordt volledig tegemoetgekomen (Awb 7:3 e)"


class Verwijdering(ConcurrentTransitionMixin, Maatregel):
    """Bevoegd gezag decides after hearing leerkracht and ouders; written with reasons and the
    bezwaarclausule; reported to LPA and inspectie; definitive only once another school agreed
    to admit (WPO art. 40) [004 §3; domain §10]."""

    status = FSMField(
        max_length=20,
        choices=VerwijderingStatus.choices,
        default=VerwijderingStatus.VOORNEMEN,
        protected=True,
    )
    voornemen_op = models.DateField("voornemen meegedeeld op")
    verslag_leerkracht = models.TextField("verslag horen leerkracht", blank=True)
    leerkracht_gehoord_op = models.DateField(null=True, blank=True)
    verslag_ouders = models.TextField("verslag horen ouders", blank=True)
    ouders_gehoord_op = models.DateField(null=True, blank=True)
    besluit_verzonden_op = models.DateField(null=True, blank=True)
    motivering = models.TextField(blank=True)
    ontvangende_school = models.CharField(max_length=200, blank=True)
    definitief_op = models.DateField(null=True, blank=True)
    bezwaar_ontvangen_op = models.DateField(null=True, blank=True)
    # --- the bezwaar phase [004 L640-652, L726-811; issue 16.12] ---
    bezwaar_verschoonbaar = models.BooleanField(
        "termijnoverschrijding verschoonbaar",
        null=True,
        blank=True,
        help_text="Alleen bij een te laat bezwaar.",
    )
    bezwaar_verschoonbaar_reden = models.TextField("waarom (niet) verschoonbaar", blank=True)
    # [issue 17] Submitted by an ouder in the ouderportaal: who, and his reason for lateness (input
    # for the directeur, who judges verschoonbaar afterwards; until then bezwaar_verschoonbaar is None).
    bezwaar_ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="bezwaar ingediend via het ouderportaal door",
    )
    bezwaar_toelichting_te_laat = models.TextField("reden van de ouder voor de late indiening", blank=True)
    bezwaar_gehoord_op = models.DateField("ouders gehoord op het bezwaar op", null=True, blank=True)
    bezwaar_hoorverslag = models.TextField("hoorverslag", blank=True)
    hoorverslag_gezien_ouders_op = models.DateField(
        "hoorverslag voor gezien ondertekend door de ouders op", null=True, blank=True
    )
    hoorverslag_gezien_directie_op = models.DateField(
        "hoorverslag voor gezien ondertekend door de directie op", null=True, blank=True
    )
    afzien_horen = models.CharField(
        "afgezien van horen, grond", max_length=1, choices=AfzienVanHoren.choices, blank=True
    )
    afzien_horen_toelichting = models.TextField(blank=True)
    bezwaar_uitkomst = models.CharField(max_length=20, choices=BezwaarUitkomst.choices, blank=True)
    bezwaar_beslist_op = models.DateField("beslissing op bezwaar verzonden op", null=True, blank=True)
    bezwaar_motivering = models.TextField("motivering van de beslissing op bezwaar", blank=True)

    objects = VerwijderingQuerySet.as_manager()

    class Meta:
        verbose_name = "verwijdering"
        verbose_name_plural = "verwijderingen"
        ordering = ["-voornemen_op", "-pk"]

    def __str__(self) -> str:
        return f"Verwijdering (voornemen {self.voornemen_op:%d-%m-%Y})"

    def get_absolute_url(self) -> str:
        return reverse("verzuim:verwijdering", kwargs={"pk": self.pk})

    # --- conditions -------------------------------------------------------------------------

    def leerkracht_gehoord(self) -> bool:
        """De betrokken groepsleerkracht is gehoord, met verslag [004 §3 'Hoorplicht']."""
        return bool(self.leerkracht_gehoord_op and self.verslag_leerkracht.strip())

    def ouders_gehoord(self) -> bool:
        """De ouders zijn vooraf gehoord, met verslag [004 §3 'Hoorplicht']."""
        return bool(self.ouders_gehoord_op and self.verslag_ouders.strip())

    def andere_school_bereid(self) -> bool:
        """Een andere school is bereid de leerling toe te laten (WPO art. 40) [domain §10]."""
        return self.zoekpogingen.filter(antwoord=Zoekpoging.Antwoord.AKKOORD).exists()

    @transition(
        field=status,
        source=VerwijderingStatus.VOORNEMEN,
        target=VerwijderingStatus.BESLOTEN,
        conditions=[leerkracht_gehoord, ouders_gehoord],
    )
    def besluit(self, *, op: date, motivering: str) -> None:
        self.besluit_verzonden_op = op
        self.motivering = motivering

    @transition(
        field=status,
        source=VerwijderingStatus.BESLOTEN,
        target=VerwijderingStatus.DEFINITIEF,
        conditions=[andere_school_bereid],
    )
    def maak_definitief(self, *, op: date, ontvangende_school: str) -> None:
        self.definitief_op = op
        self.ontvangende_school = ontvangende_school

    @transition(
        field=status,
        source=[VerwijderingStatus.VOORNEMEN, VerwijderingStatus.BESLOTEN],
        target=VerwijderingStatus.INGETROKKEN,
    )
    def trek_in(self) -> None:
        pass

    @transition(
        field=status,
        source=[VerwijderingStatus.BESLOTEN, VerwijderingStatus.DEFINITIEF],
        target=VerwijderingStatus.HERROEPEN,
    )
    def herroep(self) -> None:
        """A well-founded bezwaar revokes the decision (Awb 7:11 lid 2)."""

    # --- the bezwaar phase ------------------------------------------------------------------

    @property
    def bezwaar_te_laat(self) -> bool:
        """Received after the 6-week bezwaartermijn (Awb 6:7, 6:9) [004 L776-781]."""
        return bool(
            self.bezwaar_ontvangen_op and self.bezwaar and self.bezwaar_ontvangen_op > self.bezwaar.einde
        )

    def hoorverslag_voor_gezien(self) -> bool:
        """Hoorverslag made and signed 'voor gezien' by the ouders and the directie [004 L726-729]."""
        return bool(
            self.bezwaar_gehoord_op
            and self.bezwaar_hoorverslag.strip()
            and self.hoorverslag_gezien_ouders_op
            and self.hoorverslag_gezien_directie_op
        )

    def hoorplicht_bezwaar_vervuld(self) -> bool:
        """The ouders were heard on the bezwaar, or hearing was lawfully skipped (Awb 7:2, 7:3) [004 L764]."""
        return self.hoorverslag_voor_gezien() or bool(self.afzien_horen)

    # --- terms ------------------------------------------------------------------------------

    @property
    def bezwaar(self) -> termijnen.Berekening | None:
        if not self.besluit_verzonden_op:
            return None
        return termijnen.termijn_berekening(
            self.besluit_verzonden_op,
            weken=regels.BEZWAAR_WEKEN,
            basis="Awb art. 6:7 en 6:8 (bezwaartermijn)",
            start_omschrijving="verzending van het besluit",
        )

    @property
    def beslistermijn_bezwaar(self) -> termijnen.Berekening | None:
        """Openbaar: 4 weeks from the end of the bezwaartermijn; bijzonder (WPO art. 63): 4 weeks
        from receipt of the bezwaar [004 §3; domain §10]."""
        if not self.bezwaar_ontvangen_op or not self.besluit_verzonden_op:
            return None
        if self.school.bestuur.is_openbaar and not self.bezwaar_te_laat:
            return termijnen.termijn_berekening(
                self.bezwaar.einde,
                weken=regels.BESLIS_WEKEN_VERWIJDERING,
                basis="openbaar onderwijs: beslissen binnen 4 weken na afloop van de bezwaartermijn",
                start_omschrijving="het einde van de bezwaartermijn",
            )
        if self.school.bestuur.is_openbaar:  # a late bezwaar: the bezwaartermijn had already ended
            return termijnen.termijn_berekening(
                self.bezwaar_ontvangen_op,
                weken=regels.BESLIS_WEKEN_VERWIJDERING,
                basis="openbaar onderwijs, bezwaar na afloop van de bezwaartermijn: beslissen binnen 4 weken "
                "na ontvangst van het bezwaarschrift [004 L645-646]",
                start_omschrijving="ontvangst van het bezwaarschrift",
            )
        return termijnen.termijn_berekening(
            self.bezwaar_ontvangen_op,
            weken=regels.BESLIS_WEKEN_VERWIJDERING,
            basis="bijzonder onderwijs, WPO art. 63: beslissen binnen 4 weken na ontvangst van het "
            "bezwaarschrift",
            start_omschrijving="ontvangst van het bezwaarschrift",
        )


class Zoekpoging(models.Model):
    """A school asked to admit the pupil: the search effort the Besturenraad asks to record [004 §3]."""

    class Antwoord(models.TextChoices):
        OPEN = "open", "nog geen antwoord"
        AKKOORD = "akkoord", "bereid tot toelating"
        AFGEWEZEN = "afgewezen", "afgewezen"

    verwijdering = models.ForeignKey(Verwijdering, on_delete=models.CASCADE, related_name="zoekpogingen")
    school = models.CharField("benaderde school", max_length=200)
    benaderd_op = models.DateField()
    antwoord = models.CharField(max_length=20, choices=Antwoord.choices, default=Antwoord.OPEN)
    antwoord_op = models.DateField(null=True, blank=True)
    toelichting = models.CharField(max_length=300, blank=True)
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "zoekpoging"
        verbose_name_plural = "zoekpogingen"
        ordering = ["verwijdering", "benaderd_op", "pk"]

    def __str__(self) -> str:
        return f"{self.school} ({self.get_antwoord_display()})"
