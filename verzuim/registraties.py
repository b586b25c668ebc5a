"""Everything verzuim/ plugs into the core's registries, in one place; imported by
VerzuimConfig.ready() (see cases/registraties.py for the kinds of registry)."""

from __future__ import annotations

from cases.models.rollen import GEMEENTEGEBONDEN, SCHOOLLEIDING, SWV_REGIE, RolSoort
from cases.navigatie import paneel, registreer_nav
from cases.services.inschrijving import NA_MUTATIE
from cases.termijnen.models.termijnen import SoortDefinitie, registreer_soort
from cases.tijdlijn import registreer_tijdlijn
from verzuim.models.verantwoording import VERANTWOORDING_ROLLEN
from verzuim.navigatie import lpa_meldingen, meldplicht, thuiszitters, tijdlijn_providers
from verzuim.services.duo import duo_taak
from verzuim.termijnen import (
    BESLISTERMIJN_BEZWAAR_VERWIJDERING,
    DUO_MELDING,
    MELDING_16_UUR,
    MELDING_MAATREGEL,
)

# --- menu ----------------------------------------------------------------------------------------

registreer_nav("Verzuim", "verzuim:leerlingen", rollen=SCHOOLLEIDING, volgorde=40)
registreer_nav("Verzuimmeldingen", "verzuim:meldingen", rollen=[RolSoort.LPA], volgorde=40)
registreer_nav("Absoluut verzuim", "verzuim:absoluut_nieuw", rollen=[RolSoort.LPA], volgorde=41)
registreer_nav("Meldingen aan DUO", "verzuim:duo_meldingen", rollen=SCHOOLLEIDING, volgorde=41)
registreer_nav("Maatregelen", "verzuim:maatregelen", rollen=SWV_REGIE | GEMEENTEGEBONDEN, volgorde=42)
registreer_nav("Thuiszitters", "verzuim:thuiszitters", rollen=SWV_REGIE | GEMEENTEGEBONDEN, volgorde=44)
registreer_nav("Escalaties", "verzuim:escalaties", rollen=SWV_REGIE, volgorde=45)
registreer_nav(
    "Verantwoording besturen", "verzuim:verantwoordingen", rollen=VERANTWOORDING_ROLLEN, volgorde=47
)
registreer_nav(
    "Vrijstellingen",
    "verzuim:vrijstellingen",
    rollen=[RolSoort.LPA, RolSoort.SLL, RolSoort.BESTUURDER],
    volgorde=46,
)

# --- "Mijn werk" ---------------------------------------------------------------------------------

paneel(meldplicht)
paneel(lpa_meldingen)
paneel(thuiszitters)

# --- the dossier timeline ------------------------------------------------------------------------

meldingen_items, time_out_items, schorsing_items, verwijdering_items, thuiszitter_items = tijdlijn_providers()
registreer_tijdlijn("verzuimmeldingen", volgorde=60)(meldingen_items)
registreer_tijdlijn("time-outs", volgorde=61)(time_out_items)
registreer_tijdlijn("schorsingen", volgorde=62)(schorsing_items)
registreer_tijdlijn("verwijderingen", volgorde=63)(verwijdering_items)
registreer_tijdlijn("thuiszitters", volgorde=64)(thuiszitter_items)

# --- kinds of term -------------------------------------------------------------------------------

registreer_soort(
    SoortDefinitie(
        code=MELDING_16_UUR,
        label="Verzuimmelding 16 uur",
        basis="Leerplichtwet art. 21a: 16 uur ongeoorloofd verzuim in 4 lesweken onverwijld melden bij de "
        "leerplichtambtenaar; de inspectie leest: binnen 5 werkdagen",
        start_omschrijving="het bereiken van 16 uur ongeoorloofd verzuim",
        werkdagen=5,
        atw=False,
        rollen=SCHOOLLEIDING,
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
        max_verlenging_weken=6,  # once, announced to the ouders (Awb 7:10 lid 3) [004 L788-793]
    )
)
registreer_soort(
    SoortDefinitie(
        code=MELDING_MAATREGEL,
        label="Schorsing of verwijdering melden",
        basis="een schorsing van meer dan één dag en elke verwijdering melden bij leerplicht en inspectie "
        "[002 L287-296; 004 L618-637; WPO art. 40c]; seed en wet noemen geen termijn: het product leest "
        "'melden' als onverwijld, binnen 5 werkdagen",
        start_omschrijving="het besluit tot schorsing of verwijdering",
        werkdagen=5,
        atw=False,
        rollen=SCHOOLLEIDING,
    )
)
registreer_soort(
    SoortDefinitie(
        code=DUO_MELDING,
        label="In- of uitschrijving melden aan DUO",
        basis="in- of uitschrijving binnen 7 dagen digitaal melden aan DUO [002 L252]; Leerplichtwet art. 18",
        start_omschrijving="de datum van de in- of uitschrijving",
        dagen=7,
        rollen=SCHOOLLEIDING,
    )
)

# --- after every in- and uitschrijving: the school's DUO task [issue 16.14] ---------------------

if duo_taak not in NA_MUTATIE:
    NA_MUTATIE.append(duo_taak)
