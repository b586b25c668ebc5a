"""Factories for the zorgplicht app. Aanmeldingen in a given state are built through the services
(with a frozen clock), so they carry the same facts a real one would."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import factory
import time_machine
from factory.django import DjangoModelFactory

from tests.factories import LeerlingFactory, OuderFactory
from zorgplicht.models import Aanmelding, SopAanbod

AMS = ZoneInfo("Europe/Amsterdam")


def op(d: date):
    """Freeze the clock at noon (Amsterdam) on `d`."""
    return time_machine.travel(datetime(d.year, d.month, d.day, 12, tzinfo=AMS), tick=False)


def nieuwe_leerling(naam: str = "Testkind", geboortedatum: date = date(2020, 5, 10)) -> dict:
    return {
        "voornaam": naam,
        "achternaam": "Fictief",
        "geboortedatum": geboortedatum,
        "geslacht": "x",
        "woonplaats": "Testdorp",
    }


OUDERS = [
    {
        "naam": "A. Fictief-Ouder",
        "relatie": "moeder",
        "gezag": True,
        "ontvangt_brieven": True,
        "adres": "Verzonnenlaan 1",
        "postcode_plaats": "9999 ZZ Testdorp",
    }
]


def aanmelding(
    world,
    *,
    aanmelding_op: date = date(2026, 2, 3),
    geboortedatum: date = date(2020, 5, 10),
    door=None,
    school=None,
    onderzoek: bool = True,
    **extra,
) -> Aanmelding:
    """A registered aanmelding (new leerling with one ouder), onderzoek started, clock frozen."""
    from zorgplicht import services

    door = door or world.users["directeur"]
    with op(aanmelding_op):
        a = services.registreer_aanmelding(
            door=door,
            school=school or world.school,
            aanmelding_op=aanmelding_op,
            extra_ondersteuning_vermoed=True,
            nieuwe_leerling=nieuwe_leerling(geboortedatum=geboortedatum),
            ouders=OUDERS,
            **extra,
        )
        if onderzoek:
            services.start_onderzoek(aanmelding=a, door=door)
    return Aanmelding.objects.get(pk=a.pk)


def bestaande_leerling(world, school, **kw):
    leerling = LeerlingFactory(swv=world.swv, school=school, **kw)
    OuderFactory(leerling=leerling, naam="B. Fictief-Ouder", gezag=True)
    return leerling


class SopAanbodFactory(DjangoModelFactory):
    class Meta:
        model = SopAanbod

    soort = "gedrag"
    toelichting = factory.Sequence(lambda n: f"Aanbod {n}")
