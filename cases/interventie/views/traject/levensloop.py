"""Pages of the traject itself: list, aanmelding, detail, criteria, team, the steps, the evaluation
and the SWV overview [000; domain §8]."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from cases import queryparams as qp
from cases.formvelden import toon_servicefouten
from cases.interventie import selectors as sel
from cases.interventie.forms import (
    AanmeldForm,
    CriteriaForm,
    EvaluatieForm,
    TeamlidForm,
)
from cases.interventie.models.traject import (
    InterventieTeamlid,
    PlaatsingStap,
    PlaatsingUitkomst,
    TrajectStatus,
)
from cases.interventie.services import traject as svc
from cases.interventie.services.arrangementen import mag_arrangementen_beheren
from cases.models.rollen import SCHOOLLEIDING, SWV_REGIE, RolSoort
from cases.permissions import rol_vereist
from cases.services.audit import lijst_gelogd, log_inzage
from cases.workflow import OvergangGeweigerd, kan, weigerredenen

# Who works with trajecten at all; which rows each sees is filter_for_user's business.
LIJST_ROLLEN = (
    RolSoort.LEERKRACHT,
    RolSoort.IB,
    RolSoort.DIRECTEUR,
    RolSoort.SC,
    RolSoort.CJK,
    RolSoort.SLL,
    RolSoort.TLA,
    RolSoort.BESTUURDER,
    RolSoort.BEHEERDER,
    RolSoort.DESKUNDIGE,
    RolSoort.LPA,
)
SCHOOLTEAM = SCHOOLLEIDING
CASUS = (RolSoort.DIRECTEUR, RolSoort.BESTUURDER)


def _weigering(request, exc) -> None:
    if isinstance(exc, OvergangGeweigerd):
        for reden in exc.redenen:
            messages.error(request, reden)
    elif isinstance(exc, ValidationError):
        for m in exc.messages:
            messages.error(request, m)
    else:
        messages.error(request, str(exc))


@rol_vereist(*LIJST_ROLLEN)
@lijst_gelogd("lijst interventietrajecten")
def lijst(request):
    status = qp.keuze(request, "status", TrajectStatus.values, label="de status")
    trajecten = sel.trajecten_voor(request.user, status=status)
    return render(
        request,
        "cases/interventie/lijst.html",
        {"trajecten": trajecten, "statussen": TrajectStatus.choices, "status": status},
    )


@rol_vereist(RolSoort.DIRECTEUR)
def aanmelden(request):
    form = AanmeldForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            traject = svc.meld_aan(
                leerling=d["leerling"],
                door=request.user,
                gemeld_op=d["gemeld_op"],
                aanleiding=d["aanleiding"],
                aanleiding_toelichting=d["aanleiding_toelichting"],
                criteria={k: d[k] for k in svc.CRITERIA_VELDEN},
                request=request,
            )
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(
                request, "De leerling is aangemeld bij het interventieteam van het samenwerkingsverband."
            )
            return redirect("interventie_detail", pk=traject.pk)
    return render(request, "cases/interventie/aanmelden.html", {"form": form})


@login_required
def detail(request, pk: int):
    traject = sel.traject_voor(request.user, pk)
    log_inzage(
        request=request, leerling=traject.leerling, obj=traject, omschrijving="Interventietraject bekeken"
    )
    overgangen = []
    for naam, label in svc.OVERGANGEN.items():
        if not kan(traject, naam, request.user, voorwaarden=False):
            continue
        if naam == "sluit_af":
            continue  # closing happens with the evaluation form
        overgangen.append({"naam": naam, "label": label, "redenen": weigerredenen(traject, naam)})
    plaatsingen = list(traject.plaatsingen.all())
    lopende = next((p for p in plaatsingen if p.uitkomst == PlaatsingUitkomst.LOPEND), None)
    kan_casus = svc.is_directeur_van(traject.school_id, request.user) or svc.is_bestuurder_van(
        traject.swv_id, request.user
    )
    return render(
        request,
        "cases/interventie/detail.html",
        {
            "traject": traject,
            "overgangen": overgangen,
            "teamleden": list(traject.teamleden.all()),
            "bijeenkomsten": list(traject.bijeenkomsten.all()),
            "afspraken": list(traject.afspraken.all()),
            "plaatsingen": plaatsingen,
            "lopende_plaatsing": lopende,
            "kan_plaatsen": kan_casus
            and lopende is None
            and traject.status in (TrajectStatus.TEAM_SAMENGESTELD, TrajectStatus.LOPEND),
            "arrangementen": list(traject.arrangementen.all()),
            "stappen": PlaatsingStap.choices,
            "kan_team": svc.is_bestuurder_van(traject.swv_id, request.user),
            "kan_schoolteam": svc.is_schoolteam_van(traject.school_id, request.user),
            "kan_casus": kan_casus,
            "kan_arrangement": traject.status != TrajectStatus.AFGESLOTEN
            and mag_arrangementen_beheren(
                request.user, swv_id=traject.swv_id, regio_id=traject.school.regio_id
            ),
            "is_directeur": svc.is_directeur_van(traject.school_id, request.user),
        },
    )


def _traject_of_404(request, pk):
    return sel.traject_voor(request.user, pk)


@rol_vereist(RolSoort.DIRECTEUR)
def criteria(request, pk: int):
    traject = _traject_of_404(request, pk)
    initial = {k: getattr(traject, k) for k in svc.CRITERIA_VELDEN}
    form = CriteriaForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            svc.leg_criteria_vast(
                traject=traject, door=request.user, criteria=form.cleaned_data, request=request
            )
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(request, "De criteria zijn vastgelegd.")
            return redirect("interventie_detail", pk=traject.pk)
    return render(request, "cases/interventie/criteria.html", {"traject": traject, "form": form})


@rol_vereist(RolSoort.BESTUURDER)
def team(request, pk: int):
    traject = _traject_of_404(request, pk)
    form = TeamlidForm(request.POST or None, traject=traject)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            svc.voeg_teamlid_toe(
                traject=traject,
                rol=d["rol"],
                gebruiker=d["gebruiker"],
                naam=d["naam"],
                organisatie=d["organisatie"],
                door=request.user,
                request=request,
            )
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(request, "Het teamlid is toegevoegd.")
            return redirect("interventie_team", pk=traject.pk)
    redenen = weigerredenen(traject, "stel_team_samen") if traject.status == TrajectStatus.AANGEMELD else []
    return render(
        request,
        "cases/interventie/team.html",
        {"traject": traject, "form": form, "teamleden": list(traject.teamleden.all()), "redenen": redenen},
    )


@require_POST
@rol_vereist(RolSoort.BESTUURDER)
def teamlid_verwijderen(request, pk: int):
    lid = get_object_or_404(
        InterventieTeamlid.objects.filter_for_user(request.user).select_related("traject"), pk=pk
    )
    try:
        svc.verwijder_teamlid(teamlid=lid, door=request.user, request=request)
    except ValidationError as exc:
        _weigering(request, exc)
    else:
        messages.success(request, "Het teamlid is verwijderd.")
    return redirect("interventie_team", pk=lid.traject_id)


@require_POST
@rol_vereist(*CASUS)
def overgang(request, pk: int, naam: str):
    if naam not in svc.OVERGANGEN:
        raise Http404("Onbekende stap.")
    traject = _traject_of_404(request, pk)
    try:
        svc.voer_overgang_uit(traject=traject, overgang=naam, door=request.user, request=request)
    except (OvergangGeweigerd, ValidationError, PermissionDenied) as exc:
        _weigering(request, exc)
    else:
        messages.success(request, f"{svc.OVERGANGEN[naam]}.")
    return redirect("interventie_detail", pk=traject.pk)


# --- evaluation and overview --------------------------------------------------------------------


@rol_vereist(*CASUS)
def evaluatie(request, pk: int):
    traject = _traject_of_404(request, pk)
    velden = ("beginsituatie", "proces", "verloop", "oplossing", "vervolg")
    form = EvaluatieForm(request.POST or None, initial={k: getattr(traject, k) for k in velden})
    if request.method == "POST" and form.is_valid():
        afsluiten = "afsluiten" in request.POST
        try:
            svc.leg_evaluatie_vast(
                traject=traject, door=request.user, afsluiten=afsluiten, request=request, **form.cleaned_data
            )
        except OvergangGeweigerd as exc:
            for reden in exc.redenen:
                form.add_error(None, reden)
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(
                request,
                "Het traject is geëvalueerd en afgesloten." if afsluiten else "De evaluatie is opgeslagen.",
            )
            return redirect("interventie_detail", pk=traject.pk)
    return render(request, "cases/interventie/evaluatie.html", {"traject": traject, "form": form})


@rol_vereist(*SWV_REGIE)
@lijst_gelogd("overzicht afgesloten interventietrajecten")
def overzicht(request):
    rijen = sel.afgesloten_overzicht(request.user)
    labels = dict(PlaatsingStap.choices)
    uitkomsten = dict(PlaatsingUitkomst.choices)
    for t in rijen:
        t.laatste_stap_label = labels.get(t.laatste_stap, "")
        t.laatste_uitkomst_label = uitkomsten.get(t.laatste_uitkomst, "")
        t.duur_dagen = (t.afgesloten_op - t.gemeld_op).days if t.afgesloten_op else None
    uitkomst_telling: dict[str, int] = {}
    for t in rijen:
        sleutel = (
            f"{t.laatste_stap}. {t.laatste_stap_label} ({t.laatste_uitkomst_label})"
            if t.laatste_stap
            else "geen plaatsing"
        )
        uitkomst_telling[sleutel] = uitkomst_telling.get(sleutel, 0) + 1
    duren = [t.duur_dagen for t in rijen if t.duur_dagen is not None]
    return render(
        request,
        "cases/interventie/overzicht.html",
        {
            "trajecten": rijen,
            "uitkomsten": sorted(uitkomst_telling.items(), key=lambda kv: (-kv[1], kv[0])),
            "gemiddelde_duur": round(sum(duren) / len(duren)) if duren else None,
        },
    )
