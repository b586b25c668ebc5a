"""Role × URL matrix for the beheerder's pages [issue 14]: only the beheerder opens them; every
other role gets 403. Objects are the world's SWV A ones; tests/security/test_beheer.py asks the same
URLs with SWV B's objects (404)."""

from __future__ import annotations

from cases.models import Rol
from tests.matrix import Toegang

BEHEER = frozenset({"beheer"})


def _pk(attr):
    return lambda w: {"pk": attr(w).pk}


def _rol_van_ib(w):
    rol = Rol.objects.get(gebruiker=w.users["ib"], swv=w.swv)
    return {"pk": rol.gebruiker_id, "rol_pk": rol.pk}


ORGANISATIE_OBJECT = {
    "scholen": lambda w: w.school,
    "besturen": lambda w: w.school.bestuur,
    "regios": lambda w: w.regio,
    "gemeenten": lambda w: w.gemeente,
}

MATRIX = {
    "beheer:overzicht": Toegang(ok=BEHEER),
    "beheer:gebruikers": Toegang(ok=BEHEER),
    "beheer:gebruiker_nieuw": Toegang(ok=BEHEER),
    "beheer:gebruiker_wijzigen": Toegang(ok=BEHEER, kwargs=_pk(lambda w: w.users["ib"])),
    "beheer:rol_nieuw": Toegang(ok=BEHEER, kwargs=_pk(lambda w: w.users["ib"])),
    "beheer:rol_wijzigen": Toegang(ok=BEHEER, kwargs=_rol_van_ib),
    "beheer:deskundigen": Toegang(ok=BEHEER),
}
for _slug, _obj in ORGANISATIE_OBJECT.items():
    MATRIX[f"beheer:{_slug}"] = Toegang(ok=BEHEER)
    MATRIX[f"beheer:{_slug}_nieuw"] = Toegang(ok=BEHEER)
    MATRIX[f"beheer:{_slug}_wijzigen"] = Toegang(ok=BEHEER, kwargs=_pk(_obj))
