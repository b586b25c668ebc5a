"""Models of the TLV app [002 bijlage 3.11.1, 3.11.2; domain §6]."""

from .aanvraag import TLVAanvraag
from .advies import (
    Advies,
    BelangenConflict,
    Besluit,
    Eindadvies,
    Periode,
    Strekking,
    TLAVergadering,
    Toewijzing,
)
from .besluit import (
    SC_VRAGEN,
    TLV,
    Bezwaar,
    BezwaarUitkomst,
    Handtekening,
    Opschorting,
    Overgang,
    ScOordeel,
    Verdaging,
)
from .herindicatie import GesprekUitkomst, Herindicatiegesprek
from .keuzes import HerindicatieOptie, Schoolsoort, Soort, Status
from .ouders import OuderHandtekeningAanvraag, ZienswijzeAanvraag

__all__ = [
    "SC_VRAGEN",
    "TLV",
    "Advies",
    "BelangenConflict",
    "Besluit",
    "Bezwaar",
    "BezwaarUitkomst",
    "Eindadvies",
    "GesprekUitkomst",
    "Handtekening",
    "Herindicatiegesprek",
    "HerindicatieOptie",
    "Opschorting",
    "OuderHandtekeningAanvraag",
    "Overgang",
    "Periode",
    "ScOordeel",
    "Schoolsoort",
    "Soort",
    "Status",
    "Strekking",
    "TLAVergadering",
    "TLVAanvraag",
    "Toewijzing",
    "Verdaging",
    "ZienswijzeAanvraag",
]
