"""The one write path of the zorgplicht: keyword-only, atomic, the aanmelding locked first, every
write in the audit log, letters recorded in the decision's transaction and rendered after commit
[conventions 'Workflow'; domain §7, §11, §12; 002 bijlage 2.2.1]."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from cases.models import Gebruiker, Leerling, Ouder, School
from cases.models.audit import AuditActie
from cases.models.organisaties import SchoolSoort
from cases.scope import scope_for
from cases.services.audit import log
from cases.services.brieven import BriefFout, maak_brief
from cases.services.inschrijving import schrijf_in
from cases.termijnen import bezwaartermijn_einde, formatteer_datum
from cases.termijnen import services as termijn_service
from zorgplicht import termijnen
from zorgplicht.models import (
    Aanmelding,
    Antwoord,
    BaoBaoVoorstel,
    InformatieVerzoek,
    NietVanToepassing,
    OndersteuningSoort,
    SopAanbod,
    Status,
    TLVSoort,
    Uitkomst,
    is_sc_van_regio,
    mag_beslissen,
    mag_volgen,
)


class ZorgplichtFout(ValidationError):
    """A step that may not be taken, with the reason in Dutch."""


LEERLING_VELDEN = (
    "voornaam",
    "tussenvoegsel",
    "achternaam",
    "geboortedatum",
    "geslacht",
    "woonplaats",
    "bsn",
)
OUDER_VELDEN = (
    "naam",
    "relatie",
    "gezag",
    "ontvangt_brieven",
    "adres",
    "postcode_plaats",
    "telefoon",
    "email",
)


def _vandaag() -> date:
    return timezone.localdate()


def weigerredenen(aanmelding: Aanmelding, overgang: str) -> list[str]:
    """Why a transition may not happen now, in Dutch: the docstring of each failed condition."""
    meta = getattr(type(aanmelding), overgang)._django_fsm
    t = meta.get_transition(aanmelding.status)
    if t is None:
        return [f"Dat kan niet nu de aanmelding de status '{aanmelding.get_status_display()}' heeft."]
    return [c.__doc__.strip() for c in t.conditions if not c(aanmelding)]


def kan(aanmelding: Aanmelding, overgang: str, user) -> bool:
    """Whether `user` may take this step now (for showing buttons)."""
    meta = getattr(type(aanmelding), overgang)._django_fsm
    return meta.has_transition(aanmelding.status) and meta.has_transition_perm(
        aanmelding, aanmelding.status, user
    )


def _overgang(aanmelding: Aanmelding, overgang: str, door, wat: str) -> None:
    meta = getattr(type(aanmelding), overgang)._django_fsm
    if meta.has_transition(aanmelding.status) and not meta.has_transition_perm(
        aanmelding, aanmelding.status, door
    ):
        raise PermissionDenied(f"{wat}: dat hoort niet bij uw rol voor deze aanmelding.")
    redenen = weigerredenen(aanmelding, overgang)
    if redenen:
        raise ZorgplichtFout(f"{wat} kan niet: " + " ".join(redenen))
    getattr(aanmelding, overgang)()
    aanmelding.save()


def _lock(aanmelding: Aanmelding) -> Aanmelding:
    return (
        Aanmelding.objects.select_for_update(of=("self",))
        .select_related("school__bestuur", "school__regio", "leerling", "swv")
        .get(pk=aanmelding.pk)
    )


def _termijn(aanmelding: Aanmelding):
    """The Termijn record of this aanmelding in cases (deadline sweep and notifications to directeur
    and SC), or None for an aanmelding from before it existed. Its end is computed by the same
    engine from the same dates as zorgplicht/termijnen.py."""
    from django.contrib.contenttypes.models import ContentType

    from cases.termijnen.models.termijnen import OPEN_STATUSSEN, Termijn, TermijnSoort

    return (
        Termijn.objects.select_for_update()
        .filter(
            content_type=ContentType.objects.get_for_model(Aanmelding),
            object_id=aanmelding.pk,
            soort=TermijnSoort.ZORGPLICHT,
            status__in=OPEN_STATUSSEN,
        )
        .first()
    )


def _niet_in_toekomst(d: date, veld: str, label: str) -> None:
    if d > _vandaag():
        raise ZorgplichtFout({veld: f"De {label} ligt in de toekomst; vul de werkelijke datum in."})


def _ondertekenaar(door, school: School) -> str:
    from cases.models.rollen import RolSoort

    rol = next((r for r in scope_for(door).rollen if r.school_id == school.pk), None)
    functie = RolSoort(rol.soort).label if rol else "namens de school"
    return f"{door.get_full_name() or door.username}, {functie} {school.naam}"


def _brief(aanmelding: Aanmelding, *, soort: str, onderwerp: str, door, context: dict, bezwaar: bool = False):
    school = aanmelding.school
    basis = {
        "school_naam": school.naam,
        "school_adres": school.adres,
        "school_plaats": school.postcode_plaats,
        "aanmelding_op": aanmelding.aanmelding_op,
        "leerling_voornaam": aanmelding.leerling.voornaam,
    }
    try:
        return maak_brief(
            zaak=aanmelding,
            leerling=aanmelding.leerling,
            soort=soort,
            template=f"brieven/{soort}.html",
            onderwerp=onderwerp,
            context={**basis, **context},
            door=door,
            bezwaarclausule=bezwaar,
            ondertekenaar=_ondertekenaar(door, school),
        )
    except BriefFout as exc:
        raise ZorgplichtFout(str(exc)) from exc


# --- registering ----------------------------------------------------------------------------------


def mag_aanmelden(user, school: School) -> bool:
    """Directeur or IB'er of the school of aanmelding registers [002 bijlage 2.2.1 stap 1]."""
    scope = scope_for(user)
    return scope.alles or any(
        r.soort in ("directeur", "ib") and r.school_id == school.pk for r in scope.rollen
    )


