# Over 500 lines: moved whole in issue 15 round 1; splitting it is the open rest of issue 15 now that
# cases.workflow runs its transitions and locks.
"""The one write path for interventietrajecten [000; 003; domain §8].

Every function is keyword-only and atomic, locks the traject first, checks the role through the
transition's own `permission=` (or the same rule for non-transition writes), refuses in Dutch,
and leaves an audit row. The verzuim app calls `start_interventie_prompt` when it registers a
schorsing or verwijdering."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from cases import workflow
from cases.interventie.models.traject import (
    Aanleiding,
    BijeenkomstStatus,
    InterventieAfspraak,
    InterventieBijeenkomst,
    InterventiePlaatsing,
    InterventieTeamlid,
    Interventietraject,
    Onderzoeksverslagen,
    PlaatsingStap,
    PlaatsingUitkomst,
    TeamRol,
    TrajectStatus,
    is_bestuurder_van,
    is_directeur_van,
    is_schoolteam_van,
)
from cases.models import Leerling, Rol
from cases.models.audit import AuditActie
from cases.models.organisaties import SchoolSoort
from cases.models.rollen import RolSoort
from cases.services.audit import log
from cases.services.inschrijving import schrijf_in
from cases.termijnen import services as termijn_svc
from cases.termijnen.models.termijnen import OPEN_STATUSSEN, Termijn
from cases.workflow import vergrendel

# The one-week norm for the first meeting, registered with the shared Termijn machinery (in
# cases/registraties.py) so that the daily sweep reminds the casusmanager and the SWV's directeur
# [000; domain §11]. The page computes the same date from the traject.
EERSTE_BIJEENKOMST = "interventieteam_eerste_bijeenkomst"


def start_termijn_eerste_bijeenkomst(traject: Interventietraject, *, door, request) -> Termijn:
    return termijn_svc.start_termijn(
        soort=EERSTE_BIJEENKOMST,
        start=traject.gemeld_op,
        zaak=traject,
        verantwoordelijke=traject.casusmanager,
        omschrijving=f"Eerste bijeenkomst interventietraject #{traject.pk}",
        door=door,
        request=request,
    )


def open_termijn(traject: Interventietraject) -> Termijn | None:
    """The running term for the first meeting of this traject, if any."""
    from django.contrib.contenttypes.models import ContentType

    return Termijn.objects.filter(
        content_type=ContentType.objects.get_for_model(Interventietraject),
        object_id=traject.pk,
        soort=EERSTE_BIJEENKOMST,
        status__in=OPEN_STATUSSEN,
    ).first()


OVERGANGEN = {
    "stel_team_samen": "Team samengesteld",
    "start": "Traject gestart",
    "naar_evaluatie": "Naar evaluatie",
    "sluit_af": "Traject afgesloten",
}


def _niet_afgesloten(traject: Interventietraject) -> None:
    if traject.status == TrajectStatus.AFGESLOTEN:
        raise ValidationError("Dit interventietraject is afgesloten en kan niet meer worden gewijzigd.")


# --- aanmelding and criteria [000, "Criteria" en "Aanmelding"] -----------------------------------

CRITERIA_VELDEN = (
    "uit_regulier_onderwijs",
    "reguliere_route_niet_mogelijk",
    "reguliere_route_toelichting",
    "onderwijskundig_rapport",
    "verslag_maatregelen",
    "onderzoeksverslagen",
)


def controleer_criteria(*, school, criteria: dict) -> None:
    """Refuse, per field and in Dutch, an aanmelding that does not meet seed 000's criteria."""
    fouten: dict[str, str] = {}
    if school.soort != SchoolSoort.BAO:
        fouten["uit_regulier_onderwijs"] = (
            f"Het interventietraject is voor leerlingen uit het regulier onderwijs; {school.naam} is "
            f"{school.get_soort_display()} [000, criteria]."
        )
    elif not criteria.get("uit_regulier_onderwijs"):
        fouten["uit_regulier_onderwijs"] = (
            "Bevestig dat de leerling uit het regulier onderwijs komt [000, criteria]."
        )
    if not criteria.get("reguliere_route_niet_mogelijk"):
        fouten["reguliere_route_niet_mogelijk"] = (
            "Het interventietraject is er alleen als de school de reguliere ondersteunings- en/of "
            "verwijzingsroute niet kan bewandelen [000, criteria]."
        )
    if not (criteria.get("reguliere_route_toelichting") or "").strip():
        fouten["reguliere_route_toelichting"] = "Licht toe waarom de reguliere route niet kan."
    if not criteria.get("onderwijskundig_rapport"):
        fouten["onderwijskundig_rapport"] = (
            "Het dossier bevat in ieder geval een onderwijskundig rapport [000, criteria]."
        )
    if not criteria.get("verslag_maatregelen"):
        fouten["verslag_maatregelen"] = (
            "Het dossier bevat in ieder geval een verslag van eerder genomen maatregelen en de effecten "
            "daarvan [000, criteria]."
        )
    if criteria.get("onderzoeksverslagen") not in Onderzoeksverslagen.values:
        fouten["onderzoeksverslagen"] = (
            "Geef aan of verslagen van relevant onderzoek in het dossier zitten, of dat er geen onderzoek is "
            "[000, criteria]."
        )
    if fouten:
        raise ValidationError(fouten)


