# Over 500 lines: moved whole in issue 15 round 1 so other branches' edits merged; splitting the
# traject, team, meetings and plaatsing models into modules is the open rest of issue 15.
"""Interventietraject: the flying brigade for a pupil who, mainly through behaviour, cannot
(temporarily) stay at school and risks schorsing, verwijdering or thuiszitten [000; domain §8].

The traject is one aggregate with a protected FSM status:

    aangemeld → team_samengesteld → lopend → evaluatie → afgesloten

with the criteria of seed 000 recorded on the aanmelding and checked on the way to
"team samengesteld", meetings that can only be marked held when the ouders were told beforehand
who would sit at the table (the lesson of seed 003), agreements with an owner, a deadline and a
guard, the plaatsingsstroom in seed 000's order and the evaluation at closing. Every condition is
a named method whose one-line docstring is the Dutch rule and its source: that docstring is what
a user reads when a transition is refused (`cases.workflow.weigerredenen`)."""

from __future__ import annotations

from datetime import date

import django_fsm
from django.conf import settings
from django.db import models
from django.utils import timezone

from cases import termijnen as regels
from cases.models.leerling import Leerling
from cases.models.organisaties import Samenwerkingsverband, School, SchoolSoort
from cases.models.rollen import SCHOOLLEIDING, RolSoort
from cases.workflow import Weigerteksten

# A refused transition is explained by cases.workflow.weigerredenen in these words.
WEIGERTEKSTEN = Weigerteksten(inleiding="Deze stap kan nog niet: ")


def _rollen(user):
    from cases.scope import scope_for

    return scope_for(user)


def is_directeur_van(school_id: int, user) -> bool:
    scope = _rollen(user)
    return scope.alles or any(
        r.soort == RolSoort.DIRECTEUR and r.school_id == school_id for r in scope.rollen
    )


def is_schoolteam_van(school_id: int, user) -> bool:
    scope = _rollen(user)
    return scope.alles or any(r.soort in SCHOOLLEIDING and r.school_id == school_id for r in scope.rollen)


def is_bestuurder_van(swv_id: int, user) -> bool:
    scope = _rollen(user)
    return scope.alles or any(r.soort == RolSoort.BESTUURDER and r.swv_id == swv_id for r in scope.rollen)


def mag_team_samenstellen(traject, user) -> bool:
    """De directeur van het samenwerkingsverband stelt het interventieteam samen [000, aanmelding]."""
    return is_bestuurder_van(traject.swv_id, user)


def is_casusmanager(traject, user) -> bool:
    """De directeur van de school is de casusmanager [000]."""
    return is_directeur_van(traject.school_id, user)


def casusmanager_of_swv(traject, user) -> bool:
    """De casusmanager of de directeur van het samenwerkingsverband [000]."""
    return is_directeur_van(traject.school_id, user) or is_bestuurder_van(traject.swv_id, user)


def schoolteam_van_traject(obj, user) -> bool:
    """De directeur of de intern begeleider van de school van herkomst [000, randvoorwaarden]."""
    traject = getattr(obj, "traject", obj)
    return is_schoolteam_van(traject.school_id, user)


# --- the traject --------------------------------------------------------------------------------


class TrajectStatus(models.TextChoices):
    AANGEMELD = "aangemeld", "aangemeld"
    TEAM_SAMENGESTELD = "team_samengesteld", "team samengesteld"
    LOPEND = "lopend", "lopend"
    EVALUATIE = "evaluatie", "evaluatie"
    AFGESLOTEN = "afgesloten", "afgesloten"


class Aanleiding(models.TextChoices):
    MELDING = "melding", "melding door de school"
    DREIGENDE_SCHORSING = "dreigende_schorsing", "dreigende schorsing"
    SCHORSING = "schorsing", "schorsing"
    DREIGENDE_VERWIJDERING = "dreigende_verwijdering", "dreigende verwijdering"
    VERWIJDERING = "verwijdering", "verwijdering"


class Onderzoeksverslagen(models.TextChoices):
    BIJGEVOEGD = "bijgevoegd", "verslagen van relevant onderzoek zitten in het dossier"
    GEEN = "geen", "er is geen relevant onderzoek gedaan"


class TrajectQuerySet(models.QuerySet):
    def filter_for_user(self, user):
        """Directeur/IB'er: trajecten of their school while the pupil is enrolled there; leerkracht: of
        pupils in their groepen; SC/CJK: their regio; SWV-wide roles: their SWV; anyone on the team
        or owning or guarding an afspraak: that traject until it closes [domain §2, §8; issue 14].
        Never outside the user's SWV's."""
        from cases.scope import schooltoegang, scope_for

        scope = scope_for(user)
        if scope.alles:
            return self
        q = (
            schooltoegang(scope, leerkracht=True)
            | models.Q(school__regio_id__in=scope.regio_ids)
            | models.Q(swv_id__in=scope.swv_ids)
        )
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