def _maak_leerling(*, school: School, gegevens: dict, ouders: Iterable[dict]) -> Leerling:
    leerling = Leerling(swv_id=school.swv_id, **{k: gegevens[k] for k in LEERLING_VELDEN if k in gegevens})
    leerling.full_clean(exclude=["swv"])
    leerling.save()
    ouders = [o for o in ouders if o and o.get("naam")]
    if not ouders:
        raise ZorgplichtFout(
            "Leg ten minste één ouder/verzorger vast: de school houdt de ouders schriftelijk op de hoogte."
        )
    for gegevens_ouder in ouders:
        ouder = Ouder(leerling=leerling, **{k: v for k, v in gegevens_ouder.items() if k in OUDER_VELDEN})
        ouder.full_clean()
        ouder.save()
    return leerling


@transaction.atomic
def registreer_aanmelding(
    *,
    door,
    school: School,
    aanmelding_op: date,
    extra_ondersteuning_vermoed: bool,
    leerling: Leerling | None = None,
    nieuwe_leerling: dict | None = None,
    ouders: Iterable[dict] = (),
    ondersteuningsbehoeften: Iterable[str] = (),
    andere_scholen: str = "",
    toelichting: str = "",
    zij_instroom: bool = False,
    request=None,
) -> Aanmelding:
    """Register a written aanmelding; the ontvangstbevestiging with the term goes to the ouders."""
    if not mag_aanmelden(door, school):
        raise PermissionDenied(
            "Alleen de directeur of intern begeleider van de school van aanmelding kan aanmelden."
        )
    _niet_in_toekomst(aanmelding_op, "aanmelding_op", "datum van de aanmelding")
    if not extra_ondersteuning_vermoed:
        raise ZorgplichtFout(
            {
                "extra_ondersteuning_vermoed": "Zorgplicht geldt alleen als de leerling (vermoedelijk) extra "
                "ondersteuning nodig heeft [002 bijlage 2.2.1 stap 2]. Zonder dat vermoeden volgt de school haar "  # noqa: E501
                "gewone toelatingsprocedure."
            }
        )
    onbekend = set(ondersteuningsbehoeften) - set(OndersteuningSoort.values)
    if onbekend:
        raise ZorgplichtFout({"ondersteuningsbehoeften": "Onbekende soort ondersteuning gekozen."})
    if (leerling is None) == (nieuwe_leerling is None):
        raise ZorgplichtFout(
            "Kies een bestaande leerling (zij-instroom) óf vul de gegevens van een nieuwe leerling in."
        )
    bsn = (nieuwe_leerling or {}).get("bsn", "")
    if bsn:
        # A pupil already known in the SWV (e.g. at another school, invisible to this school) is
        # found by BSN and date of birth together; nothing about that pupil is shown on a mismatch.
        bekend = Leerling.objects.filter(swv_id=school.swv_id, bsn=bsn).first()
        if bekend is not None:
            if bekend.geboortedatum != nieuwe_leerling.get("geboortedatum"):
                raise ZorgplichtFout(
                    {
                        "bsn": "Dit BSN of onderwijsnummer hoort in dit samenwerkingsverband bij een leerling met een "  # noqa: E501
                        "andere geboortedatum. Controleer beide gegevens."
                    }
                )
            leerling, nieuwe_leerling = bekend, None
            ouders = [o for o in ouders if o and o.get("naam")] if not bekend.ouders.exists() else []
    if leerling is not None:
        leerling = Leerling.objects.select_for_update().get(pk=leerling.pk)
        if leerling.swv_id != school.swv_id:
            raise ZorgplichtFout("Deze leerling hoort bij een ander samenwerkingsverband.")
        if leerling.huidige_school_id == school.pk:
            raise ZorgplichtFout(
                "Deze leerling staat al ingeschreven op deze school; dat is geen nieuwe aanmelding."
            )
        if leerling.huidige_school_id is not None:
            zij_instroom = True
        if Aanmelding.objects.filter(leerling=leerling, school=school).lopend().exists():
            raise ZorgplichtFout("Voor deze leerling loopt al een aanmelding bij deze school.")
        for gegevens_ouder in ouders:  # a known pupil without ouders on file gets the ones given now
            ouder = Ouder(leerling=leerling, **{k: v for k, v in gegevens_ouder.items() if k in OUDER_VELDEN})
            ouder.full_clean()
            ouder.save()
    geboortedatum = leerling.geboortedatum if leerling else nieuwe_leerling.get("geboortedatum")
    if geboortedatum is None:
        raise ZorgplichtFout({"geboortedatum": "Vul de geboortedatum in."})
    leeftijd = (
        aanmelding_op.year
        - geboortedatum.year
        - ((aanmelding_op.month, aanmelding_op.day) < (geboortedatum.month, geboortedatum.day))
    )
    if leeftijd < 3:
        raise ZorgplichtFout(
            {
                "aanmelding_op": "Aanmelden kan vanaf de leeftijd van 3 jaar; een jonger kind kan op de wachtlijst, "  # noqa: E501
                "maar de zorgplicht begint pas met een aanmelding vanaf 3 jaar [002 bijlage 2.2.1 stap 1]."
            }
        )
    if leerling is None:
        leerling = _maak_leerling(school=school, gegevens=nieuwe_leerling, ouders=ouders)
        log(
            actie=AuditActie.AANGEMAAKT,
            request=request,
            user=door,
            obj=leerling,
            leerling=leerling,
            omschrijving="leerling aangemaakt bij zorgplichtaanmelding",
        )
    aanmelding = Aanmelding.objects.create(
        swv_id=school.swv_id,
        school=school,
        leerling=leerling,
        aanmelding_op=aanmelding_op,
        zij_instroom=zij_instroom,
        extra_ondersteuning_vermoed=True,
        ondersteuningsbehoeften=sorted(set(ondersteuningsbehoeften)),
        andere_scholen=andere_scholen,
        toelichting=toelichting,
        aangemaakt_door=door,
    )
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=door,
        obj=aanmelding,
        leerling=leerling,
        omschrijving="zorgplichtaanmelding geregistreerd",
    )
    from cases.termijnen.models.termijnen import TermijnSoort

    termijn_service.start_termijn(
        soort=TermijnSoort.ZORGPLICHT,
        start=aanmelding_op,
        zaak=aanmelding,
        door=door,
        request=request,
        omschrijving=f"Zorgplicht {school.naam}",
    )
    zes = termijnen.zes_weken(aanmelding, _vandaag())
    _brief(
        aanmelding,
        soort="zorgplicht_ontvangstbevestiging",
        onderwerp="Ontvangstbevestiging aanmelding",
        door=door,
        context={
            "zes_weken_einde": zes.einde,
            "tien_weken_einde": termijnen.tien_weken(aanmelding, _vandaag()).einde,
            "uitleg": list(zes.uitleg[1:]),  # without the Grondslag line: ouders get it in words
        },
    )
    return aanmelding


