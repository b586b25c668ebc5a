"""Validators for the identifiers of Dutch education and for dates, with Dutch messages."""

import re
from datetime import date

from django.core.exceptions import ValidationError

BRIN_RE = re.compile(r"^[0-9]{2}[A-Z]{2}$")
VESTIGING_RE = re.compile(r"^[0-9]{2}$")
BESTUURSNUMMER_RE = re.compile(r"^[0-9]{5}$")


def validate_brin(value: str) -> None:
    """BRIN: twee cijfers en twee hoofdletters, bijvoorbeeld 12AB [domain §1]."""
    if not BRIN_RE.match(value or ""):
        raise ValidationError(
            "Een BRIN-code bestaat uit twee cijfers gevolgd door twee hoofdletters, bijvoorbeeld 12AB.",
            code="brin",
        )


def validate_vestiging(value: str) -> None:
    """Vestigingsnummer: twee cijfers (00 voor de hoofdvestiging)."""
    if not VESTIGING_RE.match(value or ""):
        raise ValidationError(
            "Een vestigingsnummer bestaat uit twee cijfers, bijvoorbeeld 00 voor de hoofdvestiging.",
            code="vestiging",
        )


def validate_bestuursnummer(value: str) -> None:
    """Bestuursnummer: vijf cijfers [002 bijlage 2.1]."""
    if not BESTUURSNUMMER_RE.match(value or ""):
        raise ValidationError(
            "Een bestuursnummer bestaat uit precies vijf cijfers, bijvoorbeeld 41234.",
            code="bestuursnummer",
        )


# Dates the app computes with. Outside these years a date is a typo (year 1, 9999) and term
# arithmetic (a date plus weeks) overflows Python's date range [issue 13].
DATUM_MIN = date(1900, 1, 1)
DATUM_MAX = date(2100, 12, 31)
DATUM_BEREIK_FOUT = "Vul een datum tussen 1900 en 2100 in."


def validate_datum_bereik(value: date | None) -> None:
    """A date between 1 January 1900 and 31 December 2100 [issue 13]."""
    if value is not None and not DATUM_MIN <= value <= DATUM_MAX:
        raise ValidationError(DATUM_BEREIK_FOUT, code="datum_bereik")
