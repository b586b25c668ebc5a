"""Models of verzuim/: meldingen, measures, thuiszitters, escalatie and vrijstelling [domain §10]."""

from .maatregelen import Schorsing, TimeOut, Verwijdering, Zoekpoging
from .maatregelmeldingen import MaatregelMelding
from .meldingen import Verzuimmelding, VerzuimRegistratie
from .thuiszitters import (
    Doorzettingskracht,
    Escalatie,
    EscalatieSituatie,
    EscalatieStap,
    PartijAdvies,
    Procesverslag,
    Schoolvoorstel,
    Thuiszitter,
    Vrijstellingsverzoek,
)
from .verantwoording import Verantwoording

__all__ = [
    "Doorzettingskracht",
    "Escalatie",
    "MaatregelMelding",
    "EscalatieSituatie",
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
    "Verantwoording",
    "Vrijstellingsverzoek",
    "Zoekpoging",
]
