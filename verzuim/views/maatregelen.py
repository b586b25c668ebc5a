"""Time-out, schorsing and verwijdering: recorded by the directeur, visible as the scope allows."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from cases.formvelden import toon_servicefouten
from cases.models import Leerling
from cases.models.brieven import Brief
from cases.models.rollen import SCHOOLLEIDING, SWV_REGIE, RolSoort
from cases.permissions import rol_vereist
from cases.scope import scope_for
from cases.services.audit import lijst_gelogd, log_inzage
from verzuim.forms import (
    AfzienHorenForm,
    BeslissingBezwaarForm,
    BesluitVerwijderingForm,
    BezwaarForm,
    HoorBezwaarForm,
    HoorForm,
    SchorsingForm,
    TermijnOverschrijdingForm,
    TimeOutForm,
    TimeOutVerslagForm,
    VerdagingBezwaarForm,
    VerwijderingForm,
    ZoekpogingForm,
)
from verzuim.models import Schorsing, TimeOut, Verwijdering
from verzuim.selectors import maatregelmeldingen
from verzuim.services import bezwaar_portaal
from verzuim.services import bezwaar_verwijdering as bsvc
from verzuim.services import maatregelen as svc
from verzuim.services import verwijdering as vsvc
from verzuim.services.maatregelmeldingen import GEEN_MELDING_EEN_DAG

ZIEN = SCHOOLLEIDING | SWV_REGIE


def _eigen_leerling(request, leerling_id):
    return get_object_or_404(
        Leerling.objects.filter_for_user(request.user)
        .filter(huidige_school_id__in=scope_for(request.user).school_ids)
        .select_related("huidige_school__bestuur"),
        pk=leerling_id,
    )


def _brieven(request, obj):
    from django.contrib.contenttypes.models import ContentType

    return (
        Brief.objects.filter_for_user(request.user)
        .filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)
        .order_by("aangemaakt_op")
    )


@rol_vereist(*ZIEN, RolSoort.LPA)
@lijst_gelogd("lijst maatregelen")
def maatregelen(request):
    u = request.user
    return render(
        request,
        "verzuim/maatregelen.html",
        {
            "time_outs": TimeOut.objects.filter_for_user(u).select_related("leerling", "school")[:50],
            "schorsingen": Schorsing.objects.filter_for_user(u).select_related("leerling", "school")[:50],
            "verwijderingen": Verwijdering.objects.filter_for_user(u).select_related("leerling", "school")[
                :50
            ],
        },
    )


def _nieuw(request, leerling_id, form_cls, template, maak):
    ll = _eigen_leerling(request, leerling_id)
    form = form_cls(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            obj = maak(ll, form.cleaned_data)
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(request, "Vastgelegd. De brief aan de ouders wordt gemaakt.")
            return redirect(obj)
    return render(request, template, {"leerling": ll, "form": form})


@rol_vereist(RolSoort.DIRECTEUR)
def time_out_nieuw(request, leerling_id: int):
    return _nieuw(
        request,
        leerling_id,
        TimeOutForm,
        "verzuim/time_out_nieuw.html",
        lambda ll, d: svc.registreer_time_out(
            leerling=ll,
            datum=d["datum"],
            aanleiding=d["aanleiding"],
            ouders_geinformeerd_op=d["ouders_geinformeerd_op"],
            door=request.user,
            request=request,
        ),
    )


@rol_vereist(RolSoort.DIRECTEUR)
def schorsing_nieuw(request, leerling_id: int):
    return _nieuw(
        request,
        leerling_id,
        SchorsingForm,
        "verzuim/schorsing_nieuw.html",
        lambda ll, d: svc.schors(leerling=ll, door=request.user, request=request, **d),
    )


@rol_vereist(RolSoort.DIRECTEUR)
def verwijdering_nieuw(request, leerling_id: int):
    return _nieuw(
        request,
        leerling_id,
        VerwijderingForm,
        "verzuim/verwijdering_nieuw.html",
        lambda ll, d: vsvc.start_verwijdering(leerling=ll, door=request.user, request=request, **d),
    )


@rol_vereist(*ZIEN)
def time_out(request, pk: int):
    t = get_object_or_404(
        TimeOut.objects.filter_for_user(request.user).select_related("leerling", "school"), pk=pk
    )
    is_school = t.school_id in scope_for(request.user).school_ids
    form = TimeOutVerslagForm(
        initial={
            "verslag": t.verslag,
            "verslag_voor_gezien_op": t.verslag_voor_gezien_op,
            "bestuur_geinformeerd_op": t.bestuur_geinformeerd_op,
        }
    )
    if request.method == "POST" and is_school:
        try:
            if request.POST.get("actie") == "verleng":
                svc.verleng_time_out(time_out=t, door=request.user, request=request)
                messages.success(request, "De time-out is eenmaal met één dag verlengd.")
                return redirect(t)
            form = TimeOutVerslagForm(request.POST)
            if form.is_valid():
                d = form.cleaned_data
                svc.rond_time_out_af(
                    time_out=t,
                    verslag=d["verslag"],
                    verslag_voor_gezien_op=d["verslag_voor_gezien_op"],
                    bestuur_geinformeerd_op=d["bestuur_geinformeerd_op"],
                    door=request.user,
                    request=request,
                )
                messages.success(request, "Het verslag is vastgelegd.")
                return redirect(t)
        except ValidationError as exc:
            if request.POST.get("actie") == "verleng":
                messages.error(request, " ".join(exc.messages))
            else:
                toon_servicefouten(form, exc)
    elif request.method == "GET":
        log_inzage(request=request, leerling=t.leerling, obj=t, omschrijving="time-out bekeken")
    return render(
        request,
        "verzuim/time_out.html",
        {"t": t, "form": form, "is_school": is_school, "brieven": _brieven(request, t)},
    )


@rol_vereist(*ZIEN, RolSoort.LPA)
def schorsing(request, pk: int):
    s = get_object_or_404(
        Schorsing.objects.filter_for_user(request.user).select_related("leerling", "school"), pk=pk
    )
    log_inzage(request=request, leerling=s.leerling, obj=s, omschrijving="schorsing bekeken")
    return render(
        request,
        "verzuim/schorsing.html",
        {
            "s": s,
            "brieven": _brieven(request, s),
            "maatregelmeldingen": maatregelmeldingen(user=request.user, maatregel=s),
            "geen_melding": "" if s.meldplichtig else GEEN_MELDING_EEN_DAG,
        },
    )


def _hoor_initieel(v) -> dict:
    """The hoorverslag is typed once; the 'voor gezien' signatures are added to it later."""
    return {
        "gehoord_op": v.bezwaar_gehoord_op,
        "hoorverslag": v.bezwaar_hoorverslag,
        "gezien_ouders_op": v.hoorverslag_gezien_ouders_op,
        "gezien_directie_op": v.hoorverslag_gezien_directie_op,
    }


def _ouder_bezwaar(v: Verwijdering):
    """The bezwaar an ouder submitted in the ouderportaal against this verwijdering [issue 17]."""
    if v.bezwaar_ingediend_door_id is None:
        return None
    from django.contrib.contenttypes.models import ContentType

    from cases.models import OuderBezwaar

    return (
        OuderBezwaar.objects.filter(
            brief__content_type=ContentType.objects.get_for_model(Verwijdering), brief__object_id=v.pk
        )
        .select_related("bijlage")
        .first()
    )


@rol_vereist(*ZIEN, RolSoort.LPA)
def verwijdering(request, pk: int):
    v = get_object_or_404(
        Verwijdering.objects.filter_for_user(request.user).select_related("leerling", "school__bestuur"),
        pk=pk,
    )
    is_directeur = (
        scope_for(request.user).heeft(RolSoort.DIRECTEUR)
        and v.school_id in scope_for(request.user).school_ids
    )
    forms = {
        "hoor": HoorForm(prefix="h"),
        "zoekpoging": ZoekpogingForm(prefix="z"),
        "besluit": BesluitVerwijderingForm(prefix="b"),
        "bezwaar": BezwaarForm(prefix="bz"),
        "termijn": TermijnOverschrijdingForm(prefix="bt"),
        "bezwaar_hoor": HoorBezwaarForm(prefix="bh", initial=_hoor_initieel(v)),
        "afzien": AfzienHorenForm(prefix="ah"),
        "verdaag": VerdagingBezwaarForm(prefix="bv"),
        "beslis": BeslissingBezwaarForm(prefix="bb"),
    }
    prefixen = {
        "hoor": "h",
        "zoekpoging": "z",
        "besluit": "b",
        "bezwaar": "bz",
        "termijn": "bt",
        "bezwaar_hoor": "bh",
        "afzien": "ah",
        "verdaag": "bv",
        "beslis": "bb",
    }
    if request.method == "POST" and is_directeur:
        actie = request.POST.get("actie", "")
        try:
            if actie == "definitief":
                vsvc.maak_verwijdering_definitief(verwijdering=v, door=request.user, request=request)
                messages.success(request, "De verwijdering is definitief.")
                return redirect(v)
            if actie in forms:
                klasse = type(forms[actie])
                forms[actie] = klasse(request.POST, prefix=prefixen[actie])
                if forms[actie].is_valid():
                    d = dict(forms[actie].cleaned_data)
                    fn = {
                        "hoor": vsvc.hoor,
                        "zoekpoging": vsvc.leg_zoekpoging_vast,
                        "besluit": vsvc.besluit_verwijdering,
                        "bezwaar": bsvc.registreer_bezwaar,
                        "termijn": bezwaar_portaal.beoordeel_termijnoverschrijding,
                        "bezwaar_hoor": bsvc.hoor_op_bezwaar,
                        "afzien": bsvc.zie_af_van_horen,
                        "verdaag": bsvc.verdaag_beslissing,
                        "beslis": bsvc.beslis_op_bezwaar,
                    }[actie]
                    fn(verwijdering=v, door=request.user, request=request, **d)
                    messages.success(request, "Vastgelegd.")
                    return redirect(v)
        except ValidationError as exc:
            if actie in forms:
                toon_servicefouten(forms[actie], exc)
            else:
                messages.error(request, " ".join(exc.messages))
    elif request.method == "GET":
        log_inzage(request=request, leerling=v.leerling, obj=v, omschrijving="verwijdering bekeken")
    return render(
        request,
        "verzuim/verwijdering.html",
        {
            "v": v,
            "forms": forms,
            "is_directeur": is_directeur,
            "brieven": _brieven(request, v),
            "zoekpogingen": v.zoekpogingen.all(),
            "beslistermijn": bsvc.open_beslistermijn(v) if v.bezwaar_ontvangen_op else None,
            "maatregelmeldingen": maatregelmeldingen(user=request.user, maatregel=v),
            "ouder_bezwaar": _ouder_bezwaar(v),
        },
    )
