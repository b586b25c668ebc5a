"""Pages of the plaatsingsstroom: a step tried or skipped, ended or made definitive [000]."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from cases import queryparams as qp
from cases.formvelden import toon_servicefouten
from cases.interventie import selectors as sel
from cases.interventie.forms import (
    BeeindigForm,
    DefinitiefForm,
    PlaatsingForm,
)
from cases.interventie.models.traject import (
    PlaatsingStap,
)
from cases.interventie.services import traject as svc
from cases.interventie.views.traject.levensloop import CASUS, _traject_of_404
from cases.permissions import rol_vereist

# --- plaatsingsstroom ---------------------------------------------------------------------------------


@rol_vereist(*CASUS)
def plaatsing_nieuw(request, pk: int):
    traject = _traject_of_404(request, pk)
    stap_gekozen = qp.keuze(
        request, "stap", [str(s) for s in PlaatsingStap.values], label="de stap van de plaatsingsstroom"
    )
    gehad = {p.stap for p in traject.plaatsingen.all()}
    form = PlaatsingForm(
        request.POST or None,
        traject=traject,
        gehad=gehad,
        initial={"stap": stap_gekozen} if stap_gekozen else None,
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            svc.registreer_plaatsing(
                traject=traject,
                door=request.user,
                stap=d["stap"],
                school=d["school"],
                setting=d["setting"],
                doel=d["doel"],
                startdatum=d["startdatum"],
                einddatum=d["einddatum"],
                middelen=d["middelen"],
                akkoord_ontvangende_school=d["akkoord_ontvangende_school"],
                akkoord_door=d["akkoord_door"],
                akkoord_op=d["akkoord_op"],
                redenen_overslaan=form.redenen(),
                request=request,
            )
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(
                request,
                "De plaatsing is vastgelegd. De leerling blijft ingeschreven op de school van herkomst.",
            )
            return redirect("interventie_detail", pk=traject.pk)
    gehad = {p.stap: p for p in traject.plaatsingen.all()}
    return render(
        request,
        "cases/interventie/plaatsing.html",
        {
            "traject": traject,
            "form": form,
            "stappen": [(s, lbl, gehad.get(s)) for s, lbl in PlaatsingStap.choices],
        },
    )


@rol_vereist(*CASUS)
def plaatsing_beeindigen(request, pk: int):
    p = sel.plaatsing_voor(request.user, pk)
    form = BeeindigForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            svc.beeindig_plaatsing(plaatsing=p, door=request.user, request=request, **form.cleaned_data)
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(request, "De uitkomst van de plaatsing is vastgelegd.")
            return redirect("interventie_detail", pk=p.traject_id)
    return render(
        request,
        "cases/interventie/plaatsing_uitkomst.html",
        {"plaatsing": p, "traject": p.traject, "form": form, "definitief": False},
    )


@rol_vereist(*CASUS)
def plaatsing_definitief(request, pk: int):
    p = sel.plaatsing_voor(request.user, pk)
    form = DefinitiefForm(request.POST or None, initial={"groep": p.traject.leerling.huidige_groep})
    if request.method == "POST" and form.is_valid():
        try:
            svc.plaats_definitief(plaatsing=p, door=request.user, request=request, **form.cleaned_data)
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(
                request,
                f"De leerling is ingeschreven op {p.school} en uitgeschreven op {p.traject.school}.",
            )
            return redirect("interventie_detail", pk=p.traject_id)
    return render(
        request,
        "cases/interventie/plaatsing_uitkomst.html",
        {"plaatsing": p, "traject": p.traject, "form": form, "definitief": True},
    )
