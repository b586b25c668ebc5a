"""Overviews for the SWV: the herindicatie list [002 §1.21] and the doorlooptijden with the
percentage decided in time [002 §1.9], exportable as CSV and XLSX."""

from __future__ import annotations

import csv
import io
import statistics
from datetime import date
from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from cases import queryparams as qp
from cases.exports import veilige_rij
from cases.models import Regio
from cases.models.audit import AuditActie
from cases.models.rollen import RolSoort
from cases.permissions import rol_vereist
from cases.services.audit import lijst_gelogd, log_per_swv
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


def _regio(request, *, strikt: bool = False) -> Regio | None:
    return qp.rij(
        request, "regio", Regio.objects.filter_for_user(request.user), label="de regio", strikt=strikt
    )


@rol_vereist(
    RolSoort.SLL,
    RolSoort.SC,
    RolSoort.TLA,
    RolSoort.BESTUURDER,
    RolSoort.IB,
    RolSoort.DIRECTEUR,
    RolSoort.BEHEERDER,
)
@lijst_gelogd("lijst herindicaties")
def herindicaties(request):
    vandaag = timezone.localdate()
    regio = _regio(request)
    rijen = selectors.herindicaties(request.user, vandaag=vandaag, regio_id=regio.pk if regio else None)
    return render(
        request,
        "tlv/herindicaties.html",
        {
            "rijen": rijen,
            "vandaag": vandaag,
            "gekozen_regio": str(regio.pk) if regio else "",
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


def _periode(request, vandaag: date, *, strikt: bool) -> tuple[date | None, date | None, str]:
    """The period of the doorlooptijden: an own van/tot when given, else a school year (1 August
    to 31 July; the current one by default, as the SWV reports per school year), or all years."""
    van = qp.datum(request, "van", label="de begindatum", strikt=strikt)
    tot = qp.datum(request, "tot", label="de einddatum", strikt=strikt)
    if van or tot:
        return van, tot, ""
    if request.GET.get("schooljaar") == "alle":
        return None, None, "alle"
    huidig = schooljaar_begin(vandaag).year
    begin = qp.geheel_getal(
        request,
        "schooljaar",
        label="het schooljaar",
        minimum=huidig - 50,
        maximum=huidig,
        gevolg="dit schooljaar wordt getoond",
        strikt=strikt,
    )
    begin = begin or huidig
    return date(begin, 8, 1), date(begin + 1, 7, 31), str(begin)


FORMATEN = ("csv", "xlsx")


@rol_vereist(RolSoort.SLL, RolSoort.BESTUURDER, RolSoort.BEHEERDER)
def doorlooptijden(request):
    vandaag = timezone.localdate()
    formaat = qp.keuze(
        request,
        "formaat",
        FORMATEN,
        label="het exportformaat",
        gevolg="kies CSV of Excel (xlsx) op de pagina",
    )
    # A file cannot show a message: an export with an unusable filter is a 400 with the reason.
    strikt = formaat is not None
    van, tot, schooljaar = _periode(request, vandaag, strikt=strikt)
    regio = _regio(request, strikt=strikt)
    rijen = selectors.doorlooptijden(
        request.user,
        van=van,
        tot=tot,
        regio_id=regio.pk if regio else None,
        fasen_voor=None if formaat else OP_PAGINA,
    )
    if formaat:
        periode = f"{van or 'begin'} t/m {tot or 'nu'}"
        log_per_swv(  # the SWV('s) of the viewer [issue 14]
            actie=AuditActie.GEDOWNLOAD,
            request=request,
            omschrijving=f"doorlooptijden TLV ({formaat}, {periode})",
        )
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
            "van": van.isoformat() if van and not schooljaar else "",
            "tot": tot.isoformat() if tot and not schooljaar else "",
            "schooljaar": schooljaar,
            "schooljaren": [
                (str(j), f"{j}-{j + 1}" + (" (dit schooljaar)" if j == huidig else ""))
                for j in range(huidig, huidig - JAREN_TERUG - 1, -1)
            ],
            "gekozen_regio": str(regio.pk) if regio else "",
            "regios": list(Regio.objects.filter_for_user(request.user).order_by("naam")),
            "fasen": [n for n, _ in selectors.FASEN],
            # The export links repeat the filters as understood, never an ignored value.
            "querystring": urlencode(
                {
                    k: v
                    for k, v in {
                        "van": van.isoformat() if van and not schooljaar else "",
                        "tot": tot.isoformat() if tot and not schooljaar else "",
                        "schooljaar": schooljaar,
                        "regio": regio.pk if regio else "",
                    }.items()
                    if v
                }
            ),
        },
    )


def _export(rijen, formaat: str) -> HttpResponse:
    if formaat == "csv":
        buffer = io.StringIO()
        schrijver = csv.writer(buffer, delimiter=";")
        schrijver.writerow(veilige_rij(KOLOMMEN))
        for r in rijen:
            schrijver.writerow(veilige_rij(_rij(r)))
        resp = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
        resp["Content-Disposition"] = 'attachment; filename="doorlooptijden-tlv.csv"'
        return resp
    from openpyxl import Workbook

    boek = Workbook()
    blad = boek.active
    blad.title = "Doorlooptijden"
    blad.append(veilige_rij(KOLOMMEN))
    for r in rijen:
        blad.append(veilige_rij(_rij(r)))
    samen = boek.create_sheet("Per maand")
    samen.append(["maand", "aantal", "binnen termijn", "percentage", "mediaan netto (dagen)"])
    for g in selectors.samenvatting(rijen, "maand"):
        samen.append(veilige_rij([g.sleutel, g.aantal, g.op_tijd, g.percentage, g.mediaan]))
    uit = io.BytesIO()
    boek.save(uit)
    resp = HttpResponse(
        uit.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    resp["Content-Disposition"] = 'attachment; filename="doorlooptijden-tlv.xlsx"'
    return resp
