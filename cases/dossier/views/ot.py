"""OT-verslagen: start a concept, edit it (saving never loses what was typed), vaststellen,
addendum, and the PDF download (rendered by a Celery task, never in the request)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from cases.dossier.forms import (
    AanwezigeFormSet,
    AddendumForm,
    AfspraakFormSet,
    OTForm,
)
from cases.dossier.models.ot import AanwezigeRol, OTSoort
from cases.dossier.services import ot as service
from cases.dossier.services.leerlingen import eis_bewerkrecht, mag_dossier_bewerken
from cases.dossier.views.leerlingen import SCHRIJVERS, bewerkbare_leerling
from cases.formvelden import toon_servicefouten
from cases.models import OTBespreking
from cases.permissions import rol_vereist
from cases.services.audit import log_inzage


def _bespreking(request, pk) -> OTBespreking:
    return get_object_or_404(
        OTBespreking.objects.filter_for_user(request.user).select_related(
            "leerling__huidige_school", "leerling__swv", "vastgesteld_door", "aangemaakt_door"
        ),
        pk=pk,
    )


@require_POST
@rol_vereist(*SCHRIJVERS)
def ot_nieuw(request, pk):
    leerling = bewerkbare_leerling(request, pk)
    soort = request.POST.get("soort") or OTSoort.START
    try:
        bespreking = service.start_bespreking(
            leerling=leerling, soort=soort, door=request.user, request=request
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("dossier", pk=leerling.pk)
    return redirect("ot_bewerken", pk=bespreking.pk)


@login_required
def ot_detail(request, pk):
    bespreking = _bespreking(request, pk)
    aanwezigen = list(bespreking.aanwezigen.all())
    log_inzage(
        request=request,
        leerling=bespreking.leerling,
        obj=bespreking,
        omschrijving=f"{bespreking.get_soort_display()} bekeken",
    )
    return render(
        request,
        "cases/ot/detail.html",
        {
            "bespreking": bespreking,
            "leerling": bespreking.leerling,
            "aanwezigen": aanwezigen,
            "ouders_aanwezig": any(a.rol == AanwezigeRol.OUDER for a in aanwezigen),
            "sc_aanwezig": any(a.rol == AanwezigeRol.SC for a in aanwezigen),
            "afspraken": list(bespreking.afspraken.select_related("afgerond_door")),
            "addenda": list(bespreking.addenda.select_related("door")),
            "mag_bewerken": mag_dossier_bewerken(request.user, bespreking.leerling),
            "pdf_klaar": service.pdf_is_actueel(bespreking, bespreking.addenda.count()),
        },
    )


@rol_vereist(*SCHRIJVERS)
def ot_bewerken(request, pk):
    bespreking = _bespreking(request, pk)
    eis_bewerkrecht(request.user, bespreking.leerling)
    if bespreking.is_vastgesteld:
        messages.info(
            request, "Dit verslag is vastgesteld. Een correctie of aanvulling voegt u toe als addendum."
        )
        return redirect("ot_detail", pk=bespreking.pk)
    fouten: list[str] = []
    if request.method == "POST":
        form = OTForm(request.POST, instance=bespreking)
        aanwezigen = AanwezigeFormSet(request.POST, prefix="aanwezige")
        afspraken = AfspraakFormSet(request.POST, prefix="afspraak")
        if form.is_valid() and aanwezigen.is_valid() and afspraken.is_valid():
            service.bewaar_concept(
                bespreking=bespreking,
                door=request.user,
                request=request,
                gegevens={k: form.cleaned_data[k] for k in form.fields},
                aanwezigen=[f.cleaned_data for f in aanwezigen.forms if f.cleaned_data],
                afspraken=[f.cleaned_data for f in afspraken.forms if f.cleaned_data],
            )
            if request.POST.get("actie") != "vaststellen":
                messages.success(request, "Het concept is opgeslagen. U kunt later verder gaan.")
                return redirect("ot_bewerken", pk=bespreking.pk)
            try:
                service.vaststellen(bespreking=bespreking, door=request.user, request=request)
            except ValidationError as exc:
                # The bound forms still hold exactly what was typed (and saved); add the reasons.
                fouten = toon_servicefouten(form, exc, apart=True)
                messages.warning(
                    request,
                    "Het concept is opgeslagen, maar kan nog niet worden vastgesteld. "
                    "Vul aan wat hieronder gevraagd wordt.",
                )
            else:
                messages.success(request, "Het verslag is vastgesteld. De PDF wordt aangemaakt.")
                return redirect("ot_detail", pk=bespreking.pk)
        else:
            fouten = [
                "Het concept is niet opgeslagen: verbeter wat hieronder rood staat. Wat u typte staat er nog."
            ]
    else:
        form = OTForm(instance=bespreking)
        aanwezigen, afspraken = _formsets(bespreking)
    return render(
        request,
        "cases/ot/bewerken.html",
        {
            "bespreking": bespreking,
            "leerling": bespreking.leerling,
            "form": form,
            "aanwezigen": aanwezigen,
            "afspraken": afspraken,
            "fouten": fouten,
        },
    )


def _formsets(bespreking):
    aanwezigen = AanwezigeFormSet(
        prefix="aanwezige", initial=list(bespreking.aanwezigen.values("naam", "rol", "functie"))
    )
    afspraken = AfspraakFormSet(
        prefix="afspraak", initial=list(bespreking.afspraken.values("wat", "wie", "uiterlijk"))
    )
    return aanwezigen, afspraken


@rol_vereist(*SCHRIJVERS)
def ot_addendum(request, pk):
    bespreking = _bespreking(request, pk)
    eis_bewerkrecht(request.user, bespreking.leerling)
    if not bespreking.is_vastgesteld:
        return redirect("ot_bewerken", pk=bespreking.pk)
    form = AddendumForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service.voeg_addendum_toe(
                bespreking=bespreking, tekst=form.cleaned_data["tekst"], door=request.user, request=request
            )
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        else:
            messages.success(request, "Het addendum is toegevoegd; de PDF wordt opnieuw aangemaakt.")
            return redirect("ot_detail", pk=bespreking.pk)
    return render(
        request,
        "cases/ot/addendum.html",
        {"bespreking": bespreking, "leerling": bespreking.leerling, "form": form},
    )


@login_required
def ot_pdf(request, pk):
    """Serve the stored PDF; while it is being made, say so (the page refreshes itself)."""
    bespreking = _bespreking(request, pk)
    if not bespreking.is_vastgesteld:
        messages.info(request, "Een PDF is er alleen van een vastgesteld verslag.")
        return redirect("ot_detail", pk=bespreking.pk)
    if not service.pdf_is_actueel(bespreking, bespreking.addenda.count()):
        service.vraag_pdf_opnieuw_aan(bespreking=bespreking)
        return render(
            request, "cases/ot/pdf_wacht.html", {"bespreking": bespreking, "leerling": bespreking.leerling}
        )
    bestand = service.open_pdf_voor_download(bespreking=bespreking, request=request)
    return FileResponse(
        bestand,
        as_attachment=True,
        filename=f"ot-verslag-{bespreking.soort}-{bespreking.pk}.pdf",
        content_type="application/pdf",
    )
