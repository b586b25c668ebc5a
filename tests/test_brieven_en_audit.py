"""Letters [domain §12] and the audit log [domain §2]."""

import hashlib
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cases.models import AuditRegel, Brief
from cases.services.brieven import BriefFout, maak_brief, markeer_verzonden, render_brief
from tests.factories import LeerlingFactory, OuderFactory


@pytest.fixture
def leerling(world):
    kind = LeerlingFactory(swv=world.swv, school=world.school, school__groep=4)
    OuderFactory(leerling=kind, naam="M. Testfamilie-de Vries", gezag=True)
    OuderFactory(leerling=kind, naam="Stiefouder zonder gezag", gezag=False)
    return kind


def _brief(leerling, user, template="brieven/test_besluit.html", bezwaar=True):
    return maak_brief(
        zaak=leerling,
        leerling=leerling,
        soort="test",
        template=template,
        onderwerp="Besluit test",
        context={
            "besluit": "toegekend",
            "ingangsdatum": date(2026, 5, 1),
            "bezwaar_termijn_einde": date(2026, 3, 12),
        },
        door=user,
        bezwaarclausule=bezwaar,
        ondertekenaar="B. Stuurman, directeur-bestuurder",
    )


@pytest.mark.django_db(transaction=True)
def test_brief_wordt_na_commit_gerenderd_met_hash_en_alleen_naar_gezag(world, leerling):
    brief = _brief(leerling, world.users["bestuurder"])
    brief.refresh_from_db()
    assert brief.is_gerenderd
    assert brief.kenmerk.startswith("PAS-")
    with brief.pdf.open("rb") as f:
        data = f.read()
    assert data.startswith(b"%PDF")
    assert hashlib.sha256(data).hexdigest() == brief.sha256
    assert [a["naam"] for a in brief.geadresseerden] == ["M. Testfamilie-de Vries"]
    assert leerling.achternaam not in brief.pdf.name
    assert (leerling.bsn or "x") not in brief.pdf.name


@pytest.mark.django_db(transaction=True)
def test_besluit_zonder_bezwaarclausule_kan_niet_worden_gemaakt(world, leerling):
    """[004 'Vermelding van mogelijkheid van bezwaar'] a decision without the clause is unlawful:
    the letter, and the decision's transaction with it, is refused before anything is stored."""
    with pytest.raises(BriefFout, match="bezwaarclausule"):
        _brief(leerling, world.users["bestuurder"], template="brieven/test_zonder_clausule.html")
    assert not Brief.objects.exists()
    _brief(leerling, world.users["bestuurder"], template="brieven/test_zonder_clausule.html", bezwaar=False)
    assert Brief.objects.get().is_gerenderd


def test_brief_zonder_gezaghebbende_ouder_geweigerd(world):
    kind = LeerlingFactory(swv=world.swv, school=world.school)
    with pytest.raises(BriefFout, match="gezag"):
        _brief(kind, world.users["bestuurder"])


@pytest.mark.django_db(transaction=True)
def test_verzonden_brief_verandert_niet_en_render_is_idempotent(world, leerling):
    brief = _brief(leerling, world.users["bestuurder"])
    brief.refresh_from_db()
    hash_voor = brief.sha256
    markeer_verzonden(brief=brief, door=world.users["sll"])
    render_brief(brief.pk)
    brief.refresh_from_db()
    assert brief.sha256 == hash_voor
    assert brief.is_verzonden
    with pytest.raises(ValidationError, match="al verzonden"):
        markeer_verzonden(brief=brief, door=world.users["sll"])


@pytest.mark.django_db(transaction=True)
def test_download_is_gelogd_en_buiten_scope_404(world, leerling, client):
    brief = _brief(leerling, world.users["bestuurder"])
    client.force_login(world.users["ib"])
    resp = client.get(reverse("brief_download", args=[brief.pk]))
    assert resp.status_code == 200
    assert resp["Content-Type"] == "application/pdf"
    assert leerling.achternaam not in resp["Content-Disposition"]
    regel = AuditRegel.objects.filter(actie="gedownload").get()
    assert regel.gebruiker == world.users["ib"]
    assert regel.leerling == leerling
    assert regel.ip == "127.0.0.1"
    client.force_login(world.ib_a2)
    assert client.get(reverse("brief_download", args=[brief.pk])).status_code == 404


def test_auditregel_is_onveranderlijk_en_inlog_gelogd(world, client):
    client.post(reverse("login"), {"username": "ib", "password": "demo"})
    client.post(reverse("login"), {"username": "ib", "password": "fout"})
    acties = list(AuditRegel.objects.order_by("id").values_list("actie", flat=True))
    assert acties == ["ingelogd", "inlog_mislukt"]
    regel = AuditRegel.objects.first()
    regel.omschrijving = "aangepast"
    with pytest.raises(ValueError):
        regel.save()
