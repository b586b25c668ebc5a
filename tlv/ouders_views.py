"""The ouderportaal's pages for a TLV-aanvraag [issue 17]: read the summary meant for ouders, sign
it with an e-mail code, write a zienswijze. The aanvraag comes from `tlv.ouders.aanvraag_van`
(another family's, one already submitted, no gezag: 404). Every read and act is audited."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from cases.ouderportaal.forms_ondertekenen import ZienswijzeForm
from cases.ouderportaal.views.ondertekenen import _fouten, code_context, ondertekenflow
from cases.ouderportaal.views.portaal import ouder_vereist
from cases.services.audit import log_inzage
from tlv import ouders

AKKOORD_TEKST = (
    "Ik heb de aanvraag gelezen en ga akkoord met het aanvragen van een toelaatbaarheidsverklaring."
)


@ouder_vereist
def aanvraag(request, pk: int):
    gevonden = ouders.aanvraag_van(request.user, pk)
    kind = gevonden.leerling
    hash_nu = ouders.sha256(gevonden)
    reden = ouders.weigerreden(request.user, gevonden)
    form, status, getekend = ondertekenflow(
        request,
        akkoord_tekst=AKKOORD_TEKST,
        hash_nu=hash_nu,
        reden=reden,
        wat="de TLV-aanvraag",
        leerling=kind,
        obj=gevonden,
        teken=lambda gelezen, code, sha: ouders.onderteken(
            gebruiker=request.user, aanvraag=gevonden, gelezen=gelezen, code=code, sha=sha, request=request
        ),
    )
    if getekend:
        messages.success(
            request, "Dank u wel. U heeft de aanvraag ondertekend. De school ziet uw handtekening."
        )
        return redirect("ouders_tlv:aanvraag", pk=gevonden.pk)
    log_inzage(
        request=request, leerling=kind, obj=gevonden, omschrijving="ouderportaal: TLV-aanvraag bekeken"
    )
    context = {
        "aanvraag": gevonden,
        "kind": kind,
        "reden": reden,
        "form": form,
        "sha256": hash_nu,
        "handtekeningen": ouders.handtekeningen_van(request.user, gevonden),
        "zienswijzen": ouders.zienswijzen_van(request.user, gevonden),
        **code_context(request.user),
    }
    return render(request, "ouders/tlv_aanvraag.html", context, status=status)


@ouder_vereist
def aanvraag_zienswijze(request, pk: int):
    gevonden = ouders.aanvraag_van(request.user, pk)
    kind = gevonden.leerling
    form = ZienswijzeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        form.is_valid()
        try:
            ouders.schrijf_zienswijze(
                gebruiker=request.user,
                aanvraag=gevonden,
                tekst=form.cleaned_data.get("tekst", ""),
                request=request,
            )
        except ValidationError as exc:
            _fouten(form, exc)
            status = 400
        else:
            messages.success(
                request, "Dank u wel. Uw mening is bewaard. De school en het samenwerkingsverband lezen hem."
            )
            return redirect("ouders_tlv:aanvraag", pk=gevonden.pk)
    log_inzage(
        request=request, leerling=kind, obj=gevonden, omschrijving="ouderportaal: zienswijze op TLV-aanvraag"
    )
    return render(
        request,
        "ouders/tlv_zienswijze.html",
        {
            "aanvraag": gevonden,
            "kind": kind,
            "form": form,
            "eerdere": ouders.zienswijzen_van(request.user, gevonden),
        },
        status=status,
    )
