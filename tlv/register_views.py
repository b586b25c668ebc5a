"""Pages of the TLV register [issue 16.8]: the list with its filters, totals and exports (CSV and
XLSX for the bekostiging), and the per-TLV blad the receiving school needs to register the TLV in
its own administration. The rows come from tlv/register.py only."""

from __future__ import annotations

import csv
import io
from datetime import date
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from cases import queryparams as qp
from cases.exports import veilige_rij
from cases.models import Regio
from cases.models.audit import AuditActie
from cases.models.brieven import Brief
from cases.models.rollen import SWV_BUREAU
from cases.permissions import rol_vereist
from cases.scope import scope_for
from cases.services.audit import lijst_gelogd, log_inzage, log_per_swv
from cases.termijnen import schooljaar_begin
from tlv import register as reg
from tlv.models.advies import Periode
from tlv.models.keuzes import Soort

PER_PAGINA = 25
JAREN_TERUG = 6
ZOEK_MAX = 100
FORMATEN = ("csv", "xlsx")
# The decision letters a receiving school may ask for: the TLV itself and a decision on bezwaar.
BESLUITBRIEVEN = ("tlv_afgegeven", "tlv_besluit_bezwaar")

KOPPEN = [
    "Kenmerk (beschikkingsnummer)",
    "Leerling",
    "Geboortedatum",
    "Soort",
    "Bekostigingscategorie",
    "Periode",
    "Ingangsdatum",
    "Einddatum",
    "Afgegeven op",
    "Stand op peildatum",
    "School van plaatsing",
    "BRIN en vestiging plaatsing",
    "Geplaatst vanaf",
    "Verwijzende school",
    "Regio",
    "Soort aanvraag",
    "Afgevend SWV",
    "Bekostigend SWV",
    "Grond bekostiging",
]


def _zoekterm(request, *, strikt: bool) -> str:
    waarde = request.GET.get("zoek", "").strip()
    if len(waarde) > ZOEK_MAX or any(ord(c) < 32 for c in waarde):
        tekst = f"De zoekterm is langer dan {ZOEK_MAX} tekens of bevat onzichtbare tekens"
        if strikt:
            raise qp.OngeldigeInvoer(f"{tekst}.")
        messages.warning(request, f"{tekst}; er is niet op gezocht.")
        return ""
    return waarde


def _filters(request, keuzes: dict, vandaag: date, *, strikt: bool) -> tuple[reg.Filters, str]:
    """The filters as understood; an unusable value is named above the page (or a 400 for an
    export) and not applied [issue 13]. Returns the filters and the chosen school year."""
    van = qp.datum(request, "van", label="de begindatum (afgegeven vanaf)", strikt=strikt)
    tot = qp.datum(request, "tot", label="de einddatum (afgegeven tot en met)", strikt=strikt)
    schooljaar = ""
    if van and tot and van > tot:
        tekst = "De periode van afgifte begint na haar einde"
        if strikt:
            raise qp.OngeldigeInvoer(f"{tekst}.")
        messages.warning(request, f"{tekst}; die periode is niet toegepast.")
        van = tot = None
    if not (van or tot):
        huidig = schooljaar_begin(vandaag).year
        jaar = qp.geheel_getal(
            request,
            "schooljaar",
            label="het schooljaar",
            minimum=huidig - 50,
            maximum=huidig + 1,
            gevolg="alle schooljaren worden getoond",
            strikt=strikt,
        )
        if jaar:
            van, tot, schooljaar = date(jaar, 8, 1), date(jaar + 1, 7, 31), str(jaar)
    regio = qp.rij(
        request, "regio", Regio.objects.filter_for_user(request.user), label="de regio", strikt=strikt
    )
    scholen = [reg.NIET_GEPLAATST, *(str(s.pk) for s in keuzes["scholen"])]
    f = reg.Filters(
        van=van,
        tot=tot,
        schoolsoort=qp.keuze(request, "soort", reg.SCHOOLSOORTEN, label="de soort", strikt=strikt) or "",
        categorie=qp.keuze(request, "categorie", reg.CATEGORIEEN, label="de categorie", strikt=strikt) or "",
        peildatum=qp.datum(request, "peildatum", label="de datum 'geldig op'", strikt=strikt),
        regio_id=regio.pk if regio else None,
        school=qp.keuze(request, "school", scholen, label="de school van plaatsing", strikt=strikt) or "",
        bekostigend_swv=qp.keuze(
            request,
            "bekostigend",
            keuzes["bekostigende_swvs"],
            label="het bekostigende samenwerkingsverband",
            strikt=strikt,
        )
        or "",
        zoek=_zoekterm(request, strikt=strikt),
    )
    return f, schooljaar


