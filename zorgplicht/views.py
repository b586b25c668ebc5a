"""Pages of the zorgplicht: the school registers, follows and decides; the SC keeps the region's
overview and searches bao-bao places; SWV roles read. Rows only through filter_for_user; writes
only through zorgplicht/services.py."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from cases import queryparams as qp
from cases.models import Brief, School
from cases.models.audit import AuditActie
from cases.models.organisaties import SchoolSoort
from cases.permissions import rol_vereist
from cases.scope import scope_for
from cases.services.audit import log, log_inzage
from cases.services.brieven import pdf_bytes
from zorgplicht import forms as f
from zorgplicht import selectors, services, termijnen
from zorgplicht.models import Aanmelding, BaoBaoVoorstel, OndersteuningSoort, SopAanbod, Status

LEZERS = ("ib", "directeur", "sc", "cjk", "sll", "tla", "bestuurder", "beheer")
SCHOOL = ("ib", "directeur")
BESLISSERS = ("directeur",)
BAOBAO = ("sc", "directeur")
OVERZICHT = ("sc", "cjk", "sll", "tla", "bestuurder", "beheer")
PER_PAGINA = 25


def _vandaag():
    return timezone.localdate()


def _aanmelding(request, pk) -> Aanmelding:
    return get_object_or_404(selectors.aanmeldingen_voor(request.user), pk=pk)


def _pagina(request, rijen):
    return Paginator(rijen, PER_PAGINA).get_page(request.GET.get("pagina"))


@rol_vereist(*LEZERS)
def lijst(request):
    """All aanmeldingen the user may see; running ones first, most urgent on top."""
    alle = qp.keuze(request, "alle", ("1",), label="de keuze lopend/afgesloten") == "1"
    qs = selectors.aanmeldingen_voor(request.user)
    if not alle:
        qs = qs.lopend()
    rijen = sorted(
        selectors.met_stand(qs, _vandaag()),
        key=lambda r: (not r.stand.lopend, *r.stand.urgentie, r.aanmelding.pk),
    )
    return render(
        request,
        "zorgplicht/lijst.html",
        {
            "pagina": _pagina(request, rijen),
            "alle": alle,
            "kan_aanmelden": scope_for(request.user).heeft(*SCHOOL),
        },
    )


@rol_vereist(*OVERZICHT)
def overzicht(request):
    """The SC's region overview of all running zorgplicht terms, sorted by urgency [issue 6]."""
    rijen = selectors.lopende_op_urgentie(request.user, _vandaag())
    return render(
        request,
        "zorgplicht/overzicht.html",
        {
            "pagina": _pagina(request, rijen),
            "aantal_plaatsingsplicht": sum(r.stand.plaatsingsplicht for r in rijen),
            "aantal_verstreken": sum(r.stand.verstreken for r in rijen),
            "aantal": len(rijen),
        },
    )


@rol_vereist(*SCHOOL)
def nieuw(request):
    form = f.AanmeldingForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            a = services.registreer_aanmelding(door=request.user, request=request, **form.service_kwargs())
        except ValidationError as exc:
            f.fouten_naar_form(form, exc)
        else:
            messages.success(
                request,
                "De aanmelding is geregistreerd; de ontvangstbevestiging voor de ouders wordt gemaakt.",
            )
            return redirect("zorgplicht:detail", pk=a.pk)
    groepen = [
        (titel, [form[n] for n in namen])
        for titel, namen in (
            (
                "Aanmelding",
                (
                    "school",
                    "aanmelding_op",
                    "extra_ondersteuning_vermoed",
                    "ondersteuningsbehoeften",
                    "andere_scholen",
                ),
            ),
            (
                "Leerling",
                (
                    "voornaam",
                    "tussenvoegsel",
                    "achternaam",
                    "geboortedatum",
                    "geslacht",
                    "woonplaats",
                    "bsn",
                    "zij_instroom",
                    "bestaande_leerling",
                ),
            ),
            (
                "Ouders/verzorgers (ontvangen de brieven)",
                (
                    "ouder_naam",
                    "ouder_relatie",
                    "ouder_adres",
                    "ouder_postcode_plaats",
                    "ouder_email",
                    "ouder_telefoon",
                    "ouder2_naam",
                    "ouder2_relatie",
                ),
            ),
            ("Toelichting", ("toelichting",)),
        )
    ]
    return render(request, "zorgplicht/nieuw.html", {"form": form, "groepen": groepen})


