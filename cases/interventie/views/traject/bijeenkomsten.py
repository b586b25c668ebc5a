"""Pages for the meetings of the interventieteam and the agreements made there [000; 003]."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from cases.formvelden import toon_servicefouten
from cases.interventie import selectors as sel
from cases.interventie.forms import (
    AfspraakForm,
    BijeenkomstForm,
)
from cases.interventie.models.traject import (
    BijeenkomstStatus,
)
from cases.interventie.services import traject as svc
from cases.interventie.views.traject.levensloop import SCHOOLTEAM, _traject_of_404, _weigering
from cases.models.rollen import RolSoort
from cases.permissions import rol_vereist
from cases.services.audit import log_inzage
from cases.workflow import OvergangGeweigerd, weigerredenen

# --- meetings ---------------------------------------------------------------------------------


@rol_vereist(*SCHOOLTEAM)
def bijeenkomst_nieuw(request, pk: int):
    traject = _traject_of_404(request, pk)
    form = BijeenkomstForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            b = svc.plan_bijeenkomst(traject=traject, door=request.user, request=request, **form.cleaned_data)
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(request, "De bijeenkomst is gepland.")
            return redirect("interventie_bijeenkomst", pk=b.pk)
    return render(
        request, "cases/interventie/bijeenkomst.html", {"traject": traject, "form": form, "bijeenkomst": None}
    )


@rol_vereist(*SCHOOLTEAM)
def bijeenkomst(request, pk: int):
    b = sel.bijeenkomst_voor(request.user, pk)
    traject = sel.traject_voor(request.user, b.traject_id)
    log_inzage(
        request=request, leerling=traject.leerling, obj=b, omschrijving="Bijeenkomst interventieteam bekeken"
    )
    gehouden = b.status == BijeenkomstStatus.GEHOUDEN
    form = BijeenkomstForm(request.POST or None, instance=b)
    if gehouden:
        for f in form.fields.values():
            f.disabled = True
    if request.method == "POST" and not gehouden and form.is_valid():
        velden = {k: form.cleaned_data[k] for k in BijeenkomstForm.Meta.fields}
        try:
            b = svc.werk_bijeenkomst_bij(bijeenkomst=b, door=request.user, request=request, **velden)
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(request, "De bijeenkomst is opgeslagen.")
            return redirect("interventie_bijeenkomst", pk=b.pk)
    redenen = [] if gehouden else weigerredenen(b, "houd")
    afspraak_form = AfspraakForm(traject=traject)
    return render(
        request,
        "cases/interventie/bijeenkomst.html",
        {
            "traject": traject,
            "bijeenkomst": b,
            "form": form,
            "redenen": redenen,
            "afspraken": [a for a in traject.afspraken.all() if a.bijeenkomst_id == b.pk],
            "afspraak_form": afspraak_form,
        },
    )


@require_POST
@rol_vereist(*SCHOOLTEAM)
def bijeenkomst_gehouden(request, pk: int):
    b = sel.bijeenkomst_voor(request.user, pk)
    try:
        svc.houd_bijeenkomst(bijeenkomst=b, door=request.user, request=request)
    except (OvergangGeweigerd, ValidationError, PermissionDenied) as exc:
        _weigering(request, exc)
        return redirect("interventie_bijeenkomst", pk=b.pk)
    messages.success(request, "De bijeenkomst is als gehouden vastgelegd.")
    return redirect("interventie_detail", pk=b.traject_id)


@rol_vereist(RolSoort.DIRECTEUR, RolSoort.IB, RolSoort.BESTUURDER)
def afspraak_nieuw(request, pk: int):
    b = sel.bijeenkomst_voor(request.user, pk)
    traject = sel.traject_voor(request.user, b.traject_id)
    form = AfspraakForm(request.POST or None, traject=traject)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            svc.voeg_afspraak_toe(
                traject=traject,
                bijeenkomst=b,
                door=request.user,
                wat=d["wat"],
                eigenaar=d["eigenaar"],
                eigenaar_naam=d["eigenaar_naam"],
                uiterlijk=d["uiterlijk"],
                bewaker=d["bewaker"],
                request=request,
            )
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(request, "De afspraak is vastgelegd.")
            return (
                redirect("interventie_bijeenkomst", pk=b.pk)
                if svc.is_schoolteam_van(traject.school_id, request.user)
                else redirect("interventie_detail", pk=traject.pk)
            )
    return render(
        request, "cases/interventie/afspraak.html", {"traject": traject, "bijeenkomst": b, "form": form}
    )


@require_POST
@login_required
def afspraak_afgerond(request, pk: int):
    a = sel.afspraak_voor(request.user, pk)
    try:
        svc.rond_afspraak_af(afspraak=a, door=request.user, request=request)
    except (ValidationError, PermissionDenied) as exc:
        _weigering(request, exc)
    else:
        messages.success(request, "De afspraak is afgerond.")
    volgende = request.POST.get("volgende")
    if volgende == "home":
        return redirect("home")
    return redirect("interventie_detail", pk=a.traject_id)