def _zet_criteria(traject: Interventietraject, criteria: dict) -> None:
    for veld in CRITERIA_VELDEN:
        setattr(
            traject,
            veld,
            criteria.get(veld)
            or ("" if veld in ("reguliere_route_toelichting", "onderzoeksverslagen") else False),
        )
    traject.criteria_vastgelegd_op = timezone.now()


@transaction.atomic
def meld_aan(
    *,
    leerling: Leerling,
    door,
    gemeld_op: date,
    aanleiding: str = Aanleiding.MELDING,
    aanleiding_toelichting: str = "",
    criteria: dict,
    request=None,
) -> Interventietraject:
    """The school directeur reports the pupil to the SWV's directeur [000, aanmelding]."""
    leerling = Leerling.objects.select_for_update().get(pk=leerling.pk)
    school = leerling.huidige_school
    if school is None:
        raise ValidationError(
            "Deze leerling staat nergens ingeschreven; het interventietraject start vanuit de school van herkomst."  # noqa: E501
        )
    if not is_directeur_van(school.pk, door):
        raise PermissionDenied(
            "Alleen de directeur van de school meldt een leerling aan bij het interventieteam [000]."
        )
    if aanleiding not in Aanleiding.values:
        raise ValidationError({"aanleiding": "Kies een aanleiding uit de lijst."})
    if gemeld_op > timezone.localdate():
        raise ValidationError({"gemeld_op": "De datum van de melding ligt in de toekomst."})
    bestaand = Interventietraject.objects.open().filter(leerling=leerling).first()
    if bestaand is not None:
        raise ValidationError(f"Voor deze leerling loopt al een interventietraject (#{bestaand.pk}).")
    controleer_criteria(school=school, criteria=criteria)
    traject = Interventietraject(
        swv_id=leerling.swv_id,
        leerling=leerling,
        school=school,
        aanleiding=aanleiding,
        aanleiding_toelichting=aanleiding_toelichting,
        gemeld_op=gemeld_op,
        gemeld_door=door,
        casusmanager=door,
    )
    _zet_criteria(traject, criteria)
    traject.save()
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=door,
        obj=traject,
        leerling=leerling,
        omschrijving="Aanmelding interventietraject",
    )
    start_termijn_eerste_bijeenkomst(traject, door=door, request=request)
    return traject


@transaction.atomic
def leg_criteria_vast(
    *, traject: Interventietraject, door, criteria: dict, request=None
) -> Interventietraject:
    """The casusmanager completes the aanmelding (after a prompt from a schorsing/verwijdering)."""
    traject = vergrendel(traject)
    if traject.status != TrajectStatus.AANGEMELD:
        raise ValidationError("De criteria liggen vast zodra het team is samengesteld.")
    if not is_directeur_van(traject.school_id, door):
        raise PermissionDenied(
            "Alleen de directeur van de school (de casusmanager) vult de aanmelding aan [000]."
        )
    controleer_criteria(school=traject.school, criteria=criteria)
    _zet_criteria(traject, criteria)
    if traject.casusmanager_id is None:
        traject.casusmanager = door
    traject.save()
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=traject,
        leerling=traject.leerling,
        omschrijving="Criteria interventietraject vastgelegd",
    )
    return traject


