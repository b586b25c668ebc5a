"""Production smoke test [issue 13]: the app served the way docker-compose.yml serves it.

Production settings (DEBUG off, whitenoise's CompressedManifestStaticFilesStorage after
collectstatic), a temp SQLite database and temp folders, gunicorn as a subprocess; then plain HTTP
requests as a browser behind the TLS proxy sends them. Every page must answer as designed
(200/403/404, the 500 page on a real error), never an unplanned 500.

What this mirrors (keep it in step with those files):
- config/docker/Dockerfile: `RUN SECRET_KEY=build-only python manage.py collectstatic --noinput`
- docker-compose.yml, service `web`: `python manage.py migrate --noinput && gunicorn
  config.wsgi:application --bind 0.0.0.0:8000 --workers 2 --access-logfile -`, with the
  environment of `x-passend` (DJANGO_SETTINGS_MODULE=config.settings.production, SECRET_KEY,
  DATABASE_URL, PRIVATE_MEDIA_ROOT, SECURE_SSL_REDIRECT=false).
Differences, on purpose: SQLite instead of PostgreSQL (the suite's database stays untouched), the
in-memory Celery broker (no worker is part of this test), one gunicorn worker, the demo loaded with
PASSEND_DEMO=true for that one command, and gunicorn on tests/productie_settings.py, which is the
production settings plus one test-only URL that raises (for the 500 page).
"""

from __future__ import annotations

import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.client import HTTPConnection
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest

from cases import demo

BASE_DIR = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DEMO_GEBRUIKERS = [g[0] for g in demo.GEBRUIKERS]
TECHNISCH = ("Traceback", "Using the URLconf", "Page not found", "DEBUG = True", "Server Error")


@dataclass
class Antwoord:
    status: int
    headers: dict[str, str]
    set_cookies: list[str]
    tekst: str
    body: bytes


class _Verwijzingen(HTMLParser):
    """The stylesheets and scripts a page loads, and the links of its main navigation."""

    def __init__(self):
        super().__init__()
        self.static: list[str] = []
        self.nav: list[str] = []
        self._in_nav = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "stylesheet":
            self.static.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.static.append(a["src"])
        elif tag == "nav" and "navigatie" in (a.get("class") or ""):
            self._in_nav += 1
        elif tag == "a" and self._in_nav and a.get("href"):
            self.nav.append(a["href"])

    def handle_endtag(self, tag):
        if tag == "nav" and self._in_nav:
            self._in_nav -= 1


def verwijzingen(html: str) -> _Verwijzingen:
    p = _Verwijzingen()
    p.feed(html)
    return p


