"""Onderinstroom: young children from the voorschoolse voorziening to school [002 L789-807,
bijlage 3.10; issue 16.10].

    models/     onderinstroom.py: the child's onderinstroom with the CJK's involvement, advice,
                school of aanmelding and handover to the SC; overdracht.py: the overdrachtsdocument
                jonge kind (the fields of bijlage 3.10); arrangement.py: the overgangsarrangement of
                six months with its evaluation
    services/   the write path of each (kind.py, document.py, arrangement.py)
    selectors.py   the read path, the dossier panel and timeline items
    views/, forms.py, urls.py   the pages (/onderinstroom/…)

The child is a Leerling like any other (not yet enrolled, or enrolled at the voorschool); models
are loaded through cases/models/__init__.py. A TLV-aanvraag is started through tlv's own service."""
