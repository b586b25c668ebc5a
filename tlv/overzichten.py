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
from cases.termijnen import schooljaar_begin
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


JAREN_TERUG = 5  # school years offered besides the current one


def _periode(request, vandaag: date) -> tuple[date | None, date | None, str]:
    """The period of the doorlooptijden: an own van/tot when given, else a school year (1 August
    to 31 July; the current one by default, as the SWV reports per school year), or all years."""
    van, tot = _datum(request.GET.get("van")), _datum(request.GET.get("tot"))
    if van or tot:
        return van, tot, ""
    keuze = request.GET.get("schooljaar", "")
    if keuze == "alle":
        return None, None, "alle"
    huidig = schooljaar_begin(vandaag).year
    begin = int(keuze) if keuze.isdigit() and huidig - 50 <= int(keuze) <= huidig else huidig
    return date(begin, 8, 1), date(begin + 1, 7, 31), str(begin)


@rol_vereist("sll", "bestuurder", "beheer")
def doorlooptijden(request):
    vandaag = timezone.localdate()
    van, tot, schooljaar = _periode(request, vandaag)
    formaat = request.GET.get("formaat")
    rijen = selectors.doorlooptijden(
        request.user,
        van=van,
        tot=tot,
        regio_id=_int(request.GET.get("regio")),
        fasen_voor=None if formaat in ("csv", "xlsx") else OP_PAGINA,
    )
    if formaat in ("csv", "xlsx"):
        periode = f"{van or 'begin'} t/m {tot or 'nu'}"
        log(actie="gedownload", request=request, omschrijving=f"doorlooptijden TLV ({formaat}, {periode})")
        return _export(rijen, formaat)
    per = {k: selectors.samenvatting(rijen, k) for k in ("maand", "regio", "school")}
    aantal = len(rijen)
    op_tijd = sum(1 for r in rijen if r.op_tijd)
    huidig = schooljaar_begin(vandaag).year
    return render(
        request,
        "tlv/doorlooptijden.html",
        {
            "rijen": rijen[:OP_PAGINA],
            "aantal": aantal,
            "per": per,
            "percentage": round(100 * op_tijd / aantal) if aantal else None,
            "mediaan": statistics.median(r.netto for r in rijen) if rijen else None,
            "periode_van": van,
            "periode_tot": tot,
            "van": request.GET.get("van", "") if not schooljaar else "",
            "tot": request.GET.get("tot", "") if not schooljaar else "",
            "schooljaar": schooljaar,
            "schooljaren": [
                (str(j), f"{j}-{j + 1}" + (" (dit schooljaar)" if j == huidig else ""))
                for j in range(huidig, huidig - JAREN_TERUG - 1, -1)
            ],
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
