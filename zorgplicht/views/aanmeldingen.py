"""The aanmeldingen: the list, the SC's region overview, registering, the dossier and its letters."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from cases import queryparams as qp
from cases.formvelden import toon_servicefouten
from cases.models import Brief
from cases.models.audit import AuditActie
from cases.models.rollen import SCHOOLLEIDING
from cases.ouderportaal.models.toestemming import ToestemmingOnderwerp
from cases.ouderportaal.toestemmingen import geldige_van
from cases.permissions import rol_vereist
from cases.scope import scope_for
from cases.services.audit import lijst_gelogd, log, log_inzage
from cases.services.brieven import pdf_bytes
from cases.workflow import kan
from zorgplicht import forms as f
from zorgplicht import selectors, services, termijnen
from zorgplicht.views import LEZERS, OVERZICHT, aanmelding_voor, behoeften, pagina, vandaag
from zorgplicht.views.stappen import STAPPEN

# The consents the 6-week extension asks [002 L184; domain §7]: information from others, onderzoek.
TOESTEMMING_INFORMATIE = (ToestemmingOnderwerp.INFORMATIE_DERDEN, ToestemmingOnderwerp.ONDERZOEK)


@rol_vereist(*LEZERS)
@lijst_gelogd("lijst aanmeldingen zorgplicht")
def lijst(request):
    """All aanmeldingen the user may see; running ones first, most urgent on top."""
    alle = qp.keuze(request, "alle", ("1",), label="de keuze lopend/afgesloten") == "1"
    qs = selectors.aanmeldingen_voor(request.user)
    if not alle:
        qs = qs.lopend()
    rijen = sorted(
        selectors.met_stand(qs, vandaag()),
        key=lambda r: (not r.stand.lopend, *r.stand.urgentie, r.aanmelding.pk),
    )
    return render(
        request,
        "zorgplicht/lijst.html",
        {
            "pagina": pagina(request, rijen),
            "alle": alle,
            "kan_aanmelden": scope_for(request.user).heeft(*SCHOOLLEIDING),
        },
    )


@rol_vereist(*OVERZICHT)
@lijst_gelogd("overzicht zorgplichttermijnen")
def overzicht(request):
    """The SC's region overview of all running zorgplicht terms, sorted by urgency [issue 6]."""
    rijen = selectors.lopende_op_urgentie(request.user, vandaag())
    return render(
        request,
        "zorgplicht/overzicht.html",
        {
            "pagina": pagina(request, rijen),
            "aantal_plaatsingsplicht": sum(r.stand.plaatsingsplicht for r in rijen),
            "aantal_verstreken": sum(r.stand.verstreken for r in rijen),
            "aantal": len(rijen),
        },
    )


@rol_vereist(*SCHOOLLEIDING)
def nieuw(request):
    form = f.AanmeldingForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            a = services.registreer_aanmelding(door=request.user, request=request, **form.service_kwargs())
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(
                request,
                "De aanmelding is geregistreerd; de ontvangstbevestiging voor de ouders wordt gemaakt.",
            )
            return redirect("zorgplicht:detail", pk=a.pk)
    return render(request, "zorgplicht/nieuw.html", {"form": form, "groepen": form.groepen()})


@rol_vereist(*LEZERS)
def detail(request, pk):
    a = aanmelding_voor(request, pk)
    log_inzage(request=request, leerling=a.leerling, obj=a, omschrijving="zorgplichtdossier bekeken")
    dag = vandaag()
    user = request.user
    # One button per step of the table whose transition the user may take now (named as on the model).
    acties = {s.overgang: kan(a, s.overgang, user, voorwaarden=False) for s in STAPPEN}
    stand = termijnen.stand(a, dag)
    # Extending is offered only while it can still be done: once, up to the last day of the 6 weeks.
    acties["verleng"] = acties["verleng"] and not a.is_verlengd and dag <= stand.zes.einde
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
            # Read-only hint [issue 17]: does a current consent for information/onderzoek exist?
            "portaal_toestemmingen": geldige_van(a.leerling_id, *TOESTEMMING_INFORMATIE),
            "voorstellen": list(a.baobao_voorstellen.all()),
            "leeftijd": f"{a.leerling.leeftijd_op(dag)} jaar",
            "behoeften": behoeften(a),
            "eigen_scholen": {r.school_id for r in scope_for(user).rollen if r.soort in SCHOOLLEIDING},
        },
    )


@rol_vereist(*LEZERS)
def brief(request, pk, brief_pk):
    """A letter of this aanmelding, for everybody who may see the aanmelding (also before the child
    is enrolled, when the leerling dossier itself is not yet visible to the school)."""
    a = aanmelding_voor(request, pk)
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
