"""Cells for CSV and XLSX exports [issue 14]. A text that starts with =, +, -, @, a tab or a carriage
return is read by Excel and LibreOffice as a formula (`=HYPERLINK(...)` as a pupil's name becomes a
live link); it gets a leading apostrophe, as OWASP advises for CSV injection. Numbers, dates and
booleans stay what they are, so a count of -1 is still a number. Every export writes its rows
through veilige_rij()."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")


def veilige_cel(waarde: Any) -> Any:
    if isinstance(waarde, str) and waarde.startswith(FORMULE_TEKENS):
        return "'" + waarde
    return waarde


def veilige_rij(rij: Iterable[Any]) -> list[Any]:
    return [veilige_cel(w) for w in rij]
