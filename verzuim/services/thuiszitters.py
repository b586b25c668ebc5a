"""Thuiszitters register, escalatieladder, doorzettingskracht and the vier-partijenmodel
[002 bijlagen 2.4.1, 2.4.2, 2.5; domain §10]."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cases.models import Leerling, School
from cases.models.audit import AuditActie
from cases.models.rollen import GEMEENTEGEBONDEN, SWV_REGIE, RolSoort
from cases.scope import scope_for
from cases.services.audit import log
from cases.termijnen import formatteer_datum, leerplichtig_vanaf
from verzuim import regels
from verzuim.models import (
    Escalatie,
    EscalatieStap,
    Thuiszitter,
)
from verzuim.models.thuiszitters import STAP_VEREIST, EscalatieSituatie, StapSoort, ThuiszitterSoort
from verzuim.services import eis_in_scope, eis_rol, weiger

REGISTER_ROLLEN = SWV_REGIE | GEMEENTEGEBONDEN


@transaction.atomic
def registreer_thuiszitter(
    *,
    leerling: Leerling,
    soort: str,
    thuis_sinds: date | None,
    regie_bij: str,
    huidig_aanbod: str = "",
    volgende_stap: str = "",
    volgende_stap_op: date | None = None,
    school: School | None = None,
    door,
    request=None,
    vandaag: date | None = None,
) -> Thuiszitter:
    vandaag = vandaag or timezone.localdate()
    eis_rol(
        door, *(SWV_REGIE | GEMEENTEGEBONDEN), melding="Alleen SC, SWV of leerplicht houdt het register bij."
    )
    school = school or leerling.huidige_school
    fouten = {}
    if thuis_sinds is None:
        fouten["thuis_sinds"] = "Leg vast sinds wanneer de leerling thuis zit."
    elif thuis_sinds > vandaag:
        fouten["thuis_sinds"] = "Deze datum ligt in de toekomst."
    elif soort in (ThuiszitterSoort.RELATIEF, ThuiszitterSoort.ABSOLUUT) and thuis_sinds < (
        vanaf := leerplichtig_vanaf(leerling.geboortedatum)
    ):
        # The thuiszitter categories count days of a leerplichtig child [002 L243; Lpw art. 3].
        fouten["thuis_sinds"] = (
            f"Nog niet leerplichtig tot {formatteer_datum(vanaf)}: een kind telt pas als thuiszitter vanaf "
            f"die datum (Leerplichtwet art. 3). Vul als 'thuis sinds' {formatteer_datum(vanaf)} of later in."
        )
    if not regie_bij.strip():
        fouten["regie_bij"] = "Leg vast wie de regie heeft."
    if soort == ThuiszitterSoort.RELATIEF and school is None:
        fouten["soort"] = (
            "Langdurig relatief verzuim gaat over een ingeschreven leerling; kies absoluut verzuim."
        )
    if soort == ThuiszitterSoort.ABSOLUUT and leerling.huidige_school_id is not None:
        fouten["soort"] = "Deze leerling staat ingeschreven: dat is relatief verzuim, geen absoluut verzuim."
    if fouten:
        raise ValidationError(fouten)
    gemeente = school.gemeente if school else leerling.gemeente
    regio = school.regio if school else None
    if gemeente is None or regio is None:
        scope = scope_for(door)
        regio = regio or next((r.regio for r in scope.rollen if r.regio_id), None)
        if gemeente is None or regio is None:
            raise weiger("Leg de woongemeente en de regio van de leerling vast (geen school bekend).")
    if Thuiszitter.objects.filter(leerling=leerling, beeindigd_op__isnull=True).exists():
        raise weiger("Deze leerling staat al als thuiszitter in het register.")
    t = Thuiszitter.objects.create(
        swv_id=leerling.swv_id,
        regio=regio,
        gemeente=gemeente,
        school=school,
        leerling=leerling,
        soort=soort,
        thuis_sinds=thuis_sinds,
        regie_bij=regie_bij,
        huidig_aanbod=huidig_aanbod,
        volgende_stap=volgende_stap,
        volgende_stap_op=volgende_stap_op,
        aangemaakt_door=door,
    )
    eis_in_scope(door, t)
    log(
        request=request,
        user=door,
        actie=AuditActie.AANGEMAAKT,
        obj=t,
        leerling=leerling,
        omschrijving="thuiszitter",
    )
    return t


@transaction.atomic
def werk_thuiszitter_bij(
    *,
    thuiszitter: Thuiszitter,
    regie_bij: str,
    huidig_aanbod: str,
    volgende_stap: str,
    volgende_stap_op: date | None,
    beeindigd_op: date | None = None,
    beeindiging: str = "",
    door,
    request=None,
) -> Thuiszitter:
    eis_rol(door, *REGISTER_ROLLEN)
    t = Thuiszitter.objects.select_for_update().get(pk=thuiszitter.pk)
    eis_in_scope(door, t)
    if beeindigd_op and beeindigd_op < t.thuis_sinds:
        raise ValidationError({"beeindigd_op": "Deze datum ligt vóór 'thuis sinds'."})
    if beeindigd_op and not beeindiging.strip():
        raise ValidationError({"beeindiging": "Beschrijf waar de leerling weer onderwijs volgt."})
    t.regie_bij, t.huidig_aanbod, t.volgende_stap = regie_bij, huidig_aanbod, volgende_stap
    t.volgende_stap_op, t.beeindigd_op, t.beeindiging = volgende_stap_op, beeindigd_op, beeindiging
    t.save()
    if beeindigd_op:
        _sluit_escalaties(t.pk, beeindigd_op)
    log(
        request=request,
        user=door,
        actie=AuditActie.GEWIJZIGD,
        obj=t,
        leerling=t.leerling,
        omschrijving="thuiszitter bijgewerkt",
    )
    return t


def _sluit_escalaties(thuiszitter_id: int, op: date) -> None:
    """Back in education: the escalations about this thuiszit period are closed on that day."""
    Escalatie.objects.filter(thuiszitter_id=thuiszitter_id, gesloten_op__isnull=True).update(gesloten_op=op)


# --- escalatie --------------------------------------------------------------------------------


@transaction.atomic
def signaleer_drie_maanden(*, peildatum: date | None = None) -> list[Escalatie]:
    """Set-based and safe to re-run: every running relatief thuiszitter within 14 days of three
    months at home (or past it) without an open escalation gets one, opened with the signal and
    reported to the directeur-bestuurder [domain §10: national goal, no child longer than three
    months at home; 002 bijlage 2.4.1]."""
    peildatum = peildatum or timezone.localdate()
    nieuw: list[Escalatie] = []
    lopend = (
        Thuiszitter.objects.lopend(peildatum)
        .filter(soort=ThuiszitterSoort.RELATIEF)
        .exclude(
            pk__in=Escalatie.objects.filter(gesloten_op__isnull=True, thuiszitter__isnull=False).values(
                "thuiszitter_id"
            )
        )
    )
    for t in lopend.select_related("regio"):
        if not regels.nadert_drie_maanden(t.soort, t.thuis_sinds, peildatum):
            continue
        grens = t.drie_maanden_op
        e = Escalatie.objects.create(
            swv_id=t.swv_id,
            regio=t.regio,
            thuiszitter=t,
            school_id=t.school_id,
            situatie=EscalatieSituatie.THUISZITTERS,
            geopend_op=peildatum,
            aanleiding=f"Thuiszitter sinds {t.thuis_sinds:%d-%m-%Y}: drie maanden thuis op {grens:%d-%m-%Y}. "
            "Landelijk doel: geen kind langer dan drie maanden thuis zonder passend aanbod.",
        )
        EscalatieStap.objects.create(
            escalatie=e,
            stap=StapSoort.SIGNAAL,
            datum=peildatum,
            toelichting="Automatisch signaal uit het thuiszittersregister.",
        )
        # The three-month line is the national goal: nearing it goes straight to the
        # directeur-bestuurder, without waiting for the conversation of step 2.
        EscalatieStap.objects.create(
            escalatie=e,
            stap=StapSoort.MELDING_DB,
            datum=peildatum,
            toelichting="De drie-maandengrens nadert: gemeld aan de directeur-bestuurder "
            f"(regie nu: {t.regie_bij}).",
        )
        log(
            actie=AuditActie.AANGEMAAKT,
            obj=e,
            leerling=t.leerling,
            omschrijving="escalatie thuiszitter drie maanden",
        )
        nieuw.append(e)
    return nieuw


@transaction.atomic
def open_escalatie(
    *,
    regio,
    school: School | None,
    aanleiding: str,
    thuiszitter: Thuiszitter | None = None,
    situatie: str = "",
    door,
    request=None,
    vandaag: date | None = None,
) -> Escalatie:
    """Step 1: the SWV functionaris signals an undesired situation, one of the fixed list
    [002 L392-398, bijlage 2.4.1]; from a thuiszitter's page it is the thuiszitters-situation."""
    vandaag = vandaag or timezone.localdate()
    eis_rol(
        door,
        *SWV_REGIE,
        melding="Een escalatie wordt gesignaleerd door een functionaris van het SWV.",
    )
    if thuiszitter is not None and not situatie:
        situatie = EscalatieSituatie.THUISZITTERS
    fouten = {}
    if situatie not in EscalatieSituatie.values:
        fouten["situatie"] = (
            "Kies de situatie: de escalatieladder geldt alleen voor de situaties uit de lijst."
        )
    if not aanleiding.strip():
        fouten["aanleiding"] = "Beschrijf de (ongewenste) situatie."
    if fouten:
        raise ValidationError(fouten)
    e = Escalatie.objects.create(
        swv_id=regio.swv_id,
        regio=regio,
        school=school,
        bestuur_id=school.bestuur_id if school is not None else None,
        thuiszitter=thuiszitter,
        situatie=situatie,
        aanleiding=aanleiding,
        geopend_op=vandaag,
    )
    eis_in_scope(door, e)
    EscalatieStap.objects.create(
        escalatie=e, stap=StapSoort.SIGNAAL, datum=vandaag, door=door, toelichting=aanleiding
    )
    log(request=request, user=door, actie=AuditActie.AANGEMAAKT, obj=e, omschrijving="escalatie geopend")
    return e


