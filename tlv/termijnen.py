"""The TLV's own terms, computed from dates on its rows with cases.termijnen (never stored):
the beslistermijn with its opschortingen (Awb 4:13, 4:15), the verdaging (Awb 4:14), and the
TLV's period and start date [002 §1.16, §1.20, §1.22]. Pure functions over loaded rows, so a
worklist computes them for a page of aanvragen without extra queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from cases.termijnen import Berekening, opgeschorte_dagen, termijn_berekening, tlv_beslistermijn
from cases.termijnen.afloop import Afloop
from tlv.models.keuzes import Status

BASIS_BESLISTERMIJN = (
    "Awb 4:13 (beslissen binnen acht weken na ontvangst), opgeschort volgens Awb 4:15 [002 §1.8, §1.9]"
)
VERDAGING_WAARSCHUWING_DAGEN = 7  # the system warns a week before the 8 weeks end [issue 5]


@dataclass(frozen=True)
class TermijnStand:
    """Where the decision term of one aanvraag stands on `vandaag`."""

    berekening: Berekening | None  # None while concept
    opgeschort_sinds: date | None  # an open information request: the term stands still
    verdaagd_tot: date | None
    vandaag: date
    beslist_op: date | None = None  # the decision (besluit_op): the term is over [issue 20.3]
    gestopt: bool = False  # the aanvraag was withdrawn: the term no longer applies
    gestopt_op: date | None = None
    gestopt_reden: str = ""

    @property
    def afloop(self) -> Afloop | None:
        """How the term ended (cases/termijnen/afloop.py); None while it runs."""
        if self.beslist_op is not None:
            return Afloop(False, self.beslist_op, self.einde, werkwoord="beslist")
        if self.gestopt:
            return Afloop(True, self.gestopt_op, self.einde, self.gestopt_reden)
        return None

    @property
    def lopend(self) -> bool:
        return self.einde is not None and self.afloop is None

    @property
    def wettelijk_einde(self) -> date | None:
        return self.berekening.einde if self.berekening else None

    @property
    def einde(self) -> date | None:
        """The date that binds: the verdaging's new term when announced, else the Awb term."""
        return self.verdaagd_tot or self.wettelijk_einde

    @property
    def dagen_over(self) -> int | None:
        if self.einde is None:
            return None
        return (self.einde - self.vandaag).days

    @property
    def loopt_stil(self) -> bool:
        return self.opgeschort_sinds is not None and self.afloop is None

    @property
    def verdaging_mogelijk(self) -> bool:
        """Awb 4:14 lid 3: only before the 8 weeks (with suspensions) have ended."""
        return self.lopend and self.vandaag <= self.wettelijk_einde and not self.verdaagd_tot

    @property
    def waarschuwing_verdagen(self) -> bool:
        """Within a week of the end and not decided: announce a verdaging now or decide."""
        return (
            self.verdaging_mogelijk
            and not self.loopt_stil
            and self.dagen_over is not None
            and self.dagen_over <= VERDAGING_WAARSCHUWING_DAGEN
        )

    @property
    def label(self) -> str:
        if self.einde is None:
            return "nog niet ingediend"
        if self.afloop is not None:
            return self.afloop.tekst
        if self.loopt_stil:
            return "opgeschort: termijn staat stil"
        if self.dagen_over < 0:
            return f"{-self.dagen_over} dagen over de termijn"
        return f"nog {self.dagen_over} dagen"

    @property
    def kleur(self) -> str:
        if self.afloop is not None:
            return "groen" if not self.afloop.gestopt and self.afloop.op_tijd else ""
        if self.einde is None or self.loopt_stil:
            return ""
        if self.dagen_over < 0:
            return "rood"
        if self.dagen_over <= VERDAGING_WAARSCHUWING_DAGEN:
            return "oranje"
        return "groen"


@dataclass(frozen=True)
class _Einde:
    """The end without the explanation (worklists: no Dutch text per row)."""

    einde: date


def beslistermijn(
    aanvraag,
    *,
    vandaag: date,
    opschortingen=None,
    verdagingen=None,
    intrekkingen=None,
    uitleg: bool = True,
) -> TermijnStand:
    """Uses prefetched `opschortingen`, `verdagingen` and `intrekkingen` (the Overgang rows to
    ingetrokken) when given (worklists); `uitleg=False` skips building the explanation (the same
    end date, computed by cases.termijnen). A decided aanvraag's term is over on its besluit_op,
    a withdrawn one's on the day it was withdrawn [issue 20.3]."""
    if aanvraag.ontvangen_op is None:
        return TermijnStand(None, None, None, vandaag)
    gestopt = aanvraag.status == Status.INGETROKKEN
    gestopt_op = None
    if gestopt:
        ingetrokken = (
            intrekkingen if intrekkingen is not None else aanvraag.overgangen.filter(naar=Status.INGETROKKEN)
        )
        gestopt_op = max((o.datum for o in ingetrokken if o.naar == Status.INGETROKKEN), default=None)
    # A term that is over stops moving on the day it ended, even with a request still open.
    tot = min(vandaag, aanvraag.besluit_op or gestopt_op or vandaag)
    rijen = list(opschortingen if opschortingen is not None else aanvraag.opschortingen.all())
    paren = [(o.verzoek_op, o.ontvangen_op) for o in rijen if o.ontvangen_op]
    open_ = [o for o in rijen if o.ontvangen_op is None]
    opgeschort_sinds = min(o.verzoek_op for o in open_) if open_ else None
    if opgeschort_sinds is not None:
        # While suspended the end moves day by day: show it as if the information came in today.
        paren.append((opgeschort_sinds, max(tot, opgeschort_sinds)))
    if uitleg:
        berekening = termijn_berekening(
            aanvraag.ontvangen_op,
            weken=8,
            opschortingen=paren,
            basis=BASIS_BESLISTERMIJN,
            start_omschrijving="ontvangst van de aanvraag",
        )
    else:
        berekening = _Einde(tlv_beslistermijn(aanvraag.ontvangen_op, opschortingen=paren))
    verd = list(verdagingen if verdagingen is not None else aanvraag.verdagingen.all())
    verdaagd_tot = max((v.nieuwe_termijn for v in verd), default=None)
    return TermijnStand(
        berekening,
        opgeschort_sinds,
        verdaagd_tot,
        vandaag,
        beslist_op=aanvraag.besluit_op,
        gestopt=gestopt,
        gestopt_op=gestopt_op,
        # The school's reason on the detail; a worklist row keeps to the fact.
        gestopt_reden=f"aanvraag ingetrokken – {aanvraag.ingetrokken_reden}"
        if uitleg and aanvraag.ingetrokken_reden
        else "aanvraag ingetrokken",
    )


