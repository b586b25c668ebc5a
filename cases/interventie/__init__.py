"""The interventietraject and the arrangementen [issue 7; 000, 002 bijlage 2.4.1].

    models/     traject/: Interventietraject with its team, meetings, agreements and plaatsingen,
                one module per sub-topic;
                arrangementen.py: Arrangement and the budget per regio
    services/   the write path of each (traject/, per sub-topic; arrangementen.py)
    selectors.py   the read path of both, and their events on the dossier timeline
    views/, forms.py, urls.py   the pages (/interventie/…, /arrangementen/…)

Models are loaded through cases/models/__init__.py; other apps call `services.traject`
(e.g. verzuim starts a traject after a schorsing), never the models' transitions."""
