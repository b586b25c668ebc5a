"""Who may take a step of the interventietraject: the `permission=` rules of its transitions and
the words a refusal is explained in [000]."""

from __future__ import annotations

from cases.models.rollen import SCHOOLLEIDING, RolSoort
from cases.workflow import Weigerteksten

# A refused transition is explained by cases.workflow.weigerredenen in these words.
WEIGERTEKSTEN = Weigerteksten(inleiding="Deze stap kan nog niet: ")


def _rollen(user):
    from cases.scope import scope_for

    return scope_for(user)


def is_directeur_van(school_id: int, user) -> bool:
    scope = _rollen(user)
    return scope.alles or any(
        r.soort == RolSoort.DIRECTEUR and r.school_id == school_id for r in scope.rollen
    )


def is_schoolteam_van(school_id: int, user) -> bool:
    scope = _rollen(user)
    return scope.alles or any(r.soort in SCHOOLLEIDING and r.school_id == school_id for r in scope.rollen)


def is_bestuurder_van(swv_id: int, user) -> bool:
    scope = _rollen(user)
    return scope.alles or any(r.soort == RolSoort.BESTUURDER and r.swv_id == swv_id for r in scope.rollen)


def mag_team_samenstellen(traject, user) -> bool:
    """De directeur van het samenwerkingsverband stelt het interventieteam samen [000, aanmelding]."""
    return is_bestuurder_van(traject.swv_id, user)


def is_casusmanager(traject, user) -> bool:
    """De directeur van de school is de casusmanager [000]."""
    return is_directeur_van(traject.school_id, user)


def casusmanager_of_swv(traject, user) -> bool:
    """De casusmanager of de directeur van het samenwerkingsverband [000]."""
    return is_directeur_van(traject.school_id, user) or is_bestuurder_van(traject.swv_id, user)


def schoolteam_van_traject(obj, user) -> bool:
    """De directeur of de intern begeleider van de school van herkomst [000, randvoorwaarden]."""
    traject = getattr(obj, "traject", obj)
    return is_schoolteam_van(traject.school_id, user)