# --- the team -------------------------------------------------------------------------------------


class TeamRol(models.TextChoices):
    DIRECTEUR_SWV = "directeur_swv", "directeur samenwerkingsverband"
    GEDRAGSSPECIALIST = "gedragsspecialist", "gedragsspecialist"
    LEERZAKEN_GEMEENTE = "leerzaken_gemeente", "medewerker leerlingzaken gemeente (op afroep)"
    HULPVERLENER = "hulpverlener", "hulpverlenende instantie die al betrokken is (op afroep)"
    JEUGDVERPLEEGKUNDIGE = "jeugdverpleegkundige", "jeugdverpleegkundige (op afroep)"


KERN_ROLLEN = frozenset({TeamRol.DIRECTEUR_SWV, TeamRol.GEDRAGSSPECIALIST})


class KindQuerySet(models.QuerySet):
    """Rows that hang under a traject: visible exactly when the traject is."""

    def filter_for_user(self, user):
        return self.filter(traject__in=Interventietraject.objects.filter_for_user(user))


class InterventieTeamlid(models.Model):
    traject = models.ForeignKey(Interventietraject, on_delete=models.CASCADE, related_name="teamleden")
    rol = models.CharField(max_length=30, choices=TeamRol.choices)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="interventieteams",
        help_text="Als de persoon een account heeft; anders alleen naam en organisatie.",
    )
    naam = models.CharField(max_length=200, blank=True)
    organisatie = models.CharField(max_length=200, blank=True)

    objects = KindQuerySet.as_manager()

    class Meta:
        verbose_name = "lid van het interventieteam"
        verbose_name_plural = "leden van het interventieteam"
        ordering = ["traject", "rol", "pk"]

    def __str__(self) -> str:
        return f"{self.get_rol_display()}: {self.weergavenaam}"

    @property
    def weergavenaam(self) -> str:
        if self.gebruiker_id:
            return str(self.gebruiker)
        return self.naam

    @property
    def op_afroep(self) -> bool:
        return self.rol not in KERN_ROLLEN


# --- meetings ----------------------------------------------------------------------------------


class BijeenkomstStatus(models.TextChoices):
    GEPLAND = "gepland", "gepland"
    GEHOUDEN = "gehouden", "gehouden"


