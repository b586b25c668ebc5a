"""Synthetic, fictitious data at scale for the benchmarks. Bulk inserts through the ORM (so the
generator follows the models) in batches; every name is generated ("Kind 123456 Bench")."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import connection, transaction

from cases.models import (
    Gebruiker,
    Gemeente,
    Leerling,
    Regio,
    Rol,
    Samenwerkingsverband,
    School,
    Schoolbestuur,
)

LEERLINGEN_PER_SCHOOL = 250
BATCH = 5000


@dataclass
class BenchWereld:
    swv_ids: list[int] = field(default_factory=list)
    school_ids: list[int] = field(default_factory=list)
    users: dict[str, int] = field(default_factory=dict)  # role slug -> user id (in the first SWV)
    eerste_school_id: int = 0
    eerste_regio_id: int = 0
    leerlingen: int = 0


def _brin(n: int) -> str:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return f"{n // 676 % 100:02d}{letters[n // 26 % 26]}{letters[n % 26]}"


def bestaande_wereld() -> BenchWereld | None:
    if not Samenwerkingsverband.objects.filter(code__startswith="BENCH").exists():
        return None
    w = BenchWereld()
    w.swv_ids = list(
        Samenwerkingsverband.objects.filter(code__startswith="BENCH")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    w.school_ids = list(
        School.objects.filter(swv_id__in=w.swv_ids).order_by("pk").values_list("pk", flat=True)
    )
    w.users = dict(Gebruiker.objects.filter(username__startswith="bench_").values_list("username", "pk"))
    w.users = {k.removeprefix("bench_"): v for k, v in w.users.items()}
    eerste = School.objects.get(pk=w.school_ids[0])
    w.eerste_school_id, w.eerste_regio_id = eerste.pk, eerste.regio_id
    w.leerlingen = Leerling.objects.count()
    return w


@transaction.atomic
def bouw(n_leerlingen: int) -> BenchWereld:
    n_swv = 1 if n_leerlingen <= 100_000 else 10
    n_scholen = max(8, n_leerlingen // LEERLINGEN_PER_SCHOOL)
    w = BenchWereld()
    brin_n = 0
    scholen_per_swv = n_scholen // n_swv
    for s in range(n_swv):
        swv = Samenwerkingsverband.objects.create(naam=f"Bench-SWV {s}", code=f"BENCH {s:02d}")
        w.swv_ids.append(swv.pk)
        regios = [Regio.objects.create(swv=swv, naam=f"Benchregio {s}-{r}") for r in range(4)]
        gemeenten = [Gemeente.objects.create(swv=swv, naam=f"Benchgemeente {s}-{g}") for g in range(8)]
        besturen = [
            Schoolbestuur.objects.create(
                swv=swv, naam=f"Benchbestuur {s}-{b}", bestuursnummer=f"{70000 + s * 20 + b}"
            )
            for b in range(12)
        ]
        scholen = []
        for i in range(scholen_per_swv):
            soort = "bao" if i % 10 < 8 else ("sbo" if i % 10 == 8 else "so")
            scholen.append(
                School(
                    swv=swv,
                    bestuur=besturen[i % 12],
                    regio=regios[i % 4],
                    gemeente=gemeenten[i % 8],
                    naam=f"Benchschool {s}-{i}",
                    brin=_brin(brin_n),
                    vestiging=f"{brin_n // 67600:02d}",
                    soort=soort,
                    so_cluster=4 if soort == "so" else None,
                )
            )
            brin_n += 1
        School.objects.bulk_create(scholen, batch_size=BATCH)
    w.school_ids = list(
        School.objects.filter(swv_id__in=w.swv_ids).order_by("pk").values_list("pk", flat=True)
    )
    scholen_swv = dict(School.objects.filter(pk__in=w.school_ids).values_list("pk", "swv_id"))
    eerste = School.objects.get(pk=w.school_ids[0])
    w.eerste_school_id, w.eerste_regio_id = eerste.pk, eerste.regio_id

    # Users: one per role in the first SWV (role scope: first school / its regio / its gemeente).
    swv0 = w.swv_ids[0]
    for soort in [
        "leerkracht",
        "ib",
        "directeur",
        "sc",
        "cjk",
        "sll",
        "tla",
        "deskundige",
        "bestuurder",
        "lpa",
        "beheer",
    ]:
        u = Gebruiker.objects.create(username=f"bench_{soort}", first_name="Bench", last_name=soort)
        u.set_password("bench-wachtwoord")
        u.save(update_fields=["password"])
        plaats = {}
        if soort in ("leerkracht", "ib", "directeur"):
            plaats["school_id"] = eerste.pk
        elif soort in ("sc", "cjk"):
            plaats["regio_id"] = eerste.regio_id
        elif soort == "lpa":
            plaats["gemeente_id"] = eerste.gemeente_id
        Rol.objects.create(
            gebruiker=u,
            soort=soort,
            swv_id=swv0,
            groepen="4,5" if soort == "leerkracht" else "",
            discipline="orthopedagoog" if soort == "deskundige" else "",
            **plaats,
        )
        w.users[soort] = u.pk

    # Leerlingen, each enrolled at one school (denormalised current school as the service does).
    start = date(2024, 8, 19)
    for begin in range(0, n_leerlingen, BATCH):
        rij = []
        for i in range(begin, min(begin + BATCH, n_leerlingen)):
            school_id = w.school_ids[i % len(w.school_ids)]
            groep = 1 + i % 8
            rij.append(
                Leerling(
                    swv_id=scholen_swv[school_id],
                    voornaam=f"Kind{i}",
                    achternaam=f"Bench {i:07d}",
                    geboortedatum=date(2021 - groep, 1 + i % 12, 1 + i % 28),
                    huidige_school_id=school_id,
                    huidige_groep=groep,
                )
            )
        Leerling.objects.bulk_create(rij, batch_size=BATCH)
    with connection.cursor() as c:
        c.execute(
            "INSERT INTO cases_inschrijving (leerling_id, school_id, groep, van, tot) "
            "SELECT id, huidige_school_id, huidige_groep, %s, NULL "
            "FROM cases_leerling WHERE swv_id = ANY(%s)",
            [start, w.swv_ids],
        )
        c.execute(
            "INSERT INTO cases_ouder (leerling_id, naam, relatie, gezag, ontvangt_brieven, adres, "
            "postcode_plaats, telefoon, email) "
            "SELECT id, 'Ouder ' || achternaam, 'ouder', true, true, 'Benchstraat 1', "
            "'9999 ZZ Benchstad', '', '' FROM cases_leerling WHERE swv_id = ANY(%s)",
            [w.swv_ids],
        )
    w.leerlingen = n_leerlingen
    return w