def _querystring(f: reg.Filters, schooljaar: str) -> str:
    """The filters as understood, for the pagination and export links (never an ignored value)."""
    waarden = {
        "schooljaar": schooljaar,
        "van": f.van.isoformat() if f.van and not schooljaar else "",
        "tot": f.tot.isoformat() if f.tot and not schooljaar else "",
        "soort": f.schoolsoort,
        "categorie": f.categorie,
        "peildatum": f.peildatum.isoformat() if f.peildatum else "",
        "regio": f.regio_id or "",
        "school": f.school,
        "bekostigend": f.bekostigend_swv,
        "zoek": f.zoek,
    }
    return urlencode({k: v for k, v in waarden.items() if v})


def _periode_label(waarde: str) -> str:
    return dict(Periode.choices).get(waarde, waarde)


def _rij(t, dag: date) -> list:
    p = t.plaatsing
    return [
        t.kenmerk,
        t.leerling.volledige_naam,
        t.leerling.geboortedatum,
        t.schoolsoort,
        reg.CATEGORIEEN.get(t.categorie, t.categorie),
        _periode_label(t.periode),
        t.ingangsdatum,
        t.einddatum,
        t.afgegeven_op,
        reg.stand_op(t, dag),
        p.school.naam if p else "nog niet geplaatst",
        p.school.brin_vestiging if p else "",
        p.van if p else "",
        t.aanvraag.school.naam,
        t.aanvraag.regio.naam,
        dict(Soort.choices).get(t.soort, t.soort),
        f"{t.swv.naam} ({t.swv.code})",
        t.bekostigend_swv,
        reg.grond_label(t.bekostiging_grond),
    ]


