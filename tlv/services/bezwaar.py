"""Bezwaar against a TLV decision [002 §1.12, bijlage 2.2.1; Awb 6:7, 6:8, 6:11, 7:10, 7:13]:
registered with its date of receipt, checked against the bezwaartermijn (with room for a
verschoonbare reason), confirmed within 5 werkdagen, put to the bemiddelingscommissie,
optionally to the landelijke commissie, and decided within the Awb 7:10 term."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from cases.models.audit import AuditActie
from cases.services.audit import log
from cases.services.brieven import maak_brief
from cases.termijnen import bezwaartermijn_einde
from cases.termijnen.models.termijnen import TermijnSoort
from cases.tweefactor import bevestig_handtekening
from cases.workflow import OvergangGeweigerd, vergrendel
from tlv import termijnregistratie
from tlv.models import Bezwaar, BezwaarUitkomst, Status, TLVAanvraag
from tlv.models.keuzes import BESLUITEN
from tlv.models.rechten import bestuurder, sll
from tlv.services.basis import stap


def _vergrendel_bezwaar(bezwaar: Bezwaar) -> tuple[Bezwaar, TLVAanvraag]:
    aanvraag = vergrendel(bezwaar.aanvraag)
    return vergrendel(bezwaar), aanvraag


@transaction.atomic
def registreer_bezwaar(
    *,
    aanvraag: TLVAanvraag,
    door,
    ontvangen_op: date,
    indiener: str,
    gronden: str = "",
    verschoonbaar: bool = False,
    verschoonbaar_reden: str = "",
    request=None,
) -> Bezwaar:
    aanvraag = vergrendel(aanvraag)
    _vereis_besluit(aanvraag)
    if not sll(aanvraag, door):
        raise PermissionDenied("De secretaresse leerlingenzaken registreert een bezwaar.")
    if verschoonbaar and not verschoonbaar_reden.strip():
        raise ValidationError(
            {"verschoonbaar_reden": "Geef de verschoonbare reden voor de te late indiening."}
        )
    return _registreer(
        Bezwaar(
            aanvraag=aanvraag,
            ontvangen_op=ontvangen_op,
            indiener=indiener,
            gronden=gronden,
            verschoonbaar=verschoonbaar,
            verschoonbaar_reden=verschoonbaar_reden,
            geregistreerd_door=door,
        ),
        door=door,
        request=request,
    )


@transaction.atomic
def registreer_bezwaar_van_ouder(
    *, aanvraag: TLVAanvraag, door, gronden: str, toelichting_te_laat: str = "", request=None
) -> Bezwaar:
    """[issue 17; 002 §1.12] A bezwaar an ouder submits in the ouderportaal, registered by the
    system on his behalf: received today, `door` is the ouder's account, which must hold an active
    koppeling to an Ouder record with gezag over this child (no staff role is assumed). A late
    bezwaar carries the ouder's reason as input; verschoonbaar stays unjudged (False) until the SLL
    or the directeur-bestuurder judges it (beoordeel_termijnoverschrijding, Awb 6:11)."""
    from cases.ouderportaal.selectors import ouders_van

    aanvraag = vergrendel(aanvraag)
    _vereis_besluit(aanvraag)
    if not ouders_van(door, aanvraag.leerling):
        raise PermissionDenied(
            "Alleen een ouder of verzorger met gezag over dit kind kan via het ouderportaal bezwaar maken."
        )
    if aanvraag.bezwaren.exists():
        raise OvergangGeweigerd(["Tegen dit besluit is al bezwaar gemaakt."])
    if not gronden.strip():
        raise ValidationError({"gronden": "Schrijf op waarom u het niet eens bent met het besluit."})
    vandaag = timezone.localdate()
    if vandaag > bezwaartermijn_einde(aanvraag.besluit_verzonden_op) and not toelichting_te_laat.strip():
        raise ValidationError(
            {"toelichting_te_laat": "De bezwaartermijn is voorbij. Schrijf op waarom uw bezwaar later komt."}
        )
    return _registreer(
        Bezwaar(
            aanvraag=aanvraag,
            ontvangen_op=vandaag,
            indiener="ouders",
            gronden=gronden.strip(),
            ingediend_via_portaal=True,
            toelichting_te_laat=toelichting_te_laat.strip(),
            geregistreerd_door=door,
        ),
        door=door,
        request=request,
    )


def _vereis_besluit(aanvraag: TLVAanvraag) -> None:
    if aanvraag.status not in BESLUITEN:
        raise OvergangGeweigerd(
            [f"Bezwaar kan alleen tegen een besluit; de aanvraag staat op '{Status(aanvraag.status).label}'."]
        )


def _registreer(bezwaar: Bezwaar, *, door, request) -> Bezwaar:
    aanvraag = bezwaar.aanvraag
    if bezwaar.ontvangen_op < aanvraag.besluit_verzonden_op:
        raise ValidationError(
            {"ontvangen_op": "Het bezwaar kan niet vóór de verzending van het besluit zijn ontvangen."}
        )
    if bezwaar.ontvangen_op > timezone.localdate():
        raise ValidationError({"ontvangen_op": "De ontvangstdatum kan niet in de toekomst liggen."})
    bezwaar.full_clean()
    bezwaar.save()
    omschrijving = "bezwaar ontvangen" + (" (na de bezwaartermijn)" if bezwaar.te_laat else "")
    if bezwaar.ingediend_via_portaal:
        omschrijving += " via het ouderportaal"
    stap(
        aanvraag,
        "bezwaar_in_behandeling",
        door=door,
        request=request,
        datum=bezwaar.ontvangen_op,
        omschrijving=omschrijving,
    )
    termijnregistratie.start_bezwaar(aanvraag, bezwaar, door=door, request=request)
    return bezwaar


@transaction.atomic
def beoordeel_termijnoverschrijding(
    *, bezwaar: Bezwaar, door, verschoonbaar: bool, reden: str, request=None
) -> Bezwaar:
    """Awb 6:11: a late bezwaar stays admissible when the delay is excusable (verschoonbaar)."""
    bezwaar, aanvraag = _vergrendel_bezwaar(bezwaar)
    if not (sll(aanvraag, door) or bestuurder(aanvraag, door)):
        raise PermissionDenied("Dit beoordeelt de secretaresse leerlingenzaken of de directeur-bestuurder.")
    if verschoonbaar and not reden.strip():
        raise ValidationError({"verschoonbaar_reden": "Geef de verschoonbare reden."})
    bezwaar.verschoonbaar, bezwaar.verschoonbaar_reden = verschoonbaar, reden
    bezwaar.save(update_fields=["verschoonbaar", "verschoonbaar_reden"])
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=aanvraag,
        leerling=aanvraag.leerling,
        omschrijving="termijnoverschrijding bezwaar beoordeeld",
    )
    return bezwaar


@transaction.atomic
def bevestig_ontvangst(*, bezwaar: Bezwaar, door, op: date | None = None, request=None) -> Bezwaar:
    """The SLL confirms receipt to ouders within 5 werkdagen [002 §1.12]."""
    bezwaar, aanvraag = _vergrendel_bezwaar(bezwaar)
    if not sll(aanvraag, door):
        raise PermissionDenied("De secretaresse leerlingenzaken bevestigt de ontvangst.")
    if bezwaar.bevestigd_op:
        raise ValidationError("De ontvangst is al bevestigd.")
    op = op or timezone.localdate()
    bezwaar.bevestigd_op = op
    bezwaar.bevestiging = maak_brief(
        zaak=aanvraag,
        leerling=aanvraag.leerling,
        soort="tlv_ontvangst_bezwaar",
        template="brieven/tlv_ontvangst_bezwaar.html",
        onderwerp="Ontvangstbevestiging van uw bezwaarschrift",
        context={
            "ontvangen_op": bezwaar.ontvangen_op,
            "besluit_op": aanvraag.besluit_verzonden_op,
            "bezwaartermijn_einde": bezwaar.bezwaartermijn_einde,
            "te_laat": bezwaar.te_laat,
            "verschoonbaar": bezwaar.verschoonbaar,
            "beslistermijn": bezwaar.beslistermijn,
            "beslistermijn_landelijk": _beslistermijn_met_commissie(bezwaar),
        },
        door=door,
        ondertekenaar=f"{door.get_full_name() or door.username}, secretaresse leerlingenzaken",
    )
    bezwaar.save(update_fields=["bevestigd_op", "bevestiging"])
    termijnregistratie.rond_af(
        aanvraag,
        TermijnSoort.ONTVANGSTBEVESTIGING_BEZWAAR,
        op=op,
        reden="bevestigd",
        door=door,
        request=request,
    )
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=aanvraag,
        leerling=aanvraag.leerling,
        omschrijving="ontvangst bezwaar bevestigd",
    )
    return bezwaar


def _beslistermijn_met_commissie(bezwaar: Bezwaar) -> date:
    from cases.termijnen import beslistermijn_bezwaar

    return beslistermijn_bezwaar(bezwaar.bezwaartermijn_einde, adviescommissie=True)


@transaction.atomic
def leg_bemiddeling_vast(
    *, bezwaar: Bezwaar, door, gesprek_op: date, advies_op: date, advies: str, request=None
) -> Bezwaar:
    """The bemiddelingscommissie advises after a conversation [002 §1.12]."""
    bezwaar, aanvraag = _vergrendel_bezwaar(bezwaar)
    if not (sll(aanvraag, door) or bestuurder(aanvraag, door)):
        raise PermissionDenied("Dit legt de secretaresse leerlingenzaken of de directeur-bestuurder vast.")
    if advies_op < gesprek_op:
        raise ValidationError({"advies_op": "Het advies volgt op het gesprek."})
    if not advies.strip():
        raise ValidationError({"advies": "Vat het advies van de bemiddelingscommissie samen."})
    bezwaar.bemiddeling_op, bezwaar.bemiddeling_advies_op, bezwaar.bemiddeling_advies = (
        gesprek_op,
        advies_op,
        advies,
    )
    bezwaar.save(update_fields=["bemiddeling_op", "bemiddeling_advies_op", "bemiddeling_advies"])
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=aanvraag,
        leerling=aanvraag.leerling,
        omschrijving="advies bemiddelingscommissie vastgelegd",
    )
    return bezwaar


@transaction.atomic
def leg_landelijk_advies_vast(
    *, bezwaar: Bezwaar, door, advies_op: date | None, advies: str, request=None
) -> Bezwaar:
    """Only the SWV (the directeur-bestuurder) can put the bezwaar to the landelijke commissie;
    the beslistermijn then becomes 12 weeks (Awb 7:10 lid 1, 7:13) [002 §1.12]."""
    bezwaar, aanvraag = _vergrendel_bezwaar(bezwaar)
    if not bestuurder(aanvraag, door):
        raise PermissionDenied(
            "Alleen de directeur-bestuurder legt een bezwaar voor aan de landelijke commissie."
        )
    bezwaar.landelijke_commissie = True
    bezwaar.landelijk_advies_op, bezwaar.landelijk_advies = advies_op, advies
    bezwaar.save(update_fields=["landelijke_commissie", "landelijk_advies_op", "landelijk_advies"])
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=aanvraag,
        leerling=aanvraag.leerling,
        omschrijving="bezwaar voorgelegd aan / advies van de landelijke commissie",
    )
    return bezwaar


def beslis_op_bezwaar(
    *,
    bezwaar: Bezwaar,
    door,
    uitkomst: str,
    motivering: str,
    wachtwoord: str,
    code: str,
    op: date | None = None,
    request=None,
) -> Bezwaar:
    """Decide on the bezwaar; like a signature it needs password and a current code of the
    decider's authenticator app, checked before the transaction [issue 14]."""
    bevestig_handtekening(
        door=door, wachtwoord=wachtwoord, code=code, request=request, niets="Er is niets beslist."
    )
    return _beslis_op_bezwaar(
        bezwaar=bezwaar, door=door, uitkomst=uitkomst, motivering=motivering, op=op, request=request
    )