# --- the onderzoek --------------------------------------------------------------------------------


@transaction.atomic
def start_onderzoek(*, aanmelding: Aanmelding, door, request=None) -> Aanmelding:
    aanmelding = _lock(aanmelding)
    _overgang(aanmelding, "start_onderzoek", door, "Het onderzoek starten")
    Aanmelding.objects.filter(pk=aanmelding.pk).update(onderzoek_gestart_op=_vandaag())
    log(
        actie=AuditActie.OVERGANG,
        request=request,
        user=door,
        obj=aanmelding,
        leerling=aanmelding.leerling,
        omschrijving="onderzoek gestart",
    )
    return aanmelding


@transaction.atomic
def vraag_informatie(
    *,
    aanmelding: Aanmelding,
    door,
    gevraagd_op: date,
    gevraagd_bij: str,
    omschrijving: str,
    toestemming_ouders_op: date | None,
    antwoord_uiterlijk: date | None = None,
    request=None,
) -> InformatieVerzoek:
    """Extra information with the ouders' consent; the days until it arrives extend the term
    [002 bijlage 2.2.1 stap 4]."""
    aanmelding = _lock(aanmelding)
    _niet_in_toekomst(gevraagd_op, "gevraagd_op", "datum van het verzoek")
    if gevraagd_op < aanmelding.aanmelding_op:
        raise ZorgplichtFout({"gevraagd_op": "Het verzoek ligt vóór de aanmelding."})
    if toestemming_ouders_op is None:
        raise ZorgplichtFout(
            {
                "toestemming_ouders_op": "Voor extra informatie of onderzoek is vooraf toestemming van de ouders nodig "  # noqa: E501
                "[002 bijlage 2.2.1 stap 4]; leg vast wanneer zij die gaven."
            }
        )
    if toestemming_ouders_op > gevraagd_op:
        raise ZorgplichtFout(
            {
                "toestemming_ouders_op": "De ouders gaven toestemming ná het verzoek; vraag informatie pas na hun "  # noqa: E501
                "toestemming [002 bijlage 2.2.1 stap 4]."
            }
        )
    if antwoord_uiterlijk is None:
        raise ZorgplichtFout(
            {
                "antwoord_uiterlijk": "Geef aan tot wanneer de informatie kan worden aangeleverd: alleen een verzoek met "  # noqa: E501
                "een antwoordtermijn schort de termijn op (art. 4:15 Awb)."
            }
        )
    if antwoord_uiterlijk < gevraagd_op:
        raise ZorgplichtFout({"antwoord_uiterlijk": "De antwoordtermijn eindigt vóór het verzoek."})
    einde = termijnen.stand(aanmelding, gevraagd_op).einde
    if gevraagd_op > einde:
        raise ZorgplichtFout(
            {
                "gevraagd_op": f"De termijn eindigde op {formatteer_datum(einde)}; een later verzoek schort niets meer op."  # noqa: E501
            }
        )
    _overgang(aanmelding, "vraag_informatie", door, "Informatie opvragen")
    verzoek = InformatieVerzoek.objects.create(
        aanmelding=aanmelding,
        gevraagd_op=gevraagd_op,
        gevraagd_bij=gevraagd_bij,
        omschrijving=omschrijving,
        toestemming_ouders_op=toestemming_ouders_op,
        antwoord_uiterlijk=antwoord_uiterlijk,
        aangemaakt_door=door,
    )
    log(
        actie=AuditActie.OVERGANG,
        request=request,
        user=door,
        obj=aanmelding,
        leerling=aanmelding.leerling,
        omschrijving="extra informatie opgevraagd; termijn opgeschort",
    )
    termijn = _termijn(aanmelding)
    if termijn is not None:
        termijn_service.schort_op(
            termijn=termijn,
            verzoek=gevraagd_op,
            uiterlijk=antwoord_uiterlijk,
            omschrijving=f"informatie gevraagd bij {gevraagd_bij}",
            door=door,
            request=request,
        )
    return verzoek


