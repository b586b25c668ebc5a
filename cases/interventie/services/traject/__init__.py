"""The one write path for interventietrajecten [000; 003; domain §8].

Every function is keyword-only and atomic, locks the traject first, checks the role through the
transition's own `permission=` (or the same rule for non-transition writes), refuses in Dutch,
and leaves an audit row. The verzuim app calls `start_interventie_prompt` when it registers a
schorsing or verwijdering."""

# The write path lives in modules by sub-topic: levensloop.py (the steps of the traject, the
# first-meeting term and the evaluation), aanmelding.py (aanmelding and criteria), team.py,
# bijeenkomsten.py (meetings and agreements) and plaatsing.py (the plaatsingsstroom). This package
# exports them all, so `from cases.interventie.services import traject as svc` keeps working.

# The pages ask these role rules through `svc`, as before the split.
from cases.interventie.models.traject import is_bestuurder_van, is_directeur_van, is_schoolteam_van
from cases.interventie.services.traject.aanmelding import (
    CRITERIA_VELDEN,
    controleer_criteria,
    leg_criteria_vast,
    meld_aan,
    start_interventie_prompt,
)
from cases.interventie.services.traject.bijeenkomsten import (
    BIJEENKOMST_VELDEN,
    houd_bijeenkomst,
    plan_bijeenkomst,
    rond_afspraak_af,
    voeg_afspraak_toe,
    werk_bijeenkomst_bij,
)
from cases.interventie.services.traject.levensloop import (
    EERSTE_BIJEENKOMST,
    OVERGANGEN,
    leg_evaluatie_vast,
    open_termijn,
    start_termijn_eerste_bijeenkomst,
    voer_overgang_uit,
)
from cases.interventie.services.traject.plaatsing import (
    beeindig_plaatsing,
    ontbrekende_stappen,
    plaats_definitief,
    registreer_plaatsing,
)
from cases.interventie.services.traject.team import (
    verwijder_teamlid,
    voeg_teamlid_toe,
)

__all__ = [
    "is_bestuurder_van",
    "is_directeur_van",
    "is_schoolteam_van",
    "BIJEENKOMST_VELDEN",
    "CRITERIA_VELDEN",
    "EERSTE_BIJEENKOMST",
    "OVERGANGEN",
    "beeindig_plaatsing",
    "controleer_criteria",
    "houd_bijeenkomst",
    "leg_criteria_vast",
    "leg_evaluatie_vast",
    "meld_aan",
    "ontbrekende_stappen",
    "open_termijn",
    "plaats_definitief",
    "plan_bijeenkomst",
    "registreer_plaatsing",
    "rond_afspraak_af",
    "start_interventie_prompt",
    "start_termijn_eerste_bijeenkomst",
    "verwijder_teamlid",
    "voeg_afspraak_toe",
    "voeg_teamlid_toe",
    "voer_overgang_uit",
    "werk_bijeenkomst_bij",
]
