"""One benchmark size in its own process: python -m bench.grootte N HERHALINGEN."""

from __future__ import annotations

import json
import sys
import time
from dataclasses import asdict
from pathlib import Path


def main() -> int:
    n, herhalingen = int(sys.argv[1]), int(sys.argv[2])
    from bench.run import RESULTATEN, setup_django

    setup_django(n)
    from django.core.management import call_command
    from django.test import Client

    from bench import data, paginas
    from bench.run import meet_pagina
    from cases.models import Gebruiker

    call_command("migrate", verbosity=0)
    t0 = time.perf_counter()
    wereld = data.bestaande_wereld()
    opbouw = None
    if wereld is None:
        wereld = data.bouw(n)
        paginas.bouw_extra(wereld)
        opbouw = time.perf_counter() - t0
    paginas.bouw_verzuim(wereld)  # also for a world built before the verzuim generator existed
    resultaat: dict = {"n": n, "opbouw_s": opbouw, "paginas": [], "taken": []}
    for pagina in paginas.PAGINAS:
        client = Client()
        client.force_login(Gebruiker.objects.get(pk=wereld.users[pagina.rol]))
        url = pagina.url(wereld)
        m = meet_pagina(client, url, herhalingen=herhalingen)
        m.naam = pagina.naam
        resultaat["paginas"].append(asdict(m))
        print(
            f"[{n}] {pagina.naam}: p50 {m.mediaan_ms:.1f} ms, p95 {m.p95_ms:.1f} ms, {m.queries} queries, "
            f"SQL {m.sql_ms:.1f} ms",
            flush=True,
        )
    for taak in paginas.TAKEN:
        seconden, opmerking = taak.meet(wereld)
        resultaat["taken"].append({"naam": taak.naam, "seconden": seconden, "opmerking": opmerking})
        print(f"[{n}] {taak.naam}: {seconden:.2f} s {opmerking}", flush=True)
    RESULTATEN.mkdir(parents=True, exist_ok=True)
    Path(RESULTATEN / f"{n}.json").write_text(json.dumps(resultaat, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
