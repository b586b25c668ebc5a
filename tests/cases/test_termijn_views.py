"""Termijncalculator, notifications, header counter, Mijn werk panel and iCal feed [issue 4]."""

from datetime import date, timedelta

import pytest
import time_machine
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from cases.models import AgendaToken, Notificatie
from cases.termijnen import services as svc
from cases.termijnen.meldingen import sweep
from tests.factories import LeerlingFactory

D = date
CALC = reverse("termijnen:calculator")


@pytest.fixture(autouse=True)
def _vandaag():
    with time_machine.travel("2026-02-26 10:00 +01:00", tick=False):
        yield


def bereken(client, **params):
    resp = client.get(CALC, params)
    assert resp.status_code == 200
    return resp.content.decode()


VOORBEELDEN = [
    pytest.param(
        dict(soort="zorgplicht", start="2026-02-03"),
        "Laatste dag: di 17 mrt 2026",
        id="[domain §11 vb] zorgplicht",
    ),
    pytest.param(
        dict(soort="zorgplicht_verlengd", start="2026-02-03"),
        "Laatste dag: di 14 apr 2026",
        id="[domain §11 vb] zorgplicht verlengd",
    ),
    pytest.param(
        dict(soort="zorgplicht", start="2026-03-16"),
        "Laatste dag: di 28 apr 2026",
        id="[domain §11 vb] zorgplicht op Koningsdag",
    ),
    pytest.param(
        dict(soort="tlv", start="2026-01-06", verzoek_1="2026-01-19", ontvangst_1="2026-01-30"),
        "Laatste dag: vr 13 mrt 2026",
        id="[domain §11 vb] TLV met opschorting",
    ),
    pytest.param(
        dict(soort="bezwaartermijn", start="2026-01-29"),
        "Laatste dag: do 12 mrt 2026",
        id="[domain §11 vb] bezwaartermijn",
    ),
    pytest.param(
        dict(soort="beslistermijn_bezwaar", start="2026-03-12"),
        "Laatste dag: do 23 apr 2026",
        id="[domain §11 vb] beslistermijn bezwaar",
    ),
    pytest.param(
        dict(soort="beslistermijn_bezwaar_commissie", start="2026-03-12"),
        "Laatste dag: do 4 jun 2026",
        id="[domain §11 vb] beslistermijn bezwaar met adviescommissie",
    ),
    pytest.param(
        dict(soort="eigen", start="2026-03-06", weken="4", atw="on"),
        "Laatste dag: di 7 apr 2026",
        id="[domain §11 vb] Goede Vrijdag",
    ),
    pytest.param(
        dict(soort="ontvangstbevestiging", start="2026-04-17"),
        "Laatste dag: vr 24 apr 2026",
        id="[scenario 2] ontvangstbevestiging",
    ),
    pytest.param(
        dict(soort="tlv", start="2026-03-10"), "Laatste dag: wo 6 mei 2026", id="[scenario 1] TLV over 5 mei"
    ),
]


@pytest.mark.parametrize("params, verwacht", VOORBEELDEN)
def test_calculator_geeft_de_voorbeelden(world, login, params, verwacht):
    html = bereken(login(world.users["leerkracht"]), **params)
    assert verwacht in html
    assert "Hoe berekend" in html


def test_calculator_uitleg_leest_als_voor_een_jurist(world, login):
    """The explanation names the basis, the start, the weeks, the suspended dates and the Atw move
    with the holiday's name."""
    html = bereken(login(world.users["sll"]), soort="eigen", start="2026-03-06", weken="4", atw="on")
    assert "Start: de startdatum op vr 6 mrt 2026. De termijn begint de dag daarna, za 7 mrt 2026." in html
    assert "vr 3 apr 2026 (Goede Vrijdag)" in html
    assert "ma 6 apr 2026 (Tweede Paasdag)" in html
    html = bereken(
        login(world.users["sll"]),
        soort="tlv",
        start="2026-01-06",
        verzoek_1="2026-01-19",
        ontvangst_1="2026-01-30",
    )
    assert "Grondslag: art. 4:13 Awb" in html
    assert "Opgeschort van di 20 jan 2026 t/m do 29 jan 2026: 10 dagen" in html


def test_calculator_zonder_atw_verschuift_niet(world, login):
    html = bereken(login(world.users["ib"]), soort="eigen", start="2026-03-06", weken="4")
    assert "Laatste dag: vr 3 apr 2026" in html


