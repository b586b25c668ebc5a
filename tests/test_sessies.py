"""No database write per page view [issue 13]: the session is saved when it changes or when its
expiry needs refreshing (cases/sessies.py); the idle timeout still ends the session."""

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.sessies import REFRESHED_AT
from tests.tweefactor import code_voor

ROOT = Path(__file__).resolve().parent.parent
START = datetime(2026, 2, 3, 9, 0, tzinfo=UTC)
SCHRIJVEN = ("INSERT", "UPDATE", "DELETE")


def _sessie_sql(ctx) -> list[str]:
    return [q["sql"] for q in ctx.captured_queries if "django_session" in q["sql"]]


def _schrijft(sqls: list[str]) -> list[str]:
    return [s for s in sqls if s.lstrip().upper().startswith(SCHRIJVEN)]


def _inloggen(client, user):
    resp = client.post(reverse("login"), {"username": user.username, "password": "demo"})
    assert resp.status_code == 302, resp.content.decode()[:500]
    resp = client.post(reverse("tweede_stap"), {"code": code_voor(user), "next": "/"})  # [issue 14]
    assert resp.status_code == 302, resp.content.decode()[:500]


def _vervaldatum(client) -> datetime:
    return Session.objects.get(session_key=client.cookies["sessionid"].value).expire_date


@pytest.fixture
def ib(world):
    return world.users["ib"]


def test_leespagina_schrijft_de_sessie_niet(client, ib):
    """[issue 13] Mijn werk after a fresh login: no INSERT/UPDATE/DELETE on django_session. The same
    request with the old setting (save every request) does write: the check can see a write."""
    with time_machine.travel(START, tick=False):
        _inloggen(client, ib)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("home")).status_code == 200
        assert _schrijft(_sessie_sql(ctx)) == []
        with override_settings(SESSION_SAVE_EVERY_REQUEST=True), CaptureQueriesContext(connection) as oud:
            assert client.get(reverse("home")).status_code == 200
        assert any("UPDATE" in s.upper() for s in _schrijft(_sessie_sql(oud)))


def test_na_de_verversingstijd_wordt_de_vervaldatum_een_keer_vernieuwd(client, ib, settings):
    """[issue 13] N+1 s after the last refresh one request renews the expiry; the next one does not."""
    n = settings.PASSEND_SESSION_REFRESH_SECONDS
    with time_machine.travel(START, tick=False) as reis:
        _inloggen(client, ib)
        eerst = _vervaldatum(client)
        assert eerst == START + timedelta(seconds=settings.SESSION_COOKIE_AGE)
        reis.shift(n - 1)
        with CaptureQueriesContext(connection) as ctx:
            client.get(reverse("home"))
        assert _schrijft(_sessie_sql(ctx)) == []
        reis.shift(2)  # n + 1 seconds after the login
        with CaptureQueriesContext(connection) as ctx:
            client.get(reverse("home"))
        assert len(_schrijft(_sessie_sql(ctx))) == 1
        assert _vervaldatum(client) == eerst + timedelta(seconds=n + 1)
        with CaptureQueriesContext(connection) as ctx:
            client.get(reverse("home"))
        assert _schrijft(_sessie_sql(ctx)) == []
        assert client.session[REFRESHED_AT] == int((START + timedelta(seconds=n + 1)).timestamp())


def test_inactiviteit_beeindigt_de_sessie_en_klikken_houdt_haar_open(client, ib, settings):
    """[issue 13] A click every 10 minutes keeps the session for over an hour; 31 minutes without
    a click ends it (redirect to the login page)."""
    with time_machine.travel(START, tick=False) as reis:
        _inloggen(client, ib)
        for _ in range(7):
            reis.shift(timedelta(minutes=10))
            assert client.get(reverse("home")).status_code == 200
        reis.shift(timedelta(minutes=31))
        resp = client.get(reverse("home"))
        assert resp.status_code == 302 and resp.url.startswith(reverse("login"))


