"""Demo content for interventietrajecten and arrangementen [issue 7]. Everything is fictitious.

- Lotte (scenario 4): reported on Tue 3 Feb 2026 after a time-out and a threatening verwijdering;
  first meeting Mon 9 Feb (the norm ends Tue 10 Feb); other class (failed), a temporary place at
  another school of the same bestuur with doel, duur and middelen, then a definitive so-place after
  a TLV; agreements with owners; evaluated and closed.
- An open traject at the demo directeur's school with a temporary placement and open agreements for
  the demo IB'er and SC (one overdue), so "Mijn werk" shows them.
- A traject just started by a schorsing (the prompt), waiting for the SWV to compose the team.
- Arrangementen in regio Ede (one near its maximum) and a budget per regio for this year.

Built through the services (so the audit log and every rule apply). Idempotent: a pupil who already
has a traject or arrangement of that kind is left alone."""

# The script lives in modules: hulp.py (the shared criteria and helpers), lotte.py (Lotte's closed
# traject), open_trajecten.py, arrangementen.py and opbouw.py (the entry point `bouw`). This
# package exports them, so `cases.demo.interventie` reads as before.

from cases.demo.interventie.hulp import (
    CRITERIA,
    SCENARIO_NAMEN,
)
from cases.demo.interventie.lotte import (
    LOTTE_TOELICHTING,
)
from cases.demo.interventie.opbouw import (
    bouw,
)

__all__ = [
    "CRITERIA",
    "LOTTE_TOELICHTING",
    "SCENARIO_NAMEN",
    "bouw",
]