@rol_vereist(*LEZERS)
def detail(request, pk):
    a = _aanmelding(request, pk)
    log_inzage(request=request, leerling=a.leerling, obj=a, omschrijving="zorgplichtdossier bekeken")
    vandaag = _vandaag()
    user = request.user
    acties = {
        naam: services.kan(a, naam, user)
        for naam in (
            "start_onderzoek",
            "vraag_informatie",
            "informatie_ontvangen",
            "verleng",
            "besluit",
            "sluit_af",
            "zorgplicht_geldt_niet",
        )
    }
    stand = termijnen.stand(a, vandaag)
    # Extending is offered only while it can still be done: once, up to the last day of the 6 weeks.
    acties["verleng"] = acties["verleng"] and not a.is_verlengd and vandaag <= stand.zes.einde
    brieven = Brief.objects.filter(
        content_type__app_label="zorgplicht", content_type__model="aanmelding", object_id=a.pk
    ).order_by("aangemaakt_op", "pk")
    return render(
        request,
        "zorgplicht/detail.html",
        {
            "a": a,
            "stand": stand,
            "zorgplicht_bij": selectors.zorgplicht_bij(a),
            "acties": acties,
            "kan_baobao": services.mag_baobao(a, user) and a.is_lopend,
            "brieven": list(brieven),
            "verzoeken": list(a.informatieverzoeken.all()),
            "voorstellen": list(a.baobao_voorstellen.all()),
            "leeftijd": f"{a.leerling.leeftijd_op(vandaag)} jaar",
            "behoeften": _behoeften(a),
            "eigen_scholen": {r.school_id for r in scope_for(user).rollen if r.soort in SCHOOL},
        },
    )


def _behoeften(a) -> list[str]:
    return [OndersteuningSoort(b).label for b in a.ondersteuningsbehoeften if b in OndersteuningSoort.values]


def _actie(request, pk, *, form_cls, titel, uitleg, uitvoeren, form_kwargs=None, succes):
    """GET: the form with the dossier's term; POST: call the service; a refusal stays on the page in Dutch."""
    a = _aanmelding(request, pk)
    form = form_cls(
        request.POST if request.method == "POST" else None, **(form_kwargs(a) if form_kwargs else {})
    )
    if request.method == "POST" and form.is_valid():
        try:
            uitvoeren(a, form.cleaned_data, form)
        except ValidationError as exc:
            f.fouten_naar_form(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, succes)
            return redirect("zorgplicht:detail", pk=a.pk)
    return render(
        request,
        "zorgplicht/actie.html",
        {
            "a": a,
            "form": form,
            "titel": titel,
            "uitleg": uitleg,
            "stand": termijnen.stand(a, _vandaag()),
        },
    )


@rol_vereist(*SCHOOL)
def start_onderzoek(request, pk):
    def uitvoeren(a, d, form):
        services.start_onderzoek(aanmelding=a, door=request.user, request=request)

    return _actie(
        request,
        pk,
        form_cls=_LeegForm,
        titel="Onderzoek starten",
        uitleg="De school onderzoekt of zij een passend aanbod en een passende plek kan bieden "
        "[002 bijlage 2.2.1 stap 3].",
        uitvoeren=uitvoeren,
        succes="Het onderzoek is gestart.",
    )


@rol_vereist(*SCHOOL)
def informatie(request, pk):
    def uitvoeren(a, d, form):
        services.vraag_informatie(aanmelding=a, door=request.user, request=request, **d)

    return _actie(
        request,
        pk,
        form_cls=f.InformatieForm,
        titel="Extra informatie opvragen",
        uitleg="De termijn wordt verlengd met de tijd van opvragen tot ontvangen. Vraag informatie bij "
        "anderen pas na toestemming van de ouders [002 bijlage 2.2.1 stap 4].",
        uitvoeren=uitvoeren,
        succes="Het informatieverzoek is vastgelegd; de termijn is opgeschort.",
    )


@rol_vereist(*SCHOOL)
def informatie_ontvangen(request, pk):
    def uitvoeren(a, d, form):
        services.registreer_informatie_ontvangen(aanmelding=a, door=request.user, request=request, **d)

    return _actie(
        request,
        pk,
        form_cls=f.OntvangenForm,
        titel="Ontvangst van de informatie registreren",
        uitleg="Vanaf deze dag loopt de termijn weer.",
        uitvoeren=uitvoeren,
        succes="De ontvangst is vastgelegd; de termijn loopt weer.",
    )


