"""From concept to the end of the checks: the school prepares and submits, the SLL checks the form,
the SC the content; missing information suspends the term (Awb 4:15); a verdaging (Awb 4:14)
is announced before the 8 weeks end. Keyword-only, atomic, the aanvraag locked first."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from cases.models import Leerling, School
from cases.models.audit import AuditActie
from cases.models.rollen import SCHOOLLEIDING, RolSoort
from cases.scope import scope_for
from cases.services.audit import log
from cases.services.brieven import maak_brief
from cases.termijnen.models.termijnen import TermijnSoort
from cases.workflow import vergrendel
from tlv import termijnregistratie
from tlv.models import SC_VRAGEN, Opschorting, ScOordeel, Soort, Status, TLVAanvraag, Verdaging
from tlv.models.keuzes import IN_BEHANDELING
from tlv.models.rechten import sc, school_medewerker, sll
from tlv.services.basis import stap
from tlv.termijnen import beslistermijn

# Fields the school fills in the aanvraagformulier while it is a concept.
FORMULIER_VELDEN = (
    "soort",
    "herindicatie_optie",
    "gevraagde_schoolsoort",
    "gevraagde_categorie",
    "groep",
    "emb",
    "onderwijsbehoeften",
    "waarom_niet_regulier",
    "zienswijze_ouders",
    "ouders_ondertekend_op",
    "bestuur_geinformeerd",
    "zonder_toestemming",
    "zt_zorgen_gedeeld",
    "zt_intensieve_ondersteuning",
    "zt_andere_school_gemeld",
    "zt_deskundige_aangekondigd",
    "zt_ouders_geinformeerd_op",
    "zt_verzenddatum_gemeld",
)


def _koppel_vorige_tlv(aanvraag: TLVAanvraag) -> None:
    """A herindicatie extends the pupil's current TLV [002 L815]: link it, so schoolsoort and
    categorie can be compared with it (tlv/herindicatie.py)."""
    from tlv.herindicatie import huidige_tlv

    if aanvraag.soort == Soort.HERINDICATIE and aanvraag.vorige_tlv_id is None:
        aanvraag.vorige_tlv = huidige_tlv(aanvraag.leerling, behalve_aanvraag_id=aanvraag.pk)


def _ondertekenaar(user, functie: str) -> str:
    return f"{user.get_full_name() or user.username}, {functie}"


@transaction.atomic
def maak_aanvraag(
    *, door, leerling: Leerling, school: School | None = None, request=None, **velden
) -> TLVAanvraag:
    """The IB'er (or directeur) starts an aanvraag for a pupil of the school [002 §1.3]."""
    school = school or leerling.huidige_school
    if school is None:
        raise ValidationError(
            "Kies de school die de TLV aanvraagt (bij onderinstroom: de school van aanmelding)."
        )
    s = scope_for(door)
    if not (s.alles or (SCHOOLLEIDING & s.soorten and school.pk in s.school_ids)):
        raise PermissionDenied(
            "Alleen de intern begeleider of directeur van de school kan een TLV aanvragen."
        )
    if school.swv_id != leerling.swv_id:
        raise ValidationError("De school en de leerling horen bij verschillende samenwerkingsverbanden.")
    onbekend = set(velden) - set(FORMULIER_VELDEN)
    if onbekend:
        raise ValueError(f"Onbekende velden: {sorted(onbekend)}")
    aanvraag = TLVAanvraag(
        swv_id=leerling.swv_id,
        leerling=leerling,
        school=school,
        regio_id=school.regio_id,
        aangemaakt_door=door,
        voorbereid_door=door,
        **velden,
    )
    _koppel_vorige_tlv(aanvraag)
    if velden.get("groep") is None:
        aanvraag.groep = None if velden.get("soort") == Soort.ONDERINSTROOM else leerling.huidige_groep
    aanvraag.full_clean(exclude=["status"])
    aanvraag.save()
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=door,
        obj=aanvraag,
        leerling=leerling,
        omschrijving="TLV-aanvraag gestart",
    )
    return aanvraag


