"""The beheerder's pages [issue 14]. Objects come from cases/beheer/selectors.py (404 for anything
outside the SWV's he manages); every write goes through cases/beheer/services.py."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from cases.beheer import forms as f
from cases.beheer import selectors, services
from cases.formvelden import toon_servicefouten
from cases.models import Gemeente, Regio, School, Schoolbestuur
from cases.models.rollen import RolSoort
from cases.permissions import rol_vereist

beheerder = rol_vereist(RolSoort.BEHEERDER)


@dataclass(frozen=True)
class Soort:
    """One kind of organisation: its model, form, selector, list columns and Dutch words."""

    slug: str
    model: type
    form: type
    selector: object
    enkelvoud: str
    meervoud: str
    kolommen: tuple[tuple[str, str], ...]  # (kop, attribuut)


ORGANISATIES = {
    "scholen": Soort(
        "scholen",
        School,
        f.SchoolForm,
        selectors.scholen,
        "school",
        "Scholen",
        (
            ("BRIN", "brin_vestiging"),
            ("Soort", "get_soort_display"),
            ("Regio", "regio"),
            ("Gemeente", "gemeente"),
            ("Schoolbestuur", "bestuur"),
        ),
    ),
    "besturen": Soort(
        "besturen",
        Schoolbestuur,
        f.SchoolbestuurForm,
        selectors.besturen,
        "schoolbestuur",
        "Schoolbesturen",
        (("Bestuursnummer", "bestuursnummer"), ("Denominatie", "get_denominatie_display")),
    ),
    "regios": Soort("regios", Regio, f.RegioForm, selectors.regios, "regio", "Regio's", ()),
    "gemeenten": Soort(
        "gemeenten",
        Gemeente,
        f.GemeenteForm,
        selectors.gemeenten,
        "gemeente",
        "Gemeenten",
        (("CBS-code", "cbs_code"),),
    ),
}


def _waarde(obj, attr):
    w = getattr(obj, attr)
    return w() if callable(w) else w


@beheerder
def overzicht(request):
    return render(request, "cases/beheer/overzicht.html", {"organisaties": ORGANISATIES.values()})


@beheerder
def organisatie_lijst(request, soort):
    s = ORGANISATIES[soort]
    rijen = [
        (obj, [_waarde(obj, a) for _, a in s.kolommen])
        for obj in s.selector(request.user).select_related("swv").order_by("naam")
    ]
    return render(request, "cases/beheer/organisatie_lijst.html", {"soort": s, "rijen": rijen})


def _keuzes(user, soort: Soort) -> dict:
    if soort.model is School:
        return {
            "bestuur": selectors.besturen(user),
            "regio": selectors.regios(user),
            "gemeente": selectors.gemeenten(user),
        }
    return {}


@beheerder
def organisatie_bewerken(request, soort, pk=None):
    s = ORGANISATIES[soort]
    obj = get_object_or_404(s.selector(request.user), pk=pk) if pk else None
    swvs = selectors.swvs(request.user)
    form = s.form(request.POST or None, instance=obj, swvs=swvs, keuzes=_keuzes(request.user, s))
    if request.method == "POST" and form.is_valid():
        try:
            services.bewaar_organisatie(
                model=s.model,
                door=request.user,
                request=request,
                swv=form.cleaned_data["swv"],
                gegevens=form.gegevens(),
                obj=obj,
            )
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(request, f"De {s.enkelvoud} is opgeslagen.")
            return redirect(f"beheer:{s.slug}")
    titel = f"{s.enkelvoud.capitalize()} wijzigen" if obj else f"Nieuwe {s.enkelvoud}"
    return render(
        request,
        "cases/beheer/formulier.html",
        {"forms": [form], "titel": titel, "terug": reverse(f"beheer:{s.slug}")},
    )


# --- users and roles -----------------------------------------------------------------------------


def _rolform(request, data=None, **kwargs):
    u = request.user
    return f.RolForm(
        data,
        swvs=selectors.swvs(u),
        scholen=selectors.scholen(u).order_by("naam"),
        regios=selectors.regios(u),
        gemeenten=selectors.gemeenten(u),
        **kwargs,
    )


@beheerder
def gebruiker_lijst(request):
    return render(
        request, "cases/beheer/gebruiker_lijst.html", {"gebruikers": selectors.gebruikers(request.user)}
    )


@beheerder
def gebruiker_nieuw(request):
    data = request.POST or None
    form = f.GebruikerForm(data, nieuw=True)
    initial = {"soort": request.GET.get("soort")} if request.GET.get("soort") in RolSoort.values else {}
    rolform = _rolform(request, data, prefix="rol", nieuw=True, initial=initial)
    if request.method == "POST" and form.is_valid() and rolform.is_valid():
        try:
            gebruiker = services.maak_gebruiker(
                door=request.user,
                request=request,
                swv=rolform.cleaned_data["swv"],
                gegevens=form.cleaned_data,
                rol_gegevens=rolform.gegevens(),
            )
        except ValidationError as exc:
            fouten = exc.message_dict
            rol = {k.removeprefix("rol_"): v for k, v in fouten.items() if k.startswith("rol_")}
            eigen = {k: v for k, v in fouten.items() if not k.startswith("rol_")}
            if rol:
                toon_servicefouten(rolform, ValidationError(rol))
            if eigen:
                toon_servicefouten(form, ValidationError(eigen))
        else:
            messages.success(
                request,
                f"{gebruiker} is toegevoegd. Er is een e-mail gestuurd om een wachtwoord in te stellen.",
            )
            return redirect("beheer:gebruiker_wijzigen", pk=gebruiker.pk)
    return render(
        request,
        "cases/beheer/formulier.html",
        {"forms": [form, rolform], "titel": "Nieuwe gebruiker", "terug": reverse("beheer:gebruikers")},
    )


@beheerder
def gebruiker_wijzigen(request, pk):
    gebruiker = get_object_or_404(selectors.gebruikers(request.user), pk=pk)
    elders = selectors.werkt_ook_elders(request.user, gebruiker)
    form = f.GebruikerForm(request.POST or None, instance=gebruiker, alleen_lezen=elders)
    if request.method == "POST" and form.is_valid():
        try:
            services.wijzig_gebruiker(
                door=request.user, request=request, gebruiker=gebruiker, gegevens=form.cleaned_data
            )
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(request, "De gegevens zijn opgeslagen.")
            return redirect("beheer:gebruiker_wijzigen", pk=gebruiker.pk)
    return render(
        request,
        "cases/beheer/gebruiker.html",
        {"form": form, "gebruiker": gebruiker, "elders": elders, "rollen": gebruiker.beheer_rollen},
    )


@beheerder
def rol_bewerken(request, pk, rol_pk=None):
    gebruiker = get_object_or_404(selectors.gebruikers(request.user), pk=pk)
    rol = (
        get_object_or_404(selectors.rollen(request.user), pk=rol_pk, gebruiker=gebruiker) if rol_pk else None
    )
    form = _rolform(request, request.POST or None, instance=rol, nieuw=rol is None)
    if request.method == "POST" and form.is_valid():
        try:
            services.bewaar_rol(
                door=request.user,
                request=request,
                gebruiker=gebruiker,
                swv=form.cleaned_data.get("swv"),
                gegevens=form.gegevens(),
                rol=rol,
            )
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(request, "De rol is opgeslagen.")
            return redirect("beheer:gebruiker_wijzigen", pk=gebruiker.pk)
    titel = f"Rol van {gebruiker} wijzigen" if rol else f"Rol toevoegen voor {gebruiker}"
    return render(
        request,
        "cases/beheer/formulier.html",
        {"forms": [form], "titel": titel, "terug": reverse("beheer:gebruiker_wijzigen", args=[gebruiker.pk])},
    )


@beheerder
def deskundigen(request):
    form = f.DeskundigeFilterForm(request.GET or None)
    discipline = form.cleaned_data["discipline"] if form.is_bound and form.is_valid() else ""
    return render(
        request,
        "cases/beheer/deskundigen.html",
        {"form": form, "rollen": selectors.deskundigen(request.user, discipline)},
    )
