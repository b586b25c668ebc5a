"""The write path of the onderinstroom: keyword-only, atomic, the row locked first, every write in
the audit log. kind.py (the child, the CJK's involvement and advice, the handover to the SC),
document.py (the overdrachtsdocument), arrangement.py (the overgangsarrangement and the TLV route).
Who may do what is decided here (`rechten`), the views only ask."""

from __future__ import annotations

from cases.models.rollen import SWV_BUREAU, RolSoort
from cases.scope import scope_for


def _rollen(user, soort):
    return [r for r in scope_for(user).rollen if r.soort == soort]


def is_cjk_van(user, ond) -> bool:
    """The CJK of the onderinstroom's regio [002 L800]."""
    s = scope_for(user)
    return s.alles or any(r.regio_id == ond.regio_id for r in _rollen(user, RolSoort.CJK))


def is_sc_van(user, ond) -> bool:
    """The SC of the onderinstroom's regio or of the school van aanmelding's regio [002 L804]."""
    s = scope_for(user)
    regios = {ond.regio_id}
    if ond.school_van_aanmelding_id:
        regios.add(ond.school_van_aanmelding.regio_id)
    return s.alles or any(r.regio_id in regios for r in _rollen(user, RolSoort.SC))


def is_school_van(user, ond) -> bool:
    """IB'er or directeur of the school van aanmelding."""
    s = scope_for(user)
    if s.alles:
        return True
    return bool(ond.school_van_aanmelding_id) and any(
        r.school_id == ond.school_van_aanmelding_id
        for r in s.rollen
        if r.soort in (RolSoort.IB, RolSoort.DIRECTEUR)
    )


def is_swv_bureau(user, ond) -> bool:
    s = scope_for(user)
    return s.alles or any(r.swv_id == ond.swv_id for r in s.rollen if r.soort in SWV_BUREAU)
