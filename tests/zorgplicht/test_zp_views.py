"""The zorgplicht as a user meets it: the issue's walkthrough through the pages, Dutch refusals
that keep the input, the SC's overview, the Mijn werk panel and constant query counts."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from cases.models import AuditRegel, Brief
from cases.termijnen import formatteer_datum, zorgplicht_einde
from tests.factories import SchoolFactory
from tests.factories.zorgplicht import aanmelding as maak
from tests.factories.zorgplicht import op
from zorgplicht.models import Aanmelding, Status

D = date


def _post_nieuw(client, world, **extra):
    data = {
        "school": world.school.pk,
        "aanmelding_op": "2026-02-03",
        "extra_ondersteuning_vermoed": "ja",
        "ondersteuningsbehoeften": ["gedrag", "spraak_taal"],
        "andere_scholen": "CBS Fictief (tweede keus)",
        "voornaam": "Pim",
        "achternaam": "Verzonnen",
        "geboortedatum": "2020-04-01",
        "geslacht": "m",
        "woonplaats": "Testdorp",
        "ouder_naam": "C. Verzonnen",
        "ouder_relatie": "vader",
        "ouder_adres": "Denkbeeldweg 2",
        "ouder_postcode_plaats": "9999 XX Testdorp",
    }
    data.update(extra)
    return client.post(reverse("zorgplicht:nieuw"), data)


def test_walkthrough_als_directeur_en_sc(world, login):
    """[issue 6 'Done when'] register Tue 3 Feb, information Mon 16 Feb arriving Thu 26 Feb, extend;
    every end date shown agrees with the engine; the SC sees the case in her overview."""
    client = login(world.users["directeur"])
    with op(D(2026, 2, 3)):
        resp = _post_nieuw(client, world)
        assert resp.status_code == 302, resp.content.decode()[:2000]
        a = Aanmelding.objects.get()
        pagina = client.get(reverse("zorgplicht:detail", args=[a.pk])).content.decode()
        assert formatteer_datum(D(2026, 3, 17)) in pagina
        assert "Hoe berekend" in pagina
        assert client.post(reverse("zorgplicht:start_onderzoek", args=[a.pk])).status_code == 302
    with op(D(2026, 2, 16)):
        client = login(world.users["directeur"])  # the session of 3 Feb has expired
        resp = client.post(
            reverse("zorgplicht:informatie", args=[a.pk]),
            {
                "gevraagd_op": "2026-02-16",
                "gevraagd_bij": "peuterspeelzaal",
                "omschrijving": "overdrachtsdocument",
                "toestemming_ouders_op": "2026-02-16",
                "antwoord_uiterlijk": "2026-03-02",
            },
        )
        assert resp.status_code == 302
    with op(D(2026, 2, 26)):
        client = login(world.users["directeur"])  # the session of 3 Feb has expired
        resp = client.post(
            reverse("zorgplicht:informatie_ontvangen", args=[a.pk]), {"ontvangen_op": "2026-02-26"}
        )
        assert resp.status_code == 302, resp.content.decode()[-3000:]
        resp = client.get(reverse("zorgplicht:detail", args=[a.pk]))
        assert resp.status_code == 200, (resp.status_code, resp.get("Location"))
        pagina = resp.content.decode()
        zes = zorgplicht_einde(D(2026, 2, 3), opschortingen=[(D(2026, 2, 16), D(2026, 2, 26))])
        assert zes == D(2026, 3, 26)
        assert formatteer_datum(zes) in pagina
        assert "9 dagen" in pagina
    with op(D(2026, 3, 20)):
        client = login(world.users["directeur"])  # the session of 3 Feb has expired
        resp = client.post(
            reverse("zorgplicht:verlengen", args=[a.pk]),
            {"reden": "Het advies van de orthopedagoog volgt na de observatie."},
        )
        assert resp.status_code == 302
        pagina = client.get(reverse("zorgplicht:detail", args=[a.pk])).content.decode()
        tien = zorgplicht_einde(
            D(2026, 2, 3), verlengd=True, opschortingen=[(D(2026, 2, 16), D(2026, 2, 26))]
        )
        assert tien == D(2026, 4, 23)
        assert formatteer_datum(tien) in pagina
        assert "verlengd, geldt nu" in pagina
        assert Brief.objects.filter(object_id=a.pk).count() == 2
        sc = login(world.users["sc"])
        overzicht = sc.get(reverse("zorgplicht:overzicht")).content.decode()
        assert "Pim Verzonnen" in overzicht
        assert formatteer_datum(tien) in overzicht
    assert (
        AuditRegel.objects.filter(
            actie="overgang", object_id=str(a.pk), content_type__model="aanmelding"
        ).count()
        == 4
    )


def test_onvolledig_formulier_houdt_invoer_vast(world, login):
    client = login(world.users["ib"])
    with op(D(2026, 2, 3)):
        resp = _post_nieuw(client, world, ouder_naam="", geboortedatum="")
    assert resp.status_code == 200
    html = resp.content.decode()
    assert "Vul dit in voor een nieuwe leerling" in html
    assert 'value="Pim"' in html
    assert not Aanmelding.objects.exists()


def test_te_jong_kind_geweigerd_met_uitleg(world, login):
    """[002 bijlage 2.2.1 stap 1] the refusal explains the age rule; nothing is stored."""
    client = login(world.users["ib"])
    with op(D(2026, 2, 3)):
        resp = _post_nieuw(client, world, geboortedatum="2023-06-01")
    assert resp.status_code == 200
    assert "vanaf de leeftijd van 3 jaar" in resp.content.decode()
    assert not Aanmelding.objects.exists()


def test_te_late_verlenging_zegt_waarom(world, login):
    """A refused transition explains in Dutch which condition failed [domain §11]."""
    a = maak(world)
    client = login(world.users["directeur"])
    with op(D(2026, 3, 18)):
        resp = client.post(reverse("zorgplicht:verlengen", args=[a.pk]), {"reden": "Te laat."})
    html = resp.content.decode()
    assert resp.status_code == 200
    assert "Verlengen kan niet" in html
    assert "zes weken" in html
    assert Aanmelding.objects.get(pk=a.pk).status == Status.IN_ONDERZOEK


def test_plaatsingsplicht_luid_op_dossier_lijst_en_paneel(world, login):
    """[002 bijlage 2.2.1 stap 5] plaatsingsplicht computed from the dates, shown loudly."""
    a = maak(world, geboortedatum=D(2020, 1, 1))
    client = login(world.users["directeur"])
    with op(D(2026, 4, 15)):
        assert "PLAATSINGSPLICHT" in client.get(reverse("zorgplicht:detail", args=[a.pk])).content.decode()
        assert "PLAATSINGSPLICHT" in client.get(reverse("zorgplicht:lijst")).content.decode()
        assert "PLAATSINGSPLICHT" in client.get(reverse("home")).content.decode()
    with op(D(2026, 4, 14)):
        assert (
            "PLAATSINGSPLICHT" not in client.get(reverse("zorgplicht:detail", args=[a.pk])).content.decode()
        )


def test_paneel_waarschuwt_een_week_voor_einde(world, login):
    maak(world)
    client = login(world.users["sc"])
    with op(D(2026, 3, 10)):
        html = client.get(reverse("home")).content.decode()
    assert "eindigt over 7 dagen" in html
    with op(D(2026, 3, 1)):
        assert (
            "Geen zorgplichttermijn vraagt deze week aandacht" in client.get(reverse("home")).content.decode()
        )


def test_baobao_via_de_paginas(world, login):
    """[002 bijlage 2.2.1 stap 8] the SC sees schools whose SOP fits, proposes one, records the answer
    and the ouders' choice."""
    from zorgplicht.models import SopAanbod

    a = maak(world, ondersteuningsbehoeften=["gedrag", "autisme"])
    past = SchoolFactory(swv=world.swv, regio=world.regio, gemeente=world.gemeente, naam="OBS Past Precies")
    half = SchoolFactory(swv=world.swv, regio=world.regio, gemeente=world.gemeente, naam="OBS Half Passend")
    SopAanbod.objects.create(school=past, soort="gedrag")
    SopAanbod.objects.create(school=past, soort="autisme")
    SopAanbod.objects.create(school=half, soort="gedrag")
    client = login(world.users["sc"])
    with op(D(2026, 2, 20)):
        html = client.get(reverse("zorgplicht:baobao", args=[a.pk])).content.decode()
        assert html.index("OBS Past Precies") < html.index("OBS Half Passend")
        assert client.post(reverse("zorgplicht:baobao", args=[a.pk]), {"school": past.pk}).status_code == 302
        v = a.baobao_voorstellen.get()
        url = reverse("zorgplicht:baobao_antwoord", args=[v.pk])
        assert client.post(url, {"antwoord": "kan_plaatsen"}).status_code == 302
        assert client.post(reverse("zorgplicht:baobao_keuze", args=[v.pk])).status_code == 302
    v.refresh_from_db()
    assert v.gekozen_op == D(2026, 2, 20)
    detail = login(world.users["directeur"]).get(reverse("zorgplicht:detail", args=[a.pk])).content.decode()
    assert "gedeelde zorgplicht" in detail
    assert "OBS Past Precies" in detail