@transaction.atomic
def zet_escalatiestap(
    *, escalatie: Escalatie, stap: str, datum: date | None, toelichting: str, door, request=None
) -> EscalatieStap:
    """Record a step; each step needs the one before it, an interventie needs the Raad van Toezicht
    informed first [002 bijlage 2.4.1]."""
    eis_rol(door, *SWV_REGIE)
    e = Escalatie.objects.select_for_update().get(pk=escalatie.pk)
    eis_in_scope(door, e)
    if e.gesloten_op:
        raise weiger("Deze escalatie is gesloten.")
    if datum is None:
        raise ValidationError({"datum": "Leg de datum van de stap vast."})
    if stap in (
        StapSoort.RVT,
        StapSoort.PLAN,
        StapSoort.DISPENSATIE,
        StapSoort.INTERVENTIE,
    ) and not scope_for(door).heeft(RolSoort.BESTUURDER):
        raise weiger("Het vervolg na de melding bepaalt de directeur-bestuurder.", "stap")
    gezet = set(e.stappen.values_list("stap", flat=True))
    if stap in STAP_VEREIST:
        nodig, reden = STAP_VEREIST[stap]
        if nodig not in gezet:
            raise weiger(f"Deze stap kan nog niet: {reden} [002 bijlage 2.4.1].", "stap")
    if stap == StapSoort.SIGNAAL and gezet:
        raise weiger("Het signaal is al vastgelegd.", "stap")
    s = EscalatieStap.objects.create(escalatie=e, stap=stap, datum=datum, toelichting=toelichting, door=door)
    log(request=request, user=door, actie=AuditActie.AANGEMAAKT, obj=s, omschrijving=f"escalatiestap {stap}")
    return s


@transaction.atomic
def sluit_escalatie(*, escalatie: Escalatie, door, request=None, vandaag: date | None = None) -> Escalatie:
    """The directeur-bestuurder closes the escalation once the desired situation is reached."""
    vandaag = vandaag or timezone.localdate()
    eis_rol(door, RolSoort.BESTUURDER, melding="Alleen de directeur-bestuurder sluit een escalatie af.")
    e = Escalatie.objects.select_for_update().get(pk=escalatie.pk)
    eis_in_scope(door, e)
    if e.gesloten_op:
        raise weiger("Deze escalatie is al gesloten.")
    e.gesloten_op = vandaag
    e.save(update_fields=["gesloten_op"])
    log(request=request, user=door, actie=AuditActie.GEWIJZIGD, obj=e, omschrijving="escalatie gesloten")
    return e
