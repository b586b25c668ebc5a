# Over 500 lines: moved whole in issue 15 round 1; split with the workflow toolkit (issue 15, open).
"""Pages of the interventietraject [000; 003; domain §8]. Rows come through the selectors
(filter_for_user); writes go through cases/interventie/services/traject.py; refusals are shown in Dutch."""

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
    AfspraakForm,
    BeeindigForm,
    BijeenkomstForm,
    CriteriaForm,
    DefinitiefForm,
    EvaluatieForm,
    PlaatsingForm,
    TeamlidForm,
)
from cases.interventie.models.traject import (
    BijeenkomstStatus,
    InterventieTeamlid,
    PlaatsingStap,
    PlaatsingUitkomst,
    TrajectStatus,
)
from cases.interventie.services import traject as svc
from cases.interventie.services.arrangementen import mag_arrangementen_beheren
from cases.models.rollen import SCHOOLLEIDING, SWV_REGIE, RolSoort
from cases.navigatie import Paneel
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


# --- meetings ---------------------------------------------------------------------------------


@rol_vereist(*SCHOOLLEIDING)
def bijeenkomst_nieuw(request, pk: int):
    traject = _traject_of_404(request, pk)
    form = BijeenkomstForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            b = svc.plan_bijeenkomst(traject=traject, door=request.user, request=request, **form.cleaned_data)
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(request, "De bijeenkomst is gepland.")
            return redirect("interventie_bijeenkomst", pk=b.pk)
    return render(
        request, "cases/interventie/bijeenkomst.html", {"traject": traject, "form": form, "bijeenkomst": None}
    )


@rol_vereist(*SCHOOLLEIDING)
def bijeenkomst(request, pk: int):
    b = sel.bijeenkomst_voor(request.user, pk)
    traject = sel.traject_voor(request.user, b.traject_id)
    log_inzage(
        request=request, leerling=traject.leerling, obj=b, omschrijving="Bijeenkomst interventieteam bekeken"
    )
    gehouden = b.status == BijeenkomstStatus.GEHOUDEN
    form = BijeenkomstForm(request.POST or None, instance=b)
    if gehouden:
        for f in form.fields.values():
            f.disabled = True
    if request.method == "POST" and not gehouden and form.is_valid():
        velden = {k: form.cleaned_data[k] for k in BijeenkomstForm.Meta.fields}
        try:
            b = svc.werk_bijeenkomst_bij(bijeenkomst=b, door=request.user, request=request, **velden)
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(request, "De bijeenkomst is opgeslagen.")
            return redirect("interventie_bijeenkomst", pk=b.pk)
    redenen = [] if gehouden else weigerredenen(b, "houd")
    afspraak_form = AfspraakForm(traject=traject)
    return render(
        request,
        "cases/interventie/bijeenkomst.html",
        {
            "traject": traject,
            "bijeenkomst": b,
            "form": form,
            "redenen": redenen,
            "afspraken": [a for a in traject.afspraken.all() if a.bijeenkomst_id == b.pk],
            "afspraak_form": afspraak_form,
        },
    )


@require_POST
@rol_vereist(*SCHOOLLEIDING)
def bijeenkomst_gehouden(request, pk: int):
    b = sel.bijeenkomst_voor(request.user, pk)
    try:
        svc.houd_bijeenkomst(bijeenkomst=b, door=request.user, request=request)
    except (OvergangGeweigerd, ValidationError, PermissionDenied) as exc:
        _weigering(request, exc)
        return redirect("interventie_bijeenkomst", pk=b.pk)
    messages.success(request, "De bijeenkomst is als gehouden vastgelegd.")
    return redirect("interventie_detail", pk=b.traject_id)


@rol_vereist(RolSoort.DIRECTEUR, RolSoort.IB, RolSoort.BESTUURDER)
def afspraak_nieuw(request, pk: int):
    b = sel.bijeenkomst_voor(request.user, pk)
    traject = sel.traject_voor(request.user, b.traject_id)
    form = AfspraakForm(request.POST or None, traject=traject)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            svc.voeg_afspraak_toe(
                traject=traject,
                bijeenkomst=b,
                door=request.user,
                wat=d["wat"],
                eigenaar=d["eigenaar"],
                eigenaar_naam=d["eigenaar_naam"],
                uiterlijk=d["uiterlijk"],
                bewaker=d["bewaker"],
                request=request,
            )
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(request, "De afspraak is vastgelegd.")
            return (
                redirect("interventie_bijeenkomst", pk=b.pk)
                if svc.is_schoolteam_van(traject.school_id, request.user)
                else redirect("interventie_detail", pk=traject.pk)
            )
    return render(
        request, "cases/interventie/afspraak.html", {"traject": traject, "bijeenkomst": b, "form": form}
    )


@require_POST
@login_required
def afspraak_afgerond(request, pk: int):
    a = sel.afspraak_voor(request.user, pk)
    try:
        svc.rond_afspraak_af(afspraak=a, door=request.user, request=request)
    except (ValidationError, PermissionDenied) as exc:
        _weigering(request, exc)
    else:
        messages.success(request, "De afspraak is afgerond.")
    volgende = request.POST.get("volgende")
    if volgende == "home":
        return redirect("home")
    return redirect("interventie_detail", pk=a.traject_id)