@transaction.atomic
def registreer_informatie_ontvangen(
    *, aanmelding: Aanmelding, door, ontvangen_op: date, niet_ontvangen: bool = False, request=None
) -> InformatieVerzoek:
    aanmelding = _lock(aanmelding)
    verzoek = (
        InformatieVerzoek.objects.select_for_update()
        .filter(aanmelding=aanmelding, ontvangen_op__isnull=True)
        .first()
    )
    if verzoek is None:
        raise ZorgplichtFout("Er staat geen informatieverzoek open.")
    _niet_in_toekomst(ontvangen_op, "ontvangen_op", "datum van ontvangst")
    if ontvangen_op < verzoek.gevraagd_op:
        raise ZorgplichtFout({"ontvangen_op": "De ontvangst ligt vóór het verzoek."})
    if not mag_volgen(aanmelding, door):
        raise PermissionDenied("De ontvangst registreren: dat hoort niet bij uw rol voor deze aanmelding.")
    verzoek.ontvangen_op = ontvangen_op
    verzoek.niet_ontvangen = niet_ontvangen
    verzoek.save(update_fields=["ontvangen_op", "niet_ontvangen"])
    aanmelding = _lock(aanmelding)  # forget the prefetched open request
    _overgang(aanmelding, "informatie_ontvangen", door, "De ontvangst registreren")
    log(
        actie=AuditActie.OVERGANG,
        request=request,
        user=door,
        obj=aanmelding,
        leerling=aanmelding.leerling,
        omschrijving="informatie niet gekomen" if niet_ontvangen else "informatie ontvangen",
    )
    termijn = _termijn(aanmelding)
    if termijn is not None:
        from cases.termijnen.models.termijnen import Opschorting

        opschorting = Opschorting.objects.filter(
            termijn=termijn, verzoek=verzoek.gevraagd_op, ontvangst__isnull=True
        ).first()
        if opschorting is not None:
            termijn_service.hervat(
                opschorting=opschorting, ontvangst=ontvangen_op, door=door, request=request
            )
    return verzoek


