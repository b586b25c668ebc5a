"""Write the bench results into docs/benchmarks.md between markers, leaving other sections alone."""

from __future__ import annotations

import json
from datetime import date

from bench.run import RESULTATEN, ROOT

BEGIN, EIND = "<!-- bench:begin -->", "<!-- bench:eind -->"


def _n(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def schrijf_rapport(sizes: list[int], *, machine: str) -> None:
    data = {
        n: json.loads((RESULTATEN / f"{n}.json").read_text())
        for n in sizes
        if (RESULTATEN / f"{n}.json").exists()
    }
    regels = [
        BEGIN,
        "## Baseline: pagina's en taken per omvang (`make bench`)",
        "",
        f"Gemeten op {date.today():%Y-%m-%d}, {machine}, PostgreSQL 15 lokaal. Servertijd in-process "
        "(Django test client, hele request); 'SQL' is de tijd van precies dezelfde SELECT-statements "
        "rechtstreeks op de cursor.",
        "",
    ]
    namen = []
    for n in sizes:
        for p in data.get(n, {}).get("paginas", []):
            if p["naam"] not in namen:
                namen.append(p["naam"])
    regels.append(
        "| pagina | " + " | ".join(f"{_n(n)} lln: p50 / p95 ms (queries, SQL ms)" for n in data) + " |"
    )
    regels.append("|---|" + "---|" * len(data))
    for naam in namen:
        cellen = []
        for n in data:
            p = next((p for p in data[n]["paginas"] if p["naam"] == naam), None)
            cellen.append(
                f"{p['mediaan_ms']:.0f} / {p['p95_ms']:.0f} ({p['queries']}, {p['sql_ms']:.1f})" if p else "–"
            )
        regels.append(f"| {naam} | " + " | ".join(cellen) + " |")
    regels += [
        "",
        "| taak | " + " | ".join(f"{_n(n)} lln" for n in data) + " |",
        "|---|" + "---|" * len(data),
    ]
    taaknamen = []
    for n in data:
        for t in data[n]["taken"]:
            if t["naam"] not in taaknamen:
                taaknamen.append(t["naam"])
    for naam in taaknamen:
        cellen = []
        for n in data:
            t = next((t for t in data[n]["taken"] if t["naam"] == naam), None)
            cellen.append(f"{t['seconden']:.2f} s {t['opmerking']}" if t else "–")
        regels.append(f"| {naam} | " + " | ".join(cellen) + " |")
    regels.append(EIND)
    blok = "\n".join(regels)
    pad = ROOT / "docs" / "benchmarks.md"
    tekst = pad.read_text() if pad.exists() else "# Benchmarks\n\n"
    if BEGIN in tekst and EIND in tekst:
        voor, rest = tekst.split(BEGIN, 1)
        tekst = voor + blok + rest.split(EIND, 1)[1]
    else:
        tekst = tekst.rstrip() + "\n\n" + blok + "\n"
    pad.write_text(tekst)
