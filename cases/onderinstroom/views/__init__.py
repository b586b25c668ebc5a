"""Pages of the onderinstroom: kind.py (the list, a new child, the child's page and the CJK's actions),
werk.py (the overdrachtsdocument, the overgangsarrangement, the TLV route, the panels)."""

from cases.onderinstroom.views.kind import advies, detail, lijst, nieuw, overdracht
from cases.onderinstroom.views.werk import (
    afleveren,
    arrangement,
    document,
    evaluatie,
    paneel_overgangsarrangementen,
    tlv,
)

__all__ = [
    "advies",
    "afleveren",
    "arrangement",
    "detail",
    "document",
    "evaluatie",
    "lijst",
    "nieuw",
    "overdracht",
    "paneel_overgangsarrangementen",
    "tlv",
]
