"""The bezwaar phase of a verwijdering [004 L640-652, L726-811; Awb 6:11, 7:2, 7:3, 7:10, 7:11; WPO
art. 63; issue 16.12]: the bezwaar registered (a late one checked: verschoonbaar or not), the ouders
heard with a hoorverslag that ouders and directie sign 'voor gezien', the decision within four weeks
(once deferrable, announced to the ouders) in a letter that names the next legal route."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cases.models.audit import AuditActie
from cases.services.audit import log
from cases.services.brieven import maak_brief
from cases.termijnen import bezwaartermijn_einde
from cases.termijnen.models.termijnen import OPEN_STATUSSEN
from cases.termijnen.selectors import termijnen_van
from cases.termijnen.services import start_termijn, verleng, voldaan
from verzuim.models import Verwijdering
from verzuim.models.maatregelen import AfzienVanHoren, BezwaarUitkomst, VerwijderingStatus
from verzuim.services import weiger
from verzuim.services.maatregelen import _ondertekenaar
from verzuim.termijnen import BESLISTERMIJN_BEZWAAR_VERWIJDERING


def _verwijdering(verwijdering, door) -> Verwijdering:
    from verzuim.services.verwijdering import _verwijdering as vergrendeld

    return vergrendeld(verwijdering, door)


def _fd(d: date) -> str:
    return f"{d:%d-%m-%Y}"


def open_beslistermijn(v: Verwijdering):
    return (
        termijnen_van(v)
        .filter(soort=BESLISTERMIJN_BEZWAAR_VERWIJDERING, status__in=OPEN_STATUSSEN)
        .order_by("-pk")
        .first()
    )


@transaction.atomic
def registreer_bezwaar(
    *,
    verwijdering: Verwijdering,
    ontvangen_op: date | None,
    verschoonbaar: bool | None = None,
    verschoonbaar_reden: str = "",
    door,
    request=None,
) -> Verwijdering:
    """Bezwaar within 6 weeks; a late one is checked: verschoonbaar (e.g. bijzondere persoonlijke
    omstandigheden) or not, then niet-ontvankelijk (Awb 6:11) [004 L776-781]. The bevoegd gezag
    hears the ouders and decides within 4 weeks (openbaar: after the bezwaartermijn; bijzonder, WPO
    art. 63: after receipt) [004 L642-646]."""
    v = _verwijdering(verwijdering, door)
    return leg_bezwaar_vast(
        v,
        ontvangen_op=ontvangen_op,
        verschoonbaar=verschoonbaar,
        verschoonbaar_reden=verschoonbaar_reden,
        door=door,
        request=request,
    )


def leg_bezwaar_vast(
    v: Verwijdering,
    *,
    ontvangen_op: date | None,
    verschoonbaar: bool | None,
    verschoonbaar_reden: str,
    door,
    request=None,
    via_portaal: bool = False,
    toelichting_te_laat: str = "",
) -> Verwijdering:
    """The registration itself, on a verwijdering its caller locked and checked `door` for (the
    directeur: registreer_bezwaar; an ouder with gezag: bezwaar_portaal.registreer_bezwaar_van_ouder).
    Via the portal a late bezwaar is registered with the ouder's reason and verschoonbaar None: the
    directeur judges it afterwards (beoordeel_termijnoverschrijding) [issue 17; 004 L776-781]."""
    if v.besluit_verzonden_op is None:
        raise weiger("Bezwaar kan pas worden gemaakt tegen een genomen besluit.")
    if ontvangen_op is None:
        raise ValidationError({"ontvangen_op": "Leg vast wanneer het bezwaarschrift is ontvangen."})
    if ontvangen_op < v.besluit_verzonden_op:
        raise ValidationError({"ontvangen_op": "Het bezwaar kan niet vóór het besluit zijn ontvangen."})
    if ontvangen_op > timezone.localdate():
        raise ValidationError({"ontvangen_op": "Deze datum ligt in de toekomst."})
    if v.bezwaar_ontvangen_op is not None:
        raise weiger(f"Het bezwaar is al geregistreerd (ontvangen op {_fd(v.bezwaar_ontvangen_op)}).")
    einde = v.bezwaar.einde
    te_laat = ontvangen_op > einde
    if te_laat and via_portaal:
        if not toelichting_te_laat.strip():
            raise ValidationError(
                {
                    "toelichting_te_laat": "De bezwaartermijn is voorbij. Schrijf op waarom uw bezwaar "
                    "later komt."
                }
            )
        verschoonbaar, verschoonbaar_reden = None, ""  # the directeur judges, not the ouder
    elif te_laat:
        if verschoonbaar is None:
            raise ValidationError(
                {
                    "verschoonbaar": "Het bezwaar is ontvangen na de bezwaartermijn "
                    f"(tot en met {_fd(einde)}). Beoordeel of de overschrijding verschoonbaar is, "
                    "bijvoorbeeld door bijzondere persoonlijke omstandigheden van de ouders "
                    "(Awb art. 6:11) [004 L776-781]."
                }
            )
        if not verschoonbaar_reden.strip():
            raise ValidationError(
                {"verschoonbaar_reden": "Motiveer waarom de overschrijding wel of niet verschoonbaar is."}
            )
    elif verschoonbaar is not None:
        verschoonbaar, verschoonbaar_reden = None, ""  # on time: nothing to excuse
    v.bezwaar_ontvangen_op = ontvangen_op
    v.bezwaar_verschoonbaar = verschoonbaar
    v.bezwaar_verschoonbaar_reden = verschoonbaar_reden.strip()
    v.bezwaar_ingediend_door = door if via_portaal else None
    v.bezwaar_toelichting_te_laat = toelichting_te_laat.strip() if te_laat else ""
    v.save(
        update_fields=[
            "bezwaar_ontvangen_op",
            "bezwaar_verschoonbaar",
            "bezwaar_verschoonbaar_reden",
            "bezwaar_ingediend_door",
            "bezwaar_toelichting_te_laat",
        ]
    )
    beslis = v.beslistermijn_bezwaar
    start_termijn(
        soort=BESLISTERMIJN_BEZWAAR_VERWIJDERING,
        start=beslis.start,
        zaak=v,
        swv=v.leerling.swv,
        school=v.school,
        leerling=v.leerling,
        basis=beslis.uitleg[0].removeprefix("Grondslag: ").rstrip("."),
        start_omschrijving="het einde van de bezwaartermijn"
        if v.school.bestuur.is_openbaar and not te_laat
        else "de ontvangst van het bezwaarschrift",
        door=door,
        request=request,
    )
    omschrijving = "bezwaar ontvangen" + (" via het ouderportaal" if via_portaal else "")
    if te_laat:
        omschrijving += " na de bezwaartermijn; " + (
            "nog te beoordelen"
            if verschoonbaar is None
            else "verschoonbaar"
            if verschoonbaar
            else "niet verschoonbaar"
        )
    log(
        request=request,
        user=door,
        actie=AuditActie.GEWIJZIGD,
        obj=v,
        leerling=v.leerling,
        omschrijving=omschrijving,
    )
    return v


def _vereis_open_bezwaar(v: Verwijdering) -> None:
    if v.bezwaar_ontvangen_op is None:
        raise weiger("Er is nog geen bezwaar geregistreerd.")
    if v.bezwaar_uitkomst:
        raise weiger(f"Op het bezwaar is al beslist ({_fd(v.bezwaar_beslist_op)}).")


@transaction.atomic
def hoor_op_bezwaar(
    *,
    verwijdering: Verwijdering,
    gehoord_op: date | None,
    hoorverslag: str,
    gezien_ouders_op: date | None = None,
    gezien_directie_op: date | None = None,
    door,
    request=None,
) -> Verwijdering:
    """The ouders are heard in person on the bezwaar; the verslag is handed to them and signed 'voor
    gezien' by ouders and directie [004 L726-729, L764-772]. The signatures may follow later."""
    v = _verwijdering(verwijdering, door)
    _vereis_open_bezwaar(v)
    vandaag = timezone.localdate()
    fouten = {}
    if gehoord_op is None:
        fouten["gehoord_op"] = "Leg vast wanneer de ouders op het bezwaar zijn gehoord."
    elif gehoord_op < v.bezwaar_ontvangen_op:
        fouten["gehoord_op"] = (
            f"Het horen op het bezwaar ligt niet vóór de ontvangst ervan ({_fd(v.bezwaar_ontvangen_op)})."
        )
    elif gehoord_op > vandaag:
        fouten["gehoord_op"] = (
            "Deze datum ligt in de toekomst; leg het horen vast als het heeft plaatsgevonden."
        )
    if not hoorverslag.strip():
        fouten["hoorverslag"] = "Leg het verslag van het horen vast."
    for veld, datum, wie in (
        ("gezien_ouders_op", gezien_ouders_op, "de ouders"),
        ("gezien_directie_op", gezien_directie_op, "de directie"),
    ):
        if datum is None or gehoord_op is None:
            continue
        if datum < gehoord_op:
            fouten[veld] = (
                f"{wie.capitalize()} kunnen het verslag niet vóór het horen ({_fd(gehoord_op)}) tekenen."
            )
        elif datum > vandaag:
            fouten[veld] = "Deze datum ligt in de toekomst."
    if fouten:
        raise ValidationError(fouten)
    v.bezwaar_gehoord_op = gehoord_op
    v.bezwaar_hoorverslag = hoorverslag.strip()
    v.hoorverslag_gezien_ouders_op = gezien_ouders_op
    v.hoorverslag_gezien_directie_op = gezien_directie_op
    v.afzien_horen, v.afzien_horen_toelichting = "", ""
    v.save()
    log(
        request=request,
        user=door,
        actie=AuditActie.GEWIJZIGD,
        obj=v,
        leerling=v.leerling,
        omschrijving="ouders gehoord op het bezwaar"
        + ("; verslag voor gezien getekend" if v.hoorverslag_voor_gezien() else ""),
    )
    return v


