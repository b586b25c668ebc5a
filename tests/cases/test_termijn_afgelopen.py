"""[issue 20.3] [domain §11] A term that is over no longer runs: a decided TLV shows "beslist op …
– binnen de termijn" (or how many days late), a withdrawn one "gestopt op …: reden"; never a
countdown or a red overdue label. Only open terms count down — on the TLV detail and list, on the
shared term partial and on Mijn werk."""

from datetime import date, timedelta

import pytest
import time_machine
from django.template.loader import render_to_string
from django.urls import reverse

from cases.termijnen import formatteer_datum
from cases.termijnen import services as svc
from cases.termijnen.afloop import Afloop
from cases.termijnen.models.termijnen import TermijnSoort, TermijnStatus
from cases.termijnen.selectors import termijnen_van
from tests.factories.tlv import concept, naar
from tests.tweefactor import code_voor
from tlv import services
from tlv.models import Status
from tlv.termijnen import beslistermijn

pytestmark = pytest.mark.django_db

ONTVANGEN = date(2026, 3, 10)  # beslistermijn: laatste dag wo 6 mei 2026 (Awb 4:13, 8 weken)
EINDE = date(2026, 5, 6)


def _besloten(world, op: date):
    a = naar(world, concept(world), Status.TER_ONDERTEKENING, ontvangen_op=ONTVANGEN)
    b = world.users["bestuurder"]
    with time_machine.travel(op, tick=False):
        services.onderteken(aanvraag=a, door=b, wachtwoord="demo", op=op, code=code_voor(b))
    a.refresh_from_db()
    return a


def _detail(client, world, a, *, vandaag=date(2026, 12, 1)) -> str:
    client.force_login(world.users["sll"])
    with time_machine.travel(vandaag, tick=False):
        html = client.get(reverse("tlv:detail", args=[a.pk])).content.decode()
    return html[html.index("<dt>Beslistermijn</dt>") :][:600]


def test_tlv_op_tijd_beslist_toont_binnen_de_termijn(world, client):
    """[issue 20.3] decided 5 days before the end, read months later: in time, no countdown."""
    a = _besloten(world, date(2026, 5, 1))
    assert a.besluit_op == date(2026, 5, 1)
    regel = _detail(client, world, a)
    assert "beslist op vr 1 mei 2026 – binnen de termijn" in regel
    assert "laatste dag wo 6 mei 2026" in regel
    assert "nog " not in regel
    assert "over de termijn" not in regel
    assert "label--rood" not in regel
    stand = beslistermijn(a, vandaag=date(2026, 12, 1))
    assert not stand.lopend and not stand.verdaging_mogelijk and not stand.waarschuwing_verdagen
    assert stand.kleur == "groen"
    # Decided 5 days before the end, read the day after: still no "nog 4 dagen" nor a verdaging warning.
    with time_machine.travel(date(2026, 5, 2), tick=False):
        html = client.get(reverse("tlv:detail", args=[a.pk])).content.decode()
    assert "Lukt besluiten niet op tijd" not in html
    assert "nog 4 dagen" not in html


def test_tlv_te_laat_beslist_telt_de_dagen_na_de_termijn(world, client):
    """[issue 20.3] decided after the end: how many days late, and no red running label."""
    a = _besloten(world, date(2026, 5, 11))
    regel = _detail(client, world, a)
    assert "beslist op ma 11 mei 2026 – 5 dagen na de termijn" in regel
    assert "over de termijn" not in regel and "label--rood" not in regel
    assert Afloop(False, date(2026, 5, 7), EINDE, werkwoord="beslist").tekst == (
        "beslist op do 7 mei 2026 – 1 dag na de termijn"
    )
    assert Afloop(False, EINDE, EINDE, werkwoord="beslist").op_tijd  # the last day itself is in time


def test_tlv_ingetrokken_toont_gestopt_met_reden(world, client):
    """[issue 20.3] a withdrawn aanvraag: its term stopped on that day, with the reason."""
    a = naar(world, concept(world), Status.INGEDIEND, ontvangen_op=ONTVANGEN)
    with time_machine.travel(date(2026, 3, 20), tick=False):
        services.trek_in(aanvraag=a, door=world.users["directeur"], reden="bao-bao-plaatsing gelukt")
    regel = _detail(client, world, a)
    assert "gestopt op vr 20 mrt 2026: aanvraag ingetrokken – bao-bao-plaatsing gelukt" in regel
    assert "nog " not in regel and "over de termijn" not in regel
    # The shared Termijn record stopped too, and its partial says why.
    (t,) = termijnen_van(a)
    assert t.status == TermijnStatus.GESTOPT
    html = render_to_string("cases/termijnen/_termijn.html", {"termijn": t})
    assert "gestopt op vr 20 mrt 2026: aanvraag ingetrokken" in html
    assert "over tijd" not in html and "nog " not in html


def test_open_termijn_telt_nog_af(world, client):
    """[issue 20.3] only an open term counts down (and turns red once over)."""
    a = naar(world, concept(world), Status.INGEDIEND, ontvangen_op=ONTVANGEN)
    regel = _detail(client, world, a, vandaag=date(2026, 4, 26))
    assert "wo 6 mei 2026 · nog 10 dagen" in regel
    regel = _detail(client, world, a, vandaag=date(2026, 5, 8))
    assert "2 dagen over de termijn" in regel and "label--rood" in regel
    assert beslistermijn(a, vandaag=date(2026, 4, 26)).lopend


