"""Thuiszitters register (per SWV and regio), escalatieladder, doorzettingskracht, vrijstellingen."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from cases import queryparams as qp
from cases.exports import veilige_rij
from cases.formvelden import toon_servicefouten
from cases.models import Leerling, Regio, School
from cases.models.audit import AuditActie
from cases.models.rollen import GEMEENTEGEBONDEN, SWV_REGIE, RolSoort
from cases.permissions import rol_vereist
from cases.scope import scope_for
from cases.services.audit import lijst_gelogd, log_inzage, log_per_swv
from verzuim import regels
from verzuim.forms import (
    AntwoordBestuurForm,
    DrieScholenForm,
    EscalatieSignaalForm,
    InstemmingForm,
    ThuiszitterBijwerkenForm,
    ThuiszitterForm,
)
from verzuim.models import Escalatie, Thuiszitter
from verzuim.models.thuiszitters import Doorzettingskracht
from verzuim.selectors import register_queryset, register_telling
from verzuim.services import doorzetting as dsvc
from verzuim.services import thuiszitters as svc
from verzuim.views import pagina, peildatum

REGISTER = SWV_REGIE | GEMEENTEGEBONDEN


def _filters(request, *, strikt: bool = False) -> tuple[int | None, str]:
    regio = qp.rij(
        request, "regio", Regio.objects.filter_for_user(request.user), label="de regio", strikt=strikt
    )
    categorie = qp.keuze(request, "categorie", regels.Categorie.LABELS, label="de categorie", strikt=strikt)
    return (regio.pk if regio else None), categorie or ""


@rol_vereist(*REGISTER)
@lijst_gelogd("lijst thuiszitters")
def register(request):
    dag = peildatum(request)
    regio_id, categorie = _filters(request)
    qs = register_queryset(user=request.user, peildatum=dag, regio_id=regio_id, categorie=categorie)
    telling = register_telling(register_queryset(user=request.user, peildatum=dag, regio_id=regio_id))
    return render(
        request,
        "verzuim/thuiszitters.html",
        {
            "pagina": pagina(request, qs),
            "peildatum": dag,
            "telling": telling,
            "labels": regels.Categorie.LABELS,
            "regios": Regio.objects.filter_for_user(request.user),
            "regio_id": regio_id,
            "categorie": categorie,
            "mag_registreren": scope_for(request.user).heeft(*SWV_REGIE),
            # The export links repeat the filters as understood, never an ignored value.
            "querystring": urlencode(
                {
                    "peildatum": dag.isoformat(),
                    **({"regio": regio_id} if regio_id else {}),
                    "categorie": categorie,
                }
            ),
        },
    )


EXPORT_KOPPEN = [
    "Leerling",
    "Geboortedatum",
    "School",
    "Regio",
    "Gemeente",
    "Soort",
    "Categorie",
    "Thuis sinds",
    "Dagen thuis",
    "Drie maanden op",
    "Nadert/over drie maanden",
    "Regie bij",
    "Huidig aanbod",
    "Volgende stap",
    "Volgende stap uiterlijk",
]


def _export_rijen(qs, dag):
    for t in qs.iterator(chunk_size=500):
        yield [
            t.leerling.volledige_naam,
            t.leerling.geboortedatum,
            t.school.naam if t.school else "",
            t.regio.naam,
            t.gemeente.naam,
            t.get_soort_display(),
            regels.Categorie.LABELS[t.cat],
            t.thuis_sinds,
            regels.dagen_thuis(t.thuis_sinds, dag),
            t.drie_maanden_op if t.soort == "relatief" else "",
            "ja" if t.nadert else "nee",
            t.regie_bij,
            t.huidig_aanbod,
            t.volgende_stap,
            t.volgende_stap_op or "",
        ]


@rol_vereist(*REGISTER)
def export(request):
    """The register as CSV or XLSX on the chosen peildatum, with the totals [domain §10]."""
    # A file cannot show a message: an unusable filter or format is a 400 with the reason.
    formaat = qp.keuze(request, "formaat", ("csv", "xlsx"), label="het exportformaat", strikt=True) or "csv"
    dag = peildatum(request, strikt=True)
    regio_id, categorie = _filters(request, strikt=True)
    qs = register_queryset(user=request.user, peildatum=dag, regio_id=regio_id, categorie=categorie)
    telling = register_telling(register_queryset(user=request.user, peildatum=dag, regio_id=regio_id))
    naam = f"thuiszitters-{dag:%Y-%m-%d}"
    log_per_swv(  # the SWV('s) of the viewer, so his beheerder sees the export [issue 14]
        request=request,
        actie=AuditActie.GEDOWNLOAD,
        omschrijving=f"thuiszittersregister {formaat} peildatum {dag:%d-%m-%Y}",
    )
    if formaat == "xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.title = "Thuiszitters"
        ws.append(veilige_rij(EXPORT_KOPPEN))
        for rij in _export_rijen(qs, dag):
            ws.append(veilige_rij(rij))
        tot = wb.create_sheet("Telling")
        tot.append(veilige_rij(["Peildatum", dag]))
        tot.append(veilige_rij(["Regio"] + [regels.Categorie.LABELS[c] for c in regels.Categorie.LABELS]))
        for regio, tellingen in telling["per_regio"].items():
            tot.append(veilige_rij([regio] + [tellingen[c] for c in regels.Categorie.LABELS]))
        tot.append(veilige_rij(["Totaal"] + [telling["totaal"][c] for c in regels.Categorie.LABELS]))
        tot.append(veilige_rij(["Thuiszitters (langdurig relatief + absoluut)", telling["thuiszitters"]]))
        buf = io.BytesIO()
        wb.save(buf)
        resp = HttpResponse(
            buf.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        resp["Content-Disposition"] = f'attachment; filename="{naam}.xlsx"'
        return resp
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";")
    w.writerow(veilige_rij(EXPORT_KOPPEN))
    for rij in _export_rijen(qs, dag):
        w.writerow(veilige_rij(v.strftime("%d-%m-%Y") if hasattr(v, "strftime") else v for v in rij))
    resp = HttpResponse("\ufeff" + buf.getvalue(), content_type="text/csv; charset=utf-8")
    resp["Content-Disposition"] = f'attachment; filename="{naam}.csv"'
    return resp


@rol_vereist(*SWV_REGIE)
def thuiszitter_nieuw(request):
    leerlingen = Leerling.objects.filter_for_user(request.user).select_related("huidige_school")
    form = ThuiszitterForm(request.POST or None, leerlingen=leerlingen)
    if request.method == "POST" and form.is_valid():
        d = dict(form.cleaned_data)
        try:
            t = svc.registreer_thuiszitter(door=request.user, request=request, **d)
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(request, "De thuiszitter staat in het register.")
            return redirect(t)
    return render(request, "verzuim/thuiszitter_nieuw.html", {"form": form})


@rol_vereist(*REGISTER)
def thuiszitter(request, pk: int):
    t = get_object_or_404(
        Thuiszitter.objects.filter_for_user(request.user).select_related(
            "leerling", "regio", "gemeente", "school"
        ),
        pk=pk,
    )
    dag = peildatum(request)
    scope = scope_for(request.user)
    d = (
        Doorzettingskracht.objects.filter(thuiszitter=t)
        .select_related("regisseur", "geplaatst_school")
        .first()
    )
    is_regisseur = d is not None and d.regisseur_id == request.user.pk
    forms = {
        "bijwerken": ThuiszitterBijwerkenForm(
            prefix="t",
            initial={
                "regie_bij": t.regie_bij,
                "huidig_aanbod": t.huidig_aanbod,
                "volgende_stap": t.volgende_stap,
                "volgende_stap_op": t.volgende_stap_op,
            },
        ),
        "instemming": InstemmingForm(prefix="i"),
        "scholen": DrieScholenForm(
            prefix="s",
            scholen=School.objects.filter_for_user(request.user)
            .filter(regio_id=t.regio_id)
            .exclude(pk=t.school_id),
        ),
        "antwoord": AntwoordBestuurForm(
            prefix="a", voorstellen=d.voorstellen.filter(antwoord="open") if d else None
        ),
        "escalatie": EscalatieSignaalForm(),
    }
    # Back in education: show the period as it was on the last day at home.
    peil = min(dag, t.beeindigd_op - timedelta(days=1)) if t.beeindigd_op else dag
    if request.method == "POST":
        actie = request.POST.get("actie", "")
        try:
            if actie == "doorzetting":
                dsvc.start_doorzettingskracht(thuiszitter=t, door=request.user, request=request)
                messages.success(request, "U heeft de regie genomen; het procesverslag is verstuurd.")
                return redirect(t)
            if actie == "escalatie":
                # A form, not a raw POST read: a NUL byte is refused next to the field instead of
                # reaching PostgreSQL, and the typed text stays [issue 13].
                forms["escalatie"] = EscalatieSignaalForm(request.POST)
                if forms["escalatie"].is_valid():
                    e = svc.open_escalatie(
                        regio=t.regio,
                        school=t.school,
                        thuiszitter=t,
                        door=request.user,
                        request=request,
                        aanleiding=forms["escalatie"].cleaned_data["aanleiding"],
                    )
                    return redirect(e)
            elif actie in ("instemming", "scholen", "antwoord") and d is None:
                messages.error(request, "Voor deze thuiszitter loopt geen doorzettingskracht.")
                return redirect(t)
            elif actie in forms:
                prefix = forms[actie].prefix
                extra = {"scholen": forms["scholen"].fields["scholen"].queryset} if actie == "scholen" else {}
                if actie == "antwoord":
                    extra = {"voorstellen": forms["antwoord"].fields["voorstel"].queryset}
                forms[actie] = type(forms[actie])(request.POST, prefix=prefix, **extra)
                if forms[actie].is_valid():
                    c = dict(forms[actie].cleaned_data)
                    if actie == "bijwerken":
                        svc.werk_thuiszitter_bij(thuiszitter=t, door=request.user, request=request, **c)
                    elif actie == "instemming" and d:
                        dsvc.leg_instemming_ouders_vast(
                            doorzettingskracht=d, door=request.user, request=request, **c
                        )
                    elif actie == "scholen" and d:
                        dsvc.stel_scholen_voor(
                            doorzettingskracht=d,
                            scholen=list(c["scholen"]),
                            door=request.user,
                            request=request,
                        )
                    elif actie == "antwoord" and d:
                        dsvc.leg_antwoord_bestuur_vast(door=request.user, request=request, **c)
                    messages.success(request, "Vastgelegd.")
                    return redirect(t)
        except ValidationError as exc:
            if actie in forms:
                toon_servicefouten(forms[actie], exc)
            else:
                messages.error(request, " ".join(exc.messages))
        except PermissionDenied as exc:
            messages.error(request, str(exc))
    else:
        log_inzage(request=request, leerling=t.leerling, obj=t, omschrijving="thuiszitter bekeken")
    return render(
        request,
        "verzuim/thuiszitter.html",
        {
            "t": t,
            "dag": peil,
            "beeindigd": peil != dag,
            "categorie": regels.Categorie.LABELS[t.categorie(peil)],
            "dagen": regels.dagen_thuis(t.thuis_sinds, peil),
            "nadert": peil == dag and regels.nadert_drie_maanden(t.soort, t.thuis_sinds, dag),
            "langdurig_vanaf": regels.langdurig_vanaf(t.thuis_sinds),
            "d": d,
            "is_regisseur": is_regisseur,
            "forms": forms,
            "escalaties": Escalatie.objects.filter_for_user(request.user)
            .filter(thuiszitter=t)
            .prefetch_related("stappen"),
            "voorstellen": d.voorstellen.select_related("school__bestuur") if d else [],
            "verslagen": d.verslagen.all() if d else [],
            "is_sc": scope.heeft(RolSoort.SC),
            "is_bestuurder": scope.heeft(RolSoort.BESTUURDER),
            "is_functionaris": scope.heeft(*SWV_REGIE),
        },
    )
