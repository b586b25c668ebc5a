"""What ouders do in the portal, part 2 [issue 17]: object to a decision (bezwaar) and send a
document for the dossier. Every object comes through the scope selectors (another family's child
or letter, a letter without bezwaarclausule: 404); every read and action is audited; a refused
form keeps what was typed (a file field is never re-filled by a browser: we say so)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render

from cases.formvelden import toon_servicefouten
from cases.ouderportaal import selectors
from cases.ouderportaal.forms import BezwaarForm, OuderDocumentForm
from cases.ouderportaal.models.inbreng import OuderDocument
from cases.ouderportaal.services import bezwaar as bezwaar_service
from cases.ouderportaal.services import documenten as documenten_service
from cases.ouderportaal.views.portaal import ouder_vereist
from cases.services.audit import log_inzage
from cases.workflow import OvergangGeweigerd

BESTAND_OPNIEUW = "Uw tekst staat er nog. Kies het bestand opnieuw als u het wilt meesturen."


@ouder_vereist
def bezwaar(request, pk: int):
    brief = selectors.brief_van(request.user, pk)
    m = bezwaar_service.mogelijkheid(brief)
    if m is None:
        raise Http404("Tegen deze brief kunt u hier geen bezwaar maken.")
    kind = brief.leerling
    form = BezwaarForm(request.POST or None, request.FILES or None, te_laat=m.te_laat)
    if request.method == "POST" and m.bezwaar is None and not m.al_geregistreerd:
        if form.is_valid():
            try:
                bezwaar_service.dien_bezwaar_in(
                    door=request.user,
                    brief=brief,
                    gronden=form.cleaned_data["gronden"],
                    reden_te_laat=form.cleaned_data.get("reden_te_laat", ""),
                    bijlage=form.cleaned_data.get("bijlage"),
                    request=request,
                )
            except (ValidationError, PermissionDenied, OvergangGeweigerd) as exc:
                if isinstance(exc, ValidationError):
                    toon_servicefouten(form, exc)
                else:
                    form.add_error(None, " ".join(getattr(exc, "redenen", None) or [str(exc)]))
            else:
                messages.success(request, "Uw bezwaar is ontvangen.")
                return redirect("ouders:bezwaar", pk=brief.pk)
        if request.FILES:
            form.add_error(None, BESTAND_OPNIEUW)
    elif request.method == "POST":
        messages.info(request, bezwaar_service.AL_BEZWAAR)
        return redirect("ouders:bezwaar", pk=brief.pk)
    log_inzage(
        request=request, leerling=kind, obj=brief, omschrijving="ouderportaal: bezwaar bij brief bekeken"
    )
    return render(request, "ouders/bezwaar.html", {"brief": brief, "kind": kind, "m": m, "form": form})


@ouder_vereist
def documenten(request, pk: int):
    kind = selectors.kind_van(request.user, pk)
    form = OuderDocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                documenten_service.stuur_document(
                    door=request.user, kind=kind, request=request, **form.cleaned_data
                )
            except ValidationError as exc:
                toon_servicefouten(form, exc)
            else:
                messages.success(request, "Uw document is gestuurd. De school kijkt ernaar.")
                return redirect("ouders:documenten", pk=kind.pk)
        form.add_error(None, "Het document is niet gestuurd. " + BESTAND_OPNIEUW)
    gestuurd = list(
        OuderDocument.objects.filter(leerling=kind, gebruiker=request.user)
        .only("pk", "titel", "ingediend_op", "status", "reden_afwijzing", "beoordeeld_op", "leerling_id")
        .order_by("-ingediend_op", "-pk")
    )
    log_inzage(request=request, leerling=kind, omschrijving="ouderportaal: documenten van ouders bekeken")
    return render(request, "ouders/documenten.html", {"kind": kind, "form": form, "gestuurd": gestuurd})
