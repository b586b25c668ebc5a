"""Factories and helpers for verzuim/ tests. All names invented."""

from datetime import date

from tests.factories import LeerlingFactory, OuderFactory


def leerling_met_ouder(*, school, voornaam="Fenna", groep=3, van=date(2024, 8, 19), **kwargs):
    """An enrolled pupil with one gezaghebbende ouder (letters need an addressee)."""
    leerling = LeerlingFactory(
        swv=school.swv, voornaam=voornaam, school=school, school__groep=groep, school__van=van, **kwargs
    )
    OuderFactory(leerling=leerling, naam=f"Ouder van {voornaam}")
    return leerling
