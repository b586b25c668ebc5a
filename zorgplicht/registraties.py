"""Everything the zorgplicht plugs into the core's registries, in one place; imported by
ZorgplichtConfig.ready() (see cases/registraties.py for the kinds of registry)."""

from __future__ import annotations

from cases.models.rollen import BOVENSCHOOLS, SCHOOLLEIDING, RolSoort
from cases.navigatie import paneel, registreer_nav
from cases.termijnen.models.termijnen import SoortDefinitie, TermijnSoort, registreer_soort
from cases.tijdlijn import registreer_tijdlijn
from zorgplicht.navigatie import tijdlijn_providers, zorgplicht_aandacht

# --- menu ----------------------------------------------------------------------------------------

registreer_nav(
    "Zorgplicht",
    "zorgplicht:lijst",
    rollen=SCHOOLLEIDING | BOVENSCHOOLS,
    volgorde=30,
)
registreer_nav(
    "Zorgplicht regio",
    "zorgplicht:overzicht",
    rollen=BOVENSCHOOLS,
    volgorde=31,
)
registreer_nav("SOP's", "zorgplicht:sop_lijst", rollen=[RolSoort.SC], volgorde=32)

# --- "Mijn werk" and the dossier timeline --------------------------------------------------------

paneel(zorgplicht_aandacht)
(zorgplicht_items,) = tijdlijn_providers()
registreer_tijdlijn("zorgplicht", volgorde=35)(zorgplicht_items)

# --- kind of term: the Termijn record the zorgplicht's services keep for the daily sweep; the
# pages compute the same dates from the aanmelding (zorgplicht/termijnen.py) ----------------------

registreer_soort(
    SoortDefinitie(
        code=TermijnSoort.ZORGPLICHT,
        label="Zorgplicht",
        basis="WPO art. 40 (zorgplicht: 6 weken, eenmaal te verlengen met ten hoogste 4 weken) "
        "[002 bijlage 2.2.1]",
        start_omschrijving="ontvangst van de schriftelijke aanmelding",
        weken=6,
        rollen=(RolSoort.DIRECTEUR, RolSoort.SC),
        opschortbaar=True,
        max_verlenging_weken=4,
    )
)
