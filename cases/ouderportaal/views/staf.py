"""Staff actions from the dossier's panel "Ouders en ouderportaal" [issue 17]: invite (again) and
withdraw access. IB'er/directeur of the child's school or the SWV bureau (services.toegang)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from cases.dossier.views.leerlingen import leerling_voor
from cases.models.rollen import SCHOOLLEIDING, SWV_BUREAU
from cases.ouderportaal.services import toegang as service
from cases.ouderportaal.services.toegang import eis_uitnodigrecht
from cases.permissions import rol_vereist

UITNODIGERS = tuple(SCHOOLLEIDING | SWV_BUREAU)


def _ouder(request, pk: int, ouder_pk: int):
    leerling = leerling_voor(request, pk)
    eis_uitnodigrecht(request.user, leerling)
    return get_object_or_404(leerling.ouders.all(), pk=ouder_pk)


@require_POST
@rol_vereist(*UITNODIGERS)
def uitnodigen(request, pk: int, ouder_pk: int):
    ouder = _ouder(request, pk, ouder_pk)
    try:
        service.nodig_uit(ouder=ouder, door=request.user, request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            f"{ouder.naam} krijgt zo een e-mail met een link naar het ouderportaal. De link werkt "
            f"{settings.PASSEND_OUDER_UITNODIGING_DAGEN} dagen na het versturen, en één keer.",
        )
    return redirect("dossier", pk=pk)


@require_POST
@rol_vereist(*UITNODIGERS)
def intrekken(request, pk: int, ouder_pk: int):
    ouder = _ouder(request, pk, ouder_pk)
    try:
        service.trek_in(ouder=ouder, door=request.user, request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"De toegang van {ouder.naam} tot het ouderportaal is ingetrokken.")
    return redirect("dossier", pk=pk)