@transaction.atomic
def zie_af_van_horen(
    *, verwijdering: Verwijdering, grond: str, toelichting: str, door, request=None
) -> Verwijdering:
    """Hearing may be skipped only on the grounds of Awb art. 7:3; the seed advises consulting the
    Besturenraad first [004 L769-772]."""
    v = _verwijdering(verwijdering, door)
    _vereis_open_bezwaar(v)
    fouten = {}
    if grond not in AfzienVanHoren.values:
        fouten["grond"] = "Kies de grond uit artikel 7:3 Awb waarop van horen wordt afgezien."
    if not toelichting.strip():
        fouten["toelichting"] = "Motiveer waarom van het horen wordt afgezien."
    if fouten:
        raise ValidationError(fouten)
    if grond == AfzienVanHoren.KENNELIJK_NIET_ONTVANKELIJK and not (
        v.bezwaar_te_laat and v.bezwaar_verschoonbaar is False
    ):
        raise ValidationError(
            {
                "grond": "Het bezwaar is op tijd of verschoonbaar te laat ingediend; het is dus "
                "niet kennelijk niet-ontvankelijk wegens de termijn. Hoor de ouders of kies een "
                "andere grond."
            }
        )
    v.afzien_horen, v.afzien_horen_toelichting = grond, toelichting.strip()
    v.save(update_fields=["afzien_horen", "afzien_horen_toelichting"])
    log(
        request=request,
        user=door,
        actie=AuditActie.GEWIJZIGD,
        obj=v,
        leerling=v.leerling,
        omschrijving=f"afgezien van horen op het bezwaar (Awb 7:3 {grond})",
    )
    return v


