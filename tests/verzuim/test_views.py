"""Pages of verzuim/ as a user meets them: journeys, refusals in Dutch with input kept, constant queries."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from cases.models.brieven import Brief
from tests.conftest import maak_rol
from tests.factories import GebruikerFactory, LeerlingFactory
from tests.factories.verzuim import leerling_met_ouder
from verzuim.models import Schorsing, Verzuimmelding
from verzuim.services import thuiszitters as tsvc
from verzuim.services import vrijstelling as vrsvc
from verzuim.services.meldingen import meld_verzuim, registreer_verzuim

D = date
pytestmark = pytest.mark.django_db


@time_machine.travel("2026-03-05 10:00 +0100", tick=False)
def test_ib_registreert_tot_meldplicht_en_meldt_lpa_ziet_het(world, client):
    """[Leerplichtwet art. 21a][domain §2] ib registers absence hours until the duty arises and sends the
    melding; the LPA of that gemeente sees it, another gemeente's LPA does not."""
    ll = leerling_met_ouder(school=world.school, voornaam="Fenna")
    client.force_login(world.users["ib"])
    url = reverse("verzuim:leerling", kwargs={"leerling_id": ll.pk})
    for dag in (2, 3, 4, 5):
        resp = client.post(
            url,
            {"actie": "registreer", "r-soort": "ongeoorloofd", "r-datum": f"2026-03-0{dag}", "r-uren": "4"},
        )
        assert resp.status_code == 302
    pagina = client.get(url).content.decode()
    assert "Meldplicht ontstaan op" in pagina
    assert "12 mrt 2026" in pagina
    resp = client.post(
        url,
        {
            "actie": "meld",
            "m-soort": "zestien_uur",
            "m-ouders_geinformeerd_op": "",
            "m-toelichting": "Spijbelt op dinsdag.",
        },
    )
    assert resp.status_code == 200
    assert "Leg vast wanneer de ouders" in resp.content.decode()
    assert "Spijbelt op dinsdag." in resp.content.decode()  # nothing typed is lost
    resp = client.post(
        url, {"actie": "meld", "m-soort": "zestien_uur", "m-ouders_geinformeerd_op": "2026-03-05"}
    )
    m = Verzuimmelding.objects.get()
    assert resp.status_code == 302
    assert resp["Location"] == m.get_absolute_url()

    client.force_login(world.users["lpa"])
    assert "Fenna" in client.get(reverse("verzuim:meldingen")).content.decode()
    assert client.get(m.get_absolute_url()).status_code == 200
    ander = GebruikerFactory(username="lpa_zuidhoek")
    maak_rol(ander, "lpa", swv=world.swv, gemeente=world.school2.gemeente)
    client.force_login(ander)
    assert "Fenna" not in client.get(reverse("verzuim:meldingen")).content.decode()
    assert client.get(m.get_absolute_url()).status_code == 404


@time_machine.travel("2026-02-03 09:00 +0100", tick=False)
def test_directeur_schorsing_8_dagen_geweigerd_dan_3_dagen(world, client):
    """[WPO art. 40c][scenario Lotte] 8 days refused with the reason, the input stays; 3 days: the letter
    and the reports to LPA and inspectie are there."""
    lotte = leerling_met_ouder(school=world.school, voornaam="Lotte")
    client.force_login(world.users["directeur"])
    url = reverse("verzuim:schorsing_nieuw", kwargs={"leerling_id": lotte.pk})
    data = {
        "van": "2026-02-04",
        "tot": "2026-02-11",
        "aanleiding": "Slaat een medeleerling.",
        "bestuur_akkoord_op": "2026-02-03",
        "gesprek_ouders_op": "2026-02-05",
        "ouders_geinformeerd_op": "2026-02-03",
    }
    resp = client.post(url, data)
    html = resp.content.decode()
    assert resp.status_code == 200
    assert "WPO art. 40c" in html
    assert "8 dagen" in html
    assert "Slaat een medeleerling." in html
    assert not Schorsing.objects.exists()
    resp = client.post(url, {**data, "tot": "2026-02-06"})
    s = Schorsing.objects.get()
    assert resp.status_code == 302
    detail = client.get(s.get_absolute_url()).content.decode()
    assert "Melden aan leerplicht en inspectie" in detail
    assert "taak voor de school" in detail
    assert "10 feb 2026" in detail  # 5 werkdagen after the decision of Tue 3 Feb [issue 16.11]
    assert Brief.objects.filter(soort="schorsing_besluit", object_id=s.pk).exists()
    client.force_login(world.users["lpa"])
    assert client.get(s.get_absolute_url()).status_code == 404  # not yet reported to leerplicht