@transaction.atomic
def wijzig_aanvraag(*, aanvraag: TLVAanvraag, door, request=None, **velden) -> TLVAanvraag:
    """The school edits the form while it is a concept; nothing typed is lost (all optional)."""
    aanvraag = vergrendel(aanvraag)
    if aanvraag.status != Status.CONCEPT:
        raise ValidationError(
            "Een ingediende aanvraag kan de school niet meer wijzigen; lever aanvullingen aan "
            "via het informatieverzoek."
        )
    if not school_medewerker(aanvraag, door):
        raise PermissionDenied(
            "Alleen de intern begeleider of directeur van de school kan de aanvraag wijzigen."
        )
    onbekend = set(velden) - set(FORMULIER_VELDEN)
    if onbekend:
        raise ValueError(f"Onbekende velden: {sorted(onbekend)}")
    for k, v in velden.items():
        setattr(aanvraag, k, v)
    _koppel_vorige_tlv(aanvraag)
    aanvraag.voorbereid_door = door if RolSoort.IB in scope_for(door).soorten else aanvraag.voorbereid_door
    aanvraag.full_clean(exclude=["status"])
    aanvraag.save()
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=aanvraag,
        leerling=aanvraag.leerling,
        omschrijving="aanvraagformulier bijgewerkt",
    )
    return aanvraag


@transaction.atomic
def dien_in(*, aanvraag: TLVAanvraag, door, request=None, op: date | None = None) -> TLVAanvraag:
    """The directeur signs and submits; the day of receipt starts the beslistermijn (Awb 4:13)."""
    aanvraag = vergrendel(aanvraag)
    op = op or timezone.localdate()
    stap(
        aanvraag,
        "indienen",
        door=door,
        request=request,
        datum=op,
        directeur=door,
        op=timezone.now(),
        ontvangen_op=op,
    )
    termijnregistratie.start_beslistermijn(aanvraag, door=door, request=request)
    return aanvraag


@transaction.atomic
def keur_formeel_goed(*, aanvraag: TLVAanvraag, door, request=None, op: date | None = None) -> TLVAanvraag:
    """`op`: the day of the step (default today), the start of the next stage [issue 16.7]."""
    aanvraag = vergrendel(aanvraag)
    return stap(aanvraag, "formeel_goedkeuren", door=door, request=request, datum=op)


@transaction.atomic
def leg_sc_oordeel_vast(
    *, aanvraag: TLVAanvraag, door, oordelen: dict[str, tuple[bool | None, str]], request=None
) -> TLVAanvraag:
    """The SC's judgement per question of §1.4 (voldoet ja/nee + toelichting)."""
    aanvraag = vergrendel(aanvraag)
    if not sc(aanvraag, door):
        raise PermissionDenied("Alleen de steunpuntcoördinator van de regio beoordeelt de inhoud.")
    if aanvraag.status != Status.INHOUDELIJKE_CHECK:
        raise ValidationError("De inhoudelijke check kan alleen in de stap 'inhoudelijke check'.")
    codes = {c for c, _ in SC_VRAGEN}
    for vraag, (voldoet, toelichting) in oordelen.items():
        if vraag not in codes:
            raise ValueError(f"Onbekende vraag {vraag!r}")
        if voldoet is False and not (toelichting or "").strip():
            raise ValidationError({vraag: "Licht toe wat er ontbreekt of onduidelijk is."})
        ScOordeel.objects.update_or_create(
            aanvraag=aanvraag,
            vraag=vraag,
            defaults={"voldoet": voldoet, "toelichting": toelichting or "", "door": door},
        )
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=aanvraag,
        leerling=aanvraag.leerling,
        omschrijving="inhoudelijk oordeel SC vastgelegd",
    )
    return aanvraag


@transaction.atomic
def leg_ingangsdatum_afwijking_vast(
    *,
    aanvraag: TLVAanvraag,
    door,
    datum: date | None,
    reden: str,
    tweede_deskundige_voorkeur: str = "",
    request=None,
) -> TLVAanvraag:
    """The SC's reasoned deviation from the instroommomenten [002 §1.16] and, when needed, which
    kind of second deskundige the TLA-voorzitter should consider [002 bijlage 3.11.1]."""
    aanvraag = vergrendel(aanvraag)
    if not sc(aanvraag, door):
        raise PermissionDenied("Alleen de steunpuntcoördinator van de regio legt een afwijking vast.")
    if aanvraag.status in (Status.CONCEPT, *AFGEROND):
        raise ValidationError("Dit kan alleen terwijl de aanvraag in behandeling is.")
    if datum and not reden.strip():
        raise ValidationError(
            {"ingangsdatum_afwijking_reden": "Een afwijkende ingangsdatum moet beredeneerd zijn."}
        )
    aanvraag.ingangsdatum_afwijkend = datum
    aanvraag.ingangsdatum_afwijking_reden = reden if datum else ""
    aanvraag.tweede_deskundige_voorkeur = tweede_deskundige_voorkeur
    aanvraag.save()
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=aanvraag,
        leerling=aanvraag.leerling,
        omschrijving="ingangsdatum/voorkeur deskundige door SC vastgelegd",
    )
    return aanvraag


