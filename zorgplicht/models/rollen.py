"""Who may take a step on an aanmelding: the permission checks on its transitions [domain §2]."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cases.models.rollen import SCHOOLLEIDING, RolSoort

if TYPE_CHECKING:
    from zorgplicht.models.aanmelding import Aanmelding


def _rollen_op_school(aanmelding: Aanmelding, user, *soorten: str) -> bool:
    from cases.scope import scope_for

    scope = scope_for(user)
    if scope.alles:
        return True
    return any(r.soort in soorten and r.school_id == aanmelding.school_id for r in scope.rollen)


def mag_volgen(aanmelding: Aanmelding, user) -> bool:
    """Directeur or IB'er of the school of aanmelding follows the onderzoek [domain §2]."""
    return _rollen_op_school(aanmelding, user, *SCHOOLLEIDING)


def mag_beslissen(aanmelding: Aanmelding, user) -> bool:
    """The directeur decides for the schoolbestuur (zorgplicht rests with the bestuur) [002 bijlage 2.2.1 stap 2]."""  # noqa: E501
    return _rollen_op_school(aanmelding, user, RolSoort.DIRECTEUR)


def is_sc_van_regio(aanmelding: Aanmelding, user) -> bool:
    """The steunpuntcoördinator of the school's regio [002 bijlage 2.2.1 stap 7, 8]."""
    from cases.scope import scope_for

    scope = scope_for(user)
    return scope.alles or any(
        r.soort == RolSoort.SC and r.regio_id == aanmelding.school.regio_id for r in scope.rollen
    )