def beslistermijn_einde(ontvangen_op: date, opschortingen: list[tuple[date, date]]) -> date:
    return tlv_beslistermijn(ontvangen_op, opschortingen=opschortingen)


# --- doorlooptijd ------------------------------------------------------------------------------


def doorlooptijd_netto(ontvangen_op: date, besluit_op: date, opschortingen: list[tuple[date, date]]) -> int:
    """Calendar days from receipt to decision minus the suspended days (Awb 4:15) [002 §1.9]."""
    return (besluit_op - ontvangen_op).days - opgeschorte_dagen(opschortingen)


def op_tijd(
    ontvangen_op: date,
    besluit_op: date,
    opschortingen: list[tuple[date, date]],
    verdaagd_tot: date | None = None,
) -> bool:
    einde = tlv_beslistermijn(ontvangen_op, opschortingen=opschortingen)
    return besluit_op <= max(einde, verdaagd_tot or einde)


# --- period and start date of the TLV -----------------------------------------------------------

INSTROOMMOMENTEN = ((1, 1), (5, 1), (8, 1))  # 1 januari, 1 mei, 1 augustus [002 §1.16]
PERIODE_LAATSTE_GROEP = {"1-3": 3, "4-5": 5, "6-8": 8}


def volgend_instroommoment(na: date, *, onderinstroom: bool = False) -> date:
    """The first instroommoment on or after `na`: 1 Jan / 1 May / 1 Aug; onderinstroom monthly
    (the first of a month) [002 §1.16]."""
    if onderinstroom:
        if na.day == 1:
            return na
        return (na.replace(day=28) + timedelta(days=4)).replace(day=1)
    for jaar in (na.year, na.year + 1):
        for maand, dag in INSTROOMMOMENTEN:
            kandidaat = date(jaar, maand, dag)
            if kandidaat >= na:
                return kandidaat
    raise AssertionError("unreachable")


def schooljaar_einde(d: date) -> date:
    """31 July of the school year `d` falls in (a school year runs 1 Aug – 31 Jul)."""
    return date(d.year + (1 if d.month >= 8 else 0), 7, 31)


def periode_voor_groep(groep: int | None) -> str:
    if groep is None or groep <= 3:
        return "1-3"
    if groep <= 5:
        return "4-5"
    return "6-8"


def groep_op(groep_bij_aanvraag: int | None, aanvraag_datum: date, peildatum: date) -> int:
    """The groep on `peildatum`: one up for every school year that has begun since the aanvraag."""
    groep = groep_bij_aanvraag or 1
    return groep + (schooljaar_einde(peildatum).year - schooljaar_einde(aanvraag_datum).year)


def einddatum_tlv(
    *,
    periode: str,
    ingangsdatum: date,
    groep_bij_ingang: int,
    geboortedatum: date,
    einddatum_afwijkend: date | None = None,
) -> date:
    """The last day of the TLV: the end of the school year in which the pupil finishes the last
    groep of the period (groep 1–3 / 4–5 / 6–8) [002 §1.20]; EMB: the end of the school year in
    which the pupil turns 12 ("in het so t/m 12 jaar") [002 §1.22]; a deviating period as set."""
    if periode == "afwijkend":
        if einddatum_afwijkend is None:
            raise ValueError("Een afwijkende periode heeft een einddatum.")
        return einddatum_afwijkend
    if periode == "emb":
        twaalf = (
            geboortedatum.replace(year=geboortedatum.year + 12)
            if not (geboortedatum.month == 2 and geboortedatum.day == 29)
            else date(geboortedatum.year + 12, 2, 28)
        )
        return schooljaar_einde(twaalf)
    laatste = PERIODE_LAATSTE_GROEP[periode]
    jaren = max(0, laatste - groep_bij_ingang)
    return date(schooljaar_einde(ingangsdatum).year + jaren, 7, 31)


def herindicatie_aanvragen_uiterlijk(einddatum: date) -> date:
    """A herindicatie is a new aanvraag with the same procedure [002 §1.21], decided within 8 weeks
    of receipt (Awb 4:13): received 8 weeks before the TLV ends, it can be decided in time."""
    return einddatum - timedelta(weeks=8)
