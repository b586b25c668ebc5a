"""Demo dossiers for the fictitious demo SWV (called by `manage.py demo_data --leerlingen N`).

`bouw(wereld, *, leerlingen, stdout)` creates the scenario pupils of /work/shared/scenarios.md
(Noor, Daan, Sem, Lotte, Milan, Fenna, Yara) and N further leerlingen spread over the schools,
with dossiers at every step of the checklist leerlingondersteuning: OT-verslagen (concept and
vastgesteld, start and vervolg, with afspraken — some overdue), OPP versions with the ouders'
akkoord (some older than half a year), and documents as small generated PDFs.

Idempotent: pupils are found by their natural key (swv, voornaam, achternaam, geboortedatum)
and a pupil that exists is left alone. Fast: rows are bulk-created (the demo writes history
directly instead of replaying it through the services, which would also fill the audit log).

Other apps build their cases on the scenario pupils with `demo_leerling(swv, "Noor")`.
Every name, address and text here is invented."""

# The script lives in modules, read in this order: pdf.py (the demo documents), personen.py (names,
# texts and the scenario pupils), bouwer.py (collects and bulk-creates the rows), scenarios.py (the
# dossiers of the scenario pupils), generiek.py (dossiers at every checklist step) and opbouw.py
# (the entry point `bouw`). This package exports them, so `cases.demo.inhoud` reads as before.

from cases.demo.inhoud.generiek import (
    STADIA,
)
from cases.demo.inhoud.opbouw import (
    bouw,
)
from cases.demo.inhoud.pdf import (
    mini_pdf,
)
from cases.demo.inhoud.personen import (
    ACHTERNAAM_BEGIN,
    ACHTERNAAM_EIND,
    BEVINDINGEN,
    HULPVRAGEN,
    OUDER_VOORNAMEN,
    SCENARIO_LEERLINGEN,
    VISIE_OUDERS,
    VOORNAMEN_M,
    VOORNAMEN_V,
    Scenario,
    demo_leerling,
)
from cases.demo.inhoud.scenarios import (
    SCENARIO_BOUWERS,
)

__all__ = [
    "ACHTERNAAM_BEGIN",
    "ACHTERNAAM_EIND",
    "BEVINDINGEN",
    "HULPVRAGEN",
    "OUDER_VOORNAMEN",
    "SCENARIO_BOUWERS",
    "SCENARIO_LEERLINGEN",
    "STADIA",
    "VISIE_OUDERS",
    "VOORNAMEN_M",
    "VOORNAMEN_V",
    "Scenario",
    "bouw",
    "demo_leerling",
    "mini_pdf",
]
