"""Staff record a consent ouders gave or withdrew on paper [issue 17]: the IB'er/directeur of the
child's school, the SC of its regio, the SWV bureau (services.toestemming.mag_toestemming_vastleggen).
The current consents show on the dossier (panel "Toestemming van ouders")."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from cases.dossier.views.leerlingen import leerling_voor
from cases.models.rollen import SCHOOLLEIDING, SWV_BUREAU, RolSoort
from cases.ouderportaal import toestemmingen as lezen
from cases.ouderportaal.forms import PapierenToestemmingForm
from cases.ouderportaal.models.toestemming import Toestemming
from cases.ouderportaal.services import toestemming as service
from cases.permissions import rol_vereist
from cases.services.audit import log_inzage

VASTLEGGERS = tuple(SCHOOLLEIDING | SWV_BUREAU | {RolSoort.SC})


@rol_vereist(*VASTLEGGERS)
def vastleggen(request, pk: int):
    leerling = leerling_voor(request, pk)
    service.eis_vastlegrecht(request.user, leerling)
    ouders = list(leerling.ouders.filter(gezag=True).order_by("naam"))
    form = PapierenToestemmingForm(
        request.POST or None,
        keuzes=lezen.keuzes(),
        ouders=ouders,
        initial={"getekend_op": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        ouder = next(o for o in ouders if o.pk == form.cleaned_data["ouder"])
        try:
            t = service.leg_papier_vast(
                door=request.user,
                ouder=ouder,
                onderwerp=form.cleaned_data["onderwerp"],
                getekend_op=form.cleaned_data["getekend_op"],
                scope=form.cleaned_data["scope"],
                toelichting=form.cleaned_data["toelichting"],
                request=request,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, f"De toestemming van {ouder.naam} is vastgelegd: {t.get_onderwerp_display()}."
            )
            return redirect("dossier", pk=leerling.pk)
    log_inzage(request=request, leerling=leerling, omschrijving="toestemmingen van ouders bekeken")
    return render(
        request,
        "ouders/toestemming_papier.html",
        {
            "leerling": leerling,
            "form": form,
            "ouders": ouders,
            "overzicht": lezen.toestemmingen_van(leerling),
            "onderwerpen": lezen.uitleg(),
        },
        status=400 if form.errors else 200,
    )


@require_POST
@rol_vereist(*VASTLEGGERS)
def intrekken(request, pk: int):
    t = Toestemming.objects.filter(pk=pk).select_related("leerling").first()
    if t is None:
        raise Http404("Deze toestemming bestaat niet.")
    leerling_voor(request, t.leerling_id)  # 404 outside the user's scope
    try:
        service.trek_in_papier(door=request.user, toestemming=t, request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"De toestemming is ingetrokken: {t.get_onderwerp_display()}.")
    return redirect("dossier", pk=t.leerling_id)
