"""The dossier page of a leerling, the afspraak-afronden action, and the IB'er's "Mijn werk"
panel (registered with the "Leerlingen" menu item in cases/registraties.py)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from cases.dossier.selectors import dossier as dossier_gegevens
from cases.dossier.selectors import mijn_werk
from cases.dossier.services import ot as ot_service
from cases.dossier.services.leerlingen import mag_dossier_bewerken
from cases.dossier.views.leerlingen import SCHRIJVERS, leerling_voor
from cases.models import Afspraak
from cases.navigatie import Paneel
from cases.ouderportaal.selectors import portaal_regels
from cases.ouderportaal.services.toegang import mag_uitnodigen
from cases.ouderportaal.services.toestemming import mag_toestemming_vastleggen
from cases.ouderportaal.toestemmingen import toestemmingen_van
from cases.permissions import rol_vereist
from cases.services.audit import log_inzage


@login_required
def dossier(request, pk):
    """Every role may ask; the scope decides (404 outside it) [domain §2]."""
    leerling = leerling_voor(request, pk)
    context = dossier_gegevens(leerling, user=request.user)
    context["mag_bewerken"] = mag_dossier_bewerken(request.user, leerling)
    context["portaal_regels"] = portaal_regels(leerling)  # "Ouders en ouderportaal" [issue 17]
    context["mag_uitnodigen"] = mag_uitnodigen(request.user, leerling)
    if mag_toestemming_vastleggen(request.user, leerling):  # "Toestemming van ouders" [issue 17]
        context["toestemming_paneel"] = toestemmingen_van(leerling)
    # Log after reading, so the "wie keek" list shows earlier views, not this one.
    log_inzage(request=request, leerling=leerling, omschrijving="dossier bekeken")
    return render(request, "cases/dossier/dossier.html", context)


@require_POST
@rol_vereist(*SCHRIJVERS)
def afspraak_afronden(request, pk):
    afspraak = get_object_or_404(Afspraak.objects.filter_for_user(request.user), pk=pk)
    try:
        ot_service.rond_afspraak_af(afspraak=afspraak, door=request.user, request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "De afspraak is afgerond.")
    return redirect("dossier", pk=afspraak.leerling_id)


def ib_mijn_werk(user, scope) -> Paneel | None:
    """Mijn werk for the IB'er (and directeur): open afspraken, concepts, OPP's getting old."""
    if not scope.heeft(*SCHRIJVERS) or scope.alles:
        return None
    werk = mijn_werk(user)
    if not (werk.afspraken or werk.concepten or werk.opp_concepten or werk.oude_opps):
        return Paneel(
            titel="Dossiers",
            template="cases/dossier/paneel_mijn_werk.html",
            context={"werk": werk},
            volgorde=20,
        )
    return Paneel(
        titel="Dossiers: wat vraagt aandacht",
        template="cases/dossier/paneel_mijn_werk.html",
        context={"werk": werk},
        volgorde=20,
        aantal=werk.aantal_te_laat or None,
    )
