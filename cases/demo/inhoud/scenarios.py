"""The dossiers of the scenario pupils (Noor, Daan, Sem, Lotte, Milan, Fenna, Yara)."""

from __future__ import annotations

from datetime import date

from cases.demo.inhoud.bouwer import _Bouwer, _team
from cases.demo.inhoud.personen import BEVINDINGEN, HULPVRAGEN, VISIE_OUDERS
from cases.models import (
    Leerling,
)

# --- scenario dossiers ----------------------------------------------------------------------------------


def _noor(b: _Bouwer, ll: Leerling, ouders):
    team = [
        ("Ilse Bouwmeester", "ib", ""),
        ("Lotte Kraaijvanger", "leerkracht", "leerkracht groep 4"),
        ("Marieke Verhoevendijk", "ouder", "moeder"),
        ("Joost Verhoevendijk", "ouder", "vader"),
        ("Sanne Coppelmans", "sc", ""),
    ]
    b.ot(
        ll,
        soort="start",
        datum=date(2026, 1, 12),
        uitkomst="hgo_deskundigheid",
        hulpvraag="Noor is erg angstig en trekt zich terug: ze zegt bijna niets in de klas en komt niet tot "
        "leren. Hoe kan de school haar helpen zich veilig te voelen?",
        visie_ouders="Ouders zien thuis ook spanning, vooral op zondagavond. Zij willen hulp van buiten.",
        bevindingen="Noor heeft een voorspelbare dag en een vast aanspreekpunt nodig; de leerkracht vraagt "
        "handelingsadvies.",
        vervolgafspraak="OT 2 op maandag 23 februari 2026.",
        vervolg_datum=date(2026, 2, 23),
        aanwezigen=team,
        afspraken=[
            (
                "HGO-arrangement deskundigheid SWV: begeleiding van de leerkracht",
                "Sanne Coppelmans (SC)",
                date(2026, 2, 20),
                date(2026, 2, 20),
            ),
            ("Observatie in de klas door de SC", "Sanne Coppelmans (SC)", date(2026, 2, 9), date(2026, 2, 5)),
        ],
    )
    b.ot(
        ll,
        soort="vervolg",
        datum=date(2026, 2, 23),
        uitkomst="tlv",
        hulpvraag="Is de ondersteuning op De Regenboog toereikend, nu de angst ondanks het arrangement niet "
        "afneemt?",
        gesprek_bao_bao="Twee andere basisscholen in de regio (OBS Het Kompas, CBS De Zaaier) zijn gevraagd; "
        "beide kunnen de benodigde kleine, rustige setting niet bieden.",
        gesprek_gespecialiseerd="Een kleine groep met specialistische begeleiding bij angst is nodig.",
        gesprek_so_sbo="So (cluster 4) heeft de voorkeur boven sbo vanwege de intensieve begeleiding bij "
        "angst en de groepsgrootte.",
        gesprek_context="Ouders krijgen opvoedondersteuning via het lokaal team.",
        visie_ouders="Ouders steunen de aanvraag en hebben het so al bezocht.",
        bevindingen="De grens van de ondersteuning op de basisschool is bereikt.",
        vervolgafspraak="Na het besluit op de TLV-aanvraag volgt een overdrachtsgesprek.",
        aanwezigen=team,
        afspraken=[
            ("OPP actualiseren met ouders", "Ilse Bouwmeester (IB)", date(2026, 2, 27), date(2026, 2, 25)),
            (
                "TLV-aanvraag so opstellen en indienen",
                "Ilse Bouwmeester (IB)",
                date(2026, 3, 10),
                date(2026, 3, 10),
            ),
        ],
    )
    b.opp(
        ll,
        versie=1,
        datum=date(2025, 10, 6),
        hulpvraag=HULPVRAGEN[1],
        akkoorden=[(0, date(2025, 10, 8), "papier")],
    )
    b.opp(
        ll,
        versie=2,
        datum=date(2026, 2, 25),
        hulpvraag=HULPVRAGEN[1],
        uitstroomprofiel="vmbo_gt",
        akkoorden=[(0, date(2026, 2, 25), "papier"), (1, date(2026, 2, 25), "papier")],
    )
    b.document(ll, soort="lvs", titel="LVS-overzicht groep 3 en 4", datum=date(2026, 2, 20))
    b.document(
        ll,
        soort="onderzoek",
        titel="Observatieverslag steunpuntcoördinator",
        datum=date(2026, 2, 6),
        onderzoeksdatum=date(2026, 2, 5),
    )
    b.document(
        ll, soort="tlv_aanvraag", titel="TLV-aanvraagformulier so (ondertekend)", datum=date(2026, 3, 9)
    )


