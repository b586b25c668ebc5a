"""Kinds of term of verzuim/, registered with the shared Termijn machinery so that the daily sweep
notifies the responsible people [domain §11; cases/termijnen/models/termijnen.py]."""

from __future__ import annotations

from cases.models.rollen import RolSoort
from cases.termijnen.models.termijnen import SoortDefinitie, registreer_soort

MELDING_16_UUR = "verzuim_melding_16uur"
BESLISTERMIJN_BEZWAAR_VERWIJDERING = "verwijdering_beslistermijn_bezwaar"

registreer_soort(
    SoortDefinitie(
        code=MELDING_16_UUR,
        label="Verzuimmelding 16 uur",
        basis="Leerplichtwet art. 21a: 16 uur ongeoorloofd verzuim in 4 lesweken onverwijld melden bij de "
        "leerplichtambtenaar; de inspectie leest: binnen 5 werkdagen",
        start_omschrijving="het bereiken van 16 uur ongeoorloofd verzuim",
        werkdagen=5,
        atw=False,
        rollen=(RolSoort.IB, RolSoort.DIRECTEUR),
    )
)
registreer_soort(
    SoortDefinitie(
        code=BESLISTERMIJN_BEZWAAR_VERWIJDERING,
        label="Beslissen op bezwaar tegen verwijdering",
        basis="binnen 4 weken beslissen op het bezwaar tegen een verwijdering (openbaar: na afloop van de "
        "bezwaartermijn; bijzonder, WPO art. 63: na ontvangst van het bezwaarschrift) [004 §3]",
        start_omschrijving="het einde van de bezwaartermijn of de ontvangst van het bezwaar",
        weken=4,
        rollen=(RolSoort.DIRECTEUR,),
    )
)