def _export(qs, dag: date, formaat: str, telling: dict) -> HttpResponse:
    naam = f"tlv-register-{dag:%Y-%m-%d}"
    tlvs = reg.zet_plaatsing(reg.voor_weergave(qs))
    if formaat == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=";")
        w.writerow(veilige_rij(KOPPEN))
        for t in tlvs:
            w.writerow(
                veilige_rij(v.strftime("%d-%m-%Y") if isinstance(v, date) else v for v in _rij(t, dag))
            )
        resp = HttpResponse("\ufeff" + buf.getvalue(), content_type="text/csv; charset=utf-8")
        resp["Content-Disposition"] = f'attachment; filename="{naam}.csv"'
        return resp
    from openpyxl import Workbook

    boek = Workbook()
    blad = boek.active
    blad.title = "TLV-register"
    blad.append(veilige_rij(KOPPEN))
    for t in tlvs:
        blad.append(veilige_rij(_rij(t, dag)))
    for kolom in blad.iter_cols(min_row=2):
        for cel in kolom:
            if isinstance(cel.value, date):
                cel.number_format = "DD-MM-YYYY"
    samen = boek.create_sheet("Totalen")
    samen.append(["Soort en categorie", "Aantal TLV's"])
    for r in telling["per_soort"]:
        samen.append(veilige_rij([r.label, r.aantal]))
    samen.append(["Totaal", telling["totaal"]])
    samen.append([])
    samen.append(["Bekostigend samenwerkingsverband", "Aantal TLV's"])
    for r in telling["per_swv"]:
        samen.append(veilige_rij([r.label, r.aantal]))
    uit = io.BytesIO()
    boek.save(uit)
    resp = HttpResponse(
        uit.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    resp["Content-Disposition"] = f'attachment; filename="{naam}.xlsx"'
    return resp


@rol_vereist(*SWV_BUREAU)
@lijst_gelogd("TLV-register")
def register(request):
    vandaag = timezone.localdate()
    formaat = qp.keuze(
        request,
        "formaat",
        FORMATEN,
        label="het exportformaat",
        gevolg="kies CSV of Excel (xlsx) op de pagina",
    )
    keuzes = reg.keuzes(request.user)
    # A file cannot show a message: an export with an unusable filter is a 400 with the reason.
    f, schooljaar = _filters(request, keuzes, vandaag, strikt=formaat is not None)
    qs = reg.gefilterd(request.user, f)
    telling = reg.tellingen(qs)
    dag = f.peildatum or vandaag
    if formaat:
        log_per_swv(  # the SWV('s) of the viewer, so his beheerder sees the export [issue 14]
            request=request,
            actie=AuditActie.GEDOWNLOAD,
            omschrijving=f"TLV-register {formaat} ({telling['totaal']} TLV's)",
        )
        return _export(qs, dag, formaat, telling)
    pagina = Paginator(reg.voor_weergave(qs), PER_PAGINA).get_page(request.GET.get("pagina"))
    pagina.object_list = reg.zet_plaatsing(pagina.object_list)
    for t in pagina.object_list:
        t.stand = reg.stand_op(t, dag)
    huidig = schooljaar_begin(vandaag).year
    return render(
        request,
        "tlv/register.html",
        {
            "pagina": pagina,
            "telling": telling,
            "f": f,
            "dag": dag,
            "schooljaar": schooljaar,
            "schooljaren": [
                (str(j), f"{j}-{j + 1}" + (" (dit schooljaar)" if j == huidig else ""))
                for j in range(huidig, huidig - JAREN_TERUG - 1, -1)
            ],
            "van": f.van.isoformat() if f.van and not schooljaar else "",
            "tot": f.tot.isoformat() if f.tot and not schooljaar else "",
            "peildatum": f.peildatum.isoformat() if f.peildatum else "",
            "regios": list(Regio.objects.filter_for_user(request.user).order_by("naam")),
            "soorten": reg.SCHOOLSOORTEN,
            "categorieen": reg.CATEGORIEEN,
            "niet_geplaatst": reg.NIET_GEPLAATST,
            "querystring": _querystring(f, schooljaar),
            **keuzes,
        },
    )


@require_GET
@login_required
def blad(request, pk: int):
    """One TLV on one sheet for the receiving school's administration; printable. Who may read it
    is decided by tlv/register.bladen_voor (404 otherwise); the read is audited."""
    tlv = (
        reg.bladen_voor(request.user)
        .select_related("leerling", "swv", "aanvraag__school", "aanvraag__regio")
        .filter(pk=pk)
        .first()
    )
    if tlv is None:
        raise Http404("Deze TLV bestaat niet of valt buiten uw werkgebied.")
    plaatsing = reg.plaatsing_van(tlv)
    scope = scope_for(request.user)
    swv_bureau = scope.alles or (scope.heeft(*SWV_BUREAU) and tlv.swv_id in scope.swv_ids)
    if not swv_bureau and (plaatsing is None or plaatsing.school_id != tlv.leerling.huidige_school_id):
        # School staff see the blad of their own placed pupils only.
        raise Http404("Deze TLV bestaat niet of valt buiten uw werkgebied.")
    brieven = list(
        Brief.objects.filter_for_user(request.user).filter(
            content_type=ContentType.objects.get_for_model(tlv.aanvraag),
            object_id=tlv.aanvraag_id,
            soort__in=BESLUITBRIEVEN,
        )
    )
    log_inzage(request=request, leerling=tlv.leerling, obj=tlv, omschrijving="TLV-blad bekeken")
    vandaag = timezone.localdate()
    return render(
        request,
        "tlv/blad.html",
        {
            "tlv": tlv,
            "plaatsing": plaatsing,
            "brieven": brieven,
            "stand": reg.stand_op(tlv, vandaag),
            "vandaag": vandaag,
            "categorie": reg.CATEGORIEEN.get(tlv.categorie, tlv.categorie),
            "periode": _periode_label(tlv.periode),
            "soort_aanvraag": dict(Soort.choices).get(tlv.soort, tlv.soort),
            "grond": reg.grond_label(tlv.bekostiging_grond),
            "swv_bureau": swv_bureau,
        },
    )