class InterventieBijeenkomst(django_fsm.ConcurrentTransitionMixin, models.Model):
    """One meeting. The casusmanager plans it, sends an agenda and tells the ouders beforehand who
    will attend; afterwards attendance and the verslag are recorded [000; 003]."""

    weigerteksten = WEIGERTEKSTEN

    traject = models.ForeignKey(Interventietraject, on_delete=models.CASCADE, related_name="bijeenkomsten")
    datum = models.DateField()
    tijd = models.TimeField(null=True, blank=True)
    locatie = models.CharField(max_length=200, blank=True)
    status = django_fsm.FSMField(
        max_length=10, choices=BijeenkomstStatus.choices, default=BijeenkomstStatus.GEPLAND, protected=True
    )
    agenda = models.TextField(blank=True)
    agenda_verstuurd_op = models.DateField("agenda verstuurd op", null=True, blank=True)
    deelnemers = models.TextField(
        "wie er aan tafel zit",
        blank=True,
        help_text="Namen en functies van iedereen die aanschuift: dit hoort de ouders vooraf te weten [003].",
    )
    ouders_geinformeerd_op = models.DateField(
        "ouders vooraf geïnformeerd op",
        null=True,
        blank=True,
        help_text="Over wie er aanwezig zijn en over de status van het interventieteam [000; 003].",
    )
    aanwezig_directeur = models.BooleanField("directeur aanwezig", default=False)
    aanwezig_ib = models.BooleanField("intern begeleider aanwezig", default=False)
    aanwezig_leerkracht = models.BooleanField("leerkracht aanwezig", default=False)
    aanwezig_ouders = models.BooleanField("ouders aanwezig", default=False)
    afwezigheid_toelichting = models.TextField(
        "toelichting bij afwezigheid",
        blank=True,
        help_text="Waarom de leerkracht of de ouders er niet bij waren.",
    )
    overige_aanwezigen = models.TextField(blank=True)
    verslag = models.TextField(blank=True)
    advies_setting = models.TextField(
        "advies: setting",
        blank=True,
        help_text="Binnen welke setting het kind tijdens het traject onderwijs volgt [000].",
    )
    advies_vervolg = models.TextField(
        "advies: waar verder en vervolgmaatregelen",
        blank=True,
        help_text="Bijvoorbeeld OT, CLO of ZAT [000].",
    )
    gehouden_vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = KindQuerySet.as_manager()

    class Meta:
        verbose_name = "bijeenkomst"
        verbose_name_plural = "bijeenkomsten"
        ordering = ["traject", "datum", "pk"]

    def __str__(self) -> str:
        return f"Bijeenkomst {regels.formatteer_datum(self.datum)}"

    def is_eerste(self) -> bool:
        return not self.traject.bijeenkomsten.filter(datum__lt=self.datum).exclude(pk=self.pk).exists()

    def agenda_vooraf_verstuurd(self) -> bool:
        """De casusmanager heeft vooraf een agenda verstuurd [000]."""
        return (
            bool(self.agenda.strip())
            and self.agenda_verstuurd_op is not None
            and self.agenda_verstuurd_op <= self.datum
        )

    def ouders_vooraf_geinformeerd(self) -> bool:
        """De ouders zijn vóór de bijeenkomst geïnformeerd over wie er aan tafel zit [003; 000]."""
        return (
            bool(self.deelnemers.strip())
            and self.ouders_geinformeerd_op is not None
            and self.ouders_geinformeerd_op <= self.datum
        )

    def directeur_en_ib_aanwezig(self) -> bool:
        """Directeur en intern begeleider zijn bij elk gesprek aanwezig [000, randvoorwaarden]."""
        return self.aanwezig_directeur and self.aanwezig_ib

    def leerkracht_aanwezig_of_verklaard(self) -> bool:
        """De leerkracht is zo mogelijk aanwezig; staat er niet bij, noteer dan waarom [000, randvoorwaarden]."""  # noqa: E501
        return self.aanwezig_leerkracht or bool(self.afwezigheid_toelichting.strip())

    def ouders_bij_eerste_bijeenkomst(self) -> bool:
        """Ouders sluiten aan bij de eerste bijeenkomst; zo niet, noteer waarom [000, randvoorwaarden]."""
        return self.aanwezig_ouders or bool(self.afwezigheid_toelichting.strip()) or not self.is_eerste()

    def verslag_aanwezig(self) -> bool:
        """Er is een verslag van de bijeenkomst [000; 003, leerpunt 7]."""
        return bool(self.verslag.strip())

    def niet_in_de_toekomst(self) -> bool:
        """Een bijeenkomst wordt pas op of na de datum ervan als gehouden vastgelegd."""
        return self.datum <= timezone.localdate()

    @django_fsm.transition(
        field=status,
        source=BijeenkomstStatus.GEPLAND,
        target=BijeenkomstStatus.GEHOUDEN,
        conditions=[
            niet_in_de_toekomst,
            agenda_vooraf_verstuurd,
            ouders_vooraf_geinformeerd,
            directeur_en_ib_aanwezig,
            leerkracht_aanwezig_of_verklaard,
            ouders_bij_eerste_bijeenkomst,
            verslag_aanwezig,
        ],
        permission=schoolteam_van_traject,
    )
    def houd(self) -> None:
        """Mark the meeting held."""


# --- agreements -----------------------------------------------------------------------------------


class InterventieAfspraakQuerySet(KindQuerySet):
    def filter_for_user(self, user):
        """As the traject; an owner or guard sees his own afspraken while the traject is open."""
        q = models.Q(traject__in=Interventietraject.objects.filter_for_user(user))
        if user.is_authenticated:
            q |= (models.Q(eigenaar_id=user.pk) | models.Q(bewaker_id=user.pk)) & ~models.Q(
                traject__status=TrajectStatus.AFGESLOTEN
            )
        return self.filter(q)

    def open(self):
        return self.filter(afgerond_op__isnull=True)


