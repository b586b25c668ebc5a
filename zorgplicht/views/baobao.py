"""Bao-bao pages: proposing another regular school, its answer and the ouders' choice [002 bijlage 2.2.1]."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from cases.formvelden import toon_servicefouten
from cases.models import School
from cases.models.rollen import RolSoort
from cases.permissions import rol_vereist
from zorgplicht import forms as f
from zorgplicht import selectors, services, termijnen
from zorgplicht.models import BaoBaoVoorstel
from zorgplicht.views import BAOBAO, aanmelding_voor, behoeften, vandaag


@rol_vereist(*BAOBAO)
def baobao(request, pk):
    """Proposals, the schools' answers and the ouders' choice; schools whose SOP fits, best first."""
    a = aanmelding_voor(request, pk)
    if not services.mag_baobao(a, request.user):
        raise PermissionDenied(
            "Alleen de steunpuntcoördinator of de directeur van de school van aanmelding zoekt een andere school."  # noqa: E501
        )
    kandidaten = selectors.passende_scholen(request.user, a)
    form = f.VoorstelForm(
        request.POST or None, scholen=School.objects.filter(pk__in=[k.school.pk for k in kandidaten])
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.stel_school_voor(aanmelding=a, door=request.user, request=request, **form.cleaned_data)
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(request, "De school is voorgesteld.")
            return redirect("zorgplicht:baobao", pk=a.pk)
    return render(
        request,
        "zorgplicht/baobao.html",
        {
            "a": a,
            "kandidaten": kandidaten,
            "form": form,
            "voorstellen": list(a.baobao_voorstellen.all()),
            "stand": termijnen.stand(a, vandaag()),
            "zorgplicht_bij": selectors.zorgplicht_bij(a),
            "behoeften": behoeften(a),
        },
    )


def _voorstel(request, pk, *, antwoord: bool = False) -> BaoBaoVoorstel:
    v = get_object_or_404(
        BaoBaoVoorstel.objects.filter_for_user(request.user).select_related("aanmelding__school", "school"),
        pk=pk,
    )
    mag = (
        services.mag_antwoorden(v, request.user)
        if antwoord
        else services.mag_baobao(v.aanmelding, request.user)
    )
    if not mag:
        raise PermissionDenied(
            "Alleen de steunpuntcoördinator of de directeur van de school van aanmelding doet dit."
        )
    return v


@rol_vereist(RolSoort.SC, RolSoort.DIRECTEUR, RolSoort.IB)
def baobao_antwoord(request, pk):
    v = _voorstel(request, pk, antwoord=True)
    form = f.AntwoordForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.registreer_antwoord(voorstel=v, door=request.user, request=request, **form.cleaned_data)
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(request, "Het antwoord van de school is vastgelegd.")
            if services.mag_baobao(v.aanmelding, request.user):
                return redirect("zorgplicht:baobao", pk=v.aanmelding_id)
            return redirect("zorgplicht:detail", pk=v.aanmelding_id)
    return render(
        request, "zorgplicht/baobao_stap.html", {"v": v, "form": form, "titel": f"Antwoord van {v.school}"}
    )


@rol_vereist(*BAOBAO)
def baobao_keuze(request, pk):
    v = _voorstel(request, pk)
    form = f.LeegForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.registreer_keuze_ouders(voorstel=v, door=request.user, request=request)
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(request, f"De ouders kozen voor {v.school}.")
            return redirect("zorgplicht:baobao", pk=v.aanmelding_id)
    return render(
        request,
        "zorgplicht/baobao_stap.html",
        {
            "v": v,
            "form": form,
            "titel": f"Keuze van de ouders: {v.school}",
            "uitleg": "Als meer scholen passen, kiezen de ouders [002 bijlage 2.2.1 stap 8].",
        },
    )
