"""The role × URL permission matrix. Each module here (one per app) defines

    MATRIX: dict[str, Toegang]

keyed by URL name (with namespace, as in `reverse`). tests/test_permission_matrix.py fails when a
URL of the project has no entry, and walks every role of the `world` fixture over every entry.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

ALLE_ROLLEN = frozenset(
    {"leerkracht", "ib", "directeur", "sc", "cjk", "sll", "tla", "deskundige", "bestuurder", "lpa", "beheer"}
)


@dataclass(frozen=True)
class Toegang:
    """Who may open a URL. `ok`: role slugs answered with `ok_status`; every other logged-in role
    gets `geweigerd` (403 for a page outside the role, 404 for an object outside the scope).
    `kwargs(world)` builds the URL arguments; `publiek`: reachable without logging in."""

    ok: frozenset[str]
    geweigerd: int = 403
    kwargs: Callable[[Any], dict] | None = None
    publiek: bool = False
    ok_status: int = 200
    methode: str = "get"


@dataclass(frozen=True)
class Situatie:
    """One URL in a situation that changes the answer (a pupil who left the school, a closed
    traject) [issue 14]. `ok` get `ok_status`; `niet_gevonden` get 404 (the role fits the page but
    the object is no longer theirs); every other logged-in role gets `geweigerd`."""

    url: str
    kwargs: Callable[[Any], dict]
    ok: frozenset[str]
    niet_gevonden: frozenset[str] = frozenset()
    geweigerd: int = 403
    ok_status: int = 200
    methode: str = "get"


def alle_situaties() -> dict[str, Situatie]:
    situaties: dict[str, Situatie] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for naam, situatie in getattr(module, "SITUATIES", {}).items():
            assert naam not in situaties, f"Situatie {naam} staat in twee matrixbestanden"
            situaties[naam] = situatie
    return situaties


def alle_entries() -> dict[str, Toegang]:
    entries: dict[str, Toegang] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for naam, toegang in getattr(module, "MATRIX", {}).items():
            assert naam not in entries, f"URL {naam} staat in twee matrixbestanden"
            entries[naam] = toegang
    return entries
