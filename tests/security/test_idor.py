"""IDOR crawl [issue 14]: every URL of the project with an id in it, for every role of SWV A,
requested with the ids of SWV B's objects — and with the ids of SWV A's own objects the role must
not reach — by GET and by POST with a plausible form body. The answer is a refusal (403/404; 405
where the view takes no POST), never a page, a redirect or a 500, and no row of the database
changes.

Where the ids come from: SWV B is a second complete SWV (tests/factories/tweede_swv.py) and each
URL's objects are built for it by the URL's own builder in tests/matrix/ (`Toegang.kwargs`), the
same builder that builds SWV A's objects for the permission matrix. So each kwarg (pk,
leerling_id, ouder_pk, brief_pk, school_pk...) points at the right kind of object of SWV B, and a
check first proves that SWV B's own user opens that URL — the id is real. A URL with an id kwarg
that has no builder fails `test_elke_id_url_heeft_objecten_van_swv_b`, so new URLs are covered.

One test per URL (roles looped inside), each in a transaction rolled back by pytest-django."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.factories.tweede_swv import tweede_swv
from tests.matrix import ALLE_ROLLEN, alle_entries, alle_situaties

ENTRIES = alle_entries()
WEIGERINGEN = {403, 404, 405}
# Not objects of an SWV: the reset link and the ouderportaal invitation carry a token, the agenda
# feed a secret key; Django's
# admin model pages are the installation's superuser's (the matrix holds their index).
GEEN_OBJECT_ID = {"password_reset_confirm", "termijnen:agenda_feed", "ouders:uitnodiging"}
# Written by every request, refused or not: the audit trail (refused attempts leave a row there
# [issue 14, audit part]), sessions and login bookkeeping: the second factor's devices (the test
# client's force_login gives each user a verified device) and django-axes' attempt records.
NIET_VERGELEKEN = {
    "cases.auditregel",
    "sessions.session",
    "otp_totp.totpdevice",
    "otp_static.staticdevice",
    "otp_static.statictoken",
    "otp_email.emaildevice",
    "axes.accessattempt",
    "axes.accessfailurelog",
    "axes.accesslog",
}
NIET_VERGELEKEN_VELDEN = {"last_login"}  # written by the test client's force_login


def _patronen(resolver, prefix="", converters=None):
    for p in resolver.url_patterns:
        conv = {**(converters or {}), **p.pattern.converters}
        if isinstance(p, URLResolver):
            ns = f"{prefix}{p.namespace}:" if p.namespace else prefix
            yield from _patronen(p, ns, conv)
        elif isinstance(p, URLPattern) and p.name:
            yield f"{prefix}{p.name}", conv


def id_urls() -> dict[str, set[str]]:
    """URL name -> the names of its kwargs (every pattern with a kwarg, admin's model pages aside)."""
    return {
        naam: set(conv)
        for naam, conv in _patronen(get_resolver())
        if conv and not naam.startswith("admin:") and naam not in GEEN_OBJECT_ID
    }


ID_URLS = id_urls()


def test_elke_id_url_heeft_objecten_van_swv_b():
    """[issue 14] A new URL with an id must get a builder, or the crawl would pass it by."""
    zonder = sorted(n for n in ID_URLS if n not in ENTRIES or ENTRIES[n].kwargs is None)
    assert not zonder, f"Deze URL's met een id hebben geen kwargs-bouwer in tests/matrix/: {zonder}"


class _Formulieren(HTMLParser):
    """The fields of every POST form on a page: the first value per name (a select's first
    option with a value, a checkbox as checked, the first submit button's name and value)."""

    def __init__(self):
        super().__init__()
        self.velden: dict[str, str] = {}
        self._in_post = False
        self._select: str | None = None
        self._textarea: str | None = None

    def _zet(self, naam, waarde):
        if naam and naam != "csrfmiddlewaretoken":
            self.velden.setdefault(naam, waarde)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._in_post = (a.get("method") or "").lower() == "post"
        if not self._in_post:
            return
        if tag in ("input", "button"):
            soort = (a.get("type") or ("submit" if tag == "button" else "text")).lower()
            if soort in ("file", "reset"):
                return
            if soort in ("checkbox", "radio"):
                self._zet(a.get("name"), a.get("value") or "on")
            elif a.get("name"):
                self._zet(a.get("name"), a.get("value") or self._plausibel(a.get("name"), soort))
        elif tag == "select":
            self._select = a.get("name")
        elif tag == "option" and self._select and a.get("value"):
            self._zet(self._select, a["value"])
        elif tag == "textarea":
            self._textarea = a.get("name")
            self._zet(self._textarea, "Ingevuld door de IDOR-test.")

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_post = False
        elif tag == "select":
            self._select = None

    @staticmethod
    def _plausibel(naam, soort):
        if soort == "date" or "datum" in naam or naam.endswith("_op") or naam in ("van", "tot"):
            return "2026-03-04"
        if soort == "number":
            return "1"
        if soort == "email":
            return "test@example.org"
        return "Test"


def _formulier(client, url) -> dict[str, str]:
    resp = client.get(url)
    if resp.status_code != 200 or "text/html" not in resp.get("Content-Type", ""):
        return {}
    p = _Formulieren()
    p.feed(resp.content.decode())
    return p.velden


def _stand() -> dict[str, list]:
    """Every row of every table (the test world is small): what a refused request must not change."""
    stand = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        if label in NIET_VERGELEKEN or model._meta.proxy:
            continue
        velden = [f.attname for f in model._meta.concrete_fields if f.name not in NIET_VERGELEKEN_VELDEN]
        stand[label] = list(model._base_manager.order_by("pk").values_list(*velden))
    return stand


def _verschil(voor, na) -> list[str]:
    return sorted(t for t in voor if voor[t] != na[t])


GENERIEK = {"actie": "opslaan", "opmerking": "Test", "datum": "2026-03-04", "naam": "Test"}


@pytest.mark.parametrize("naam", sorted(ID_URLS))
def test_geen_toegang_tot_andermans_objecten(naam, world, client):
    """[issue 14] Every role of SWV A, on SWV B's objects and on A's objects outside its reach."""
    toegang = ENTRIES[naam]
    b = tweede_swv(world)
    url_b = reverse(naam, kwargs=toegang.kwargs(b))
    body = dict(GENERIEK)
    if toegang.ok:
        eigenaar = b.users[sorted(toegang.ok)[0]]
        client.force_login(eigenaar)
        if toegang.methode == "get":
            resp = client.get(url_b)
            assert resp.status_code == toegang.ok_status, (
                f"SWV B's eigen {sorted(toegang.ok)[0]} opent {naam} niet ({resp.status_code}): geen echt id"
            )
        body.update(_formulier(client, url_b))
    # A's objects: built once, tried by the roles the matrix keeps out.
    url_a = reverse(naam, kwargs=toegang.kwargs(world))
    pogingen = [(rol, url_b) for rol in sorted(ALLE_ROLLEN)]
    pogingen += [(rol, url_a) for rol in sorted(ALLE_ROLLEN - toegang.ok)]
    voor = _stand()
    fouten = []
    for rol, url in pogingen:
        client.force_login(world.users[rol])
        for methode in ("get", "post"):
            resp = client.get(url) if methode == "get" else client.post(url, body)
            if resp.status_code not in WEIGERINGEN:
                waar = "SWV B" if url is url_b else "SWV A buiten bereik"
                fouten.append(f"{rol} {methode.upper()} {url} ({waar}): {resp.status_code}")
    assert not fouten, "\n".join(fouten)
    veranderd = _verschil(voor, _stand())
    assert not veranderd, f"{naam}: geweigerde verzoeken veranderden {veranderd}"


SITUATIES = alle_situaties()


@pytest.mark.parametrize("situatie", sorted(SITUATIES))
def test_geen_toegang_als_de_reden_voorbij_is(situatie, world, client):
    """[issue 14] The same crawl on the objects whose reason for access ended (a pupil who left the
    school, a closed traject; tests/matrix/toegang.py): every role the situation keeps out is
    refused on GET and POST, and nothing changes."""
    s = SITUATIES[situatie]
    url = reverse(s.url, kwargs=s.kwargs(world))
    voor = _stand()
    fouten = []
    for rol in sorted(ALLE_ROLLEN - s.ok):
        client.force_login(world.users[rol])
        for methode in ("get", "post"):
            resp = client.get(url) if methode == "get" else client.post(url, GENERIEK)
            if resp.status_code not in WEIGERINGEN:
                fouten.append(f"{rol} {methode.upper()} {url}: {resp.status_code}")
    assert not fouten, "\n".join(fouten)
    veranderd = _verschil(voor, _stand())
    assert not veranderd, f"{situatie}: geweigerde verzoeken veranderden {veranderd}"