def _veel_thuiszitters(world, n):
    for i in range(n):
        ll = LeerlingFactory(swv=world.swv, school=world.school if i % 2 else world.school2)
        tsvc.registreer_thuiszitter(
            leerling=ll,
            soort="relatief",
            thuis_sinds=D(2025, 9, 1) + timedelta(days=i),
            regie_bij="SC",
            door=world.users["sll"],
            vandaag=D(2026, 3, 1),
        )


def _lijstrijen(world, n, *, vanaf=0):
    """Rows for every verzuim list, each for its own leerling of the world's school: n thuiszitters
    (with their escalaties), and n leerlingen with verzuim, a melding, a vrijstellingsverzoek, a
    time-out, a schorsing and a voornemen tot verwijdering."""
    from verzuim.services import maatregelen as msvc
    from verzuim.services import verwijdering as vwsvc

    _veel_thuiszitters(world, n)
    assert len(tsvc.signaleer_drie_maanden(peildatum=D(2026, 3, 1))) == n
    ib, directeur = world.users["ib"], world.users["directeur"]
    for i in range(vanaf, vanaf + n):
        ll = leerling_met_ouder(school=world.school, voornaam=f"Kind{i}")
        registreer_verzuim(
            leerling=ll,
            soort="ongeoorloofd",
            datum=D(2026, 3, 2),
            uren=Decimal(2),
            door=ib,
            vandaag=D(2026, 3, 2),
        )
        meld_verzuim(
            leerling=ll,
            soort="relatief",
            ouders_geinformeerd_op=D(2026, 3, 2),
            door=ib,
            vandaag=D(2026, 3, 2),
        )
        vrsvc.dien_vrijstelling_in(
            leerling=ll,
            gemeente=world.gemeente,
            regio=world.regio,
            ingediend_op=D(2026, 1, 5),
            door=world.users["sll"],
        )
        msvc.registreer_time_out(
            leerling=ll,
            datum=D(2026, 3, 2),
            aanleiding="Incident op het plein.",
            ouders_geinformeerd_op=D(2026, 3, 2),
            door=directeur,
            vandaag=D(2026, 3, 2),
        )
        msvc.schors(
            leerling=ll,
            van=D(2026, 3, 3),
            tot=D(2026, 3, 4),
            aanleiding="Ernstig incident.",
            bestuur_akkoord_op=D(2026, 3, 2),
            gesprek_ouders_op=D(2026, 3, 4),
            ouders_geinformeerd_op=D(2026, 3, 2),
            door=directeur,
            vandaag=D(2026, 3, 2),
        )
        vwsvc.start_verwijdering(
            leerling=ll,
            aanleiding="Veiligheid in de klas.",
            ouders_geinformeerd_op=D(2026, 3, 2),
            door=directeur,
            vandaag=D(2026, 3, 2),
        )


@pytest.mark.parametrize(
    "naam, rol",
    [
        ("verzuim:thuiszitters", "sll"),
        ("verzuim:thuiszitters", "lpa"),
        ("verzuim:leerlingen", "ib"),
        ("verzuim:meldingen", "lpa"),
        ("verzuim:maatregelen", "sll"),
        ("verzuim:vrijstellingen", "sll"),
        ("verzuim:escalaties", "bestuurder"),
    ],
)
def test_lijsten_constant_aantal_queries(world, client, naam, rol):
    """[conventions] List pages: the same number of queries for 2 rows as for 14 (no N+1), within a
    budget of 14; the added rows are on the page."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse(naam) + "?peildatum=2026-03-01"
    client.force_login(world.users[rol])

    def meet():
        with CaptureQueriesContext(connection) as ctx:
            resp = client.get(url)
        assert resp.status_code == 200
        return len(ctx), resp.content.decode().count("<tr")

    _lijstrijen(world, 2)
    meet()  # warm caches (session, content types)
    klein, rijen_klein = meet()
    _lijstrijen(world, 12, vanaf=2)
    groot, rijen_groot = meet()
    assert rijen_groot > rijen_klein, "de extra rijen staan niet op de pagina"
    assert groot == klein, f"{klein} queries bij 2 rijen, {groot} bij 14"
    assert groot <= 14


def test_home_panelen_groeien_niet_mee_met_het_aantal_rijen(world, client):
    """The Mijn werk panels of verzuim cost the same number of queries for 2 or 22 thuiszitters."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def tel(rol):
        client.force_login(world.users[rol])
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("home")).status_code == 200
        return len(ctx)

    rollen = ("sll", "bestuurder", "lpa", "sc")
    _veel_thuiszitters(world, 2)
    voor = {rol: tel(rol) for rol in rollen}
    _veel_thuiszitters(world, 20)
    assert {rol: tel(rol) for rol in rollen} == voor


