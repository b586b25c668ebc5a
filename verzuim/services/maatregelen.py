"""Time-out, schorsing and verwijdering [004 §3; WPO art. 40, 40c, 63; domain §10].

The school's directeur records the measures on behalf of the bevoegd gezag (directie approval
for a time-out; the bestuur's akkoord for a schorsing; the bestuur's decision for a verwijdering).
Each measure produces its letter and calls in the interventietraject [000: the interventieteam is
called in at every threatening schorsing or verwijdering]."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cases.models import Leerling
from cases.models.audit import AuditActie
from cases.models.rollen import SCHOOLLEIDING, RolSoort
from cases.services.audit import log
from cases.services.brieven import maak_brief
from cases.termijnen import bezwaartermijn_einde, plus_werkdagen
from verzuim import regels
from verzuim.models import Schorsing, TimeOut
from verzuim.services import eis_rol, eis_school, weiger

DIRECTIE = (RolSoort.DIRECTEUR,)


def start_interventie(*, leerling, aanleiding: str, door, request=None) -> bool:
    """Call in the interventietraject (cases) with its aanleiding ("schorsing", "dreigende_schorsing",
    "verwijdering", "dreigende_verwijdering"). False when that service is not installed."""
    try:
        from cases.interventie.services.traject import start_interventie_prompt
    except ImportError:
        return False
    start_interventie_prompt(leerling=leerling, aanleiding=aanleiding, door=door, request=request)
    return True


def _leerling_van_school(leerling: Leerling, door) -> Leerling:
    leerling = (
        Leerling.objects.select_for_update(of=("self",))
        .select_related("huidige_school__bestuur", "huidige_school__gemeente")
        .get(pk=leerling.pk)
    )
    if leerling.huidige_school_id is None:
        raise weiger("Deze leerling staat niet ingeschreven op een school.")
    eis_school(door, leerling.huidige_school_id)
    return leerling


def _ondertekenaar(door, school) -> str:
    return f"{door.get_full_name() or door.username}, directeur {school.naam}, namens {school.bestuur.naam}"


# --- time-out ----------------------------------------------------------------------------------


@transaction.atomic
def registreer_time_out(
    *,
    leerling: Leerling,
    datum: date,
    aanleiding: str,
    ouders_geinformeerd_op: date,
    door,
    request=None,
    vandaag: date | None = None,
) -> TimeOut:
    """Rest of the day; only after approval by the directie (the directeur records it) [004 §3]."""
    vandaag = vandaag or timezone.localdate()
    eis_rol(door, *DIRECTIE, melding="Een time-out kan alleen na goedkeuring door de directie [004 §3].")
    leerling = _leerling_van_school(leerling, door)
    fouten = {}
    if datum > vandaag:
        fouten["datum"] = "Een time-out volgt op een incident van vandaag of eerder; hij kan niet vooraf."
    if not aanleiding.strip():
        fouten["aanleiding"] = "Beschrijf het incident dat tot de time-out leidde."
    if ouders_geinformeerd_op and ouders_geinformeerd_op < datum:
        fouten["ouders_geinformeerd_op"] = "De ouders kunnen niet vóór het incident zijn geïnformeerd."
    if fouten:
        raise ValidationError(fouten)
    if TimeOut.objects.filter(leerling=leerling, datum=datum).exists():
        raise weiger("Op deze dag is al een time-out vastgelegd; verleng die eventueel met één dag.", "datum")
    school = leerling.huidige_school
    time_out = TimeOut.objects.create(
        leerling=leerling,
        school=school,
        datum=datum,
        aanleiding=aanleiding,
        ouders_geinformeerd_op=ouders_geinformeerd_op,
        goedgekeurd_door=door,
        aangemaakt_door=door,
    )
    maak_brief(
        zaak=time_out,
        leerling=leerling,
        soort="verzuim_time_out",
        template="brieven/verzuim_time_out.html",
        onderwerp="Bevestiging time-out",
        door=door,
        ondertekenaar=_ondertekenaar(door, school),
        context={
            "school": school.naam,
            "bestuur": school.bestuur.naam,
            "datum_time_out": datum,
            "aanleiding": aanleiding,
            "ouders_geinformeerd_op": ouders_geinformeerd_op,
        },
    )
    time_out.interventie_gestart = start_interventie(
        leerling=leerling, aanleiding="dreigende_schorsing", door=door, request=request
    )
    time_out.save(update_fields=["interventie_gestart"])
    log(
        request=request,
        user=door,
        actie=AuditActie.AANGEMAAKT,
        obj=time_out,
        leerling=leerling,
        omschrijving="time-out",
    )
    return time_out


@transaction.atomic
def verleng_time_out(*, time_out: TimeOut, door, request=None) -> TimeOut:
    """Once, by one (school)day; after that only a schorsing is possible [004 §3]."""
    eis_rol(door, *DIRECTIE, melding="Alleen de directie verlengt een time-out.")
    time_out = TimeOut.objects.select_for_update().get(pk=time_out.pk)
    eis_school(door, time_out.school_id)
    if time_out.verlengd_tot:
        raise weiger(
            "Een time-out kan maar éénmaal met 1 dag worden verlengd. Daarna kan de leerling alleen worden "
            "geschorst, voor ten hoogste een week [004 §3; WPO art. 40c]."
        )
    time_out.verlengd_tot = plus_werkdagen(time_out.datum, 1)
    time_out.save(update_fields=["verlengd_tot"])
    log(
        request=request,
        user=door,
        actie=AuditActie.GEWIJZIGD,
        obj=time_out,
        leerling=time_out.leerling,
        omschrijving="time-out verlengd met 1 dag",
    )
    return time_out


@transaction.atomic
def rond_time_out_af(
    *,
    time_out: TimeOut,
    verslag: str,
    verslag_voor_gezien_op: date | None,
    bestuur_geinformeerd_op: date | None,
    door,
    request=None,
) -> TimeOut:
    """Verslag of incident and conversation, signed 'voor gezien' by the ouders; the bevoegd gezag
    informed in writing [004 §3]."""
    eis_rol(door, *SCHOOLLEIDING)
    time_out = TimeOut.objects.select_for_update().get(pk=time_out.pk)
    eis_school(door, time_out.school_id)
    fouten = {}
    if not verslag.strip():
        fouten["verslag"] = "Leg het verslag van het incident en het gesprek met de ouders vast."
    for veld, waarde in (
        ("verslag_voor_gezien_op", verslag_voor_gezien_op),
        ("bestuur_geinformeerd_op", bestuur_geinformeerd_op),
    ):
        if waarde and waarde < time_out.datum:
            fouten[veld] = "Deze datum ligt vóór de time-out."
    if fouten:
        raise ValidationError(fouten)
    time_out.verslag = verslag
    time_out.verslag_voor_gezien_op = verslag_voor_gezien_op
    time_out.bestuur_geinformeerd_op = bestuur_geinformeerd_op
    time_out.save(update_fields=["verslag", "verslag_voor_gezien_op", "bestuur_geinformeerd_op"])
    log(
        request=request,
        user=door,
        actie=AuditActie.GEWIJZIGD,
        obj=time_out,
        leerling=time_out.leerling,
        omschrijving="verslag time-out",
    )
    return time_out


# --- schorsing ---------------------------------------------------------------------------------


@transaction.atomic
def schors(
    *,
    leerling: Leerling,
    van: date,
    tot: date,
    aanleiding: str,
    bestuur_akkoord_op: date | None,
    gesprek_ouders_op: date | None,
    ouders_geinformeerd_op: date | None,
    onderwijs_tijdens: str = "",
    door,
    request=None,
    vandaag: date | None = None,
) -> Schorsing:
    """At most one week (WPO art. 40c); in writing with reasons; ouders invited; to be reported to LPA
    and inspectie by the school when longer than one day [004 §3; 002 verzuimkaart; domain §10]."""
    vandaag = vandaag or timezone.localdate()
    eis_rol(
        door,
        *DIRECTIE,
        melding="Een schorsing is een besluit van het bevoegd gezag, vastgelegd door de directeur.",
    )
    leerling = _leerling_van_school(leerling, door)
    fouten: dict[str, str] = {}
    if (fout := regels.schorsing_fout(van, tot)) is not None:
        fouten["tot"] = fout
    if not aanleiding.strip():
        fouten["aanleiding"] = (
            "Een schorsing wordt schriftelijk en met redenen genomen: beschrijf de redenen."
        )
    if bestuur_akkoord_op is None:
        fouten["bestuur_akkoord_op"] = "Het bevoegd gezag moet vooraf akkoord geven [004 §3]."
    elif bestuur_akkoord_op > van:
        fouten["bestuur_akkoord_op"] = (
            "Het akkoord van het bevoegd gezag moet vóór de schorsing liggen [004 §3]."
        )
    if gesprek_ouders_op is None:
        fouten["gesprek_ouders_op"] = "De ouders worden uitgenodigd voor een gesprek: leg de datum vast."
    if ouders_geinformeerd_op is None:
        fouten["ouders_geinformeerd_op"] = "Leg vast wanneer de ouders zijn geïnformeerd."
    if fouten:
        raise ValidationError(fouten)
    # Back-to-back or overlapping schorsingen count as one: together still at most one week.
    buren = Schorsing.objects.filter(
        leerling=leerling, van__lte=tot + timedelta(days=1), tot__gte=van - timedelta(days=1)
    )
    for b in buren:
        begin, eind = min(b.van, van), max(b.tot, tot)
        if regels.schorsing_dagen(begin, eind) > regels.MAX_SCHORSING_DAGEN:
            raise weiger(
                f"Deze schorsing sluit aan op of overlapt met de schorsing van {b.van:%d-%m-%Y} t/m "
                f"{b.tot:%d-%m-%Y}: samen {regels.schorsing_dagen(begin, eind)} dagen. "
                f"{regels.SCHORSING_MAXIMUM_UITLEG}",
                "tot",
            )
    school = leerling.huidige_school
    meldplichtig = regels.schorsing_meldplichtig(van, tot)
    schorsing = Schorsing.objects.create(
        leerling=leerling,
        school=school,
        van=van,
        tot=tot,
        aanleiding=aanleiding,
        bestuur_akkoord_op=bestuur_akkoord_op,
        gesprek_ouders_op=gesprek_ouders_op,
        ouders_geinformeerd_op=ouders_geinformeerd_op,
        onderwijs_tijdens=onderwijs_tijdens,
        besluit_verzonden_op=vandaag,
        aangemaakt_door=door,
    )
    maak_brief(
        zaak=schorsing,
        leerling=leerling,
        soort="schorsing_besluit",
        template="brieven/schorsing_besluit.html",
        onderwerp="Besluit tot schorsing",
        door=door,
        bezwaarclausule=True,
        ondertekenaar=_ondertekenaar(door, school),
        context={
            "school": school.naam,
            "bestuur": school.bestuur.naam,
            "van": van,
            "tot": tot,
            "dagen": schorsing.dagen,
            "aanleiding": aanleiding,
            "gesprek_ouders_op": gesprek_ouders_op,
            "onderwijs_tijdens": onderwijs_tijdens,
            "meldplichtig": meldplichtig,
            "gemeente": school.gemeente.naam,
            "bezwaar_termijn_einde": bezwaartermijn_einde(vandaag),
            "bezwaar_aan": f"het bestuur van {school.bestuur.naam}",
        },
    )
    # Longer than one day: a melding to leerplicht and to the inspectie, each a task for the school
    # (the product does not report itself) [002 L287-296; 004 L618-637; issue 16.11].
    from verzuim.services.maatregelmeldingen import maak_meldingen

    maak_meldingen(maatregel=schorsing, door=door, ondertekenaar=_ondertekenaar(door, school))
    schorsing.interventie_gestart = start_interventie(
        leerling=leerling, aanleiding="schorsing", door=door, request=request
    )
    schorsing.save(update_fields=["interventie_gestart"])
    log(
        request=request,
        user=door,
        actie=AuditActie.AANGEMAAKT,
        obj=schorsing,
        leerling=leerling,
        omschrijving=f"schorsing {schorsing.dagen} dagen"
        + ("; melden aan leerplicht en inspectie is een taak voor de school" if meldplichtig else ""),
    )
    return schorsing