def test_sessie_eindigt_hoogstens_de_verversingstijd_te_vroeg(client, ib, settings):
    """[issue 13] The documented boundary: a click within N s of the last refresh does not renew
    the expiry, so the session ends up to N s before the idle time after that click."""
    n = settings.PASSEND_SESSION_REFRESH_SECONDS
    leeg = settings.SESSION_COOKIE_AGE
    with time_machine.travel(START, tick=False) as reis:
        _inloggen(client, ib)  # renewed at START
        reis.shift(n - 1)
        assert client.get(reverse("home")).status_code == 200  # last click, not renewed
        reis.shift(leeg - n + 2)  # START + leeg + 1: idle for leeg - n + 2 s only
        resp = client.get(reverse("home"))
        assert resp.status_code == 302 and resp.url.startswith(reverse("login"))


def test_uitloggen_en_opnieuw_inloggen_werken(client, ib):
    """[issue 13] Logout deletes the session row; logging in again gives a new working session."""
    with time_machine.travel(START, tick=False):
        _inloggen(client, ib)
        oud = client.cookies["sessionid"].value
        assert client.post(reverse("logout")).status_code == 302
        assert not Session.objects.filter(session_key=oud).exists()
        assert client.get(reverse("home")).status_code == 302
        _inloggen(client, ib)
        assert client.cookies["sessionid"].value != oud
        assert client.get(reverse("home")).status_code == 200


def test_verlopen_cookie_maakt_geen_nieuwe_sessie(client, ib):
    """[issue 13] A request with the cookie of an expired session writes nothing: the refresh does
    not bring a session back to life for a visitor who is logged out. The agenda feed does not read
    the session itself (the refresh middleware is the first to), the login page does."""
    from cases.termijnen.meldingen import maak_agenda_token

    feed = reverse("termijnen:agenda_feed", args=[maak_agenda_token(user=ib)])
    with time_machine.travel(START, tick=False) as reis:
        _inloggen(client, ib)
        reis.shift(timedelta(hours=2))
        aantal = Session.objects.count()
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(feed).status_code == 200
            assert client.get(reverse("login")).status_code == 200  # and deletes the stale cookie
        assert _schrijft(_sessie_sql(ctx)) == []
        assert Session.objects.count() == aantal


@override_settings(
    SESSION_ENGINE="django.contrib.sessions.backends.cached_db",
    CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "sessies"}},
)
def test_cached_db_leest_de_sessie_niet_uit_de_database(ib):
    """[issue 13] With the cached_db engine (CACHE_URL set) a page view does not query django_session
    at all; the refresh still writes through to the database, and the idle timeout still holds."""
    client = Client()  # built inside the override: its SessionMiddleware uses cached_db
    with time_machine.travel(START, tick=False) as reis:
        _inloggen(client, ib)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("home")).status_code == 200
        assert _sessie_sql(ctx) == []
        reis.shift(61)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("home")).status_code == 200
        assert len(_schrijft(_sessie_sql(ctx))) == 1
        reis.shift(timedelta(minutes=31))
        assert client.get(reverse("home")).status_code == 302


@pytest.mark.parametrize(
    ("cache_url", "engine", "backend"),
    [
        ("", "django.contrib.sessions.backends.db", "django.core.cache.backends.locmem.LocMemCache"),
        (
            "redis://127.0.0.1:6379/11",
            "django.contrib.sessions.backends.cached_db",
            "django.core.cache.backends.redis.RedisCache",
        ),
    ],
)
def test_cache_url_kiest_de_sessieopslag(cache_url, engine, backend):
    """[issue 13] CACHE_URL (Redis) switches sessions to cached_db on Django's RedisCache; without
    it sessions stay in the database. Read from a fresh settings import (no connection made)."""
    env = {**os.environ, "CACHE_URL": cache_url, "DJANGO_SETTINGS_MODULE": "config.settings.ci"}
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_ENGINE, s.CACHES['default']['BACKEND'], s.SESSION_SAVE_EVERY_REQUEST)"
    )
    uit = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert uit.stdout.split() == [engine, backend, "False"]


def test_cache_url_zonder_redis_wordt_geweigerd():
    """[issue 13] A CACHE_URL that is not Redis stops the start with a Dutch message."""
    env = {**os.environ, "CACHE_URL": "locmem://", "DJANGO_SETTINGS_MODULE": "config.settings.ci"}
    uit = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert uit.returncode != 0 and "CACHE_URL moet een Redis-adres zijn" in uit.stderr
