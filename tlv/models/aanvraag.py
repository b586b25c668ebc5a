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

from cases.models import Leerling, Regio, Samenwerkingsverband, School
from cases.models.rollen import SCHOOLLEIDING, RolSoort
from cases.scope import scope_for
from cases.termijnen import plus_werkdagen
from cases.workflow import Weigerteksten


class Status(models.TextChoices):
    CONCEPT = "concept", "concept (school)"
    INGEDIEND = "ingediend", "ingediend – formele check"
    INHOUDELIJKE_CHECK = "inhoudelijke_check", "inhoudelijke check"
    AANGEHOUDEN = "aangehouden", "aangehouden – informatie opgevraagd"
    DESKUNDIGEN_TOEWIJZEN = "deskundigen_toewijzen", "deskundigen toewijzen"
    ADVIEZEN = "adviezen", "deskundigen adviseren"
    EINDADVIES = "eindadvies", "eindadvies"
    TLA_VERGADERING = "tla_vergadering", "TLA-vergadering"
    TER_ONDERTEKENING = "ter_ondertekening", "ter ondertekening"
    AFGEGEVEN = "afgegeven", "TLV afgegeven"
    NIET_TOEGEKEND = "niet_toegekend", "TLV niet toegekend"
    BESLUIT_AANGEHOUDEN = "besluit_aangehouden", "besluit aangehouden"
    INGETROKKEN = "ingetrokken", "ingetrokken"
    IN_BEZWAAR = "in_bezwaar", "bezwaar in behandeling"
    BEZWAAR_BESLIST = "bezwaar_beslist", "beslist op bezwaar"


BESLUITEN = (Status.AFGEGEVEN, Status.NIET_TOEGEKEND, Status.BESLUIT_AANGEHOUDEN)
AFGESLOTEN = (*BESLUITEN, Status.INGETROKKEN, Status.IN_BEZWAAR, Status.BEZWAAR_BESLIST)
IN_BEHANDELING = (
    Status.INGEDIEND,
    Status.INHOUDELIJKE_CHECK,
    Status.AANGEHOUDEN,
    Status.DESKUNDIGEN_TOEWIJZEN,
    Status.ADVIEZEN,
    Status.EINDADVIES,
    Status.TLA_VERGADERING,
    Status.TER_ONDERTEKENING,
)
# The states from which information can be requested (Awb 4:15) and to which the aanvraag returns.
OPSCHORTBAAR = (Status.INGEDIEND, Status.INHOUDELIJKE_CHECK, Status.TLA_VERGADERING)


class Soort(models.TextChoices):
    ZIJ_INSTROOM = "zij_instroom", "zij-instroom (verwijzende school)"
    ONDERINSTROOM = "onderinstroom", "onderinstroom (school van aanmelding)"
    HERINDICATIE = "herindicatie", "herindicatie (verlenging)"


class HerindicatieOptie(models.IntegerChoices):
    DOSSIER = 1, "optie 1: iedereen is het eens, advies op basis van het dossier"
    GESPREK = 2, "optie 2: eerst een herindicatiegesprek"


class Schoolsoort(models.TextChoices):
    SBO = "sbo", "speciaal basisonderwijs (sbo)"
    SO = "so", "speciaal onderwijs (so)"


# --- permissions: who may take a transition (checked by services with has_transition_perm) -------


def _scope(user):
    return scope_for(user)


def school_directeur(aanvraag, user) -> bool:
    s = _scope(user)
    return s.alles or (RolSoort.DIRECTEUR in s.soorten and aanvraag.school_id in s.school_ids)


def school_medewerker(aanvraag, user) -> bool:
    s = _scope(user)
    return s.alles or (bool(SCHOOLLEIDING & s.soorten) and aanvraag.school_id in s.school_ids)


def sll(aanvraag, user) -> bool:
    s = _scope(user)
    return s.alles or (RolSoort.SLL in s.soorten and aanvraag.swv_id in s.swv_ids)


