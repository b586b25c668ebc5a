"""The TLV-aanvraag as a state machine [002 bijlage 3.11.1, 3.11.2; domain §6].

Every transition carries its role check (`permission=`) and its rules (`conditions=`, named
methods whose one-line docstring is the rule and its source). Views never call a transition:
tlv/services/ does, after `select_for_update()`, and turns a refusal into Dutch with
`redenen_geweigerd()`. The decision term is never stored: it is computed from `ontvangen_op` and
the Opschorting rows with cases.termijnen."""

from __future__ import annotations

from datetime import date

import django_fsm
from django.conf import settings
from django.db import models
from django.urls import reverse

from cases.models import Leerling, Regio, Samenwerkingsverband, School
from tlv.models.keuzes import (
    BESLUITEN,
    IN_BEHANDELING,
    OPSCHORTBAAR,
    HerindicatieOptie,
    Schoolsoort,
    Soort,
    Status,
)
from tlv.models.rechten import (
    AanvraagQuerySet,
    bestuurder,
    bezwaar_registreren,
    deskundige,
    eerste_deskundige,
    sc,
    school_directeur,
    school_medewerker,
    sll,
    sll_of_sc,
    tla_voorzitter,
)
from tlv.models.voorwaarden import AanvraagVoorwaarden

# The transitions below name their conditions (conditions=[...]) as before; the conditions are
# methods of AanvraagVoorwaarden (tlv/models/voorwaarden.py). A condition added there gets its
# line here too.
aanvraagformulier_ingevuld = AanvraagVoorwaarden.aanvraagformulier_ingevuld
toestemming_ouders_of_uitzondering = AanvraagVoorwaarden.toestemming_ouders_of_uitzondering
herindicatie_optie_gekozen = AanvraagVoorwaarden.herindicatie_optie_gekozen
dossieroptie_toegestaan = AanvraagVoorwaarden.dossieroptie_toegestaan
herindicatiegesprek_gevoerd = AanvraagVoorwaarden.herindicatiegesprek_gevoerd
zonder_toestemming_na_gesprek = AanvraagVoorwaarden.zonder_toestemming_na_gesprek
geen_commissie_vereist = AanvraagVoorwaarden.geen_commissie_vereist
verdeeld_of_commissie_vereist = AanvraagVoorwaarden.verdeeld_of_commissie_vereist
commissie_heeft_besproken = AanvraagVoorwaarden.commissie_heeft_besproken
bestuur_is_geinformeerd = AanvraagVoorwaarden.bestuur_is_geinformeerd
geen_open_informatieverzoek = AanvraagVoorwaarden.geen_open_informatieverzoek
formeel_compleet = AanvraagVoorwaarden.formeel_compleet
dossier_compleet = AanvraagVoorwaarden.dossier_compleet
sc_oordeel_positief = AanvraagVoorwaarden.sc_oordeel_positief
afwijking_ingangsdatum_beredeneerd = AanvraagVoorwaarden.afwijking_ingangsdatum_beredeneerd
informatieverzoek_met_termijn = AanvraagVoorwaarden.informatieverzoek_met_termijn
informatie_is_ontvangen = AanvraagVoorwaarden.informatie_is_ontvangen
twee_deskundigen_toegewezen = AanvraagVoorwaarden.twee_deskundigen_toegewezen
eerste_is_gedragsdeskundige = AanvraagVoorwaarden.eerste_is_gedragsdeskundige
tweede_andere_discipline = AanvraagVoorwaarden.tweede_andere_discipline
geen_belangenverstrengeling = AanvraagVoorwaarden.geen_belangenverstrengeling
beide_adviezen_ingediend = AanvraagVoorwaarden.beide_adviezen_ingediend
eindadvies_compleet = AanvraagVoorwaarden.eindadvies_compleet
adviezen_unaniem = AanvraagVoorwaarden.adviezen_unaniem
adviezen_niet_unaniem = AanvraagVoorwaarden.adviezen_niet_unaniem
besproken_in_vergadering = AanvraagVoorwaarden.besproken_in_vergadering
verdeeld_advies_besproken = AanvraagVoorwaarden.verdeeld_advies_besproken
vragen_bestuurder_vastgelegd = AanvraagVoorwaarden.vragen_bestuurder_vastgelegd
eindadvies_kent_toe = AanvraagVoorwaarden.eindadvies_kent_toe
eindadvies_wijst_af = AanvraagVoorwaarden.eindadvies_wijst_af
eindadvies_houdt_aan = AanvraagVoorwaarden.eindadvies_houdt_aan
bezwaar_is_geregistreerd = AanvraagVoorwaarden.bezwaar_is_geregistreerd
bezwaar_klaar_voor_beslissing = AanvraagVoorwaarden.bezwaar_klaar_voor_beslissing