@dataclass
class Server:
    port: int
    tmp: Path
    log: Path
    manifest: dict[str, str]
    tijden: dict[str, float] = field(default_factory=dict)

    @property
    def origin(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def vraag(self, methode: str, pad: str, *, body: bytes | None = None, headers=None) -> Antwoord:
        # The TLS proxy in front of gunicorn says the request came over https (SECURE_PROXY_SSL_HEADER).
        h = {"X-Forwarded-Proto": "https", **(headers or {})}
        conn = HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            conn.request(methode, pad, body=body, headers=h)
            r = conn.getresponse()
            data = r.read()
            return Antwoord(
                r.status,
                {k.lower(): v for k, v in r.getheaders()},
                r.headers.get_all("Set-Cookie") or [],
                data.decode("utf-8", "replace"),
                data,
            )
        finally:
            conn.close()

    def logstaart(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]

    def db(self):
        return closing(sqlite3.connect(self.tmp / "passend.sqlite3"))


class Sessie:
    """A browser's cookie handling by hand: the cookies are Secure, and over plain http to gunicorn
    a cookie jar would never send them back."""

    def __init__(self, server: Server):
        self.server = server
        self.cookies: dict[str, str] = {}

    def _vraag(self, methode, pad, **kw) -> Antwoord:
        headers = kw.pop("headers", {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        r = self.server.vraag(methode, pad, headers=headers, **kw)
        for regel in r.set_cookies:
            c = SimpleCookie()
            c.load(regel)
            for naam, morsel in c.items():
                if morsel.value and morsel["max-age"] != "0":
                    self.cookies[naam] = morsel.value
                else:
                    self.cookies.pop(naam, None)
        return r

    def get(self, pad: str) -> Antwoord:
        return self._vraag("GET", pad)

    def post(self, pad: str, data: dict, *, referer: str) -> Antwoord:
        return self._vraag(
            "POST",
            pad,
            body=urlencode(data).encode(),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": self.server.origin,
                "Referer": self.server.origin + referer,
            },
        )

    def login(self, username: str) -> Antwoord:
        pad = "/account/inloggen/"
        pagina = self.get(pad)
        assert pagina.status == 200, pagina.status
        assert "Secure" in " ".join(pagina.set_cookies), "production cookies must be Secure"
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', pagina.tekst).group(1)
        r = self.post(
            pad,
            {
                "csrfmiddlewaretoken": token,
                "username": username,
                "password": demo.DEMO_WACHTWOORD,
                "next": "",
            },
            referer=pad,
        )
        assert r.status == 302, f"login {username}: {r.status}\n{r.tekst[:2000]}"
        assert "sessionid" in self.cookies, r.set_cookies
        return self.tweede_stap(username)

    def tweede_stap(self, username: str) -> Antwoord:
        """[issue 14] The code of the demo device (documented demo key), computed like an app.
        Replay protection is lifted first: a test may log the same user in twice in 30 seconds."""
        from django_otp.oath import TOTP

        from cases.tweefactor import demo_sleutel

        with self.server.db() as db:
            db.execute(
                "UPDATE otp_totp_totpdevice SET last_t = -1 WHERE user_id = "
                "(SELECT id FROM cases_gebruiker WHERE username = ?)",
                [username],
            )
            db.commit()
        pad = "/account/tweede-stap/"
        pagina = self.get(pad)
        assert pagina.status == 200, pagina.status
        code = f"{TOTP(bytes.fromhex(demo_sleutel(username))).token():06d}"
        assert "Demo: de code van nu" not in pagina.tekst, "production (PASSEND_DEMO off) never shows it"
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', pagina.tekst).group(1)
        r = self.post(pad, {"csrfmiddlewaretoken": token, "code": code, "next": "/"}, referer=pad)
        assert r.status == 302, f"tweede stap {username}: {r.status}\n{r.tekst[:2000]}"
        return r


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _draai(cmd: list[str], env: dict, log: Path) -> float:
    begin = time.monotonic()
    with log.open("ab") as uit:
        proc = subprocess.run(cmd, cwd=BASE_DIR, env=env, stdout=uit, stderr=subprocess.STDOUT, timeout=600)
    assert proc.returncode == 0, f"{' '.join(cmd)} faalde:\n{log.read_text(errors='replace')[-4000:]}"
    return time.monotonic() - begin


@pytest.fixture(scope="module")
def productie(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("productie")
    log = tmp / "server.log"
    # Only what docker-compose's x-passend sets, so nothing of the suite's environment
    # (DATABASE_URL, CELERY_BROKER_URL, DEBUG of CI or the developer) leaks in.
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", str(tmp)),
        "LANG": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "rooktest-only-not-secret-passend-0123456789abcdef",
        "ALLOWED_HOSTS": "localhost,127.0.0.1",
        "CSRF_TRUSTED_ORIGINS": "",
        "DATABASE_URL": f"sqlite:///{tmp / 'passend.sqlite3'}",
        "CELERY_BROKER_URL": "memory://",
        "EMAIL_URL": "consolemail://",
        "DEFAULT_FROM_EMAIL": "Passend <noreply@passend.example>",
        "PRIVATE_MEDIA_ROOT": str(tmp / "private"),
        "STATIC_ROOT": str(tmp / "static"),
        "SECURE_SSL_REDIRECT": "false",
    }
    tijden = {}
    py = str(BIN / "python")
    begin = time.monotonic()
    # collectstatic needs no database (the image runs it at build time): run it alongside migrate.
    with (tmp / "collectstatic.log").open("wb") as uit:
        collect = subprocess.Popen(
            [py, "manage.py", "collectstatic", "--noinput"],
            cwd=BASE_DIR,
            env=env,
            stdout=uit,
            stderr=subprocess.STDOUT,
        )
    try:
        tijden["migrate"] = _draai([py, "manage.py", "migrate", "--noinput"], env, tmp / "migrate.log")
        # The demo is the test's data only: PASSEND_DEMO for this one command, never for the server.
        tijden["demo_data"] = _draai(
            [py, "manage.py", "demo_data", "--leerlingen", "0"],
            {**env, "PASSEND_DEMO": "true"},
            tmp / "demo.log",
        )
        assert collect.wait(timeout=600) == 0, (tmp / "collectstatic.log").read_text(errors="replace")[-4000:]
    finally:
        if collect.poll() is None:
            collect.kill()
            collect.wait()
    tijden["voorbereiding"] = time.monotonic() - begin
    manifest = json.loads((tmp / "static" / "staticfiles.json").read_text())["paths"]

    port = _vrije_poort()
    server = Server(port=port, tmp=tmp, log=log, manifest=manifest, tijden=tijden)
    start = time.monotonic()
    with log.open("wb") as uit:
        proc = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "config.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "--access-logfile",
                "-",
            ],
            cwd=BASE_DIR,
            env={**env, "DJANGO_SETTINGS_MODULE": "tests.productie_settings"},
            stdout=uit,
            stderr=subprocess.STDOUT,
        )
    try:
        while True:
            if proc.poll() is not None:
                pytest.fail(f"gunicorn stopte met code {proc.returncode}:\n{server.logstaart()}")
            try:
                server.vraag("GET", "/account/inloggen/")
                break
            except OSError:
                if time.monotonic() - start > 60:
                    pytest.fail(f"gunicorn antwoordde niet binnen 60 s:\n{server.logstaart()}")
                time.sleep(0.2)
        tijden["gunicorn_start"] = time.monotonic() - start
        yield server
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        sys.stderr.write(
            "\n[productie-rooktest] " + ", ".join(f"{k} {v:.1f} s" for k, v in tijden.items()) + "\n"
        )