def sc(aanvraag, user) -> bool:
    s = _scope(user)
    return s.alles or (RolSoort.SC in s.soorten and aanvraag.regio_id in s.regio_ids)


def sll_of_sc(aanvraag, user) -> bool:
    return sll(aanvraag, user) or sc(aanvraag, user)


def tla_voorzitter(aanvraag, user) -> bool:
    s = _scope(user)
    return s.alles or (RolSoort.TLA in s.soorten and aanvraag.swv_id in s.swv_ids)


def bestuurder(aanvraag, user) -> bool:
    s = _scope(user)
    return s.alles or (RolSoort.BESTUURDER in s.soorten and aanvraag.swv_id in s.swv_ids)


def deskundige(aanvraag, user) -> bool:
    """An assigned deskundige, through the object permission granted on assignment."""
    return user.has_perm("tlv.adviseren_tlvaanvraag", aanvraag)


def eerste_deskundige(aanvraag, user) -> bool:
    return (
        deskundige(aanvraag, user)
        and aanvraag.toewijzingen.filter(deskundige=user, volgorde=1, beeindigd_op__isnull=True).exists()
    )


# --- queryset -----------------------------------------------------------------------------------


class AanvraagQuerySet(models.QuerySet):
    def filter_for_user(self, user):
        """School (ib, directeur): their school's aanvragen; SC/CJK: their regio; SLL, TLA,
        bestuurder, beheerder: their SWV; a deskundige only the aanvragen assigned to him or her,
        while the assignment lasts (django-guardian) [domain §2]."""
        from django.contrib.contenttypes.models import ContentType
        from django.db.models.functions import Cast
        from guardian.models import UserObjectPermission

        s = scope_for(user)
        if s.alles:
            return self
        q = models.Q(swv_id__in=s.swv_ids) | models.Q(regio_id__in=s.regio_ids)
        if SCHOOLLEIDING & s.soorten:
            q |= models.Q(school_id__in=s.school_ids)
        if user.is_authenticated and RolSoort.DESKUNDIGE in s.soorten:
            toegewezen = (
                UserObjectPermission.objects.filter(
                    user_id=user.pk,
                    permission__codename="view_tlvaanvraag",
                    content_type=ContentType.objects.get_for_model(TLVAanvraag),
                )
                .annotate(pk_int=Cast("object_pk", models.BigIntegerField()))
                .values("pk_int")
            )
            q |= models.Q(pk__in=toegewezen)
        return self.filter(q, swv_id__in=s.swv_ids_alle)


