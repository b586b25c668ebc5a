"""How a term that no longer runs ended [issue 20.3, domain §11]: met (the decision taken, the
letter sent) in time or so many days late, or stopped with its reason. A term that is over never
counts down nor shows a red overdue label; only open terms do. Shared by the Termijn records
(`Termijn.afloop`) and the terms apps compute on the fly (tlv/termijnen.py `TermijnStand.afloop`),
rendered by the one partial `cases/termijnen/_afloop.html`. Pure: no database, no clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from cases.termijnen.rekenen import formatteer_datum


@dataclass(frozen=True)
class Afloop:
    gestopt: bool  # False: met (voldaan / beslist); True: no longer applies (withdrawn, moved)
    op: date | None  # the day it was met or stopped
    einde: date | None  # the last day of the term
    reden: str = ""
    werkwoord: str = "voldaan"  # "beslist" for a decision term

    @property
    def dagen_te_laat(self) -> int:
        """Calendar days the term was met after its last day; 0 when in time (or stopped)."""
        if self.gestopt or self.op is None or self.einde is None:
            return 0
        return max(0, (self.op - self.einde).days)

    @property
    def op_tijd(self) -> bool:
        return self.dagen_te_laat == 0

    @property
    def tekst(self) -> str:
        """What the partial shows, e.g. "beslist op ma 9 mrt 2026 – binnen de termijn"."""
        datum = f" op {formatteer_datum(self.op)}" if self.op else ""
        if self.gestopt:
            return f"gestopt{datum}" + (f": {self.reden}" if self.reden else "")
        if self.op_tijd:
            return f"{self.werkwoord}{datum} – binnen de termijn"
        n = self.dagen_te_laat
        return f"{self.werkwoord}{datum} – {n} {'dag' if n == 1 else 'dagen'} na de termijn"
