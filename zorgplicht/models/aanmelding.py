"""Aanmelding: the zorgplicht machine from written registration to a fitting place [domain §7, §11].

A django-fsm-2 machine with named conditions and transitions [002 bijlage 2.2.1]. Its terms are
never stored as the only truth: they are computed from the dates on the aanmelding and its
InformatieVerzoeken (zorgplicht/termijnen.py), so every page is right even when no worker ran.
Writes go through zorgplicht/services/ only.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.urls import reverse
from django_fsm import GET_STATE, ConcurrentTransitionMixin, FSMField, transition

from cases.models import Leerling, School
from cases.models.organisaties import SchoolSoort
from cases.models.rollen import SCHOOLLEIDING
from cases.workflow import Weigerteksten
from zorgplicht.models.keuzes import (
    LOPENDE_STATUSSEN,
    Antwoord,
    NietVanToepassing,
    OndersteuningSoort,
    Status,
    TLVSoort,
    Uitkomst,
)
from zorgplicht.models.rollen import mag_beslissen, mag_volgen

if TYPE_CHECKING:
    from zorgplicht.models.informatie import InformatieVerzoek


class AanmeldingQuerySet(models.QuerySet):
    def filter_for_user(self, user):
        """Directeur/IB'er: aanmeldingen at their school; SC/CJK: their regio (also as bao-bao school);
        SWV-wide roles: their SWV (read-only). Nobody sees another SWV [domain §2]."""
        from cases.scope import scope_for

        scope = scope_for(user)
        if scope.alles:
            return self
        # Only directeur and IB'er act for the school in the zorgplicht; a leerkracht does not.
        school_ids = {
            r.school_id for r in scope.rollen if r.soort in SCHOOLLEIDING and r.school_id is not None
        }
        q = (
            models.Q(school_id__in=school_ids)
            | models.Q(baobao_voorstellen__school_id__in=school_ids)
            | models.Q(school__regio_id__in=scope.regio_ids)
            | models.Q(baobao_voorstellen__school__regio_id__in=scope.regio_ids)
            | models.Q(swv_id__in=scope.swv_ids)
        )
        return self.filter(pk__in=self.model.objects.filter(q).values("pk"), swv_id__in=scope.swv_ids_alle)

    def lopend(self):
        return self.filter(status__in=LOPENDE_STATUSSEN)


class Aanmelding(ConcurrentTransitionMixin, models.Model):
    """A written aanmelding at the school of preference where extra support may be needed."""

    # How cases.workflow words a refused step; `{wat}` is the step as the service names it.
    weigerteksten = Weigerteksten(
        status="Dat kan niet nu de aanmelding de status '{status}' heeft.",
        rol="{wat}: dat hoort niet bij uw rol voor deze aanmelding.",
        inleiding="{wat} kan niet: ",
    )
    swv = models.ForeignKey("cases.Samenwerkingsverband", on_delete=models.PROTECT, related_name="+")
    school = models.ForeignKey(
        School,
        on_delete=models.PROTECT,
        related_name="zorgplicht_aanmeldingen",
        verbose_name="school van aanmelding",
    )
    leerling = models.ForeignKey(Leerling, on_delete=models.PROTECT, related_name="zorgplicht_aanmeldingen")
    aanmelding_op = models.DateField(
        "datum schriftelijke aanmelding",
        help_text="De dag waarop de school de schriftelijke aanmelding ontving; de zorgplichttermijn begint de dag erna.",  # noqa: E501
    )
    zij_instroom = models.BooleanField(
        default=False, help_text="De leerling staat al ingeschreven op een (andere) school."
    )
    extra_ondersteuning_vermoed = models.BooleanField(
        "extra ondersteuning nodig of vermoed",
        default=True,
    )
    ondersteuningsbehoeften = models.JSONField(
        default=list,
        blank=True,
        help_text="Soorten ondersteuning die de leerling (vermoedelijk) nodig heeft.",
    )
    andere_scholen = models.TextField(
        "ook aangemeld bij", blank=True, help_text="Andere scholen waar de ouders hun kind hebben aangemeld."
    )
    toelichting = models.TextField(blank=True)

    status = FSMField(default=Status.ONTVANGEN, choices=Status.choices, protected=True)

    # onderzoek and extension
    onderzoek_gestart_op = models.DateField(null=True, blank=True)
    verlengd_op = models.DateField(
        "verlenging verzonden op",
        null=True,
        blank=True,
        help_text="De dag waarop de verlenging met reden schriftelijk aan de ouders is verzonden.",
    )
    verlengingsreden = models.TextField(blank=True)

    # decision
    uitkomst = models.PositiveSmallIntegerField(choices=Uitkomst.choices, null=True, blank=True)
    besluit_op = models.DateField(null=True, blank=True)
    besluit_toelichting = models.TextField("onderbouwing van het besluit", blank=True)
    arrangement = models.TextField(
        "extra ondersteuning vanuit het SWV",
        blank=True,
        help_text="Bij uitkomst 7: de ondersteuning (expertise en/of middelen) die met de steunpuntcoördinator is afgesproken.",  # noqa: E501
    )
    sc_akkoord = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="steunpuntcoördinator",
    )
    tlv_soort = models.CharField("soort TLV-aanvraag", max_length=20, choices=TLVSoort.choices, blank=True)
    tlv_school_soort = models.CharField(
        "beoogd onderwijs",
        max_length=3,
        blank=True,
        choices=[(SchoolSoort.SBO, "sbo"), (SchoolSoort.SO, "so")],
    )
    tlv_aanvraag_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    gekozen_school = models.ForeignKey(
        School,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="school waarvoor de ouders kozen",
    )

    # closing
    afgesloten_op = models.DateField(null=True, blank=True)
    ingeschreven_school = models.ForeignKey(
        School,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="De school waar de leerling is ingeschreven en waar de zorgplicht nu ligt.",
    )

    # zorgplicht does not apply
    niet_van_toepassing_reden = models.CharField(max_length=20, choices=NietVanToepassing.choices, blank=True)
    niet_van_toepassing_onderbouwing = models.TextField(blank=True)
    capaciteit = models.PositiveIntegerField(
        "maximumcapaciteit",
        null=True,
        blank=True,
        help_text="Bij een volle school: het vastgestelde maximum.",
    )
    aantal_ingeschreven = models.PositiveIntegerField(
        "aantal ingeschreven en toegezegd",
        null=True,
        blank=True,
        help_text="Bij een volle school: het aantal ingeschreven en toegezegde leerlingen op de aanmelddatum.",  # noqa: E501
    )
    vol_voor_iedereen = models.BooleanField(
        "de stop geldt voor alle aanmelders",
        default=False,
        help_text="Een school mag niet weigeren omdat er al veel kinderen met een beperking zijn.",
    )
    cluster_instelling = models.CharField("instelling cluster 1 of 2", max_length=200, blank=True)
    geadviseerd_niveau = models.CharField("door de vorige school geadviseerd", max_length=200, blank=True)

    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = AanmeldingQuerySet.as_manager()

    class Meta:
        verbose_name = "zorgplichtaanmelding"
        verbose_name_plural = "zorgplichtaanmeldingen"
        ordering = ["aanmelding_op", "pk"]
        indexes = [models.Index(fields=["swv", "status"]), models.Index(fields=["school", "status"])]

    def __str__(self) -> str:
        return f"Aanmelding {self.leerling} bij {self.school} ({self.aanmelding_op:%d-%m-%Y})"

    def get_absolute_url(self) -> str:
        return reverse("zorgplicht:detail", kwargs={"pk": self.pk})

    # --- facts ---------------------------------------------------------------------------------

    @property
    def is_lopend(self) -> bool:
        return self.status in LOPENDE_STATUSSEN

    @property
    def is_verlengd(self) -> bool:
        return self.verlengd_op is not None

    def opschortingen(self, vandaag: date) -> list[tuple[date, date]]:
        """(verzoek, ontvangst) pairs; an open request counts up to today (provisional)."""
        return [v.periode(vandaag) for v in self._verzoeken()]

    def _verzoeken(self):
        # Uses the prefetch when the list selector made one: constant queries on lists.
        return list(self.informatieverzoeken.all())

    @property
    def open_verzoek(self) -> InformatieVerzoek | None:
        return next((v for v in self._verzoeken() if v.ontvangen_op is None), None)

    def leeftijd_op(self, peildatum: date) -> int:
        return self.leerling.leeftijd_op(peildatum)

    # --- conditions (named, with the rule and its source) -------------------------------------

    def extra_ondersteuning_nodig(self) -> bool:
        """Er is (een vermoeden van) extra ondersteuningsbehoefte: alleen dan geldt zorgplicht [002 bijlage 2.2.1 stap 2]."""  # noqa: E501
        return self.extra_ondersteuning_vermoed

    def leerling_minstens_drie(self) -> bool:
        """Aanmelden kan vanaf 3 jaar; daarvóór begint de zorgplicht niet [002 bijlage 2.2.1 stap 1]."""
        return self.leeftijd_op(self.aanmelding_op) >= 3

    def geen_open_informatieverzoek(self) -> bool:
        """Er staat geen informatieverzoek meer open: registreer eerst de ontvangst [002 bijlage 2.2.1 stap 4]."""  # noqa: E501
        return self.open_verzoek is None

    def nog_niet_verlengd(self) -> bool:
        """De termijn is nog niet verlengd: verlengen kan één keer, met vier weken [002 bijlage 2.2.1 stap 5]."""  # noqa: E501
        return self.verlengd_op is None

    def voorstel_verlenging(self, *, op: date, reden: str) -> None:
        """The extension the service is about to record; the conditions judge it, the transition stores it."""
        self._verlenging = (op, reden)

    def verlengingsreden_gegeven(self) -> bool:
        """De ouders krijgen de reden van de verlenging schriftelijk [002 bijlage 2.2.1 stap 5]."""  # noqa: E501
        _, reden = getattr(self, "_verlenging", (None, ""))
        return bool(reden.strip())

    def verlenging_binnen_zes_weken(self) -> bool:
        """De verlenging wordt verzonden uiterlijk op de laatste dag van de zes weken (inclusief opschorting) [002 bijlage 2.2.1 stap 5]."""  # noqa: E501
        from zorgplicht.termijnen import zes_weken

        op, _ = getattr(self, "_verlenging", (None, ""))
        return op is not None and op <= zes_weken(self, op).einde

    def uitkomst_gekozen(self) -> bool:
        """Het besluit noemt één van de uitkomsten 6 tot en met 9 [002 bijlage 2.2.1 stap 6–9]."""
        return self.uitkomst in Uitkomst.values

    def besluit_onderbouwd(self) -> bool:
        """De afwegingen zijn voor ouders duidelijk en transparant: het besluit is onderbouwd [002 bijlage 2.2.1 stap 5]."""  # noqa: E501
        return bool(self.besluit_toelichting.strip())

    def extra_ondersteuning_met_sc(self) -> bool:
        """Uitkomst 7: extra ondersteuning is afgesproken met de steunpuntcoördinator en beschreven [002 bijlage 2.2.1 stap 7]."""  # noqa: E501
        return self.uitkomst != Uitkomst.GEPLAATST_EXTRA or (
            self.sc_akkoord_id is not None and bool(self.arrangement.strip())
        )

    def andere_school_bereid_en_gekozen(self) -> bool:
        """Uitkomst 8: een andere reguliere school kan plaatsen en de ouders kozen haar [002 bijlage 2.2.1 stap 8]."""  # noqa: E501
        if self.uitkomst != Uitkomst.ANDERE_SCHOOL:
            return True
        return self.gekozen_school_id is not None and any(
            v.school_id == self.gekozen_school_id and v.antwoord == Antwoord.KAN_PLAATSEN and v.gekozen_op
            for v in self.baobao_voorstellen.all()
        )

    def tlv_route_compleet(self) -> bool:
        """Uitkomst 9: soort TLV-aanvraag (onder- of zij-instroom) en sbo/so zijn gekozen [002 bijlage 2.2.1 stap 9]."""  # noqa: E501
        return self.uitkomst != Uitkomst.TLV or (bool(self.tlv_soort) and bool(self.tlv_school_soort))

    def tlv_soort_past(self) -> bool:
        """Zij-instroom: de verwijzende school vraagt aan; onderinstroom: de school van aanmelding [002 bijlage 3.11.1]."""  # noqa: E501
        if self.uitkomst != Uitkomst.TLV:
            return True
        return (self.tlv_soort == TLVSoort.ZIJ_INSTROOM) == self.zij_instroom

    def reden_niet_van_toepassing_gekozen(self) -> bool:
        """Er is een reden gekozen waarom de zorgplicht niet geldt [002 bijlage 2.2.1 stap 2]."""
        return self.niet_van_toepassing_reden in NietVanToepassing.values and bool(
            self.niet_van_toepassing_onderbouwing.strip()
        )

    def school_aantoonbaar_vol(self) -> bool:
        """Vol geldt alleen als de school voor álle aanmelders vol is, aangetoond met capaciteit en aantal [002 bijlage 2.2.1 stap 2]."""  # noqa: E501
        if self.niet_van_toepassing_reden != NietVanToepassing.SCHOOL_VOL:
            return True
        return (
            self.vol_voor_iedereen
            and self.capaciteit is not None
            and self.aantal_ingeschreven is not None
            and self.aantal_ingeschreven >= self.capaciteit
        )

    def grondslag_bij_bijzondere_school(self) -> bool:
        """Alleen een bijzondere school heeft een grondslag die ouders kunnen weigeren te onderschrijven [002 bijlage 2.2.1 stap 2]."""  # noqa: E501
        if self.niet_van_toepassing_reden != NietVanToepassing.GRONDSLAG:
            return True
        return not self.school.bestuur.is_openbaar

    def alleen_taalachterstand(self) -> bool:
        """Alleen een taalachterstand: geen andere ondersteuningsbehoefte is vastgelegd [002 bijlage 2.2.1 stap 2]."""  # noqa: E501
        if self.niet_van_toepassing_reden != NietVanToepassing.TAALACHTERSTAND:
            return True
        return set(self.ondersteuningsbehoeften) <= {OndersteuningSoort.TAAL_LEZEN}

    def cluster_instelling_genoemd(self) -> bool:
        """Cluster 1 of 2: de instelling met haar eigen toelatingsprocedure is genoemd [002 bijlage 2.2.1 stap 2]."""  # noqa: E501
        if self.niet_van_toepassing_reden != NietVanToepassing.CLUSTER_1_2:
            return True
        return bool(self.cluster_instelling.strip())

    def geadviseerd_niveau_genoemd(self) -> bool:
        """Ander niveau: het advies van de vorige school is vastgelegd [002 bijlage 2.2.1 stap 2]."""
        if self.niet_van_toepassing_reden != NietVanToepassing.ANDER_NIVEAU:
            return True
        return bool(self.geadviseerd_niveau.strip())

    def ingeschreven_school_past(self) -> bool:
        """Afsluiten na plaatsing: de leerling is ingeschreven op de school uit het besluit [002 bijlage 2.2.1 stap 6–8]."""  # noqa: E501
        if self.uitkomst == Uitkomst.TLV:
            return self.tlv_aanvraag_id is not None or self.ingeschreven_school_id is not None
        verwacht = self.gekozen_school_id if self.uitkomst == Uitkomst.ANDERE_SCHOOL else self.school_id
        return self.ingeschreven_school_id == verwacht and self.leerling.huidige_school_id == verwacht

    # --- transitions ----------------------------------------------------------------------------

    @transition(
        field=status,
        source=Status.ONTVANGEN,
        target=Status.IN_ONDERZOEK,
        permission=mag_volgen,
        conditions=[extra_ondersteuning_nodig, leerling_minstens_drie],
    )
    def start_onderzoek(self) -> None:
        """The school investigates whether it can offer a fitting place [002 bijlage 2.2.1 stap 3]."""

    @transition(
        field=status,
        source=[Status.IN_ONDERZOEK, Status.VERLENGD],
        target=Status.INFORMATIE_OPGEVRAAGD,
        permission=mag_volgen,
        conditions=[geen_open_informatieverzoek],
    )
    def vraag_informatie(self) -> None:
        """Extra information requested (ouders consented); the term is suspended [002 bijlage 2.2.1 stap 4]."""  # noqa: E501

    @transition(
        field=status,
        source=Status.INFORMATIE_OPGEVRAAGD,
        target=GET_STATE(
            lambda self: Status.VERLENGD if self.verlengd_op else Status.IN_ONDERZOEK,
            states=[Status.IN_ONDERZOEK, Status.VERLENGD],
        ),
        permission=mag_volgen,
        conditions=[geen_open_informatieverzoek],
    )
    def informatie_ontvangen(self) -> None:
        """The information arrived (or will not come): the onderzoek goes on [002 bijlage 2.2.1 stap 4]."""

    @transition(
        field=status,
        source=[Status.IN_ONDERZOEK, Status.VERLENGD],
        target=Status.VERLENGD,
        permission=mag_beslissen,
        conditions=[nog_niet_verlengd, verlengingsreden_gegeven, verlenging_binnen_zes_weken],
    )
    def verleng(self) -> None:
        """Extended once by four weeks, announced in writing with reasons [002 bijlage 2.2.1 stap 5]."""
        self.verlengd_op, self.verlengingsreden = self._verlenging

    @transition(
        field=status,
        source=[Status.IN_ONDERZOEK, Status.VERLENGD],
        target=Status.BESLUIT,
        permission=mag_beslissen,
        conditions=[
            geen_open_informatieverzoek,
            uitkomst_gekozen,
            besluit_onderbouwd,
            extra_ondersteuning_met_sc,
            andere_school_bereid_en_gekozen,
            tlv_route_compleet,
            tlv_soort_past,
        ],
    )
    def besluit(self) -> None:
        """One of the outcomes 6–9 [002 bijlage 2.2.1 stap 6–9]."""

    @transition(
        field=status,
        source=Status.BESLUIT,
        target=Status.AFGESLOTEN,
        permission=mag_beslissen,
        conditions=[ingeschreven_school_past],
    )
    def sluit_af(self) -> None:
        """Placed and enrolled (or the TLV-route started): the zorgplicht is fulfilled or passed on."""

    @transition(
        field=status,
        source=[Status.ONTVANGEN, Status.IN_ONDERZOEK],
        target=Status.NIET_VAN_TOEPASSING,
        permission=mag_beslissen,
        conditions=[
            reden_niet_van_toepassing_gekozen,
            school_aantoonbaar_vol,
            grondslag_bij_bijzondere_school,
            alleen_taalachterstand,
            cluster_instelling_genoemd,
            geadviseerd_niveau_genoemd,
        ],
    )
    def zorgplicht_geldt_niet(self) -> None:
        """The zorgplicht does not apply, with the reason and its evidence [002 bijlage 2.2.1 stap 2]."""