@transaction.atomic
def _beslis_op_bezwaar(
    *, bezwaar: Bezwaar, door, uitkomst: str, motivering: str, op: date | None = None, request=None
) -> Bezwaar:
    bezwaar, aanvraag = _vergrendel_bezwaar(bezwaar)
    op = op or timezone.localdate()
    if uitkomst not in BezwaarUitkomst.values:
        raise ValidationError({"uitkomst": "Kies de uitkomst."})
    if uitkomst == BezwaarUitkomst.NIET_ONTVANKELIJK and not bezwaar.niet_ontvankelijk:
        raise ValidationError(
            {"uitkomst": "Niet-ontvankelijk kan alleen bij een te laat bezwaar zonder verschoonbare reden."}
        )
    if not motivering.strip():
        raise ValidationError({"motivering": "Motiveer de beslissing op bezwaar."})
    stap(aanvraag, "beslissen_op_bezwaar", door=door, request=request, datum=op, omschrijving=uitkomst)
    bezwaar.beslist_op, bezwaar.uitkomst, bezwaar.motivering = op, uitkomst, motivering
    bezwaar.save(update_fields=["beslist_op", "uitkomst", "motivering"])
    maak_brief(
        zaak=aanvraag,
        leerling=aanvraag.leerling,
        soort="tlv_besluit_bezwaar",
        template="brieven/tlv_besluit_bezwaar.html",
        onderwerp="Beslissing op uw bezwaar tegen het besluit over de toelaatbaarheidsverklaring",
        context={
            "ontvangen_op": bezwaar.ontvangen_op,
            "besluit_op": aanvraag.besluit_verzonden_op,
            "uitkomst": BezwaarUitkomst(uitkomst).label,
            "motivering": motivering,
            "bemiddeling_op": bezwaar.bemiddeling_op,
            "bemiddeling_advies": bezwaar.bemiddeling_advies,
            "landelijk": bezwaar.landelijke_commissie,
            "landelijk_advies": bezwaar.landelijk_advies,
            "school": aanvraag.school.naam,
            "beroep_termijn_einde": bezwaartermijn_einde(op),
        },
        door=door,
        ondertekenaar=f"{door.get_full_name() or door.username}, directeur-bestuurder",
    )
    termijnregistratie.rond_af(
        aanvraag, TermijnSoort.BESLISTERMIJN_BEZWAAR, op=op, reden=uitkomst, door=door, request=request
    )
    return bezwaar
