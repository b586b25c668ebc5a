# Over 500 lines: one linear script of fictitious demo dossiers, read top to bottom; splitting it
# per scenario is planned with issue 15 item 2/3 (left open).
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

from __future__ import annotations

import hashlib
import random
import uuid
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from cases.dossier.models.ot import Status
from cases.models import (
    OPP,
    Aanwezige,
    Afspraak,
    Document,
    Inschrijving,
    Leerling,
    OPPAkkoord,
    OTBespreking,
    Ouder,
    Samenwerkingsverband,
    School,
)
from cases.models.leerling import Geslacht
from cases.models.organisaties import SchoolSoort

# --- a minimal PDF writer (one page of text, Helvetica), for the demo documents ---------------------


def _pdf_tekst(s: str) -> str:
    s = s.encode("latin-1", "replace").decode("latin-1")
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def mini_pdf(titel: str, regels: list[str]) -> bytes:
    """A small but valid PDF 1.4 with a title and some lines of text (correct xref table)."""
    inhoud = ["BT", "/F1 16 Tf", "56 780 Td", f"({_pdf_tekst(titel)}) Tj", "/F1 10 Tf", "0 -28 Td"]
    for regel in regels:
        inhoud += [f"({_pdf_tekst(regel)}) Tj", "0 -15 Td"]
    inhoud.append("ET")
    stroom = zlib.compress("\n".join(inhoud).encode("latin-1"))
    objecten = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stroom) + stroom + b"\nendstream",
    ]
    uit = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    posities = []
    for nr, obj in enumerate(objecten, start=1):
        posities.append(len(uit))
        uit += b"%d 0 obj\n" % nr + obj + b"\nendobj\n"
    xref = len(uit)
    uit += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objecten) + 1)
    for p in posities:
        uit += b"%010d 00000 n \n" % p
    uit += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objecten) + 1, xref)
    return bytes(uit)


# --- people and texts ---------------------------------------------------------------------------------

VOORNAMEN_M = [
    "Bram",
    "Tijn",
    "Luuk",
    "Jesse",
    "Finn",
    "Mees",
    "Siem",
    "Thijs",
    "Ravi",
    "Ilias",
    "Joep",
    "Wout",
    "Hidde",
    "Kaj",
    "Ruben",
    "Sami",
    "Olaf",
    "Gijs",
    "Teun",
    "Ayoub",
]
VOORNAMEN_V = [
    "Saar",
    "Lieke",
    "Evi",
    "Nova",
    "Tess",
    "Fleur",
    "Zoë",
    "Lina",
    "Maud",
    "Isa",
    "Roos",
    "Jade",
    "Amira",
    "Femke",
    "Nina",
    "Sanne",
    "Elin",
    "Puck",
    "Merel",
    "Ilse",
]
ACHTERNAAM_BEGIN = [
    "Brink",
    "Zand",
    "Hoek",
    "Mols",
    "Eiken",
    "Linde",
    "Berken",
    "Wilgen",
    "Heide",
    "Beuken",
    "Dal",
    "Vlier",
    "Els",
    "Hazel",
    "Ramen",
    "Kolk",
    "Vennen",
    "Esch",
]
ACHTERNAAM_EIND = [
    "horst",
    "hoeve",
    "beek",
    "kamp",
    "veld",
    "stede",
    "dijk",
    "weerd",
    "laar",
    "broek",
    "oord",
]
OUDER_VOORNAMEN = [
    "Marieke",
    "Joost",
    "Anouk",
    "Pieter",
    "Samira",
    "Kees",
    "Yvonne",
    "Ronald",
    "Fatima",
    "Erik",
    "Linda",
    "Hamid",
    "Esther",
    "Maarten",
    "Nadia",
    "Wim",
]

