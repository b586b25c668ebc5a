"""Doorzettingskracht [002 bijlage 2.4.2]: the directeur-bestuurder as regisseur, the ouders'
consent, the SC's three schools, each bestuur's answer, a procesverslag to all involved after
every step."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from cases.models import School
from cases.models.audit import AuditActie
from cases.models.rollen import RolSoort
from cases.services.audit import log
from verzuim.models import Doorzettingskracht, Procesverslag, Schoolvoorstel, Thuiszitter
from verzuim.services import eis_in_scope, eis_rol, weiger
from verzuim.services.thuiszitters import _sluit_escalaties

# --- doorzettingskracht -------------------------------------------------------------------------


def _betrokkenen(d: Doorzettingskracht) -> list[str]:
    t = d.thuiszitter
    namen = [
        f"ouders van {t.leerling.voornaam}",
        f"regisseur {d.regisseur.get_full_name() or d.regisseur.username}",
    ]
    if t.school_id:
        namen += [f"directie {t.school.naam}", f"bestuur {t.school.bestuur.naam}"]
    namen.append(f"steunpuntcoördinator regio {t.regio.naam}")
    namen += [f"bestuur {v.school.bestuur.naam} ({v.school.naam})" for v in d.voorstellen.all()]
    return list(dict.fromkeys(namen))


def _procesverslag(d: Doorzettingskracht, stap: str, inhoud: str, door, datum: date) -> Procesverslag:
    """After each step a procesverslag goes to all involved [002 bijlage 2.4.2]."""
    return Procesverslag.objects.create(
        doorzettingskracht=d,
        stap=stap,
        inhoud=inhoud,
        verzonden_aan=_betrokkenen(d),
        verzonden_op=datum,
        door=door,
    )


def _eis_regisseur(door, d: Doorzettingskracht) -> None:
    if d.regisseur_id != door.pk:
        raise PermissionDenied("Alleen de regisseur (de directeur-bestuurder) zet deze stap.")


@transaction.atomic
def start_doorzettingskracht(
    *, thuiszitter: Thuiszitter, door, request=None, vandaag: date | None = None
) -> Doorzettingskracht:
    """The directeur-bestuurder takes regie [002 bijlage 2.4.2]."""
    vandaag = vandaag or timezone.localdate()
    eis_rol(
        door,
        RolSoort.BESTUURDER,
        melding="De directeur-bestuurder van het SWV neemt de regie bij doorzettingskracht.",
    )
    eis_in_scope(door, thuiszitter)
    if Doorzettingskracht.objects.filter(thuiszitter=thuiszitter).exists():
        raise weiger("Voor deze thuiszitter loopt al doorzettingskracht.")
    d = Doorzettingskracht.objects.create(thuiszitter=thuiszitter, regisseur=door, gestart_op=vandaag)
    Thuiszitter.objects.filter(pk=thuiszitter.pk).update(
        regie_bij=f"{door.get_full_name() or door.username} (directeur-bestuurder, doorzettingskracht)"
    )
    _procesverslag(
        d,
        "Start doorzettingskracht",
        "De directeur-bestuurder neemt de regie en nodigt de ouders en "
        "betrokkenen uit om de stappen uit te leggen en instemming te vragen.",
        door,
        vandaag,
    )
    log(
        request=request,
        user=door,
        actie=AuditActie.AANGEMAAKT,
        obj=d,
        leerling=thuiszitter.leerling,
        omschrijving="doorzettingskracht gestart",
    )
    return d


@transaction.atomic
def leg_instemming_ouders_vast(
    *, doorzettingskracht: Doorzettingskracht, op: date | None, toelichting: str, door, request=None
) -> Doorzettingskracht:
    d = Doorzettingskracht.objects.select_for_update().get(pk=doorzettingskracht.pk)
    _eis_regisseur(door, d)
    if op is None:
        raise ValidationError({"op": "Leg vast wanneer de ouders instemden met het zoeken naar een school."})
    d.ouders_instemming_op = op
    d.save(update_fields=["ouders_instemming_op"])
    _procesverslag(
        d,
        "Instemming ouders",
        toelichting
        or "De ouders stemmen in met het zoeken naar een (andere) "
        "school; afspraken over communicatie zijn gemaakt.",
        door,
        op,
    )
    log(
        request=request,
        user=door,
        actie=AuditActie.GEWIJZIGD,
        obj=d,
        leerling=d.thuiszitter.leerling,
        omschrijving="instemming ouders doorzettingskracht",
    )
    return d


@transaction.atomic
def stel_scholen_voor(
    *,
    doorzettingskracht: Doorzettingskracht,
    scholen: list[School],
    door,
    request=None,
    vandaag: date | None = None,
) -> list[Schoolvoorstel]:
    """After the ouders' consent the SC names three schools of the regio that can meet the need."""
    vandaag = vandaag or timezone.localdate()
    eis_rol(door, RolSoort.SC, melding="De steunpuntcoördinator noemt de drie scholen [002 bijlage 2.4.2].")
    d = (
        Doorzettingskracht.objects.select_for_update(of=("self",))
        .select_related("thuiszitter__regio")
        .get(pk=doorzettingskracht.pk)
    )
    eis_in_scope(door, d.thuiszitter)
    if d.ouders_instemming_op is None:
        raise weiger(
            "Eerst geven de ouders instemming om te zoeken naar een (andere) school [002 bijlage 2.4.2]."
        )
    if d.voorstellen.exists():
        raise weiger("De drie scholen zijn al voorgesteld.")
    if len(scholen) != 3 or len({s.pk for s in scholen}) != 3:
        raise ValidationError({"scholen": "Noem precies drie verschillende scholen [002 bijlage 2.4.2]."})
    buiten = [s.naam for s in scholen if s.regio_id != d.thuiszitter.regio_id]
    if buiten:
        raise ValidationError(
            {
                "scholen": "Kies scholen in het regionale steunpunt van de leerling; niet: "
                + ", ".join(buiten)
                + "."
            }
        )
    voorstellen = [
        Schoolvoorstel.objects.create(
            doorzettingskracht=d, school=s, voorgesteld_op=vandaag, voorgesteld_door=door
        )
        for s in scholen
    ]
    _procesverslag(
        d,
        "Drie scholen voorgesteld",
        "De steunpuntcoördinator noemt: " + ", ".join(s.naam for s in scholen) + ".",
        door,
        vandaag,
    )
    log(
        request=request,
        user=door,
        actie=AuditActie.AANGEMAAKT,
        obj=d,
        leerling=d.thuiszitter.leerling,
        omschrijving="drie scholen voorgesteld",
    )
    return voorstellen