@transaction.atomic
def start_interventie_prompt(
    *, leerling, aanleiding: str, door, request=None, gemeld_op: date | None = None
) -> Interventietraject:
    """Called by the verzuim app when a schorsing or verwijdering is registered: the interventieteam
    is called in immediately [000, randvoorwaarden; domain §8].

    `aanleiding` is one of "schorsing", "verwijdering", "dreigende_schorsing",
    "dreigende_verwijdering". Returns the pupil's open traject if there is one (nothing new is
    created); otherwise a new traject in state "aangemeld" at the pupil's current school, dated
    `gemeld_op` (default today: the day the measure is registered), flagged `via_signaal` so
    that the SWV's directeur-bestuurder sees it on "Mijn werk".
    The school's directeur (the caller if he is one) becomes casusmanager and completes the
    criteria before the team can be composed."""
    if aanleiding not in Aanleiding.values or aanleiding == Aanleiding.MELDING:
        raise ValueError(f"Onbekende aanleiding voor een interventieprompt: {aanleiding!r}")
    leerling = Leerling.objects.select_for_update().get(pk=leerling.pk)
    bestaand = Interventietraject.objects.open().filter(leerling=leerling).first()
    if bestaand is not None:
        log(
            actie=AuditActie.GEWIJZIGD,
            request=request,
            user=door,
            obj=bestaand,
            leerling=leerling,
            omschrijving=f"Nieuwe aanleiding bij lopend interventietraject: {Aanleiding(aanleiding).label}",
        )
        return bestaand
    school = leerling.huidige_school
    if school is None:
        raise ValidationError("Deze leerling staat nergens ingeschreven; er is geen school van herkomst.")
    casusmanager = door if door is not None and is_directeur_van(school.pk, door) else None
    if casusmanager is None:
        rol = (
            Rol.objects.filter(soort=RolSoort.DIRECTEUR, school=school, actief=True)
            .select_related("gebruiker")
            .order_by("pk")
            .first()
        )
        casusmanager = rol.gebruiker if rol else None
    traject = Interventietraject.objects.create(
        swv_id=leerling.swv_id,
        leerling=leerling,
        school=school,
        aanleiding=aanleiding,
        gemeld_op=gemeld_op or timezone.localdate(),
        gemeld_door=door,
        via_signaal=True,
        casusmanager=casusmanager,
        uit_regulier_onderwijs=school.soort == SchoolSoort.BAO,
    )
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=door,
        obj=traject,
        leerling=leerling,
        omschrijving=f"Interventietraject gestart na {Aanleiding(aanleiding).label}",
    )
    start_termijn_eerste_bijeenkomst(traject, door=door, request=request)
    return traject


# --- the team ---------------------------------------------------------------------------------


@transaction.atomic
def voeg_teamlid_toe(
    *,
    traject: Interventietraject,
    rol: str,
    door,
    gebruiker=None,
    naam: str = "",
    organisatie: str = "",
    request=None,
) -> InterventieTeamlid:
    """The SWV's directeur composes the interventieteam [000, bemensing]."""
    traject = vergrendel(traject)
    _niet_afgesloten(traject)
    if not is_bestuurder_van(traject.swv_id, door):
        raise PermissionDenied(
            "De directeur van het samenwerkingsverband stelt het interventieteam samen [000]."
        )
    if rol not in TeamRol.values:
        raise ValidationError({"rol": "Kies een rol uit de lijst."})
    if gebruiker is None and not naam.strip():
        raise ValidationError({"naam": "Kies een gebruiker of vul een naam in."})
    if (
        gebruiker is not None
        and not Rol.objects.filter(gebruiker=gebruiker, swv_id=traject.swv_id, actief=True).exists()
    ):
        raise ValidationError({"gebruiker": "Deze gebruiker heeft geen rol in dit samenwerkingsverband."})
    lid = InterventieTeamlid.objects.create(
        traject=traject, rol=rol, gebruiker=gebruiker, naam=naam.strip(), organisatie=organisatie.strip()
    )
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=traject,
        leerling=traject.leerling,
        omschrijving=f"Teamlid toegevoegd: {lid.get_rol_display()}",
    )
    return lid