HULPVRAGEN = [
    "Hoe kunnen we de leerling helpen om bij rekenen de stap naar abstract werken te maken?",
    "Wat heeft de leerling nodig om zich in de groep veilig te voelen en tot leren te komen?",
    "Hoe begeleiden we de leerling bij het plannen en zelfstandig werken?",
    "Hoe kunnen we de taalontwikkeling (NT2) versnellen zonder dat de leerling afhaakt?",
    "Hoe gaan we om met de boze buien en wat helpt de leerling om te herstellen?",
    "Hoe sluit het aanbod aan bij het ontwikkelingsniveau, nu de leerling ver achterblijft bij lezen?",
]
BEVINDINGEN = [
    "De leerling heeft baat bij korte instructie, visuele ondersteuning en een vaste plek in de klas.",
    "Voorspelbaarheid en een vast aanspreekpunt geven rust; bij wisselingen loopt het vast.",
    "De leerling kan meer dan de toetsen laten zien; faalangst speelt een grote rol.",
    "Thuis en op school wordt hetzelfde gedrag gezien; samen optrekken is nodig.",
]
VISIE_OUDERS = [
    "Ouders herkennen het beeld en willen graag dat de school hulp van buiten inschakelt.",
    "Ouders maken zich zorgen over het zelfbeeld van hun kind en willen thuis meewerken.",
    "Ouders zien thuis een ander kind: ontspannen en vrolijk. Zij vragen om geduld.",
]


@dataclass
class Scenario:
    voornaam: str
    achternaam: str
    geboortedatum: date
    geslacht: str
    school: str
    groep: int | None
    van: date
    ouders: list[tuple[str, str]]  # (naam, relatie)
    eerdere_scholen: list[tuple[str, int | None, date, date]] = field(default_factory=list)
    bouwer: str = ""


SCENARIO_LEERLINGEN: dict[str, Scenario] = {
    "Noor": Scenario(
        "Noor",
        "Verhoevendijk",
        date(2018, 9, 14),
        Geslacht.MEISJE,
        "OBS De Regenboog",
        4,
        date(2022, 9, 15),
        [("Marieke Verhoevendijk", "moeder"), ("Joost Verhoevendijk", "vader")],
        bouwer="noor",
    ),
    "Daan": Scenario(
        "Daan",
        "Hoekstrabeek",
        date(2015, 11, 2),
        Geslacht.JONGEN,
        "CBS De Wegwijzer",
        6,
        date(2019, 11, 4),
        [("Anouk Hoekstrabeek", "moeder"), ("Pieter Hoekstrabeek", "vader")],
        bouwer="daan",
    ),
    "Sem": Scenario(
        "Sem",
        "Achterveldt",
        date(2022, 3, 1),
        Geslacht.JONGEN,
        "IKC De Boomgaard",
        1,
        date(2026, 6, 8),
        [("Samira Achterveldt", "moeder")],
        eerdere_scholen=[("Peuterspeelzaal 't Kwetternest", None, date(2024, 3, 4), date(2026, 6, 7))],
        bouwer="sem",
    ),
    "Lotte": Scenario(
        "Lotte",
        "Brinkhorstman",
        date(2016, 10, 21),
        Geslacht.MEISJE,
        "OBS Het Kompas",
        6,
        date(2025, 8, 25),
        [("Yvonne Brinkhorstman", "moeder"), ("Ronald Brinkhorstman", "vader")],
        eerdere_scholen=[
            ("OBS De Driesprong", 4, date(2023, 8, 21), date(2024, 10, 4)),
            ("RKBS Sint Jozef", 5, date(2024, 10, 7), date(2025, 8, 22)),
        ],
        bouwer="lotte",
    ),
    "Milan": Scenario(
        "Milan",
        "Oosterwoldt",
        date(2014, 12, 9),
        Geslacht.JONGEN,
        "CBS De Ark",
        8,
        date(2019, 1, 7),
        [("Esther Oosterwoldt", "moeder")],
        bouwer="milan",
    ),
    "Fenna": Scenario(
        "Fenna",
        "Kampstrade",
        date(2019, 10, 3),
        Geslacht.MEISJE,
        "CBS De Zaaier",
        3,
        date(2023, 10, 4),
        [("Linda Kampstrade", "moeder"), ("Erik Kampstrade", "vader")],
        bouwer="fenna",
    ),
    "Yara": Scenario(
        "Yara",
        "Smitshuysen",
        date(2017, 12, 12),
        Geslacht.MEISJE,
        "Jenaplanschool De Klimboom",
        5,
        date(2021, 12, 13),
        [("Nadia Smitshuysen", "moeder"), ("Hamid Smitshuysen", "vader")],
        bouwer="yara",
    ),
}


