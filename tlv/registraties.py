"""Everything the TLV app plugs into the core's registries, in one place; imported by
TlvConfig.ready() (see cases/registraties.py for the kinds of registry)."""

from __future__ import annotations

from cases.models.rollen import BOVENSCHOOLS, SCHOOLLEIDING, SWV_BUREAU, RolSoort
from cases.navigatie import paneel, registreer_nav
from cases.termijnen.models.termijnen import SoortDefinitie, TermijnSoort, registreer_soort
from cases.tijdlijn import registreer_tijdlijn
from tlv.navigatie import tlv_tijdlijn, tlv_werk

# --- menu ----------------------------------------------------------------------------------------

registreer_nav(
    "TLV-aanvragen",
    "tlv:lijst",
    rollen=SCHOOLLEIDING | BOVENSCHOOLS,
    volgorde=20,
)
registreer_nav("Ter ondertekening", "tlv:ter_ondertekening", rollen=[RolSoort.BESTUURDER], volgorde=21)
registreer_nav("TLA", "tlv:tla_werklijst", rollen=[RolSoort.TLA], volgorde=21)
registreer_nav(
    "TLA-vergaderingen",
    "tlv:vergaderingen",
    rollen=[RolSoort.TLA, RolSoort.SLL, RolSoort.BESTUURDER],
    volgorde=22,
)
registreer_nav("Mijn aanvragen", "tlv:mijn_aanvragen", rollen=[RolSoort.DESKUNDIGE], volgorde=20)
registreer_nav(
    "Herindicaties",
    "tlv:herindicaties",
    rollen=[RolSoort.SLL, RolSoort.SC, RolSoort.TLA, RolSoort.IB, RolSoort.DIRECTEUR],
    volgorde=23,
)
registreer_nav(
    "Doorlooptijden", "tlv:doorlooptijden", rollen=[RolSoort.SLL, RolSoort.BESTUURDER], volgorde=24
)
registreer_nav("TLV-register", "tlv:register", rollen=SWV_BUREAU, volgorde=25)  # [issue 16.8]

# --- "Mijn werk" and the dossier timeline --------------------------------------------------------

paneel(tlv_werk)
registreer_tijdlijn("tlv", volgorde=40)(tlv_tijdlijn)

# --- kinds of term: the Termijn records tlv/termijnregistratie.py keeps for the daily sweep ------

registreer_soort(
    SoortDefinitie(
        code=TermijnSoort.TLV_BESLISTERMIJN,
        label="Beslistermijn TLV-aanvraag",
        basis="art. 4:13 Awb (8 weken na ontvangst), opschorting art. 4:15 Awb, "
        "verdaging art. 4:14 lid 3 Awb",
        start_omschrijving="ontvangst van de aanvraag",
        weken=8,
        rollen=(RolSoort.SLL, RolSoort.TLA),
        opschortbaar=True,
        max_verlenging_weken=None,
    )
)
registreer_soort(
    SoortDefinitie(
        code=TermijnSoort.BEZWAARTERMIJN,
        label="Bezwaartermijn",
        basis="art. 6:7 en 6:8 Awb (6 weken na de dag van bekendmaking van het besluit)",
        start_omschrijving="verzending van het besluit",
        weken=6,
        rollen=(RolSoort.SLL,),
    )
)
registreer_soort(
    SoortDefinitie(
        code=TermijnSoort.BESLISTERMIJN_BEZWAAR,
        label="Beslistermijn op bezwaar",
        basis="art. 7:10 Awb (6 weken na afloop van de bezwaartermijn, 12 weken met een adviescommissie; "
        "eenmaal 6 weken verdaging)",
        start_omschrijving="het einde van de bezwaartermijn",
        weken=6,
        rollen=(RolSoort.SLL, RolSoort.BESTUURDER),
        max_verlenging_weken=6,
    )
)
registreer_soort(
    SoortDefinitie(
        code=TermijnSoort.ONTVANGSTBEVESTIGING_BEZWAAR,
        label="Ontvangstbevestiging bezwaar",
        basis="ontvangst bevestigen binnen 5 werkdagen [002 §1.12]",
        start_omschrijving="ontvangst van het bezwaarschrift",
        werkdagen=5,
        rollen=(RolSoort.SLL,),
    )
)
