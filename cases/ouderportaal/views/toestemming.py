"""Consent in the ouderportaal [issue 17 'Give or withdraw consent where the seeds ask it'].

The ouder sees the consents for his child in plain words, gives one and withdraws one. The child
comes from `kinderen_van(user)` (404 for another family's child or without gezag); every read and
change is audited."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from cases.ouderportaal import selectors
from cases.ouderportaal import toestemmingen as lezen
from cases.ouderportaal.forms import ToestemmingForm
from cases.ouderportaal.services import toestemming as service
from cases.ouderportaal.views.portaal import ouder_vereist
from cases.services.audit import log_inzage


@ouder_vereist
def toestemming(request, pk: int):
    kind = selectors.kind_van(request.user, pk)
    form = ToestemmingForm(request.POST or None, keuzes=lezen.keuzes())
    if request.method == "POST" and form.is_valid():
        try:
            t = service.geef_in_portaal(
                user=request.user,
                kind=kind,
                onderwerp=form.cleaned_data["onderwerp"],
                scope=form.cleaned_data["scope"],
                toelichting=form.cleaned_data["toelichting"],
                request=request,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Dank u. Uw toestemming is vastgelegd: {t.get_onderwerp_display()}.")
            return redirect("ouders:toestemming", pk=kind.pk)
    overzicht = lezen.toestemmingen_van(kind)
    log_inzage(request=request, leerling=kind, omschrijving="ouderportaal: toestemmingen bekeken")
    return render(
        request,
        "ouders/toestemming.html",
        {"kind": kind, "form": form, "overzicht": overzicht, "onderwerpen": lezen.uitleg()},
        status=400 if form.errors else 200,
    )


@require_POST
@ouder_vereist
def intrekken(request, pk: int):
    kind_pk = lezen.toestemming_van(request.user, pk).leerling_id  # 404 for another family's
    try:
        t = service.trek_in_portaal(user=request.user, pk=pk, request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            f"U heeft uw toestemming ingetrokken: {t.get_onderwerp_display()}. Vanaf nu geldt die niet meer.",
        )
    return redirect("ouders:toestemming", pk=kind_pk)