def demo_leerling(swv: Samenwerkingsverband, voornaam: str) -> Leerling:
    """The scenario pupil with this first name in the demo SWV (Noor, Daan, Sem, Lotte, Milan,
    Fenna, Yara). Raises Leerling.DoesNotExist when demo_data has not run."""
    s = SCENARIO_LEERLINGEN[voornaam]
    return Leerling.objects.get(
        swv=swv, voornaam=s.voornaam, achternaam=s.achternaam, geboortedatum=s.geboortedatum
    )


# --- the builder -------------------------------------------------------------------------------------


class _Bouwer:
    """Collects rows in lists and bulk-creates them in dependency order."""

    def __init__(self, wereld, vandaag: date):
        self.w = wereld
        self.vandaag = vandaag
        self.ib = wereld.gebruikers.get("ib")
        self.ots: list[tuple[OTBespreking, list[Aanwezige], list[Afspraak]]] = []
        self.opps: list[tuple[OPP, list[tuple[int, date, str]]]] = []  # (opp, [(ouder_index, datum, wijze)])
        self.docs: list[Document] = []
        self.ouders_per_leerling: dict[int, list[Ouder]] = {}
        self.pdf_cache: dict[tuple[str, str], tuple[str, int, str]] = {}

    # rows ------------------------------------------------------------------------------------------
    def ot(
        self,
        leerling,
        *,
        soort="start",
        datum,
        status=Status.VASTGESTELD,
        uitkomst="",
        hulpvraag="",
        bevindingen="",
        visie_ouders="",
        aanwezigen=(),
        afspraken=(),
        **extra,
    ):
        b = OTBespreking(
            leerling=leerling,
            soort=soort,
            status=status,
            datum=datum,
            ouders_uitgenodigd=True,
            doelen=extra.pop("doelen", "Hulpvraag verhelderen en afspraken maken over de ondersteuning."),
            hulpvraag=hulpvraag,
            visie_ouders=visie_ouders,
            bevindingen=bevindingen,
            uitkomst=uitkomst,
            visie_betrokkenen=extra.pop(
                "visie_betrokkenen", "De schoolarts ziet geen medische belemmeringen."
            ),
            vervolgafspraak=extra.pop("vervolgafspraak", "Vervolg-OT over zes tot acht weken."),
            aangemaakt_door=self.ib,
            vastgesteld_door=self.ib if status == Status.VASTGESTELD else None,
            vastgesteld_op=timezone.make_aware(datetime.combine(datum, time(16, 30)))
            if status == Status.VASTGESTELD
            else None,
            **extra,
        )
        rijen_a = [Aanwezige(naam=n, rol=r, functie=f) for n, r, f in aanwezigen]
        rijen_b = [
            Afspraak(leerling=leerling, wat=wat, wie=wie, uiterlijk=uiterlijk, afgerond_op=afgerond)
            for wat, wie, uiterlijk, afgerond in afspraken
        ]
        self.ots.append((b, rijen_a, rijen_b))

    def opp(self, leerling, *, versie, datum, status=Status.VASTGESTELD, akkoorden=(), **inhoud):
        basis = {
            "hulpvraag": inhoud.pop("hulpvraag", HULPVRAGEN[0]),
            "gezinssituatie": "Gezin met twee kinderen; beide ouders werken.",
            "swv_betrokken": "De steunpuntcoördinator is sinds het eerste OT betrokken.",
            "signalen_leerkracht": "Achterblijvende resultaten en terugtrekgedrag in de groep.",
            "signalen_ouders": "Buikpijn voor schooltijd, moeite met slapen.",
            "uitstroomprofiel": inhoud.pop("uitstroomprofiel", "vmbo_bb"),
            "uitstroomprofiel_onderbouwing": "Op basis van de LVS-gegevens van de afgelopen twee jaar en de "
            "werkhouding; de leerling profiteert van praktische opdrachten.",
            "factoren": {
                "A": {
                    "school_bevorderend": "leert goed met concreet materiaal",
                    "school_belemmerend": "werkgeheugen zwak",
                    "thuis_bevorderend": "leest graag samen",
                },
                "C": {
                    "school_bevorderend": "behulpzaam",
                    "school_belemmerend": "trekt zich terug bij drukte",
                    "thuis_belemmerend": "angstig voor nieuwe situaties",
                },
                "F": {"ouders_bevorderend": "betrokken ouders", "school_belemmerend": "weinig rust in huis"},
            },
            "doelen_school": "Dagelijks voorspelbare structuur; instructie in een kleine groep.",
            "ondersteuningsbehoeften_leerkracht": "Advies van de SC; tijd voor verlengde instructie.",
            "doelen_kind": "Vraagt zelf om hulp; maakt de rekentaak van de dag af.",
            "begeleiding_kind": "Twee keer per week verlengde instructie; vaste plek bij de instructietafel.",
            "begeleiding_door": "Leerkracht, onderwijsassistent",
            "onderwijsbehoeften": "Korte instructie, visuele ondersteuning, vooraf weten wat er komt.",
            "doelen_ouders": "Ouders oefenen thuis tien minuten per dag samen lezen.",
            "zienswijze_ouders": "Ouders zijn het eens met de doelen; zij horen elke zes weken de voortgang.",
            "school_ondertekend_door": "I. Bouwmeester, intern begeleider",
            "school_ondertekend_op": datum,
            "evaluatie": "De doelen van de vorige versie zijn deels bereikt; het rekendoel blijft staan."
            if versie > 1
            else "",
        }
        basis.update(inhoud)
        o = OPP(
            leerling=leerling,
            versie=versie,
            status=status,
            datum=datum,
            aangemaakt_door=self.ib,
            vastgesteld_door=self.ib if status == Status.VASTGESTELD else None,
            vastgesteld_op=timezone.make_aware(datetime.combine(datum, time(17, 0)))
            if status == Status.VASTGESTELD
            else None,
            **basis,
        )
        self.opps.append((o, list(akkoorden)))

    def document(self, leerling, *, soort, titel, datum, onderzoeksdatum=None, notitie=""):
        inhoud = mini_pdf(
            titel,
            [
                f"Demodocument ({soort}) – fictieve inhoud.",
                f"Datum: {datum:%d-%m-%Y}",
                "Samenwerkingsverband Vallei & Rijn PO (demo)",
            ],
        )
        naam = default_storage.save(f"documenten/demo/{uuid.uuid4().hex}.pdf", ContentFile(inhoud))
        self.docs.append(
            Document(
                leerling=leerling,
                soort=soort,
                titel=titel,
                datum=datum,
                onderzoeksdatum=onderzoeksdatum,
                notitie=notitie,
                bestand=naam,
                mimetype="application/pdf",
                grootte=len(inhoud),
                sha256=hashlib.sha256(inhoud).hexdigest(),
                geupload_door=self.ib,
            )
        )

    # flush -----------------------------------------------------------------------------------------
    def opslaan(self):
        besprekingen = OTBespreking.objects.bulk_create([b for b, _, _ in self.ots])
        aanwezigen, afspraken = [], []
        for b, (_, rijen_a, rijen_b) in zip(besprekingen, self.ots, strict=True):
            for a in rijen_a:
                a.bespreking = b
                aanwezigen.append(a)
            for a in rijen_b:
                a.bespreking = b
                if a.afgerond_op:
                    a.afgerond_door = self.ib
                afspraken.append(a)
        Aanwezige.objects.bulk_create(aanwezigen)
        Afspraak.objects.bulk_create(afspraken)
        opps = OPP.objects.bulk_create([o for o, _ in self.opps])
        akkoorden = []
        for o, (_, rijen) in zip(opps, self.opps, strict=True):
            ouders = self.ouders_per_leerling.get(o.leerling_id, [])
            for index, datum, wijze in rijen:
                if index < len(ouders) and ouders[index].gezag:
                    akkoorden.append(
                        OPPAkkoord(
                            opp=o, ouder=ouders[index], datum=datum, wijze=wijze, vastgelegd_door=self.ib
                        )
                    )
        OPPAkkoord.objects.bulk_create(akkoorden)
        Document.objects.bulk_create(self.docs)
        return len(besprekingen), len(opps), len(self.docs)


