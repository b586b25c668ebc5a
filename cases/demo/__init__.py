"""The fictitious demo SWV: four regions, a dozen schoolbesturen, ~30 schools of every soort,
gemeenten with a leerplichtambtenaar, and one user per role (password "demo").

Every name, BRIN, bestuursnummer and person here is invented. Idempotent: rows are found by
their natural keys, so a second run changes nothing.

The rest of the core's demo builds on this world: inhoud/ (leerlingen and their dossiers) and
interventie/ (interventietrajecten and arrangementen); `manage.py demo_data` runs them."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from cases.models import (
    Gebruiker,
    Gemeente,
    Regio,
    Rol,
    RolSoort,
    Samenwerkingsverband,
    School,
    Schoolbestuur,
)
from cases.models.organisaties import Denominatie, SchoolSoort, VakantieRegio
from cases.models.rollen import REGIOGEBONDEN, SCHOOLGEBONDEN, Discipline

DEMO_WACHTWOORD = "demo"
DEMO_SWV_CODE = "PO 99-01"

REGIOS = {
    "Ede": ["Ede"],
    "Veenendaal/Renswoude": ["Veenendaal", "Renswoude"],
    "Barneveld/Scherpenzeel": ["Barneveld", "Scherpenzeel"],
    "Wageningen/Rhenen": ["Wageningen", "Rhenen"],
}

BESTUREN = [
    ("Stichting Openbaar Onderwijs Valleirand", "90001", Denominatie.OPENBAAR),
    ("Stichting Christelijk Onderwijs De Heuvelrug-Oost", "90002", Denominatie.BIJZONDER),
    ("Vereniging Katholiek Onderwijs Rijnoever", "90003", Denominatie.BIJZONDER),
    ("Stichting Primair Onderwijs Geldersche Beek", "90004", Denominatie.OPENBAAR),
    ("Stichting Reformatorisch Onderwijs Wouddal", "90005", Denominatie.BIJZONDER),
    ("Stichting Speciaal Onderwijs Kompaslanden", "90006", Denominatie.BIJZONDER),
    ("Stichting Scholengroep Eikenlaan", "90007", Denominatie.OPENBAAR),
    ("Vereniging Jenaplan De Brink", "90008", Denominatie.BIJZONDER),
    ("Stichting Kindcentra Heidezoom", "90009", Denominatie.OPENBAAR),
    ("Stichting Daltononderwijs Zandhoeve", "90010", Denominatie.BIJZONDER),
    ("Stichting Peuterwerk Vallei", "90011", Denominatie.BIJZONDER),
    ("Stichting Montessori Rivierduin", "90012", Denominatie.BIJZONDER),
]

# (naam, brin, soort, regio, gemeente, bestuur-index, cluster, vakantieregio)
SCHOLEN = [
    ("OBS De Regenboog", "99RA", SchoolSoort.BAO, "Ede", "Ede", 0, None),
    ("CBS De Wegwijzer", "99RB", SchoolSoort.BAO, "Veenendaal/Renswoude", "Veenendaal", 1, None),
    ("IKC De Boomgaard", "99RC", SchoolSoort.BAO, "Barneveld/Scherpenzeel", "Barneveld", 8, None),
    ("OBS Het Kompas", "99RD", SchoolSoort.BAO, "Ede", "Ede", 0, None),
    ("CBS De Zaaier", "99RE", SchoolSoort.BAO, "Ede", "Ede", 1, None),
    ("RKBS Sint Jozef", "99RF", SchoolSoort.BAO, "Wageningen/Rhenen", "Wageningen", 2, None),
    ("OBS De Driesprong", "99RG", SchoolSoort.BAO, "Wageningen/Rhenen", "Rhenen", 3, None),
    ("Jenaplanschool De Klimboom", "99RH", SchoolSoort.BAO, "Veenendaal/Renswoude", "Veenendaal", 7, None),
    ("Daltonschool Het Zonnehuis", "99RJ", SchoolSoort.BAO, "Veenendaal/Renswoude", "Renswoude", 9, None),
    ("CBS Eben-Haëzer", "99RK", SchoolSoort.BAO, "Barneveld/Scherpenzeel", "Scherpenzeel", 4, None),
    ("OBS De Vlinderhof", "99RL", SchoolSoort.BAO, "Barneveld/Scherpenzeel", "Barneveld", 6, None),
    ("Montessorischool De Rivier", "99RM", SchoolSoort.BAO, "Wageningen/Rhenen", "Wageningen", 11, None),
    ("IKC De Heidebloem", "99RN", SchoolSoort.BAO, "Ede", "Ede", 8, None),
    ("OBS De Eikenhorst", "99RP", SchoolSoort.BAO, "Ede", "Ede", 6, None),
    ("CBS Het Mosterdzaadje", "99RQ", SchoolSoort.BAO, "Veenendaal/Renswoude", "Veenendaal", 1, None),
    ("RKBS De Lindeboom", "99RR", SchoolSoort.BAO, "Wageningen/Rhenen", "Rhenen", 2, None),
    ("OBS De Zandloper", "99RS", SchoolSoort.BAO, "Barneveld/Scherpenzeel", "Barneveld", 3, None),
    ("CBS De Ark", "99RT", SchoolSoort.BAO, "Ede", "Ede", 1, None),
    ("Daltonschool De Horizon", "99RU", SchoolSoort.BAO, "Ede", "Ede", 9, None),
    ("OBS De Wilgenhoek", "99RV", SchoolSoort.BAO, "Veenendaal/Renswoude", "Veenendaal", 0, None),
    ("CBS De Fontein", "99RW", SchoolSoort.BAO, "Barneveld/Scherpenzeel", "Scherpenzeel", 4, None),
    ("IKC Het Palet", "99RX", SchoolSoort.BAO, "Wageningen/Rhenen", "Wageningen", 8, None),
    ("SBO De Brug", "99SA", SchoolSoort.SBO, "Ede", "Ede", 0, None),
    ("SBO Het Startpunt", "99SB", SchoolSoort.SBO, "Veenendaal/Renswoude", "Veenendaal", 1, None),
    ("SBO De Toekomst", "99SC", SchoolSoort.SBO, "Wageningen/Rhenen", "Wageningen", 2, None),
    ("SO De Kompasroos (cluster 4)", "99TA", SchoolSoort.SO, "Ede", "Ede", 5, 4),
    ("SO Het Baken (cluster 3)", "99TB", SchoolSoort.SO, "Barneveld/Scherpenzeel", "Barneveld", 5, 3),
    ("SO De Sterrenwacht (cluster 4)", "99TC", SchoolSoort.SO, "Veenendaal/Renswoude", "Veenendaal", 5, 4),
    (
        "Peuterspeelzaal 't Kwetternest",
        "99VA",
        SchoolSoort.VVE,
        "Barneveld/Scherpenzeel",
        "Barneveld",
        10,
        None,
    ),
    ("Kinderopvang De Speeltuin", "99VB", SchoolSoort.VVE, "Ede", "Ede", 10, None),
]

DEMO_SCHOOL = "OBS De Regenboog"
DEMO_REGIO = "Ede"
DEMO_GEMEENTE = "Ede"

# (username, voornaam, achternaam, soort, extra)
GEBRUIKERS = [
    ("ib", "Ilse", "Bouwmeester", RolSoort.IB, {}),
    ("leerkracht", "Lotte", "Kraaijvanger", RolSoort.LEERKRACHT, {"groepen": "4,5"}),
    ("directeur", "Dirk", "Teunisse", RolSoort.DIRECTEUR, {}),
    ("sc", "Sanne", "Coppelmans", RolSoort.SC, {}),
    ("cjk", "Carla", "Jonkergouw", RolSoort.CJK, {}),
    ("sll", "Sophie", "Lindeboom-Graaf", RolSoort.SLL, {}),
    ("tla", "Theo", "Aalbersberg", RolSoort.TLA, {}),
    ("deskundige1", "Dorien", "Eskes", RolSoort.DESKUNDIGE, {"discipline": Discipline.ORTHOPEDAGOOG}),
    ("deskundige2", "Daan", "Kuipershoek", RolSoort.DESKUNDIGE, {"discipline": Discipline.KINDERPSYCHIATER}),
    ("bestuurder", "Bart", "Stuurman", RolSoort.BESTUURDER, {}),
    ("lpa", "Lieke", "Plichtveld", RolSoort.LPA, {}),
    ("beheer", "Bram", "Heerkens", RolSoort.BEHEERDER, {}),
]


@dataclass
class DemoWereld:
    swv: Samenwerkingsverband
    regios: dict[str, Regio] = field(default_factory=dict)
    gemeenten: dict[str, Gemeente] = field(default_factory=dict)
    besturen: list[Schoolbestuur] = field(default_factory=list)
    scholen: dict[str, School] = field(default_factory=dict)
    gebruikers: dict[str, Gebruiker] = field(default_factory=dict)


def zorg_voor_schoolvakanties() -> None:
    """The shipped school holidays come with a data migration; a database that was emptied after
    migrating (a test's flush) gets them again here, idempotently."""
    from importlib import import_module

    from django.apps import apps

    from cases.models import SchoolVakantie

    if not SchoolVakantie.objects.exists():
        import_module("cases.migrations.0006_schoolvakanties_2025_2027").laad(apps, None)


@transaction.atomic
def bouw_organisaties() -> DemoWereld:
    zorg_voor_schoolvakanties()
    swv, _ = Samenwerkingsverband.objects.get_or_create(
        code=DEMO_SWV_CODE,
        defaults={
            "naam": "Samenwerkingsverband Vallei & Rijn PO (demo)",
            "adres": "Postbus 9901",
            "postcode_plaats": "9999 ZZ Valleistad",
            "telefoon": "0300-000000",
            "email": "leerlingenzaken@vallei-rijn.example",
            "website": "https://vallei-rijn.example",
        },
    )
    w = DemoWereld(swv=swv)
    for regio_naam, gemeenten in REGIOS.items():
        w.regios[regio_naam], _ = Regio.objects.get_or_create(swv=swv, naam=regio_naam)
        for g in gemeenten:
            w.gemeenten[g], _ = Gemeente.objects.get_or_create(swv=swv, naam=g)
    for naam, nummer, denominatie in BESTUREN:
        bestuur, _ = Schoolbestuur.objects.get_or_create(
            swv=swv, bestuursnummer=nummer, defaults={"naam": naam, "denominatie": denominatie}
        )
        w.besturen.append(bestuur)
    for naam, brin, soort, regio, gemeente, bestuur_idx, cluster in SCHOLEN:
        w.scholen[naam], _ = School.objects.get_or_create(
            brin=brin,
            vestiging="00",
            defaults={
                "swv": swv,
                "naam": naam,
                "soort": soort,
                "regio": w.regios[regio],
                "gemeente": w.gemeenten[gemeente],
                "bestuur": w.besturen[bestuur_idx],
                "so_cluster": cluster,
                "vakantieregio": VakantieRegio.MIDDEN,
                "postcode_plaats": f"9999 {brin[2:]} {gemeente}",
            },
        )
    return w


@transaction.atomic
def bouw_gebruikers(w: DemoWereld) -> None:
    school = w.scholen[DEMO_SCHOOL]
    for username, voornaam, achternaam, soort, extra in GEBRUIKERS:
        user = Gebruiker.objects.filter(username=username).first()
        if user is None:
            user = Gebruiker(
                username=username,
                first_name=voornaam,
                last_name=achternaam,
                email=f"{username}@vallei-rijn.example",
            )
            user.set_password(DEMO_WACHTWOORD)
            user.save()
        w.gebruikers[username] = user
        plaats = {"swv": w.swv}
        if soort in SCHOOLGEBONDEN:
            plaats["school"] = school
        elif soort in REGIOGEBONDEN:
            plaats["regio"] = w.regios[DEMO_REGIO]
        elif soort == RolSoort.LPA:
            plaats["gemeente"] = w.gemeenten[DEMO_GEMEENTE]
        Rol.objects.get_or_create(gebruiker=user, soort=soort, **plaats, defaults=extra)
