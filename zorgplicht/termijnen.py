"""The zorgplicht terms, computed from the dates on the aanmelding through cases/termijnen/rekenen.py —
never stored as the only truth [domain §7, §11; 002 bijlage 2.2.1 stap 5].

* 6 weeks after receipt of the written aanmelding (D + 42), extended by the days from requesting
  to receiving extra information (A − R − 1 per request, as Awb 4:15), Atw applies;
* once extended: D + 70 (not the moved 6-week end + 4 weeks), with the same suspensions;
* after the 10 weeks without a decision the school must enrol the child from age 5
  ("plaatsingsplicht"), unless the child is at another school.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from cases.termijnen import Berekening, formatteer_datum, termijn_berekening
from cases.termijnen.afloop import Afloop

BASIS_ZES = (
    "zorgplicht, 6 kalenderweken na ontvangst van de schriftelijke aanmelding, verlengd met de tijd van "
    "opvragen tot ontvangen van extra informatie (WPO art. 40 lid 4; ondersteuningsplan bijlage 2.2.1 stap 4 en 5)"  # noqa: E501
)
BASIS_TIEN = (
    "zorgplicht eenmaal verlengd met 4 weken: ten hoogste 10 kalenderweken, gerekend vanaf de aanmelding "
    "en niet vanaf de verschoven einddatum van de zes weken (WPO art. 40 lid 4; ondersteuningsplan bijlage 2.2.1 "  # noqa: E501
    "stap 5)"
)
START = "ontvangst van de schriftelijke aanmelding"
WAARSCHUW_DAGEN = 7


def zes_weken(aanmelding, vandaag: date) -> Berekening:
    return termijn_berekening(
        aanmelding.aanmelding_op,
        weken=6,
        opschortingen=aanmelding.opschortingen(vandaag),
        basis=BASIS_ZES,
        start_omschrijving=START,
    )


def tien_weken(aanmelding, vandaag: date) -> Berekening:
    return termijn_berekening(
        aanmelding.aanmelding_op,
        weken=10,
        opschortingen=aanmelding.opschortingen(vandaag),
        basis=BASIS_TIEN,
        start_omschrijving=START,
    )


def vijfde_verjaardag(geboortedatum: date) -> date:
    """The day the child is 5 (1 March for a child born on 29 February in a non-leap year)."""
    try:
        return geboortedatum.replace(year=geboortedatum.year + 5)
    except ValueError:
        return date(geboortedatum.year + 5, 3, 1)


@dataclass(frozen=True)
class Waarschuwing:
    einde: date
    label: str
    dagen: int

    @property
    def tekst(self) -> str:
        if self.dagen == 0:
            return f"{self.label} eindigt vandaag ({formatteer_datum(self.einde)})."
        return f"{self.label} eindigt over {self.dagen} {'dag' if self.dagen == 1 else 'dagen'} ({formatteer_datum(self.einde)})."  # noqa: E501


@dataclass(frozen=True)
class Stand:
    """Where an aanmelding stands on `vandaag`: its terms with their working, and what is urgent."""

    vandaag: date
    zes: Berekening
    tien: Berekening
    verlengd: bool
    lopend: bool
    voorlopig: bool  # an information request is still open: the end moves on every day
    plaatsingsplicht_vanaf: date | None
    elders_ingeschreven: bool
    besluit_op: date | None = None

    @property
    def afloop(self) -> Afloop | None:
        """A decided aanmelding: the term is over, on the day of the decision [issue 20.3]."""
        if self.lopend or self.besluit_op is None:
            return None
        return Afloop(False, self.besluit_op, self.einde, werkwoord="beslist")

    @property
    def einde(self) -> date:
        """The term that applies now: 10 weeks once extended, otherwise 6."""
        return self.tien.einde if self.verlengd else self.zes.einde

    @property
    def berekening(self) -> Berekening:
        return self.tien if self.verlengd else self.zes

    @property
    def dagen_over(self) -> int:
        return (self.einde - self.vandaag).days

    @property
    def verstreken(self) -> bool:
        return self.lopend and self.vandaag > self.einde

    @property
    def plaatsingsplicht(self) -> bool:
        """10 weeks passed without a decision, the child is 5 or older and not at another school."""
        return (
            self.lopend
            and self.plaatsingsplicht_vanaf is not None
            and self.vandaag >= self.plaatsingsplicht_vanaf
        )

    @property
    def waarschuwingen(self) -> list[Waarschuwing]:
        """A warning in the week before each end that still matters [issue 6]."""
        if not self.lopend:
            return []
        uit: list[Waarschuwing] = []
        eindes = (
            []
            if self.verlengd
            else [(self.zes.einde, "De zes-wekentermijn (ook de uiterste dag om te verlengen)")]
        )
        eindes.append((self.tien.einde, "De tien-wekentermijn (daarna plaatsingsplicht vanaf 5 jaar)"))
        for einde, label in eindes:
            dagen = (einde - self.vandaag).days
            if 0 <= dagen <= WAARSCHUW_DAGEN:
                uit.append(Waarschuwing(einde, label, dagen))
        return uit

    @property
    def urgentie(self) -> tuple:
        """Sort key: plaatsingsplicht first, then expired, then the nearest end."""
        return (not self.plaatsingsplicht, not self.verstreken, self.einde)

    @property
    def label_kleur(self) -> str:
        if not self.lopend:
            return "groen"
        if self.plaatsingsplicht or self.verstreken or self.dagen_over <= WAARSCHUW_DAGEN:
            return "rood"
        if self.dagen_over <= 2 * WAARSCHUW_DAGEN:
            return "oranje"
        return "groen"


def stand(aanmelding, vandaag: date) -> Stand:
    zes = zes_weken(aanmelding, vandaag)
    tien = tien_weken(aanmelding, vandaag)
    huidige = aanmelding.leerling.huidige_school_id
    elders = aanmelding.zij_instroom or (huidige is not None and huidige != aanmelding.school_id)
    vanaf = None
    if aanmelding.is_lopend and not elders:
        vanaf = max(tien.einde + timedelta(days=1), vijfde_verjaardag(aanmelding.leerling.geboortedatum))
    return Stand(
        vandaag=vandaag,
        zes=zes,
        tien=tien,
        verlengd=aanmelding.is_verlengd,
        lopend=aanmelding.is_lopend,
        voorlopig=aanmelding.open_verzoek is not None,
        plaatsingsplicht_vanaf=vanaf,
        elders_ingeschreven=elders,
        besluit_op=aanmelding.besluit_op,
    )
