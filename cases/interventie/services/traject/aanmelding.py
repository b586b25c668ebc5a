"""Aanmelding of an interventietraject and its criteria, also as a prompt after a schorsing or
verwijdering [000, "Criteria" en "Aanmelding"]."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from cases.interventie.models.traject import (
    Aanleiding,
    Interventietraject,
    Onderzoeksverslagen,
    TrajectStatus,
    is_directeur_van,
)
from cases.interventie.services.traject.levensloop import start_termijn_eerste_bijeenkomst
from cases.models import Leerling, Rol
from cases.models.audit import AuditActie
from cases.models.organisaties import SchoolSoort
from cases.models.rollen import RolSoort
from cases.services.audit import log
from cases.workflow import vergrendel

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
