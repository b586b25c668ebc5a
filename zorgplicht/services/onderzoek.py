"""The onderzoek: start it, request information (suspends the term), register its receipt, extend."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction

from cases.termijnen import formatteer_datum
from cases.termijnen import services as termijn_service
from zorgplicht import termijnen
from zorgplicht.models import Aanmelding, InformatieVerzoek, mag_volgen
from zorgplicht.services.basis import (
    ZorgplichtFout,
    _brief,
    _lock,
    _niet_in_toekomst,
    _overgang,
    _termijn,
    _vandaag,
)


@transaction.atomic
def start_onderzoek(*, aanmelding: Aanmelding, door, request=None) -> Aanmelding:
    aanmelding = _lock(aanmelding)
    _overgang(
        aanmelding,
        "start_onderzoek",
        door,
        "Het onderzoek starten",
        request=request,
        omschrijving="onderzoek gestart",
    )
    Aanmelding.objects.filter(pk=aanmelding.pk).update(onderzoek_gestart_op=_vandaag())
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
    _overgang(
        aanmelding,
        "vraag_informatie",
        door,
        "Informatie opvragen",
        request=request,
        omschrijving="extra informatie opgevraagd; termijn opgeschort",
    )
    verzoek = InformatieVerzoek.objects.create(
        aanmelding=aanmelding,
        gevraagd_op=gevraagd_op,
        gevraagd_bij=gevraagd_bij,
        omschrijving=omschrijving,
        toestemming_ouders_op=toestemming_ouders_op,
        antwoord_uiterlijk=antwoord_uiterlijk,
        aangemaakt_door=door,
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
    _overgang(
        aanmelding,
        "informatie_ontvangen",
        door,
        "De ontvangst registreren",
        request=request,
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
    _overgang(
        aanmelding,
        "verleng",
        door,
        "Verlengen",
        request=request,
        omschrijving="zorgplichttermijn verlengd met 4 weken",
    )
    termijn = _termijn(aanmelding)
    if termijn is not None:
        termijn_service.verleng(termijn=termijn, weken=4, op=op, reden=reden, door=door, request=request)
    tien = termijnen.tien_weken(aanmelding, op)
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