class InterventieAfspraak(models.Model):
    """A written agreement: what, who, at the latest when, and who guards it [003, leerpunt 7; 000]."""

    traject = models.ForeignKey(Interventietraject, on_delete=models.CASCADE, related_name="afspraken")
    bijeenkomst = models.ForeignKey(
        InterventieBijeenkomst, on_delete=models.CASCADE, null=True, blank=True, related_name="afspraken"
    )
    wat = models.TextField()
    eigenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="interventie_afspraken",
        verbose_name="wie (gebruiker)",
    )
    eigenaar_naam = models.CharField(
        "wie (naam)",
        max_length=200,
        blank=True,
        help_text="Voor iemand zonder account, bijvoorbeeld de ouders.",
    )
    uiterlijk = models.DateField("uiterlijk op")
    bewaker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="bewaakte_interventie_afspraken",
        verbose_name="bewaker",
        help_text="Wie bewaakt dat deze afspraak wordt nagekomen [000].",
    )
    afgerond_op = models.DateField(null=True, blank=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    objects = InterventieAfspraakQuerySet.as_manager()

    class Meta:
        verbose_name = "afspraak"
        verbose_name_plural = "afspraken"
        ordering = ["uiterlijk", "pk"]
        indexes = [
            models.Index(fields=["eigenaar", "afgerond_op"]),
            models.Index(fields=["bewaker", "afgerond_op"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(eigenaar__isnull=False) | ~models.Q(eigenaar_naam=""),
                name="afspraak_heeft_eigenaar",
            )
        ]

    def __str__(self) -> str:
        return f"Afspraak uiterlijk {regels.formatteer_datum(self.uiterlijk)}"

    @property
    def wie(self) -> str:
        return str(self.eigenaar) if self.eigenaar_id else self.eigenaar_naam

    @property
    def te_laat(self) -> bool:
        return self.afgerond_op is None and self.uiterlijk < timezone.localdate()


# --- plaatsingsstroom [000] -----------------------------------------------------------------------


class PlaatsingStap(models.IntegerChoices):
    ZELFDE_KLAS = 1, "dezelfde klas bij dezelfde leerkracht"
    ANDERE_KLAS = 2, "een andere klas op dezelfde school"
    ZELFDE_BESTUUR = 3, "een andere school binnen het eigen bestuur"
    BINNEN_SWV = 4, "een andere school binnen het samenwerkingsverband"
    SPECIALE_SETTING = 5, "een speciale setting; via de CLO wordt een afdoende arrangement gezocht"
    SO = 6, "het speciaal onderwijs (so); via de CLO wordt een afdoende arrangement gezocht"


class PlaatsingUitkomst(models.TextChoices):
    OVERGESLAGEN = "overgeslagen", "overgeslagen"
    LOPEND = "lopend", "lopend"
    BEEINDIGD = "beeindigd", "beëindigd"
    DEFINITIEF = "definitief", "definitief geplaatst"


class InterventiePlaatsing(models.Model):
    """One step of the plaatsingsstroom, tried or skipped (with a reason) [000]."""

    traject = models.ForeignKey(Interventietraject, on_delete=models.CASCADE, related_name="plaatsingen")
    stap = models.PositiveSmallIntegerField(choices=PlaatsingStap.choices)
    uitkomst = models.CharField(
        max_length=12, choices=PlaatsingUitkomst.choices, default=PlaatsingUitkomst.LOPEND
    )
    reden_overslaan = models.TextField("reden om deze stap over te slaan", blank=True)
    school = models.ForeignKey(
        School,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="interventie_plaatsingen",
        verbose_name="ontvangende school",
    )
    setting = models.CharField(
        max_length=200, blank=True, help_text="Bijvoorbeeld groep 6b, of een observatiegroep."
    )
    doel = models.TextField(blank=True)
    startdatum = models.DateField(null=True, blank=True)
    einddatum = models.DateField("einddatum (duur)", null=True, blank=True)
    middelen = models.TextField(
        blank=True, help_text="Welke middelen (uren, begeleiding, geld) ermee gemoeid zijn [000]."
    )
    akkoord_ontvangende_school = models.BooleanField(default=False)
    akkoord_door = models.CharField("akkoord gegeven door", max_length=200, blank=True)
    akkoord_op = models.DateField(null=True, blank=True)
    uitkomst_toelichting = models.TextField(blank=True)
    beeindigd_op = models.DateField(null=True, blank=True)
    definitief_per = models.DateField(null=True, blank=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    objects = KindQuerySet.as_manager()

    class Meta:
        verbose_name = "plaatsing"
        verbose_name_plural = "plaatsingen"
        ordering = ["traject", "aangemaakt_op", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["traject"],
                condition=models.Q(uitkomst="lopend"),
                name="een_lopende_plaatsing_per_traject",
            ),
            models.CheckConstraint(
                condition=~models.Q(uitkomst="overgeslagen") | ~models.Q(reden_overslaan=""),
                name="overgeslagen_stap_heeft_reden",
            ),
        ]

    def __str__(self) -> str:
        return f"Stap {self.stap}: {self.get_stap_display()}"

    @property
    def buiten_eigen_school(self) -> bool:
        return self.stap >= PlaatsingStap.ZELFDE_BESTUUR

    @property
    def duur_dagen(self) -> int | None:
        if self.startdatum and self.einddatum:
            return (self.einddatum - self.startdatum).days + 1
        return None
