"""The TLV's legal terms registered with the shared Termijn records (cases/termijnen/services.py),
so the daily sweep notifies the responsible people. The TLV's own pages keep computing the terms
from the TLV's own rows (tlv/termijnen.py); these records mirror the same events."""

from __future__ import annotations

import math
from datetime import date

from django.contrib.contenttypes.models import ContentType

from cases.termijnen import services as termijn_services
from cases.termijnen.models.termijnen import OPEN_STATUSSEN, Termijn, TermijnSoort


def _open(zaak, soort: str) -> Termijn | None:
    return (
        Termijn.objects.filter(
            content_type=ContentType.objects.get_for_model(zaak),
            object_id=zaak.pk,
            soort=soort,
            status__in=OPEN_STATUSSEN,
        )
        .order_by("-pk")
        .first()
    )


def start_beslistermijn(aanvraag, *, door, request=None) -> None:
    termijn_services.start_termijn(
        soort=TermijnSoort.TLV_BESLISTERMIJN,
        start=aanvraag.ontvangen_op,
        zaak=aanvraag,
        omschrijving="Beslistermijn TLV-aanvraag",
        door=door,
        request=request,
    )


def schort_op(aanvraag, *, verzoek: date, uiterlijk: date, omschrijving: str, door, request=None) -> None:
    termijn = _open(aanvraag, TermijnSoort.TLV_BESLISTERMIJN)
    if termijn is not None:
        termijn_services.schort_op(
            termijn=termijn,
            verzoek=verzoek,
            uiterlijk=uiterlijk,
            omschrijving=omschrijving[:300],
            door=door,
            request=request,
        )


def hervat(aanvraag, *, ontvangst: date, door, request=None) -> None:
    termijn = _open(aanvraag, TermijnSoort.TLV_BESLISTERMIJN)
    if termijn is None:
        return
    open_ = termijn.opschortingen.filter(ontvangst__isnull=True).order_by("-verzoek").first()
    if open_ is not None:
        termijn_services.hervat(opschorting=open_, ontvangst=ontvangst, door=door, request=request)


def verdaag(
    aanvraag, *, oude_einde: date, nieuwe_termijn: date, op: date, reden: str, door, request=None
) -> None:
    """Awb 4:14 lid 3: the shared record counts in whole weeks; rounded up to cover the new date."""
    termijn = _open(aanvraag, TermijnSoort.TLV_BESLISTERMIJN)
    if termijn is not None:
        weken = max(1, math.ceil((nieuwe_termijn - oude_einde).days / 7))
        termijn_services.verleng(termijn=termijn, weken=weken, op=op, reden=reden, door=door, request=request)


def rond_af(aanvraag, soort: str, *, op: date, reden: str, door, gestopt: bool = False, request=None) -> None:
    termijn = _open(aanvraag, soort)
    if termijn is None:
        return
    if gestopt:
        termijn_services.stop(termijn=termijn, op=op, reden=reden, door=door, request=request)
    else:
        termijn_services.voldaan(termijn=termijn, op=op, reden=reden, door=door, request=request)


def start_bezwaar(aanvraag, bezwaar, *, door, request=None) -> None:
    termijn_services.start_termijn(
        soort=TermijnSoort.ONTVANGSTBEVESTIGING_BEZWAAR,
        start=bezwaar.ontvangen_op,
        zaak=aanvraag,
        omschrijving="Ontvangstbevestiging bezwaar TLV",
        door=door,
        request=request,
    )
    termijn_services.start_termijn(
        soort=TermijnSoort.BESLISTERMIJN_BEZWAAR,
        start=bezwaar.bezwaartermijn_einde,
        zaak=aanvraag,
        omschrijving="Beslissing op bezwaar TLV",
        door=door,
        request=request,
    )
