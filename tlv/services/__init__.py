"""The one write path of the TLV app: keyword-only, @transaction.atomic service functions that lock
the aanvraag first (select_for_update), take the transition, write the audit log and queue the
letters after commit. Views call these; they never call a transition."""

from tlv.services.aanvraag import (
    dien_in,
    informatie_ontvangen,
    keur_formeel_goed,
    keur_inhoudelijk_goed,
    leg_ingangsdatum_afwijking_vast,
    leg_sc_oordeel_vast,
    maak_aanvraag,
    trek_in,
    verdaag,
    vraag_informatie,
    wijzig_aanvraag,
)
from tlv.services.basis import mogelijke_stappen
from tlv.services.besluit import onderteken, stuur_terug, tlv_gegevens
from tlv.services.bezwaar import (
    beoordeel_termijnoverschrijding,
    beslis_op_bezwaar,
    bevestig_ontvangst,
    leg_bemiddeling_vast,
    leg_landelijk_advies_vast,
    registreer_bezwaar,
    registreer_bezwaar_van_ouder,
)
from tlv.services.deskundigen import (
    agendeer,
    beeindig_toewijzingen,
    leg_tla_advies_vast,
    leg_voor,
    plan_vergadering,
    schrijf_eindadvies,
    sla_advies_op,
    stuur_eindadvies_door,
    vervang_deskundige,
    wijs_deskundigen_toe,
    zichtbare_adviezen,
)
from tlv.services.herindicatie import leg_actuele_zienswijze_vast, leg_gesprek_vast

__all__ = [
    "agendeer",
    "beeindig_toewijzingen",
    "beoordeel_termijnoverschrijding",
    "beslis_op_bezwaar",
    "bevestig_ontvangst",
    "dien_in",
    "informatie_ontvangen",
    "keur_formeel_goed",
    "keur_inhoudelijk_goed",
    "leg_actuele_zienswijze_vast",
    "leg_bemiddeling_vast",
    "leg_gesprek_vast",
    "leg_ingangsdatum_afwijking_vast",
    "leg_landelijk_advies_vast",
    "leg_sc_oordeel_vast",
    "leg_tla_advies_vast",
    "leg_voor",
    "maak_aanvraag",
    "mogelijke_stappen",
    "onderteken",
    "plan_vergadering",
    "registreer_bezwaar",
    "registreer_bezwaar_van_ouder",
    "schrijf_eindadvies",
    "sla_advies_op",
    "stuur_eindadvies_door",
    "stuur_terug",
    "tlv_gegevens",
    "trek_in",
    "verdaag",
    "vervang_deskundige",
    "vraag_informatie",
    "wijs_deskundigen_toe",
    "wijzig_aanvraag",
    "zichtbare_adviezen",
]
