"""The overdrachtsdocument jonge kind [002 bijlage 3.10], the overgangsarrangement with its evaluation
[002 L807] and the route to a TLV [002 L805], plus the "Mijn werk" panel."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from cases.formvelden import toon_servicefouten
from cases.models.rollen import SCHOOLLEIDING, RolSoort
from cases.navigatie import Paneel
from cases.onderinstroom import selectors as sel
from cases.onderinstroom.forms import ArrangementForm, DocumentForm, EvaluatieForm
from cases.onderinstroom.models.overdracht import SECTIES, VERPLICHT_BIJ_AFLEVEREN
from cases.onderinstroom.services import arrangement as arr_svc
from cases.onderinstroom.services import document as doc_svc
from cases.onderinstroom.views.kind import CJK, opnieuw
from cases.permissions import rol_vereist
from cases.services.audit import log_inzage

SC = (RolSoort.SC,)
EVALUATOREN = (RolSoort.SC, *SCHOOLLEIDING)


@rol_vereist(*CJK)
def document(request, pk: int):
    """The CJK fills in the form for the voorschool; saving keeps a concept, delivering is separate."""
    ond = sel.onderinstroom_voor(request.user, pk)
    doc = sel.document_van(ond)
    afgeleverd = doc is not None and doc.is_afgeleverd
    instantie = doc or doc_svc.nieuw_document(ond)
    form = DocumentForm(request.POST or None, instance=instantie)
    if afgeleverd:
        for veld in form.fields.values():
            veld.disabled = True
    if request.method == "POST" and not afgeleverd and form.is_valid():
        gegevens = {v: form.cleaned_data[v] for v in form.Meta.fields}
        try:
            doc_svc.bewaar_document(onderinstroom=ond, door=request.user, gegevens=gegevens, request=request)
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(request, "Het overdrachtsdocument is bewaard (nog niet afgeleverd).")
            return redirect("onderinstroom_detail", pk=ond.pk)
    elif request.method == "POST" and afgeleverd:
        messages.error(request, "Dit overdrachtsdocument is al afgeleverd en verandert niet meer.")
    if request.method == "GET" and doc is not None:
        log_inzage(
            request=request, leerling=ond.leerling, obj=doc, omschrijving="overdrachtsdocument bekeken"
        )
    secties = [(titel, [form[v] for v in velden]) for titel, velden in SECTIES]
    return render(
        request,
        "cases/onderinstroom/document.html",
        {
            "ond": ond,
            "ll": ond.leerling,
            "form": form,
            "secties": secties,
            "afgeleverd": afgeleverd,
            "verplicht": VERPLICHT_BIJ_AFLEVEREN,
        },
    )


@require_POST
@rol_vereist(*CJK)
def afleveren(request, pk: int):
    ond = sel.onderinstroom_voor(request.user, pk)
    try:
        doc_svc.lever_af(onderinstroom=ond, door=request.user, request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, f"Het overdrachtsdocument is afgeleverd bij {ond.school_van_aanmelding.naam}."
        )
    return redirect("onderinstroom_detail", pk=ond.pk)


@require_POST
@rol_vereist(*SC)
def arrangement(request, pk: int):
    ond = sel.onderinstroom_voor(request.user, pk)
    form = ArrangementForm(request.POST)
    if form.is_valid():
        try:
            arr_svc.start_overgangsarrangement(
                onderinstroom=ond, door=request.user, request=request, **form.cleaned_data
            )
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(
                request, "Het overgangsarrangement is gestart; de evaluatie staat op de termijnlijst."
            )
            return redirect("onderinstroom_detail", pk=ond.pk)
    return opnieuw(request, ond, arrangement_form=form)


@require_POST
@rol_vereist(*EVALUATOREN)
def evaluatie(request, pk: int):
    ond = sel.onderinstroom_voor(request.user, pk)
    arr = getattr(ond, "overgangsarrangement", None)
    form = EvaluatieForm(request.POST)
    if arr is None:
        messages.error(request, "Dit kind heeft geen overgangsarrangement om te evalueren.")
        return redirect("onderinstroom_detail", pk=ond.pk)
    if form.is_valid():
        try:
            arr_svc.evalueer(arrangement=arr, door=request.user, request=request, **form.cleaned_data)
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(request, "De evaluatie van het overgangsarrangement is vastgelegd.")
            return redirect("onderinstroom_detail", pk=ond.pk)
    return opnieuw(request, ond, evaluatie_form=form)


@require_POST
@rol_vereist(*SCHOOLLEIDING)
def tlv(request, pk: int):
    ond = sel.onderinstroom_voor(request.user, pk)
    try:
        aanvraag = arr_svc.start_tlv_aanvraag(onderinstroom=ond, door=request.user, request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("onderinstroom_detail", pk=ond.pk)
    messages.success(
        request, "De TLV-aanvraag (onderinstroom) is gestart; vul het aanvraagformulier verder in."
    )
    return redirect("tlv:detail", pk=aanvraag.pk)


def paneel_overgangsarrangementen(user, scope) -> Paneel | None:
    """Mijn werk for the school van aanmelding, the SC and the CJK: running overgangsarrangementen."""
    if not scope.heeft(RolSoort.SC, RolSoort.CJK, *SCHOOLLEIDING) or scope.alles:
        return None
    rijen = sel.lopende_arrangementen(user)
    if not rijen:
        return None
    return Paneel(
        titel="Overgangsarrangementen jonge kind",
        template="cases/onderinstroom/paneel.html",
        context={"rijen": rijen},
        volgorde=26,
        aantal=sum(1 for _, _, dagen in rijen if dagen <= 14) or None,
    )
