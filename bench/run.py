"""`make bench` [issue 9]: per size, build (or reuse) a PostgreSQL database with synthetic data,
then measure the pages, the daily sweep, letter rendering and throughput; write
docs/benchmarks.md.

    python -m bench.run --sizes 10000 100000 1000000

Server time is measured in-process with Django's test client (the whole request: middleware,
view, queries, template); "bare SQL" replays the exact statements the request issued, straight on
the cursor, so framework overhead shows as the ratio of the two."""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
RESULTATEN = ROOT / "bench" / "results"


@dataclass
class Meting:
    naam: str
    mediaan_ms: float
    p95_ms: float
    queries: int
    sql_ms: float
    opmerking: str = ""


def _pctl(waarden: list[float], p: float) -> float:
    s = sorted(waarden)
    k = max(0, min(len(s) - 1, round(p / 100 * (len(s) - 1))))
    return s[k]


def db_naam(n: int) -> str:
    return f"passend_bench_{n}"


def zorg_voor_database(n: int) -> None:
    naam = db_naam(n)
    bestaat = subprocess.run(
        ["psql", f"{PG}/postgres", "-tAc", f"SELECT 1 FROM pg_database WHERE datname='{naam}'"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not bestaat:
        subprocess.run(["psql", f"{PG}/postgres", "-qc", f"CREATE DATABASE {naam}"], check=True)


def setup_django(n: int) -> None:
    os.environ["DATABASE_URL"] = f"{PG}/{db_naam(n)}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.ci")
    os.environ["DEBUG"] = "false"
    os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
    import django

    django.setup()


def meet_pagina(client, url: str, *, herhalingen: int) -> Meting:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm-up (templates, caches)
    tijden = []
    for _ in range(herhalingen):
        t0 = time.perf_counter()
        resp = client.get(url)
        tijden.append((time.perf_counter() - t0) * 1000)
        assert resp.status_code == 200, f"{url}: {resp.status_code}"
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    statements = [q["sql"] for q in ctx.captured_queries]
    sql_tijden = []
    with connection.cursor() as cur:
        for _ in range(max(3, herhalingen // 3)):
            t0 = time.perf_counter()
            for sql in statements:
                if sql.lstrip().upper().startswith(("SELECT", "WITH")):
                    cur.execute(sql)
                    cur.fetchall()
            sql_tijden.append((time.perf_counter() - t0) * 1000)
    return Meting(
        url, statistics.median(tijden), _pctl(tijden, 95), len(statements), statistics.median(sql_tijden)
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--herhalingen", type=int, default=30)
    args = parser.parse_args(argv)
    RESULTATEN.mkdir(parents=True, exist_ok=True)
    for n in args.sizes:
        zorg_voor_database(n)
        # Each size in its own process: Django binds to one database per process.
        subprocess.run(
            [sys.executable, "-m", "bench.grootte", str(n), str(args.herhalingen)], cwd=ROOT, check=True
        )
    from bench.rapport import schrijf_rapport

    machine = f"{platform.node()} ({platform.machine()}, {os.cpu_count()} cores)"
    machine += f", Python {platform.python_version()}"
    schrijf_rapport(args.sizes, machine=machine)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
