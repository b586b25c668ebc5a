"""Benchmark of the bare page with the project's middleware [issue 13]: what a session costs per
page view, before and after cases/sessies.py, on SQLite and on PostgreSQL.

    python -m bench.bench_sessie                          # both databases, writes docs/benchmarks.md
    python -m bench.bench_sessie --databases sqlite --verzoeken 200 --geen-rapport

Per database (each in its own process: Django binds to one database per process) a minimal
world: one SWV, one school, one intern begeleider. Then "Mijn werk" (home) for that logged-in
user through the whole middleware stack (Django test client, DEBUG off), in three setups:

- voor: SESSION_SAVE_EVERY_REQUEST=True, database sessions, no refresh middleware (the old setup)
- na: database sessions, saved only when changed or when the expiry needs refreshing
- na + Redis: the same with cached_db sessions on Django's RedisCache (CACHE_URL)

The setups take turns in rounds, so a slower moment of the machine hits all three alike. Time per
request (median, p95) comes from the timed rounds; statements per request from a separate
captured pass. Writes the figures to docs/benchmarks.md between its own markers (at the end).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
PG_DB = "passend_sessie"
SQLITE = ROOT / "var" / "bench-sessie.sqlite3"
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/11")
BEGIN, EIND = "<!-- bench-sessie:begin -->", "<!-- bench-sessie:eind -->"
OPSTELLINGEN = ["voor", "na", "na + Redis"]
REFRESH_MIDDLEWARE = "cases.sessies.SessionRefreshMiddleware"


def _pctl(waarden: list[float], p: float) -> float:
    s = sorted(waarden)
    return s[max(0, min(len(s) - 1, round(p / 100 * (len(s) - 1))))]


def _django(database: str) -> None:
    if database == "postgres":
        bestaat = subprocess.run(
            ["psql", f"{PG}/postgres", "-tAc", f"SELECT 1 FROM pg_database WHERE datname='{PG_DB}'"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        if not bestaat:
            subprocess.run(["psql", f"{PG}/postgres", "-qc", f"CREATE DATABASE {PG_DB}"], check=True)
        os.environ["DATABASE_URL"] = f"{PG}/{PG_DB}"
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{SQLITE}"
    os.environ.pop("CACHE_URL", None)  # the setups choose their session store themselves
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.ci"
    os.environ["DEBUG"] = "false"
    os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def _wereld():
    from cases.models import Gebruiker, Gemeente, Regio, Rol, Samenwerkingsverband, School, Schoolbestuur

    swv, _ = Samenwerkingsverband.objects.get_or_create(
        code="BENCH-SESSIE", defaults={"naam": "SWV Sessiedal"}
    )
    regio, _ = Regio.objects.get_or_create(swv=swv, naam="Sessieregio")
    gemeente, _ = Gemeente.objects.get_or_create(swv=swv, naam="Gemeente Sessiedorp")
    bestuur, _ = Schoolbestuur.objects.get_or_create(
        swv=swv, bestuursnummer="99998", defaults={"naam": "Stichting Sessieonderwijs"}
    )
    school, _ = School.objects.get_or_create(
        swv=swv,
        brin="98ZZ",
        defaults={"bestuur": bestuur, "regio": regio, "gemeente": gemeente, "naam": "OBS De Sessie"},
    )
    ib, nieuw = Gebruiker.objects.get_or_create(username="sessie_ib", defaults={"email": "ib@sessie.example"})
    if nieuw:
        ib.set_password("bench-sessie")
        ib.save()
        Rol.objects.create(gebruiker=ib, swv=swv, soort="ib", school=school)
    return ib


def _opstelling(naam: str) -> dict:
    from django.conf import settings

    zonder = [m for m in settings.MIDDLEWARE if m != REFRESH_MIDDLEWARE]
    if naam == "voor":
        return {"SESSION_SAVE_EVERY_REQUEST": True, "MIDDLEWARE": zonder}
    if naam == "na":
        return {}
    return {
        "SESSION_ENGINE": "django.contrib.sessions.backends.cached_db",
        "CACHES": {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": REDIS,
                "KEY_PREFIX": "passend-bench",
            }
        },
    }


def _tel(client, url: str, n: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        for _ in range(n):
            client.get(url)
    sqls = [q["sql"].lstrip().upper() for q in ctx.captured_queries]
    sessie = [s for s in sqls if "DJANGO_SESSION" in s]
    return {
        "queries": len(sqls) / n,
        "sessie_lezen": sum(s.startswith("SELECT") for s in sessie) / n,
        "sessie_schrijven": sum(s.startswith(("INSERT", "UPDATE", "DELETE")) for s in sessie) / n,
    }


def meet(database: str, *, verzoeken: int, rondes: int) -> dict:
    _django(database)
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client, override_settings
    from django.urls import reverse

    ib = _wereld()
    url = reverse("home")
    clients, tijden = {}, {naam: [] for naam in OPSTELLINGEN}
    schrijfacties = dict.fromkeys(OPSTELLINGEN, 0)
    looptijd = dict.fromkeys(OPSTELLINGEN, 0.0)
    huidige = [""]

    def tel_schrijven(execute, sql, params, many, context):
        # Session writes during the timed rounds (including the once-a-minute renewals).
        if "django_session" in sql and sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            schrijfacties[huidige[0]] += 1
        return execute(sql, params, many, context)

    per_ronde = max(1, verzoeken // rondes)
    for ronde in range(rondes):
        for naam in OPSTELLINGEN:
            with override_settings(**_opstelling(naam)):
                if naam not in clients:
                    if naam == "na + Redis":
                        cache.clear()  # Redis db 11 belongs to this benchmark
                    client = clients[naam] = Client()  # its middleware chain follows this override
                    resp = client.post(
                        reverse("login"), {"username": ib.username, "password": "bench-sessie"}
                    )
                    assert resp.status_code == 302, resp.status_code
                    for _ in range(20):  # warm-up: templates, caches, the connection
                        client.get(url)
                client = clients[naam]
                huidige[0] = naam
                begin = time.perf_counter()
                with connection.execute_wrapper(tel_schrijven):
                    for _ in range(per_ronde):
                        t0 = time.perf_counter()
                        resp = client.get(url)
                        tijden[naam].append((time.perf_counter() - t0) * 1000)
                        assert resp.status_code == 200, f"{naam}: {resp.status_code}"
                looptijd[naam] += time.perf_counter() - begin
        print(f"[{database}] ronde {ronde + 1}/{rondes}", file=sys.stderr, flush=True)
    uitkomst = {
        "database": database,
        "versie": _versie(connection),
        "opstellingen": {},
        "los": _los(clients["na + Redis"].cookies["sessionid"].value, herhalingen=verzoeken // 2),
    }
    for naam in OPSTELLINGEN:
        with override_settings(**_opstelling(naam)):
            telling = _tel(clients[naam], url, 30)
        t = tijden[naam]
        uitkomst["opstellingen"][naam] = {
            "verzoeken": len(t),
            "mediaan_ms": statistics.median(t),
            "p95_ms": _pctl(t, 95),
            "schrijfacties": schrijfacties[naam],
            "looptijd_s": looptijd[naam],
            **telling,
        }
    return uitkomst


def _los(sleutel: str, *, herhalingen: int) -> dict:
    """The session operations alone, without the page around them: what each click paid on the
    primary before (save: BEGIN/UPDATE/COMMIT), and the read that cached_db takes off it."""
    from django.contrib.sessions.backends import cached_db, db
    from django.test import override_settings

    def tijd(stap) -> list[float]:
        stap()
        t = []
        for _ in range(herhalingen):
            t0 = time.perf_counter()
            stap()
            t.append((time.perf_counter() - t0) * 1000)
        return t

    opslag = db.SessionStore(session_key=sleutel)
    opslag.load()

    def opslaan():
        opslag.modified = True
        opslag.save()

    metingen = {
        "opslaan (database)": tijd(opslaan),
        "lezen (database)": tijd(lambda: db.SessionStore(sleutel).load()),
    }
    with override_settings(**_opstelling("na + Redis")):
        metingen["lezen (Redis, cached_db)"] = tijd(lambda: cached_db.SessionStore(sleutel).load())
    return {
        naam: {"mediaan_ms": statistics.median(t), "p95_ms": _pctl(t, 95)} for naam, t in metingen.items()
    }


def _versie(connection) -> str:
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("SHOW server_version")
            return "PostgreSQL " + cur.fetchone()[0].split()[0]
    import sqlite3

    return f"SQLite {sqlite3.sqlite_version}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--databases", nargs="+", choices=["sqlite", "postgres"], default=["sqlite", "postgres"]
    )
    parser.add_argument("--verzoeken", type=int, default=600, help="Getimede verzoeken per opstelling.")
    parser.add_argument("--rondes", type=int, default=6)
    parser.add_argument("--geen-rapport", action="store_true", help="Schrijf docs/benchmarks.md niet bij.")
    parser.add_argument("--een", choices=["sqlite", "postgres"], help=argparse.SUPPRESS)  # child process
    args = parser.parse_args(argv)
    if args.een:
        print(json.dumps(meet(args.een, verzoeken=args.verzoeken, rondes=args.rondes)))
        return 0
    resultaten = []
    for database in args.databases:
        uit = subprocess.run(
            [sys.executable, "-m", "bench.bench_sessie", "--een", database]
            + ["--verzoeken", str(args.verzoeken), "--rondes", str(args.rondes)],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        sys.stderr.write(uit.stderr)
        uit.check_returncode()
        resultaten.append(json.loads(uit.stdout.strip().splitlines()[-1]))
    for r in resultaten:
        for naam, m in r["opstellingen"].items():
            print(
                f"{r['versie']:<18} {naam:<11} p50 {m['mediaan_ms']:5.1f} ms  p95 {m['p95_ms']:5.1f} ms  "
                f"{m['queries']:.1f} queries, sessie: {m['sessie_lezen']:.1f} lezen / "
                f"{m['sessie_schrijven']:.1f} schrijven; {m['schrijfacties']} schrijfacties in "
                f"{m['looptijd_s']:.0f} s"
            )
        for naam, m in r["los"].items():
            print(f"{r['versie']:<18} sessie {naam}: p50 {m['mediaan_ms']:.2f} ms, p95 {m['p95_ms']:.2f} ms")
    if not args.geen_rapport:
        _rapport(resultaten, verzoeken=args.verzoeken, rondes=args.rondes)
    return 0


def _getal(x: float, decimalen: int = 1) -> str:
    return f"{x:.{decimalen}f}".replace(".", ",")


def _rapport(resultaten: list[dict], *, verzoeken: int, rondes: int) -> None:
    belasting = ", ".join(_getal(x, 2) for x in os.getloadavg())
    regels = []
    for r in resultaten:
        for naam, m in r["opstellingen"].items():
            regels.append(
                f"| {r['versie']} | {naam} | {_getal(m['mediaan_ms'])} ms | {_getal(m['p95_ms'])} ms | "
                f"{_getal(m['queries'])} | {_getal(m['sessie_lezen'])} | {_getal(m['sessie_schrijven'])} | "
                f"{m['schrijfacties']} in {_getal(m['looptijd_s'], 0)} s |"
            )
    blok = [
        BEGIN,
        "## Sessie per paginaweergave",
        "",
        f'`python -m bench.bench_sessie --verzoeken {verzoeken} --rondes {rondes}` – "Mijn werk" van een '
        "ingelogde intern begeleider (één SWV, één school), de hele middleware-stack via de testclient, "
        f"{verzoeken} getimede verzoeken per opstelling in {rondes} rondes om beurten. "
        "*voor*: `SESSION_SAVE_EVERY_REQUEST=True` (elke klik BEGIN/UPDATE django_session/COMMIT); "
        "*na*: `cases/sessies.py`, de vervaldatum hoogstens eens per 60 s vernieuwd; "
        "*na + Redis*: idem met `cached_db`-sessies op Redis (`CACHE_URL`). "
        f"Gemeten op {date.today():%Y-%m-%d}, {platform.node()} ({os.cpu_count()} cores), "
        f"Python {platform.python_version()}; load average na de meting {belasting} [issue 13].",
        "",
        "| database | opstelling | mediaan | p95 | queries per verzoek | waarvan django_session lezen | "
        "schrijven | sessieschrijfacties in de getimede verzoeken |",
        "|---|---|---|---|---|---|---|---|",
        *regels,
        "",
        "Queries zijn de statements die Django vastlegt, BEGIN en COMMIT meegeteld: *voor* doet per "
        "verzoek SELECT + BEGIN/UPDATE/COMMIT op django_session, *na* alleen de SELECT, *na + Redis* "
        "geen van beide (de sessie komt uit Redis). De laatste kolom telt ook de vernieuwingen van de "
        "vervaldatum: *na* hoogstens één UPDATE per gebruiker per minuut in plaats van één per klik. "
        "De tijdwinst per verzoek is klein naast de pagina zelf; de winst is dat een leesklik niets meer "
        "schrijft: geen transactie en WAL-record op de primaire database, en bij SQLite (`make run`: "
        "webserver, worker en beat op één bestand) geen schrijfslot per klik. Op PostgreSQL is de hele "
        "pagina trager dan op SQLite doordat `CONN_MAX_AGE=0` elk verzoek een nieuwe verbinding geeft.",
        "",
        "De sessiebewerking alleen (zonder de pagina eromheen, dezelfde sessie; wat elke klik vroeger "
        "op de primaire database kostte, en de leesactie die `cached_db` ervan overneemt):",
        "",
        "| database | bewerking | mediaan | p95 |",
        "|---|---|---|---|",
        *[
            f"| {r['versie']} | {naam} | {_getal(m['mediaan_ms'], 2)} ms | {_getal(m['p95_ms'], 2)} ms |"
            for r in resultaten
            for naam, m in r["los"].items()
        ],
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
