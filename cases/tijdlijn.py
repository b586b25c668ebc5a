"""The dossier timeline: a registry of providers, one per kind of event.

HOW TO ADD YOUR EVENTS (tlv/, zorgplicht/, verzuim/, interventies, ...)
----------------------------------------------------------------------
Write a provider next to your other reads and register it in your app's registraties.py, which
your AppConfig.ready() imports::

    # tlv/navigatie.py
    from cases.tijdlijn import TijdlijnItem

    def tlv_items(leerling_ids, *, user):
        rows = TLVAanvraag.objects.filter(leerling_id__in=leerling_ids).values_list(
            "pk", "leerling_id", "ontvangen_op", "status")           # ONE query, no per-row queries
        return [
            TijdlijnItem(leerling_id=lid, datum=ontvangen, soort="TLV-aanvraag",
                         titel="TLV-aanvraag ontvangen", url=reverse("tlv:detail", args=[pk]),
                         status=status, stap=10)
            for pk, lid, ontvangen, status in rows
        ]

    # tlv/registraties.py
    from cases.tijdlijn import registreer_tijdlijn
    from tlv.navigatie import tlv_items

    registreer_tijdlijn("tlv", volgorde=40)(tlv_items)

Rules for a provider:
- Signature `(leerling_ids: Sequence[int], *, user) -> Iterable[TijdlijnItem]`. The caller has
  already checked that `user` may see these leerlingen; use `user` only to leave out items this
  user may not open (e.g. a deskundige's advice that is not yet submitted).
- Exactly ONE query whatever the number of events (select_related / values, no lazy FK access),
  so the dossier page keeps a constant number of queries (tests/cases/test_dossier*.py).
- `datum` is a `date`; `url` may be "" when there is nothing to open; `status` is a short Dutch
  word ("concept", "vastgesteld", "aangehouden"); no BSN and nothing beyond what the title needs.
- `stap` (optional): the step of the checklist leerlingondersteuning [002 bijlage 3.6] this event
  shows the pupil to be at, e.g. 10 for a TLV-aanvraag, 8 for a started arrangement. The dossier
  takes the step of the most recent event that carries one (cases/dossier/selectors.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

CHECKLIST_STAPPEN: list[tuple[int, str, str]] = [
    # (stap, naam, toelichting) — checklist leerlingondersteuning SWV [002 bijlage 3.6]
    (
        1,
        "Waarnemen",
        "De leerkracht signaleert een specifieke onderwijsbehoefte en voert een leerlinggesprek.",
    ),
    (2, "Begrijpen", "Leerkracht en IB'er benoemen de onderwijsbehoefte; ouders worden geïnformeerd."),
    (3, "Plannen", "Leerkracht en IB'er stellen een plan op; gesprek met ouders en leerling."),
    (4, "Realiseren", "De leerkracht voert het groepsplan of de doelen uit het OPP uit."),
    (5, "Waarnemen (evalueren)", "Evaluatie met IB'er, leerling en ouders: zijn de doelen gehaald?"),
    (6, "Leerlingbespreking", "De hulpvraag wordt ingebracht in de leerlingbespreking."),
    (
        7,
        "Ondersteuningsteam op schoolniveau",
        "Ouders, leerkracht, IB'er en SC bespreken de hulpvraag in het OT.",
    ),
    (8, "Ondersteuningstraject", "Ondersteuning van het SWV en/of lokaal team is ingezet."),
    (
        9,
        "Evaluatie en vervolgtraject",
        "Het OT evalueert de voortgang: meer ondersteuning, bao-bao of verwijzing?",
    ),
    (10, "Verwijzing", "Plaatsing op sbo of so is nodig: aanvraag TLV met OPP."),
]


@dataclass(frozen=True)
class TijdlijnItem:
    leerling_id: int
    datum: date
    soort: str
    titel: str
    url: str = ""
    status: str = ""
    stap: int | None = None
    volgorde: int = 50  # tie-break between items on the same day (provider order)


Provider = Callable[..., Iterable[TijdlijnItem]]


@dataclass(frozen=True)
class _Registratie:
    naam: str
    provider: Provider
    volgorde: int


_PROVIDERS: dict[str, _Registratie] = {}


def registreer_tijdlijn(naam: str, *, volgorde: int = 50) -> Callable[[Provider], Provider]:
    """Decorator: register `provider` under a unique name (re-registering replaces it)."""

    def decorator(provider: Provider) -> Provider:
        _PROVIDERS[naam] = _Registratie(naam, provider, volgorde)
        return provider

    return decorator


def providers() -> list[str]:
    return [r.naam for r in sorted(_PROVIDERS.values(), key=lambda r: r.volgorde)]


def tijdlijn_voor(leerling_ids: Sequence[int], *, user) -> dict[int, list[TijdlijnItem]]:
    """All events of these leerlingen, newest first; one query per registered provider."""
    ids = list(leerling_ids)
    per_leerling: dict[int, list[TijdlijnItem]] = {i: [] for i in ids}
    if not ids:
        return per_leerling
    for reg in sorted(_PROVIDERS.values(), key=lambda r: r.volgorde):
        for item in reg.provider(ids, user=user):
            per_leerling.setdefault(item.leerling_id, []).append(item)
    for items in per_leerling.values():
        items.sort(key=lambda i: (i.datum, i.volgorde), reverse=True)
    return per_leerling


def tijdlijn(leerling, *, user) -> list[TijdlijnItem]:
    """The timeline of one leerling, newest first."""
    return tijdlijn_voor([leerling.pk], user=user)[leerling.pk]


def huidige_stap(items: Iterable[TijdlijnItem]) -> TijdlijnItem | None:
    """The most recent event that says at which checklist step the pupil is."""
    met_stap = [i for i in items if i.stap is not None]
    if not met_stap:
        return None
    return max(met_stap, key=lambda i: (i.datum, i.volgorde))