@transaction.atomic
def keur_inhoudelijk_goed(
    *, aanvraag: TLVAanvraag, door, request=None, op: date | None = None
) -> TLVAanvraag:
    aanvraag = vergrendel(aanvraag)
    return stap(aanvraag, "inhoudelijk_goedkeuren", door=door, request=request, datum=op)


@transaction.atomic
def vraag_informatie(
    *,
    aanvraag: TLVAanvraag,
    door,
    ontbreekt: str,
    antwoord_uiterlijk: date,
    verzoek_op: date | None = None,
    request=None,
) -> Opschorting:
    """Request what is missing with the standard message and a reply deadline: the beslistermijn
    is suspended from the request until it arrives (Awb 4:15; 002 §1.9)."""
    aanvraag = vergrendel(aanvraag)
    verzoek_op = verzoek_op or timezone.localdate()
    if not ontbreekt.strip():
        raise ValidationError({"ontbreekt": "Beschrijf wat ontbreekt of onduidelijk is."})
    if antwoord_uiterlijk is None or antwoord_uiterlijk <= verzoek_op:
        raise ValidationError(
            {
                "antwoord_uiterlijk": "Geef een redelijke termijn: een datum na vandaag. Zonder "
                "antwoordtermijn schort het verzoek de beslistermijn niet op."
            }
        )
    if aanvraag.ontvangen_op and verzoek_op < aanvraag.ontvangen_op:
        raise ValidationError(
            {"verzoek_op": "Het verzoek kan niet vóór de ontvangst van de aanvraag liggen."}
        )
    opschorting = Opschorting.objects.create(
        aanvraag=aanvraag,
        verzoek_op=verzoek_op,
        ontbreekt=ontbreekt,
        antwoord_uiterlijk=antwoord_uiterlijk,
        gevraagd_door=door,
    )
    stap(
        aanvraag,
        "aanhouden",
        door=door,
        request=request,
        datum=verzoek_op,
        omschrijving="informatie opgevraagd",
    )
    termijnregistratie.schort_op(
        aanvraag,
        verzoek=verzoek_op,
        uiterlijk=antwoord_uiterlijk,
        omschrijving=ontbreekt,
        door=door,
        request=request,
    )
    opschorting.brief = maak_brief(
        zaak=aanvraag,
        leerling=aanvraag.leerling,
        soort="tlv_opschorting",
        template="brieven/tlv_opschorting.html",
        onderwerp="Aanvullende informatie nodig voor de TLV-aanvraag: beslistermijn opgeschort",
        context={
            "school": aanvraag.school.naam,
            "ontvangen_op": aanvraag.ontvangen_op,
            "verzoek_op": verzoek_op,
            "ontbreekt": ontbreekt,
            "antwoord_uiterlijk": antwoord_uiterlijk,
            "beslistermijn_voor": _termijn_zonder_open(aanvraag),
        },
        door=door,
        ondertekenaar=_ondertekenaar(door, "secretaresse leerlingenzaken")
        if RolSoort.SLL in scope_for(door).soorten
        else _ondertekenaar(door, "steunpuntcoördinator"),
    )
    opschorting.save(update_fields=["brief"])
    return opschorting


def _termijn_zonder_open(aanvraag: TLVAanvraag) -> date:
    """The decision date as it stood before this request (closed suspensions only)."""
    from cases.termijnen import tlv_beslistermijn

    paren = [(o.verzoek_op, o.ontvangen_op) for o in aanvraag.opschortingen.all() if o.ontvangen_op]
    return tlv_beslistermijn(aanvraag.ontvangen_op, opschortingen=paren)


@transaction.atomic
def informatie_ontvangen(
    *, aanvraag: TLVAanvraag, door, ontvangen_op: date | None = None, request=None
) -> TLVAanvraag:
    """The information arrived: the term runs again and the aanvraag returns to its step."""
    aanvraag = vergrendel(aanvraag)
    if not sll(aanvraag, door):
        raise PermissionDenied("De secretaresse leerlingenzaken registreert de ontvangst van informatie.")
    ontvangen_op = ontvangen_op or timezone.localdate()
    opschorting = aanvraag.open_opschorting()
    if opschorting is None:
        raise ValidationError("Er staat geen informatieverzoek open.")
    if ontvangen_op < opschorting.verzoek_op:
        raise ValidationError({"ontvangen_op": "De ontvangst kan niet vóór het verzoek liggen."})
    if ontvangen_op > timezone.localdate():
        raise ValidationError({"ontvangen_op": "De ontvangstdatum kan niet in de toekomst liggen."})
    opschorting.ontvangen_op = ontvangen_op
    opschorting.save(update_fields=["ontvangen_op"])
    termijnregistratie.hervat(aanvraag, ontvangst=ontvangen_op, door=door, request=request)
    return stap(
        aanvraag,
        "hervatten",
        door=door,
        request=request,
        datum=ontvangen_op,
        omschrijving="informatie ontvangen",
    )


