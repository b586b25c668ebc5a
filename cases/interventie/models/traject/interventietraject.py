"""The interventietraject itself: its criteria, the one-week norm for the first meeting, the
evaluation and the lifecycle aangemeld → team_samengesteld → lopend → evaluatie → afgesloten [000]."""

from __future__ import annotations

from datetime import date

import django_fsm
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from cases import termijnen as regels
from cases.interventie.models.traject.keuzes import (
    Aanleiding,
    BijeenkomstStatus,
    Onderzoeksverslagen,
    PlaatsingUitkomst,
    TeamRol,
    TrajectStatus,
)
from cases.interventie.models.traject.rechten import (
    WEIGERTEKSTEN,
    casusmanager_of_swv,
    is_casusmanager,
    mag_team_samenstellen,
)
from cases.models.leerling import Leerling
from cases.models.organisaties import Samenwerkingsverband, School, SchoolSoort

# --- the traject --------------------------------------------------------------------------------


class TrajectQuerySet(models.QuerySet):
    def filter_for_user(self, user):
        """Directeur/IB'er: trajecten of their school while the pupil is enrolled there; leerkracht: of
        pupils in their groepen; SC/CJK: their regio while the pupil is at school there; SWV-wide
        roles: their SWV; anyone on the team or owning or guarding an afspraak: that traject until it
        closes [domain §2, §8; issue 14].
        Never outside the user's SWV's."""
        from cases.interventie.models.traject.bijeenkomsten import InterventieAfspraak
        from cases.interventie.models.traject.team import InterventieTeamlid
        from cases.scope import regiotoegang, schooltoegang, scope_for

        scope = scope_for(user)
        if scope.alles:
            return self
        q = schooltoegang(scope, leerkracht=True) | regiotoegang(scope) | models.Q(swv_id__in=scope.swv_ids)
        if user.is_authenticated:
            # Team membership and an afspraak are reasons that end when the traject closes [issue 14].
            persoonlijk = models.Q(
                pk__in=InterventieTeamlid.objects.filter(gebruiker_id=user.pk).values("traject_id")
            ) | models.Q(
                pk__in=InterventieAfspraak.objects.filter(
                    models.Q(eigenaar_id=user.pk) | models.Q(bewaker_id=user.pk)
                ).values("traject_id")
            )
            q |= persoonlijk & ~models.Q(status=TrajectStatus.AFGESLOTEN)
        return self.filter(q, swv_id__in=scope.swv_ids_alle)

    def open(self):
        return self.exclude(status=TrajectStatus.AFGESLOTEN)


EERSTE_BIJEENKOMST_BASIS = (
    "Interventieteam [000, aanmelding]: de eerste bespreking vindt plaats binnen een week na de eerste "
    "melding; een servicenorm van het samenwerkingsverband, geen wettelijke termijn"
)