@transaction.atomic
def verleng(*, aanmelding: Aanmelding, door, reden: str, op: date | None = None, request=None) -> Aanmelding:
    """Extend once by four weeks (D + 70 days), with the reason in writing to the ouders before the
    six weeks end [002 bijlage 2.2.1 stap 5; domain §11]. `op` is the day the letter is sent
    (today; only the demo passes a date from its scenario)."""
    aanmelding = _lock(aanmelding)
    op = op or _vandaag()
    _niet_in_toekomst(op, "op", "verzenddatum")
    zes_einde = termijnen.zes_weken(aanmelding, op).einde
    aanmelding.voorstel_verlenging(op=op, reden=reden)
    _overgang(aanmelding, "verleng", door, "Verlengen")
    termijn = _termijn(aanmelding)
    if termijn is not None:
        termijn_service.verleng(termijn=termijn, weken=4, op=op, reden=reden, door=door, request=request)
    tien = termijnen.tien_weken(aanmelding, op)
    log(
        actie=AuditActie.OVERGANG,
        request=request,
        user=door,
        obj=aanmelding,
        leerling=aanmelding.leerling,
        omschrijving="zorgplichttermijn verlengd met 4 weken",
    )
    _brief(
        aanmelding,
        soort="zorgplicht_verlenging",
        onderwerp="Verlenging van de onderzoekstermijn",
        door=door,
        context={
            "reden": reden,
            "zes_weken_einde": zes_einde,
            "nieuw_einde": tien.einde,
            "uitleg": list(tien.uitleg[1:]),
            "verzonden_op": op,
        },
    )
    return aanmelding


# --- decision and closing -------------------------------------------------------------------------


@transaction.atomic
def neem_besluit(
    *,
    aanmelding: Aanmelding,
    door,
    uitkomst: int,
    toelichting: str,
    arrangement: str = "",
    sc: Gebruiker | None = None,
    tlv_soort: str = "",
    tlv_school_soort: str = "",
    op: date | None = None,
    request=None,
):
    """Record one of the outcomes 6–9 and send the besluit to the ouders [002 bijlage 2.2.1 stap 6–9]."""
    aanmelding = _lock(aanmelding)
    op = op or _vandaag()
    _niet_in_toekomst(op, "op", "datum van het besluit")
    if sc is not None and not is_sc_van_regio(aanmelding, sc):
        raise ZorgplichtFout({"sc": "Kies de steunpuntcoördinator van de regio van de school."})
    aanmelding.uitkomst = uitkomst
    aanmelding.besluit_toelichting = toelichting
    aanmelding.besluit_op = op
    if uitkomst == Uitkomst.GEPLAATST_EXTRA:
        aanmelding.arrangement, aanmelding.sc_akkoord = arrangement, sc
    if uitkomst == Uitkomst.TLV:
        aanmelding.tlv_soort, aanmelding.tlv_school_soort = tlv_soort, tlv_school_soort
    if uitkomst == Uitkomst.ANDERE_SCHOOL:
        gekozen = aanmelding.baobao_voorstellen.filter(gekozen_op__isnull=False).first()
        aanmelding.gekozen_school_id = gekozen.school_id if gekozen else None
    stand = termijnen.stand(aanmelding, op)
    _overgang(aanmelding, "besluit", door, "Het besluit vastleggen")
    termijn = _termijn(aanmelding)
    if termijn is not None:
        termijn_service.voldaan(
            termijn=termijn, op=op, reden=f"besluit: uitkomst {uitkomst}", door=door, request=request
        )
    log(
        actie=AuditActie.OVERGANG,
        request=request,
        user=door,
        obj=aanmelding,
        leerling=aanmelding.leerling,
        omschrijving=f"besluit zorgplicht: uitkomst {uitkomst}",
    )
    tlv_id = _start_tlv(aanmelding, door, request) if uitkomst == Uitkomst.TLV else None
    if tlv_id:
        Aanmelding.objects.filter(pk=aanmelding.pk).update(tlv_aanvraag_id=tlv_id)
        aanmelding.tlv_aanvraag_id = tlv_id
    bestuur = aanmelding.school.bestuur
    _brief(
        aanmelding,
        soort="zorgplicht_besluit",
        onderwerp="Besluit over de aanmelding",
        door=door,
        bezwaar=bestuur.is_openbaar,
        context={
            "uitkomst": uitkomst,
            "uitkomst_tekst": Uitkomst(uitkomst).label,
            "toelichting": toelichting,
            "arrangement": aanmelding.arrangement,
            "sc_naam": sc.get_full_name() if sc else "",
            "gekozen_school": aanmelding.gekozen_school.naam if aanmelding.gekozen_school_id else "",
            "tlv_soort": aanmelding.get_tlv_soort_display() if aanmelding.tlv_soort else "",
            "tlv_school_soort": aanmelding.tlv_school_soort,
            "besluit_op": op,
            "binnen_termijn": op <= stand.einde,
            "termijn_einde": stand.einde,
            "openbaar": bestuur.is_openbaar,
            "bestuur_naam": bestuur.naam,
            "bezwaar_termijn_einde": bezwaartermijn_einde(op),
            "bezwaar_aan": f"het bestuur van {bestuur.naam}",
            "bezwaar_adres": ", ".join(
                p for p in (aanmelding.school.adres, aanmelding.school.postcode_plaats) if p
            ),
        },
    )
    return aanmelding