@pytest.mark.parametrize(
    "params, fout",
    [
        pytest.param(
            dict(soort="tlv", start="2026-01-06", verzoek_1="2026-01-30", ontvangst_1="2026-01-19"),
            "De ontvangst ligt vóór het verzoek.",
            id="ontvangst voor verzoek",
        ),
        pytest.param(
            dict(soort="tlv", start="2026-01-06", verzoek_1="2026-01-19"),
            "Vul ook de datum van ontvangst in.",
            id="half paar",
        ),
        pytest.param(
            dict(
                soort="bezwaartermijn", start="2026-01-29", verzoek_1="2026-02-02", ontvangst_1="2026-02-05"
            ),
            "kan niet worden opgeschort",
            id="[Awb 6:7] bezwaartermijn schort niet op",
        ),
        pytest.param(
            dict(soort="eigen", start="2026-01-29"), "Vul bij een eigen termijn", id="eigen zonder duur"
        ),
        pytest.param(
            dict(soort="tlv", start="31-02-2026"), "Vul een geldige datum in", id="onmogelijke datum"
        ),
        pytest.param(dict(soort="tlv", start=""), "Vul deze datum in.", id="geen datum"),
    ],
)
def test_calculator_fouten_in_het_nederlands_en_invoer_blijft(world, login, params, fout):
    html = bereken(login(world.users["ib"]), **params)
    assert fout in html
    assert "Laatste dag:" not in html
    for waarde in params.values():
        if waarde and waarde not in ("on",):
            assert waarde in html  # nothing the user typed is lost


def _meldingen(world, user, n):
    for i in range(n):
        t = svc.start_termijn(
            soort="tlv_beslistermijn", start=D(2026, 1, 6) + timedelta(days=i), swv=world.swv
        )
        Notificatie.objects.create(
            gebruiker=user,
            termijn=t,
            soort="binnenkort",
            vervaldatum=t.einde,
            aangemaakt_op="2026-02-26T06:00+01:00",
        )


def test_meldingenlijst_vast_aantal_queries(world, login, django_assert_max_num_queries):
    client = login(world.users["sll"])
    _meldingen(world, world.users["sll"], 3)
    with django_assert_max_num_queries(12) as weinig:
        client.get(reverse("termijnen:meldingen"))
    _meldingen(world, world.users["sll"], 40)
    with django_assert_max_num_queries(len(weinig.captured_queries)):
        resp = client.get(reverse("termijnen:meldingen"))
    assert resp.content.decode().count('<tr class="ongelezen">') == 43


def test_teller_in_de_kop_en_gelezen_markeren(world, login):
    """The header shows the unread count (one query) and links to the notifications; marking read
    lowers it; someone else's notification cannot be touched."""
    sll = world.users["sll"]
    _meldingen(world, sll, 2)
    client = login(sll)
    html = client.get(reverse("home")).content.decode()
    assert 'href="/termijnen/meldingen/" class="kop__meldingen">Meldingen <span class="teller">' in html
    assert ", ongelezen: </span>2</span>" in html
    melding = Notificatie.objects.filter(gebruiker=sll).first()
    resp = client.post(reverse("termijnen:melding_gelezen", args=[melding.pk]), {"volgende": "/"})
    assert resp.status_code == 302
    assert resp["Location"] == "/"
    html = client.get(reverse("home")).content.decode()
    assert ", ongelezen: </span>1</span>" in html
    tla_client = login(world.users["tla"])
    anders = Notificatie.objects.filter(gebruiker=sll, gelezen_op__isnull=True).first()
    assert tla_client.post(reverse("termijnen:melding_gelezen", args=[anders.pk])).status_code == 404
    anders.refresh_from_db()
    assert anders.gelezen_op is None


def test_alles_gelezen_en_geen_externe_redirect(world, login):
    sll = world.users["sll"]
    _meldingen(world, sll, 3)
    resp = login(sll).post(reverse("termijnen:alles_gelezen"), {"volgende": "//evil.example/"})
    assert resp["Location"] == reverse("termijnen:meldingen")
    assert not Notificatie.objects.filter(gebruiker=sll, gelezen_op__isnull=True).exists()


