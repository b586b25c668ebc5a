"""The seven steps on an aanmelding as one table (URL, roles, form, service, texts) served by one view."""

# Like tlv/acties.py for the TLV: a step is a row, not a view function. Each row keeps its own URL
# and URL name (zorgplicht/urls.py reads them from here); its form's fields are the service's keyword
# arguments, so the view passes the cleaned data on unchanged. Only the service changes data.

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render

from cases.formvelden import toon_servicefouten
from cases.models.rollen import SCHOOLLEIDING
from cases.permissions import rol_vereist
from zorgplicht import forms as f
from zorgplicht import services, termijnen
from zorgplicht.models import Aanmelding
from zorgplicht.views import BESLISSERS, aanmelding_voor, vandaag


@dataclass(frozen=True)
class Stap:
    naam: str  # URL name: zorgplicht:<naam>
    pad: str  # URL path after <int:pk>/
    overgang: str  # the Aanmelding transition it takes; the dossier shows its button when allowed
    rollen: tuple[str, ...]  # who may open the page (403 for other roles)
    form: type[forms.Form]
    dienst: Callable[..., object]  # dienst(aanmelding=, door=, request=, **form.cleaned_data)
    titel: str  # page heading and button
    uitleg: str
    succes: str  # message on the dossier after the service succeeded
    form_kwargs: Callable[[Aanmelding], dict] = lambda a: {}


STAPPEN: tuple[Stap, ...] = (
    Stap(
        naam="start_onderzoek",
        pad="onderzoek/",
        overgang="start_onderzoek",
        rollen=SCHOOLLEIDING,
        form=f.LeegForm,
        dienst=services.start_onderzoek,
        titel="Onderzoek starten",
        uitleg="De school onderzoekt of zij een passend aanbod en een passende plek kan bieden "
        "[002 bijlage 2.2.1 stap 3].",
        succes="Het onderzoek is gestart.",
    ),
    Stap(
        naam="informatie",
        pad="informatie/",
        overgang="vraag_informatie",
        rollen=SCHOOLLEIDING,
        form=f.InformatieForm,
        dienst=services.vraag_informatie,
        titel="Extra informatie opvragen",
        uitleg="De termijn wordt verlengd met de tijd van opvragen tot ontvangen. Vraag informatie bij "
        "anderen pas na toestemming van de ouders [002 bijlage 2.2.1 stap 4].",
        succes="Het informatieverzoek is vastgelegd; de termijn is opgeschort.",
    ),
    Stap(
        naam="informatie_ontvangen",
        pad="informatie/ontvangen/",
        overgang="informatie_ontvangen",
        rollen=SCHOOLLEIDING,
        form=f.OntvangenForm,
        dienst=services.registreer_informatie_ontvangen,
        titel="Ontvangst van de informatie registreren",
        uitleg="Vanaf deze dag loopt de termijn weer.",
        succes="De ontvangst is vastgelegd; de termijn loopt weer.",
    ),
    Stap(
        naam="verlengen",
        pad="verlengen/",
        overgang="verleng",
        rollen=BESLISSERS,
        form=f.VerlengForm,
        dienst=services.verleng,
        titel="Termijn verlengen met vier weken",
        uitleg="Eén keer mogelijk, en alleen als de brief met de reden de ouders vóór het einde van de "
        "zes weken bereikt; de nieuwe einddatum is tien weken na de aanmelding plus opschorting "
        "[002 bijlage 2.2.1 stap 5].",
        succes="De termijn is verlengd; de brief aan de ouders wordt gemaakt.",
    ),
    Stap(
        naam="besluit",
        pad="besluit/",
        overgang="besluit",
        rollen=BESLISSERS,
        form=f.BesluitForm,
        form_kwargs=lambda a: {"aanmelding": a},
        dienst=services.neem_besluit,
        titel="Besluit vastleggen",
        uitleg="Kies één van de uitkomsten 6 tot en met 9 [002 bijlage 2.2.1 stap 6–9]. De besluitbrief "
        "gaat naar de ouders; bij een openbare school met bezwaarclausule.",
        succes="Het besluit is vastgelegd; de brief aan de ouders wordt gemaakt.",
    ),
    Stap(
        naam="afsluiten",
        pad="afsluiten/",
        overgang="sluit_af",
        rollen=BESLISSERS,
        form=f.AfsluitenForm,
        dienst=services.sluit_af,
        titel="Afsluiten na inschrijving",
        uitleg="Bij uitkomst 6 en 7 wordt de leerling ingeschreven op de school van aanmelding; bij 8 op "
        "de school die de ouders kozen — pas dan gaat de zorgplicht over [002 bijlage 2.2.1 stap 8].",
        succes="De aanmelding is afgesloten.",
    ),
    Stap(
        naam="niet_van_toepassing",
        pad="niet-van-toepassing/",
        overgang="zorgplicht_geldt_niet",
        rollen=BESLISSERS,
        form=f.NietVanToepassingForm,
        dienst=services.zorgplicht_geldt_niet,
        titel="Zorgplicht geldt niet",
        uitleg="Alleen om één van de redenen uit het schema, met onderbouwing [002 bijlage 2.2.1 stap 2].",
        succes="Vastgelegd dat de zorgplicht niet geldt.",
    ),
)


def stap(request, pk, *, stap: Stap):
    """GET: the step's form with the dossier's term; POST: call its service; a refusal stays on the
    page in Dutch, with everything the user typed."""
    a = aanmelding_voor(request, pk)
    form = stap.form(request.POST if request.method == "POST" else None, **stap.form_kwargs(a))
    if request.method == "POST" and form.is_valid():
        try:
            stap.dienst(aanmelding=a, door=request.user, request=request, **form.cleaned_data)
        except ValidationError as exc:
            toon_servicefouten(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, stap.succes)
            return redirect("zorgplicht:detail", pk=a.pk)
    return render(
        request,
        "zorgplicht/actie.html",
        {
            "a": a,
            "form": form,
            "titel": stap.titel,
            "uitleg": stap.uitleg,
            "stand": termijnen.stand(a, vandaag()),
        },
    )


def view(s: Stap):
    """The page of step `s`: its roles are checked first, as @rol_vereist does on every other page."""

    def stap_view(request, pk):
        return stap(request, pk, stap=s)

    stap_view.__name__ = stap_view.__qualname__ = s.naam
    stap_view.__doc__ = s.titel
    return rol_vereist(*s.rollen)(stap_view)
