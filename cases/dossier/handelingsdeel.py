"""The handelingsdeel of one OPP version as one canonical text, and its SHA-256 [issue 17; 002 L742,
bijlage 3.8.1 L1250 'Schriftelijk akkoord'].

What an ouder signs digitally is exactly this: the fields of part 2 of the OPP (HANDELINGSDEEL
below, in this order) plus the OPP id, the leerling id and the version number, serialised as
JSON with sorted keys, no whitespace (separators "," and ":"), non-ASCII kept (ensure_ascii=False),
encoded as UTF-8. The factors A–G (JSON) are included as stored, with empty values dropped so
that "not filled in" has one form. Not included: the zienswijze and the school's signature (they
are next to the handelingsdeel, not its content). A vastgesteld version never changes, so the
hash a signature stored can be recomputed and compared at any time."""

from __future__ import annotations

import hashlib
import json

from cases.dossier.models.opp import FACTOREN, OPP

HANDELINGSDEEL: tuple[str, ...] = (
    "afwijking_programma",
    "vervangende_doelen",
    "afwijking_onderwijstijd",
    "doelen_school",
    "ondersteuningsbehoeften_leerkracht",
    "doelen_kind",
    "begeleiding_kind",
    "begeleiding_door",
    "onderwijsbehoeften",
    "zorgbehoeften",
    "doelen_ouders",
    "ondersteuningsbehoeften_ouders",
)
SERIALISATIE = "passend-handelingsdeel-v1"


def _factoren(plan: OPP) -> dict[str, dict[str, str]]:
    uit: dict[str, dict[str, str]] = {}
    for code, _titel, _toelichting, velden in FACTOREN:
        waarden = {s: plan.factor(code, s) for s, _label in velden if plan.factor(code, s)}
        if waarden:
            uit[code] = waarden
    return uit


def canoniek(plan: OPP) -> bytes:
    """The bytes that are hashed (see the module docstring)."""
    inhoud = {
        "serialisatie": SERIALISATIE,
        "opp": plan.pk,
        "leerling": plan.leerling_id,
        "versie": plan.versie,
        "velden": {veld: getattr(plan, veld) or "" for veld in HANDELINGSDEEL},
        "factoren": _factoren(plan),
    }
    return json.dumps(inhoud, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def sha256(plan: OPP) -> str:
    return hashlib.sha256(canoniek(plan)).hexdigest()