class TLVAanvraag(django_fsm.ConcurrentTransitionMixin, models.Model):
    # A refused step lists every reason, the role included (cases.workflow).
    weigerteksten = Weigerteksten(
        status="Deze stap is niet mogelijk in de status '{status}'.",
        voorwaarde="Niet voldaan: {regel}",
        rol="Deze stap hoort niet bij uw rol voor deze aanvraag.",
        rol_is_reden=True,
    )
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

    # --- facts used by the conditions and the UI ------------------------------------------------

    @property
    def peildatum(self) -> date:
        from django.utils import timezone

        return timezone.localdate()

    def zonder_toestemming_uiterlijk_indienen(self) -> date | None:
        """First day the aanvraag may be sent: 5 werkdagen after ouders were informed [002 §1.13]."""
        if not self.zt_ouders_geinformeerd_op:
            return None
        return plus_werkdagen(self.zt_ouders_geinformeerd_op, 5)

    def zonder_toestemming_gebreken(self, op: date | None = None) -> list[str]:
        """The unmet conditions of §1.13, in Dutch (empty when all six are recorded and met)."""
        op = op or self.peildatum
        gebreken = []
        velden = [
            "zt_zorgen_gedeeld",
            "zt_intensieve_ondersteuning",
            "zt_andere_school_gemeld",
            "zt_deskundige_aangekondigd",
        ]
        for veld in velden:
            if not getattr(self, veld).strip():
                gebreken.append(f"Niet vastgelegd: {self._meta.get_field(veld).verbose_name} [002 §1.13].")
        if not self.zt_ouders_geinformeerd_op:
            gebreken.append("Niet vastgelegd: wanneer ouders de mededeling en het OPP kregen [002 §1.13].")
        else:
            vroegst = self.zonder_toestemming_uiterlijk_indienen()
            if op < vroegst:
                gebreken.append(
                    f"Ouders hebben nog geen 5 werkdagen gehad om te reageren: indienen kan vanaf "
                    f"{vroegst:%d-%m-%Y} [002 §1.13]."
                )
        if not self.zt_verzenddatum_gemeld:
            gebreken.append(
                "Niet vastgelegd: de verzenddatum die de school aan ouders heeft genoemd [002 §1.13]."
            )
        elif op < self.zt_verzenddatum_gemeld:
            gebreken.append(
                f"De school heeft ouders {self.zt_verzenddatum_gemeld:%d-%m-%Y} als verzenddatum genoemd; "
                "eerder indienen kan niet [002 §1.13]."
            )
        return gebreken

    def opschortingen_paren(self, *, tot: date | None = None) -> list[tuple[date, date]]:
        """(verzoek, ontvangst) pairs for the term; an open request counts up to `tot` (Awb 4:15)."""
        paren = []
        for o in self.opschortingen.all():
            if o.ontvangen_op:
                paren.append((o.verzoek_op, o.ontvangen_op))
            elif tot is not None and tot > o.verzoek_op:
                paren.append((o.verzoek_op, tot))
        return paren

    def open_opschorting(self):
        return next((o for o in self.opschortingen.all() if o.ontvangen_op is None), None)

    def actieve_toewijzingen(self):
        return [t for t in self.toewijzingen.all() if t.beeindigd_op is None]

    def toewijzing(self, volgorde: int):
        return next((t for t in self.actieve_toewijzingen() if t.volgorde == volgorde), None)

    def adviezen_ingediend(self) -> list:
        uit = []
        for t in self.actieve_toewijzingen():
            advies = getattr(t, "advies", None)
            if advies is not None and advies.ingediend_op:
                uit.append(advies)
        return uit

    def eindadvies_of_none(self):
        return getattr(self, "eindadvies", None)

    # --- named conditions (one-line docstring = the rule and its source) ------------------------

    def aanvraagformulier_ingevuld(self) -> bool:
        """Het aanvraagformulier beschrijft de onderwijs- en ondersteuningsbehoeften en de zienswijze van ouders [002 bijlage 3.11.1]."""  # noqa: E501
        return bool(self.onderwijsbehoeften.strip() and self.zienswijze_ouders.strip())

    def toestemming_ouders_of_uitzondering(self) -> bool:
        """Ouders hebben de aanvraag ondertekend, of alle zes voorwaarden voor een aanvraag zonder toestemming zijn vastgelegd en vervuld [002 §1.3, §1.13]."""  # noqa: E501
        if self.zonder_toestemming:
            return not self.zonder_toestemming_gebreken()
        return self.ouders_ondertekend_op is not None

    def herindicatie_optie_gekozen(self) -> bool:
        """Bij een herindicatie is gekozen voor optie 1 (dossier) of optie 2 (herindicatiegesprek) [002 §1.21]."""  # noqa: E501
        return self.soort != Soort.HERINDICATIE or self.herindicatie_optie is not None

    def bestuur_is_geinformeerd(self) -> bool:
        """De directeur heeft het schoolbestuur op de hoogte gebracht van de aanvraag [002 §1.3, bijlage 3.11.1]."""  # noqa: E501
        return self.bestuur_geinformeerd

    def formeel_compleet(self) -> bool:
        """Het dossier bevat de formele onderdelen: handtekeningen, OPP of overdrachtsdocument en LVS-gegevens [002 bijlage 3.11.1 'Secretaresse']."""  # noqa: E501
        from tlv.volledigheid import evalueer

        return all(u.voldaan for u in evalueer(self) if u.regel.formeel)

    def dossier_compleet(self) -> bool:
        """Het dossier is compleet volgens alle regels van §1.4 [002 §1.4: 'Aanvragen die niet aan de criteria voldoen, worden niet in behandeling genomen']."""  # noqa: E501
        from tlv.volledigheid import evalueer

        return all(u.voldaan for u in evalueer(self))

    def geen_open_informatieverzoek(self) -> bool:
        """Er staat geen informatieverzoek meer open [Awb 4:15; 002 §1.9]."""
        return self.open_opschorting() is None

    def informatieverzoek_met_termijn(self) -> bool:
        """Er is een informatieverzoek vastgelegd met wat ontbreekt en een antwoordtermijn [Awb 4:15; 002 §1.9]."""  # noqa: E501
        o = self.open_opschorting()
        return o is not None and bool(o.ontbreekt.strip()) and o.antwoord_uiterlijk is not None

    def informatie_is_ontvangen(self) -> bool:
        """De opgevraagde informatie is ontvangen en de ontvangstdatum is vastgelegd [Awb 4:15]."""
        return self.open_opschorting() is None and self.opschortingen.exists()

    def sc_oordeel_positief(self) -> bool:
        """De steunpuntcoördinator heeft elke vraag van §1.4 beoordeeld en als voldoende aangemerkt [002 §1.4]."""  # noqa: E501
        from tlv.models.besluit import SC_VRAGEN

        oordelen = {o.vraag: o.voldoet for o in self.sc_oordelen.all()}
        return all(oordelen.get(code) is True for code, _ in SC_VRAGEN)

    def twee_deskundigen_toegewezen(self) -> bool:
        """Er zijn twee deskundigen uit de pool toegewezen [002 §1.6, bijlage 3.11.1 'pool van deskundigen']."""  # noqa: E501
        return self.toewijzing(1) is not None and self.toewijzing(2) is not None

    def eerste_is_gedragsdeskundige(self) -> bool:
        """De eerste deskundige is een gedragsdeskundige: orthopedagoog of psycholoog [002 §1.6, bijlage 3.11.1]."""  # noqa: E501
        from cases.models.rollen import GEDRAGSDESKUNDIGEN

        t = self.toewijzing(1)
        return t is not None and t.discipline in GEDRAGSDESKUNDIGEN

    def tweede_andere_discipline(self) -> bool:
        """De tweede deskundige adviseert vanuit een andere expertise dan de eerste [002 §1.6, bijlage 3.11.1]."""  # noqa: E501
        een, twee = self.toewijzing(1), self.toewijzing(2)
        return (
            een is not None
            and twee is not None
            and een.discipline != twee.discipline
            and (een.deskundige_id != twee.deskundige_id)
        )

    def geen_belangenverstrengeling(self) -> bool:
        """Geen van de deskundigen is betrokken bij de school van de leerling [002 §1.6, bijlage 3.11.1 'Wettelijke kaders']."""  # noqa: E501
        from tlv.models.advies import conflict_voor

        return not any(conflict_voor(t.deskundige, self) for t in self.actieve_toewijzingen())

    def beide_adviezen_ingediend(self) -> bool:
        """Beide deskundigen hebben hun advies onafhankelijk van elkaar ingediend [002 bijlage 3.11.1]."""
        return len(self.adviezen_ingediend()) == 2

    def eindadvies_compleet(self) -> bool:
        """Het eindadvies bevat het gemotiveerde besluit, de doelen, de schoolsoort, de periode en de bekostigingscategorie [002 §1.11]."""  # noqa: E501
        e = self.eindadvies_of_none()
        return e is not None and not e.gebreken()

    def adviezen_unaniem(self) -> bool:
        """De twee adviezen zijn unaniem: het geschreven eindadvies volstaat voor de directeur-bestuurder [002 §1.7]."""  # noqa: E501
        adviezen = self.adviezen_ingediend()
        return len(adviezen) == 2 and adviezen[0].strekking == adviezen[1].strekking

    def adviezen_niet_unaniem(self) -> bool:
        """De twee adviezen zijn niet unaniem: de aanvraag gaat naar de TLA-vergadering [002 §1.7]."""
        return len(self.adviezen_ingediend()) == 2 and not self.adviezen_unaniem()

    def besproken_in_vergadering(self) -> bool:
        """De aanvraag staat op de agenda van een TLA-vergadering die heeft plaatsgevonden [002 §1.7]."""
        return self.vergadering_id is not None and self.vergadering.datum <= self.peildatum

    def vragen_bestuurder_vastgelegd(self) -> bool:
        """De directeur-bestuurder heeft zijn vragen aan de commissie vastgelegd [002 §1.7]."""
        return bool(self.vragen_bestuurder.strip())

    def eindadvies_kent_toe(self) -> bool:
        """Het eindadvies luidt: TLV afgeven [002 §1.10]."""
        e = self.eindadvies_of_none()
        return e is not None and e.besluit == "afgeven"

    def eindadvies_wijst_af(self) -> bool:
        """Het eindadvies luidt: TLV niet toekennen [002 §1.10]."""
        e = self.eindadvies_of_none()
        return e is not None and e.besluit == "niet_toekennen"

    def eindadvies_houdt_aan(self) -> bool:
        """Het eindadvies luidt: besluit aanhouden [002 §1.10]."""
        e = self.eindadvies_of_none()
        return e is not None and e.besluit == "aanhouden"

    def afwijking_ingangsdatum_beredeneerd(self) -> bool:
        """Een afwijkende ingangsdatum heeft een reden van de steunpuntcoördinator [002 §1.16]."""
        return self.ingangsdatum_afwijkend is None or bool(self.ingangsdatum_afwijking_reden.strip())

    def bezwaar_is_geregistreerd(self) -> bool:
        """Er is een bezwaarschrift geregistreerd met de datum van ontvangst [002 §1.12]."""
        return self.bezwaren.filter(beslist_op__isnull=True).exists()

    def bezwaar_klaar_voor_beslissing(self) -> bool:
        """Ontvangst is bevestigd en de bemiddelingscommissie heeft geadviseerd, of het bezwaar is te laat zonder verschoonbare reden [002 §1.12; Awb 6:11]."""  # noqa: E501
        b = self.bezwaren.filter(beslist_op__isnull=True).first()
        return (
            b is not None
            and b.bevestigd_op is not None
            and (b.bemiddeling_advies_op is not None or b.niet_ontvankelijk)
        )

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
        target=Status.TER_ONDERTEKENING,
        permission=eerste_deskundige,
        conditions=[eindadvies_compleet, adviezen_unaniem],
    )
    def naar_bestuurder(self) -> None:
        """Unaniem: het geschreven eindadvies gaat naar de directeur-bestuurder [002 §1.7]."""

    @django_fsm.transition(
        field=status,
        source=Status.EINDADVIES,
        target=Status.TLA_VERGADERING,
        permission=eerste_deskundige,
        conditions=[eindadvies_compleet, adviezen_niet_unaniem],
    )
    def naar_tla_vergadering(self) -> None:
        """Niet unaniem: de aanvraag wordt besproken in de TLA-vergadering [002 §1.7]."""

    @django_fsm.transition(
        field=status,
        source=Status.TLA_VERGADERING,
        target=Status.TER_ONDERTEKENING,
        permission=tla_voorzitter,
        conditions=[besproken_in_vergadering, eindadvies_compleet],
    )
    def tla_advies_vastleggen(self) -> None:
        """De TLA-commissie heeft geadviseerd; de voorzitter legt het eindadvies voor [002 §1.7, §1.11]."""
        self.vragen_bestuurder = ""

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
        permission=sll,
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
