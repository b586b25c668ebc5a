"""Upload a document into a dossier; download it through a permission-checked, audited view.
Files are never reachable by a public URL (private storage, see settings STORAGES)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from cases.dossier.forms import DocumentForm
from cases.dossier.services import documenten as service
from cases.dossier.views.leerlingen import SCHRIJVERS, bewerkbare_leerling
from cases.formvelden import toon_servicefouten
from cases.models import Document
from cases.permissions import rol_vereist


@rol_vereist(*SCHRIJVERS)
def document_nieuw(request, pk):
    leerling = bewerkbare_leerling(request, pk)
    form = DocumentForm(request.POST or None, request.FILES or None, initial={"datum": timezone.localdate()})
    if request.method == "POST":
        if form.is_valid():
            try:
                service.voeg_document_toe(
                    leerling=leerling, door=request.user, request=request, **form.cleaned_data
                )
            except ValidationError as exc:
                toon_servicefouten(form, exc)
            else:
                messages.success(request, "Het document is toegevoegd aan het dossier.")
                return redirect("dossier", pk=leerling.pk)
        # A browser never re-fills a file field: say so; the other fields keep what was typed.
        form.add_error(
            None, "Het document is niet toegevoegd. Uw andere invoer staat er nog; kies het bestand opnieuw."
        )
    return render(request, "cases/dossier/document_form.html", {"form": form, "leerling": leerling})


@login_required
def document_download(request, pk):
    document = get_object_or_404(
        Document.objects.filter_for_user(request.user).select_related("leerling"), pk=pk
    )
    bestand = service.open_voor_download(document=document, request=request)
    return FileResponse(
        bestand, as_attachment=True, filename=document.downloadnaam, content_type=document.mimetype
    )