@transaction.atomic
def verdaag(
    *, aanvraag: TLVAanvraag, door, nieuwe_termijn: date, reden: str, op: date | None = None, request=None
) -> Verdaging:
    """Awb 4:14 lid 3: tell the school (and ouders) before the 8 weeks end, with a new reasonable
    term [002 §1.8]. After the term has ended a verdaging is no longer possible."""
    aanvraag = vergrendel(aanvraag)
    if not sll(aanvraag, door):
        raise PermissionDenied("De secretaresse leerlingenzaken meldt een verdaging.")
    if aanvraag.status not in IN_BEHANDELING:
        raise ValidationError("Verdagen kan alleen terwijl de aanvraag in behandeling is.")
    op = op or timezone.localdate()
    stand = beslistermijn(aanvraag, vandaag=op)
    if stand.verdaagd_tot:
        raise ValidationError("De beslistermijn is al verdaagd.")
    if op > stand.wettelijk_einde:
        raise ValidationError(
            f"De beslistermijn is op {stand.wettelijk_einde:%d-%m-%Y} verstreken: verdagen moet vóór het einde "  # noqa: E501
            "van de acht weken worden gemeld (Awb 4:14 lid 3)."
        )
    if nieuwe_termijn <= stand.wettelijk_einde:
        raise ValidationError({"nieuwe_termijn": "De nieuwe termijn ligt na de huidige beslisdatum."})
    if not reden.strip():
        raise ValidationError({"reden": "Geef de reden van de verdaging."})
    termijnregistratie.verdaag(
        aanvraag,
        oude_einde=stand.wettelijk_einde,
        nieuwe_termijn=nieuwe_termijn,
        op=op,
        reden=reden,
        door=door,
        request=request,
    )
    verdaging = Verdaging.objects.create(
        aanvraag=aanvraag, gemeld_op=op, nieuwe_termijn=nieuwe_termijn, reden=reden, door=door
    )
    verdaging.brief = maak_brief(
        zaak=aanvraag,
        leerling=aanvraag.leerling,
        soort="tlv_verdaging",
        template="brieven/tlv_verdaging.html",
        onderwerp="Verdaging van de beslissing op de TLV-aanvraag",
        context={
            "school": aanvraag.school.naam,
            "ontvangen_op": aanvraag.ontvangen_op,
            "oude_termijn": stand.wettelijk_einde,
            "nieuwe_termijn": nieuwe_termijn,
            "reden": reden,
        },
        door=door,
        ondertekenaar=_ondertekenaar(door, "secretaresse leerlingenzaken"),
    )
    verdaging.save(update_fields=["brief"])
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=aanvraag,
        leerling=aanvraag.leerling,
        omschrijving="beslistermijn verdaagd (Awb 4:14)",
    )
    return verdaging


@transaction.atomic
def trek_in(*, aanvraag: TLVAanvraag, door, reden: str, request=None) -> TLVAanvraag:
    aanvraag = vergrendel(aanvraag)
    if not reden.strip():
        raise ValidationError({"reden": "Geef de reden van het intrekken."})
    stap(aanvraag, "intrekken", door=door, request=request, reden=reden)
    from tlv.services.deskundigen import beeindig_toewijzingen

    beeindig_toewijzingen(aanvraag=aanvraag, door=door, reden="aanvraag ingetrokken")
    if aanvraag.ontvangen_op:
        termijnregistratie.rond_af(
            aanvraag,
            TermijnSoort.TLV_BESLISTERMIJN,
            op=timezone.localdate(),
            reden="aanvraag ingetrokken",
            door=door,
            gestopt=True,
            request=request,
        )
    return aanvraag


AFGEROND = (
    Status.AFGEGEVEN,
    Status.NIET_TOEGEKEND,
    Status.BESLUIT_AANGEHOUDEN,
    Status.INGETROKKEN,
    Status.IN_BEZWAAR,
    Status.BEZWAAR_BESLIST,
)
