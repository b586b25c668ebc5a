"""Benchmark of the daily deadline sweep [issue 4]: 100 000 open terms on PostgreSQL.

    python -m bench.bench_sweep                 # 100 000 terms, database passend_bench_sweep
    python -m bench.bench_sweep --termijnen 20000 --opnieuw

Builds (or reuses) a fictitious SWV with 120 schools in 4 regio's and one user per school role,
regio role and SWV role, and N open terms whose last days are spread from 30 days ago to 150 days
ahead (zorgplicht, TLV, bezwaar; one in ten with a running suspension). Then times the sweep:
the first run (creates the notifications), an immediate re-run (idempotent: creates nothing) and
a run a week later (catch-up after downtime). Writes the figures to docs/benchmarks.md in the
section "Deadline sweep", between its own markers, leaving other sections alone.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
DB = "passend_bench_sweep"
PEILDATUM = date(2026, 3, 2)
BEGIN, EIND = "<!-- bench-sweep:begin -->", "<!-- bench-sweep:eind -->"


def _django() -> None:
    bestaat = subprocess.run(
        ["psql", f"{PG}/postgres", "-tAc", f"SELECT 1 FROM pg_database WHERE datname='{DB}'"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not bestaat:
        subprocess.run(["psql", f"{PG}/postgres", "-qc", f"CREATE DATABASE {DB}"], check=True)
    os.environ["DATABASE_URL"] = f"{PG}/{DB}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.ci")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def _bouw(n: int) -> None:
    from django.db import transaction

    from cases import termijnen as regels
    from cases.models import (
        Gebruiker,
        Gemeente,
        Notificatie,
        Regio,
        Rol,
        Samenwerkingsverband,
        School,
        Schoolbestuur,
    )
    from cases.termijnen.models.termijnen import SOORTEN, Opschorting, Termijn

    with transaction.atomic():
        Notificatie.objects.all().delete()
        Opschorting.objects.all().delete()
        Termijn.objects.all().delete()
        Rol.objects.filter(swv__code="BENCH-SWEEP").delete()
        Gebruiker.objects.filter(username__startswith="sweep_").delete()
        School.objects.filter(swv__code="BENCH-SWEEP").delete()
        Schoolbestuur.objects.filter(swv__code="BENCH-SWEEP").delete()
        Regio.objects.filter(swv__code="BENCH-SWEEP").delete()
        Gemeente.objects.filter(swv__code="BENCH-SWEEP").delete()
        Samenwerkingsverband.objects.filter(code="BENCH-SWEEP").delete()

        swv = Samenwerkingsverband.objects.create(naam="SWV Benchvallei (fictief)", code="BENCH-SWEEP")
        regios = [Regio.objects.create(swv=swv, naam=f"Benchregio {i}") for i in range(4)]
        gemeente = Gemeente.objects.create(swv=swv, naam="Gemeente Benchdorp")
        bestuur = Schoolbestuur.objects.create(
            swv=swv, naam="Stichting Benchonderwijs", bestuursnummer="99999"
        )
        letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        scholen = School.objects.bulk_create(
            School(
                swv=swv,
                bestuur=bestuur,
                regio=regios[i % 4],
                gemeente=gemeente,
                naam=f"Benchschool {i}",
                brin=f"8{i // 26 % 10}{letters[i % 26]}Z",
            )
            for i in range(120)
        )
        gebruikers, rollen = [], []

        def gebruiker(naam: str, **rol) -> None:
            g = Gebruiker(username=f"sweep_{naam}", email=f"sweep_{naam}@bench.example", password="!")
            gebruikers.append(g)
            rollen.append((g, rol))

        for s in scholen:
            gebruiker(f"directeur_{s.pk}", soort="directeur", school=s)
            gebruiker(f"ib_{s.pk}", soort="ib", school=s)
        for r in regios:
            gebruiker(f"sc_{r.pk}", soort="sc", regio=r)
        for soort in ("sll", "tla", "bestuurder"):
            gebruiker(soort, soort=soort)
        Gebruiker.objects.bulk_create(gebruikers)
        Rol.objects.bulk_create(Rol(gebruiker=g, swv=swv, **rol) for g, rol in rollen)

        soorten = ["zorgplicht", "tlv_beslistermijn", "beslistermijn_bezwaar"]
        termijnen, opschortingen = [], []
        for i in range(n):
            definitie = SOORTEN[soorten[i % 3]]
            duur = 7 * definitie.weken
            einde_doel = PEILDATUM + timedelta(days=-30 + (i * 181) // n)
            start = einde_doel - timedelta(days=duur)
            opgeschort = i % 10 == 0
            paren = [(start + timedelta(days=3), start + timedelta(days=17))] if opgeschort else []
            einde = regels.termijn_einde(start, weken=definitie.weken, opschortingen=paren)
            termijnen.append(
                Termijn(
                    swv=swv,
                    school=scholen[i % len(scholen)],
                    soort=definitie.code,
                    basis=definitie.basis,
                    start_omschrijving=definitie.start_omschrijving,
                    start=start,
                    weken=definitie.weken,
                    atw=True,
                    verantwoordelijken=f",{','.join(definitie.rollen)},",
                    einde=einde,
                    opgeschort_tot=paren[0][1] - timedelta(days=1) if opgeschort else None,
                )
            )
        Termijn.objects.bulk_create(termijnen, batch_size=5000)
        for t in termijnen:
            if t.opgeschort_tot:
                opschortingen.append(
                    Opschorting(termijn=t, verzoek=t.start + timedelta(days=3), uiterlijk=t.opgeschort_tot)
                )
        Opschorting.objects.bulk_create(opschortingen, batch_size=5000)
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("ANALYZE")


def _meet(vandaag: date) -> tuple[float, int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from cases.termijnen.meldingen import sweep

    with CaptureQueriesContext(connection) as ctx:
        t0 = time.perf_counter()
        uitkomst = sweep(vandaag=vandaag)
        seconden = time.perf_counter() - t0
    return seconden, uitkomst.meldingen, len(ctx.captured_queries)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--termijnen", type=int, default=100_000)
    parser.add_argument("--opnieuw", action="store_true", help="Bouw de gegevens opnieuw op.")
    parser.add_argument("--geen-rapport", action="store_true", help="Schrijf docs/benchmarks.md niet bij.")
    args = parser.parse_args(argv)
    _django()
    from cases.models import Notificatie, Termijn
    from cases.termijnen.models.termijnen import TermijnStatus

    if args.opnieuw or Termijn.objects.count() != args.termijnen:
        t0 = time.perf_counter()
        _bouw(args.termijnen)
        print(f"{args.termijnen} termijnen gebouwd in {time.perf_counter() - t0:.1f} s")
    # Every measurement starts from "no notifications yet, all terms open".
    Notificatie.objects.all().delete()
    Termijn.objects.update(status=TermijnStatus.LOPEND)
    open_ = Termijn.objects.filter(status=TermijnStatus.LOPEND).count()
    eerste = _meet(PEILDATUM)
    tweede = _meet(PEILDATUM)
    week = _meet(PEILDATUM + timedelta(days=7))
    regels = [
        ("eerste run (maakt de meldingen)", eerste),
        ("direct opnieuw (idempotent)", tweede),
        ("een week later (inhalen na stilstand)", week),
    ]
    for naam, (s, m, q) in regels:
        print(f"{naam}: {s:.2f} s, {m} nieuwe meldingen, {q} queries")
    if not args.geen_rapport:
        _rapport(open_, regels)
    return 0


def _rapport(open_: int, regels) -> None:
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("SHOW server_version")
        pg = cur.fetchone()[0].split()[0]
    n = f"{open_:,}".replace(",", ".")
    blok = [
        BEGIN,
        "## Deadline sweep",
        "",
        f"`python -m bench.bench_sweep` – {n} open termijnen (zorgplicht, TLV, bezwaar; 1 op 10 met lopende "
        "opschorting; laatste dagen van 30 dagen geleden tot 150 dagen vooruit), 120 scholen, "
        "250 gebruikers. "
        f"Gemeten op {date.today():%Y-%m-%d}, {platform.node()} ({os.cpu_count()} cores), PostgreSQL {pg}, "
        f"Python {platform.python_version()}. Eis: onder 10 s, vast aantal queries [issue 4].",
        "",
        "| run | tijd | nieuwe meldingen | queries |",
        "|---|---|---|---|",
        *[f"| {naam} | {s:.2f} s | {m} | {q} |" for naam, (s, m, q) in regels],
        EIND,
    ]
    pad = ROOT / "docs" / "benchmarks.md"
    tekst = pad.read_text() if pad.exists() else "# Benchmarks\n"
    if BEGIN in tekst and EIND in tekst:
        voor, rest = tekst.split(BEGIN, 1)
        tekst = voor + "\n".join(blok) + rest.split(EIND, 1)[1]
    else:
        tekst = tekst.rstrip() + "\n\n" + "\n".join(blok) + "\n"
    pad.write_text(tekst)


if __name__ == "__main__":
    raise SystemExit(main())
