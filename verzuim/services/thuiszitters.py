"""Thuiszitters register, escalatieladder, doorzettingskracht and the vier-partijenmodel
[002 bijlagen 2.4.1, 2.4.2, 2.5; domain §10]."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django_fsm import can_proceed

from cases.models import Leerling, School
from cases.scope import scope_for
from cases.services.audit import log
from verzuim import regels
from verzuim.models import (
    Doorzettingskracht,
    Escalatie,
    EscalatieStap,
    PartijAdvies,
    Procesverslag,
    Schoolvoorstel,
    Thuiszitter,
    Vrijstellingsverzoek,
)
from verzuim.models.thuiszitters import STAP_VEREIST, StapSoort, ThuiszitterSoort, VrijstellingStatus
from verzuim.services import eis_rol, weiger

REGISTER_ROLLEN = ("sc", "sll", "bestuurder", "lpa")


def _eis_in_scope(door, obj) -> None:
    model = type(obj)
    if not model.objects.filter_for_user(door).filter(pk=obj.pk).exists():
        raise PermissionDenied("Dit valt buiten uw werkgebied.")


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
        door, "sc", "sll", "bestuurder", "lpa", melding="Alleen SC, SWV of leerplicht houdt het register bij."
    )
    school = school or leerling.huidige_school
    fouten = {}
    if thuis_sinds is None:
        fouten["thuis_sinds"] = "Leg vast sinds wanneer de leerling thuis zit."
    elif thuis_sinds > vandaag:
        fouten["thuis_sinds"] = "Deze datum ligt in de toekomst."
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
    _eis_in_scope(door, t)
    log(request=request, user=door, actie="aangemaakt", obj=t, leerling=leerling, omschrijving="thuiszitter")
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
    _eis_in_scope(door, t)
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
        actie="gewijzigd",
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
        log(actie="aangemaakt", obj=e, leerling=t.leerling, omschrijving="escalatie thuiszitter drie maanden")
        nieuw.append(e)
    return nieuw


@transaction.atomic
def open_escalatie(
    *,
    regio,
    school: School | None,
    aanleiding: str,
    thuiszitter: Thuiszitter | None = None,
    door,
    request=None,
    vandaag: date | None = None,
) -> Escalatie:
    """Step 1: the SWV functionaris signals an undesired situation [002 bijlage 2.4.1]."""
    vandaag = vandaag or timezone.localdate()
    eis_rol(
        door,
        "sc",
        "sll",
        "bestuurder",
        melding="Een escalatie wordt gesignaleerd door een functionaris van het SWV.",
    )
    if not aanleiding.strip():
        raise ValidationError({"aanleiding": "Beschrijf de (ongewenste) situatie."})
    e = Escalatie.objects.create(
        swv_id=regio.swv_id,
        regio=regio,
        school=school,
        thuiszitter=thuiszitter,
        aanleiding=aanleiding,
        geopend_op=vandaag,
    )
    _eis_in_scope(door, e)
    EscalatieStap.objects.create(
        escalatie=e, stap=StapSoort.SIGNAAL, datum=vandaag, door=door, toelichting=aanleiding
    )
    log(request=request, user=door, actie="aangemaakt", obj=e, omschrijving="escalatie geopend")
    return e


@transaction.atomic
def zet_escalatiestap(
    *, escalatie: Escalatie, stap: str, datum: date | None, toelichting: str, door, request=None
) -> EscalatieStap:
    """Record a step; each step needs the one before it, an interventie needs the Raad van Toezicht
    informed first [002 bijlage 2.4.1]."""
    eis_rol(door, "sc", "sll", "bestuurder")
    e = Escalatie.objects.select_for_update().get(pk=escalatie.pk)
    _eis_in_scope(door, e)
    if e.gesloten_op:
        raise weiger("Deze escalatie is gesloten.")
    if datum is None:
        raise ValidationError({"datum": "Leg de datum van de stap vast."})
    if stap in (
        StapSoort.RVT,
        StapSoort.PLAN,
        StapSoort.DISPENSATIE,
        StapSoort.INTERVENTIE,
    ) and not scope_for(door).heeft("bestuurder"):
        raise weiger("Het vervolg na de melding bepaalt de directeur-bestuurder.", "stap")
    gezet = set(e.stappen.values_list("stap", flat=True))
    if stap in STAP_VEREIST:
        nodig, reden = STAP_VEREIST[stap]
        if nodig not in gezet:
            raise weiger(f"Deze stap kan nog niet: {reden} [002 bijlage 2.4.1].", "stap")
    if stap == StapSoort.SIGNAAL and gezet:
        raise weiger("Het signaal is al vastgelegd.", "stap")
    s = EscalatieStap.objects.create(escalatie=e, stap=stap, datum=datum, toelichting=toelichting, door=door)
    log(request=request, user=door, actie="aangemaakt", obj=s, omschrijving=f"escalatiestap {stap}")
    return s


@transaction.atomic
def sluit_escalatie(*, escalatie: Escalatie, door, request=None, vandaag: date | None = None) -> Escalatie:
    """The directeur-bestuurder closes the escalation once the desired situation is reached."""
    vandaag = vandaag or timezone.localdate()
    eis_rol(door, "bestuurder", melding="Alleen de directeur-bestuurder sluit een escalatie af.")
    e = Escalatie.objects.select_for_update().get(pk=escalatie.pk)
    _eis_in_scope(door, e)
    if e.gesloten_op:
        raise weiger("Deze escalatie is al gesloten.")
    e.gesloten_op = vandaag
    e.save(update_fields=["gesloten_op"])
    log(request=request, user=door, actie="gewijzigd", obj=e, omschrijving="escalatie gesloten")
    return e


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
        "bestuurder",
        melding="De directeur-bestuurder van het SWV neemt de regie bij doorzettingskracht.",
    )
    _eis_in_scope(door, thuiszitter)
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
        actie="aangemaakt",
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
        actie="gewijzigd",
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
    eis_rol(door, "sc", melding="De steunpuntcoördinator noemt de drie scholen [002 bijlage 2.4.2].")
    d = (
        Doorzettingskracht.objects.select_for_update(of=("self",))
        .select_related("thuiszitter__regio")
        .get(pk=doorzettingskracht.pk)
    )
    _eis_in_scope(door, d.thuiszitter)
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
        actie="aangemaakt",
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
        actie="gewijzigd",
        obj=v,
        leerling=d.thuiszitter.leerling,
        omschrijving=f"antwoord bestuur: {antwoord}",
    )
    return v


# --- vier-partijenmodel -----------------------------------------------------------------------


@transaction.atomic
def dien_vrijstelling_in(
    *, leerling: Leerling, gemeente, regio, ingediend_op: date | None, door, request=None
) -> Vrijstellingsverzoek:
    eis_rol(door, "lpa", "sll", "bestuurder", "sc")
    if ingediend_op is None:
        raise ValidationError({"ingediend_op": "Leg vast wanneer het beroep op vrijstelling is gedaan."})
    v = Vrijstellingsverzoek.objects.create(
        swv_id=leerling.swv_id,
        gemeente=gemeente,
        regio=regio,
        leerling=leerling,
        ingediend_op=ingediend_op,
        aangemaakt_door=door,
    )
    _eis_in_scope(door, v)
    log(
        request=request,
        user=door,
        actie="aangemaakt",
        obj=v,
        leerling=leerling,
        omschrijving="vrijstelling 5a",
    )
    return v


@transaction.atomic
def leg_advies_vast(
    *,
    verzoek: Vrijstellingsverzoek,
    partij: str,
    naam: str,
    betrokken_op: date | None,
    advies: str,
    door,
    request=None,
) -> PartijAdvies:
    eis_rol(door, "lpa", "sll", "bestuurder", "sc")
    v = Vrijstellingsverzoek.objects.select_for_update().get(pk=verzoek.pk)
    _eis_in_scope(door, v)
    if v.status != VrijstellingStatus.IN_BEHANDELING:
        raise weiger("Over dit verzoek is al besloten.")
    fouten = {}
    if betrokken_op is None:
        fouten["betrokken_op"] = "Leg vast wanneer deze partij betrokken was."
    if not advies.strip():
        fouten["advies"] = "Leg het advies van deze partij vast."
    if not naam.strip():
        fouten["naam"] = "Leg naam en functie vast."
    if fouten:
        raise ValidationError(fouten)
    a, _ = PartijAdvies.objects.update_or_create(
        verzoek=v,
        partij=partij,
        defaults={"naam": naam, "betrokken_op": betrokken_op, "advies": advies, "vastgelegd_door": door},
    )
    log(
        request=request,
        user=door,
        actie="gewijzigd",
        obj=v,
        leerling=v.leerling,
        omschrijving=f"advies {partij}",
    )
    return a


@transaction.atomic
def besluit_vrijstelling(
    *,
    verzoek: Vrijstellingsverzoek,
    toekennen: bool,
    zwaarwegende_argumenten: str = "",
    geldig_tot: date | None = None,
    door,
    request=None,
    vandaag: date | None = None,
) -> Vrijstellingsverzoek:
    """The LPA decides; not before all four parties were involved with their advice; 'nee, tenzij'
    [002 bijlage 2.5; Leerplichtwet art. 5 onder a]."""
    vandaag = vandaag or timezone.localdate()
    v = Vrijstellingsverzoek.objects.select_for_update().get(pk=verzoek.pk)
    scope = scope_for(door)
    if not (scope.alles or (scope.heeft("lpa") and v.gemeente_id in scope.gemeente_ids)):
        raise PermissionDenied(
            "Het besluit over vrijstelling ligt bij de leerplichtambtenaar van de gemeente."
        )
    if v.status != VrijstellingStatus.IN_BEHANDELING:
        raise weiger("Over dit verzoek is al besloten.")
    if not v.vier_partijen_betrokken():
        raise weiger(
            "Er kan nog niet worden besloten: het vier-partijenmodel vraagt dat ouders, leerplichtambtenaar, "
            "GGD-arts en samenwerkingsverband elk betrokken zijn met hun advies. Ontbreekt: "
            + ", ".join(v.ontbrekende_partijen())
            + " [002 bijlage 2.5]."
        )
    if toekennen:
        v.zwaarwegende_argumenten = zwaarwegende_argumenten
        if not can_proceed(v.ken_toe):
            raise ValidationError(
                {
                    "zwaarwegende_argumenten": "Nee, tenzij: een vrijstelling wordt alleen "
                    "toegekend bij zwaarwegende argumenten. Leg die vast [002 bijlage 2.5]."
                }
            )
        if geldig_tot is None or geldig_tot <= vandaag:
            raise ValidationError(
                {"geldig_tot": "Een vrijstelling geldt meestal één schooljaar: leg de einddatum vast."}
            )
        v.ken_toe(door=door, op=vandaag, geldig_tot=geldig_tot)
    else:
        v.wijs_af(door=door, op=vandaag)
    v.save()
    if toekennen:
        Thuiszitter.objects.get_or_create(
            leerling=v.leerling,
            soort=ThuiszitterSoort.VRIJSTELLING,
            beeindigd_op=None,
            defaults={
                "swv_id": v.swv_id,
                "regio": v.regio,
                "gemeente": v.gemeente,
                "thuis_sinds": vandaag,
                "regie_bij": "leerplichtambtenaar",
                "aangemaakt_door": door,
                "volgende_stap": "herbeoordeling vóór het einde van de vrijstelling",
                "volgende_stap_op": geldig_tot,
            },
        )
    log(
        request=request,
        user=door,
        actie="overgang",
        obj=v,
        leerling=v.leerling,
        omschrijving="vrijstelling toegekend" if toekennen else "vrijstelling niet toegekend",
    )
    return v