class Interventietraject(django_fsm.ConcurrentTransitionMixin, models.Model):
    weigerteksten = WEIGERTEKSTEN
    swv = models.ForeignKey(
        Samenwerkingsverband, on_delete=models.PROTECT, related_name="interventietrajecten"
    )
    leerling = models.ForeignKey(Leerling, on_delete=models.PROTECT, related_name="interventietrajecten")
    school = models.ForeignKey(
        School,
        on_delete=models.PROTECT,
        related_name="interventietrajecten",
        verbose_name="school van herkomst",
        help_text="De leerling blijft hier ingeschreven tijdens het traject [000].",
    )
    status = django_fsm.FSMField(
        max_length=20, choices=TrajectStatus.choices, default=TrajectStatus.AANGEMELD, protected=True
    )
    aanleiding = models.CharField(max_length=30, choices=Aanleiding.choices, default=Aanleiding.MELDING)
    aanleiding_toelichting = models.TextField("toelichting op de aanleiding", blank=True)
    gemeld_op = models.DateField(
        "datum melding", help_text="De eerste bijeenkomst is binnen een week hierna [000]."
    )
    gemeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    via_signaal = models.BooleanField(
        "gestart door een registratie van schorsing of verwijdering",
        default=False,
        help_text="Bij (dreigende) schorsing of verwijdering wordt direct het interventieteam ingeschakeld [000].",  # noqa: E501
    )
    casusmanager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="interventietrajecten_als_casusmanager",
        help_text="De directeur van de school [000].",
    )

    # --- criteria [000, "Criteria voor het interventietraject"] ---
    uit_regulier_onderwijs = models.BooleanField("de leerling komt uit het regulier onderwijs", default=False)
    reguliere_route_niet_mogelijk = models.BooleanField(
        "de school kan de reguliere ondersteunings- en/of verwijzingsroute niet bewandelen", default=False
    )
    reguliere_route_toelichting = models.TextField("waarom de reguliere route niet kan", blank=True)
    onderwijskundig_rapport = models.BooleanField("onderwijskundig rapport in het dossier", default=False)
    verslag_maatregelen = models.BooleanField(
        "verslag van eerder genomen maatregelen en de effecten daarvan in het dossier", default=False
    )
    onderzoeksverslagen = models.CharField(
        "verslagen van relevant onderzoek", max_length=12, choices=Onderzoeksverslagen.choices, blank=True
    )
    criteria_vastgelegd_op = models.DateTimeField(null=True, blank=True)

    # --- evaluation at closing [000, randvoorwaarden] ---
    beginsituatie = models.TextField(blank=True)
    proces = models.TextField(blank=True)
    verloop = models.TextField(blank=True)
    oplossing = models.TextField(blank=True)
    vervolg = models.TextField(
        "waar de casus verder wordt besproken",
        blank=True,
        help_text="Bijvoorbeeld het OT, de CLO of het ZAT [000].",
    )
    afgesloten_op = models.DateField(null=True, blank=True)

    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    objects = TrajectQuerySet.as_manager()

    class Meta:
        verbose_name = "interventietraject"
        verbose_name_plural = "interventietrajecten"
        ordering = ["-gemeld_op", "-pk"]
        indexes = [models.Index(fields=["swv", "status"]), models.Index(fields=["school", "status"])]
        constraints = [
            models.UniqueConstraint(
                fields=["leerling"],
                condition=~models.Q(status="afgesloten"),
                name="een_open_interventietraject_per_leerling",
            )
        ]

    def __str__(self) -> str:
        return f"Interventietraject #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("interventie_detail", kwargs={"pk": self.pk})

    # --- the one-week service norm for the first meeting ---------------------------------------

    @property
    def eerste_bijeenkomst_termijn(self) -> regels.Berekening:
        """First meeting within one week of the melding: the last day is melding + 7 (same
        weekday); a service norm, so not moved by the Algemene termijnenwet [000; domain §11]."""
        return regels.termijn_berekening(
            self.gemeld_op,
            weken=1,
            atw=False,
            basis=EERSTE_BIJEENKOMST_BASIS,
            start_omschrijving="de melding",
        )

    def eerste_bijeenkomst_stand(
        self, *, eerste_gehouden: date | None, eerste_gepland: date | None, vandaag: date | None = None
    ) -> str:
        """'op_tijd', 'te_laat' (held after the last day), 'verlopen' (not held, last day passed),
        'gepland_te_laat' (planned after the last day), or 'open'."""
        vandaag = vandaag or timezone.localdate()
        einde = self.eerste_bijeenkomst_termijn.einde
        if eerste_gehouden is not None:
            return "op_tijd" if eerste_gehouden <= einde else "te_laat"
        if vandaag > einde:
            return "verlopen"
        if eerste_gepland is not None and eerste_gepland > einde:
            return "gepland_te_laat"
        return "open"

    # --- named conditions (their docstrings are shown when a step is refused) -------------------

    def criterium_regulier(self) -> bool:
        """De leerling komt uit het regulier onderwijs (basisschool) [000, criteria]."""
        return self.uit_regulier_onderwijs and self.school.soort == SchoolSoort.BAO

    def criterium_reguliere_route(self) -> bool:
        """De school kan de reguliere ondersteunings- en verwijzingsroute niet bewandelen, met toelichting [000, criteria]."""  # noqa: E501
        return self.reguliere_route_niet_mogelijk and bool(self.reguliere_route_toelichting.strip())

    def criterium_dossier(self) -> bool:
        """Het dossier bevat een onderwijskundig rapport en een verslag van eerdere maatregelen en hun effecten [000, criteria]."""  # noqa: E501
        return self.onderwijskundig_rapport and self.verslag_maatregelen

    def criterium_onderzoek(self) -> bool:
        """Verslagen van relevant onderzoek zitten in het dossier, of er is aangegeven dat er geen onderzoek is [000, criteria]."""  # noqa: E501
        return self.onderzoeksverslagen in Onderzoeksverslagen.values

    def casusmanager_bekend(self) -> bool:
        """De directeur van de school is als casusmanager vastgelegd [000]."""
        return self.casusmanager_id is not None

    def team_kern_compleet(self) -> bool:
        """Het team bestaat ten minste uit de directeur van het SWV en een gedragsspecialist [000, bemensing]."""  # noqa: E501
        rollen = set(self.teamleden.values_list("rol", flat=True))
        return {TeamRol.DIRECTEUR_SWV, TeamRol.GEDRAGSSPECIALIST} <= rollen

    def eerste_bijeenkomst_gehouden(self) -> bool:
        """De eerste bijeenkomst met het interventieteam is gehouden en vastgelegd [000, aanmelding]."""
        return self.bijeenkomsten.filter(status=BijeenkomstStatus.GEHOUDEN).exists()

    def geen_tijdelijke_plaatsing_open(self) -> bool:
        """Geen tijdelijke plaatsing buiten de eigen school loopt nog zonder uitkomst [000, plaatsingsstroom]."""  # noqa: E501
        return not self.plaatsingen.filter(uitkomst=PlaatsingUitkomst.LOPEND, stap__gte=3).exists()

    def evaluatie_compleet(self) -> bool:
        """De evaluatie beschrijft de beginsituatie, het proces, het verloop en de oplossing [000, randvoorwaarden]."""  # noqa: E501
        return all(v.strip() for v in (self.beginsituatie, self.proces, self.verloop, self.oplossing))

    # --- transitions (called only by cases/interventie/services/traject.py) -----------------------------

    @django_fsm.transition(
        field=status,
        source=TrajectStatus.AANGEMELD,
        target=TrajectStatus.TEAM_SAMENGESTELD,
        conditions=[
            criterium_regulier,
            criterium_reguliere_route,
            criterium_dossier,
            criterium_onderzoek,
            casusmanager_bekend,
            team_kern_compleet,
        ],
        permission=mag_team_samenstellen,
    )
    def stel_team_samen(self) -> None:
        """The SWV directeur has composed the team; the criteria hold."""

    @django_fsm.transition(
        field=status,
        source=TrajectStatus.TEAM_SAMENGESTELD,
        target=TrajectStatus.LOPEND,
        conditions=[eerste_bijeenkomst_gehouden],
        permission=is_casusmanager,
    )
    def start(self) -> None:
        """After the first meeting the traject runs."""

    @django_fsm.transition(
        field=status,
        source=TrajectStatus.LOPEND,
        target=TrajectStatus.EVALUATIE,
        conditions=[geen_tijdelijke_plaatsing_open],
        permission=casusmanager_of_swv,
    )
    def naar_evaluatie(self) -> None:
        """The team winds the traject down and evaluates it."""

    @django_fsm.transition(
        field=status,
        source=TrajectStatus.EVALUATIE,
        target=TrajectStatus.AFGESLOTEN,
        conditions=[evaluatie_compleet],
        permission=casusmanager_of_swv,
    )
    def sluit_af(self) -> None:
        self.afgesloten_op = timezone.localdate()


class KindQuerySet(models.QuerySet):
    """Rows that hang under a traject: visible exactly when the traject is."""

    def filter_for_user(self, user):
        return self.filter(traject__in=Interventietraject.objects.filter_for_user(user))
