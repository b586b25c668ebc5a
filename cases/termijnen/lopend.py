"""Lopende termijnen: every open term of the user's SWV in one list, for the SLL, the beheerder
and the bestuurder [issue 20.4]. Sortable by the last day, filterable by kind and regio."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from cases import queryparams as qp
from cases.models.organisaties import Regio
from cases.models.rollen import RolSoort
from cases.permissions import rol_vereist
from cases.scope import scope_for
from cases.services.audit import lijst_gelogd
from cases.termijnen.models.termijnen import OPEN_STATUSSEN, SOORTEN, Termijn

LEZERS = (RolSoort.SLL, RolSoort.BEHEERDER, RolSoort.BESTUURDER)
PER_PAGINA = 50
#: GET value → ordering; the first is the default (the most urgent term first).
VOLGORDES = {
    "laatste_dag": ("einde", "pk"),
    "-laatste_dag": ("-einde", "-pk"),
}


def lopende_termijnen(swv_ids, *, soort: str | None = None, regio: Regio | None = None):
    """Open terms (lopend or verlopen) of these SWV's; leerling, school, regio and the case in a
    fixed number of queries (the case through a GenericForeignKey prefetch)."""
    qs = Termijn.objects.filter(swv_id__in=swv_ids, status__in=OPEN_STATUSSEN)
    if soort:
        qs = qs.filter(soort=soort)
    if regio is not None:
        qs = qs.filter(school__regio=regio)
    return qs.select_related("leerling", "school__regio").prefetch_related("zaak")


@rol_vereist(*LEZERS)
@require_GET
@lijst_gelogd("lopende termijnen")
def lopend(request):
    scope = scope_for(request.user)
    swv_ids = {r.swv_id for r in scope.rollen if r.soort in LEZERS}
    soorten = sorted(((code, d.label) for code, d in SOORTEN.items()), key=lambda s: s[1].casefold())
    soort = qp.keuze(request, "soort", [code for code, _ in soorten], label="de soort termijn")
    regios = Regio.objects.filter(swv_id__in=swv_ids).order_by("naam")
    regio = qp.rij(request, "regio", regios, label="de regio")
    volgorde = qp.keuze(request, "volgorde", VOLGORDES, label="de sortering") or "laatste_dag"
    qs = lopende_termijnen(swv_ids, soort=soort, regio=regio).order_by(*VOLGORDES[volgorde])
    pagina = Paginator(qs, PER_PAGINA).get_page(request.GET.get("pagina"))
    filters = {"soort": soort or "", "regio": regio.pk if regio else ""}
    return render(
        request,
        "cases/termijnen/lopend.html",
        {
            "pagina": pagina,
            "soorten": soorten,
            "soort": soort or "",
            "regios": list(regios),
            "regio": regio,
            "volgorde": volgorde,
            "vandaag": timezone.localdate(),
            "filters_qs": urlencode({k: v for k, v in filters.items() if v}),
            "querystring": urlencode({k: v for k, v in {**filters, "volgorde": volgorde}.items() if v}),
        },
    )
