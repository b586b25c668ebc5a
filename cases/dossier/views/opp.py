"""OPP: versions (each evaluation a new version, earlier ones readable), editing a concept,
vaststellen, and recording the ouders' akkoord on the handelingsdeel [002 bijlage 3.8.1]."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from cases.dossier.forms import AkkoordForm, InterventieFormSet, OPPForm
from cases.dossier.models.opp import FACTOREN
from cases.dossier.selectors import opp_leeftijd_waarschuwing
from cases.dossier.services import opp as service
from cases.dossier.services.leerlingen import eis_bewerkrecht, mag_dossier_bewerken
from cases.dossier.views.leerlingen import SCHRIJVERS, bewerkbare_leerling
from cases.formvelden import toon_servicefouten
from cases.models import OPP
from cases.permissions import rol_vereist
from cases.services.audit import log_inzage


def _opp(request, pk) -> OPP:
    return get_object_or_404(
        OPP.objects.filter_for_user(request.user).select_related(
            "leerling__huidige_school__bestuur", "leerling__swv", "vastgesteld_door"
        ),
        pk=pk,
    )


@require_POST
@rol_vereist(*SCHRIJVERS)
def opp_nieuw(request, pk):
    leerling = bewerkbare_leerling(request, pk)
    try:
        opp = service.start_opp(leerling=leerling, door=request.user, request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("dossier", pk=leerling.pk)
    return redirect("opp_bewerken", pk=opp.pk)


@login_required
def opp_detail(request, pk):
    opp = _opp(request, pk)
    leerling = opp.leerling
    versies = list(
        OPP.objects.filter(leerling=leerling).order_by("-versie").only("pk", "versie", "status", "datum")
    )
    akkoorden = list(opp.akkoorden.select_related("ouder", "vastgelegd_door", "document"))
    ouders = list(leerling.ouders.all())
    getekend = {a.ouder_id for a in akkoorden if a.telt_als_handtekening}
    gezag_zonder_akkoord = [o for o in ouders if o.gezag and o.pk not in getekend]
    log_inzage(request=request, leerling=leerling, obj=opp, omschrijving=f"OPP versie {opp.versie} bekeken")
    nieuwste = versies[0].pk == opp.pk if versies else True
    return render(
        request,
        "cases/opp/detail.html",
        {
            "opp": opp,
            "leerling": leerling,
            "versies": versies,
            "nieuwste": nieuwste,
            "akkoorden": akkoorden,
            "ouders": ouders,
            "gezag_zonder_akkoord": gezag_zonder_akkoord,
            "interventies": list(opp.interventies.all()),
            "portaal_zienswijzen": list(opp.portaal_zienswijzen.select_related("ouder")),
            "factoren": [
                (code, titel, toelichting, [(label, opp.factor(code, s)) for s, label in velden])
                for code, titel, toelichting, velden in FACTOREN
            ],
            "waarschuwing": opp_leeftijd_waarschuwing(opp, timezone.localdate())
            if opp.is_vastgesteld
            else None,
            "mag_bewerken": mag_dossier_bewerken(request.user, leerling),
        },
    )


@rol_vereist(*SCHRIJVERS)
def opp_bewerken(request, pk):
    opp = _opp(request, pk)
    eis_bewerkrecht(request.user, opp.leerling)
    if opp.is_vastgesteld:
        messages.info(
            request, "Deze versie is vastgesteld. Start een evaluatie om een nieuwe versie te maken."
        )
        return redirect("opp_detail", pk=opp.pk)
    fouten: list[str] = []
    if request.method == "POST":
        form = OPPForm(request.POST, instance=opp)
        interventies = InterventieFormSet(request.POST, prefix="interventie")
        if form.is_valid() and interventies.is_valid():
            service.bewaar_concept(
                opp=opp,
                door=request.user,
                request=request,
                gegevens=form.gegevens(),
                factoren=form.factoren(),
                interventies=[f.cleaned_data for f in interventies.forms if f.cleaned_data],
            )
            if request.POST.get("actie") != "vaststellen":
                messages.success(request, "Het concept is opgeslagen. U kunt later verder gaan.")
                return redirect("opp_bewerken", pk=opp.pk)
            try:
                service.vaststellen(opp=opp, door=request.user, request=request)
            except ValidationError as exc:
                fouten = toon_servicefouten(form, exc, apart=True)
                messages.warning(
                    request,
                    "Het concept is opgeslagen, maar kan nog niet worden vastgesteld. "
                    "Vul aan wat hieronder gevraagd wordt.",
                )
            else:
                messages.success(
                    request,
                    "Deze versie van het OPP is vastgesteld. Leg nu het akkoord van de ouders "
                    "op het handelingsdeel vast.",
                )
                return redirect("opp_detail", pk=opp.pk)
        else:
            fouten = [
                "Het concept is niet opgeslagen: verbeter wat hieronder rood staat. Wat u typte staat er nog."
            ]
    else:
        form = OPPForm(instance=opp)
        interventies = InterventieFormSet(
            prefix="interventie", initial=list(opp.interventies.values("periode", "interventie", "effect"))
        )
    return render(
        request,
        "cases/opp/bewerken.html",
        {
            "opp": opp,
            "leerling": opp.leerling,
            "form": form,
            "interventies": interventies,
            "fouten": fouten,
            "ouders": list(opp.leerling.ouders.all()),
        },
    )


@rol_vereist(*SCHRIJVERS)
def opp_akkoord(request, pk):
    opp = _opp(request, pk)
    eis_bewerkrecht(request.user, opp.leerling)
    if not opp.is_vastgesteld:
        messages.info(request, "Ouders geven akkoord op een vastgestelde versie; stel het OPP eerst vast.")
        return redirect("opp_bewerken", pk=opp.pk)
    getekend = opp.akkoorden.ondertekend().values_list("ouder_id", flat=True)
    ouders = opp.leerling.ouders.filter(gezag=True).exclude(pk__in=getekend)
    form = AkkoordForm(
        request.POST or None,
        ouders=ouders,
        documenten=opp.leerling.documenten.order_by("-datum", "-pk"),
        initial={"datum": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            service.leg_akkoord_vast(opp=opp, door=request.user, request=request, **form.cleaned_data)
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(request, "Het akkoord is vastgelegd.")
            return redirect("opp_detail", pk=opp.pk)
    return render(
        request,
        "cases/opp/akkoord.html",
        {
            "opp": opp,
            "leerling": opp.leerling,
            "form": form,
            "geen_ouders": not ouders.exists(),
        },
    )