def _geen_technische_pagina(r: Antwoord):
    for teken in TECHNISCH:
        assert teken not in r.tekst, f"Django's technical page leaks through: {teken!r}"


def _static_in_manifest(server: Server, html: str) -> list[str]:
    gehasht = set(server.manifest.values())
    refs = verwijzingen(html).static
    for ref in refs:
        assert ref.startswith("/static/"), ref
        assert ref.removeprefix("/static/") in gehasht, f"{ref} is not a hashed name from the manifest"
    return refs


def test_loginpagina_zonder_demo_accounts(productie):
    """[issue 13] The login page serves under production settings; the demo panel is off by default."""
    r = Sessie(productie).get("/account/inloggen/")
    assert r.status == 200, f"{r.status}\n{productie.logstaart()}"
    assert "Inloggen bij Passend" in r.tekst
    assert "Demo-accounts" not in r.tekst  # PASSEND_DEMO is off in production unless set
    _geen_technische_pagina(r)


def test_elk_static_bestand_van_base_html(productie):
    """[issue 13] Every stylesheet and script base.html loads is in the manifest and served."""
    r = productie.vraag("GET", "/account/inloggen/")
    refs = _static_in_manifest(productie, r.tekst)
    assert any(ref.endswith(".css") for ref in refs), refs
    assert any("htmx" in ref and ref.endswith(".js") for ref in refs), refs  # htmx, shipped by django-htmx
    for ref in refs:
        bestand = productie.vraag("GET", ref)
        assert bestand.status == 200, f"{ref}: {bestand.status}"
        assert len(bestand.body) > 100, ref
        assert "immutable" in bestand.headers.get("cache-control", ""), ref  # whitenoise: hashed name
        if ref.endswith(".js"):
            assert "javascript" in bestand.headers["content-type"], ref
        if "htmx" in ref:
            assert b"htmx" in bestand.body


def test_404_is_de_nederlandse_pagina(productie):
    """[issue 13] An unknown URL gets the product's Dutch 404 page, not Django's URL listing."""
    r = productie.vraag("GET", "/bestaat-niet/")
    assert r.status == 404
    assert "Niet gevonden" in r.tekst
    _geen_technische_pagina(r)
    _static_in_manifest(productie, r.tekst)


def test_leerling_van_andere_school_is_nederlandse_404(productie):
    """[issue 13] The IB'er of OBS De Regenboog opens a pupil of her own school; a pupil of
    another school answers with the Dutch 404."""
    with productie.db() as db:
        eigen, ander = (
            db.execute(
                "SELECT l.id FROM cases_leerling l JOIN cases_school s ON s.id = l.huidige_school_id "
                f"WHERE s.naam {op} ? ORDER BY l.id LIMIT 1",
                [demo.DEMO_SCHOOL],
            ).fetchone()[0]
            for op in ("=", "<>")
        )
    s = Sessie(productie)
    s.login("ib")
    assert s.get(f"/leerlingen/{eigen}/").status == 200
    r = s.get(f"/leerlingen/{ander}/")
    assert r.status == 404
    assert "Niet gevonden" in r.tekst and "valt buiten uw werkgebied" in r.tekst
    _geen_technische_pagina(r)