def _daan(b: _Bouwer, ll: Leerling, ouders):
    team = _team([("Anouk Hoekstrabeek", "moeder"), ("Pieter Hoekstrabeek", "vader")])
    b.ot(
        ll,
        soort="start",
        datum=date(2025, 10, 13),
        uitkomst="hgo_middelen",
        hulpvraag=HULPVRAGEN[0],
        visie_ouders=VISIE_OUDERS[0],
        bevindingen=BEVINDINGEN[2],
        aanwezigen=team,
        afspraken=[
            (
                "Verlengde instructie rekenen vier keer per week",
                "leerkracht groep 6",
                date(2025, 11, 1),
                date(2025, 11, 1),
            )
        ],
    )
    b.ot(
        ll,
        soort="vervolg",
        datum=date(2025, 12, 8),
        uitkomst="tlv",
        hulpvraag=HULPVRAGEN[0],
        gesprek_bao_bao="Een plaatsing op een andere basisschool is besproken met het bestuur en de SC; geen "
        "school in de regio kan de kleine groep bieden.",
        gesprek_so_sbo="Sbo: de leerbehoeften staan voorop, "
        "er is geen specialistische gedragsbegeleiding nodig.",
        visie_ouders=VISIE_OUDERS[1],
        bevindingen="De ondersteuning op school is niet toereikend gebleken.",
        aanwezigen=team,
        afspraken=[("TLV-aanvraag sbo indienen", "intern begeleider", date(2026, 1, 6), date(2026, 1, 6))],
    )
    b.opp(
        ll,
        versie=1,
        datum=date(2025, 12, 10),
        # The mother agreed in the OT (noted, no signature) and signed on paper three days later.
        akkoorden=[
            (0, date(2025, 12, 12), "papier"),
            (1, date(2025, 12, 12), "mondeling"),
            (1, date(2025, 12, 15), "papier"),
        ],
    )
    b.document(
        ll,
        soort="onderzoek",
        titel="Psychologisch onderzoek",
        datum=date(2025, 6, 20),
        onderzoeksdatum=date(2025, 6, 12),
    )
    b.document(
        ll, soort="tlv_aanvraag", titel="TLV-aanvraagformulier sbo, ondertekend", datum=date(2026, 1, 5)
    )
    # No LVS-gegevens on purpose: the SLL finds them missing (scenario 2).


def _sem(b: _Bouwer, ll: Leerling, ouders):
    b.document(
        ll,
        soort="overdracht",
        titel="Overdrachtsdocument jonge kind ('t Kwetternest)",
        datum=date(2026, 3, 2),
        notitie="De contactpersoon jonge kind is betrokken sinds Sem 3,5 jaar was.",
    )


def _lotte(b: _Bouwer, ll: Leerling, ouders):
    team = _team([("Yvonne Brinkhorstman", "moeder")])
    b.ot(
        ll,
        soort="start",
        datum=date(2025, 11, 17),
        uitkomst="combinatie",
        hulpvraag="Lotte raakt overprikkeld en ontploft plotseling als ze zich onveilig voelt. Hoe voorkomen "
        "we escalatie en hoe herstellen we daarna?",
        visie_ouders=VISIE_OUDERS[0],
        bevindingen="Een prikkelarme werkplek en een vaste time-outplek met afspraken helpen.",
        aanwezigen=team,
        afspraken=[
            (
                "Signaleringsplan opstellen met ouders",
                "intern begeleider",
                date(2025, 12, 5),
                date(2025, 12, 4),
            ),
            ("Ambulant begeleider cluster 4 aanvragen", "Sanne Coppelmans (SC)", date(2026, 1, 15), None),
        ],
    )
    b.opp(ll, versie=1, datum=date(2025, 11, 24), akkoorden=[(0, date(2025, 11, 26), "mondeling")])


def _milan(b: _Bouwer, ll: Leerling, ouders):
    team = _team([("Esther Oosterwoldt", "moeder")]) + [("L. Plichtveld", "anders", "leerplichtambtenaar")]
    b.ot(
        ll,
        soort="start",
        datum=date(2025, 12, 8),
        uitkomst="combinatie",
        hulpvraag="Milan zit sinds 3 november 2025 thuis. Wat is nodig om weer naar school te gaan?",
        visie_ouders="Moeder wil dat Milan weer naar school gaat maar krijgt hem de deur niet uit.",
        bevindingen="Er is een opbouwschema nodig met een vertrouwd persoon; jeugdhulp wordt ingeschakeld.",
        aanwezigen=team,
        afspraken=[
            ("Opbouwschema schoolgang opstellen", "intern begeleider", date(2025, 12, 19), None),
            ("Aanmelding jeugdhulp via het lokaal team", "moeder", date(2025, 12, 15), date(2025, 12, 12)),
        ],
    )


def _fenna(b: _Bouwer, ll: Leerling, ouders):
    b.document(ll, soort="lvs", titel="LVS-overzicht groep 2 en 3", datum=date(2026, 2, 2))


def _yara(b: _Bouwer, ll: Leerling, ouders):
    team = _team([("Nadia Smitshuysen", "moeder")])
    b.ot(
        ll,
        soort="start",
        datum=date(2025, 9, 15),
        uitkomst="hgo_middelen",
        hulpvraag=HULPVRAGEN[5],
        visie_ouders=VISIE_OUDERS[2],
        bevindingen=BEVINDINGEN[0],
        aanwezigen=team,
        afspraken=[
            ("Leesinterventie in de kleine groep", "leerkracht", date(2025, 10, 31), date(2025, 10, 31))
        ],
    )
    b.ot(
        ll,
        soort="vervolg",
        datum=date(2025, 11, 10),
        uitkomst="tlv",
        hulpvraag=HULPVRAGEN[5],
        gesprek_bao_bao="Niet besproken: ouders en school zien speciaal onderwijs als enige mogelijkheid.",
        gesprek_so_sbo="So, omdat de leesachterstand groot is.",
        visie_ouders=VISIE_OUDERS[0],
        bevindingen="Weinig vooruitgang in lezen.",
        aanwezigen=team,
        afspraken=[("TLV-aanvraag so indienen", "intern begeleider", date(2025, 12, 1), date(2025, 12, 1))],
    )
    b.opp(ll, versie=1, datum=date(2025, 11, 12), akkoorden=[(0, date(2025, 11, 14), "papier")])
    b.document(ll, soort="lvs", titel="LVS-overzicht lezen groep 3–5", datum=date(2025, 11, 7))


SCENARIO_BOUWERS = {
    "noor": _noor,
    "daan": _daan,
    "sem": _sem,
    "lotte": _lotte,
    "milan": _milan,
    "fenna": _fenna,
    "yara": _yara,
}
