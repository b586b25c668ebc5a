"""Accepting an invitation to the ouderportaal [issue 17]: a new account chooses a password, an
existing ouder account is linked once that ouder has logged in (both factors)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from cases.ouderportaal.forms import WachtwoordKiezenForm
from cases.ouderportaal.services import toegang as service


@never_cache
def uitnodiging(request, token: str):
    """Unknown link 404, used/expired/withdrawn link 410, each with a Dutch reason."""
    gevonden = service.zoek_uitnodiging(token)
    reden = service.weigerreden(gevonden)
    if reden:
        return render(
            request,
            "ouders/uitnodiging_ongeldig.html",
            {"reden": reden},
            status=404 if gevonden is None else 410,
        )
    kind = gevonden.ouder.leerling
    context = {"uitnodiging": gevonden, "voornaam": kind.voornaam}
    bestaand = service.bestaand_account(gevonden)
    if bestaand is not None:
        return _bestaand_account(request, gevonden, bestaand, context)
    if request.user.is_authenticated:
        context["ander_account"] = True
        return render(request, "ouders/uitnodiging.html", context)
    form = WachtwoordKiezenForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                service.aanvaard_met_wachtwoord(
                    uitnodiging=gevonden, wachtwoord=form.cleaned_data["wachtwoord1"], request=request
                )
            except ValidationError as exc:
                form.add_error("wachtwoord1", exc)
            else:
                messages.success(
                    request,
                    "Uw wachtwoord is ingesteld. Log nu in met uw e-mailadres en uw wachtwoord. "
                    "Daarna krijgt u een code per e-mail.",
                )
                return redirect(f"{reverse('login')}?next={reverse('ouders:start')}")
    context["form"] = form
    return render(request, "ouders/uitnodiging.html", context, status=status)


def _bestaand_account(request, gevonden, bestaand, context):
    """The address already has an account: log in first, then one click links the child."""
    context["bestaand"] = True
    if not request.user.is_authenticated or not request.user.is_verified():
        context["inlog_url"] = f"{reverse('login')}?next={request.path}"
        return render(request, "ouders/uitnodiging.html", context)
    if request.user.pk != bestaand.pk:
        context["ander_account"] = True
        return render(request, "ouders/uitnodiging.html", context)
    if request.method == "POST":
        try:
            service.aanvaard_met_account(uitnodiging=gevonden, gebruiker=request.user, request=request)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("ouders:start")
        messages.success(request, f"{context['voornaam']} staat nu ook in uw ouderportaal.")
        return redirect("ouders:start")
    context["koppelen"] = True
    return render(request, "ouders/uitnodiging.html", context)
