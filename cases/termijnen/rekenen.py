# Over 500 lines on purpose: the pure deadline engine (Awb, Atw, zorgplicht rules) reads as one
# unit and has no Django imports; its public API is re-exported by cases/termijnen/__init__.py.
"""Legal terms (termijnen): how every deadline in Passend is counted [domain §11].

Pure functions: no database access, no clock. Every app computes its deadlines here, so a
user can check any date in the product by hand against one rule set:

* A term of N weeks "na" an event on day D begins the day after D; its last day is D + 7·N
  (Awb 4:13, 6:7/6:8, 7:10; zorgplicht WPO art. 40 lid 4 as worked out in the SWV's
  ondersteuningsplan [002 bijlage 2.2.1]).
* Opschorting (Awb 4:15): a request for information on day R answered on day A suspends the days
  after R up to but not including A, i.e. A − R − 1 days; overlapping suspensions count once.
* Algemene termijnenwet art. 1 lid 1: a term set by law whose last day falls on a Saturday,
  Sunday or algemeen erkende feestdag ends on the next day that is none of these.
  Art. 3 lid 1 lists the feestdagen, lid 2 puts Goede Vrijdag on a par with them, lid 3 lets a
  Royal Decree add days (the table ``BESLUITDAGEN`` below plus the setting
  ``PASSEND_EXTRA_ATW_DAGEN`` for decrees published after this release).

The setting is read lazily and only from ``django.conf.settings``; the functions stay pure with
respect to the database and work without Django configured (then only the built-in table counts).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from dateutil.easter import easter

__all__ = [
    "BESLUITDAGEN",
    "Berekening",
    "Besluitdag",
    "Opschortingsperiode",
    "Verschuiving",
    "atw_feestdagen",
    "atw_verschuif",
    "bezwaartermijn_einde",
    "beslistermijn_bezwaar",
    "feestdag_naam",
    "formatteer_datum",
    "is_atw_feestdag",
    "is_werkdag",
    "leerplichtig_vanaf",
    "opgeschorte_dagen",
    "plus_maanden",
    "plus_werkdagen",
    "termijn_berekening",
    "termijn_einde",
    "tlv_beslistermijn",
    "werkdagen_berekening",
    "zorgplicht_einde",
]

# --- Atw art. 3 lid 3: days put on a par with a feestdag by Royal Decree -----------------------


@dataclass(frozen=True)
class Besluitdag:
    """A day a Royal Decree puts on a par with an algemeen erkende feestdag (Atw art. 3 lid 3)."""

    datum: date
    besluit: str


_BESLUIT_2023_2025 = (
    "Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en "
    "30 mei 2025 met een algemeen erkende feestdag"
)
_BESLUIT_2026_2028 = (
    "Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en "
    "26 mei 2028 met een algemeen erkende feestdag"
)

#: The one table of decree days. A decree published later goes into the setting
#: PASSEND_EXTRA_ATW_DAGEN (ISO dates) until the next release adds it here.
BESLUITDAGEN: tuple[Besluitdag, ...] = (
    Besluitdag(date(2023, 4, 28), _BESLUIT_2023_2025),
    Besluitdag(date(2023, 5, 19), _BESLUIT_2023_2025),
    Besluitdag(date(2024, 5, 10), _BESLUIT_2023_2025),
    Besluitdag(date(2024, 12, 27), _BESLUIT_2023_2025),
    Besluitdag(date(2025, 5, 30), _BESLUIT_2023_2025),
    Besluitdag(date(2026, 1, 2), _BESLUIT_2026_2028),
    Besluitdag(date(2026, 5, 15), _BESLUIT_2026_2028),
    Besluitdag(date(2027, 5, 7), _BESLUIT_2026_2028),
    Besluitdag(date(2028, 4, 28), _BESLUIT_2026_2028),
    Besluitdag(date(2028, 5, 26), _BESLUIT_2026_2028),
)

_GELIJKGESTELD = "met een feestdag gelijkgestelde dag"
_EXTRA_BESLUIT = "koninklijk besluit op grond van Atw art. 3 lid 3 (instelling PASSEND_EXTRA_ATW_DAGEN)"


def _extra_besluitdagen() -> dict[date, str]:
    """Decree days from settings.PASSEND_EXTRA_ATW_DAGEN (ISO strings, or a mapping ISO → decree).

    Read on every call (cheap) so that a changed setting takes effect without a restart and tests
    can override it; parsing is cached per distinct value.
    """
    try:
        from django.conf import settings

        if not settings.configured:
            return {}
        waarde = getattr(settings, "PASSEND_EXTRA_ATW_DAGEN", None) or ()
    except ImportError:  # pragma: no cover - Django is always installed in this project
        return {}
    if isinstance(waarde, Mapping):
        sleutel: tuple[tuple[str, str], ...] = tuple((str(k), str(v)) for k, v in waarde.items())
    else:
        sleutel = tuple((str(k), _EXTRA_BESLUIT) for k in waarde)
    return _parse_extra(sleutel)


@lru_cache(maxsize=16)
def _parse_extra(items: tuple[tuple[str, str], ...]) -> dict[date, str]:
    from django.core.exceptions import ImproperlyConfigured

    uitkomst: dict[date, str] = {}
    for iso, besluit in items:
        try:
            uitkomst[date.fromisoformat(iso.strip())] = besluit
        except ValueError as exc:
            raise ImproperlyConfigured(
                f"PASSEND_EXTRA_ATW_DAGEN bevat {iso!r}: dat is geen datum in de vorm JJJJ-MM-DD."
            ) from exc
    return uitkomst


# --- Atw art. 3 lid 1 and 2: the feestdagen of a year --------------------------------------------


@lru_cache(maxsize=256)
def _wettelijke_feestdagen(jaar: int) -> dict[date, str]:
    """Atw art. 3 lid 1 and lid 2 for one year (without decree days)."""
    pasen = easter(jaar)
    dagen = {
        date(jaar, 1, 1): "Nieuwjaarsdag",
        pasen - timedelta(days=2): "Goede Vrijdag",  # Atw art. 3 lid 2
        pasen + timedelta(days=1): "Tweede Paasdag",
        date(jaar, 5, 5): "Bevrijdingsdag (5 mei)",  # every year, not only lustrum years
        pasen + timedelta(days=39): "Hemelvaartsdag",
        pasen + timedelta(days=50): "Tweede Pinksterdag",
        date(jaar, 12, 25): "Eerste Kerstdag",
        date(jaar, 12, 26): "Tweede Kerstdag",
    }
    # "de dag waarop de verjaardag van de Koning wordt gevierd": 27 April since 2014 (26 April when
    # the 27th is a Sunday); before 2014 Koninginnedag, 30 April (29 April when a Sunday).
    if jaar >= 2014:
        koningsdag = date(jaar, 4, 27)
        naam = "Koningsdag"
        if koningsdag.weekday() == 6:
            koningsdag, naam = date(jaar, 4, 26), "Koningsdag (27 april valt op zondag)"
    else:
        koningsdag = date(jaar, 4, 30)
        naam = "Koninginnedag"
        if koningsdag.weekday() == 6:
            koningsdag = date(jaar, 4, 29)
    dagen[koningsdag] = naam
    return dagen


def atw_feestdagen(jaar: int) -> dict[date, str]:
    """All algemeen erkende feestdagen of ``jaar`` with their Dutch name (Atw art. 3 lid 1-3).

    Includes Goede Vrijdag (lid 2), 5 mei in every year (lid 1) and the decree days (lid 3) from
    ``BESLUITDAGEN`` and the setting PASSEND_EXTRA_ATW_DAGEN.
    """
    dagen = dict(_wettelijke_feestdagen(jaar))
    for besluitdag in BESLUITDAGEN:
        if besluitdag.datum.year == jaar:
            dagen.setdefault(besluitdag.datum, f"{_GELIJKGESTELD} ({besluitdag.besluit})")
    for datum, besluit in _extra_besluitdagen().items():
        if datum.year == jaar:
            dagen.setdefault(datum, f"{_GELIJKGESTELD} ({besluit})")
    return dagen


def feestdag_naam(d: date) -> str | None:
    """The name of the Atw feestdag on ``d`` (e.g. "Goede Vrijdag"), or None (Atw art. 3)."""
    return atw_feestdagen(d.year).get(d)


def is_atw_feestdag(d: date) -> bool:
    """Whether ``d`` is an algemeen erkende feestdag or a day put on a par with one (Atw art. 3).

    Nieuwjaarsdag, Goede Vrijdag, Tweede Paasdag, Koningsdag (26 April when the 27th is a Sunday),
    5 mei (every year), Hemelvaartsdag, Tweede Pinksterdag, Eerste en Tweede Kerstdag, and the
    decree days [domain §11].
    """
    return feestdag_naam(d) is not None


def is_werkdag(d: date) -> bool:
    """Monday to Friday and not an Atw feestdag [domain §11 "Werkdagen"; Atw art. 1, 3]."""
    return d.weekday() < 5 and not is_atw_feestdag(d)


def atw_verschuif(d: date) -> date:
    """``d``, or the next day that is not a Saturday, Sunday or Atw feestdag (Atw art. 1 lid 1)."""
    while not is_werkdag(d):
        d += timedelta(days=1)
    return d


def plus_werkdagen(d: date, n: int) -> date:
    """The n-th werkdag after ``d`` (``d`` itself not counted; n = 0 gives ``d``) [domain §11].

    Used for the 5 werkdagen of the ontvangstbevestiging bezwaar and ouders' reaction time, and the
    2 werkdagen to request TLA information [002 §1.9, §1.12, §1.13].
    """
    if n < 0:
        raise ValueError("Het aantal werkdagen kan niet negatief zijn.")
    while n:
        d += timedelta(days=1)
        if is_werkdag(d):
            n -= 1
    return d


def plus_maanden(d: date, n: int) -> date:
    """The same day number ``n`` months after ``d``; the month's last day when it has no such day.

    For periods counted in months (thuiszitter "three months at home" [domain §10], arrangementen
    of at most 3 months [domain §9]). These are durations, not Atw terms: never moved.
    """
    if n < 0:
        raise ValueError("Het aantal maanden kan niet negatief zijn.")
    maand_index = d.month - 1 + n
    jaar, maand = d.year + maand_index // 12, maand_index % 12 + 1
    return date(jaar, maand, min(d.day, calendar.monthrange(jaar, maand)[1]))


# --- opschorting ---------------------------------------------------------------------------------


def _opgeschorte_dag_set(opschortingen: Iterable[tuple[date, date]]) -> set[date]:
    dagen: set[date] = set()
    for verzoek, ontvangst in opschortingen:
        if ontvangst < verzoek:
            raise ValueError(
                f"Opschorting: de ontvangst ({formatteer_datum(ontvangst)}) ligt vóór het verzoek "
                f"({formatteer_datum(verzoek)})."
            )
        dagen.update(verzoek + timedelta(days=i) for i in range(1, (ontvangst - verzoek).days))
    return dagen


def opgeschorte_dagen(opschortingen: Iterable[tuple[date, date]]) -> int:
    """Days suspended by (verzoek R, ontvangst A) pairs: the days after R up to but not including A,
    A − R − 1 each, overlaps counted once (Awb 4:15 lid 1 onder a) [domain §11]."""
    return len(_opgeschorte_dag_set(opschortingen))


# --- the general term ----------------------------------------------------------------------------


def termijn_einde(
    start: date,
    *,
    weken: int = 0,
    dagen: int = 0,
    opschortingen: Iterable[tuple[date, date]] = (),
    atw: bool = True,
) -> date:
    """Last day of a term that begins the day after ``start`` [domain §11].

    start + 7·weken + dagen (the same weekday as ``start`` for whole weeks), plus the suspended
    days of each (verzoek, ontvangst) pair — the days after verzoek up to but not including
    ontvangst, overlaps counted once (Awb 4:15) — then moved past Saturdays, Sundays and Atw
    feestdagen when ``atw`` is true (Atw art. 1 lid 1; only for terms set by law, not for the
    SWV's own service norms or maximum durations).
    """
    if weken < 0 or dagen < 0:
        raise ValueError("Een termijn kan niet negatief zijn.")
    einde = start + timedelta(days=7 * weken + dagen + opgeschorte_dagen(opschortingen))
    return atw_verschuif(einde) if atw else einde


def zorgplicht_einde(
    aanmelding: date, *, verlengd: bool = False, opschortingen: Iterable[tuple[date, date]] = ()
) -> date:
    """End of the zorgplicht term: 6 weeks after receipt of the written aanmelding, once extendable
    to 10 weeks counted from the aanmelding (D + 70, not the moved 6-week end + 4 weeks); extended
    by the time from requesting to receiving extra information; Atw applies
    (WPO art. 40 lid 4; [002 bijlage 2.2.1]; [domain §7, §11])."""
    return termijn_einde(aanmelding, weken=10 if verlengd else 6, opschortingen=opschortingen)


def tlv_beslistermijn(ontvangst: date, *, opschortingen: Iterable[tuple[date, date]] = ()) -> date:
    """Decision term on a TLV-aanvraag: 8 weeks after receipt (Awb 4:13), suspended while requested
    information is outstanding (Awb 4:15); Atw applies [002 §1.8, §1.9]."""
    return termijn_einde(ontvangst, weken=8, opschortingen=opschortingen)


def bezwaartermijn_einde(verzonden: date) -> date:
    """Last day to object: 6 weeks (Awb 6:7) beginning the day after the decision was sent, i.e.
    made known (Awb 6:8 lid 1) — not the day it arrived; Atw applies [002 §1.12]."""
    return termijn_einde(verzonden, weken=6)


def beslistermijn_bezwaar(
    bezwaartermijn_einde: date, *, adviescommissie: bool = False, verdaagd: bool = False
) -> date:
    """Decision term on a bezwaar (Awb 7:10): 6 weeks from the end of the bezwaartermijn (lid 1),
    12 weeks when an advisory committee as in Awb 7:13 advises, once extendable by 6 weeks (lid 3).

    The extension is counted from the end of the bezwaartermijn (6+6 or 12+6 weeks), like the
    zorgplicht extension, so an earlier Atw move is not compounded; Atw applies [domain §11].
    """
    weken = (12 if adviescommissie else 6) + (6 if verdaagd else 0)
    return termijn_einde(bezwaartermijn_einde, weken=weken)


def schooljaar_begin(d: date) -> date:
    """A school year runs from 1 August to 31 July; the 1 August that starts the one `d` is in."""
    return date(d.year if d.month >= 8 else d.year - 1, 8, 1)


def leerplichtig_vanaf(geboortedatum: date) -> date:
    """First day of the month after the month in which the child turns 5 (Leerplichtwet 1969 art. 3
    lid 1: "met ingang van de eerste schooldag van de maand volgende op die waarin het de leeftijd
    van vijf jaren bereikt") [domain §10].

    Returns the first calendar day of that month; the first *school* day is the first lesdag on or
    after it, which depends on the school's holidays (cases.termijnen.selectors.eerste_schooldag).
    A child born on 29 February turns 5 in February (the birthday month): leerplicht from 1 March.
    """
    maand_index = geboortedatum.month  # month after the birth month (0-based + 1)
    jaar = geboortedatum.year + 5 + maand_index // 12
    return date(jaar, maand_index % 12 + 1, 1)


# --- the explanation the UI shows ("hoe berekend") -----------------------------------------------

_DAGEN = ("ma", "di", "wo", "do", "vr", "za", "zo")
_MAANDEN = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def formatteer_datum(d: date) -> str:
    """Dutch short date as the product shows it: "di 3 feb 2026"."""
    return f"{_DAGEN[d.weekday()]} {d.day} {_MAANDEN[d.month - 1]} {d.year}"


def _reden_geen_werkdag(d: date) -> str:
    naam = feestdag_naam(d)
    weekdag = {5: "zaterdag", 6: "zondag"}.get(d.weekday())
    if naam and weekdag:
        return f"{weekdag} en {naam}"
    return naam or weekdag or "werkdag"


@dataclass(frozen=True)
class Opschortingsperiode:
    """One (verzoek, ontvangst) pair and what it adds to the term (Awb 4:15)."""

    verzoek: date
    ontvangst: date
    dagen: int  # A − R − 1 (never negative)
    meegeteld: int  # the days not already counted by an earlier, overlapping suspension
    eerste_dag: date | None
    laatste_dag: date | None


@dataclass(frozen=True)
class Verschuiving:
    """A day the Atw move skipped over, with the reason (Saturday, Sunday, the holiday's name)."""

    datum: date
    reden: str


@dataclass(frozen=True)
class Berekening:
    """A term with its working, for the "hoe berekend" explanation [domain §11]."""

    start: date
    weken: int
    dagen: int
    basis: str
    atw: bool
    opschortingen: tuple[Opschortingsperiode, ...]
    opgeschorte_dagen: int
    einde_zonder_opschorting: date
    einde_onverschoven: date
    verschuivingen: tuple[Verschuiving, ...]
    einde: date
    uitleg: tuple[str, ...] = field(default=())
    werkdagen: int = 0

    @property
    def verschoven(self) -> bool:
        return self.einde != self.einde_onverschoven

    @property
    def feestdagen(self) -> tuple[str, ...]:
        """Names of the Atw feestdagen the move skipped (for a short label)."""
        return tuple(n for v in self.verschuivingen if (n := feestdag_naam(v.datum)))


def _duur_tekst(weken: int, dagen: int) -> str:
    delen = []
    if weken:
        delen.append(f"{weken} {'week' if weken == 1 else 'weken'}")
    if dagen:
        delen.append(f"{dagen} {'dag' if dagen == 1 else 'dagen'}")
    return " en ".join(delen) or "0 dagen"


def _dagen_tekst(n: int) -> str:
    return f"{n} {'dag' if n == 1 else 'dagen'}"


def termijn_berekening(
    start: date,
    *,
    weken: int = 0,
    dagen: int = 0,
    opschortingen: Iterable[tuple[date, date] | tuple[date, date, str]] = (),
    atw: bool = True,
    basis: str = "",
    start_omschrijving: str = "de startdatum",
    extra_uitleg: Iterable[str] = (),
) -> Berekening:
    """The same computation as :func:`termijn_einde`, with every step recorded and explained in
    Dutch for someone who knows the law but not the code [domain §11].

    An opschorting may carry a third element, the Dutch description of the request that replaces
    the default "informatie gevraagd op …, ontvangen op …" (e.g. when the answer period expired).
    ``extra_uitleg`` lines (e.g. about an extension) follow the start line.
    """
    if weken < 0 or dagen < 0:
        raise ValueError("Een termijn kan niet negatief zijn.")
    paren = sorted(
        (p[0], p[1], p[2] if len(p) > 2 else "")  # type: ignore[misc]
        for p in opschortingen
    )
    zonder = start + timedelta(days=7 * weken + dagen)
    uitleg: list[str] = []
    duur = _duur_tekst(weken, dagen)
    if basis:
        uitleg.append(f"Grondslag: {basis}.")
    uitleg.append(
        f"Start: {start_omschrijving} op {formatteer_datum(start)}. De termijn begint de dag daarna, "
        f"{formatteer_datum(start + timedelta(days=1))}."
    )
    uitleg.extend(extra_uitleg)
    in_dagen = f" ({_dagen_tekst(7 * weken + dagen)})" if weken else ""
    uitleg.append(
        f"{duur[0].upper()}{duur[1:]}{in_dagen} na {formatteer_datum(start)}: {formatteer_datum(zonder)}."
    )

    perioden: list[Opschortingsperiode] = []
    geteld: set[date] = set()
    for nummer, (verzoek, ontvangst, omschrijving) in enumerate(paren, start=1):
        eigen = _opgeschorte_dag_set([(verzoek, ontvangst)])
        nieuw = eigen - geteld
        geteld |= eigen
        periode = Opschortingsperiode(
            verzoek=verzoek,
            ontvangst=ontvangst,
            dagen=len(eigen),
            meegeteld=len(nieuw),
            eerste_dag=min(eigen) if eigen else None,
            laatste_dag=max(eigen) if eigen else None,
        )
        perioden.append(periode)
        omschrijving = omschrijving or (
            f"informatie gevraagd op {formatteer_datum(verzoek)}, ontvangen op {formatteer_datum(ontvangst)}"
        )
        regel = f"Opschorting {nummer}: {omschrijving}. "
        if not eigen:
            regel += (
                "Er ligt geen dag tussen verzoek en ontvangst: 0 dagen opgeschort (art. 4:15 Awb: "
                "de dagen na het verzoek tot de dag van ontvangst)."
            )
        else:
            regel += (
                f"Opgeschort van {formatteer_datum(min(eigen))} t/m {formatteer_datum(max(eigen))}: "
                f"{_dagen_tekst(len(eigen))} (art. 4:15 Awb: de dagen na het verzoek tot de dag van "
                f"ontvangst)."
            )
            if len(nieuw) < len(eigen):
                regel += (
                    f" Overlapt met een eerdere opschorting: {_dagen_tekst(len(eigen) - len(nieuw))} "
                    f"al meegeteld, dus {_dagen_tekst(len(nieuw))} extra."
                )
        uitleg.append(regel)
    totaal = len(geteld)
    onverschoven = zonder + timedelta(days=totaal)
    if perioden:
        uitleg.append(
            f"Totaal opgeschort: {_dagen_tekst(totaal)}. {formatteer_datum(zonder)} + "
            f"{_dagen_tekst(totaal)} = {formatteer_datum(onverschoven)}."
        )

    verschuivingen: list[Verschuiving] = []
    einde = onverschoven
    if atw:
        while not is_werkdag(einde):
            verschuivingen.append(Verschuiving(einde, _reden_geen_werkdag(einde)))
            einde += timedelta(days=1)
        if verschuivingen:
            overgeslagen = "; ".join(f"{formatteer_datum(v.datum)} ({v.reden})" for v in verschuivingen)
            uitleg.append(
                "Algemene termijnenwet art. 1 lid 1: een wettelijke termijn die eindigt op een "
                "zaterdag, zondag of algemeen erkende feestdag, loopt door tot en met de eerstvolgende "
                f"dag die dat niet is. Overgeslagen: {overgeslagen}. De termijn eindigt daarom op "
                f"{formatteer_datum(einde)}."
            )
        else:
            uitleg.append(
                f"De berekende dag, {formatteer_datum(einde)}, is geen zaterdag, zondag of algemeen "
                "erkende feestdag: geen verschuiving (Algemene termijnenwet art. 1 lid 1)."
            )
    else:
        uitleg.append(
            "De Algemene termijnenwet geldt niet voor deze termijn (geen wettelijke termijn): "
            "een weekend of feestdag verschuift de einddatum niet."
        )
    uitleg.append(f"Laatste dag van de termijn: {formatteer_datum(einde)}.")

    return Berekening(
        start=start,
        weken=weken,
        dagen=dagen,
        basis=basis,
        atw=atw,
        opschortingen=tuple(perioden),
        opgeschorte_dagen=totaal,
        einde_zonder_opschorting=zonder,
        einde_onverschoven=onverschoven,
        verschuivingen=tuple(verschuivingen),
        einde=einde,
        uitleg=tuple(uitleg),
    )


def werkdagen_berekening(
    start: date, n: int, *, basis: str = "", start_omschrijving: str = "de startdatum"
) -> Berekening:
    """:func:`plus_werkdagen` with its working: which days were skipped and why [domain §11]."""
    einde = plus_werkdagen(start, n)
    uitleg: list[str] = []
    if basis:
        uitleg.append(f"Grondslag: {basis}.")
    uitleg.append(f"Start: {start_omschrijving} op {formatteer_datum(start)}. Die dag telt niet mee.")
    overgeslagen = [
        Verschuiving(d, _reden_geen_werkdag(d))
        for d in (start + timedelta(days=i) for i in range(1, (einde - start).days))
        if not is_werkdag(d)
    ]
    regel = (
        f"{n} {'werkdag' if n == 1 else 'werkdagen'} geteld: maandag tot en met vrijdag, zonder algemeen "
        "erkende feestdagen (Algemene termijnenwet art. 3)."
    )
    feestdagen = [v for v in overgeslagen if feestdag_naam(v.datum)]
    if feestdagen:
        regel += (
            " Niet meegeteld: "
            + "; ".join(f"{formatteer_datum(v.datum)} ({v.reden})" for v in feestdagen)
            + "."
        )
    uitleg.append(regel)
    uitleg.append(f"Laatste dag van de termijn: {formatteer_datum(einde)}.")
    return Berekening(
        start=start,
        weken=0,
        dagen=0,
        basis=basis,
        atw=True,
        opschortingen=(),
        opgeschorte_dagen=0,
        einde_zonder_opschorting=einde,
        einde_onverschoven=einde,
        verschuivingen=(),
        einde=einde,
        uitleg=tuple(uitleg),
        werkdagen=n,
    )
