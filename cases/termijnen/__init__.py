"""Legal terms (termijnen) [domain §11, issue 4]: the one place every app counts a deadline.

Other apps import the counting rules from here, as ``from cases.termijnen import plus_werkdagen``:
the names below are the pure functions of ``rekenen.py`` (no database, no clock). The rest of the
package is the Termijn machinery built on them:

    rekenen.py    the engine: Awb, Algemene termijnenwet, zorgplicht; every step explained
    models/       Termijn, Opschorting, Notificatie, AgendaToken (termijnen.py); SchoolVakantie
    services.py   the write path: start, suspend, resume, extend, meet, stop a term
    meldingen.py  the daily sweep, the digest e-mail and the iCal token
    selectors.py  the read path: my terms, a case's terms, school years and lesweken
    views.py, forms.py, urls.py   calculator, notifications, agenda feed (under /termijnen/)

This module imports only ``rekenen``, so ``cases.models`` can load ``cases.termijnen.models``
without an import cycle.
"""

from cases.termijnen.rekenen import (
    BESLUITDAGEN,
    Berekening,
    Besluitdag,
    Opschortingsperiode,
    Verschuiving,
    atw_feestdagen,
    atw_verschuif,
    beslistermijn_bezwaar,
    bezwaartermijn_einde,
    feestdag_naam,
    formatteer_datum,
    is_atw_feestdag,
    is_werkdag,
    leerplichtig_vanaf,
    opgeschorte_dagen,
    plus_maanden,
    plus_werkdagen,
    schooljaar_begin,
    termijn_berekening,
    termijn_einde,
    tlv_beslistermijn,
    werkdagen_berekening,
    zorgplicht_einde,
)

__all__ = [
    "BESLUITDAGEN",
    "Berekening",
    "Besluitdag",
    "Opschortingsperiode",
    "Verschuiving",
    "atw_feestdagen",
    "atw_verschuif",
    "bezwaartermijn_einde",
    "beslistermijn_bezwaar",
    "feestdag_naam",
    "formatteer_datum",
    "is_atw_feestdag",
    "is_werkdag",
    "leerplichtig_vanaf",
    "opgeschorte_dagen",
    "plus_maanden",
    "plus_werkdagen",
    "schooljaar_begin",
    "termijn_berekening",
    "termijn_einde",
    "tlv_beslistermijn",
    "werkdagen_berekening",
    "zorgplicht_einde",
]
