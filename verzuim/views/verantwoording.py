"""The yearly verantwoording of the schoolbesturen [002 L392-398, bijlage 2.4.1]: the SWV's bureau
asks, records what came in and judges it; late or ondeugdelijk opens the escalation."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from cases import queryparams as qp
from cases.formvelden import toon_servicefouten
from cases.models import Samenwerkingsverband
from cases.permissions import rol_vereist
from cases.scope import scope_for
from verzuim.forms import AanleveringForm, VerantwoordingUitvraagForm
from verzuim.models import Verantwoording
from verzuim.models.verantwoording import VERANTWOORDING_ROLLEN
from verzuim.services import verantwoording as svc


def _swv(request):
    ids = sorted(scope_for(request.user).swv_ids)
    return Samenwerkingsverband.objects.filter(pk__in=ids).order_by("naam").first()


@rol_vereist(*VERANTWOORDING_ROLLEN)
def verantwoordingen(request):
    vandaag = timezone.localdate()
    standaard = vandaag.year - 1 if vandaag.month >= 11 else vandaag.year - 2
    jaar = qp.geheel_getal(request, "jaar", minimum=2000, maximum=vandaag.year, label="het jaar") or standaard
    swv = _swv(request)
    form = VerantwoordingUitvraagForm(
        request.POST or None,
        initial={"jaar": vandaag.year - 1, "gevraagd_op": vandaag},
    )
    if request.method == "POST" and form.is_valid() and swv is not None:
        d = form.cleaned_data
        try:
            nieuw = svc.vraag_verantwoording(
                swv=swv,
                jaar=d["jaar"],
                gevraagd_op=d["gevraagd_op"],
                uiterlijk=d["uiterlijk"],
                door=request.user,
                request=request,
            )
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            if nieuw:
                messages.success(
                    request,
                    f"De verantwoording over {d['jaar']} is gevraagd aan {len(nieuw)} schoolbesturen.",
                )
            else:
                messages.info(
                    request, f"Alle schoolbesturen zijn al gevraagd om de verantwoording over {d['jaar']}."
                )
            return redirect(f"{request.path}?jaar={d['jaar']}")
    rijen = list(
        Verantwoording.objects.filter_for_user(request.user)
        .filter(jaar=jaar)
        .select_related("bestuur", "escalatie")
    )
    return render(
        request,
        "verzuim/verantwoordingen.html",
        {
            "jaar": jaar,
            "rijen": [(v, v.status(vandaag)) for v in rijen],
            "form": form,
            "vorig": jaar - 1,
            "volgend": jaar + 1 if jaar + 1 <= vandaag.year else None,
        },
    )


@rol_vereist(*VERANTWOORDING_ROLLEN)
def verantwoording(request, pk: int):
    v = get_object_or_404(
        Verantwoording.objects.filter_for_user(request.user).select_related(
            "bestuur", "escalatie", "vastgelegd_door"
        ),
        pk=pk,
    )
    form = AanleveringForm(
        request.POST or None,
        initial={
            "aangeleverd_op": v.aangeleverd_op,
            "beoordeling": v.beoordeling,
            "toelichting": v.toelichting,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            v = svc.leg_aanlevering_vast(
                verantwoording=v, door=request.user, request=request, **form.cleaned_data
            )
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            tekst = "De aanlevering is vastgelegd."
            if v.escalatie_id:
                tekst += " Er loopt een escalatie voor deze verantwoording."
            messages.success(request, tekst)
            return redirect("verzuim:verantwoording", pk=v.pk)
    return render(
        request,
        "verzuim/verantwoording.html",
        {"v": v, "status": v.status(timezone.localdate()), "form": form},
    )
