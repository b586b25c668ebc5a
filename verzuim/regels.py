"""Pure rules of verzuim, measures and thuiszitters [domain §10, §11]: no database, no clock.

* 16 uur ongeoorloofd verzuim binnen 4 opeenvolgende lesweken (Leerplichtwet art. 21a);
  schoolvakanties zijn geen lesweken; na een melding begint een nieuwe periode.
* Te laat: 3x gesprek, 4-9x melding, daarna bij herhaling opnieuw melden [002 verzuimkaart].
* Ziekte: langer dan 2 weken, of de 5e ziekmelding in een schooljaar [002 verzuimkaart].
* Schorsing ten hoogste een week (WPO art. 40c); melden aan LPA en inspectie bij meer dan 1 dag.
* Thuiszitter: langdurig relatief verzuim vanaf 4 weken, twee groepen (4 weken-3 maanden,
  meer dan 3 maanden); absoluut verzuim vanaf de eerste dag [002 bijlage 2.4.2].
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from cases.termijnen import formatteer_datum, plus_maanden, plus_werkdagen, schooljaar_begin

DREMPEL_UREN = Decimal("16")
LESWEKEN = 4
RICHTTERMIJN_WERKDAGEN = 5
MAX_SCHORSING_DAGEN = 7
LANGDURIG_NA_DAGEN = 28
DRIE_MAANDEN = 3
ESCALATIE_DAGEN_VOOR_DRIE_MAANDEN = 14

Periode = tuple[date, date]  # first and last day of a school holiday, inclusive


def maandag(d: date) -> date:
    return d - timedelta(days=d.weekday())


def is_vakantieweek(week_maandag: date, vakanties: Iterable[Periode]) -> bool:
    """A week is no lesweek when every one of its weekdays (ma-vr) lies in a school holiday."""
    perioden = list(vakanties)
    dagen = [week_maandag + timedelta(days=i) for i in range(5)]
    return all(any(van <= d <= tot for van, tot in perioden) for d in dagen)


def lesweken_terug(d: date, aantal: int, vakanties: Iterable[Periode]) -> list[date]:
    """The Mondays of the `aantal` consecutive lesweken ending with the week of `d`, newest first.
    Holiday weeks are skipped: they are not lesweken (Leerplichtwet art. 21a) [domain §10]."""
    perioden = list(vakanties)
    weken: list[date] = []
    week = maandag(d)
    grens = 60  # a school year has no 60 holiday weeks in a row; guards against bad data
    while len(weken) < aantal and grens:
        if not is_vakantieweek(week, perioden):
            weken.append(week)
        week -= timedelta(days=7)
        grens -= 1
    return weken


@dataclass(frozen=True)
class ZestienUur:
    """The moment the report duty of art. 21a arose, with its working."""

    bereikt_op: date
    uren: Decimal
    periode_van: date  # Monday of the first of the four lesweken
    lesweken: tuple[date, ...]  # Mondays, oldest first
    overgeslagen_vakantieweken: tuple[date, ...]
    richtdatum: date  # 5 werkdagen (inspectie)

    @property
    def uitleg(self) -> list[str]:
        regels = [
            "Grondslag: Leerplichtwet art. 21a — 16 uur ongeoorloofd verzuim binnen 4 opeenvolgende "
            "lesweken moet de school onverwijld melden bij de leerplichtambtenaar.",
            f"Op {formatteer_datum(self.bereikt_op)} is het totaal {_uren(self.uren)} in de lesweken die "
            f"beginnen op " + ", ".join(formatteer_datum(w) for w in self.lesweken) + ".",
        ]
        if self.overgeslagen_vakantieweken:
            regels.append(
                "Schoolvakantie telt niet als lesweek; overgeslagen: week van "
                + ", ".join(formatteer_datum(w) for w in self.overgeslagen_vakantieweken)
                + "."
            )
        regels.append(
            f"Richtlijn van de inspectie: melden binnen {RICHTTERMIJN_WERKDAGEN} werkdagen, dus uiterlijk "
            f"{formatteer_datum(self.richtdatum)}."
        )
        return regels


def _uren(u: Decimal) -> str:
    tekst = f"{u.normalize():f}".replace(".", ",")
    return f"{tekst} uur"


def zestien_uur(
    registraties: Iterable[tuple[date, Decimal]],
    vakanties: Iterable[Periode],
    *,
    na: date | None = None,
) -> ZestienUur | None:
    """The first day on which the unauthorised hours in the 4 lesweken ending that day reach 16.

    `registraties`: (datum, uren ongeoorloofd). `na`: the day of the previous melding; only later
    absence counts, because after a melding a new period of 4 lesweken begins (art. 21a).
    """
    perioden = list(vakanties)
    rijen = sorted((d, Decimal(u)) for d, u in registraties if na is None or d > na)
    for i, (dag, _) in enumerate(rijen):
        weken = lesweken_terug(dag, LESWEKEN, perioden)
        if not weken:
            continue
        begin = weken[-1]
        totaal = sum((u for d, u in rijen[: i + 1] if begin <= d <= dag), Decimal(0))
        if totaal >= DREMPEL_UREN:
            alle_weken = {begin + timedelta(days=7 * k) for k in range((maandag(dag) - begin).days // 7 + 1)}
            return ZestienUur(
                bereikt_op=dag,
                uren=totaal,
                periode_van=begin,
                lesweken=tuple(sorted(weken)),
                overgeslagen_vakantieweken=tuple(sorted(alle_weken - set(weken))),
                richtdatum=plus_werkdagen(dag, RICHTTERMIJN_WERKDAGEN),
            )
    return None


def uren_in_lopende_periode(
    registraties: Iterable[tuple[date, Decimal]],
    vakanties: Iterable[Periode],
    peildatum: date,
    *,
    na: date | None,
) -> Decimal:
    """Unauthorised hours in the 4 lesweken ending with `peildatum` (after the last melding)."""
    weken = lesweken_terug(peildatum, LESWEKEN, vakanties)
    if not weken:
        return Decimal(0)
    begin = weken[-1]
    return sum(
        (Decimal(u) for d, u in registraties if begin <= d <= peildatum and (na is None or d > na)),
        Decimal(0),
    )


def nog_niet_leerplichtig(leerplichtig_vanaf: date) -> str:
    """The reason no melding term runs for a child under leerplicht age [002 L243; Lpw art. 3]."""
    return (
        f"Nog niet leerplichtig tot {formatteer_datum(leerplichtig_vanaf)}: geen meldplicht. Een kind is "
        "leerplichtig vanaf de eerste dag van de maand na de vijfde verjaardag (Leerplichtwet art. 3). "
        "De school mag het verzuim wel registreren; het telt pas mee vanaf die datum."
    )


# --- te laat ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Advies:
    niveau: str  # "geen", "gesprek", "melding"
    tekst: str


def te_laat_advies(aantal_sinds_melding: int, *, eerder_gemeld: bool) -> Advies:
    """Verzuimkaart 'Te laat komen': 3x gesprek met ouders; 4-9x melden bij de LPA met
    verzuimoverzicht; bij herhaling na een melding opnieuw melden [002 verzuimkaart]."""
    if eerder_gemeld and aantal_sinds_melding >= 1:
        return Advies(
            "melding",
            f"Herhaling: {aantal_sinds_melding}x te laat na de vorige melding. Meld opnieuw bij de "
            "leerplichtambtenaar met verzuimoverzicht en stel de ouders op de hoogte.",
        )
    if aantal_sinds_melding >= 4:
        return Advies(
            "melding",
            f"{aantal_sinds_melding}x te laat (4–9x): gesprek met ouders, ouders op de hoogte stellen en "
            "melden bij de leerplichtambtenaar met verzuimoverzicht.",
        )
    if aantal_sinds_melding == 3:
        return Advies("gesprek", "3x te laat: ga in gesprek met de ouders.")
    return Advies("geen", f"{aantal_sinds_melding}x te laat: nog geen actie volgens de verzuimkaart.")


# --- ziekte -----------------------------------------------------------------------------------


def ziekte_signalen(ziekmeldingen: Sequence[tuple[date, date | None]], peildatum: date) -> list[str]:
    """Signals of the verzuimkaart 'Ziekte': a report lasting more than 2 weeks, or the 5th report
    in one school year -> gesprek met ouders, schoolarts [002 verzuimkaart]."""
    signalen: list[str] = []
    for van, tot in ziekmeldingen:
        eind = tot or peildatum
        if (eind - van).days + 1 > 14:
            signalen.append(
                f"Ziek sinds {formatteer_datum(van)}: langer dan 2 weken. Ga in gesprek met de ouders en "
                "meld aan bij de schoolarts."
            )
    begin = schooljaar_begin(peildatum)
    dit_jaar = sorted(van for van, _ in ziekmeldingen if begin <= van <= peildatum)
    if len(dit_jaar) >= 5:
        signalen.append(
            f"{len(dit_jaar)}e ziekmelding in dit schooljaar (de 5e op {formatteer_datum(dit_jaar[4])}). "
            "Ga in gesprek met de ouders en meld aan bij de schoolarts."
        )
    return signalen


# --- maatregelen ------------------------------------------------------------------------------


def schorsing_dagen(van: date, tot: date) -> int:
    return (tot - van).days + 1


SCHORSING_MAXIMUM_UITLEG = (
    "Een schorsing duurt ten hoogste één week (7 kalenderdagen): WPO art. 40c. De verzuimkaart noemt "
    "nog 5 dagen en het protocol van 2008 3 weken (tweemaal te verlengen); die oudere afspraken zijn "
    "vervangen door de wet, die voorgaat."
)


def schorsing_fout(van: date, tot: date) -> str | None:
    """Why a schorsing of these dates is not allowed, or None [WPO art. 40c; domain §10]."""
    if tot < van:
        return "De laatste dag van de schorsing ligt vóór de eerste dag."
    dagen = schorsing_dagen(van, tot)
    if dagen > MAX_SCHORSING_DAGEN:
        return f"Een schorsing van {dagen} dagen is niet toegestaan. {SCHORSING_MAXIMUM_UITLEG}"
    return None


def schorsing_meldplichtig(van: date, tot: date) -> bool:
    """Longer than one day: report to the LPA and the inspectie [002 verzuimkaart; WPO art. 40c]."""
    return schorsing_dagen(van, tot) > 1


# --- thuiszitters -----------------------------------------------------------------------------


class Categorie:
    DREIGEND = "dreigend"
    VIER_WEKEN = "4w_3m"
    DRIE_MAANDEN = "3m_plus"
    ABSOLUUT = "absoluut"
    VRIJSTELLING = "vrijstelling"

    LABELS = {
        DREIGEND: "korter dan 4 weken (dreigend)",
        VIER_WEKEN: "langdurig relatief verzuim, 4 weken – 3 maanden",
        DRIE_MAANDEN: "langdurig relatief verzuim, langer dan 3 maanden",
        ABSOLUUT: "absoluut verzuim",
        VRIJSTELLING: "vrijstelling",
    }


def langdurig_vanaf(thuis_sinds: date) -> date:
    """First day of 'langdurig': 4 full weeks at home lie behind (sinds + 28 days)."""
    return thuis_sinds + timedelta(days=LANGDURIG_NA_DAGEN)


def drie_maanden_op(thuis_sinds: date) -> date:
    """First day beyond three months at home: the same day number three months later."""
    return plus_maanden(thuis_sinds, DRIE_MAANDEN)


def thuiszitter_categorie(soort: str, thuis_sinds: date, peildatum: date) -> str:
    """Category on `peildatum` [002 bijlage 2.4.2 noot 1; scenario Milan: at home since Mon
    2025-11-03, langdurig from Mon 2025-12-01, three months reached Tue 2026-02-03]."""
    if soort == Categorie.ABSOLUUT:
        return Categorie.ABSOLUUT
    if soort == Categorie.VRIJSTELLING:
        return Categorie.VRIJSTELLING
    if peildatum >= drie_maanden_op(thuis_sinds):
        return Categorie.DRIE_MAANDEN
    if peildatum >= langdurig_vanaf(thuis_sinds):
        return Categorie.VIER_WEKEN
    return Categorie.DREIGEND


def nadert_drie_maanden(soort: str, thuis_sinds: date, peildatum: date) -> bool:
    """Within 14 days of the three-month line (or past it): the escalation is raised."""
    if soort != "relatief":
        return False
    return peildatum >= drie_maanden_op(thuis_sinds) - timedelta(days=ESCALATIE_DAGEN_VOOR_DRIE_MAANDEN)


def dagen_thuis(thuis_sinds: date, peildatum: date) -> int:
    """Calendar days at home, the first day included."""
    return max(0, (peildatum - thuis_sinds).days + 1)


# --- verwijdering -----------------------------------------------------------------------------

BEZWAAR_WEKEN = 6
BESLIS_WEKEN_VERWIJDERING = 4
