"""Termijncalculator, notifications ("Meldingen") and the personal iCal feed [issue 4]."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from icalendar import Calendar, Event

from cases import queryparams as qp
from cases import termijnen as regels
from cases.navigatie import Paneel
from cases.services.audit import lijst_gelogd
from cases.termijnen import meldingen as termijn_meldingen
from cases.termijnen.forms import TermijnCalculatorForm
from cases.termijnen.models.termijnen import AgendaToken, Notificatie, Termijn
from cases.termijnen.selectors import aantal_ongelezen, meldingen_van, mijn_termijnen

PER_PAGINA = 50


@login_required
@require_GET
def calculator(request):
    """Compute a legal term by hand, with the same engine and explanation as the case pages."""
    form = TermijnCalculatorForm(request.GET or None)
    berekening = form.berekening() if form.is_bound and form.is_valid() else None
    return render(request, "cases/termijnen/calculator.html", {"form": form, "berekening": berekening})


@login_required
@require_GET
@lijst_gelogd("meldingen")
def meldingen(request):
    alleen_ongelezen = qp.keuze(request, "toon", ("alle",), label="de keuze ongelezen/alle") != "alle"
    qs = meldingen_van(request.user, alleen_ongelezen=alleen_ongelezen)
    pagina = Paginator(qs, PER_PAGINA).get_page(request.GET.get("pagina"))
    return render(
        request,
        "cases/termijnen/meldingen.html",
        {"pagina": pagina, "alleen_ongelezen": alleen_ongelezen, "vandaag": timezone.localdate()},
    )


def _terug(request):
    volgende = request.POST.get("volgende", "")
    if volgende.startswith("/") and not volgende.startswith("//"):
        return redirect(volgende)
    return redirect("termijnen:meldingen")


@login_required
@require_POST
def melding_gelezen(request, pk: int):
    try:
        termijn_meldingen.markeer_gelezen(user=request.user, notificatie_id=pk)
    except Notificatie.DoesNotExist as exc:
        raise Http404("Deze melding bestaat niet of is niet van u.") from exc
    return _terug(request)


@login_required
@require_POST
def alles_gelezen(request):
    aantal = termijn_meldingen.markeer_alles_gelezen(user=request.user)
    messages.success(request, f"{aantal} {'melding' if aantal == 1 else 'meldingen'} als gelezen gemarkeerd.")
    return _terug(request)


# --- iCal ----------------------------------------------------------------------------------------


def _feed_url(request, sleutel: str) -> str:
    return request.build_absolute_uri(reverse("termijnen:agenda_feed", kwargs={"sleutel": sleutel}))


@login_required
@require_GET
def agenda(request):
    token = AgendaToken.objects.filter_for_user(request.user).first()
    return render(request, "cases/termijnen/agenda.html", {"token": token, "nieuwe_url": None})


@login_required
@require_POST
def agenda_nieuw(request):
    """Make a new secret feed address; it is shown on this response only (only its hash is kept)."""
    sleutel = termijn_meldingen.maak_agenda_token(user=request.user, request=request)
    token = AgendaToken.objects.filter_for_user(request.user).first()
    resp = render(
        request, "cases/termijnen/agenda.html", {"token": token, "nieuwe_url": _feed_url(request, sleutel)}
    )
    resp["Cache-Control"] = "private, no-store"
    return resp


@login_required
@require_POST
def agenda_intrekken(request):
    if termijn_meldingen.trek_agenda_token_in(user=request.user, request=request):
        messages.success(
            request,
            "Uw agenda-link is ingetrokken. Agenda's die hem gebruikten, krijgen geen termijnen meer.",
        )
    return redirect("termijnen:agenda")


@require_GET
def agenda_feed(request, sleutel: str):
    """The user's deadlines as iCalendar, for Outlook or Google Calendar. No pupil names: the feed
    leaves Passend for a calendar provider; each event links back to its case in Passend."""
    gebruiker = termijn_meldingen.gebruiker_bij_sleutel(sleutel)
    if gebruiker is None:
        raise Http404("Deze agenda-link bestaat niet (meer).")
    vandaag = timezone.localdate()
    termijnen = (
        Termijn.objects.filter_for_user(gebruiker)
        .voor_verantwoordelijke(gebruiker)
        .open()
        .filter(einde__gte=vandaag - timedelta(days=60))
        .prefetch_related("zaak")
        .order_by("einde", "pk")[:1000]
    )
    cal = Calendar()
    cal.add("prodid", "-//Passend//Termijnen//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Passend – termijnen")
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    basis = settings.PASSEND_BASIS_URL.rstrip("/")
    for t in termijnen:
        event = Event()
        event.add("uid", f"termijn-{t.pk}@passend")
        event.add("dtstamp", t.gewijzigd_op)
        event.add("last-modified", t.gewijzigd_op)
        event.add("dtstart", t.einde)
        event.add("dtend", t.einde + timedelta(days=1))
        titel = f"Laatste dag: {t.soort_label}" + (f" – {t.omschrijving}" if t.omschrijving else "")
        event.add("summary", titel)
        event.add(
            "description",
            f"{t.soort_label}, grondslag {t.basis}. Gestart op {regels.formatteer_datum(t.start)}; "
            f"laatste dag {regels.formatteer_datum(t.einde)}. De berekening staat in Passend.",
        )
        event.add("url", basis + (t.zaak_url or reverse("termijnen:meldingen")))
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    resp = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    resp["Content-Disposition"] = 'inline; filename="passend-termijnen.ics"'
    resp["Cache-Control"] = "private, no-store"
    resp["X-Robots-Tag"] = "noindex"
    return resp


# --- the "Mijn werk" panel (registered in cases/registraties.py) ---------------------------------


def termijnen_paneel(user, scope) -> Paneel | None:
    """Unread deadline notifications and the user's terms ending within two weeks."""
    vandaag = timezone.localdate()
    ongelezen = list(meldingen_van(user, alleen_ongelezen=True)[:5])
    termijnen = list(mijn_termijnen(user, binnen_dagen=14, vandaag=vandaag)[:10])
    if not ongelezen and not termijnen:
        return None
    aantal = aantal_ongelezen(user) if len(ongelezen) == 5 else len(ongelezen)
    return Paneel(
        titel="Termijnen",
        template="cases/termijnen/paneel.html",
        context={
            "ongelezen": ongelezen,
            "aantal_ongelezen": aantal,
            "termijnen": termijnen,
            "vandaag": vandaag,
        },
        volgorde=10,
        aantal=aantal or None,
    )