def test_403_is_de_nederlandse_pagina(productie):
    """[issue 13] A leerkracht on the bestuurder's signing list: the Dutch 403 page."""
    s = Sessie(productie)
    s.login("leerkracht")
    r = s.get("/tlv/ter-ondertekening/")
    assert r.status == 403, r.status
    assert "Geen toegang" in r.tekst
    _geen_technische_pagina(r)
    _static_in_manifest(productie, r.tekst)


def test_500_is_de_nederlandse_pagina(productie):
    """[issue 13] A view that raises: the Dutch 500 page (tests/productie_urls.py, test-only URL)."""
    r = productie.vraag("GET", "/__test__/500/")
    assert r.status == 500
    assert "Er ging iets mis" in r.tekst
    _geen_technische_pagina(r)
    _static_in_manifest(productie, r.tekst)
    assert "opzettelijke fout" in productie.logstaart()  # the traceback goes to the log, not the page
    assert productie.vraag("GET", "/account/inloggen/").status == 200  # the worker serves on


@pytest.mark.parametrize("gebruiker", DEMO_GEBRUIKERS)
def test_werkpaginas_per_demo_rol(productie, gebruiker):
    """[issue 13] Each demo user logs in through the form (CSRF, Secure cookies) and opens "Mijn
    werk" and every page of the main navigation: all 200."""
    s = Sessie(productie)
    r = s.login(gebruiker)
    assert r.headers["location"] == "/"
    home = s.get("/")
    assert home.status == 200, f"{gebruiker} op /: {home.status}\n{productie.logstaart()}"
    assert "Uitloggen" in home.tekst
    _static_in_manifest(productie, home.tekst)
    nav = verwijzingen(home.tekst).nav
    assert "/" in nav and len(nav) >= 2, nav
    for pad in nav:
        pagina = s.get(pad)
        assert pagina.status == 200, f"{gebruiker} op {pad}: {pagina.status}\n{productie.logstaart()}"
        _geen_technische_pagina(pagina)


# --- make run's settings (config.settings.dev) --------------------------------------------------

_DEV_PROBE = """
import json
import django
django.setup()
from django.conf import settings
from django.test import Client
c = Client(HTTP_HOST="127.0.0.1")
def get(pad):
    r = c.get(pad)
    return [r.status_code, b"".join(r).decode("utf-8", "replace") if r.streaming else r.content.decode()]
login = get("/account/inloggen/")
print(json.dumps({
    "debug": settings.DEBUG,
    "demo": settings.PASSEND_DEMO,
    "login": login,
    "css": get("/static/css/passend.css")[0],
    "htmx": get("/static/django_htmx/htmx.min.js")[0],
    "onbekend": get("/bestaat-niet/"),
}))
"""


def _dev_probe(tmp: Path, **extra) -> dict:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", str(tmp)),
        "LANG": "C.UTF-8",
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp / 'leeg.sqlite3'}",  # the pages probed need no tables
        "CELERY_BROKER_URL": "memory://",
        "PRIVATE_MEDIA_ROOT": str(tmp / "private"),
        **extra,
    }
    proc = subprocess.run(
        [str(BIN / "python"), "-c", _DEV_PROBE],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_make_run_zonder_debug_met_demo_en_nederlandse_404(tmp_path):
    """[issue 13] `make run` (config.settings.dev) runs with DEBUG off and the demo on: the login
    page lists the demo accounts, runserver still serves the static files (whitenoise's finders),
    and an unknown URL gets the Dutch 404, not Django's technical page listing every URL."""
    r = _dev_probe(tmp_path)
    assert (r["debug"], r["demo"]) == (False, True)
    assert r["login"][0] == 200 and "Demo-accounts" in r["login"][1]
    assert 'src="/static/django_htmx/htmx.min.js"' in r["login"][1]
    assert "django-htmx.js" not in r["login"][1]  # django-htmx's debug helper comes with DEBUG only
    assert (r["css"], r["htmx"]) == (200, 200)
    assert r["onbekend"][0] == 404 and "Niet gevonden" in r["onbekend"][1]
    assert "Using the URLconf" not in r["onbekend"][1]


def test_make_run_met_debug_uit_de_omgeving(tmp_path):
    """[issue 13] DEBUG=true in the environment still gives Django's technical pages in dev, and
    PASSEND_DEMO=false turns the demo panel off: the two are independent."""
    r = _dev_probe(tmp_path, DEBUG="true", PASSEND_DEMO="false")
    assert (r["debug"], r["demo"]) == (True, False)
    assert "Demo-accounts" not in r["login"][1]
    assert 'src="/static/django_htmx/django-htmx.js"' in r["login"][1]
    assert r["onbekend"][0] == 404 and "Using the URLconf" in r["onbekend"][1]
