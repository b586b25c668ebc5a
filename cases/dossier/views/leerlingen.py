"""Leerlingen: search within the user's scope, create and edit, ouders/verzorgers, inschrijvingen."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from cases.dossier.forms import (
    InschrijvingForm,
    LeerlingForm,
    NieuweLeerlingForm,
    OuderForm,
    UitschrijvenForm,
    ZoekForm,
)
from cases.dossier.selectors import dossier_queryset, zoek_leerlingen
from cases.dossier.services import leerlingen as service
from cases.formvelden import toon_servicefouten
from cases.models import School
from cases.models.rollen import BOVENSCHOOLS, SCHOOLGEBONDEN
from cases.permissions import rol_vereist
from cases.scope import scope_for
from cases.services.audit import lijst_gelogd
from tlv.toelating import toelating_sbo_so

# Roles that work with dossiers of pupils (a deskundige or LPA reaches a dossier through a case).
LEERLING_LEZERS = SCHOOLGEBONDEN | BOVENSCHOOLS
SCHRIJVERS = service.SCHRIJVERS
PER_PAGINA = 25


def leerling_voor(request, pk):
    """The leerling, if the user may see it; 404 otherwise (never reveal that it exists)."""
    return get_object_or_404(dossier_queryset(request.user), pk=pk)


def bewerkbare_leerling(request, pk):
    leerling = leerling_voor(request, pk)
    service.eis_bewerkrecht(request.user, leerling)
    return leerling


@rol_vereist(*LEERLING_LEZERS)
@lijst_gelogd("lijst leerlingen")
def leerling_lijst(request):
    form = ZoekForm(request.GET or None)
    naam, geboortedatum = "", None
    if form.is_bound and form.is_valid():
        naam = form.cleaned_data["naam"] or ""
        geboortedatum = form.cleaned_data["geboortedatum"]
    pagina = Paginator(
        zoek_leerlingen(request.user, naam=naam, geboortedatum=geboortedatum), PER_PAGINA
    ).get_page(request.GET.get("pagina"))
    zoekterm = request.GET.copy()
    zoekterm.pop("pagina", None)
    return render(
        request,
        "cases/dossier/lijst.html",
        {
            "form": form,
            "pagina": pagina,
            "zoekterm": zoekterm.urlencode(),
            "mag_aanmaken": scope_for(request.user).heeft(*SCHRIJVERS),
            "gezocht": bool(naam or geboortedatum),
        },
    )


def _eigen_scholen(user):
    scope = scope_for(user)
    qs = School.objects.filter_for_user(user)
    return qs if scope.alles else qs.filter(pk__in=scope.school_ids)


@rol_vereist(*SCHRIJVERS)
def leerling_nieuw(request):
    scholen = _eigen_scholen(request.user).select_related("swv")
    school = scholen.first()
    if school is None:
        messages.error(request, "Uw rol hoort niet bij een school; u kunt hier geen leerling inschrijven.")
        return redirect("leerling_lijst")
    form = NieuweLeerlingForm(
        request.POST or None,
        swv=school.swv,
        scholen=scholen,
        initial={"van": timezone.localdate(), "school": school},
    )
    if request.method == "POST" and form.is_valid():
        try:
            leerling = service.maak_leerling(
                door=request.user,
                request=request,
                gegevens=form.gegevens(),
                bsn=form.bsn_wijziging() or "",
                school=form.cleaned_data["school"],
                groep=form.cleaned_data["groep"],
                van=form.cleaned_data["van"],
            )
        except ValidationError as exc:
            toon_servicefouten(form, _bsn_naar_invoer(exc))
        else:
            messages.success(request, "Het dossier is aangemaakt. Voeg nu de ouders/verzorgers toe.")
            return redirect("dossier", pk=leerling.pk)
    return render(request, "cases/dossier/leerling_form.html", {"form": form, "titel": "Nieuwe leerling"})


def _bsn_naar_invoer(exc: ValidationError) -> ValidationError:
    if hasattr(exc, "error_dict") and "bsn" in exc.error_dict:
        fouten = dict(exc.message_dict)
        fouten["bsn_invoer"] = fouten.pop("bsn")
        return ValidationError(fouten)
    return exc


@rol_vereist(*SCHRIJVERS)
def leerling_wijzigen(request, pk):
    leerling = bewerkbare_leerling(request, pk)
    form = LeerlingForm(request.POST or None, instance=leerling, swv=leerling.swv)
    if request.method == "POST" and form.is_valid():
        try:
            service.wijzig_leerling(
                leerling=leerling,
                door=request.user,
                request=request,
                gegevens=form.gegevens(),
                bsn=form.bsn_wijziging(),
            )
        except ValidationError as exc:
            toon_servicefouten(form, _bsn_naar_invoer(exc))
        else:
            messages.success(request, "De gegevens zijn opgeslagen.")
            return redirect("dossier", pk=leerling.pk)
    return render(
        request,
        "cases/dossier/leerling_form.html",
        {"form": form, "leerling": leerling, "titel": f"Gegevens van {leerling.volledige_naam}"},
    )


@rol_vereist(*SCHRIJVERS)
def ouder_bewerken(request, pk, ouder_pk=None):
    leerling = bewerkbare_leerling(request, pk)
    ouder = get_object_or_404(leerling.ouders, pk=ouder_pk) if ouder_pk else None
    form = OuderForm(request.POST or None, instance=ouder)
    if request.method == "POST" and form.is_valid():
        try:
            service.bewaar_ouder(
                leerling=leerling, ouder=ouder, door=request.user, request=request, gegevens=form.cleaned_data
            )
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(request, "De ouder/verzorger is opgeslagen.")
            return redirect("dossier", pk=leerling.pk)
    titel = "Ouder/verzorger wijzigen" if ouder else "Ouder/verzorger toevoegen"
    return render(
        request, "cases/dossier/ouder_form.html", {"form": form, "leerling": leerling, "titel": titel}
    )


@rol_vereist(*SCHRIJVERS)
def inschrijving_nieuw(request, pk):
    leerling = bewerkbare_leerling(request, pk)
    scholen = School.objects.filter(swv=leerling.swv).order_by("naam")
    form = InschrijvingForm(
        request.POST or None,
        scholen=scholen,
        initial={"school": leerling.huidige_school, "groep": leerling.huidige_groep},
    )
    uit = UitschrijvenForm(prefix="uit")
    if request.method == "POST" and form.is_valid():
        try:
            service.schrijf_leerling_in(
                leerling=leerling,
                door=request.user,
                request=request,
                school=form.cleaned_data["school"],
                groep=form.cleaned_data["groep"],
                van=form.cleaned_data["van"],
            )
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(request, "De inschrijving is vastgelegd.")
            if dossier_queryset(request.user).filter(pk=leerling.pk).exists():
                return redirect("dossier", pk=leerling.pk)
            return redirect("leerling_lijst")
    toelating = toelating_sbo_so(leerling=leerling, op=timezone.localdate())
    return render(
        request,
        "cases/dossier/inschrijving_form.html",
        {"form": form, "uit": uit, "leerling": leerling, "toelating": toelating},
    )


@rol_vereist(*SCHRIJVERS)
def uitschrijven(request, pk):
    leerling = bewerkbare_leerling(request, pk)
    scholen = School.objects.filter(swv=leerling.swv).order_by("naam")
    form = InschrijvingForm(scholen=scholen, initial={"school": leerling.huidige_school})
    uit = UitschrijvenForm(request.POST or None, prefix="uit")
    if request.method == "POST" and uit.is_valid():
        try:
            service.schrijf_leerling_uit(
                leerling=leerling, door=request.user, request=request, tot=uit.cleaned_data["tot"]
            )
        except ValidationError as exc:
            toon_servicefouten(uit, exc)
        else:
            messages.success(
                request, "De leerling is uitgeschreven. Uw school heeft geen toegang meer tot dit dossier."
            )
            return redirect("leerling_lijst")
    return render(
        request, "cases/dossier/inschrijving_form.html", {"form": form, "uit": uit, "leerling": leerling}
    )
