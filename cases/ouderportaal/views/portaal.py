"""The read-only pages of the ouderportaal [issue 17]. Every view gets its children from the one
selector `kinderen_van(user)` (via `ouder_vereist` and the *_van selectors): another family's child,
a child without gezag and a withdrawn link are all a 404. Every read is audited (log_inzage)."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from cases.dossier.models.opp import FACTOREN
from cases.dossier.models.ot import AanwezigeRol
from cases.models.audit import AuditActie
from cases.ouderportaal import selectors
from cases.services.audit import log, log_inzage


def ouder_vereist(view):
    """Logged in with an ouder account (a koppeling, active or not); everyone else 403."""

    @login_required
    @wraps(view)
    @never_cache
    def wrapper(request, *args, **kwargs):
        if not selectors.is_ouder(request.user):
            raise PermissionDenied("Het ouderportaal is voor ouders en verzorgers met een uitnodiging.")
        return view(request, *args, **kwargs)

    wrapper.passend_ouder = True
    return wrapper


@ouder_vereist
def start(request):
    kinderen = selectors.kinderen_van(request.user)
    for kind in kinderen:
        log_inzage(request=request, leerling=kind, omschrijving="ouderportaal: overzicht kinderen")
    return render(request, "ouders/start.html", {"kinderen": kinderen})


@ouder_vereist
def kind(request, pk: int):
    leerling = selectors.kind_van(request.user, pk)
    context = selectors.kind_overzicht(request.user, leerling)
    from cases.ouderportaal.selectors_ondertekenen import te_doen

    context.update(te_doen(request.user, leerling, context["opp"]))
    log_inzage(request=request, leerling=leerling, omschrijving="ouderportaal: kind bekeken")
    return render(request, "ouders/kind.html", context)


@ouder_vereist
def opp(request, pk: int):
    plan = selectors.opp_van(request.user, pk)
    leerling = plan.leerling
    versies = selectors.opps_van(leerling)
    log_inzage(
        request=request, leerling=leerling, obj=plan, omschrijving=f"ouderportaal: OPP versie {plan.versie}"
    )
    return render(
        request,
        "ouders/opp.html",
        {
            "opp": plan,
            "kind": leerling,
            "versies": versies,
            "nieuwste": bool(versies) and versies[0].pk == plan.pk,
            "interventies": list(plan.interventies.all()),
            "factoren": _factoren(plan),
            **ondertekenen_context(request.user, plan),
        },
    )


def ondertekenen_context(user, plan) -> dict:
    """What the OPP page says about signing and the zienswijze [issue 17]."""
    from cases.ouderportaal.selectors_ondertekenen import ondertekening_van

    return ondertekening_van(user, plan)


def _factoren(plan) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """The handelingsdeel's factors that were filled in (an empty one says nothing to an ouder)."""
    uit = []
    for code, titel, _toelichting, velden in FACTOREN:
        waarden = [(label, plan.factor(code, s)) for s, label in velden if plan.factor(code, s)]
        if waarden:
            uit.append((code, titel, waarden))
    return uit


@ouder_vereist
def verslag(request, pk: int):
    bespreking = selectors.verslag_van(request.user, pk)
    aanwezigen = list(bespreking.aanwezigen.all())
    log_inzage(
        request=request,
        leerling=bespreking.leerling,
        obj=bespreking,
        omschrijving=f"ouderportaal: {bespreking.get_soort_display()}",
    )
    return render(
        request,
        "ouders/verslag.html",
        {
            "bespreking": bespreking,
            "kind": bespreking.leerling,
            "aanwezigen": aanwezigen,
            "ouders_aanwezig": any(a.rol == AanwezigeRol.OUDER for a in aanwezigen),
            "sc_aanwezig": any(a.rol == AanwezigeRol.SC for a in aanwezigen),
            "afspraken": list(bespreking.afspraken.all()),
        },
    )


@ouder_vereist
def brief(request, pk: int):
    """The stored PDF, hash-checked as for staff (cases/views/brieven.py); audited as a download."""
    from cases.services.brieven import BriefFout, pdf_bytes

    gevonden = selectors.brief_van(request.user, pk)
    try:
        data = pdf_bytes(gevonden)
    except (BriefFout, OSError):
        return render(request, "ouders/brief_fout.html", {"kind": gevonden.leerling}, status=503)
    log(
        actie=AuditActie.GEDOWNLOAD,
        request=request,
        obj=gevonden,
        leerling=gevonden.leerling,
        omschrijving="ouderportaal: brief gedownload",
    )
    resp = HttpResponse(data, content_type="application/pdf")
    resp["Content-Disposition"] = f'attachment; filename="{gevonden.bestandsnaam}"'
    resp["Cache-Control"] = "private, no-store"
    return resp