# --- plaatsingsstroom ---------------------------------------------------------------------------------


@rol_vereist(*CASUS)
def plaatsing_nieuw(request, pk: int):
    traject = _traject_of_404(request, pk)
    stap_gekozen = qp.keuze(
        request, "stap", [str(s) for s in PlaatsingStap.values], label="de stap van de plaatsingsstroom"
    )
    gehad = {p.stap for p in traject.plaatsingen.all()}
    form = PlaatsingForm(
        request.POST or None,
        traject=traject,
        gehad=gehad,
        initial={"stap": stap_gekozen} if stap_gekozen else None,
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            svc.registreer_plaatsing(
                traject=traject,
                door=request.user,
                stap=d["stap"],
                school=d["school"],
                setting=d["setting"],
                doel=d["doel"],
                startdatum=d["startdatum"],
                einddatum=d["einddatum"],
                middelen=d["middelen"],
                akkoord_ontvangende_school=d["akkoord_ontvangende_school"],
                akkoord_door=d["akkoord_door"],
                akkoord_op=d["akkoord_op"],
                redenen_overslaan=form.redenen(),
                request=request,
            )
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(
                request,
                "De plaatsing is vastgelegd. De leerling blijft ingeschreven op de school van herkomst.",
            )
            return redirect("interventie_detail", pk=traject.pk)
    gehad = {p.stap: p for p in traject.plaatsingen.all()}
    return render(
        request,
        "cases/interventie/plaatsing.html",
        {
            "traject": traject,
            "form": form,
            "stappen": [(s, lbl, gehad.get(s)) for s, lbl in PlaatsingStap.choices],
        },
    )


@rol_vereist(*CASUS)
def plaatsing_beeindigen(request, pk: int):
    p = sel.plaatsing_voor(request.user, pk)
    form = BeeindigForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            svc.beeindig_plaatsing(plaatsing=p, door=request.user, request=request, **form.cleaned_data)
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(request, "De uitkomst van de plaatsing is vastgelegd.")
            return redirect("interventie_detail", pk=p.traject_id)
    return render(
        request,
        "cases/interventie/plaatsing_uitkomst.html",
        {"plaatsing": p, "traject": p.traject, "form": form, "definitief": False},
    )


@rol_vereist(*CASUS)
def plaatsing_definitief(request, pk: int):
    p = sel.plaatsing_voor(request.user, pk)
    form = DefinitiefForm(request.POST or None, initial={"groep": p.traject.leerling.huidige_groep})
    if request.method == "POST" and form.is_valid():
        try:
            svc.plaats_definitief(plaatsing=p, door=request.user, request=request, **form.cleaned_data)
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(
                request,
                f"De leerling is ingeschreven op {p.school} en uitgeschreven op {p.traject.school}.",
            )
            return redirect("interventie_detail", pk=p.traject_id)
    return render(
        request,
        "cases/interventie/plaatsing_uitkomst.html",
        {"plaatsing": p, "traject": p.traject, "form": form, "definitief": True},
    )


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


# --- "Mijn werk" panels (registered in cases/registraties.py) ----------------------------------------


def paneel_mijn_afspraken(user, scope) -> Paneel | None:
    """Agreements the user owns (and overdue ones the user guards) [003, leerpunt 7]."""
    afspraken = sel.mijn_afspraken(user)
    if not afspraken:
        return None
    return Paneel(
        titel="Mijn afspraken in interventietrajecten",
        template="cases/interventie/paneel_afspraken.html",
        context={"afspraken": afspraken, "user_id": user.pk},
        volgorde=20,
        aantal=sum(1 for a in afspraken if a.te_laat) or None,
    )


def paneel_nieuwe_meldingen(user, scope) -> Paneel | None:
    """The SWV's directeur: new meldingen and prompts after a schorsing/verwijdering [000]."""
    if not scope.heeft(RolSoort.BESTUURDER):
        return None
    trajecten = sel.nieuwe_meldingen(user)
    if not trajecten:
        return None
    return Paneel(
        titel="Interventieteam: nieuwe meldingen",
        template="cases/interventie/paneel_meldingen.html",
        context={"trajecten": trajecten},
        volgorde=10,
        aantal=len(trajecten),
    )


def paneel_casusmanager(user, scope) -> Paneel | None:
    """The directeur's open trajecten, with the one-week norm for the first meeting [000]."""
    if not scope.heeft(RolSoort.DIRECTEUR):
        return None
    trajecten = sel.als_casusmanager(user)
    if not trajecten:
        return None
    return Paneel(
        titel="Interventietrajecten waarvan u casusmanager bent",
        template="cases/interventie/paneel_casusmanager.html",
        context={"trajecten": trajecten},
        volgorde=15,
        aantal=sum(1 for t in trajecten if t.stand["kleur"] == "rood") or None,
    )
