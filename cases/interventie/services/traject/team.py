"""Composing the interventieteam [000, bemensing]."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from cases.interventie.models.traject import (
    InterventieTeamlid,
    Interventietraject,
    TeamRol,
    TrajectStatus,
    is_bestuurder_van,
)
from cases.interventie.services.traject.levensloop import _niet_afgesloten
from cases.models import Rol
from cases.models.audit import AuditActie
from cases.services.audit import log
from cases.workflow import vergrendel

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
