"""The steps of the interventietraject: the term for the first meeting, the transitions and the
evaluation at closing [000; domain §11]."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from cases import workflow
from cases.interventie.models.traject import (
    Interventietraject,
    TrajectStatus,
    is_bestuurder_van,
    is_directeur_van,
)
from cases.models.audit import AuditActie
from cases.services.audit import log
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