@transaction.atomic
def verwijder_teamlid(*, teamlid: InterventieTeamlid, door, request=None) -> None:
    traject = vergrendel(teamlid.traject)
    if traject.status != TrajectStatus.AANGEMELD:
        raise ValidationError(
            "Na het samenstellen van het team worden leden niet meer verwijderd; voeg zo nodig iemand toe."
        )
    if not is_bestuurder_van(traject.swv_id, door):
        raise PermissionDenied(
            "De directeur van het samenwerkingsverband stelt het interventieteam samen [000]."
        )
    teamlid.delete()
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=traject,
        leerling=traject.leerling,
        omschrijving="Teamlid verwijderd",
    )


@transaction.atomic
def voer_overgang_uit(
    *, traject: Interventietraject, overgang: str, door, request=None
) -> Interventietraject:
    """One of OVERGANGEN; refused in Dutch when a rule is not met (OvergangGeweigerd)."""
    if overgang not in OVERGANGEN:
        raise ValidationError("Onbekende stap.")
    return workflow.voer_overgang_uit(
        traject,
        overgang,
        door=door,
        request=request,
        omschrijving=lambda t, van: f"{OVERGANGEN[overgang]} (status {t.get_status_display()})",
    )


# --- meetings ---------------------------------------------------------------------------------

BIJEENKOMST_VELDEN = (
    "datum",
    "tijd",
    "locatie",
    "agenda",
    "agenda_verstuurd_op",
    "deelnemers",
    "ouders_geinformeerd_op",
    "aanwezig_directeur",
    "aanwezig_ib",
    "aanwezig_leerkracht",
    "aanwezig_ouders",
    "afwezigheid_toelichting",
    "overige_aanwezigen",
    "verslag",
    "advies_setting",
    "advies_vervolg",
)


def _controleer_schoolteam(traject, door) -> None:
    if not is_schoolteam_van(traject.school_id, door):
        raise PermissionDenied(
            "De directeur (casusmanager) en de intern begeleider van de school plannen en verslaan de bijeenkomsten [000]."  # noqa: E501
        )


def _controleer_bijeenkomst_data(velden: dict) -> None:
    fouten = {}
    datum = velden.get("datum")
    for veld, tekst in (
        ("agenda_verstuurd_op", "De agenda"),
        ("ouders_geinformeerd_op", "Het informeren van de ouders"),
    ):
        d = velden.get(veld)
        if d and datum and d > datum:
            fouten[veld] = f"{tekst} hoort vóór de bijeenkomst te gebeuren [000; 003]; deze datum ligt erna."
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def plan_bijeenkomst(*, traject: Interventietraject, door, request=None, **velden) -> InterventieBijeenkomst:
    traject = vergrendel(traject)
    _niet_afgesloten(traject)
    _controleer_schoolteam(traject, door)
    onbekend = set(velden) - set(BIJEENKOMST_VELDEN)
    if onbekend:
        raise TypeError(f"Onbekende velden: {sorted(onbekend)}")
    if not velden.get("datum"):
        raise ValidationError({"datum": "Vul de datum van de bijeenkomst in."})
    if velden["datum"] < traject.gemeld_op:
        raise ValidationError({"datum": "Een bijeenkomst ligt niet vóór de melding."})
    _controleer_bijeenkomst_data(velden)
    b = InterventieBijeenkomst.objects.create(traject=traject, **velden)
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=door,
        obj=b,
        leerling=traject.leerling,
        omschrijving="Bijeenkomst interventieteam gepland",
    )
    return b


@transaction.atomic
def werk_bijeenkomst_bij(
    *, bijeenkomst: InterventieBijeenkomst, door, request=None, **velden
) -> InterventieBijeenkomst:
    b = InterventieBijeenkomst.objects.select_for_update().select_related("traject").get(pk=bijeenkomst.pk)
    _niet_afgesloten(b.traject)
    _controleer_schoolteam(b.traject, door)
    if b.status == BijeenkomstStatus.GEHOUDEN:
        raise ValidationError("Deze bijeenkomst is als gehouden vastgelegd en wordt niet meer gewijzigd.")
    onbekend = set(velden) - set(BIJEENKOMST_VELDEN)
    if onbekend:
        raise TypeError(f"Onbekende velden: {sorted(onbekend)}")
    for k, v in velden.items():
        setattr(b, k, v)
    _controleer_bijeenkomst_data({f: getattr(b, f) for f in BIJEENKOMST_VELDEN})
    if b.datum < b.traject.gemeld_op:
        raise ValidationError({"datum": "Een bijeenkomst ligt niet vóór de melding."})
    b.save()
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=b,
        leerling=b.traject.leerling,
        omschrijving="Bijeenkomst interventieteam bijgewerkt",
    )
    return b