def test_mijn_werk_paneel_toont_termijnen_met_uitleg(world, login):
    """[issue 4] 'Mijn werk' shows the user's terms with "nog N dagen" / "N dagen over tijd" and
    a "hoe berekend" explanation."""
    svc.start_termijn(
        soort="zorgplicht", start=D(2026, 1, 20), swv=world.swv, school=world.school
    )  # di 3 mrt
    svc.start_termijn(
        soort="zorgplicht", start=D(2026, 1, 13), swv=world.swv, school=world.school
    )  # di 24 feb
    sweep(vandaag=D(2026, 2, 26))
    html = login(world.users["directeur"]).get(reverse("home")).content.decode()
    assert "<h2" in html
    assert "Termijnen" in html
    assert "nog 5 dagen" in html
    assert "2 dagen over tijd" in html
    assert "<summary>Hoe berekend</summary>" in html
    assert "Nieuwe meldingen" in html
    html = login(world.users["lpa"]).get(reverse("home")).content.decode()
    assert "Hoe berekend" not in html  # nothing for the LPA here


def test_termijn_include_status_labels(world):
    t = svc.start_termijn(soort="tlv_beslistermijn", start=D(2026, 1, 6), swv=world.swv)
    html = render_to_string("cases/termijnen/_termijn.html", {"termijn": t})
    assert "laatste dag <strong>di 3 mrt 2026</strong>" in html
    assert "nog 5 dagen" in html
    with time_machine.travel("2026-03-03 10:00 +01:00", tick=False):
        assert "vandaag de laatste dag" in render_to_string("cases/termijnen/_termijn.html", {"termijn": t})
    with time_machine.travel("2026-03-04 10:00 +01:00", tick=False):
        assert "1 dag over tijd" in render_to_string("cases/termijnen/_termijn.html", {"termijn": t})
    o = svc.schort_op(termijn=t, verzoek=D(2026, 2, 20), uiterlijk=D(2026, 3, 6))
    t.refresh_from_db()
    html = render_to_string("cases/termijnen/_termijn.html", {"termijn": t})
    assert "opgeschort: wacht op informatie (uiterlijk vr 6 mrt 2026)" in html
    svc.hervat(opschorting=o, ontvangst=D(2026, 2, 25))
    with time_machine.travel("2026-03-09 16:00 +01:00", tick=False):
        t = svc.voldaan(termijn=t, op=D(2026, 3, 9))
    html = render_to_string("cases/termijnen/_termijn.html", {"termijn": t})
    # 3 mrt + 4 = za 7 mrt → ma 9 mrt
    # [issue 20.3] a met decision term says how it ended, not "voldaan" with a countdown
    assert "beslist op ma 9 mrt 2026 – binnen de termijn" in html
    assert "na de termijn" not in html


def test_agenda_feed_maken_gebruiken_intrekken(world, login):
    """[issue 4] an iCal feed per user with a secret URL that can be revoked; no pupil names."""
    leerling = LeerlingFactory(swv=world.swv, voornaam="Geheimnaam", school=world.school)
    svc.start_termijn(
        soort="tlv_beslistermijn",
        start=D(2026, 1, 6),
        swv=world.swv,
        zaak=leerling,
        omschrijving="T-2026-001",
    )
    svc.start_termijn(
        soort="zorgplicht", start=D(2026, 1, 6), swv=world.swv, school=world.school
    )  # not SLL's
    sll = login(world.users["sll"])
    resp = sll.post(reverse("termijnen:agenda_nieuw"))
    url = resp.context["nieuwe_url"]
    assert url.startswith("http://testserver/termijnen/agenda/")
    assert url.endswith(".ics")
    assert resp["Cache-Control"] == "private, no-store"
    sleutel = url.rsplit("/", 1)[1][: -len(".ics")]
    assert AgendaToken.objects.get().sleutel_hash != sleutel  # only the hash is stored
    assert "Agenda-link intrekken" in sll.get(reverse("termijnen:agenda")).content.decode()
    assert url not in sll.get(reverse("termijnen:agenda")).content.decode()  # shown once

    client = Client()  # the calendar program: not logged in
    feed = client.get(url)
    assert feed.status_code == 200
    assert feed["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(feed.content)
    events = [c for c in cal.walk("VEVENT")]
    assert [str(e["summary"]) for e in events] == ["Laatste dag: Beslistermijn TLV-aanvraag – T-2026-001"]
    assert events[0]["dtstart"].dt == D(2026, 3, 3)
    assert b"Geheimnaam" not in feed.content

    sll.post(reverse("termijnen:agenda_nieuw"))  # a new link replaces the old one
    assert client.get(url).status_code == 404
    sll.post(reverse("termijnen:agenda_intrekken"))
    assert not AgendaToken.objects.exists()
    assert client.get(reverse("termijnen:agenda_feed", args=["onzin"])).status_code == 404
