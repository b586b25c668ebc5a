"""Interventietraject: the flying brigade for a pupil who, mainly through behaviour, cannot
(temporarily) stay at school and risks schorsing, verwijdering or thuiszitten [000; domain §8].

The traject is one aggregate with a protected FSM status:

    aangemeld → team_samengesteld → lopend → evaluatie → afgesloten

with the criteria of seed 000 recorded on the aanmelding and checked on the way to
"team samengesteld", meetings that can only be marked held when the ouders were told beforehand
who would sit at the table (the lesson of seed 003), agreements with an owner, a deadline and a
guard, the plaatsingsstroom in seed 000's order and the evaluation at closing. Every condition is
a named method whose one-line docstring is the Dutch rule and its source: that docstring is what
a user reads when a transition is refused (`cases.workflow.weigerredenen`)."""

# The models live in modules by sub-topic: keuzes.py (the choices), rechten.py (who may take a
# step), interventietraject.py (the traject and its lifecycle), team.py, bijeenkomsten.py
# (meetings and agreements) and plaatsing.py (the plaatsingsstroom). This package exports them
# all, so `from cases.interventie.models.traject import ...` names every one of them.

from cases.interventie.models.traject.bijeenkomsten import (
    InterventieAfspraak,
    InterventieAfspraakQuerySet,
    InterventieBijeenkomst,
)
from cases.interventie.models.traject.interventietraject import (
    EERSTE_BIJEENKOMST_BASIS,
    Interventietraject,
    KindQuerySet,
    TrajectQuerySet,
)
from cases.interventie.models.traject.keuzes import (
    KERN_ROLLEN,
    Aanleiding,
    BijeenkomstStatus,
    Onderzoeksverslagen,
    PlaatsingStap,
    PlaatsingUitkomst,
    TeamRol,
    TrajectStatus,
)
from cases.interventie.models.traject.plaatsing import (
    InterventiePlaatsing,
)
from cases.interventie.models.traject.rechten import (
    WEIGERTEKSTEN,
    casusmanager_of_swv,
    is_bestuurder_van,
    is_casusmanager,
    is_directeur_van,
    is_schoolteam_van,
    mag_team_samenstellen,
    schoolteam_van_traject,
)
from cases.interventie.models.traject.team import (
    InterventieTeamlid,
)

__all__ = [
    "EERSTE_BIJEENKOMST_BASIS",
    "KERN_ROLLEN",
    "WEIGERTEKSTEN",
    "Aanleiding",
    "BijeenkomstStatus",
    "InterventieAfspraak",
    "InterventieAfspraakQuerySet",
    "InterventieBijeenkomst",
    "InterventiePlaatsing",
    "InterventieTeamlid",
    "Interventietraject",
    "KindQuerySet",
    "Onderzoeksverslagen",
    "PlaatsingStap",
    "PlaatsingUitkomst",
    "TeamRol",
    "TrajectQuerySet",
    "TrajectStatus",
    "casusmanager_of_swv",
    "is_bestuurder_van",
    "is_casusmanager",
    "is_directeur_van",
    "is_schoolteam_van",
    "mag_team_samenstellen",
    "schoolteam_van_traject",
]
