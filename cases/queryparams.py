"""Reading the query string of list and export pages [issue 13].

A value a page does not know — text where a number belongs, a number too large for any id, a
date outside 1900–2100, a choice or regio that does not exist — is treated as not given, and the
user reads in Dutch above the page that it was ignored: never a 500 or an ORM error. An export
(a file, where no message can be shown) asks `strikt=True` and answers 400 with the reason.
An empty value means "not chosen" (the "alle" option of a filter) and passes silently."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from django.contrib import messages
from django.core.exceptions import BadRequest
from django.utils.text import capfirst

from cases.validators import DATUM_MAX, DATUM_MIN

# ASCII digits only: "²".isdigit() is True, but int("²") raises. Eighteen digits stay below the
# bigint maximum (a larger id exists nowhere and overflows SQLite's integer).
_GETAL = re.compile(r"[0-9]{1,18}")
_ISO_DATUM = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class OngeldigeInvoer(BadRequest):
    """A request the app cannot use; the message is Dutch and shown on the 400 page."""


def _onbekend(request, naam: str, tekst: str, gevolg: str, *, strikt: bool) -> None:
    """Refuse (strikt: nothing was done, so no consequence to tell) or tell what the page did."""
    if strikt:
        raise OngeldigeInvoer(f"{tekst}.")
    gemeld = request.__dict__.setdefault("_passend_genegeerd", set())
    if naam not in gemeld:  # a page that reads a parameter twice says it once
        gemeld.add(naam)
        messages.warning(request, f"{tekst}; {gevolg}.")


def _waarde(request, naam: str) -> str:
    return request.GET.get(naam, "").strip()


def geheel_getal(
    request,
    naam: str,
    *,
    label: str,
    minimum: int = 0,
    maximum: int | None = None,
    gevolg: str = "die keuze is niet toegepast",
    strikt: bool = False,
) -> int | None:
    """The parameter as a whole number within [minimum, maximum]; None when absent or unusable."""
    waarde = _waarde(request, naam)
    if not waarde:
        return None
    if _GETAL.fullmatch(waarde):
        getal = int(waarde)
        if getal >= minimum and (maximum is None or getal <= maximum):
            return getal
    _onbekend(request, naam, f"{capfirst(label)} in de link is onbekend", gevolg, strikt=strikt)
    return None


def keuze(
    request,
    naam: str,
    keuzes: Iterable[str],
    *,
    label: str,
    gevolg: str = "die keuze is niet toegepast",
    strikt: bool = False,
) -> str | None:
    """The parameter when it is one of `keuzes`; None when absent or unknown."""
    waarde = _waarde(request, naam)
    if not waarde:
        return None
    if waarde in set(keuzes):
        return waarde
    _onbekend(request, naam, f"{capfirst(label)} in de link is onbekend", gevolg, strikt=strikt)
    return None


def rij(request, naam: str, queryset, *, label: str, strikt: bool = False):
    """The row of `queryset` (e.g. the user's regio's) whose id the parameter names; None when
    absent, malformed or not one of them (a regio of another SWV is as unknown as none)."""
    getal = geheel_getal(request, naam, label=label, minimum=1, strikt=strikt)
    if getal is None:
        return None
    gevonden = queryset.filter(pk=getal).first()
    if gevonden is None:
        _onbekend(
            request,
            naam,
            f"{capfirst(label)} in de link bestaat niet of valt buiten uw werkgebied",
            "die keuze is niet toegepast",
            strikt=strikt,
        )
    return gevonden


def datum(
    request,
    naam: str,
    *,
    label: str,
    gevolg: str = "die is niet toegepast",
    strikt: bool = False,
) -> date | None:
    """The parameter as a date (jjjj-mm-dd, as a date field sends it) between 1900 and 2100."""
    waarde = _waarde(request, naam)
    if not waarde:
        return None
    if _ISO_DATUM.fullmatch(waarde):
        try:
            dag = date.fromisoformat(waarde)
        except ValueError:
            dag = None
        if dag is not None and DATUM_MIN <= dag <= DATUM_MAX:
            return dag
    _onbekend(
        request,
        naam,
        f"{capfirst(label)} in de link is geen geldige datum tussen 1900 en 2100",
        gevolg,
        strikt=strikt,
    )
    return None
