"""The melding of a schorsing or verwijdering to leerplicht and inspectie: the school sees its task,
downloads the generated melding and records who reported when and how; the LPA reads it
[002 L287-296; 004 L618-637; issue 16.11]."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from cases.formvelden import toon_servicefouten
from cases.models.rollen import SCHOOLLEIDING, SWV_REGIE, RolSoort
from cases.permissions import rol_vereist
from cases.scope import scope_for
from cases.services.audit import log_inzage
from verzuim.forms import MaatregelMeldingForm
from verzuim.models import MaatregelMelding
from verzuim.services import maatregelmeldingen as svc
from verzuim.views.maatregelen import _brieven


@rol_vereist(*(SCHOOLLEIDING | SWV_REGIE), RolSoort.LPA)
def maatregelmelding(request, pk: int):
    m = get_object_or_404(
        MaatregelMelding.objects.filter_for_user(request.user).select_related(
            "leerling", "school__bestuur", "gemeente", "schorsing", "verwijdering", "gemeld_door"
        ),
        pk=pk,
    )
    scope = scope_for(request.user)
    is_school = scope.heeft(*SCHOOLLEIDING) and m.school_id in scope.school_ids
    form = MaatregelMeldingForm()
    if request.method == "POST" and is_school:
        form = MaatregelMeldingForm(request.POST)
        if form.is_valid():
            try:
                svc.leg_melding_vast(melding=m, door=request.user, request=request, **form.cleaned_data)
            except ValidationError as exc:
                toon_servicefouten(form, exc)
            else:
                messages.success(
                    request, f"Vastgelegd: de {m.soort} is gemeld aan {m.get_ontvanger_display()}."
                )
                return redirect(m)
    elif request.method == "GET":
        log_inzage(request=request, leerling=m.leerling, obj=m, omschrijving=f"melding {m.soort} bekeken")
    return render(
        request,
        "verzuim/maatregelmelding.html",
        {
            "m": m,
            "form": form,
            "is_school": is_school,
            "termijn": svc.termijn_van(m),
            "brieven": _brieven(request, m) if is_school or not scope.heeft(RolSoort.LPA) else [],
        },
    )
