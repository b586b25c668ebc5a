"""Escalatieladder pages [002 bijlage 2.4.1]."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from cases import queryparams as qp
from cases.formvelden import toon_servicefouten
from cases.models import Regio, School
from cases.models.rollen import SWV_REGIE, RolSoort
from cases.permissions import rol_vereist
from cases.scope import scope_for
from cases.services.audit import lijst_gelogd
from verzuim.forms import (
    EscalatieForm,
    EscalatieStapForm,
)
from verzuim.models import Escalatie
from verzuim.services import thuiszitters as svc
from verzuim.views import pagina


@rol_vereist(*SWV_REGIE)
@lijst_gelogd("lijst escalaties")
def escalaties(request):
    qs = Escalatie.objects.filter_for_user(request.user).select_related(
        "regio", "school", "bestuur", "thuiszitter__leerling"
    )
    alleen_open = qp.keuze(request, "open", ("0", "1"), label="de keuze lopend/gesloten") != "0"
    if alleen_open:
        qs = qs.filter(gesloten_op__isnull=True)
    return render(
        request,
        "verzuim/escalaties.html",
        {"pagina": pagina(request, qs), "alleen_open": alleen_open},
    )


@rol_vereist(*SWV_REGIE)
def escalatie_nieuw(request):
    form = EscalatieForm(
        request.POST or None,
        regios=Regio.objects.filter_for_user(request.user),
        scholen=School.objects.filter_for_user(request.user),
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        if d["school"] is not None and d["school"].regio_id != d["regio"].pk:
            form.add_error("school", "Deze school ligt niet in de gekozen regio.")
        else:
            try:
                e = svc.open_escalatie(
                    regio=d["regio"],
                    school=d["school"],
                    aanleiding=d["aanleiding"],
                    situatie=d["situatie"],
                    door=request.user,
                    request=request,
                )
            except ValidationError as exc:
                toon_servicefouten(form, exc)
            except PermissionDenied as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "Het signaal is vastgelegd (stap 1 van de escalatieladder).")
                return redirect(e)
    return render(request, "verzuim/escalatie_nieuw.html", {"form": form})


@rol_vereist(*SWV_REGIE)
def escalatie(request, pk: int):
    e = get_object_or_404(
        Escalatie.objects.filter_for_user(request.user).select_related(
            "regio", "school", "bestuur", "thuiszitter__leerling"
        ),
        pk=pk,
    )
    form = EscalatieStapForm()
    if request.method == "POST" and request.POST.get("actie") == "sluiten":
        try:
            svc.sluit_escalatie(escalatie=e, door=request.user, request=request)
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        else:
            messages.success(request, "De escalatie is gesloten.")
        return redirect(e)
    if request.method == "POST":
        form = EscalatieStapForm(request.POST)
        if form.is_valid():
            try:
                svc.zet_escalatiestap(escalatie=e, door=request.user, request=request, **form.cleaned_data)
            except ValidationError as exc:
                toon_servicefouten(form, exc)
            else:
                messages.success(request, "De stap is vastgelegd.")
                return redirect(e)
    return render(
        request,
        "verzuim/escalatie.html",
        {
            "e": e,
            "form": form,
            "stappen": e.stappen.select_related("door"),
            "is_bestuurder": scope_for(request.user).heeft(RolSoort.BESTUURDER),
        },
    )
