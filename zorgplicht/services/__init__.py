"""The one write path of the zorgplicht, by sub-domain; every public name is importable from here."""

# Keyword-only, atomic, the aanmelding locked first, every write in the audit log, letters recorded in
# the decision's transaction and rendered after commit [conventions 'Workflow'; domain §7, §11, §12;
# 002 bijlage 2.2.1].

from zorgplicht.services.aanmelding import (
    LEERLING_VELDEN,
    OUDER_VELDEN,
    mag_aanmelden,
    registreer_aanmelding,
)
from zorgplicht.services.baobao import (
    mag_antwoorden,
    mag_baobao,
    registreer_antwoord,
    registreer_keuze_ouders,
    stel_school_voor,
)
from zorgplicht.services.basis import ZorgplichtFout
from zorgplicht.services.besluit import neem_besluit, sluit_af, zorgplicht_geldt_niet
from zorgplicht.services.onderzoek import (
    registreer_informatie_ontvangen,
    start_onderzoek,
    verleng,
    vraag_informatie,
)
from zorgplicht.services.sop import bewaar_sop, mag_sop_bewerken

__all__ = [
    "LEERLING_VELDEN",
    "OUDER_VELDEN",
    "ZorgplichtFout",
    "bewaar_sop",
    "mag_aanmelden",
    "mag_antwoorden",
    "mag_baobao",
    "mag_sop_bewerken",
    "neem_besluit",
    "registreer_aanmelding",
    "registreer_antwoord",
    "registreer_informatie_ontvangen",
    "registreer_keuze_ouders",
    "sluit_af",
    "start_onderzoek",
    "stel_school_voor",
    "verleng",
    "vraag_informatie",
    "zorgplicht_geldt_niet",
]
