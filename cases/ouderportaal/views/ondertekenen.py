"""Signing the handelingsdeel and writing a zienswijze in the ouderportaal [issue 17; 002 L742,
L1250]. The OPP comes from `selectors.opp_van` (another family's, a concept or no gezag: 404);
refusals name the condition that failed and keep what was typed and ticked. Audited: every read
(log_inzage), every code sent, every signature and zienswijze (the services)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from cases import tweefactor
from cases.dossier import handelingsdeel
from cases.models.audit import AuditActie
from cases.ouderportaal import selectors
from cases.ouderportaal.forms_ondertekenen import OndertekenForm, ZienswijzeForm
from cases.ouderportaal.models.zienswijze import Zienswijze
from cases.ouderportaal.services import ondertekenen as service
from cases.ouderportaal.views.portaal import _factoren, ouder_vereist
from cases.services.audit import log, log_inzage

AKKOORD_TEKST = "Ik heb het handelingsdeel gelezen en ga akkoord."


def _fouten(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for veld, fouten in exc.message_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        form.add_error(None, exc.messages)


def code_context(user) -> dict:
    apparaat = tweefactor.email_apparaat(user)
    if apparaat is None:
        return {"code_verstuurd": False, "adres": "", "demo_code": None}
    apparaat.refresh_from_db()
    return {
        "code_verstuurd": tweefactor.email_code_geldig(apparaat),
        "adres": tweefactor.gemaskeerd_adres(tweefactor.email_adres(apparaat)),
        "minuten": settings.OTP_EMAIL_TOKEN_VALIDITY // 60,
        "demo_code": tweefactor.demo_email_code(apparaat),
    }


def stuur_code_en_meld(request, *, wat: str, leerling, obj) -> None:
    try:
        verstuurd = service.stuur_code(gebruiker=request.user, request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return
    if verstuurd:
        log(
            actie=AuditActie.AANGEMAAKT,  # a one-time code was made and mailed
            request=request,
            obj=obj,
            leerling=leerling,
            omschrijving=f"ouderportaal: code per e-mail gestuurd om {wat} te ondertekenen",
        )
        messages.success(
            request, "We hebben een code naar uw e-mailadres gestuurd. Alleen de nieuwste code werkt."
        )
    else:
        messages.info(request, "U heeft net een code gekregen. Over een minuut kunt u een nieuwe vragen.")


def ondertekenflow(request, *, akkoord_tekst: str, hash_nu: str, reden: str, wat: str, leerling, obj, teken):
    """The signing page's POST, shared by the OPP's handelingsdeel and the TLV-aanvraag: "Stuur mij
    een code" mails a fresh code and keeps the tick; "Ondertekenen" calls `teken(gelezen, code,
    sha256)`, whose refusal lands on the form. Returns (form, status, signed)."""
    form = OndertekenForm(request.POST or None, akkoord_tekst=akkoord_tekst, initial={"sha256": hash_nu})
    if request.method != "POST":
        return form, 200, False
    if reden:
        return form, 400, False
    form.is_valid()  # every field optional: the service names what is missing
    data = form.cleaned_data
    if request.POST.get("actie") == "code":
        stuur_code_en_meld(request, wat=wat, leerling=leerling, obj=obj)
        form = OndertekenForm(
            initial={"gelezen": data.get("gelezen"), "sha256": data.get("sha256") or hash_nu},
            akkoord_tekst=akkoord_tekst,
        )
        return form, 200, False
    try:
        teken(bool(data.get("gelezen")), data.get("code", ""), data.get("sha256", ""))
    except ValidationError as exc:
        _fouten(form, exc)
        return form, 400, False
    return form, 200, True


@ouder_vereist
def opp_ondertekenen(request, pk: int):
    plan = selectors.opp_van(request.user, pk)
    leerling = plan.leerling
    hash_nu = handelingsdeel.sha256(plan)
    reden = service.weigerreden(request.user, plan)
    form, status, getekend = ondertekenflow(
        request,
        akkoord_tekst=AKKOORD_TEKST,
        hash_nu=hash_nu,
        reden=reden,
        wat="het handelingsdeel",
        leerling=leerling,
        obj=plan,
        teken=lambda gelezen, code, sha: service.onderteken_handelingsdeel(
            gebruiker=request.user, opp=plan, gelezen=gelezen, code=code, sha256=sha, request=request
        ),
    )
    if getekend:
        messages.success(
            request,
            f"Dank u wel. U heeft het handelingsdeel van versie {plan.versie} ondertekend. De school "
            "ziet uw handtekening in het dossier.",
        )
        return redirect("ouders:opp", pk=plan.pk)
    log_inzage(
        request=request,
        leerling=leerling,
        obj=plan,
        omschrijving=f"ouderportaal: handelingsdeel OPP versie {plan.versie} ter ondertekening",
    )
    context = {
        "opp": plan,
        "kind": leerling,
        "reden": reden,
        "form": form,
        "factoren": _factoren(plan),
        "sha256": hash_nu,
        **code_context(request.user),
    }
    return render(request, "ouders/opp_ondertekenen.html", context, status=status)


@ouder_vereist
def opp_zienswijze(request, pk: int):
    plan = selectors.opp_van(request.user, pk)
    leerling = plan.leerling
    ouders = selectors.ouders_van(request.user, leerling)
    form = ZienswijzeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        form.is_valid()
        try:
            service.schrijf_zienswijze_opp(
                gebruiker=request.user, opp=plan, tekst=form.cleaned_data.get("tekst", ""), request=request
            )
        except ValidationError as exc:
            _fouten(form, exc)
            status = 400
        else:
            messages.success(request, "Dank u wel. Uw mening is bewaard. De school kan hem lezen.")
            return redirect("ouders:opp", pk=plan.pk)
    log_inzage(
        request=request,
        leerling=leerling,
        obj=plan,
        omschrijving=f"ouderportaal: zienswijze op OPP versie {plan.versie}",
    )
    eerdere = list(Zienswijze.objects.filter(opp=plan, ouder__in=ouders).order_by("-geschreven_op", "-pk"))
    return render(
        request,
        "ouders/opp_zienswijze.html",
        {"opp": plan, "kind": leerling, "form": form, "eerdere": eerdere},
        status=status,
    )