@transaction.atomic
def verdaag_beslissing(
    *,
    verwijdering: Verwijdering,
    weken: int | None,
    reden: str,
    door,
    request=None,
    vandaag: date | None = None,
) -> Verwijdering:
    """When four weeks are not enough the bestuur tells the ouders, before the term ends, within
    which term they can expect the decision [004 L788-793]; at most 6 weeks (Awb 7:10 lid 3)."""
    v = _verwijdering(verwijdering, door)
    _vereis_open_bezwaar(v)
    termijn = open_beslistermijn(v)
    if termijn is None:
        raise weiger("Er loopt geen beslistermijn op dit bezwaar.")
    if weken is None:
        raise ValidationError({"weken": "Geef op met hoeveel weken de beslissing wordt uitgesteld."})
    vandaag = vandaag or timezone.localdate()
    termijn = verleng(termijn=termijn, weken=weken, op=vandaag, reden=reden, door=door, request=request)
    maak_brief(
        zaak=v,
        leerling=v.leerling,
        soort="verwijdering_verdaging",
        template="brieven/verwijdering_verdaging.html",
        onderwerp="Uitstel van de beslissing op uw bezwaar",
        door=door,
        ondertekenaar=_ondertekenaar(door, v.school),
        context={
            "school": v.school.naam,
            "bestuur": v.school.bestuur.naam,
            "ontvangen_op": v.bezwaar_ontvangen_op,
            "reden": reden.strip(),
            "nieuwe_datum": termijn.einde,
        },
    )
    return v


NIET_ONTVANKELIJK_TE_LAAT = (
    "Het bezwaar is te laat ingediend en de overschrijding is niet verschoonbaar: het bezwaar is "
    "niet-ontvankelijk (Awb art. 6:11)."
)


