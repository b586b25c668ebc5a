"""Shared fixtures. `world`: two SWV's; in SWV A one user per role (username = role slug), at
school A1 (regio A, gemeente A); a second school A2 in another regio; SWV B with its own IB'er."""

from dataclasses import dataclass, field

import pytest

from cases.models import Gebruiker, Gemeente, Regio, Samenwerkingsverband, School
from tests.factories import (
    GebruikerFactory,
    GemeenteFactory,
    RegioFactory,
    RolFactory,
    SchoolFactory,
    SWVFactory,
)

ROLLEN = [
    "leerkracht",
    "ib",
    "directeur",
    "sc",
    "cjk",
    "sll",
    "tla",
    "deskundige",
    "bestuurder",
    "lpa",
    "beheer",
]


@dataclass
class World:
    swv: Samenwerkingsverband
    regio: Regio
    regio2: Regio
    gemeente: Gemeente
    school: School
    school2: School
    swv_b: Samenwerkingsverband
    school_b: School
    users: dict[str, Gebruiker] = field(default_factory=dict)
    ib_b: Gebruiker | None = None
    ib_a2: Gebruiker | None = None


def maak_rol(user, soort, *, swv, school=None, regio=None, gemeente=None, **extra):
    return RolFactory(
        gebruiker=user, soort=soort, swv=swv, school=school, regio=regio, gemeente=gemeente, **extra
    )


@pytest.fixture
def world(db) -> World:
    swv = SWVFactory(naam="SWV Testvallei A", code="PO 98-01")
    regio = RegioFactory(swv=swv, naam="Regio Noordhoek")
    regio2 = RegioFactory(swv=swv, naam="Regio Zuidhoek")
    gemeente = GemeenteFactory(swv=swv, naam="Gemeente Noordhoek")
    gemeente2 = GemeenteFactory(swv=swv, naam="Gemeente Zuidhoek")
    school = SchoolFactory(swv=swv, regio=regio, gemeente=gemeente, naam="OBS De Testboom")
    school2 = SchoolFactory(swv=swv, regio=regio2, gemeente=gemeente2, naam="CBS Het Testlicht")
    swv_b = SWVFactory(naam="SWV Testvallei B", code="PO 98-02")
    school_b = SchoolFactory(swv=swv_b, naam="OBS Ver Weg")
    w = World(
        swv=swv,
        regio=regio,
        regio2=regio2,
        gemeente=gemeente,
        school=school,
        school2=school2,
        swv_b=swv_b,
        school_b=school_b,
    )
    for soort in ROLLEN:
        user = GebruikerFactory(username=soort, is_staff=soort == "beheer")
        extra = {}
        if soort == "leerkracht":
            extra["groepen"] = "4,5"
        if soort == "deskundige":
            extra["discipline"] = "orthopedagoog"
        if soort in ("leerkracht", "ib", "directeur"):
            maak_rol(user, soort, swv=swv, school=school, **extra)
        elif soort in ("sc", "cjk"):
            maak_rol(user, soort, swv=swv, regio=regio)
        elif soort == "lpa":
            maak_rol(user, soort, swv=swv, gemeente=gemeente)
        else:
            maak_rol(user, soort, swv=swv, **extra)
        w.users[soort] = user
    w.ib_b = GebruikerFactory(username="ib_b")
    maak_rol(w.ib_b, "ib", swv=swv_b, school=school_b)
    w.ib_a2 = GebruikerFactory(username="ib_a2")
    maak_rol(w.ib_a2, "ib", swv=swv, school=school2)
    return w


@pytest.fixture
def login(client):
    """login(user) -> the test client, logged in as that user."""

    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture
def zonder_tweede_factor():
    """Opt-out for tests of the 2FA wall: force_login then gives an unverified session [issue 14]."""


@pytest.fixture(autouse=True)
def _force_login_met_tweede_factor(request, monkeypatch):
    """Every force_login gives a session verified by a TOTP device, as after the second step of
    the login [issue 14]; `zonder_tweede_factor` turns this off."""
    if "zonder_tweede_factor" in request.fixturenames:
        return
    from django.test import Client

    from tests.tweefactor import verifieer_sessie

    origineel = Client.force_login

    def force_login(self, user, backend=None):
        origineel(self, user, backend)
        verifieer_sessie(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture(autouse=True)
def _private_opslag_in_tmp(settings, tmp_path_factory):
    """Files a test stores (uploads, PDFs) go to a temporary folder, never into var/private."""
    standaard = settings.STORAGES["default"]
    opties = {**standaard.get("OPTIONS", {}), "location": str(tmp_path_factory.mktemp("private"))}
    settings.STORAGES = {**settings.STORAGES, "default": {**standaard, "OPTIONS": opties}}


@pytest.fixture(scope="session", autouse=True)
def _flush_mag_auditlog_legen():
    """On PostgreSQL the audit table refuses TRUNCATE unless passend.audit_opschonen is set
    (migration cases 0009) [issue 14]; the flush after a transactional test sets it, like the
    retention command does."""
    try:
        from django.db.backends.postgresql.operations import DatabaseOperations
    except ImportError:  # no psycopg: no PostgreSQL either
        yield
        return
    origineel = DatabaseOperations.sql_flush

    def sql_flush(self, style, tables, **kwargs):
        sql = origineel(self, style, tables, **kwargs)
        return ["SET LOCAL passend.audit_opschonen = 'ja'", *sql] if sql else sql

    DatabaseOperations.sql_flush = sql_flush
    yield
    DatabaseOperations.sql_flush = origineel
