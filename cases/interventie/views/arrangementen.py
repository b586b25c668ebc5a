"""Pages for arrangementen and their budget [002 bijlage 2.4.1; domain §9]."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone

from cases import queryparams as qp
from cases.formvelden import toon_servicefouten
from cases.interventie import selectors as sel
from cases.interventie.forms import ArrangementForm, BudgetForm, EindeForm
from cases.interventie.models.arrangementen import DUURREGELS, ArrangementSoort
from cases.interventie.services import arrangementen as svc
from cases.models.rollen import SCHOOLLEIDING, SWV_REGIE, RolSoort
from cases.navigatie import Paneel
from cases.permissions import rol_vereist
from cases.services.audit import lijst_gelogd, log_inzage

LEZERS = SCHOOLLEIDING | SWV_REGIE
BEHEERDERS = SWV_REGIE


def _jaar(request) -> int:
    jaar = qp.geheel_getal(
        request, "jaar", label="het jaar", minimum=2000, maximum=2100, gevolg="dit jaar wordt getoond"
    )
    return jaar or timezone.localdate().year


@rol_vereist(*LEZERS)
@lijst_gelogd("lijst arrangementen")
def lijst(request):
    soort = qp.keuze(request, "soort", ArrangementSoort.values, label="de soort arrangement")
    jaar = _jaar(request)
    vandaag = timezone.localdate()
    arrangementen = sel.arrangementen_voor(request.user, soort=soort)
    for a in arrangementen:
        a.melding = a.waarschuwing(vandaag)
        a.fase_nu = a.fase(vandaag)
    toont_budget = _heeft(request, BEHEERDERS)
    return render(
        request,
        "cases/arrangementen/lijst.html",
        {
            "arrangementen": arrangementen,
            "soorten": ArrangementSoort.choices,
            "soort": soort,
            "jaar": jaar,
            "budget": sel.budget_overzicht(request.user, jaar=jaar) if toont_budget else None,
            "kan_beheren": _heeft(request, BEHEERDERS),
            "kan_budget": _heeft(request, (RolSoort.SLL, RolSoort.BESTUURDER)),
            "regels": [(ArrangementSoort(k).label, r.omschrijving) for k, r in DUURREGELS.items()],
        },
    )


def _heeft(request, rollen) -> bool:
    from cases.scope import scope_for

    return scope_for(request.user).heeft(*rollen)


@rol_vereist(*BEHEERDERS)
def nieuw(request):
    initial = {}
    traject = qp.rij(request, "traject", sel.trajecten_voor_keuze(request.user), label="het traject")
    if traject is not None:
        initial = {"traject": traject.pk, "leerling": traject.leerling_id}
    form = ArrangementForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            arr = svc.maak_arrangement(door=request.user, request=request, **d)
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(request, "Het arrangement en het plan van aanpak zijn vastgelegd.")
            return redirect("arrangement_detail", pk=arr.pk)
    return render(
        request,
        "cases/arrangementen/nieuw.html",
        {
            "form": form,
            "regels": [(ArrangementSoort(k).label, r.omschrijving) for k, r in DUURREGELS.items()],
        },
    )


@rol_vereist(*LEZERS)
def detail(request, pk: int):
    arr = sel.arrangement_voor(request.user, pk)
    log_inzage(request=request, leerling=arr.leerling, obj=arr, omschrijving="Arrangement bekeken")
    return render(
        request,
        "cases/arrangementen/detail.html",
        {
            "arr": arr,
            "melding": arr.waarschuwing(),
            "kan_beheren": svc.mag_arrangementen_beheren(
                request.user, swv_id=arr.swv_id, regio_id=arr.regio_id
            ),
        },
    )


@rol_vereist(*BEHEERDERS)
def wijzigen(request, pk: int):
    arr = sel.arrangement_voor(request.user, pk)
    form = EindeForm(request.POST or None, initial={"einde": arr.einde})
    if request.method == "POST" and form.is_valid():
        try:
            svc.wijzig_einde(
                arrangement=arr, einde=form.cleaned_data["einde"], door=request.user, request=request
            )
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(request, "De einddatum is gewijzigd.")
            return redirect("arrangement_detail", pk=arr.pk)
    return render(request, "cases/arrangementen/wijzigen.html", {"arr": arr, "form": form})


@rol_vereist(RolSoort.SLL, RolSoort.BESTUURDER)
def budget(request):
    jaar = _jaar(request)
    form = BudgetForm(request.POST or None, user=request.user, initial={"jaar": jaar})
    if request.method == "POST" and form.is_valid():
        try:
            b = svc.stel_budget_in(door=request.user, request=request, **form.cleaned_data)
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(request, f"Het budget van regio {b.regio} voor {b.jaar} is vastgesteld.")
            return redirect(f"{request.path}?jaar={b.jaar}")
    return render(
        request,
        "cases/arrangementen/budget.html",
        {"form": form, "jaar": jaar, "budget": sel.budget_overzicht(request.user, jaar=jaar)},
    )


def paneel_arrangementen(user, scope) -> Paneel | None:
    """SC and SWV: running arrangementen that near their maximum duration [002 bijlage 2.4.1]."""
    if not scope.heeft(*BEHEERDERS):
        return None
    rijen = sel.arrangementen_bij_maximum(user)
    if not rijen:
        return None
    return Paneel(
        titel="Arrangementen die hun maximale duur naderen",
        template="cases/arrangementen/paneel.html",
        context={"arrangementen": rijen},
        volgorde=25,
        aantal=len(rijen),
    )