def _start_tlv(aanmelding: Aanmelding, door, request=None) -> int | None:
    """Outcome 9 starts a concept TLV-aanvraag through the tlv app's public service: at onderinstroom
    the school of aanmelding applies, at zij-instroom the referring school [002 bijlage 2.2.1 stap 9;
    bijlage 3.11.1]. When the user has no role at the referring school, that school starts it."""
    from tlv.services import maak_aanvraag

    if aanmelding.tlv_soort == TLVSoort.ONDERINSTROOM:
        school = aanmelding.school
    else:
        school = aanmelding.leerling.huidige_school
    if school is None or not mag_aanmelden(door, school):
        return None
    aanvraag = maak_aanvraag(
        door=door,
        leerling=aanmelding.leerling,
        school=school,
        request=request,
        soort=aanmelding.tlv_soort,
        gevraagde_schoolsoort=aanmelding.tlv_school_soort,
        onderwijsbehoeften=", ".join(OndersteuningSoort(b).label for b in aanmelding.ondersteuningsbehoeften),
        waarom_niet_regulier=aanmelding.besluit_toelichting,
    )
    return aanvraag.pk


@transaction.atomic
def sluit_af(
    *,
    aanmelding: Aanmelding,
    door,
    ingeschreven_op: date | None = None,
    groep: int | None = None,
    request=None,
) -> Aanmelding:
    """Close after the placement: the leerling is enrolled at the school of the decision (6, 7: the
    school of aanmelding; 8: the school the ouders chose — only then does the zorgplicht pass)
    [002 bijlage 2.2.1 stap 8]; for 9 once the TLV-aanvraag exists."""
    aanmelding = _lock(aanmelding)
    if aanmelding.status != Status.BESLUIT:
        raise ZorgplichtFout(
            f"Afsluiten kan niet nu de aanmelding de status '{aanmelding.get_status_display()}' heeft."
        )
    if not mag_beslissen(aanmelding, door):
        raise PermissionDenied("Afsluiten: dat hoort niet bij uw rol voor deze aanmelding.")
    if aanmelding.uitkomst != Uitkomst.TLV:
        if ingeschreven_op is None:
            raise ZorgplichtFout({"ingeschreven_op": "Vul de datum van inschrijving in."})
        _niet_in_toekomst(ingeschreven_op, "ingeschreven_op", "datum van inschrijving")
        if ingeschreven_op < aanmelding.aanmelding_op:
            raise ZorgplichtFout({"ingeschreven_op": "De inschrijving ligt vóór de aanmelding."})
        school = (
            aanmelding.gekozen_school if aanmelding.uitkomst == Uitkomst.ANDERE_SCHOOL else aanmelding.school
        )
        schrijf_in(leerling=aanmelding.leerling, school=school, groep=groep, van=ingeschreven_op)
        aanmelding.ingeschreven_school = school
        aanmelding.leerling.refresh_from_db()
    aanmelding.afgesloten_op = ingeschreven_op or _vandaag()
    _overgang(aanmelding, "sluit_af", door, "Afsluiten")
    log(
        actie=AuditActie.OVERGANG,
        request=request,
        user=door,
        obj=aanmelding,
        leerling=aanmelding.leerling,
        omschrijving="zorgplichtaanmelding afgesloten",
    )
    return aanmelding


