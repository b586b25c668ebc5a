"""Generic demo dossiers, one at every step of the checklist leerlingondersteuning."""

from __future__ import annotations

import random
from datetime import timedelta

from cases.demo.inhoud.bouwer import _Bouwer, _team
from cases.demo.inhoud.personen import BEVINDINGEN, HULPVRAGEN, VISIE_OUDERS
from cases.dossier.models.ot import Status
from cases.models import (
    Leerling,
)

# --- generic dossiers at every checklist step -----------------------------------------------------------

STADIA = ["cyclus", "ot_concept", "beantwoord", "arrangement", "vervolg", "tlv", "vervolg_concept", "oud_opp"]


def _generiek(b: _Bouwer, ll: Leerling, ouders, stadium: str, rnd: random.Random):
    v = b.vandaag
    ouder_rijen = [(o.naam, o.relatie) for o in ouders]
    team = _team(ouder_rijen)
    hulpvraag = rnd.choice(HULPVRAGEN)
    tekst = {
        "hulpvraag": hulpvraag,
        "visie_ouders": rnd.choice(VISIE_OUDERS),
        "bevindingen": rnd.choice(BEVINDINGEN),
    }
    if stadium == "cyclus":
        if rnd.random() < 0.5:
            b.document(ll, soort="lvs", titel="LVS-overzicht", datum=v - timedelta(days=rnd.randint(10, 120)))
        return
    start = v - timedelta(days=rnd.randint(70, 200))
    if stadium == "ot_concept":
        b.ot(
            ll,
            soort="start",
            datum=v - timedelta(days=rnd.randint(1, 10)),
            status=Status.CONCEPT,
            hulpvraag=hulpvraag,
            aanwezigen=team[:2],
        )
        return
    if stadium == "beantwoord":
        b.ot(
            ll,
            soort="start",
            datum=start,
            uitkomst="beantwoord",
            aanwezigen=team,
            **tekst,
            afspraken=[
                (
                    "Aanpak uit het OT in het groepsplan opnemen",
                    "leerkracht",
                    start + timedelta(days=14),
                    start + timedelta(days=12),
                )
            ],
        )
        return
    uitkomst = rnd.choice(["hgo_deskundigheid", "hgo_middelen", "lokaal_team", "combinatie"])
    open_datum = v + timedelta(days=rnd.randint(-20, 30))  # some overdue, some still to come
    b.ot(
        ll,
        soort="start",
        datum=start,
        uitkomst=uitkomst,
        aanwezigen=team,
        **tekst,
        afspraken=[
            ("Handelingsadvies van de SC uitvoeren en bijhouden", "leerkracht", open_datum, None),
            (
                "Ouders informeren over de voortgang",
                "intern begeleider",
                start + timedelta(days=21),
                start + timedelta(days=20),
            ),
        ],
    )
    opp_datum = start + timedelta(days=7)
    if stadium == "oud_opp":
        opp_datum = v - timedelta(days=rnd.randint(200, 330))
    b.opp(
        ll,
        versie=1,
        datum=opp_datum,
        hulpvraag=hulpvraag,
        akkoorden=[
            (i, opp_datum + timedelta(days=2), rnd.choice(["papier", "mondeling"]))
            for i in range(len(ouders))
        ],
    )
    if stadium in ("arrangement", "oud_opp"):
        return
    vervolg = start + timedelta(days=rnd.randint(42, 60))
    if stadium == "vervolg_concept":
        b.ot(ll, soort="vervolg", datum=vervolg, status=Status.CONCEPT, hulpvraag=hulpvraag, aanwezigen=team)
        return
    tlv = stadium == "tlv"
    b.ot(
        ll,
        soort="vervolg",
        datum=vervolg,
        uitkomst="tlv" if tlv else uitkomst,
        aanwezigen=team,
        **tekst,
        gesprek_bao_bao="Met bestuur en SC is gekeken naar een andere basisschool; geen passend aanbod."
        if tlv
        else "",
        gesprek_so_sbo="Sbo past bij de leerbehoeften." if tlv else "",
        afspraken=[
            (
                "Evaluatie arrangement met ouders",
                "intern begeleider",
                vervolg + timedelta(days=30),
                None if not tlv else vervolg + timedelta(days=25),
            )
        ],
    )
    if tlv:
        b.document(ll, soort="lvs", titel="LVS-overzicht", datum=vervolg - timedelta(days=10))
        b.document(
            ll,
            soort="onderzoek",
            titel="Didactisch onderzoek",
            datum=vervolg - timedelta(days=40),
            onderzoeksdatum=vervolg - timedelta(days=45),
        )
