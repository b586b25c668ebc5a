"""Pages of the interventietraject [000; 003; domain §8]. Rows come through the selectors
(filter_for_user); writes go through cases/interventie/services/traject.py; refusals are shown in Dutch."""

# The pages live in modules by sub-topic: levensloop.py (list, aanmelding, detail, criteria, team,
# steps, evaluation and overview), bijeenkomsten.py (meetings and agreements), plaatsing.py (the
# plaatsingsstroom) and panelen.py (the "Mijn werk" panels). This package exports them all, so
# cases/interventie/urls.py and cases/registraties.py name them as before.

from cases.interventie.views.traject.bijeenkomsten import (
    afspraak_afgerond,
    afspraak_nieuw,
    bijeenkomst,
    bijeenkomst_gehouden,
    bijeenkomst_nieuw,
)
from cases.interventie.views.traject.levensloop import (
    CASUS,
    LIJST_ROLLEN,
    SCHOOLTEAM,
    aanmelden,
    criteria,
    detail,
    evaluatie,
    lijst,
    overgang,
    overzicht,
    team,
    teamlid_verwijderen,
)
from cases.interventie.views.traject.panelen import (
    paneel_casusmanager,
    paneel_mijn_afspraken,
    paneel_nieuwe_meldingen,
)
from cases.interventie.views.traject.plaatsing import (
    plaatsing_beeindigen,
    plaatsing_definitief,
    plaatsing_nieuw,
)

__all__ = [
    "CASUS",
    "LIJST_ROLLEN",
    "SCHOOLTEAM",
    "aanmelden",
    "afspraak_afgerond",
    "afspraak_nieuw",
    "bijeenkomst",
    "bijeenkomst_gehouden",
    "bijeenkomst_nieuw",
    "criteria",
    "detail",
    "evaluatie",
    "lijst",
    "overgang",
    "overzicht",
    "paneel_casusmanager",
    "paneel_mijn_afspraken",
    "paneel_nieuwe_meldingen",
    "plaatsing_beeindigen",
    "plaatsing_definitief",
    "plaatsing_nieuw",
    "team",
    "teamlid_verwijderen",
]