@transaction.atomic
def zorgplicht_geldt_niet(
    *,
    aanmelding: Aanmelding,
    door,
    reden: str,
    onderbouwing: str,
    capaciteit: int | None = None,
    aantal_ingeschreven: int | None = None,
    vol_voor_iedereen: bool = False,
    cluster_instelling: str = "",
    geadviseerd_niveau: str = "",
    request=None,
) -> Aanmelding:
    """Record why the zorgplicht does not apply, with its evidence [002 bijlage 2.2.1 stap 2]."""
    aanmelding = _lock(aanmelding)
    aanmelding.niet_van_toepassing_reden = reden
    aanmelding.niet_van_toepassing_onderbouwing = onderbouwing
    aanmelding.capaciteit = capaciteit
    aanmelding.aantal_ingeschreven = aantal_ingeschreven
    aanmelding.vol_voor_iedereen = vol_voor_iedereen
    aanmelding.cluster_instelling = cluster_instelling
    aanmelding.geadviseerd_niveau = geadviseerd_niveau
    _overgang(aanmelding, "zorgplicht_geldt_niet", door, "Vastleggen dat de zorgplicht niet geldt")
    termijn = _termijn(aanmelding)
    if termijn is not None:
        termijn_service.stop(
            termijn=termijn,
            op=max(_vandaag(), aanmelding.aanmelding_op),
            reden=f"zorgplicht geldt niet: {NietVanToepassing(reden).label}",
            door=door,
            request=request,
        )
    log(
        actie=AuditActie.OVERGANG,
        request=request,
        user=door,
        obj=aanmelding,
        leerling=aanmelding.leerling,
        omschrijving=f"zorgplicht niet van toepassing: {NietVanToepassing(reden).label}",
    )
    bestuur = aanmelding.school.bestuur
    vandaag = _vandaag()
    _brief(
        aanmelding,
        soort="zorgplicht_niet_van_toepassing",
        onderwerp="Uw aanmelding: geen zorgplicht",
        door=door,
        bezwaar=bestuur.is_openbaar,
        context={
            "reden": reden,
            "reden_tekst": NietVanToepassing(reden).label,
            "onderbouwing": onderbouwing,
            "capaciteit": capaciteit,
            "aantal_ingeschreven": aantal_ingeschreven,
            "cluster_instelling": cluster_instelling,
            "geadviseerd_niveau": geadviseerd_niveau,
            "openbaar": bestuur.is_openbaar,
            "bestuur_naam": bestuur.naam,
            "bezwaar_termijn_einde": bezwaartermijn_einde(vandaag),
            "bezwaar_aan": f"het bestuur van {bestuur.naam}",
            "bezwaar_adres": ", ".join(
                p for p in (aanmelding.school.adres, aanmelding.school.postcode_plaats) if p
            ),
        },
    )
    return aanmelding


# --- bao-bao ----------------------------------------------------------------------------------------


def mag_baobao(aanmelding: Aanmelding, user) -> bool:
    """The SC of the regio, or the directeur of the school of aanmelding, searches another school
    [002 bijlage 2.2.1 stap 8]."""
    return is_sc_van_regio(aanmelding, user) or mag_beslissen(aanmelding, user)


def mag_antwoorden(voorstel: BaoBaoVoorstel, user) -> bool:
    """The proposed school itself (directeur, IB'er) answers, or the SC / the school of aanmelding
    records it [002 bijlage 2.2.1 stap 8: 'De nieuwe school mag dezelfde procedure doorlopen']."""
    return mag_baobao(voorstel.aanmelding, user) or mag_aanmelden(user, voorstel.school)


def _eis_baobao(aanmelding: Aanmelding, user) -> None:
    if not mag_baobao(aanmelding, user):
        raise PermissionDenied(
            "Alleen de steunpuntcoördinator of de directeur van de school van aanmelding doet dit."
        )


@transaction.atomic
def stel_school_voor(
    *, aanmelding: Aanmelding, door, school: School, motivering: str = "", request=None
) -> BaoBaoVoorstel:
    aanmelding = _lock(aanmelding)
    _eis_baobao(aanmelding, door)
    if not aanmelding.is_lopend:
        raise ZorgplichtFout("Een andere school voorstellen kan alleen tijdens de onderzoeksperiode.")
    if school.pk == aanmelding.school_id:
        raise ZorgplichtFout({"school": "Dat is de school van aanmelding zelf."})
    if school.swv_id != aanmelding.swv_id or school.soort != SchoolSoort.BAO:
        raise ZorgplichtFout({"school": "Kies een reguliere basisschool in dit samenwerkingsverband."})
    if school.regio_id != aanmelding.school.regio_id and school.bestuur_id != aanmelding.school.bestuur_id:
        raise ZorgplichtFout(
            {
                "school": "Zoek binnen het bestuur of de regio van de school van aanmelding [002 bijlage 2.2.1 stap 8]."  # noqa: E501
            }
        )
    if aanmelding.baobao_voorstellen.filter(school=school).exists():
        raise ZorgplichtFout({"school": "Deze school is al voorgesteld."})
    voorstel = BaoBaoVoorstel.objects.create(
        aanmelding=aanmelding,
        school=school,
        voorgesteld_op=_vandaag(),
        voorgesteld_door=door,
        motivering=motivering,
    )
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=door,
        obj=voorstel,
        leerling=aanmelding.leerling,
        omschrijving="bao-bao: school voorgesteld",
    )
    return voorstel


