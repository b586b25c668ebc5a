"""Benchmark of the outbox [issue 13] on PostgreSQL and Redis.

    python -m bench.bench_outbox                    # database passend_bench_outbox, Redis db 12
    python -m bench.bench_outbox --rijen 10000 --brieven 30 --herhalingen 3

1. The sweep on an installation with N letters without PDF (default 10 000), each with an open
   outbox row that never reached the broker: the time of one sweep round (select, one UPDATE,
   N publishes to Redis over one pooled connection), its number of queries, and the same for
   N rows that are open but not yet due (nothing to hand over).
2. A real prefork worker (concurrency 2) rendering M letters (default 30, real WeasyPrint), killed
   with SIGKILL as a whole process group after the first PDF, then restarted: the time from the
   restart to every letter done, and whether each was rendered exactly once.

Writes the figures to docs/benchmarks.md in the section "Outbox", between its own markers.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/12")
DB = "passend_bench_outbox"
BEGIN, EIND = "<!-- bench-outbox:begin -->", "<!-- bench-outbox:eind -->"


def _django(queue: str, media: Path) -> None:
    bestaat = subprocess.run(
        ["psql", f"{PG}/postgres", "-tAc", f"SELECT 1 FROM pg_database WHERE datname='{DB}'"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not bestaat:
        subprocess.run(["psql", f"{PG}/postgres", "-qc", f"CREATE DATABASE {DB}"], check=True)
    os.environ["DATABASE_URL"] = f"{PG}/{DB}"
    os.environ["CELERY_BROKER_URL"] = REDIS
    os.environ["PRIVATE_MEDIA_ROOT"] = str(media)
    os.environ["PASSEND_TEST_QUEUE"] = queue
    # The worker's settings: CI settings with tasks sent through Redis (not run in-process).
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.worker_settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def _basis():
    """A fictitious SWV with one pupil whose ouder with gezag receives the letters."""
    from cases.models import Gebruiker, Leerling, Samenwerkingsverband
    from tests.factories import LeerlingFactory, OuderFactory, SchoolFactory, SWVFactory

    swv = Samenwerkingsverband.objects.filter(code="BENCH-OUTBOX").first() or SWVFactory(
        naam="SWV Outboxvallei (fictief)", code="BENCH-OUTBOX"
    )
    leerling = Leerling.objects.filter(swv=swv).first()
    if leerling is None:
        leerling = LeerlingFactory(swv=swv, school=SchoolFactory(swv=swv), school__groep=4)
        OuderFactory(leerling=leerling, naam="A. Benchouder", gezag=True)
    door = Gebruiker.objects.filter(username="bench_outbox").first() or Gebruiker.objects.create_user(
        "bench_outbox", password=None
    )
    return swv, leerling, door


def _leeg() -> None:
    from cases.models import AuditRegel, Brief, UitgaandeTaak

    UitgaandeTaak.objects.all().delete()
    AuditRegel.objects.filter(content_type__model="brief").delete()
    Brief.objects.filter(swv__code="BENCH-OUTBOX").delete()


def meet_sweep(n: int, herhalingen: int, queue: str) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from cases.models import Brief, UitgaandeTaak
    from cases.services import uitgaand
    from cases.tasks import render_brief_task
    from tests.outbox_werker import redis_client, ruim_queue_op

    swv, _leerling, _door = _basis()
    _leeg()
    oud = timezone.now() - timedelta(hours=2)
    brieven = Brief.objects.bulk_create(
        (
            Brief(swv=swv, soort="bench", template="brieven/test_besluit.html", kenmerk=f"BENCH-{i}")
            for i in range(n)
        ),
        batch_size=5000,
    )
    UitgaandeTaak.objects.bulk_create(
        (UitgaandeTaak(taak=render_brief_task.name, args=[b.pk], aangemaakt_op=oud) for b in brieven),
        batch_size=5000,
    )
    with connection.cursor() as cur:
        cur.execute("ANALYZE cases_uitgaandetaak")
    r = redis_client(REDIS)
    tijden, db_tijden, niets = [], [], []
    echt = uitgaand._publiceer_rijen
    for _ in range(herhalingen):
        # The database part alone: the same round with the publishes left out.
        UitgaandeTaak.objects.update(laatst_verstuurd_op=None, keer_verstuurd=0)
        uitgaand._publiceer_rijen = len
        try:
            t0 = time.perf_counter()
            assert uitgaand.verstuur_openstaande().verstuurd == n
            db_tijden.append(time.perf_counter() - t0)
        finally:
            uitgaand._publiceer_rijen = echt
        UitgaandeTaak.objects.update(laatst_verstuurd_op=None, keer_verstuurd=0)
        r.delete(queue)
        with CaptureQueriesContext(connection) as ctx:
            t0 = time.perf_counter()
            uitkomst = uitgaand.verstuur_openstaande()
            tijden.append(time.perf_counter() - t0)
        assert uitkomst.verstuurd == n, uitkomst
        queries = _statements(ctx)
        in_redis = r.llen(queue)
        # The next minute's sweep: every row open but handed over a moment ago, so nothing is due.
        with CaptureQueriesContext(connection) as ctx2:
            t0 = time.perf_counter()
            assert uitgaand.verstuur_openstaande().verstuurd == 0
            niets.append(time.perf_counter() - t0)
    ruim_queue_op(REDIS, queue)
    _leeg()
    return {
        "n": n,
        "mediaan_s": statistics.median(tijden),
        "max_s": max(tijden),
        "db_ms": statistics.median(db_tijden) * 1000,
        "queries": queries,
        "in_redis": in_redis,
        "niets_ms": statistics.median(niets) * 1000,
        "niets_queries": _statements(ctx2),
        "belasting": os.getloadavg()[0],
    }


def _statements(ctx) -> str:
    """The statements a sweep sent, without the transaction control around them."""
    woorden = [q["sql"].split()[0] for q in ctx.captured_queries]
    return ", ".join(w for w in woorden if w not in {"BEGIN", "COMMIT", "SAVEPOINT", "RELEASE"})


def meet_herstart(m: int, queue: str, media: Path, logmap: Path) -> dict:
    from django.db import connection
    from django.db.models import Count

    from cases.models import AuditRegel, Brief, UitgaandeTaak
    from cases.services.brieven import RENDER_OMSCHRIJVING, maak_brief
    from tests.outbox_werker import Werker, database_url, onbevestigd, ruim_queue_op

    _swv, leerling, door = _basis()
    _leeg()
    ids = [
        maak_brief(
            zaak=leerling,
            leerling=leerling,
            soort="bench",
            template="brieven/test_besluit.html",
            onderwerp=f"Besluit {i}",
            context={"besluit": "toegekend", "ingangsdatum": date(2026, 5, 1)},
            door=door,
            bezwaarclausule=True,
        ).pk
        for i in range(m)
    ]
    connection.close()
    werker = Werker(
        database_url=database_url(connection.settings_dict),
        broker_url=REDIS,
        queue=queue,
        media_root=media,
        logmap=logmap,
        concurrency=2,
    )
    brieven = Brief.objects.filter(pk__in=ids)
    try:
        werker.start()
        t_start = time.monotonic()
        while not brieven.exclude(sha256="").exists():
            if not werker.leeft() or time.monotonic() - t_start > 120:
                raise SystemExit("De worker renderde niets:\n" + werker.logs())
            time.sleep(0.01)
        eerste = time.monotonic() - t_start
        in_handen = onbevestigd(REDIS, queue)
        werker.kill()
        bij_kill = brieven.exclude(sha256="").count()
        t0 = time.monotonic()
        werker.start()
        ready = None
        while UitgaandeTaak.objects.filter(gedaan_op__isnull=True).exists():
            if not werker.leeft() or time.monotonic() - t0 > 300:
                raise SystemExit("Na de herstart niet alles klaar:\n" + werker.logs())
            if ready is None and werker.is_klaar_voor_werk():
                ready = time.monotonic() - t0
            time.sleep(0.02)
        herstel = time.monotonic() - t0
        time.sleep(2)  # duplicates drain; they must change nothing
    finally:
        werker.stop()
        ruim_queue_op(REDIS, queue)
    renders = dict(
        AuditRegel.objects.filter(content_type__model="brief", omschrijving=RENDER_OMSCHRIJVING)
        .values_list("object_id")
        .annotate(n=Count("id"))
        .values_list("object_id", "n")
    )
    bestanden = {
        b.kenmerk: sum(1 for p in (media / "brieven").rglob(f"{b.kenmerk}-*") if p.is_file()) for b in brieven
    }
    precies_een = all(renders.get(str(pk)) == 1 for pk in ids) and set(bestanden.values()) == {1}
    _leeg()
    return {
        "m": m,
        "eerste_s": eerste,
        "bij_kill": bij_kill,
        "in_handen": in_handen,
        "herstel_s": herstel,
        "ready_s": ready if ready is not None else herstel,
        "belasting": os.getloadavg()[0],
        "precies_een": precies_een,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rijen", type=int, default=10_000)
    parser.add_argument("--brieven", type=int, default=30)
    parser.add_argument("--herhalingen", type=int, default=3)
    parser.add_argument("--geen-rapport", action="store_true", help="Schrijf docs/benchmarks.md niet bij.")
    args = parser.parse_args(argv)
    from tests.outbox_werker import nieuwe_queue

    with tempfile.TemporaryDirectory(prefix="bench-outbox-") as tmp:
        tmp = Path(tmp)
        media = tmp / "private"
        media.mkdir()
        queue = nieuwe_queue()
        _django(queue, media)
        sweep = meet_sweep(args.rijen, args.herhalingen, queue)
        print(
            f"sweep {sweep['n']} open: {sweep['mediaan_s']:.2f} s (max {sweep['max_s']:.2f}; database "
            f"{sweep['db_ms']:.0f} ms), {sweep['queries']}, {sweep['in_redis']} in Redis; niets te doen: "
            f"{sweep['niets_ms']:.1f} ms, {sweep['niets_queries']}"
        )
        herstarts = []
        for i in range(args.herhalingen):
            (tmp / f"run{i}").mkdir()
            h = meet_herstart(args.brieven, queue, media, tmp / f"run{i}")
            herstarts.append(h)
            print(
                f"herstart {i + 1}: eerste pdf na {h['eerste_s']:.1f} s, gedood met {h['bij_kill']}/{h['m']} "
                f"klaar ({h['in_handen']} onbevestigd), na herstart alles klaar in {h['herstel_s']:.1f} s "
                f"(worker ready na {h['ready_s']:.1f} s; load {h['belasting']:.1f}), "
                f"precies één keer: {h['precies_een']}"
            )
    if not args.geen_rapport:
        _rapport(sweep, herstarts)
    return 0 if all(h["precies_een"] for h in herstarts) else 1


def _rapport(sweep: dict, herstarts: list[dict]) -> None:
    from django.conf import settings
    from django.db import connection

    from cases.services import uitgaand

    with connection.cursor() as cur:
        cur.execute("SHOW server_version")
        pg = cur.fetchone()[0].split()[0]
    import redis

    rv = redis.Redis.from_url(REDIS).info("server")["redis_version"]
    opties = settings.PASSEND_REDIS_TRANSPORT_OPTIES
    n = f"{sweep['n']:,}".replace(",", ".")
    in_redis = f"{sweep['in_redis']:,}".replace(",", ".")
    herstel = [h["herstel_s"] for h in herstarts]
    blok = [
        BEGIN,
        "## Outbox: sweep en herstart na SIGKILL (issue 13)",
        "",
        f"`python -m bench.bench_outbox` – gemeten op {date.today():%Y-%m-%d}, {platform.node()} "
        f"({os.cpu_count()} cores, gedeeld met andere processen), PostgreSQL {pg}, Redis {rv}, "
        f"Python {platform.python_version()}. Instellingen: visibility_timeout "
        f"{opties['visibility_timeout']} s, "
        f"taaklimiet pdf 60/90 s (soft/hard), overige taken 120/180 s, sweep elke minuut, opnieuw na "
        f"{int(uitgaand.OPNIEUW_NA.total_seconds() // 60)} min (nooit doorgegeven: na "
        f"{int(uitgaand.NOOIT_VERSTUURD_NA.total_seconds())} s). Zie docs/adr/0002-outbox-en-herlevering.md.",
        "",
        "| meting | uitkomst |",
        "|---|---|",
        f"| sweep, {n} brieven zonder pdf (nooit doorgegeven) | {sweep['mediaan_s']:.2f} s mediaan, "
        f"{sweep['max_s']:.2f} s max, waarvan database {sweep['db_ms']:.0f} ms (de rest: {n} berichten "
        f"naar Redis, één voor één via Celery); statements: {sweep['queries']}; daarna "
        f"{in_redis} berichten in de queue (load {sweep['belasting']:.1f}) |",
        f"| sweep een minuut later ({n} open, niets aan de beurt) | {sweep['niets_ms']:.1f} ms; "
        f"statements: {sweep['niets_queries']} |",
        *[
            f"| herstart {i + 1}: {h['m']} brieven, worker (prefork, 2) gedood met SIGKILL na de eerste pdf "
            f"({h['bij_kill']} klaar, {h['in_handen']} onbevestigd bij Redis) | na herstart alles klaar in "
            f"{h['herstel_s']:.1f} s, waarvan {h['ready_s']:.1f} s opstarten tot 'ready' (load "
            f"{h['belasting']:.1f}); elke brief precies één keer: {'ja' if h['precies_een'] else 'NEE'} |"
            for i, h in enumerate(herstarts)
        ],
        "",
        f"Na een herstart is alles klaar in {min(herstel):.0f}–{max(herstel):.0f} s (opstarten van de worker "
        "en WeasyPrint inbegrepen): de sweep bij workerstart geeft elke open rij meteen opnieuw door, "
        "zonder op Redis te wachten. Zonder herstart, met een andere worker die nog draait, geeft Redis "
        f"een bericht van de gedode worker na {opties['visibility_timeout']} s terug (plus hoogstens "
        f"{opties['unacked_restore_interval'] * opties['unacked_restore_throttle']} s tot de volgende scan); "
        "voorheen was dat een uur. De sweep-tijd is bijna helemaal publiceren: "
        f"{(sweep['mediaan_s'] - sweep['db_ms'] / 1000) / sweep['n'] * 1000:.2f} ms per bericht bij deze "
        "belasting; een ronde neemt hoogstens 10.000 rijen en blijft zo ruim binnen de limiet van de "
        "sweeptaak (45 s). Zoveel open brieven zijn er alleen na een lange storing van de broker.",
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