@transaction.atomic
def beslis_op_bezwaar(
    *,
    verwijdering: Verwijdering,
    uitkomst: str,
    motivering: str,
    door,
    request=None,
    vandaag: date | None = None,
) -> Verwijdering:
    """The bevoegd gezag decides within four weeks of receipt, after hearing the ouders, with reasons
    [004 L642-646, L752-759]; the letter names the next legal route: the bestuursrechter (openbaar)
    or the civiele rechter (bijzonder). Gegrond revokes the verwijdering."""
    vandaag = vandaag or timezone.localdate()
    v = _verwijdering(verwijdering, door)
    _vereis_open_bezwaar(v)
    fouten = {}
    if uitkomst not in BezwaarUitkomst.values:
        fouten["uitkomst"] = "Kies de beslissing op het bezwaar."
    if not motivering.strip():
        fouten["motivering"] = "Een beslissing op bezwaar wordt met redenen omkleed [004 L752]."
    if fouten:
        raise ValidationError(fouten)
    if v.bezwaar_te_laat and v.bezwaar_verschoonbaar is None:
        raise weiger(
            "Het bezwaar kwam na de bezwaartermijn binnen. Beoordeel eerst of de overschrijding "
            "verschoonbaar is (Awb art. 6:11) [004 L776-781]."
        )
    niet_verschoonbaar = v.bezwaar_te_laat and v.bezwaar_verschoonbaar is False
    if niet_verschoonbaar and uitkomst != BezwaarUitkomst.NIET_ONTVANKELIJK:
        raise ValidationError({"uitkomst": NIET_ONTVANKELIJK_TE_LAAT})
    if not v.hoorplicht_bezwaar_vervuld():
        ontbreekt = []
        if not v.bezwaar_gehoord_op:
            ontbreekt.append("de ouders zijn nog niet op het bezwaar gehoord")
        else:
            if not v.hoorverslag_gezien_ouders_op:
                ontbreekt.append("de ouders hebben het hoorverslag nog niet voor gezien getekend")
            if not v.hoorverslag_gezien_directie_op:
                ontbreekt.append("de directie heeft het hoorverslag nog niet voor gezien getekend")
        raise weiger(
            "Er kan nog niet op het bezwaar worden beslist: "
            + "; ".join(ontbreekt)
            + " [004 L726-729, L764]. "
            "Van horen kan alleen worden afgezien op een grond uit artikel 7:3 Awb."
        )
    v.bezwaar_uitkomst = uitkomst
    v.bezwaar_beslist_op = vandaag
    v.bezwaar_motivering = motivering.strip()
    if uitkomst == BezwaarUitkomst.GEGROND:
        v.herroep()
    v.save()
    termijn = open_beslistermijn(v)
    op_tijd = termijn is None or vandaag <= termijn.einde
    if termijn is not None:
        voldaan(
            termijn=termijn, op=vandaag, reden="beslissing op bezwaar verzonden", door=door, request=request
        )
    school = v.school
    maak_brief(
        zaak=v,
        leerling=v.leerling,
        soort="verwijdering_beslissing_bezwaar",
        template="brieven/verwijdering_beslissing_bezwaar.html",
        onderwerp="Beslissing op uw bezwaar tegen de verwijdering",
        door=door,
        ondertekenaar=_ondertekenaar(door, school),
        context={
            "school": school.naam,
            "bestuur": school.bestuur.naam,
            "openbaar": school.bestuur.is_openbaar,
            "besluit_op": v.besluit_verzonden_op,
            "ontvangen_op": v.bezwaar_ontvangen_op,
            "te_laat": v.bezwaar_te_laat,
            "verschoonbaar": v.bezwaar_verschoonbaar,
            "verschoonbaar_reden": v.bezwaar_verschoonbaar_reden,
            "gehoord_op": v.bezwaar_gehoord_op,
            "afzien_horen": v.get_afzien_horen_display() if v.afzien_horen else "",
            "uitkomst": uitkomst,
            "uitkomst_label": BezwaarUitkomst(uitkomst).label,
            "motivering": v.bezwaar_motivering,
            "beroep_termijn_einde": bezwaartermijn_einde(vandaag),
        },
    )
    log(
        request=request,
        user=door,
        actie=AuditActie.OVERGANG,
        obj=v,
        leerling=v.leerling,
        omschrijving=f"beslissing op bezwaar: {BezwaarUitkomst(uitkomst).label}"
        + ("" if op_tijd else " (na de beslistermijn)"),
    )
    return v


__all__ = [
    "NIET_ONTVANKELIJK_TE_LAAT",
    "VerwijderingStatus",
    "beslis_op_bezwaar",
    "hoor_op_bezwaar",
    "registreer_bezwaar",
    "verdaag_beslissing",
    "zie_af_van_horen",
]
