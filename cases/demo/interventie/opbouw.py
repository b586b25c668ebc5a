"""The entry point of the interventie demo: `bouw(wereld, *, leerlingen, stdout)`."""

from __future__ import annotations

from cases.demo.interventie.arrangementen import _arrangementen
from cases.demo.interventie.lotte import _lotte
from cases.demo.interventie.open_trajecten import _open_trajecten
from cases.models import Arrangement, Interventietraject


def bouw(wereld, *, leerlingen: int, stdout) -> None:
    """Entry point for `manage.py demo_data` (after cases.demo.inhoud). Idempotent."""
    _lotte(wereld, stdout)
    _open_trajecten(wereld, stdout)
    _arrangementen(wereld, stdout)
    stdout.write(
        f"Interventie-demo: {Interventietraject.objects.filter(swv=wereld.swv).count()} interventietrajecten, "  # noqa: E501
        f"{Arrangement.objects.filter(swv=wereld.swv).count()} arrangementen."
    )