@transaction.atomic
def houd_bijeenkomst(*, bijeenkomst: InterventieBijeenkomst, door, request=None) -> InterventieBijeenkomst:
    """Mark held: only with agenda, ouders informed beforehand about who attends, directeur and
    IB'er present, leerkracht/ouders present or their absence explained, and a verslag [000; 003]."""
    b = InterventieBijeenkomst.objects.select_for_update().select_related("traject").get(pk=bijeenkomst.pk)
    _niet_afgesloten(b.traject)
    workflow.voer_overgang_uit(
        b,
        "houd",
        door=door,
        request=request,
        vergrendelen=False,
        na=lambda b, van: InterventieBijeenkomst.objects.filter(pk=b.pk).update(
            gehouden_vastgelegd_door=door
        ),
        leerling=b.traject.leerling,
        omschrijving="Bijeenkomst interventieteam als gehouden vastgelegd",
    )
    eerder = b.traject.bijeenkomsten.filter(status=BijeenkomstStatus.GEHOUDEN).exclude(pk=b.pk).exists()
    termijn = None if eerder else open_termijn(b.traject)
    if termijn is not None:
        termijn_svc.voldaan(
            termijn=termijn, op=b.datum, reden="Eerste bijeenkomst gehouden", door=door, request=request
        )
    return b


# --- agreements [003, leerpunt 7] -----------------------------------------------------------------


def _heeft_rol_in_swv(gebruiker, swv_id) -> bool:
    return Rol.objects.filter(gebruiker=gebruiker, swv_id=swv_id, actief=True).exists()


@transaction.atomic
def voeg_afspraak_toe(
    *,
    traject: Interventietraject,
    door,
    wat: str,
    uiterlijk: date | None,
    bewaker,
    eigenaar=None,
    eigenaar_naam: str = "",
    bijeenkomst: InterventieBijeenkomst | None = None,
    request=None,
) -> InterventieAfspraak:
    """A written agreement: wat, wie, uiterlijk wanneer — all required — and who guards it [003; 000]."""
    traject = vergrendel(traject)
    _niet_afgesloten(traject)
    if not (is_schoolteam_van(traject.school_id, door) or is_bestuurder_van(traject.swv_id, door)):
        raise PermissionDenied(
            "Afspraken legt de casusmanager, de IB'er of de directeur van het SWV vast [000]."
        )
    fouten = {}
    if not (wat or "").strip():
        fouten["wat"] = "Beschrijf wat er is afgesproken."
    if eigenaar is None and not (eigenaar_naam or "").strip():
        fouten["eigenaar"] = (
            "Wie voert de afspraak uit? Kies een gebruiker of vul een naam in [003, leerpunt 7]."
        )
    elif eigenaar is not None and not _heeft_rol_in_swv(eigenaar, traject.swv_id):
        fouten["eigenaar"] = "Deze gebruiker heeft geen rol in dit samenwerkingsverband; vul dan een naam in."
    if uiterlijk is None:
        fouten["uiterlijk"] = "Vul in wanneer de afspraak uiterlijk is nagekomen [003, leerpunt 7]."
    if bewaker is None:
        fouten["bewaker"] = "Kies wie de afspraak bewaakt [000]."
    elif not _heeft_rol_in_swv(bewaker, traject.swv_id):
        fouten["bewaker"] = "De bewaker heeft geen rol in dit samenwerkingsverband."
    if bijeenkomst is not None and bijeenkomst.traject_id != traject.pk:
        fouten["bijeenkomst"] = "Deze bijeenkomst hoort bij een ander traject."
    if fouten:
        raise ValidationError(fouten)
    afspraak = InterventieAfspraak.objects.create(
        traject=traject,
        bijeenkomst=bijeenkomst,
        wat=wat.strip(),
        eigenaar=eigenaar,
        eigenaar_naam="" if eigenaar is not None else eigenaar_naam.strip(),
        uiterlijk=uiterlijk,
        bewaker=bewaker,
        aangemaakt_door=door,
    )
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=door,
        obj=afspraak,
        leerling=traject.leerling,
        omschrijving="Afspraak interventietraject vastgelegd",
    )
    return afspraak


