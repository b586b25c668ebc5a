"""Codes of verzuim's kinds of term. Their definitions are registered with the shared Termijn
machinery in verzuim/registraties.py, so that the daily sweep notifies the responsible people
[domain §11; cases/termijnen/models/termijnen.py]."""

from __future__ import annotations

MELDING_16_UUR = "verzuim_melding_16uur"
BESLISTERMIJN_BEZWAAR_VERWIJDERING = "verwijdering_beslistermijn_bezwaar"
MELDING_MAATREGEL = "verzuim_melding_maatregel"
DUO_MELDING = "duo_melding_in_uitschrijving"