def test_thuiszitter_pagina_doorzetting_knop_voor_bestuurder(world, client):
    _veel_thuiszitters(world, 1)
    from verzuim.models import Thuiszitter

    t = Thuiszitter.objects.get()
    client.force_login(world.users["bestuurder"])
    assert "Regie nemen" in client.get(t.get_absolute_url()).content.decode()
    resp = client.post(t.get_absolute_url(), {"actie": "doorzetting"})
    assert resp.status_code == 302
    assert "Start doorzettingskracht" in client.get(t.get_absolute_url()).content.decode()


def test_escalatie_signaal_en_afsluiten_via_de_paginas(world, client):
    """[002 bijlage 2.4.1] The SWV records a signal about a school (not only thuiszitters); a school in
    another regio is refused on the form; the directeur-bestuurder closes the escalation."""
    from verzuim.models import Escalatie

    client.force_login(world.users["sll"])
    url = reverse("verzuim:escalatie_nieuw")
    resp = client.post(
        url,
        {
            "regio": world.regio.pk,
            "school": world.school2.pk,
            "situatie": "basiskwaliteit",
            "aanleiding": "Basisondersteuning",
        },
    )
    assert "niet in de gekozen regio" in resp.content.decode()
    assert not Escalatie.objects.exists()
    resp = client.post(
        url,
        {
            "regio": world.regio.pk,
            "school": world.school.pk,
            "situatie": "basiskwaliteit",
            "aanleiding": "Basisondersteuning",
        },
    )
    e = Escalatie.objects.get()
    assert resp["Location"] == e.get_absolute_url()
    assert e.stappen.get().stap == "signaal"
    resp = client.post(e.get_absolute_url(), {"actie": "stap", "stap": "melding_db", "datum": "2026-01-06"})
    assert "gesprek" in resp.content.decode()
    assert e.stappen.count() == 1
    client.force_login(world.users["bestuurder"])
    client.post(e.get_absolute_url(), {"actie": "sluiten"})
    e.refresh_from_db()
    assert e.gesloten_op is not None
    assert "Basisondersteuning" not in client.get(reverse("verzuim:escalaties")).content.decode()
    assert "Basisondersteuning" in client.get(reverse("verzuim:escalaties") + "?open=0").content.decode()


def test_beeindigde_thuiszitter_toont_de_periode_tot_de_terugkeer(world, client):
    """Back in education on Mon 2026-03-02: the page counts the days at home up to Sun 1 March."""
    ll = leerling_met_ouder(school=world.school, voornaam="Milan")
    t = tsvc.registreer_thuiszitter(
        leerling=ll,
        soort="relatief",
        thuis_sinds=D(2025, 11, 3),
        regie_bij="SC",
        door=world.users["sc"],
        vandaag=D(2025, 12, 1),
    )
    tsvc.werk_thuiszitter_bij(
        thuiszitter=t,
        regie_bij="SC",
        huidig_aanbod="",
        volgende_stap="",
        volgende_stap_op=None,
        beeindigd_op=D(2026, 3, 2),
        beeindiging="CBS De Zaaier",
        door=world.users["sc"],
    )
    client.force_login(world.users["sc"])
    html = client.get(t.get_absolute_url() + "?peildatum=2026-11-26").content.decode()
    assert "(laatste dag thuis)" in html
    assert "(119 dagen)" in html
