"""What the benchmark measures: pages (role + URL) and background work. Data for the apps beyond
the core (dossier history, TLV-aanvragen, terms, thuiszitters) is added by bouw_extra()."""

from __future__ import annotations

import time
from types import SimpleNamespace
from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from bench.data import BenchWereld


@dataclass(frozen=True)
class Pagina:
    naam: str
    rol: str
    url: Callable[[BenchWereld], str]


@dataclass(frozen=True)
class Taak:
    naam: str
    meet: Callable[[BenchWereld], tuple[float, str]]


PAGINAS: list[Pagina] = [
    Pagina("Mijn werk van de IB'er", "ib", lambda w: reverse("home")),
    Pagina("Mijn werk van de SC", "sc", lambda w: reverse("home")),
]


def _letter(w: BenchWereld) -> tuple[float, str]:
    from django.template.loader import render_to_string

    from cases.models import Leerling, Samenwerkingsverband
    from cases.services.brieven import render_pdf

    leerling = Leerling.objects.filter(huidige_school_id=w.eerste_school_id).first()
    html = render_to_string("brieven/basis.html", {
        "swv": Samenwerkingsverband.objects.get(pk=w.swv_ids[0]), "leerling": leerling,
        "geadresseerden": [{"naam": "Ouder Bench", "adres": "Benchstraat 1", "postcode_plaats": "9999 ZZ"}],
        "brief": SimpleNamespace(kenmerk="BENCH-1", onderwerp="Benchmarkbrief", ondertekenaar="Bench, bestuurder"),
    })
    render_pdf(html)  # warm-up: fonts
    t0 = time.perf_counter()
    render_pdf(html)
    return time.perf_counter() - t0, "(één A4-brief, WeasyPrint)"


TAKEN: list[Taak] = [Taak("Brief renderen (pdf)", _letter)]


def bouw_extra(w: BenchWereld) -> None:
    """Hook for app data at scale; extended as the apps land."""
