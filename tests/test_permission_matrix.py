"""Role × URL matrix [issue 2]: every URL of the project has an entry in tests/matrix/, and every
role gets exactly the answer designed for it."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.matrix import ALLE_ROLLEN, alle_entries, alle_situaties

ENTRIES = alle_entries()
# The admin's model pages are Django's own and open to the superuser only (cases/admin.py,
# tests/security/test_beheer.py); the matrix holds its index. Everything else must be listed.
UITGEZONDERD_PREFIX = ("admin:",)


def _namen(resolver, prefix=""):
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            ns = f"{prefix}{p.namespace}:" if p.namespace else prefix
            yield from _namen(p, ns)
        elif isinstance(p, URLPattern) and p.name:
            yield f"{prefix}{p.name}"


def project_url_namen() -> set[str]:
    return {n for n in _namen(get_resolver()) if not n.startswith(UITGEZONDERD_PREFIX) or n == "admin:index"}


def test_elke_url_staat_in_de_matrix():
    ontbreekt = sorted(project_url_namen() - set(ENTRIES))
    assert not ontbreekt, f"Deze URL's staan niet in tests/matrix/: {ontbreekt}"


def test_matrix_noemt_geen_verdwenen_urls():
    verdwenen = sorted(set(ENTRIES) - project_url_namen())
    assert not verdwenen, f"Deze matrixregels horen bij geen URL meer: {verdwenen}"


def _url(naam, toegang, world):
    return reverse(naam, kwargs=toegang.kwargs(world) if toegang.kwargs else None)


@pytest.mark.parametrize("naam", sorted(ENTRIES))
def test_anoniem(naam, world, client):
    toegang = ENTRIES[naam]
    url = _url(naam, toegang, world)  # once: kwargs(world) may create the object it points to
    resp = getattr(client, toegang.methode)(url)
    if toegang.publiek:
        assert resp.status_code == toegang.ok_status, resp.status_code
        return
    # Not public: a redirect to the login page that brings the visitor back afterwards. Django's
    # admin has its own login page; every other URL to the project's (settings.LOGIN_URL).
    inlog = reverse("admin:login") if naam.startswith("admin:") else reverse("login")
    assert resp.status_code == 302, resp.status_code
    assert resp["Location"] == f"{inlog}?next={url}"


@pytest.mark.parametrize("rol", sorted(ALLE_ROLLEN))
@pytest.mark.parametrize("naam", sorted(ENTRIES))
def test_rol_per_url(naam, rol, world, client):
    toegang = ENTRIES[naam]
    client.force_login(world.users[rol])
    resp = getattr(client, toegang.methode)(_url(naam, toegang, world))
    verwacht = toegang.ok_status if rol in toegang.ok else toegang.geweigerd
    assert resp.status_code == verwacht, f"{rol} op {naam}: {resp.status_code}, verwacht {verwacht}"


SITUATIES = alle_situaties()


@pytest.mark.parametrize("rol", sorted(ALLE_ROLLEN))
@pytest.mark.parametrize("situatie", sorted(SITUATIES))
def test_rol_per_situatie(situatie, rol, world, client):
    """[issue 14] Access ends when its reason ends: a pupil who left the school, a closed traject."""
    s = SITUATIES[situatie]
    assert s.url in ENTRIES, f"{situatie}: {s.url} is geen URL uit de matrix"
    url = reverse(s.url, kwargs=s.kwargs(world))
    client.force_login(world.users[rol])
    resp = getattr(client, s.methode)(url)
    if rol in s.ok:
        verwacht = s.ok_status
    elif rol in s.niet_gevonden:
        verwacht = 404
    else:
        verwacht = s.geweigerd
    assert resp.status_code == verwacht, f"{rol} in '{situatie}': {resp.status_code}, verwacht {verwacht}"