@transaction.atomic
def rond_afspraak_af(
    *, afspraak: InterventieAfspraak, door, op: date | None = None, request=None
) -> InterventieAfspraak:
    a = InterventieAfspraak.objects.select_for_update().select_related("traject").get(pk=afspraak.pk)
    if a.afgerond_op is not None:
        raise ValidationError("Deze afspraak is al afgerond.")
    traject = a.traject
    if door.pk not in (a.eigenaar_id, a.bewaker_id) and not (
        is_schoolteam_van(traject.school_id, door) or is_bestuurder_van(traject.swv_id, door)
    ):
        raise PermissionDenied(
            "Alleen wie de afspraak uitvoert of bewaakt, of de casusmanager, rondt haar af."
        )
    a.afgerond_op = op or timezone.localdate()
    a.save(update_fields=["afgerond_op"])
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=a,
        leerling=traject.leerling,
        omschrijving="Afspraak interventietraject afgerond",
    )
    return a


# --- plaatsingsstroom [000] -----------------------------------------------------------------------


def _controleer_plaatsing_rechten(traject, door) -> None:
    if not (is_directeur_van(traject.school_id, door) or is_bestuurder_van(traject.swv_id, door)):
        raise PermissionDenied(
            "Plaatsingen legt de casusmanager (directeur van de school) of de directeur van het SWV vast [000]."  # noqa: E501
        )


def ontbrekende_stappen(traject: Interventietraject, stap: int) -> list[int]:
    """Steps before `stap` that were neither tried nor skipped (each needs a reason to skip)."""
    gehad = set(traject.plaatsingen.values_list("stap", flat=True))
    return [s for s in range(1, stap) if s not in gehad]


def _controleer_school_voor_stap(traject, stap: int, school) -> dict[str, str]:
    herkomst = traject.school
    fouten: dict[str, str] = {}
    if stap in (PlaatsingStap.ZELFDE_KLAS, PlaatsingStap.ANDERE_KLAS):
        if school is not None and school.pk != herkomst.pk:
            fouten["school"] = "Bij deze stap blijft de leerling op de eigen school [000]."
        return fouten
    if stap in (PlaatsingStap.ZELFDE_BESTUUR, PlaatsingStap.BINNEN_SWV, PlaatsingStap.SO) and school is None:
        return {"school": "Kies de ontvangende school."}
    if school is None:
        return fouten
    if school.swv_id != traject.swv_id:
        fouten["school"] = "De ontvangende school hoort bij een ander samenwerkingsverband."
    elif school.pk == herkomst.pk:
        fouten["school"] = (
            "Bij deze stap gaat de leerling naar een andere school dan de school van herkomst [000]."
        )
    elif stap == PlaatsingStap.ZELFDE_BESTUUR and school.bestuur_id != herkomst.bestuur_id:
        fouten["school"] = (
            "Stap 3 is een andere school van hetzelfde bestuur; deze school hoort bij een ander bestuur (stap 4)."  # noqa: E501
        )
    elif stap == PlaatsingStap.BINNEN_SWV and school.bestuur_id == herkomst.bestuur_id:
        fouten["school"] = "Deze school hoort bij hetzelfde bestuur: dat is stap 3 van de plaatsingsstroom."
    elif stap == PlaatsingStap.SO and school.soort != SchoolSoort.SO:
        fouten["school"] = "Stap 6 is plaatsing op een school voor speciaal onderwijs (so)."
    return fouten


