"""The CJK's list of young children, a new child in beeld, the child's onderinstroom page, and the
CJK's own actions on it (advies, overdracht aan de SC) [002 L798-805]."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from cases.formvelden import toon_servicefouten
from cases.models.rollen import SCHOOLLEIDING, SWV_BUREAU, RolSoort
from cases.onderinstroom import selectors as sel
from cases.onderinstroom.forms import AdviesForm, ArrangementForm, EvaluatieForm, KindForm, OverdrachtForm
from cases.onderinstroom.models.arrangement import DUUR_MAANDEN, einde_overgangsarrangement
from cases.onderinstroom.services import kind as svc
from cases.onderinstroom.services.arrangement import open_evaluatietermijn, tlv_weigerreden
from cases.onderinstroom.services.document import markeer_gezien
from cases.permissions import rol_vereist
from cases.scope import scope_for
from cases.services.audit import lijst_gelogd, log_inzage
from cases.termijnen import formatteer_datum

LEZERS = frozenset({RolSoort.CJK, RolSoort.SC}) | SWV_BUREAU | SCHOOLLEIDING
CJK = (RolSoort.CJK,)


@rol_vereist(*LEZERS)
@lijst_gelogd("lijst onderinstroom (kinderen in beeld)")
def lijst(request):
    zoek = (request.GET.get("q") or "").strip()[:100]
    return render(
        request,
        "cases/onderinstroom/lijst.html",
        {
            "rijen": sel.kinderen_in_beeld(request.user, zoek=zoek),
            "zoek": zoek,
            "kan_nieuw": scope_for(request.user).heeft(*CJK),
            "vandaag": timezone.localdate(),
        },
    )


@rol_vereist(*CJK)
def nieuw(request):
    form = KindForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        d = dict(form.cleaned_data)
        regio, voorschool = d.pop("regio"), d.pop("voorschool")
        try:
            ond = svc.maak_onderinstroom(
                door=request.user, regio=regio, voorschool=voorschool, gegevens=d, request=request
            )
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(request, f"{ond.leerling.volledige_naam} is in beeld gebracht.")
            return redirect("onderinstroom_detail", pk=ond.pk)
    return render(request, "cases/onderinstroom/nieuw.html", {"form": form})


def detail_context(request, ond, **formulieren) -> dict:
    """Everything the child's page shows; `formulieren` replaces a form with its bound, invalid copy."""
    r = sel.rechten(request.user, ond)
    doc = sel.document_van(ond)
    arr = getattr(ond, "overgangsarrangement", None)
    vandaag = timezone.localdate()
    ctx = {
        "ond": ond,
        "ll": ond.leerling,
        "r": r,
        "doc": doc,
        "arr": arr,
        "vandaag": vandaag,
        "leeftijd": sel.leeftijd_tekst(ond.leerling.geboortedatum, vandaag),
        "duur_maanden": DUUR_MAANDEN,
        "termijn": open_evaluatietermijn(arr) if arr else None,
        "tlv_reden": tlv_weigerreden(ond),
    }
    if r.cjk:
        ctx["advies_form"] = formulieren.get("advies_form") or AdviesForm(
            swv_id=ond.swv_id,
            initial={
                "cjk_betrokken_op": ond.cjk_betrokken_op,
                "advies": ond.advies,
                "advies_op": ond.advies_op,
                "school_van_aanmelding": ond.school_van_aanmelding_id,
                "aangemeld_op": ond.aangemeld_op,
            },
        )
        ctx["overdracht_form"] = formulieren.get("overdracht_form") or OverdrachtForm(
            ond=ond, initial={"sc": ond.overdracht_sc_id, "op": ond.overdracht_sc_op or vandaag}
        )
    if r.sc and arr is None:
        ctx["arrangement_form"] = formulieren.get("arrangement_form") or ArrangementForm()
        start = ctx["arrangement_form"].initial.get("start") or vandaag
        ctx["voorbeeld_einde"] = einde_overgangsarrangement(start)
    if arr is not None and not arr.is_geevalueerd and (r.school or r.sc):
        ctx["evaluatie_form"] = formulieren.get("evaluatie_form") or EvaluatieForm(
            initial={"op": max(vandaag, arr.einde) if vandaag >= arr.einde else None}
        )
    if doc is not None and doc.is_afgeleverd:
        from cases.onderinstroom.models.overdracht import SECTIES

        ctx["secties"] = [
            (titel, [(doc._meta.get_field(v).verbose_name, _waarde(doc, v)) for v in velden])
            for titel, velden in SECTIES
        ]
    return ctx


def _waarde(doc, veld):
    display = getattr(doc, f"get_{veld}_display", None)
    waarde = display() if display else getattr(doc, veld)
    if isinstance(waarde, date):
        return formatteer_datum(waarde)
    return waarde if waarde not in ("", None) else "—"


@rol_vereist(*LEZERS)
def detail(request, pk: int):
    ond = sel.onderinstroom_voor(request.user, pk)
    doc = sel.document_van(ond)
    if doc is not None and markeer_gezien(document=doc, door=request.user, request=request):
        messages.info(request, "Het overdrachtsdocument is als ontvangen en gezien vastgelegd.")
    log_inzage(request=request, leerling=ond.leerling, obj=ond, omschrijving="onderinstroom bekeken")
    return render(request, "cases/onderinstroom/detail.html", detail_context(request, ond))


def opnieuw(request, ond, **formulieren):
    """The page again with a bound form and its errors (status 200: nothing typed is lost)."""
    return render(request, "cases/onderinstroom/detail.html", detail_context(request, ond, **formulieren))


@require_POST
@rol_vereist(*CJK)
def advies(request, pk: int):
    ond = sel.onderinstroom_voor(request.user, pk)
    form = AdviesForm(request.POST, swv_id=ond.swv_id)
    if form.is_valid():
        try:
            svc.leg_advies_vast(onderinstroom=ond, door=request.user, request=request, **form.cleaned_data)
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(request, "De betrokkenheid en het advies van de CJK zijn vastgelegd.")
            return redirect("onderinstroom_detail", pk=ond.pk)
    return opnieuw(request, ond, advies_form=form)


@require_POST
@rol_vereist(*CJK)
def overdracht(request, pk: int):
    ond = sel.onderinstroom_voor(request.user, pk)
    form = OverdrachtForm(request.POST, ond=ond)
    if form.is_valid():
        d = form.cleaned_data
        try:
            svc.draag_over_aan_sc(
                onderinstroom=ond,
                door=request.user,
                sc=d["sc"],
                op=d["op"],
                notitie=d["notitie"],
                request=request,
            )
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(request, "De overdracht aan de steunpuntcoördinator is vastgelegd.")
            return redirect("onderinstroom_detail", pk=ond.pk)
    return opnieuw(request, ond, overdracht_form=form)
