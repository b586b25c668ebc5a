"""The "Mijn werk" panels of the interventietraject (registered in cases/registraties.py)."""

from __future__ import annotations

from cases.interventie import selectors as sel
from cases.models.rollen import RolSoort
from cases.navigatie import Paneel

# --- "Mijn werk" panels (registered in cases/registraties.py) ----------------------------------------


def paneel_mijn_afspraken(user, scope) -> Paneel | None:
    """Agreements the user owns (and overdue ones the user guards) [003, leerpunt 7]."""
    afspraken = sel.mijn_afspraken(user)
    if not afspraken:
        return None
    return Paneel(
        titel="Mijn afspraken in interventietrajecten",
        template="cases/interventie/paneel_afspraken.html",
        context={"afspraken": afspraken, "user_id": user.pk},
        volgorde=20,
        aantal=sum(1 for a in afspraken if a.te_laat) or None,
    )


def paneel_nieuwe_meldingen(user, scope) -> Paneel | None:
    """The SWV's directeur: new meldingen and prompts after a schorsing/verwijdering [000]."""
    if not scope.heeft(RolSoort.BESTUURDER):
        return None
    trajecten = sel.nieuwe_meldingen(user)
    if not trajecten:
        return None
    return Paneel(
        titel="Interventieteam: nieuwe meldingen",
        template="cases/interventie/paneel_meldingen.html",
        context={"trajecten": trajecten},
        volgorde=10,
        aantal=len(trajecten),
    )


def paneel_casusmanager(user, scope) -> Paneel | None:
    """The directeur's open trajecten, with the one-week norm for the first meeting [000]."""
    if not scope.heeft(RolSoort.DIRECTEUR):
        return None
    trajecten = sel.als_casusmanager(user)
    if not trajecten:
        return None
    return Paneel(
        titel="Interventietrajecten waarvan u casusmanager bent",
        template="cases/interventie/paneel_casusmanager.html",
        context={"trajecten": trajecten},
        volgorde=15,
        aantal=sum(1 for t in trajecten if t.stand["kleur"] == "rood") or None,
    )