@transaction.atomic
def registreer_plaatsing(
    *,
    traject: Interventietraject,
    door,
    stap: int,
    setting: str,
    doel: str,
    startdatum: date | None,
    einddatum: date | None,
    middelen: str,
    akkoord_ontvangende_school: bool,
    akkoord_door: str = "",
    akkoord_op: date | None = None,
    school=None,
    redenen_overslaan: dict[int, str] | None = None,
    request=None,
) -> InterventiePlaatsing:
    """A placement at step `stap`. The steps go in seed 000's order: every earlier step that was not
    tried is recorded as skipped, and skipping needs a reason. Setting, doel, duur, middelen and
    the receiving school's agreement are recorded; the pupil stays enrolled at the school of origin."""
    traject = vergrendel(traject)
    _controleer_plaatsing_rechten(traject, door)
    if traject.status not in (TrajectStatus.TEAM_SAMENGESTELD, TrajectStatus.LOPEND):
        raise ValidationError(
            "Een plaatsing wordt vastgelegd zodra het team is samengesteld en zolang het traject loopt."
        )
    if stap not in PlaatsingStap.values:
        raise ValidationError({"stap": "Kies een stap van de plaatsingsstroom."})
    lopend = traject.plaatsingen.filter(uitkomst=PlaatsingUitkomst.LOPEND).first()
    if lopend is not None:
        raise ValidationError(
            f"Er loopt nog een plaatsing (stap {lopend.stap}: {lopend.get_stap_display()}). Leg eerst de uitkomst daarvan vast."  # noqa: E501
        )
    redenen_overslaan = redenen_overslaan or {}
    fouten: dict[str, str] = {}
    zonder_reden = [
        s for s in ontbrekende_stappen(traject, stap) if not (redenen_overslaan.get(s) or "").strip()
    ]
    if zonder_reden:
        namen = "; ".join(f"stap {s} ({PlaatsingStap(s).label})" for s in zonder_reden)
        fouten["redenen_overslaan"] = (
            f"De plaatsingsstroom gaat op volgorde [000]. Geef een reden om over te slaan: {namen}."
        )
        for s in zonder_reden:
            fouten[f"reden_stap_{s}"] = (
                f"Stap {s} is niet geprobeerd: geef een reden om deze over te slaan [000]."
            )
    fouten.update(_controleer_school_voor_stap(traject, stap, school))
    for veld, waarde, tekst in (
        ("setting", setting, "Beschrijf de setting."),
        ("doel", doel, "Beschrijf het doel van de plaatsing [000]."),
        (
            "middelen",
            middelen,
            "Beschrijf de middelen die ermee gemoeid zijn (of 'geen extra middelen') [000].",
        ),
    ):
        if not (waarde or "").strip():
            fouten[veld] = tekst
    if startdatum is None:
        fouten["startdatum"] = "Vul de startdatum in."
    if einddatum is None:
        fouten["einddatum"] = "Vul de einddatum in: de duur van de plaatsing wordt vooraf afgesproken [000]."
    elif startdatum is not None and einddatum < startdatum:
        fouten["einddatum"] = "De einddatum ligt vóór de startdatum."
    if not akkoord_ontvangende_school:
        fouten["akkoord_ontvangende_school"] = "Een plaatsing vraagt het akkoord van de ontvangende school."
    elif not (akkoord_door or "").strip() or akkoord_op is None:
        fouten["akkoord_door"] = "Vul in wie namens de ontvangende school akkoord gaf, en wanneer."
    if fouten:
        raise ValidationError(fouten)
    for s in ontbrekende_stappen(traject, stap):
        InterventiePlaatsing.objects.create(
            traject=traject,
            stap=s,
            uitkomst=PlaatsingUitkomst.OVERGESLAGEN,
            reden_overslaan=redenen_overslaan[s].strip(),
            aangemaakt_door=door,
        )
    plaatsing = InterventiePlaatsing.objects.create(
        traject=traject,
        stap=stap,
        school=school if stap >= PlaatsingStap.ZELFDE_BESTUUR else traject.school,
        setting=setting.strip(),
        doel=doel.strip(),
        startdatum=startdatum,
        einddatum=einddatum,
        middelen=middelen.strip(),
        akkoord_ontvangende_school=True,
        akkoord_door=akkoord_door.strip(),
        akkoord_op=akkoord_op,
        aangemaakt_door=door,
    )
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=door,
        obj=plaatsing,
        leerling=traject.leerling,
        omschrijving=f"Plaatsing stap {stap} vastgelegd",
    )
    return plaatsing


def _vergrendel_plaatsing(plaatsing: InterventiePlaatsing) -> InterventiePlaatsing:
    p = vergrendel(plaatsing, select_related=("traject", "school"))
    vergrendel(p.traject)
    return p


