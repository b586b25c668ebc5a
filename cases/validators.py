"""Validators for the identifiers of Dutch education, with Dutch messages."""

import re

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
