"""'Documenten van ouders' for staff [issue 17, part 2]: the queue of documents ouders sent, for
the IB'er/directeur of the child's school and the SWV bureau (services.documenten.wachtrij_voor);
open the file (audited download), accept it into the dossier with a soort of one's choosing, or
decline it with a reason the ouder reads."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from cases.dossier.forms import DocumentForm
from cases.formvelden import toon_servicefouten
from cases.navigatie import Paneel
from cases.ouderportaal.models.inbreng import OuderDocumentStatus
from cases.ouderportaal.services import documenten as service
from cases.permissions import rol_vereist
from cases.services.audit import lijst_gelogd, log_inzage

BEOORDELAARS = service.BEOORDELAARS


class OpnemenForm(DocumentForm):
    """The dossier's own document form, without the file: that is the ouder's."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["bestand"]


class AfwijzenForm(forms.Form):
    reden = forms.CharField(
        label="Waarom komt het niet in het dossier?",
        help_text="De ouder leest dit in het ouderportaal. Schrijf het kort en in gewone woorden.",
        error_messages={"required": "Schrijf op waarom het document niet in het dossier komt."},
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _document(request, pk: int):
    return get_object_or_404(
        service.wachtrij_voor(request.user).select_related(
            "leerling__huidige_school", "ouder", "gebruiker", "beoordeeld_door", "document"
        ),
        pk=pk,
    )


@rol_vereist(*BEOORDELAARS)
@lijst_gelogd("Documenten van ouders")
def lijst(request):
    qs = service.wachtrij_voor(request.user).select_related("leerling__huidige_school", "ouder")
    wachtend = list(qs.filter(status=OuderDocumentStatus.WACHT).order_by("ingediend_op", "pk")[:200])
    beoordeeld = list(qs.exclude(status=OuderDocumentStatus.WACHT).order_by("-beoordeeld_op", "-pk")[:25])
    return render(
        request, "cases/ouderportaal/ouderdocumenten.html", {"wachtend": wachtend, "beoordeeld": beoordeeld}
    )


@rol_vereist(*BEOORDELAARS)
def detail(request, pk: int):
    doc = _document(request, pk)
    opnemen = OpnemenForm(
        prefix="op", initial={"titel": doc.titel, "datum": timezone.localdate(doc.ingediend_op)}
    )
    afwijzen = AfwijzenForm(prefix="af")
    if request.method == "POST" and doc.status == OuderDocumentStatus.WACHT:
        actie = request.POST.get("actie")
        try:
            if actie == "opnemen":
                opnemen = OpnemenForm(request.POST, prefix="op")
                if opnemen.is_valid():
                    service.neem_op(document=doc, door=request.user, request=request, **opnemen.cleaned_data)
                    messages.success(request, "Het document staat nu in het dossier.")
                    return redirect("ouderdocument", pk=doc.pk)
            elif actie == "afwijzen":
                afwijzen = AfwijzenForm(request.POST, prefix="af")
                if afwijzen.is_valid():
                    service.wijs_af(document=doc, door=request.user, request=request, **afwijzen.cleaned_data)
                    messages.success(request, "Vastgelegd; de ouder ziet de reden in het ouderportaal.")
                    return redirect("ouderdocument", pk=doc.pk)
        except ValidationError as exc:
            toon_servicefouten(opnemen if actie == "opnemen" else afwijzen, exc)
    elif request.method == "POST":
        messages.info(request, f"Dit document is al beoordeeld: {doc.get_status_display()}.")
        return redirect("ouderdocument", pk=doc.pk)
    log_inzage(request=request, leerling=doc.leerling, obj=doc, omschrijving="document van ouders bekeken")
    return render(
        request,
        "cases/ouderportaal/ouderdocument.html",
        {"doc": doc, "opnemen": opnemen, "afwijzen": afwijzen},
    )


@rol_vereist(*BEOORDELAARS)
def bestand(request, pk: int):
    doc = _document(request, pk)
    f = service.open_voor_download(document=doc, request=request)
    return FileResponse(f, as_attachment=True, filename=doc.downloadnaam, content_type=doc.mimetype)


def paneel_ouderdocumenten(user, scope) -> Paneel | None:
    """Mijn werk: how many documents of ouders wait for a judgement [issue 17]."""
    if not scope.heeft(*BEOORDELAARS):
        return None
    aantal = service.wachtrij_voor(user).filter(status=OuderDocumentStatus.WACHT).count()
    if not aantal:
        return None
    return Paneel(
        titel="Documenten van ouders",
        template="cases/panelen/ouderdocumenten.html",
        context={"aantal": aantal},
        volgorde=16,
        aantal=aantal,
    )