@transaction.atomic
def beeindig_plaatsing(
    *, plaatsing: InterventiePlaatsing, door, op: date, toelichting: str, request=None
) -> InterventiePlaatsing:
    """Record the outcome of a placement that ends (tried, not continued)."""
    p = _vergrendel_plaatsing(plaatsing)
    _controleer_plaatsing_rechten(p.traject, door)
    if p.uitkomst != PlaatsingUitkomst.LOPEND:
        raise ValidationError("Deze plaatsing loopt niet meer.")
    fouten = {}
    if not (toelichting or "").strip():
        fouten["toelichting"] = "Beschrijf de uitkomst: wat ging er goed, wat niet?"
    if op is None:
        fouten["op"] = "Vul de datum in."
    elif p.startdatum and op < p.startdatum:
        fouten["op"] = "De plaatsing eindigt niet vóór haar start."
    if fouten:
        raise ValidationError(fouten)
    p.uitkomst = PlaatsingUitkomst.BEEINDIGD
    p.beeindigd_op = op
    p.uitkomst_toelichting = toelichting.strip()
    p.save(update_fields=["uitkomst", "beeindigd_op", "uitkomst_toelichting"])
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=p,
        leerling=p.traject.leerling,
        omschrijving=f"Plaatsing stap {p.stap} beëindigd",
    )
    return p


@transaction.atomic
def plaats_definitief(
    *,
    plaatsing: InterventiePlaatsing,
    door,
    per: date,
    groep: int | None,
    toelichting: str = "",
    request=None,
) -> InterventiePlaatsing:
    """A definitive placement: enrolled at the receiving school from `per`, unenrolled at the old
    one the day before — in one transaction with recording the outcome [000, plaatsingsstroom]."""
    p = _vergrendel_plaatsing(plaatsing)
    _controleer_plaatsing_rechten(p.traject, door)
    if p.uitkomst != PlaatsingUitkomst.LOPEND:
        raise ValidationError("Alleen een lopende plaatsing wordt definitief.")
    if p.stap < PlaatsingStap.ZELFDE_BESTUUR or p.school_id is None or p.school_id == p.traject.school_id:
        raise ValidationError(
            "Een definitieve plaatsing is een plaatsing op een andere school; bij stap 1 en 2 blijft de leerling "  # noqa: E501
            "op de eigen school ingeschreven [000]."
        )
    if per is None:
        raise ValidationError({"per": "Vul de datum van inschrijving op de ontvangende school in."})
    schrijf_in(leerling=p.traject.leerling, school=p.school, groep=groep, van=per)
    p.uitkomst = PlaatsingUitkomst.DEFINITIEF
    p.definitief_per = per
    p.uitkomst_toelichting = (toelichting or "").strip()
    p.save(update_fields=["uitkomst", "definitief_per", "uitkomst_toelichting"])
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=p,
        leerling=p.traject.leerling,
        omschrijving=f"Definitieve plaatsing stap {p.stap}: ingeschreven op de ontvangende school",
    )
    return p


# --- evaluation [000, randvoorwaarden] --------------------------------------------------------------


@transaction.atomic
def leg_evaluatie_vast(
    *,
    traject: Interventietraject,
    door,
    beginsituatie: str,
    proces: str,
    verloop: str,
    oplossing: str,
    vervolg: str = "",
    afsluiten: bool = False,
    request=None,
) -> Interventietraject:
    """Record the evaluation (beginsituatie, proces, verloop, oplossing); with `afsluiten` also close."""
    traject = vergrendel(traject)
    if traject.status != TrajectStatus.EVALUATIE:
        raise ValidationError("De evaluatie wordt vastgelegd als het traject in de fase evaluatie is.")
    if not (is_directeur_van(traject.school_id, door) or is_bestuurder_van(traject.swv_id, door)):
        raise PermissionDenied("De casusmanager of de directeur van het SWV legt de evaluatie vast [000].")
    traject.beginsituatie = (beginsituatie or "").strip()
    traject.proces = (proces or "").strip()
    traject.verloop = (verloop or "").strip()
    traject.oplossing = (oplossing or "").strip()
    traject.vervolg = (vervolg or "").strip()
    traject.save()
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=traject,
        leerling=traject.leerling,
        omschrijving="Evaluatie interventietraject vastgelegd",
    )
    if afsluiten:
        workflow.voer_overgang_uit(
            traject,
            "sluit_af",
            door=door,
            request=request,
            vergrendelen=False,
            omschrijving="Interventietraject afgesloten",
        )
    return traject