@rol_vereist(*BESLISSERS)
def verlengen(request, pk):
    def uitvoeren(a, d, form):
        services.verleng(aanmelding=a, door=request.user, request=request, reden=d["reden"])

    return _actie(
        request,
        pk,
        form_cls=f.VerlengForm,
        titel="Termijn verlengen met vier weken",
        uitleg="Eén keer mogelijk, en alleen als de brief met de reden de ouders vóór het einde van de "
        "zes weken bereikt; de nieuwe einddatum is tien weken na de aanmelding plus opschorting "
        "[002 bijlage 2.2.1 stap 5].",
        uitvoeren=uitvoeren,
        succes="De termijn is verlengd; de brief aan de ouders wordt gemaakt.",
    )


@rol_vereist(*BESLISSERS)
def besluit(request, pk):
    def uitvoeren(a, d, form):
        services.neem_besluit(aanmelding=a, door=request.user, request=request, **d)

    return _actie(
        request,
        pk,
        form_cls=f.BesluitForm,
        form_kwargs=lambda a: {"aanmelding": a},
        titel="Besluit vastleggen",
        uitleg="Kies één van de uitkomsten 6 tot en met 9 [002 bijlage 2.2.1 stap 6–9]. De besluitbrief "
        "gaat naar de ouders; bij een openbare school met bezwaarclausule.",
        uitvoeren=uitvoeren,
        succes="Het besluit is vastgelegd; de brief aan de ouders wordt gemaakt.",
    )


@rol_vereist(*BESLISSERS)
def afsluiten(request, pk):
    def uitvoeren(a, d, form):
        services.sluit_af(aanmelding=a, door=request.user, request=request, **d)

    return _actie(
        request,
        pk,
        form_cls=f.AfsluitenForm,
        titel="Afsluiten na inschrijving",
        uitleg="Bij uitkomst 6 en 7 wordt de leerling ingeschreven op de school van aanmelding; bij 8 op "
        "de school die de ouders kozen — pas dan gaat de zorgplicht over [002 bijlage 2.2.1 stap 8].",
        uitvoeren=uitvoeren,
        succes="De aanmelding is afgesloten.",
    )


@rol_vereist(*BESLISSERS)
def niet_van_toepassing(request, pk):
    def uitvoeren(a, d, form):
        services.zorgplicht_geldt_niet(aanmelding=a, door=request.user, request=request, **d)

    return _actie(
        request,
        pk,
        form_cls=f.NietVanToepassingForm,
        titel="Zorgplicht geldt niet",
        uitleg="Alleen om één van de redenen uit het schema, met onderbouwing [002 bijlage 2.2.1 stap 2].",
        uitvoeren=uitvoeren,
        succes="Vastgelegd dat de zorgplicht niet geldt.",
    )


class _LeegForm(f.forms.Form):
    pass


# --- bao-bao --------------------------------------------------------------------------------------