def _team(ouders: list[tuple[str, str]], leerkracht: str = "J. de Groepsleerkracht"):
    """IB'er (chair), leerkracht, the ouders and the SC at the table [domain §4]."""
    return (
        [("Ilse Bouwmeester", "ib", ""), (leerkracht, "leerkracht", "")]
        + [(naam, "ouder", relatie) for naam, relatie in ouders]
        + [("Sanne Coppelmans", "sc", "")]
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
        akkoorden=[(0, date(2025, 12, 12), "papier"), (1, date(2025, 12, 12), "mondeling")],
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


# --- entry point ---------------------------------------------------------------------------------------


def _generieke_sleutels(n: int) -> list[tuple[str, str, date, str]]:
    rnd = random.Random(20260112)
    sleutels, gezien = [], set()
    while len(sleutels) < n:
        meisje = rnd.random() < 0.5
        voornaam = rnd.choice(VOORNAMEN_V if meisje else VOORNAMEN_M)
        achternaam = rnd.choice(ACHTERNAAM_BEGIN) + rnd.choice(ACHTERNAAM_EIND)
        geboren = date(2014, 9, 1) + timedelta(days=rnd.randint(0, 8 * 365))
        if (voornaam, achternaam, geboren) in gezien:
            continue
        gezien.add((voornaam, achternaam, geboren))
        sleutels.append((voornaam, achternaam, geboren, Geslacht.MEISJE if meisje else Geslacht.JONGEN))
    return sleutels


def _groep_voor(geboren: date, vandaag: date) -> int:
    leeftijd = vandaag.year - geboren.year - ((vandaag.month, vandaag.day) < (geboren.month, geboren.day))
    return max(1, min(8, leeftijd - 3))


@transaction.atomic
def bouw(wereld, *, leerlingen: int, stdout) -> None:
    vandaag = timezone.localdate()
    swv = wereld.swv
    scholen = {s.naam: s for s in School.objects.filter(swv=swv)}
    bestaand = set(Leerling.objects.filter(swv=swv).values_list("voornaam", "achternaam", "geboortedatum"))
    b = _Bouwer(wereld, vandaag)

    nieuw: list[tuple[Leerling, list[tuple[str, str]], list, object]] = []
    # scenario pupils
    for s in SCENARIO_LEERLINGEN.values():
        if (s.voornaam, s.achternaam, s.geboortedatum) in bestaand:
            continue
        school = scholen[s.school]
        ll = Leerling(
            swv=swv,
            voornaam=s.voornaam,
            achternaam=s.achternaam,
            geboortedatum=s.geboortedatum,
            geslacht=s.geslacht,
            woonplaats=school.gemeente.naam,
            gemeente=school.gemeente,
            thuistaal="Nederlands",
            huidige_school=school,
            huidige_groep=s.groep,
        )
        inschrijvingen = [(scholen[n], g, van, tot) for n, g, van, tot in s.eerdere_scholen]
        inschrijvingen.append((school, s.groep, s.van, None))
        nieuw.append((ll, s.ouders, inschrijvingen, (SCENARIO_BOUWERS[s.bouwer],)))

    # generic pupils, spread over the regular and sbo schools
    rnd = random.Random(1412)
    doel = [sch for sch in scholen.values() if sch.soort in (SchoolSoort.BAO, SchoolSoort.SBO)]
    doel.sort(key=lambda sch: sch.brin)
    for i, (voornaam, achternaam, geboren, geslacht) in enumerate(_generieke_sleutels(leerlingen)):
        if (voornaam, achternaam, geboren) in bestaand:
            continue
        school = doel[i % len(doel)]
        groep = _groep_voor(geboren, vandaag)
        ll = Leerling(
            swv=swv,
            voornaam=voornaam,
            achternaam=achternaam,
            geboortedatum=geboren,
            geslacht=geslacht,
            woonplaats=school.gemeente.naam,
            gemeente=school.gemeente,
            thuistaal=rnd.choice(["Nederlands", "Nederlands", "Nederlands", "Arabisch", "Pools", "Turks"]),
            huidige_school=school,
            huidige_groep=groep,
        )
        ouder_achternaam = achternaam
        moeder, vader = rnd.sample(OUDER_VOORNAMEN, 2)  # two different first names
        ouders = [(f"{moeder} {ouder_achternaam}", "moeder")]
        if rnd.random() < 0.7:
            ouders.append((f"{vader} {ouder_achternaam}", "vader"))
        van = date(geboren.year + 4, geboren.month, min(geboren.day, 28))
        nieuw.append((ll, ouders, [(school, groep, van, None)], (STADIA[i % len(STADIA)], random.Random(i))))

    if not nieuw:
        stdout.write("Demo-dossiers: alle leerlingen bestonden al; niets toegevoegd.")
        return

    aangemaakt = Leerling.objects.bulk_create([ll for ll, _, _, _ in nieuw])
    ouders_rijen, inschrijving_rijen = [], []
    for ll, (_, ouders, inschrijvingen, _) in zip(aangemaakt, nieuw, strict=True):
        for naam, relatie in ouders:
            ouders_rijen.append(
                Ouder(
                    leerling=ll,
                    naam=naam,
                    relatie=relatie,
                    gezag=True,
                    ontvangt_brieven=True,
                    adres=f"Demostraat {ll.pk % 97 + 1}",
                    postcode_plaats=f"9999 DM {ll.woonplaats}",
                    telefoon="06-00000000",
                    email=f"ouder{ll.pk}@demo.example",
                )
            )
        for school, groep, van, tot in inschrijvingen:
            inschrijving_rijen.append(Inschrijving(leerling=ll, school=school, groep=groep, van=van, tot=tot))
    Ouder.objects.bulk_create(ouders_rijen)
    Inschrijving.objects.bulk_create(inschrijving_rijen)
    for o in ouders_rijen:
        b.ouders_per_leerling.setdefault(o.leerling_id, []).append(o)

    for ll, (_, _, _, bouwer) in zip(aangemaakt, nieuw, strict=True):
        ouders = b.ouders_per_leerling.get(ll.pk, [])
        if callable(bouwer[0]):
            bouwer[0](b, ll, ouders)
        else:
            _generiek(b, ll, ouders, bouwer[0], bouwer[1])
    aantal_ot, aantal_opp, aantal_doc = b.opslaan()
    stdout.write(
        f"Demo-dossiers: {len(aangemaakt)} leerlingen, {aantal_ot} OT-verslagen, {aantal_opp} OPP-versies, "
        f"{aantal_doc} documenten."
    )
