"""The leerling dossier [issue 3]: the pupil's page and everything on it.

    models/      ot.py (OT-verslag with aanwezigen, afspraken, addenda), opp.py (OPP versions and
                 the ouders' akkoord), documenten.py (uploaded documents)
    services/    the write path: ot.py, opp.py, documenten.py, leerlingen.py (gegevens, ouders,
                 who may edit a dossier)
    selectors.py the read path: the dossier page, search, the checklist step, recent OPP, and the
                 OT/OPP/document events on the timeline
    views/, forms.py, urls.py   the pages (/leerlingen/…, /ot/…, /opp/…, /documenten/…)

The Leerling, Ouder and Inschrijving models stay in cases/models/leerling.py (every app hangs its
cases on them) and enrolment in cases/services/inschrijving.py. Models load through
cases/models/__init__.py."""
