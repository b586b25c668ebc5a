"""Models of verzuim/: meldingen, measures, thuiszitters, escalatie and vrijstelling [domain §10]."""

from .maatregelen import Schorsing, TimeOut, Verwijdering, Zoekpoging
from .maatregelmeldingen import MaatregelMelding
from .meldingen import Verzuimmelding, VerzuimRegistratie
from .thuiszitters import (
    Doorzettingskracht,
    Escalatie,
    EscalatieStap,
    PartijAdvies,
    Procesverslag,
    Schoolvoorstel,
    Thuiszitter,
    Vrijstellingsverzoek,
)

__all__ = [
    "Doorzettingskracht",
    "Escalatie",
    "MaatregelMelding",
    "EscalatieStap",
    "PartijAdvies",
    "Procesverslag",
    "Schoolvoorstel",
    "Schorsing",
    "Thuiszitter",
    "TimeOut",
    "Verwijdering",
    "Verzuimmelding",
    "VerzuimRegistratie",
    "Vrijstellingsverzoek",
    "Zoekpoging",
]