@transaction.atomic
def leg_antwoord_bestuur_vast(
    *,
    voorstel: Schoolvoorstel,
    antwoord: str,
    op: date | None,
    toelichting: str = "",
    plaatsing_vanaf: date | None = None,
    door,
    request=None,
) -> Schoolvoorstel:
    """The regisseur asked the bestuur for agreement; record its answer. An akkoord with a start date
    places the pupil and ends the thuiszit period."""
    v = (
        Schoolvoorstel.objects.select_for_update(of=("self",))
        .select_related("doorzettingskracht__thuiszitter", "school")
        .get(pk=voorstel.pk)
    )
    d = v.doorzettingskracht
    _eis_regisseur(door, d)
    if v.antwoord != Schoolvoorstel.Antwoord.OPEN:
        raise weiger("Het antwoord van dit bestuur is al vastgelegd.")
    if antwoord not in (Schoolvoorstel.Antwoord.AKKOORD, Schoolvoorstel.Antwoord.AFGEWEZEN) or op is None:
        raise ValidationError({"antwoord": "Leg het antwoord (akkoord of afgewezen) en de datum vast."})
    if antwoord == Schoolvoorstel.Antwoord.AKKOORD and plaatsing_vanaf is None:
        raise ValidationError({"plaatsing_vanaf": "Leg vast vanaf wanneer de school de leerling toelaat."})
    v.antwoord, v.antwoord_op, v.toelichting = antwoord, op, toelichting
    v.save()
    tekst = f"Het bestuur van {v.school.naam} ({v.school.bestuur.naam}): {v.get_antwoord_display()}."
    if toelichting:
        tekst += f" {toelichting}"
    if antwoord == Schoolvoorstel.Antwoord.AKKOORD:
        d.geplaatst_school, d.geplaatst_vanaf = v.school, plaatsing_vanaf
        d.save(update_fields=["geplaatst_school", "geplaatst_vanaf"])
        Thuiszitter.objects.filter(pk=d.thuiszitter_id).update(
            beeindigd_op=plaatsing_vanaf,
            beeindiging=f"geplaatst op {v.school.naam}",
            huidig_aanbod=f"plaatsing op {v.school.naam} vanaf {plaatsing_vanaf:%d-%m-%Y}",
            volgende_stap=f"start op {v.school.naam}",
            volgende_stap_op=plaatsing_vanaf,
        )
        _sluit_escalaties(d.thuiszitter_id, plaatsing_vanaf)
        tekst += f" De leerling gaat naar {v.school.naam} vanaf {plaatsing_vanaf:%d-%m-%Y}."
    _procesverslag(d, f"Antwoord bestuur {v.school.naam}", tekst, door, op)
    log(
        request=request,
        user=door,
        actie=AuditActie.GEWIJZIGD,
        obj=v,
        leerling=d.thuiszitter.leerling,
        omschrijving=f"antwoord bestuur: {antwoord}",
    )
    return v