@rol_vereist(*BAOBAO)
def baobao(request, pk):
    """Proposals, the schools' answers and the ouders' choice; schools whose SOP fits, best first."""
    a = _aanmelding(request, pk)
    if not services.mag_baobao(a, request.user):
        raise PermissionDenied(
            "Alleen de steunpuntcoördinator of de directeur van de school van aanmelding zoekt een andere school."  # noqa: E501
        )
    kandidaten = selectors.passende_scholen(request.user, a)
    form = f.VoorstelForm(
        request.POST or None, scholen=School.objects.filter(pk__in=[k.school.pk for k in kandidaten])
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.stel_school_voor(aanmelding=a, door=request.user, request=request, **form.cleaned_data)
        except ValidationError as exc:
            f.fouten_naar_form(form, exc)
        else:
            messages.success(request, "De school is voorgesteld.")
            return redirect("zorgplicht:baobao", pk=a.pk)
    return render(
        request,
        "zorgplicht/baobao.html",
        {
            "a": a,
            "kandidaten": kandidaten,
            "form": form,
            "voorstellen": list(a.baobao_voorstellen.all()),
            "stand": termijnen.stand(a, _vandaag()),
            "zorgplicht_bij": selectors.zorgplicht_bij(a),
            "behoeften": _behoeften(a),
        },
    )


def _voorstel(request, pk, *, antwoord: bool = False) -> BaoBaoVoorstel:
    v = get_object_or_404(
        BaoBaoVoorstel.objects.filter_for_user(request.user).select_related("aanmelding__school", "school"),
        pk=pk,
    )
    mag = (
        services.mag_antwoorden(v, request.user)
        if antwoord
        else services.mag_baobao(v.aanmelding, request.user)
    )
    if not mag:
        raise PermissionDenied(
            "Alleen de steunpuntcoördinator of de directeur van de school van aanmelding doet dit."
        )
    return v


@rol_vereist("sc", "directeur", "ib")
def baobao_antwoord(request, pk):
    v = _voorstel(request, pk, antwoord=True)
    form = f.AntwoordForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.registreer_antwoord(voorstel=v, door=request.user, request=request, **form.cleaned_data)
        except ValidationError as exc:
            f.fouten_naar_form(form, exc)
        else:
            messages.success(request, "Het antwoord van de school is vastgelegd.")
            if services.mag_baobao(v.aanmelding, request.user):
                return redirect("zorgplicht:baobao", pk=v.aanmelding_id)
            return redirect("zorgplicht:detail", pk=v.aanmelding_id)
    return render(
        request, "zorgplicht/baobao_stap.html", {"v": v, "form": form, "titel": f"Antwoord van {v.school}"}
    )


@rol_vereist(*BAOBAO)
def baobao_keuze(request, pk):
    v = _voorstel(request, pk)
    form = _LeegForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.registreer_keuze_ouders(voorstel=v, door=request.user, request=request)
        except ValidationError as exc:
            f.fouten_naar_form(form, exc)
        else:
            messages.success(request, f"De ouders kozen voor {v.school}.")
            return redirect("zorgplicht:baobao", pk=v.aanmelding_id)
    return render(
        request,
        "zorgplicht/baobao_stap.html",
        {
            "v": v,
            "form": form,
            "titel": f"Keuze van de ouders: {v.school}",
            "uitleg": "Als meer scholen passen, kiezen de ouders [002 bijlage 2.2.1 stap 8].",
        },
    )


# --- schoolondersteuningsprofielen -------------------------------------------------------------------


@rol_vereist("sc", "directeur", "ib")
def sop_lijst(request):
    scholen = (
        School.objects.filter_for_user(request.user)
        .filter(soort=SchoolSoort.BAO)
        .select_related("regio")
        .prefetch_related("sop_aanbod")
        .order_by("regio__naam", "naam")
    )
    return render(request, "zorgplicht/sop_lijst.html", {"pagina": _pagina(request, scholen)})


@rol_vereist("sc", "directeur", "ib")
def sop(request, school_pk):
    school = get_object_or_404(School.objects.filter_for_user(request.user), pk=school_pk)
    if not services.mag_sop_bewerken(request.user, school):
        raise PermissionDenied(
            "Alleen de school zelf of de steunpuntcoördinator van de regio houdt het SOP bij."
        )
    bestaand = {r.soort: r.toelichting for r in SopAanbod.objects.filter(school=school)}
    form = f.SopForm(request.POST if request.method == "POST" else None, bestaand=bestaand)
    if request.method == "POST" and form.is_valid():
        try:
            services.bewaar_sop(school=school, door=request.user, request=request, aanbod=form.aanbod())
        except ValidationError as exc:
            f.fouten_naar_form(form, exc)
        else:
            messages.success(request, "Het ondersteuningsaanbod is bijgewerkt.")
            return redirect("zorgplicht:sop_lijst")
    rijen = [(form[f"heeft_{s}"], form[f"toelichting_{s}"]) for s in OndersteuningSoort.values]
    return render(request, "zorgplicht/sop.html", {"school": school, "form": form, "rijen": rijen})


# --- letters ----------------------------------------------------------------------------------------


@rol_vereist(*LEZERS)
def brief(request, pk, brief_pk):
    """A letter of this aanmelding, for everybody who may see the aanmelding (also before the child
    is enrolled, when the leerling dossier itself is not yet visible to the school)."""
    a = _aanmelding(request, pk)
    b = get_object_or_404(
        Brief.objects.filter(
            content_type__app_label="zorgplicht", content_type__model="aanmelding", object_id=a.pk
        ),
        pk=brief_pk,
    )
    if not b.is_gerenderd:
        return render(request, "cases/brief_wacht.html", {"brief": b})
    data = pdf_bytes(b)
    log(
        actie=AuditActie.GEDOWNLOAD,
        request=request,
        obj=b,
        leerling=a.leerling,
        omschrijving=f"brief {b.soort}",
    )
    resp = HttpResponse(data, content_type="application/pdf")
    resp["Content-Disposition"] = f'attachment; filename="{b.bestandsnaam}"'
    resp["Cache-Control"] = "private, no-store"
    return resp


__all__ = ["Status"]
