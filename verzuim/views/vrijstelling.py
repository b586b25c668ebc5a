"""Vier-partijenmodel pages: vrijstelling van inschrijving, art. 5 onder a [002 bijlage 2.5]."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from cases.formvelden import toon_servicefouten
from cases.models import Gemeente, Leerling, Regio
from cases.models.rollen import RolSoort
from cases.permissions import rol_vereist
from cases.scope import scope_for
from cases.services.audit import lijst_gelogd, log_inzage
from verzuim.forms import (
    AdviesForm,
    VrijstellingBesluitForm,
    VrijstellingForm,
)
from verzuim.models import Vrijstellingsverzoek
from verzuim.services import vrijstelling as vrsvc
from verzuim.views import pagina

VRIJSTELLING = (RolSoort.LPA, RolSoort.SLL, RolSoort.BESTUURDER)


@rol_vereist(*VRIJSTELLING)
@lijst_gelogd("lijst vrijstellingen")
def vrijstellingen(request):
    qs = Vrijstellingsverzoek.objects.filter_for_user(request.user).select_related("leerling", "gemeente")
    return render(
        request,
        "verzuim/vrijstellingen.html",
        {
            "pagina": pagina(request, qs),
            "mag_indienen": scope_for(request.user).heeft(RolSoort.SLL, RolSoort.BESTUURDER),
        },
    )


@rol_vereist(RolSoort.SLL, RolSoort.BESTUURDER)
def vrijstelling_nieuw(request):
    """The SWV records the beroep on vrijstelling for a pupil it knows; the LPA decides on it."""
    form = VrijstellingForm(
        request.POST or None,
        leerlingen=Leerling.objects.filter_for_user(request.user),
        gemeenten=Gemeente.objects.filter_for_user(request.user),
        regios=Regio.objects.filter_for_user(request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            v = vrsvc.dien_vrijstelling_in(door=request.user, request=request, **form.cleaned_data)
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            return redirect(v)
    return render(request, "verzuim/vrijstelling_nieuw.html", {"form": form})


@rol_vereist(*VRIJSTELLING)
def vrijstelling(request, pk: int):
    v = get_object_or_404(
        Vrijstellingsverzoek.objects.filter_for_user(request.user).select_related("leerling", "gemeente"),
        pk=pk,
    )
    scope = scope_for(request.user)
    is_lpa = scope.heeft(RolSoort.LPA) and v.gemeente_id in scope.gemeente_ids
    advies_form, besluit_form = AdviesForm(prefix="a"), VrijstellingBesluitForm(prefix="b")
    if request.method == "POST":
        actie = request.POST.get("actie")
        form = (
            AdviesForm(request.POST, prefix="a")
            if actie == "advies"
            else VrijstellingBesluitForm(request.POST, prefix="b")
        )
        if actie == "advies":
            advies_form = form
        else:
            besluit_form = form
        if form.is_valid():
            try:
                if actie == "advies":
                    vrsvc.leg_advies_vast(verzoek=v, door=request.user, request=request, **form.cleaned_data)
                else:
                    vrsvc.besluit_vrijstelling(
                        verzoek=v, door=request.user, request=request, **form.cleaned_data
                    )
            except ValidationError as exc:
                toon_servicefouten(form, exc)
            except PermissionDenied as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "Vastgelegd.")
                return redirect(v)
    else:
        log_inzage(request=request, leerling=v.leerling, obj=v, omschrijving="vrijstellingsverzoek bekeken")
    return render(
        request,
        "verzuim/vrijstelling.html",
        {
            "v": v,
            "adviezen": v.adviezen.all(),
            "ontbreekt": v.ontbrekende_partijen(),
            "is_lpa": is_lpa,
            "advies_form": advies_form,
            "besluit_form": besluit_form,
        },
    )
