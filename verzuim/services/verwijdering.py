"""Verwijdering [004 §3; WPO art. 40, 63; domain §10]: voornemen, hearing leerkracht and ouders with
verslagen, a written decision with bezwaarclausule to be reported to LPA and inspectie by the school,
definitive only once another school agreed to admit; bezwaar and the decision term."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cases.models import Leerling
from cases.models.audit import AuditActie
from cases.services.audit import log
from cases.services.brieven import maak_brief
from cases.termijnen import bezwaartermijn_einde
from cases.workflow import kan
from verzuim.models import Verwijdering, Zoekpoging
from verzuim.models.maatregelen import VerwijderingStatus
from verzuim.services import eis_rol, eis_school, weiger
from verzuim.services.bezwaar_verwijdering import (
    registreer_bezwaar,  # noqa: F401  (callers use vsvc.registreer_bezwaar)
)
from verzuim.services.maatregelen import DIRECTIE, _leerling_van_school, _ondertekenaar, start_interventie
from verzuim.services.maatregelmeldingen import maak_meldingen

# --- verwijdering ------------------------------------------------------------------------------


@transaction.atomic
def start_verwijdering(
    *,
    leerling: Leerling,
    aanleiding: str,
    ouders_geinformeerd_op: date | None,
    door,
    request=None,
    vandaag: date | None = None,
) -> Verwijdering:
    """The bevoegd gezag tells the ouders in writing, with reasons, of the voornemen [004 §3]."""
    vandaag = vandaag or timezone.localdate()
    eis_rol(
        door,
        *DIRECTIE,
        melding="Een verwijdering is een besluit van het bevoegd gezag, vastgelegd door de directeur.",
    )
    leerling = _leerling_van_school(leerling, door)
    fouten = {}
    if not aanleiding.strip():
        fouten["aanleiding"] = "Beschrijf de redenen van het voornemen en de zorg die al is besteed."
    if ouders_geinformeerd_op is None:
        fouten["ouders_geinformeerd_op"] = "Leg vast wanneer de ouders zijn geïnformeerd."
    if fouten:
        raise ValidationError(fouten)
    if Verwijdering.objects.filter(
        leerling=leerling, status__in=[VerwijderingStatus.VOORNEMEN, VerwijderingStatus.BESLOTEN]
    ).exists():
        raise weiger("Voor deze leerling loopt al een verwijderingsprocedure.")
    school = leerling.huidige_school
    verwijdering = Verwijdering.objects.create(
        leerling=leerling,
        school=school,
        aanleiding=aanleiding,
        voornemen_op=vandaag,
        ouders_geinformeerd_op=ouders_geinformeerd_op,
        aangemaakt_door=door,
    )
    maak_brief(
        zaak=verwijdering,
        leerling=leerling,
        soort="verwijdering_voornemen",
        template="brieven/verwijdering_voornemen.html",
        onderwerp="Voornemen tot verwijdering",
        door=door,
        ondertekenaar=_ondertekenaar(door, school),
        context={"school": school.naam, "bestuur": school.bestuur.naam, "aanleiding": aanleiding},
    )
    verwijdering.interventie_gestart = start_interventie(
        leerling=leerling, aanleiding="dreigende_verwijdering", door=door, request=request
    )
    verwijdering.save(update_fields=["interventie_gestart"])
    log(
        request=request,
        user=door,
        actie=AuditActie.AANGEMAAKT,
        obj=verwijdering,
        leerling=leerling,
        omschrijving="voornemen tot verwijdering",
    )
    return verwijdering


def _verwijdering(verwijdering: Verwijdering, door) -> Verwijdering:
    eis_rol(door, *DIRECTIE, melding="Alleen de directeur legt de verwijderingsprocedure vast.")
    v = (
        Verwijdering.objects.select_for_update(of=("self",))
        .select_related("school__bestuur")
        .get(pk=verwijdering.pk)
    )
    eis_school(door, v.school_id)
    return v


@transaction.atomic
def hoor(
    *, verwijdering: Verwijdering, wie: str, op: date | None, verslag: str, door, request=None
) -> Verwijdering:
    """Hoorplicht: the leerkracht and the ouders are heard before the decision, with a verslag [004 §3]."""
    v = _verwijdering(verwijdering, door)
    if v.status != VerwijderingStatus.VOORNEMEN:
        raise weiger("Het horen hoort vóór het besluit; het besluit is al genomen.")
    fouten = {}
    if op is None:
        fouten["op"] = "Leg de datum van het horen vast."
    elif op < v.voornemen_op:
        fouten["op"] = "Het horen ligt niet vóór het voornemen."
    if not verslag.strip():
        fouten["verslag"] = "Leg het verslag van het horen vast."
    if fouten:
        raise ValidationError(fouten)
    if wie == "leerkracht":
        v.leerkracht_gehoord_op, v.verslag_leerkracht = op, verslag
    elif wie == "ouders":
        v.ouders_gehoord_op, v.verslag_ouders = op, verslag
    else:
        raise weiger("Kies wie er is gehoord.")
    v.save()
    log(
        request=request,
        user=door,
        actie=AuditActie.GEWIJZIGD,
        obj=v,
        leerling=v.leerling,
        omschrijving=f"{wie} gehoord",
    )
    return v


@transaction.atomic
def leg_zoekpoging_vast(
    *,
    verwijdering: Verwijdering,
    school: str,
    benaderd_op: date,
    antwoord: str,
    antwoord_op: date | None,
    toelichting: str = "",
    door,
    request=None,
) -> Zoekpoging:
    """Record each school asked to admit the pupil (the search effort) [004 §3]."""
    v = _verwijdering(verwijdering, door)
    if v.status not in (VerwijderingStatus.VOORNEMEN, VerwijderingStatus.BESLOTEN):
        raise weiger("Deze verwijderingsprocedure is afgerond.")
    if antwoord != Zoekpoging.Antwoord.OPEN and antwoord_op is None:
        raise ValidationError({"antwoord_op": "Leg vast wanneer de school antwoordde."})
    poging = Zoekpoging.objects.create(
        verwijdering=v,
        school=school,
        benaderd_op=benaderd_op,
        antwoord=antwoord,
        antwoord_op=antwoord_op,
        toelichting=toelichting,
        vastgelegd_door=door,
    )
    log(
        request=request,
        user=door,
        actie=AuditActie.AANGEMAAKT,
        obj=poging,
        leerling=v.leerling,
        omschrijving=f"zoekpoging: {poging.get_antwoord_display()}",
    )
    return poging


@transaction.atomic
def besluit_verwijdering(
    *, verwijdering: Verwijdering, motivering: str, door, request=None, vandaag: date | None = None
) -> Verwijdering:
    vandaag = vandaag or timezone.localdate()
    v = _verwijdering(verwijdering, door)
    if v.status != VerwijderingStatus.VOORNEMEN:
        raise weiger("Over deze verwijdering is al besloten.")
    ontbreekt = []
    if not v.leerkracht_gehoord():
        ontbreekt.append("de groepsleerkracht is nog niet gehoord (met verslag)")
    if not v.ouders_gehoord():
        ontbreekt.append("de ouders zijn nog niet gehoord (met verslag)")
    if not motivering.strip():
        raise ValidationError({"motivering": "Een besluit tot verwijdering wordt met redenen omkleed."})
    if ontbreekt:
        raise weiger(
            "Het besluit kan nog niet worden genomen: " + "; ".join(ontbreekt) + " [004 §3 'Hoorplicht']."
        )
    v.besluit(op=vandaag, motivering=motivering)
    v.save()
    school = v.school
    maak_brief(
        zaak=v,
        leerling=v.leerling,
        soort="verwijdering_besluit",
        template="brieven/verwijdering_besluit.html",
        onderwerp="Besluit tot verwijdering",
        door=door,
        bezwaarclausule=True,
        ondertekenaar=_ondertekenaar(door, school),
        context={
            "school": school.naam,
            "bestuur": school.bestuur.naam,
            "motivering": motivering,
            "leerkracht_gehoord_op": v.leerkracht_gehoord_op,
            "ouders_gehoord_op": v.ouders_gehoord_op,
            "openbaar": school.bestuur.is_openbaar,
            "gemeente": school.gemeente.naam,
            "bezwaar_termijn_einde": bezwaartermijn_einde(vandaag),
            "bezwaar_aan": f"het bestuur van {school.bestuur.naam}",
        },
    )
    # Every verwijdering is reported to leerplicht and the inspectie: a task for the school with the
    # generated melding [002 L287-296; 004 L618-637; issue 16.11].
    maak_meldingen(maatregel=v, door=door, ondertekenaar=_ondertekenaar(door, school))
    log(
        request=request,
        user=door,
        actie=AuditActie.OVERGANG,
        obj=v,
        leerling=v.leerling,
        omschrijving="besluit tot verwijdering; melden aan leerplicht en inspectie: taak voor de school",
    )
    return v


DEFINITIEF_WEIGERING = (
    "De verwijdering kan pas definitief worden als een andere school (basisschool of school voor speciaal "
    "(basis)onderwijs) bereid is de leerling toe te laten (WPO art. 40). De regel uit het protocol van 2008 "
    "dat na acht weken aantoonbare inspanning zonder vervolgschool mag worden verwijderd, geldt niet "
    "voor het primair onderwijs; de inspanningen worden wel vastgelegd."
)


@transaction.atomic
def maak_verwijdering_definitief(
    *, verwijdering: Verwijdering, door, request=None, vandaag: date | None = None
) -> Verwijdering:
    vandaag = vandaag or timezone.localdate()
    v = _verwijdering(verwijdering, door)
    if v.status != VerwijderingStatus.BESLOTEN:
        raise weiger("Alleen een genomen besluit tot verwijdering kan definitief worden.")
    if not kan(v, "maak_definitief"):
        pogingen = v.zoekpogingen.count()
        raise weiger(f"{DEFINITIEF_WEIGERING} Vastgelegde zoekpogingen: {pogingen}, geen school akkoord.")
    akkoord = v.zoekpogingen.filter(antwoord=Zoekpoging.Antwoord.AKKOORD).order_by("antwoord_op").first()
    v.maak_definitief(op=vandaag, ontvangende_school=akkoord.school)
    v.save()
    log(
        request=request,
        user=door,
        actie=AuditActie.OVERGANG,
        obj=v,
        leerling=v.leerling,
        omschrijving="verwijdering definitief; andere school bereid tot toelating",
    )
    return v
