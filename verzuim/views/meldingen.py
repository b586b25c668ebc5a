"""Absence registration by the school and the meldingen inbox of the leerplichtambtenaar."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, F, Q
from django.shortcuts import get_object_or_404, redirect, render

from cases import queryparams as qp
from cases.formvelden import toon_servicefouten
from cases.models import Leerling
from cases.models.rollen import SCHOOLLEIDING, RolSoort
from cases.permissions import rol_vereist
from cases.scope import scope_for
from cases.services.audit import lijst_gelogd, log_inzage
from verzuim.forms import LpaReactieForm, MeldingForm, RegistratieForm
from verzuim.models import MaatregelMelding, Verzuimmelding
from verzuim.models.meldingen import MeldingStatus
from verzuim.selectors import verzuimbeeld
from verzuim.services import meldingen as svc
from verzuim.views import pagina, peildatum


@rol_vereist(*SCHOOLLEIDING)
@lijst_gelogd("lijst leerlingen verzuim")
def leerlingen(request):
    """The school's pupils with their registered absence this school year."""
    qs = (
        Leerling.objects.filter_for_user(request.user)
        .filter(huidige_school_id__in=scope_for(request.user).school_ids)
        .select_related("huidige_school")
        .annotate(
            aantal_registraties=Count("verzuimregistraties", distinct=True),
            open_meldingen=Count(
                "verzuimmeldingen",
                filter=~Q(verzuimmeldingen__status=MeldingStatus.AFGEHANDELD),
                distinct=True,
            ),
        )
        .order_by("achternaam", "voornaam")
    )
    zoek = request.GET.get("zoek", "").strip()
    if zoek:
        qs = qs.filter(Q(achternaam__icontains=zoek) | Q(voornaam__icontains=zoek))
    return render(request, "verzuim/leerlingen.html", {"pagina": pagina(request, qs), "zoek": zoek})


@rol_vereist(*SCHOOLLEIDING)
def leerling(request, leerling_id: int):
    ll = get_object_or_404(
        Leerling.objects.filter_for_user(request.user)
        .filter(huidige_school_id__in=scope_for(request.user).school_ids)
        .select_related("huidige_school__gemeente"),
        pk=leerling_id,
    )
    registratie_form = RegistratieForm(prefix="r")
    melding_form = MeldingForm(prefix="m")
    if request.method == "POST":
        actie = request.POST.get("actie")
        try:
            if actie == "registreer":
                registratie_form = RegistratieForm(request.POST, prefix="r")
                if registratie_form.is_valid():
                    d = registratie_form.cleaned_data
                    svc.registreer_verzuim(
                        leerling=ll,
                        soort=d["soort"],
                        datum=d["datum"],
                        uren=d["uren"] or 0,
                        tot=d["tot"],
                        opmerking=d["opmerking"],
                        door=request.user,
                        request=request,
                    )
                    messages.success(request, "Het verzuim is geregistreerd.")
                    return redirect("verzuim:leerling", leerling_id=ll.pk)
            elif actie == "meld":
                melding_form = MeldingForm(request.POST, prefix="m")
                if melding_form.is_valid():
                    d = melding_form.cleaned_data
                    melding = svc.meld_verzuim(
                        leerling=ll,
                        soort=d["soort"],
                        ouders_geinformeerd_op=d["ouders_geinformeerd_op"],
                        toelichting=d["toelichting"],
                        door=request.user,
                        request=request,
                    )
                    messages.success(
                        request,
                        f"De melding is verstuurd aan leerplicht van de gemeente {melding.gemeente.naam}.",
                    )
                    return redirect("verzuim:melding", pk=melding.pk)
        except ValidationError as exc:
            toon_servicefouten(registratie_form if actie == "registreer" else melding_form, exc)
    else:
        log_inzage(request=request, leerling=ll, omschrijving="verzuimoverzicht bekeken")
    beeld = verzuimbeeld(user=request.user, leerling=ll, peildatum=peildatum(request))
    return render(
        request,
        "verzuim/leerling.html",
        {
            "leerling": ll,
            "beeld": beeld,
            "registratie_form": registratie_form,
            "melding_form": melding_form,
            "is_directeur": scope_for(request.user).heeft(RolSoort.DIRECTEUR),
        },
    )


@rol_vereist(RolSoort.IB, RolSoort.DIRECTEUR, RolSoort.LPA)
@lijst_gelogd("lijst verzuimmeldingen")
def meldingen(request):
    qs = Verzuimmelding.objects.filter_for_user(request.user).select_related("leerling", "school", "gemeente")
    status = qp.keuze(request, "status", MeldingStatus.values, label="de status") or ""
    if status:
        qs = qs.filter(status=status)
    # Schorsingen and verwijderingen reported to leerplicht (the LPA) or still to report (the school)
    # [issue 16.11]; the 50 most recent, in one query.
    maatregelmeldingen = list(
        MaatregelMelding.objects.filter_for_user(request.user)
        .select_related("leerling", "school", "schorsing", "verwijdering")
        .order_by(F("gemeld_op").desc(nulls_first=True), "-pk")[:50]
    )
    return render(
        request,
        "verzuim/meldingen.html",
        {
            "pagina": pagina(request, qs),
            "status": status,
            "statussen": MeldingStatus.choices,
            "is_lpa": scope_for(request.user).heeft(RolSoort.LPA),
            "maatregelmeldingen": maatregelmeldingen,
        },
    )


@rol_vereist(RolSoort.IB, RolSoort.DIRECTEUR, RolSoort.LPA)
def melding(request, pk: int):
    m = get_object_or_404(
        Verzuimmelding.objects.filter_for_user(request.user).select_related(
            "leerling", "school", "gemeente", "gemeld_door", "behandeld_door"
        ),
        pk=pk,
    )
    scope = scope_for(request.user)
    is_lpa = scope.heeft(RolSoort.LPA) and m.gemeente_id in scope.gemeente_ids
    form = LpaReactieForm(initial={"reactie": m.lpa_reactie})
    if request.method == "POST" and is_lpa:
        actie = request.POST.get("actie")
        try:
            if actie == "behandel":
                svc.neem_in_behandeling(melding=m, door=request.user, request=request)
                messages.success(request, "De melding is in behandeling genomen.")
                return redirect("verzuim:melding", pk=m.pk)
            form = LpaReactieForm(request.POST)
            if form.is_valid():
                svc.handel_af(
                    melding=m, reactie=form.cleaned_data["reactie"], door=request.user, request=request
                )
                messages.success(request, "De melding is afgehandeld; de school ziet uw reactie.")
                return redirect("verzuim:melding", pk=m.pk)
        except ValidationError as exc:
            toon_servicefouten(form, exc)
    elif request.method == "GET":
        log_inzage(request=request, leerling=m.leerling, obj=m, omschrijving="verzuimmelding bekeken")
    return render(request, "verzuim/melding.html", {"m": m, "is_lpa": is_lpa, "form": form})
