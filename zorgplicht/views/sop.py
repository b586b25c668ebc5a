"""The schools' SOP pages: the list of regular schools and keeping one school's key support offers."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from cases.formvelden import toon_servicefouten
from cases.models import School
from cases.models.organisaties import SchoolSoort
from cases.models.rollen import RolSoort
from cases.permissions import rol_vereist
from zorgplicht import forms as f
from zorgplicht import services
from zorgplicht.models import OndersteuningSoort, SopAanbod
from zorgplicht.views import pagina


@rol_vereist(RolSoort.SC, RolSoort.DIRECTEUR, RolSoort.IB)
def sop_lijst(request):
    scholen = (
        School.objects.filter_for_user(request.user)
        .filter(soort=SchoolSoort.BAO)
        .select_related("regio")
        .prefetch_related("sop_aanbod")
        .order_by("regio__naam", "naam")
    )
    return render(request, "zorgplicht/sop_lijst.html", {"pagina": pagina(request, scholen)})


@rol_vereist(RolSoort.SC, RolSoort.DIRECTEUR, RolSoort.IB)
def sop(request, school_pk):
    school = get_object_or_404(School.objects.filter_for_user(request.user), pk=school_pk)
    if not services.mag_sop_bewerken(request.user, school):
        raise PermissionDenied(
            "Alleen de school zelf of de steunpuntcoördinator van de regio houdt het SOP bij."
        )
    bestaand = {r.soort: r.toelichting for r in SopAanbod.objects.filter(school=school)}
    form = f.SopForm(request.POST if request.method == "POST" else None, bestaand=bestaand)
    if request.method == "POST" and form.is_valid():
        try:
            services.bewaar_sop(school=school, door=request.user, request=request, aanbod=form.aanbod())
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(request, "Het ondersteuningsaanbod is bijgewerkt.")
            return redirect("zorgplicht:sop_lijst")
    rijen = [(form[f"heeft_{s}"], form[f"toelichting_{s}"]) for s in OndersteuningSoort.values]
    return render(request, "zorgplicht/sop.html", {"school": school, "form": form, "rijen": rijen})
