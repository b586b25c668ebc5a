"""Pages of the TLV app. Rows come only through filter_for_user (selectors); every change goes
through a service (tlv/acties.py maps a posted step to its service). A refused step shows the
Dutch reasons; a form with errors is shown again with everything the user typed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from cases import queryparams as qp
from cases.formvelden import toon_servicefouten
from cases.models import Leerling, Regio
from cases.models.brieven import Brief
from cases.models.rollen import SCHOOLLEIDING, SWV_BUREAU, RolSoort
from cases.permissions import rol_vereist
from cases.scope import scope_for
from cases.services.audit import lijst_gelogd
from cases.termijnen import plus_werkdagen
from cases.workflow import OvergangGeweigerd
from tlv import forms, herindicatie, selectors, services
from tlv.acties import ACTIES, HERINDICATIE_ACTIES, acties_voor
from tlv.inhoud import inhoud
from tlv.models import Status, TLAVergadering
from tlv.models.rechten import school_medewerker
from tlv.ouders import sha256 as ouders_sha256
from tlv.services.deskundigen import voorstel_vo, zichtbare_adviezen
from tlv.termijnen import beslistermijn
from tlv.volledigheid import Dossier, evalueer

ALLE_TLV_ROLLEN = (*SCHOOLLEIDING, RolSoort.SC, RolSoort.CJK, *SWV_BUREAU, RolSoort.DESKUNDIGE)
PER_PAGINA = 50
# The steps that judge the aanvraag: shown right under the checklist and what the school wrote.
BEOORDELING_ACTIES = ("formeel_goedkeuren", "sc_oordeel", "afwijking", "inhoudelijk_goedkeuren")


def _foutmeldingen(exc: ValidationError) -> list[str]:
    if hasattr(exc, "error_dict"):
        return [m for lijst in exc.message_dict.values() for m in lijst]
    return list(exc.messages)


def _lijst(request, *, titel: str, uitleg: str, statussen=None, eigen=False):
    scope = scope_for(request.user)
    te_kiezen = [s for s in Status if not statussen or s.value in statussen]
    status = qp.keuze(request, "status", [s.value for s in te_kiezen], label="de status") or ""
    regio = qp.rij(request, "regio", Regio.objects.filter_for_user(request.user), label="de regio")
    qs = selectors.werklijst(
        request.user,
        statussen=[status] if status else statussen,
        regio_id=regio.pk if regio else None,
        alleen_eigen_toewijzing=eigen,
    )
    pagina = Paginator(qs, PER_PAGINA).get_page(request.GET.get("pagina"))
    rijen = selectors.met_termijn(pagina.object_list, timezone.localdate())
    return render(
        request,
        "tlv/lijst.html",
        {
            "titel": titel,
            "uitleg": uitleg,
            "pagina": pagina,
            "rijen": rijen,
            "statussen": [(s.value, s.label) for s in te_kiezen],
            "gekozen_status": status,
            "gekozen_regio": str(regio.pk) if regio else "",
            "regios": list(Regio.objects.filter_for_user(request.user).order_by("naam"))
            if scope.swv_ids or scope.alles
            else [],
            "alleen_status": bool(SCHOOLLEIDING & scope.soorten)
            and not scope.swv_ids
            and not scope.regio_ids,
            "kan_nieuw": bool(SCHOOLLEIDING & scope.soorten),
        },
    )


@rol_vereist(*SCHOOLLEIDING, RolSoort.SC, RolSoort.CJK, *SWV_BUREAU)
@lijst_gelogd("lijst TLV-aanvragen")
def lijst(request):
    """SLL: every aanvraag of her SWV; SC: her regio; the school: its own (status only)."""
    return _lijst(
        request,
        titel="TLV-aanvragen",
        uitleg="Alle aanvragen die u mag zien, met hun stap en beslistermijn. Filter op status of regio.",
    )


@rol_vereist(RolSoort.BESTUURDER)
@lijst_gelogd("lijst TLV's ter ondertekening")
def ter_ondertekening(request):
    return _lijst(
        request,
        titel="Ter ondertekening",
        statussen=[Status.TER_ONDERTEKENING],
        uitleg="Eindadviezen die op uw handtekening wachten.",
    )


@rol_vereist(RolSoort.TLA)
@lijst_gelogd("werklijst TLA")
def tla_werklijst(request):
    return _lijst(
        request,
        titel="TLA: toewijzen en vergaderen",
        statussen=[
            Status.DESKUNDIGEN_TOEWIJZEN,
            Status.ADVIEZEN,
            Status.EINDADVIES,
            Status.TLA_VERGADERING,
            Status.BIJ_VOORZITTER,
        ],
        uitleg="Aanvragen die deskundigen nodig hebben, in advies zijn, op de TLA-vergadering komen, "
        "of waarvan u het eindadvies voorlegt aan de directeur-bestuurder.",
    )


@rol_vereist(RolSoort.DESKUNDIGE)
@lijst_gelogd("lijst adviesaanvragen deskundige")
def mijn_aanvragen(request):
    return _lijst(
        request,
        titel="Mijn aanvragen",
        eigen=True,
        uitleg="De aanvragen waaraan u als deskundige bent gekoppeld, zolang de toewijzing loopt.",
    )


@rol_vereist(*SCHOOLLEIDING)
def nieuw(request):
    leerlingen = (
        Leerling.objects.filter_for_user(request.user)
        .filter(huidige_school_id__in=scope_for(request.user).school_ids)
        .order_by("achternaam")
    )
    leerling = qp.rij(request, "leerling", leerlingen, label="de leerling")
    form = forms.NieuweAanvraagForm(
        request.POST or None, leerlingen=leerlingen, initial={"leerling": leerling.pk if leerling else None}
    )
    if request.method == "POST" and form.is_valid():
        velden = {k: v for k, v in form.cleaned_data.items() if k != "leerling"}
        try:
            aanvraag = services.maak_aanvraag(
                door=request.user, leerling=form.cleaned_data["leerling"], request=request, **velden
            )
        except ValidationError as exc:
            for m in _foutmeldingen(exc):
                form.add_error(None, m)
        else:
            messages.success(request, "De aanvraag is als concept opgeslagen.")
            return redirect("tlv:detail", aanvraag.pk)
    return render(request, "tlv/formulier.html", {"form": form, "titel": "Nieuwe TLV-aanvraag"})


@login_required
def bewerken(request, pk: int):
    aanvraag = selectors.aanvraag_voor(request, pk)
    if aanvraag.status != Status.CONCEPT or not school_medewerker(aanvraag, request.user):
        raise Http404("Alleen een concept van uw school kunt u bewerken.")
    form = forms.AanvraagForm(request.POST or None, instance=aanvraag)
    if request.method == "POST" and form.is_valid():
        try:
            services.wijzig_aanvraag(
                aanvraag=aanvraag,
                door=request.user,
                request=request,
                **{k: form.cleaned_data[k] for k in form.Meta.fields},
            )
        except ValidationError as exc:
            for m in _foutmeldingen(exc):
                form.add_error(None, m)
        else:
            messages.success(request, "Opgeslagen.")
            return redirect("tlv:detail", aanvraag.pk)
    return render(
        request, "tlv/formulier.html", {"form": form, "titel": "Aanvraagformulier", "aanvraag": aanvraag}
    )


def _detail(request, aanvraag, gebonden=None, status=200):
    user = request.user
    scope = scope_for(user)
    vandaag = timezone.localdate()
    toon_adviezen = not (
        scope.soorten & {RolSoort.IB, RolSoort.DIRECTEUR, RolSoort.SC, RolSoort.CJK, RolSoort.SLL}
    ) or scope.heeft(RolSoort.TLA, RolSoort.BESTUURDER)
    e = aanvraag.eindadvies_of_none()
    # One dossier load for the checklist and for the panel with what the school wrote [issue 20.1].
    dossier = Dossier.laad(aanvraag, aanvraag.ontvangen_op or vandaag)
    checklist = evalueer(aanvraag, dossier=dossier)
    alle_acties = acties_voor(aanvraag, user, gebonden)
    zienswijze = next((u for u in checklist if u.regel.code == "actuele_zienswijze"), None)
    ct = ContentType.objects.get_for_model(aanvraag)
    overgangen = list(aanvraag.overgangen.select_related("door"))
    context = {
        "aanvraag": aanvraag,
        "termijn": beslistermijn(aanvraag, vandaag=vandaag, intrekkingen=overgangen),
        "checklist": checklist,
        "inhoud": inhoud(user, dossier),
        "beoordeling_acties": [a for a in alle_acties if a["actie"].naam in BEOORDELING_ACTIES],
        "acties": [
            a
            for a in alle_acties
            if a["actie"].naam not in HERINDICATIE_ACTIES and a["actie"].naam not in BEOORDELING_ACTIES
        ],
        # [002 L815-825] option, gesprek, route and why the TLA-commissie (tlv/herindicatie.py).
        "herindicatie": herindicatie.paneel(aanvraag, zienswijze),
        "herindicatie_acties": [a for a in alle_acties if a["actie"].naam in HERINDICATIE_ACTIES],
        "opschortingen": list(aanvraag.opschortingen.all()),
        "verdagingen": list(aanvraag.verdagingen.all()),
        "overgangen": overgangen,
        "brieven": Brief.objects.filter_for_user(user).filter(content_type=ct, object_id=aanvraag.pk),
        "adviezen": zichtbare_adviezen(aanvraag, user) if toon_adviezen else [],
        "eindadvies": e if toon_adviezen else None,
        "toewijzingen": aanvraag.actieve_toewijzingen() if toon_adviezen else [],
        "sc_oordelen": list(aanvraag.sc_oordelen.all()) if not (SCHOOLLEIDING & scope.soorten) else [],
        "bezwaren": list(aanvraag.bezwaren.select_related("geregistreerd_door")),
        "tlv": getattr(aanvraag, "tlv", None),
        # The register's blad for the receiving school [issue 16.8]: the SWV bureau links to it here.
        "mag_blad": scope.alles or (bool(SWV_BUREAU & scope.soorten) and aanvraag.swv_id in scope.swv_ids),
        "voorstel_vo": voorstel_vo(aanvraag),
        "handtekening": getattr(aanvraag, "handtekening", None),
        # The ouders' own signature and zienswijze from the ouderportaal [issue 17], read-only.
        "ouder_handtekeningen": list(aanvraag.ouder_handtekeningen.select_related("ouder")),
        "ouder_zienswijzen": list(aanvraag.ouder_zienswijzen.select_related("ouder")),
        "samenvatting_sha256": ouders_sha256(aanvraag),
        # [002 §1.9] when the TLA-vergadering cannot advise, the information is requested within 2 werkdagen.
        "tla_opvragen_uiterlijk": plus_werkdagen(aanvraag.vergadering.datum, 2)
        if aanvraag.status == Status.TLA_VERGADERING and aanvraag.vergadering_id
        else None,
        "vooruitblik_tlv": services.tlv_gegevens(aanvraag, vandaag)
        if e and e.besluit == "afgeven" and aanvraag.status == Status.TER_ONDERTEKENING
        else None,
    }
    return render(request, "tlv/detail.html", context, status=status)


@login_required
def detail(request, pk: int):
    """Who may see it is decided by filter_for_user alone (404 otherwise), never by the role name."""
    return _detail(request, selectors.aanvraag_voor(request, pk))


@require_POST
@login_required
def stap(request, pk: int, naam: str):
    """Perform one step (tlv/acties.py) through its service."""
    aanvraag = selectors.aanvraag_voor(request, pk)
    actie = ACTIES.get(naam)
    if actie is None:
        raise Http404("Onbekende stap.")
    if not actie.zichtbaar(aanvraag, request.user):
        messages.error(request, "Deze stap is nu niet mogelijk, of hoort niet bij uw rol.")
        return redirect("tlv:detail", aanvraag.pk)
    form = actie.form(aanvraag, request.user, request.POST)
    if not form.is_valid():
        return _detail(request, aanvraag, {naam: form}, status=400)
    try:
        actie.uitvoeren(aanvraag, request.user, form, request)
    except OvergangGeweigerd as exc:
        for reden in exc.redenen:
            messages.error(request, reden)
    except ValidationError as exc:
        toon_servicefouten(form, exc)
        return _detail(request, selectors.aanvraag_voor(request, pk), {naam: form}, status=400)
    else:
        messages.success(request, actie.succes or f"{actie.titel}: gelukt.")
    return redirect("tlv:detail", aanvraag.pk)


@rol_vereist(*SWV_BUREAU)
@lijst_gelogd("lijst TLA-vergaderingen")
def vergaderingen(request):
    """The annual planning of TLA-vergaderingen [002 §1.7] with their agenda and invitees."""
    from tlv.services.deskundigen import genodigden

    scope = scope_for(request.user)
    swv_ids = list(scope.swv_ids)
    form = forms.VergaderingForm(request.POST or None)
    if request.method == "POST":
        if not scope.heeft(RolSoort.TLA) or not swv_ids:
            messages.error(request, "Alleen de TLA-voorzitter plant vergaderingen.")
            return redirect("tlv:vergaderingen")
        if form.is_valid():
            from cases.models import Samenwerkingsverband

            try:
                services.plan_vergadering(
                    door=request.user,
                    swv=Samenwerkingsverband.objects.get(pk=swv_ids[0]),
                    request=request,
                    **form.cleaned_data,
                )
            except ValidationError as exc:
                for m in _foutmeldingen(exc):
                    form.add_error(None, m)
            else:
                messages.success(request, "De vergadering is gepland.")
                return redirect("tlv:vergaderingen")
    lijst_ = list(
        TLAVergadering.objects.filter_for_user(request.user)
        .prefetch_related("aanvragen__leerling")
        .order_by("datum")
    )
    for v in lijst_:
        v.genodigden = genodigden(v)
    return render(
        request,
        "tlv/vergaderingen.html",
        {"vergaderingen": lijst_, "form": form, "mag_plannen": scope.heeft(RolSoort.TLA)},
    )
