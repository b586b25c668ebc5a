"""Names and texts of the demo, and the scenario pupils of /work/shared/scenarios.md."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from cases.models import (
    Leerling,
    Samenwerkingsverband,
)
from cases.models.leerling import Geslacht

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