def test_werklijst_toont_afloop_niet_aftellen(world, client):
    """[issue 20.3] the TLV list uses the same partial: a decided row shows how it ended."""
    besloten = _besloten(world, date(2026, 5, 1))
    open_ = naar(world, concept(world), Status.INGEDIEND, ontvangen_op=ONTVANGEN)
    client.force_login(world.users["sll"])
    with time_machine.travel(date(2026, 4, 26), tick=False):
        html = client.get(reverse("tlv:lijst")).content.decode()
    assert f"#{besloten.pk}" in html and f"#{open_.pk}" in html
    assert "beslist op vr 1 mei 2026 – binnen de termijn" in html
    assert html.count("nog 10 dagen") == 1  # only the open one


def test_voldane_termijn_partial_en_mijn_werk(world, client):
    """[issue 20.3] the shared partial: a met term says "beslist op … – binnen de termijn" (or
    "– n dagen na de termijn"); Mijn werk lists only running terms, not met ones."""
    t = svc.start_termijn(soort=TermijnSoort.TLV_BESLISTERMIJN, start=date(2026, 1, 6), swv=world.swv)
    with time_machine.travel("2026-02-27 10:00 +01:00", tick=False):  # laatste dag di 3 mrt 2026
        assert "nog 4 dagen" in render_to_string("cases/termijnen/_termijn.html", {"termijn": t})
        t = svc.voldaan(termijn=t, op=date(2026, 2, 27))
    with time_machine.travel("2026-06-01 10:00 +02:00", tick=False):
        html = render_to_string("cases/termijnen/_termijn.html", {"termijn": t})
    assert "beslist op vr 27 feb 2026 – binnen de termijn" in html
    assert "over tijd" not in html and "nog " not in html and "label--rood" not in html
    laat = svc.start_termijn(soort=TermijnSoort.ZORGPLICHT, start=date(2026, 1, 6), swv=world.swv)
    laat = svc.voldaan(termijn=laat, op=laat.einde + timedelta(days=2))
    html = render_to_string("cases/termijnen/_termijn.html", {"termijn": laat})
    assert "voldaan op" in html and "2 dagen na de termijn" in html

    # Mijn werk (SLL): the running beslistermijn of an open aanvraag is listed, a decided one is not.
    open_ = naar(world, concept(world), Status.INGEDIEND, ontvangen_op=ONTVANGEN)
    besloten = _besloten(world, date(2026, 5, 1))
    (tb,) = termijnen_van(besloten)
    assert tb.status == TermijnStatus.VOLDAAN and tb.afgerond_op == date(2026, 5, 1)
    client.force_login(world.users["sll"])
    with time_machine.travel("2026-05-02 10:00 +02:00", tick=False):
        html = client.get(reverse("home")).content.decode()
    assert "Uw termijnen in de komende twee weken" in html
    (to,) = termijnen_van(open_)
    assert f'id="termijn-{to.pk}"' in html
    assert f'id="termijn-{tb.pk}"' not in html


def test_zorgplicht_besluit_toont_afloop(world, client):
    """[issue 20.3] [002 bijlage 2.2.1] a decided zorgplicht aanmelding: its term is over on the
    day of the besluit; the detail says so and counts nothing down."""
    from tests.factories.zorgplicht import aanmelding, op
    from zorgplicht import services as zp

    a = aanmelding(world)  # di 3 feb 2026: zes weken tot di 17 mrt 2026
    with op(date(2026, 3, 10)):
        zp.neem_besluit(aanmelding=a, door=world.users["directeur"], uitkomst=6, toelichting="Past.")
    client.force_login(world.users["directeur"])
    with op(date(2026, 6, 1)):
        html = client.get(reverse("zorgplicht:detail", args=[a.pk])).content.decode()
    assert "beslist op di 10 mrt 2026 – binnen de termijn" in html
    assert "over tijd" not in html and "Dagen tot het einde" not in html


def test_ingetrokken_met_open_verzoek_schuift_niet_meer_op(world, client):
    """[issue 20.3] [Awb 4:15] withdrawn while an information request was open: the last day
    stands at the day of withdrawal, not moving on every day after it, and nothing "staat stil"."""
    a = naar(world, concept(world), Status.INGEDIEND, ontvangen_op=ONTVANGEN)
    with time_machine.travel(date(2026, 3, 16), tick=False):
        services.vraag_informatie(
            aanvraag=a,
            door=world.users["sll"],
            ontbreekt="De LVS-gegevens.",
            antwoord_uiterlijk=date(2026, 3, 30),
            verzoek_op=date(2026, 3, 16),
        )
    with time_machine.travel(date(2026, 3, 20), tick=False):
        services.trek_in(aanvraag=a, door=world.users["directeur"], reden="Plaatsing elders gelukt.")
    a.refresh_from_db()
    later = beslistermijn(a, vandaag=date(2026, 12, 1))
    einde = beslistermijn(a, vandaag=date(2026, 3, 20)).einde
    assert EINDE < einde < date(2026, 5, 20)  # moved by the days suspended until the withdrawal
    assert later.einde == einde  # and no further after it
    assert not later.loopt_stil
    regel = _detail(client, world, a)
    assert f"laatste dag {formatteer_datum(einde)} · " in regel and "opgeschort sinds" not in regel
