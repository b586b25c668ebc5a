"""Benchmark of the SLL's TLV worklist and the doorlooptijden overview with 5 000 aanvragen on
PostgreSQL [issue 5: constant queries, under 200 ms]. Builds its own database
(passend_tlv_bench) with synthetic, fictitious rows, measures in-process with Django's test
client (the whole request), and prints a Markdown section for docs/benchmarks.md.

    .venv/bin/python -m bench.bench_tlv [--aantal 5000]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import subprocess
import time
from datetime import date, timedelta

PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
DB = "passend_tlv_bench"


def _database() -> None:
    bestaat = subprocess.run(
        ["psql", f"{PG}/postgres", "-tAc", f"SELECT 1 FROM pg_database WHERE datname='{DB}'"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not bestaat:
        subprocess.run(["psql", f"{PG}/postgres", "-qc", f"CREATE DATABASE {DB}"], check=True)


def _bouw(aantal: int):
    from django.core.management import call_command

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
    from tlv.models import Opschorting, Overgang, Status, TLVAanvraag

    call_command("migrate", verbosity=0)
    swv, nieuw = Samenwerkingsverband.objects.get_or_create(
        code="PO 97-01", defaults={"naam": "SWV Benchvallei"}
    )
    sll = Gebruiker.objects.filter(username="bench_sll").first()
    if sll is None:
        sll = Gebruiker.objects.create_user("bench_sll", password="bench")
        Rol.objects.create(gebruiker=sll, soort="sll", swv=swv)
    if TLVAanvraag.objects.filter(swv=swv).count() >= aantal:
        return sll
    rnd = random.Random(5)
    bestuur = Schoolbestuur.objects.create(swv=swv, naam="Stichting Bench", bestuursnummer="97001")
    regios = [Regio.objects.create(swv=swv, naam=f"Benchregio {i}") for i in range(4)]
    gemeente = Gemeente.objects.create(swv=swv, naam="Benchgemeente")
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    scholen = School.objects.bulk_create(
        [
            School(
                swv=swv,
                bestuur=bestuur,
                regio=regios[i % 4],
                gemeente=gemeente,
                naam=f"Benchschool {i}",
                brin=f"97{letters[i // 24]}{letters[i % 24]}",
            )
            for i in range(40)
        ]
    )
    leerlingen = Leerling.objects.bulk_create(
        [
            Leerling(
                swv=swv,
                voornaam=f"Kind{i}",
                achternaam=f"Bench {i}",
                geboortedatum=date(2016, 1, 1),
                huidige_school=scholen[i % 40],
                huidige_groep=4 + i % 5,
            )
            for i in range(aantal)
        ]
    )
    statussen = (
        [Status.AFGEGEVEN] * 5
        + [Status.NIET_TOEGEKEND]
        + [Status.INGEDIEND, Status.INHOUDELIJKE_CHECK, Status.ADVIEZEN, Status.TER_ONDERTEKENING]
    )
    vandaag = date.today()
    rijen = []
    for i, ll in enumerate(leerlingen):
        status = statussen[i % len(statussen)]
        ontvangen = vandaag - timedelta(days=rnd.randint(20, 700))
        besluit = (
            ontvangen + timedelta(days=rnd.randint(20, 80))
            if status in (Status.AFGEGEVEN, Status.NIET_TOEGEKEND)
            else None
        )
        school = scholen[i % 40]
        rijen.append(
            TLVAanvraag(
                swv=swv,
                leerling=ll,
                school=school,
                regio_id=school.regio_id,
                status=status,
                ontvangen_op=ontvangen,
                besluit_op=besluit,
                besluit_verzonden_op=besluit,
                aangemaakt_door=sll,
                onderwijsbehoeften="Bench.",
            )
        )
    aanvragen = TLVAanvraag.objects.bulk_create(rijen, batch_size=1000)
    overgangen, opschortingen = [], []
    stappen = [
        Status.INGEDIEND,
        Status.INHOUDELIJKE_CHECK,
        Status.DESKUNDIGEN_TOEWIJZEN,
        Status.ADVIEZEN,
        Status.EINDADVIES,
        Status.TER_ONDERTEKENING,
    ]
    for a in aanvragen:
        if a.besluit_op:
            duur = (a.besluit_op - a.ontvangen_op).days
            dagen = sorted(rnd.sample(range(1, max(duur, 7)), 5))
            vorige = Status.CONCEPT
            for stap, dag in zip(stappen, [0, *dagen], strict=True):
                d = a.ontvangen_op + timedelta(days=dag)
                overgangen.append(
                    Overgang(aanvraag=a, van=vorige, naar=stap, datum=d, op=timezone_aware(d), door=sll)
                )
                vorige = stap
            overgangen.append(
                Overgang(
                    aanvraag=a,
                    van=vorige,
                    naar=a.status,
                    datum=a.besluit_op,
                    op=timezone_aware(a.besluit_op),
                    door=sll,
                )
            )
        if a.pk % 5 == 0:
            verzoek = a.ontvangen_op + timedelta(days=5)
            opschortingen.append(
                Opschorting(
                    aanvraag=a,
                    verzoek_op=verzoek,
                    ontbreekt="LVS",
                    antwoord_uiterlijk=verzoek + timedelta(days=14),
                    ontvangen_op=verzoek + timedelta(days=10),
                    gevraagd_door=sll,
                )
            )
    Overgang.objects.bulk_create(overgangen, batch_size=5000)
    Opschorting.objects.bulk_create(opschortingen, batch_size=5000)
    subprocess.run(["psql", f"{PG}/{DB}", "-qc", "ANALYZE"], check=True)
    return sll


def timezone_aware(d: date):
    from datetime import datetime
    from datetime import time as dtime

    from django.utils import timezone

    return timezone.make_aware(datetime.combine(d, dtime(12, 0)))


def _meet(client, url: str, herhalingen: int = 15) -> tuple[float, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm up
    tijden = []
    for _ in range(herhalingen):
        with CaptureQueriesContext(connection) as q:
            t0 = time.perf_counter()
            resp = client.get(url)
            tijden.append((time.perf_counter() - t0) * 1000)
        assert resp.status_code == 200, resp.status_code
    tijden.sort()
    return statistics.median(tijden), tijden[int(0.95 * (len(tijden) - 1))], len(q.captured_queries)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--aantal", type=int, default=5000)
    args = parser.parse_args()
    _database()
    os.environ["DATABASE_URL"] = f"{PG}/{DB}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.ci")
    import django

    django.setup()
    from django.test import Client
    from django.urls import reverse

    sll = _bouw(args.aantal)
    client = Client(HTTP_HOST="localhost")
    client.force_login(sll)
    regels = []
    for naam, url in [
        ("SLL-werklijst (pagina 1 van 50 rijen)", reverse("tlv:lijst")),
        ("SLL-werklijst, filter status", reverse("tlv:lijst") + "?status=afgegeven"),
        ("Doorlooptijden (standaard: dit schooljaar)", reverse("tlv:doorlooptijden")),
        (
            "Doorlooptijden (alle jaren, samenvattingen)",
            reverse("tlv:doorlooptijden") + "?schooljaar=alle",
        ),
        (
            "Doorlooptijden, één jaar",
            reverse("tlv:doorlooptijden") + f"?van={date.today().year - 1}-01-01"
            f"&tot={date.today().year - 1}-12-31",
        ),
    ]:
        p50, p95, q = _meet(client, url)
        regels.append(f"| {naam} | {p50:.0f} ms | {p95:.0f} ms | {q} |")
    from django.db import connection

    with connection.cursor() as c:
        c.execute("SHOW server_version")
        pg = c.fetchone()[0]
    print("<!-- bench-tlv:begin -->")
    print("## TLV: werklijst en doorlooptijden\n")
    print(
        f"`python -m bench.bench_tlv` – {args.aantal} TLV-aanvragen (60% beslist, met statusovergangen; "
        f"1 op 5 met opschorting), 40 scholen in 4 regio's. Gemeten op {date.today().isoformat()}, "
        f"{platform.machine()} ({os.cpu_count()} cores), PostgreSQL {pg.split()[0]}, "
        f"Python {platform.python_version()}; "
        "hele request in-process via de testclient, mediaan en p95 van 15 herhalingen. "
        "Eis: vast aantal queries, onder 200 ms [issue 5]. "
        f"Load average tijdens de meting: {', '.join(f'{x:.2f}' for x in os.getloadavg())}.\n"
    )
    print("| pagina | mediaan | p95 | queries |\n|---|---|---|---|")
    print("\n".join(regels))
    print("<!-- bench-tlv:eind -->")


if __name__ == "__main__":
    main()
