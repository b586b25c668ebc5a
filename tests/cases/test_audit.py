"""Audit log [issue 3; conventions 'Audit']: every view, download and write of a dossier leaves a
row through the services; the beheerder searches it; the dossier shows who looked."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cases.models import AuditRegel
from cases.services.audit import log
from tests.factories.dossier import OTBesprekingFactory, leerling_met_ouders

pytestmark = pytest.mark.django_db


@pytest.fixture
def leerling(world):
    return leerling_met_ouders(world)


def test_inzage_download_en_schrijven_laten_regels_achter(world, leerling, login):
    ib = login(world.users["ib"])
    ib.get(reverse("dossier", args=[leerling.pk]), REMOTE_ADDR="10.1.2.3")
    ib.post(reverse("ot_nieuw", args=[leerling.pk]), {"soort": "start"})
    vast = OTBesprekingFactory(leerling=leerling, aangemaakt_door=world.users["ib"], vastgesteld=True)
    ib.get(reverse("ot_detail", args=[vast.pk]))
    # The user's own acts; the system's rows (the DUO task that the enrolment started, issue 16.14)
    # carry no user.
    acties = list(
        AuditRegel.objects.filter(leerling=leerling)
        .exclude(gebruikersnaam="")
        .order_by("id")
        .values_list("actie", "gebruikersnaam")
    )
    assert acties == [("bekeken", "ib"), ("aangemaakt", "ib"), ("bekeken", "ib")]
    assert AuditRegel.objects.filter(leerling=leerling, ip="10.1.2.3").exists()


class TestZoeken:
    @pytest.fixture
    def regels(self, world, leerling):
        log(
            actie="bekeken",
            user=world.users["ib"],
            obj=leerling,
            leerling=leerling,
            omschrijving="dossier bekeken",
        )
        log(actie="gewijzigd", user=world.users["directeur"], obj=leerling, leerling=leerling)
        anders = leerling_met_ouders(world, school=world.school2)
        log(actie="bekeken", user=world.ib_a2, obj=anders, leerling=anders)
        ver = leerling_met_ouders(world, school=world.school_b)
        log(actie="bekeken", user=world.ib_b, obj=ver, leerling=ver, omschrijving="ander swv")
        return {"anders": anders, "ver": ver}

    def test_filters(self, world, leerling, regels, login):
        beheer = login(world.users["beheer"])

        def rijen(**filters):
            return list(beheer.get(reverse("audit_zoeken"), filters).context["pagina"])

        assert {r.gebruikersnaam for r in rijen(gebruiker="directeur")} == {"directeur"}
        assert {r.leerling_id for r in rijen(leerling=leerling.pk)} == {leerling.pk}
        assert {r.actie for r in rijen(actie="gewijzigd")} == {"gewijzigd"}
        vandaag = timezone.localdate()
        # the three rows of SWV A plus the beheerder's own login, which carries his SWV [issue 14]
        # (rows of the system, such as the DUO task each test enrolment starts [issue 16.14], aside)
        vandaag_rijen = [
            r for r in rijen(van=vandaag.isoformat(), tot=vandaag.isoformat()) if r.gebruikersnaam
        ]
        assert sorted(r.actie for r in vandaag_rijen) == ["bekeken", "bekeken", "gewijzigd", "ingelogd"]
        assert rijen(van=(vandaag + timedelta(days=1)).isoformat()) == []
        # nothing from the other SWV
        assert "ander swv" not in beheer.get(reverse("audit_zoeken")).content.decode()

    def test_einddatum_voor_begindatum(self, world, regels, login):
        resp = login(world.users["beheer"]).get(
            reverse("audit_zoeken"), {"van": "2026-03-10", "tot": "2026-03-01"}
        )
        assert "De einddatum ligt vóór de begindatum." in resp.content.decode()

    def test_alleen_beheerder(self, world, login):
        for rol in ("ib", "sll", "tla", "bestuurder"):
            assert login(world.users[rol]).get(reverse("audit_zoeken")).status_code == 403

    def test_gepagineerd_met_constant_aantal_queries(
        self, world, leerling, login, django_assert_max_num_queries
    ):
        beheer = login(world.users["beheer"])
        log(actie="bekeken", user=world.users["ib"], obj=leerling, leerling=leerling)
        beheer.get(reverse("audit_zoeken"))
        with CaptureQueriesContext(connection) as een:
            beheer.get(reverse("audit_zoeken"))
        for _ in range(120):
            log(actie="bekeken", user=world.users["sc"], obj=leerling, leerling=leerling)
        with django_assert_max_num_queries(len(een) + 1):  # +1: the paginator's count query
            resp = beheer.get(reverse("audit_zoeken"))
        assert len(resp.context["pagina"]) == 50
        assert resp.context["pagina"].paginator.num_pages >= 3
        assert beheer.get(reverse("audit_zoeken"), {"pagina": 3}).status_code == 200


def test_beheerder_ziet_de_acties_van_de_ib_reis(world, leerling, login):
    """[issue 3 'done when'] As beheer: the audit log shows the IB'er's actions."""
    ib = login(world.users["ib"])
    ib.get(reverse("dossier", args=[leerling.pk]))
    ib.post(reverse("ot_nieuw", args=[leerling.pk]), {"soort": "start"})
    html = login(world.users["beheer"]).get(reverse("audit_zoeken"), {"gebruiker": "ib"}).content.decode()
    assert "dossier bekeken" in html
    assert "concept-verslag gestart" in html
    assert leerling.volledige_naam in html