@transaction.atomic
def registreer_antwoord(
    *,
    voorstel: BaoBaoVoorstel,
    door,
    antwoord: str,
    toelichting: str = "",
    op: date | None = None,
    request=None,
) -> BaoBaoVoorstel:
    """The proposed school's answer. It may investigate only within the first school's term; then
    the zorgplicht is shared [002 bijlage 2.2.1 stap 8]."""
    aanmelding = _lock(voorstel.aanmelding)
    voorstel = BaoBaoVoorstel.objects.select_for_update().get(pk=voorstel.pk)
    if not mag_antwoorden(voorstel, door):
        raise PermissionDenied(
            "Het antwoord legt de gevraagde school zelf vast, of de steunpuntcoördinator of de directeur van de "  # noqa: E501
            "school van aanmelding."
        )
    op = op or _vandaag()
    _niet_in_toekomst(op, "op", "datum van het antwoord")
    if antwoord not in Antwoord.values or antwoord == Antwoord.GEVRAAGD:
        raise ZorgplichtFout({"antwoord": "Kies het antwoord van de school."})
    if not aanmelding.is_lopend:
        raise ZorgplichtFout("De onderzoeksperiode is voorbij; het antwoord kan niet meer worden vastgelegd.")
    einde = termijnen.stand(aanmelding, op).einde
    if op > einde:
        raise ZorgplichtFout(
            {
                "op": f"De andere school moet binnen de onderzoekstermijn van de eerste school antwoorden "
                f"(tot en met {einde:%d-%m-%Y}) [002 bijlage 2.2.1 stap 8]."
            }
        )
    voorstel.antwoord, voorstel.antwoord_op, voorstel.antwoord_toelichting = antwoord, op, toelichting
    if antwoord != Antwoord.KAN_PLAATSEN:
        voorstel.gekozen_op = None
    voorstel.save()
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=voorstel,
        leerling=aanmelding.leerling,
        omschrijving=f"bao-bao: antwoord {voorstel.get_antwoord_display()}",
    )
    return voorstel


@transaction.atomic
def registreer_keuze_ouders(
    *, voorstel: BaoBaoVoorstel, door, op: date | None = None, request=None
) -> BaoBaoVoorstel:
    """If several schools fit, the ouders choose [002 bijlage 2.2.1 stap 8]."""
    aanmelding = _lock(voorstel.aanmelding)
    voorstel = BaoBaoVoorstel.objects.select_for_update().get(pk=voorstel.pk)
    _eis_baobao(aanmelding, door)
    if not aanmelding.is_lopend:
        raise ZorgplichtFout(
            "De keuze van de ouders kan alleen tijdens de onderzoeksperiode worden vastgelegd."
        )
    if voorstel.antwoord != Antwoord.KAN_PLAATSEN:
        raise ZorgplichtFout(
            "De ouders kunnen alleen kiezen voor een school die heeft laten weten te kunnen plaatsen."
        )
    aanmelding.baobao_voorstellen.exclude(pk=voorstel.pk).update(gekozen_op=None)
    voorstel.gekozen_op = op or _vandaag()
    voorstel.save(update_fields=["gekozen_op"])
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=voorstel,
        leerling=aanmelding.leerling,
        omschrijving="bao-bao: keuze van de ouders vastgelegd",
    )
    return voorstel


# --- schoolondersteuningsprofiel ----------------------------------------------------------------


def mag_sop_bewerken(user, school: School) -> bool:
    """The school's directeur/IB'er, or the SC of its regio, keep the key offers of its SOP."""
    scope = scope_for(user)
    return scope.alles or any(
        (r.soort in ("directeur", "ib") and r.school_id == school.pk)
        or (r.soort == "sc" and r.regio_id == school.regio_id)
        for r in scope.rollen
    )


@transaction.atomic
def bewaar_sop(*, school: School, door, aanbod: dict[str, str], request=None) -> list[SopAanbod]:
    """Replace the key support offers of a school's SOP: {soort: toelichting}."""
    if not mag_sop_bewerken(door, school):
        raise PermissionDenied(
            "Alleen de school zelf of de steunpuntcoördinator van de regio houdt het SOP bij."
        )
    onbekend = set(aanbod) - set(OndersteuningSoort.values)
    if onbekend:
        raise ZorgplichtFout("Onbekende soort ondersteuning gekozen.")
    School.objects.select_for_update().get(pk=school.pk)
    SopAanbod.objects.filter(school=school).exclude(soort__in=list(aanbod)).delete()
    rijen = []
    for soort, toelichting in aanbod.items():
        rij, _ = SopAanbod.objects.update_or_create(
            school=school, soort=soort, defaults={"toelichting": toelichting}
        )
        rijen.append(rij)
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=school,
        omschrijving="SOP-aanbod bijgewerkt",
    )
    return rijen
