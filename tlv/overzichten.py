"""Overviews for the SWV: the herindicatie list [002 §1.21] and the doorlooptijden with the
percentage decided in time [002 §1.9], exportable as CSV and XLSX."""

from __future__ import annotations

import csv
import io
import statistics
from datetime import date

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from cases.models import Regio
from cases.permissions import rol_vereist
from cases.services.audit import log
from tlv import selectors

OP_PAGINA = 50
KOLOMMEN = [
    "aanvraag",
    "school",
    "regio",
    "ontvangen",
    "besluit",
    *[n for n, _ in selectors.FASEN],
    "opgeschort (dagen)",
    "bruto (dagen)",
    "netto (dagen)",
    "binnen termijn",
]


def _datum(waarde: str | None) -> date | None:
    try:
        return date.fromisoformat(waarde) if waarde else None
    except ValueError:
        return None


def _int(waarde: str | None) -> int | None:
    return int(waarde) if waarde and waarde.isdigit() else None


@rol_vereist("sll", "sc", "tla", "bestuurder", "ib", "directeur", "beheer")
def herindicaties(request):
    vandaag = timezone.localdate()
    rijen = selectors.herindicaties(request.user, vandaag=vandaag, regio_id=_int(request.GET.get("regio")))
    return render(
        request,
        "tlv/herindicaties.html",
        {
            "rijen": rijen,
            "vandaag": vandaag,
            "gekozen_regio": request.GET.get("regio", ""),
            "regios": list(Regio.objects.filter_for_user(request.user).order_by("naam")),
        },
    )


def _rij(r) -> list:
    a = r.aanvraag
    return [
        f"#{a['pk']}",
        a["school__naam"],
        a["regio__naam"],
        a["ontvangen_op"].isoformat(),
        a["besluit_op"].isoformat(),
        *r.fasen.values(),
        r.opgeschort,
        r.bruto,
        r.netto,
        "ja" if r.op_tijd else "nee",
    ]


@rol_vereist("sll", "bestuurder", "beheer")
def doorlooptijden(request):
    van, tot = _datum(request.GET.get("van")), _datum(request.GET.get("tot"))
    formaat = request.GET.get("formaat")
    rijen = selectors.doorlooptijden(
        request.user,
        van=van,
        tot=tot,
        regio_id=_int(request.GET.get("regio")),
        fasen_voor=None if formaat in ("csv", "xlsx") else OP_PAGINA,
    )
    if formaat in ("csv", "xlsx"):
        log(actie="gedownload", request=request, omschrijving=f"doorlooptijden TLV ({formaat})")
        return _export(rijen, formaat)
    per = {k: selectors.samenvatting(rijen, k) for k in ("maand", "regio", "school")}
    aantal = len(rijen)
    op_tijd = sum(1 for r in rijen if r.op_tijd)
    return render(
        request,
        "tlv/doorlooptijden.html",
        {
            "rijen": rijen[:OP_PAGINA],
            "aantal": aantal,
            "per": per,
            "percentage": round(100 * op_tijd / aantal) if aantal else None,
            "mediaan": statistics.median(r.netto for r in rijen) if rijen else None,
            "van": request.GET.get("van", ""),
            "tot": request.GET.get("tot", ""),
            "gekozen_regio": request.GET.get("regio", ""),
            "regios": list(Regio.objects.filter_for_user(request.user).order_by("naam")),
            "fasen": [n for n, _ in selectors.FASEN],
            "querystring": request.GET.urlencode(),
        },
    )


def _export(rijen, formaat: str) -> HttpResponse:
    if formaat == "csv":
        buffer = io.StringIO()
        schrijver = csv.writer(buffer, delimiter=";")
        schrijver.writerow(KOLOMMEN)
        for r in rijen:
            schrijver.writerow(_rij(r))
        resp = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
        resp["Content-Disposition"] = 'attachment; filename="doorlooptijden-tlv.csv"'
        return resp
    from openpyxl import Workbook

    boek = Workbook()
    blad = boek.active
    blad.title = "Doorlooptijden"
    blad.append(KOLOMMEN)
    for r in rijen:
        blad.append(_rij(r))
    samen = boek.create_sheet("Per maand")
    samen.append(["maand", "aantal", "binnen termijn", "percentage", "mediaan netto (dagen)"])
    for g in selectors.samenvatting(rijen, "maand"):
        samen.append([g.sleutel, g.aantal, g.op_tijd, g.percentage, g.mediaan])
    uit = io.BytesIO()
    boek.save(uit)
    resp = HttpResponse(
        uit.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    resp["Content-Disposition"] = 'attachment; filename="doorlooptijden-tlv.xlsx"'
    return resp
