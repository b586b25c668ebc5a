"""Everything the core app plugs into the shared registries, in one place; imported by
CasesConfig.ready(). Each app has such a module (tlv/, zorgplicht/, verzuim/registraties.py):

* menu items (cases/navigatie.py: `registreer_nav`),
* "Mijn werk" panels (`paneel`; panels with the same volgorde are shown in registration order),
* dossier-timeline providers (cases/tijdlijn.py: `registreer_tijdlijn`),
* kinds of Termijn (cases/termijnen/models/termijnen.py: `registreer_soort`).

The functions registered here live with their sub-domain; this module only names them.
"""

from __future__ import annotations

from cases.dossier import selectors as dossier_selectors
from cases.dossier.views.dossier import ib_mijn_werk
from cases.dossier.views.leerlingen import LEERLING_LEZERS
from cases.interventie import selectors as interventie_selectors
from cases.interventie.models.traject import EERSTE_BIJEENKOMST_BASIS
from cases.interventie.services.traject import EERSTE_BIJEENKOMST
from cases.interventie.views.arrangementen import LEZERS, paneel_arrangementen
from cases.interventie.views.traject import (
    paneel_casusmanager,
    paneel_mijn_afspraken,
    paneel_nieuwe_meldingen,
)
from cases.models.rollen import SCHOOLLEIDING, SWV_REGIE, RolSoort
from cases.navigatie import paneel, registreer_nav
from cases.onderinstroom import selectors as onderinstroom_selectors
from cases.onderinstroom.models.arrangement import BRON as OVERGANG_BRON
from cases.onderinstroom.models.arrangement import EVALUATIE_TERMIJN
from cases.onderinstroom.views import paneel_overgangsarrangementen
from cases.onderinstroom.views.kind import LEZERS as ONDERINSTROOM_LEZERS
from cases.ouderportaal.views.documenten_staf import paneel_ouderdocumenten
from cases.termijnen.lopend import LEZERS as TERMIJN_LEZERS
from cases.termijnen.models.termijnen import SoortDefinitie, registreer_soort
from cases.termijnen.views import termijnen_paneel
from cases.tijdlijn import registreer_tijdlijn
from cases.views.brieven import VERZENDERS, paneel_brieven_versturen
from cases.views.home import werkgebied

# --- menu ----------------------------------------------------------------------------------------

registreer_nav("Mijn werk", "home", volgorde=0)
registreer_nav("Arrangementen", "arrangement_lijst", rollen=list(LEZERS), volgorde=45)
registreer_nav("Leerlingen", "leerling_lijst", rollen=LEERLING_LEZERS, volgorde=10)
registreer_nav("Auditlog", "audit_zoeken", rollen=[RolSoort.BEHEERDER], volgorde=90)
registreer_nav("Beheer", "beheer:overzicht", rollen=[RolSoort.BEHEERDER], volgorde=91)
registreer_nav(
    "Interventietrajecten",
    "interventie_lijst",
    rollen=SCHOOLLEIDING | SWV_REGIE,
    volgorde=40,
)
registreer_nav("Interventies afgesloten", "interventie_overzicht", rollen=SWV_REGIE, volgorde=41)
registreer_nav("Onderinstroom", "onderinstroom_lijst", rollen=ONDERINSTROOM_LEZERS, volgorde=42)
registreer_nav("Termijncalculator", "termijnen:calculator", volgorde=80)
registreer_nav("Meldingen", "termijnen:meldingen", volgorde=85)
registreer_nav("Lopende termijnen", "termijnen:lopend", rollen=TERMIJN_LEZERS, volgorde=84)
registreer_nav("Brieven versturen", "brieven_versturen", rollen=VERZENDERS, volgorde=86)

# --- "Mijn werk" ---------------------------------------------------------------------------------

paneel(paneel_arrangementen)
paneel(ib_mijn_werk)
paneel(paneel_mijn_afspraken)
paneel(paneel_nieuwe_meldingen)
paneel(paneel_casusmanager)
paneel(paneel_overgangsarrangementen)
paneel(termijnen_paneel)
paneel(werkgebied)
paneel(paneel_brieven_versturen)
paneel(paneel_ouderdocumenten)

# --- the dossier timeline ------------------------------------------------------------------------

registreer_tijdlijn("interventie", volgorde=45)(interventie_selectors.traject_items)
registreer_tijdlijn("arrangementen", volgorde=46)(interventie_selectors.arrangement_items)
registreer_tijdlijn("onderinstroom", volgorde=47)(onderinstroom_selectors.tijdlijn_items)
registreer_tijdlijn("ot", volgorde=10)(dossier_selectors.ot_items)
registreer_tijdlijn("opp", volgorde=20)(dossier_selectors.opp_items)
registreer_tijdlijn("opp_akkoord", volgorde=25)(dossier_selectors.akkoord_items)
registreer_tijdlijn("documenten", volgorde=30)(dossier_selectors.document_items)

# --- kinds of term -------------------------------------------------------------------------------

# The one-week norm for the interventieteam's first meeting [000; domain §11]. A service norm of
# the SWV: the Algemene termijnenwet does not apply.
registreer_soort(
    SoortDefinitie(
        code=EERSTE_BIJEENKOMST,
        label="Eerste bijeenkomst interventieteam",
        basis=EERSTE_BIJEENKOMST_BASIS,
        start_omschrijving="de melding",
        weken=1,
        atw=False,
        rollen=(RolSoort.DIRECTEUR, RolSoort.BESTUURDER),
    )
)

# The evaluation of an overgangsarrangement, due at its end: start + 6 calendar months [002 L807].
# A duration agreed by the SWV, not an Awb term: the Algemene termijnenwet does not move it. The
# service passes the days (the months differ in length); the school and the SC are reminded.
registreer_soort(
    SoortDefinitie(
        code=EVALUATIE_TERMIJN,
        label="Evaluatie overgangsarrangement",
        basis=f"Na 6 maanden overgangsarrangement: kan de school bieden wat nodig is? {OVERGANG_BRON}",
        start_omschrijving="de start van het overgangsarrangement",
        atw=False,
        rollen=(RolSoort.IB, RolSoort.DIRECTEUR, RolSoort.SC),
    )
)