class TLVAanvraag(django_fsm.ConcurrentTransitionMixin, AanvraagVoorwaarden, models.Model):
    swv = models.ForeignKey(Samenwerkingsverband, on_delete=models.PROTECT, related_name="tlv_aanvragen")
    leerling = models.ForeignKey(Leerling, on_delete=models.PROTECT, related_name="tlv_aanvragen")
    school = models.ForeignKey(
        School,
        on_delete=models.PROTECT,
        related_name="tlv_aanvragen",
        help_text="De verwijzende school, of bij onderinstroom de school van aanmelding [002 §1.15].",
    )
    regio = models.ForeignKey(Regio, on_delete=models.PROTECT, related_name="tlv_aanvragen", editable=False)
    soort = models.CharField(max_length=20, choices=Soort.choices, default=Soort.ZIJ_INSTROOM)
    herindicatie_optie = models.PositiveSmallIntegerField(
        choices=HerindicatieOptie.choices, null=True, blank=True
    )
    vorige_tlv = models.ForeignKey(
        "tlv.TLV", on_delete=models.PROTECT, null=True, blank=True, related_name="herindicaties"
    )
    status = django_fsm.FSMField(
        max_length=30, default=Status.CONCEPT, choices=Status.choices, protected=True
    )

    # Het aanvraagformulier [002 bijlage 3.11.1 'Welke formats worden gebruikt?']
    gevraagde_schoolsoort = models.CharField(
        max_length=3, choices=Schoolsoort.choices, default=Schoolsoort.SBO
    )
    gevraagde_categorie = models.CharField(
        "gevraagde bekostigingscategorie (so)",
        max_length=6,
        blank=True,
        choices=[
            ("laag", "laag (categorie 1)"),
            ("midden", "midden (categorie 2)"),
            ("hoog", "hoog (categorie 3)"),
        ],
        help_text="Herindicatie: leeg als de categorie gelijk blijft; anders naar de TLA [002 L825].",
    )
    groep = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Groep van de leerling bij de aanvraag (leeg bij onderinstroom)."
    )
    emb = models.BooleanField(
        "ernstig meervoudig beperkt (EMB)",
        default=False,
        help_text="Bij EMB geldt de TLV voor de hele schoolloopbaan, in het so tot en met 12 jaar [002 §1.22].",  # noqa: E501
    )
    onderwijsbehoeften = models.TextField("onderwijs- en ondersteuningsbehoeften", blank=True)
    waarom_niet_regulier = models.TextField(
        "waarom de school (en een andere basisschool) hier niet in kan voorzien", blank=True
    )
    zienswijze_ouders = models.TextField("zienswijze van ouders", blank=True)
    # Herindicatie optie 1: the OPP was evaluated more than half a year ago [002 L818].
    actuele_zienswijze = models.TextField(
        "actuele zienswijze (herindicatie)",
        blank=True,
        help_text="Het recente standpunt van ouders over de herindicatie [002 L818].",
    )
    actuele_zienswijze_op = models.DateField("datum actuele zienswijze", null=True, blank=True)
    voorbereid_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    ouders_ondertekend_op = models.DateField(
        "ouders hebben ondertekend op",
        null=True,
        blank=True,
        help_text="Leeg laten bij een aanvraag zonder toestemming van ouders.",
    )
    directeur_ondertekend_op = models.DateTimeField(null=True, blank=True, editable=False)
    directeur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    bestuur_geinformeerd = models.BooleanField(
        "het schoolbestuur is op de hoogte gebracht",
        default=False,
        help_text="De directeur bericht het besluit om een TLV aan te vragen aan de schoolbestuurder "
        "[002 bijlage 3.11.1].",
    )

    # Aanvraag zonder toestemming van ouders: the six conditions of [002 §1.13], each recorded.
    zonder_toestemming = models.BooleanField("aanvraag zonder toestemming van ouders", default=False)
    zt_zorgen_gedeeld = models.TextField(
        "1. zorgen al langer aantoonbaar met ouders gedeeld",
        blank=True,
        help_text="Waar in het dossier blijkt dat de zorgen gedurende het proces met ouders zijn gedeeld?",
    )
    zt_intensieve_ondersteuning = models.TextField(
        "2. intensieve ondersteuning geboden en ouders betrokken", blank=True
    )
    zt_andere_school_gemeld = models.TextField(
        "3. school heeft meermalen, met redenen, gezegd dat een andere school beter past", blank=True
    )
    zt_deskundige_aangekondigd = models.TextField(
        "4. school heeft aangekondigd een onafhankelijk deskundige te vragen (en uitgelegd welke stukken)",
        blank=True,
    )
    zt_ouders_geinformeerd_op = models.DateField(
        "5. datum waarop ouders de mededeling en het OPP kregen",
        null=True,
        blank=True,
        help_text="Ouders hebben ten minste 5 werkdagen om te reageren.",
    )
    zt_verzenddatum_gemeld = models.DateField(
        "6. datum van verzending die de school aan ouders heeft genoemd", null=True, blank=True
    )

    # Behandeling
    ontvangen_op = models.DateField(
        "ontvangen op",
        null=True,
        blank=True,
        editable=False,
        help_text="Dag van ontvangst door het samenwerkingsverband: start van de beslistermijn (Awb 4:13).",
    )
    aangehouden_vanuit = models.CharField(max_length=30, blank=True, editable=False)
    ingangsdatum_afwijkend = models.DateField(
        "afwijkende ingangsdatum",
        null=True,
        blank=True,
        help_text="Alleen met een beredeneerde afwijking van de steunpuntcoördinator [002 §1.16].",
    )
    ingangsdatum_afwijking_reden = models.TextField("reden van de afwijking", blank=True)
    tweede_deskundige_voorkeur = models.CharField(
        "voorkeur tweede deskundige (SC)",
        max_length=30,
        blank=True,
        help_text="De SC kan aangeven dat een andere deskundige nodig is [002 bijlage 3.11.1].",
    )
    vergadering = models.ForeignKey(
        "tlv.TLAVergadering", on_delete=models.PROTECT, null=True, blank=True, related_name="aanvragen"
    )
    vragen_bestuurder = models.TextField(blank=True)
    besluit_op = models.DateField(null=True, blank=True, editable=False)
    besluit_verzonden_op = models.DateField(
        null=True,
        blank=True,
        editable=False,
        help_text="Dag van verzending (bekendmaking) van het besluit: start van de bezwaartermijn (Awb 6:8).",
    )
    ingetrokken_reden = models.TextField(blank=True)

    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    aangemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    gewijzigd_op = models.DateTimeField(auto_now=True)

    objects = AanvraagQuerySet.as_manager()

    class Meta:
        verbose_name = "TLV-aanvraag"
        verbose_name_plural = "TLV-aanvragen"
        ordering = ["-ontvangen_op", "-pk"]
        permissions = [("adviseren_tlvaanvraag", "Mag als deskundige adviseren over deze TLV-aanvraag")]
        indexes = [
            models.Index(fields=["swv", "status"]),
            models.Index(fields=["swv", "ontvangen_op"]),
            models.Index(fields=["swv", "besluit_op"]),
            models.Index(fields=["regio", "status"]),
            models.Index(fields=["school", "status"]),
            models.Index(fields=["leerling"]),
        ]

    def __str__(self) -> str:
        return f"TLV-aanvraag #{self.pk}"

    def save(self, *args, **kwargs):
        if self.school_id and not self.regio_id:
            self.regio_id = self.school.regio_id
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("tlv:detail", kwargs={"pk": self.pk})

    # --- transitions ------------------------------------------------------------------------------

    @django_fsm.transition(
        field=status,
        source=Status.CONCEPT,
        target=Status.INGEDIEND,
        permission=school_directeur,
        conditions=[
            aanvraagformulier_ingevuld,
            toestemming_ouders_of_uitzondering,
            herindicatie_optie_gekozen,
            dossieroptie_toegestaan,
            herindicatiegesprek_gevoerd,
            zonder_toestemming_na_gesprek,
            bestuur_is_geinformeerd,
        ],
    )
    def indienen(self, *, directeur, op, ontvangen_op: date) -> None:
        """De directeur ondertekent en dient in; de IB'er heeft de aanvraag voorbereid [002 §1.3]."""
        self.directeur = directeur
        self.directeur_ondertekend_op = op
        self.ontvangen_op = ontvangen_op
        self.groep = self.leerling.huidige_groep if self.groep is None else self.groep

    @django_fsm.transition(
        field=status,
        source=Status.INGEDIEND,
        target=Status.INHOUDELIJKE_CHECK,
        permission=sll,
        conditions=[geen_open_informatieverzoek, formeel_compleet],
    )
    def formeel_goedkeuren(self) -> None:
        """De secretaresse leerlingenzaken vindt het dossier formeel compleet [002 bijlage 3.11.1]."""

    @django_fsm.transition(
        field=status,
        source=Status.INHOUDELIJKE_CHECK,
        target=Status.DESKUNDIGEN_TOEWIJZEN,
        permission=sc,
        conditions=[
            geen_open_informatieverzoek,
            dossier_compleet,
            sc_oordeel_positief,
            afwijking_ingangsdatum_beredeneerd,
        ],
    )
    def inhoudelijk_goedkeuren(self) -> None:
        """De steunpuntcoördinator vindt de aanvraag inhoudelijk compleet en correct [002 §1.4]."""

    @django_fsm.transition(
        field=status,
        source=list(OPSCHORTBAAR),
        target=Status.AANGEHOUDEN,
        permission=sll_of_sc,
        conditions=[informatieverzoek_met_termijn],
    )
    def aanhouden(self) -> None:
        """Informatie opgevraagd: de beslistermijn is opgeschort tot de informatie binnen is [Awb 4:15; 002 §1.9]."""  # noqa: E501
        self.aangehouden_vanuit = self.status

    @django_fsm.transition(
        field=status,
        source=Status.AANGEHOUDEN,
        target=django_fsm.GET_STATE(lambda self, *a, **k: self.aangehouden_vanuit, states=list(OPSCHORTBAAR)),
        permission=sll,
        conditions=[informatie_is_ontvangen],
    )
    def hervatten(self) -> None:
        """De informatie is binnen: de aanvraag gaat terug naar de stap waar ze was [Awb 4:15]."""

    @django_fsm.transition(
        field=status,
        source=[Status.CONCEPT, *IN_BEHANDELING],
        target=Status.INGETROKKEN,
        permission=school_medewerker,
    )
    def intrekken(self, *, reden: str) -> None:
        """De school trekt de aanvraag in (bijvoorbeeld omdat een bao-bao-plaatsing lukt) [002 §1.2]."""
        self.ingetrokken_reden = reden

    @django_fsm.transition(
        field=status,
        source=Status.DESKUNDIGEN_TOEWIJZEN,
        target=Status.ADVIEZEN,
        permission=tla_voorzitter,
        conditions=[
            twee_deskundigen_toegewezen,
            eerste_is_gedragsdeskundige,
            tweede_andere_discipline,
            geen_belangenverstrengeling,
        ],
    )
    def deskundigen_toewijzen(self) -> None:
        """De TLA-voorzitter koppelt twee deskundigen uit de pool aan het dossier [002 §1.6]."""

    @django_fsm.transition(
        field=status,
        source=Status.ADVIEZEN,
        target=Status.EINDADVIES,
        permission=deskundige,
        conditions=[beide_adviezen_ingediend],
    )
    def adviezen_afronden(self) -> None:
        """Beide adviezen zijn binnen; de eerste deskundige schrijft het eindadvies [002 bijlage 3.11.1]."""

    @django_fsm.transition(
        field=status,
        source=Status.EINDADVIES,
        target=Status.BIJ_VOORZITTER,
        permission=eerste_deskundige,
        conditions=[eindadvies_compleet, adviezen_unaniem, geen_commissie_vereist],
    )
    def naar_voorzitter(self) -> None:
        """Unaniem: het geschreven eindadvies gaat naar de TLA-voorzitter, die het voorlegt [002 §1.7, L648]."""  # noqa: E501

    @django_fsm.transition(
        field=status,
        source=Status.EINDADVIES,
        target=Status.TLA_VERGADERING,
        permission=eerste_deskundige,
        conditions=[eindadvies_compleet, verdeeld_of_commissie_vereist],
    )
    def naar_tla_vergadering(self) -> None:
        """Niet unaniem, of een herindicatie zonder consensus of met een andere categorie: de aanvraag wordt besproken in de TLA-vergadering [002 §1.7, L822-825]."""  # noqa: E501

    @django_fsm.transition(
        field=status,
        source=Status.TLA_VERGADERING,
        target=Status.BIJ_VOORZITTER,
        permission=tla_voorzitter,
        conditions=[besproken_in_vergadering, eindadvies_compleet],
    )
    def tla_advies_vastleggen(self) -> None:
        """De TLA-commissie heeft geadviseerd; het eindadvies gaat terug naar de voorzitter [002 §1.7, §1.11]."""  # noqa: E501
        self.vragen_bestuurder = ""

    @django_fsm.transition(
        field=status,
        source=Status.BIJ_VOORZITTER,
        target=Status.TER_ONDERTEKENING,
        permission=tla_voorzitter,
        conditions=[eindadvies_compleet, verdeeld_advies_besproken, commissie_heeft_besproken],
    )
    def voorleggen(self) -> None:
        """De TLA-voorzitter legt elk eindadvies voor aan de directeur-bestuurder, unaniem of niet [002 L648, L665, L768]."""  # noqa: E501

    @django_fsm.transition(
        field=status,
        source=Status.TER_ONDERTEKENING,
        target=Status.TLA_VERGADERING,
        permission=bestuurder,
        conditions=[vragen_bestuurder_vastgelegd],
    )
    def terugsturen_met_vragen(self) -> None:
        """De directeur-bestuurder neemt het advies niet over: het gaat met vragen terug naar de commissie [002 §1.7]."""  # noqa: E501
        self.vergadering = None

    @django_fsm.transition(
        field=status,
        source=Status.TER_ONDERTEKENING,
        target=Status.AFGEGEVEN,
        permission=bestuurder,
        conditions=[eindadvies_compleet, eindadvies_kent_toe, afwijking_ingangsdatum_beredeneerd],
    )
    def afgeven(self, *, op: date) -> None:
        """De directeur-bestuurder neemt het advies over en ondertekent de TLV [002 §1.10, §1.11]."""
        self.besluit_op = op
        self.besluit_verzonden_op = op

    @django_fsm.transition(
        field=status,
        source=Status.TER_ONDERTEKENING,
        target=Status.NIET_TOEGEKEND,
        permission=bestuurder,
        conditions=[eindadvies_compleet, eindadvies_wijst_af],
    )
    def niet_toekennen(self, *, op: date) -> None:
        """De TLV wordt niet toegekend; de verwijzende school behoudt de zorgplicht [002 §1.10]."""
        self.besluit_op = op
        self.besluit_verzonden_op = op

    @django_fsm.transition(
        field=status,
        source=Status.TER_ONDERTEKENING,
        target=Status.BESLUIT_AANGEHOUDEN,
        permission=bestuurder,
        conditions=[eindadvies_compleet, eindadvies_houdt_aan],
    )
    def besluit_aanhouden(self, *, op: date) -> None:
        """Het besluit wordt aangehouden; de verwijzende school behoudt de zorgplicht [002 §1.10]."""
        self.besluit_op = op
        self.besluit_verzonden_op = op

    @django_fsm.transition(
        field=status,
        source=list(BESLUITEN),
        target=Status.IN_BEZWAAR,
        permission=bezwaar_registreren,
        conditions=[bezwaar_is_geregistreerd],
    )
    def bezwaar_in_behandeling(self) -> None:
        """Ouders en/of school maken bezwaar tegen het besluit [002 §1.12]."""

    @django_fsm.transition(
        field=status,
        source=Status.IN_BEZWAAR,
        target=Status.BEZWAAR_BESLIST,
        permission=bestuurder,
        conditions=[bezwaar_klaar_voor_beslissing],
    )
    def beslissen_op_bezwaar(self) -> None:
        """De directeur-bestuurder beslist op het bezwaar, na advies van de bemiddelingscommissie [002 §1.12]."""  # noqa: E501
