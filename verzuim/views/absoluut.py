"""Absoluut verzuim [002 L252-258; issue 16.14]: leerplicht registers a child enrolled nowhere; the
school sees its tasks to report in- and uitschrijvingen to DUO within 7 days."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from cases.formvelden import toon_servicefouten
from cases.models import Gemeente
from cases.models.rollen import SCHOOLLEIDING, RolSoort
from cases.permissions import rol_vereist
from cases.scope import scope_for
from cases.services.audit import lijst_gelogd
from cases.termijnen.models.termijnen import OPEN_STATUSSEN, Termijn
from verzuim.forms import AbsoluutVerzuimForm, DuoGemeldForm
from verzuim.services.absoluut import registreer_absoluut_verzuim
from verzuim.services.duo import duo_gemeld as svc_duo_gemeld
from verzuim.termijnen import DUO_MELDING


@rol_vereist(RolSoort.LPA)
def absoluut_nieuw(request):
    gemeenten = Gemeente.objects.filter(pk__in=scope_for(request.user).gemeente_ids).order_by("naam")
    form = AbsoluutVerzuimForm(request.POST or None, gemeenten=gemeenten)
    if request.method == "POST" and form.is_valid():
        try:
            melding = registreer_absoluut_verzuim(door=request.user, request=request, **form.cleaned_data)
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(request, "Het absoluut verzuim is vastgelegd en staat bij u in behandeling.")
            return redirect(melding)
    return render(request, "verzuim/absoluut_nieuw.html", {"form": form})


def _duo_taken(user):
    return (
        Termijn.objects.filter_for_user(user)
        .filter(soort=DUO_MELDING, school_id__in=scope_for(user).school_ids)
        .select_related("leerling", "school")
    )


@rol_vereist(*SCHOOLLEIDING)
@lijst_gelogd("lijst meldingen aan DUO")
def duo_meldingen(request):
    """Open tasks first; the 100 most recent done ones below (one query each)."""
    qs = _duo_taken(request.user)
    return render(
        request,
        "verzuim/duo_meldingen.html",
        {
            "open": list(qs.filter(status__in=OPEN_STATUSSEN).order_by("einde", "pk")),
            "gedaan": list(qs.exclude(status__in=OPEN_STATUSSEN).order_by("-afgerond_op", "-pk")[:100]),
            "form": DuoGemeldForm(),
        },
    )


@require_POST
@rol_vereist(*SCHOOLLEIDING)
def duo_gemeld(request, pk: int):
    termijn = get_object_or_404(_duo_taken(request.user), pk=pk)
    form = DuoGemeldForm(request.POST)
    if form.is_valid():
        try:
            svc_duo_gemeld(
                termijn=termijn, gemeld_op=form.cleaned_data["gemeld_op"], door=request.user, request=request
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, "Vastgelegd: gemeld aan DUO.")
    else:
        messages.error(request, " ".join(e for fout in form.errors.values() for e in fout))
    return redirect("verzuim:duo_meldingen")
