"""The beheerder's search in the audit log: by user, leerling, action and date range; paginated,
a constant number of queries per page."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render

from cases.dossier.forms import AuditZoekForm
from cases.models import AuditRegel
from cases.models.rollen import RolSoort
from cases.permissions import rol_vereist

PER_PAGINA = 50


@rol_vereist(RolSoort.BEHEERDER)
def audit_zoeken(request):
    form = AuditZoekForm(request.GET or None)
    regels = AuditRegel.objects.filter_for_user(request.user).select_related("gebruiker", "leerling")
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["gebruiker"]:
            for woord in data["gebruiker"].split():
                regels = regels.filter(
                    Q(gebruikersnaam__icontains=woord)
                    | Q(gebruiker__first_name__icontains=woord)
                    | Q(gebruiker__last_name__icontains=woord)
                )
        if data["leerling"]:
            regels = regels.filter(leerling_id=data["leerling"])
        if data["actie"]:
            regels = regels.filter(actie=data["actie"])
        if data["van"]:
            regels = regels.filter(tijdstip__date__gte=data["van"])
        if data["tot"]:
            regels = regels.filter(tijdstip__date__lte=data["tot"])
    elif form.is_bound:
        regels = regels.none()
    pagina = Paginator(regels.order_by("-tijdstip", "-id"), PER_PAGINA).get_page(request.GET.get("pagina"))
    zoekterm = request.GET.copy()
    zoekterm.pop("pagina", None)
    return render(
        request,
        "cases/dossier/audit.html",
        {"form": form, "pagina": pagina, "zoekterm": zoekterm.urlencode()},
    )