def test_sop_bijwerken(world, login):
    client = login(world.users["sc"])
    resp = client.post(
        reverse("zorgplicht:sop", args=[world.school.pk]),
        {"heeft_gedrag": "on", "toelichting_gedrag": "Gedragsspecialist twee dagen per week"},
    )
    assert resp.status_code == 302
    assert list(world.school.sop_aanbod.values_list("soort", flat=True)) == ["gedrag"]


def test_ander_swv_ziet_niets(world, login):
    a = maak(world)
    assert login(world.ib_b).get(reverse("zorgplicht:detail", args=[a.pk])).status_code == 404


def test_inzage_wordt_gelogd(world, login):
    a = maak(world)
    login(world.users["bestuurder"]).get(reverse("zorgplicht:detail", args=[a.pk]))
    assert AuditRegel.objects.filter(actie="bekeken", leerling=a.leerling).exists()


@pytest.mark.parametrize(
    "url, user",
    [
        ("zorgplicht:lijst", "directeur"),
        ("zorgplicht:overzicht", "sc"),
        ("home", "sc"),
        ("zorgplicht:sop_lijst", "sc"),
    ],
)
def test_lijsten_constant_aantal_queries(world, login, django_assert_max_num_queries, url, user):
    """List pages: the number of queries does not grow with the number of aanmeldingen."""
    client = login(world.users[user])

    def meet():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse(url)).status_code == 200
        return len(ctx.captured_queries)

    maak(world)
    een = meet()
    for i in range(6):
        a = maak(world, aanmelding_op=D(2026, 2, 3 + i))
        with op(D(2026, 2, 12)):
            from zorgplicht import services

            services.vraag_informatie(
                aanmelding=a,
                door=world.users["directeur"],
                gevraagd_op=D(2026, 2, 12),
                gevraagd_bij="ouders",
                omschrijving="x",
                toestemming_ouders_op=D(2026, 2, 12),
                antwoord_uiterlijk=D(2026, 2, 12) + timedelta(days=28),
            )
        SchoolFactory(swv=world.swv, regio=world.regio, gemeente=world.gemeente)
    with django_assert_max_num_queries(een):
        assert client.get(reverse(url)).status_code == 200


def test_verlengknop_alleen_zolang_het_kan(world, login):
    """[domain §11] extending is offered only up to the last day of the six weeks, and only once."""
    a = maak(world)
    client = login(world.users["directeur"])
    url = reverse("zorgplicht:verlengen", args=[a.pk])
    with op(D(2026, 3, 17)):
        client = login(world.users["directeur"])
        assert url in client.get(reverse("zorgplicht:detail", args=[a.pk])).content.decode()
    with op(D(2026, 3, 18)):
        client = login(world.users["directeur"])
        assert url not in client.get(reverse("zorgplicht:detail", args=[a.pk])).content.decode()


def test_aanmeldformulier_toont_elk_veld_in_een_groep(world, login):
    from zorgplicht.forms import AanmeldingForm

    html = login(world.users["ib"]).get(reverse("zorgplicht:nieuw")).content.decode()
    for naam in AanmeldingForm(user=world.users["ib"]).fields:
        assert f'name="{naam}"' in html, naam
    assert html.count("<fieldset>") == 4
