"""A term says whose it is [issue 20.4]: Mijn werk, Meldingen and the daily e-mail name the pupil
and the kind of term and link to the case; the SLL's list of running terms of the whole SWV."""

from datetime import date, timedelta

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.models import Notificatie
from cases.termijnen import services as svc
from cases.termijnen.meldingen import sweep, verstuur_digest
from cases.termijnen.models.termijnen import TermijnSoort
from tests.factories import LeerlingFactory

D = date
LOPEND = reverse("termijnen:lopend")


@pytest.fixture(autouse=True)
def _vandaag():
    with time_machine.travel("2026-02-26 10:00 +01:00", tick=False):
        yield


def aanvraag(world, *, school=None, voornaam="Sanne", achternaam="Testvogel", swv=None):
    from tlv.models import TLVAanvraag

    school = school or world.school
    leerling = LeerlingFactory(swv=swv or world.swv, voornaam=voornaam, achternaam=achternaam, school=school)
    return TLVAanvraag.objects.create(
        swv=swv or world.swv,
        leerling=leerling,
        school=school,
        gevraagde_schoolsoort="sbo",
        ontvangen_op=D(2026, 1, 6),
        aangemaakt_door=world.users["ib"],
    )


ONTVANGEN = D(2026, 1, 6)


def beslistermijn(zaak, start=ONTVANGEN):
    """As tlv/termijnregistratie.py starts it: the description repeats the kind."""
    return svc.start_termijn(
        soort=TermijnSoort.TLV_BESLISTERMIJN,
        start=start,
        zaak=zaak,
        omschrijving="Beslistermijn TLV-aanvraag",
    )


def test_kop_noemt_leerling_en_soort_zonder_dubbel_label(world):
    """[issue 20.4] "<leerling> – <soort>: laatste dag <datum>", the label once."""
    t = beslistermijn(aanvraag(world))
    assert t.kop == "Sanne Testvogel – Beslistermijn TLV-aanvraag"
    assert t.tekst == "Sanne Testvogel – Beslistermijn TLV-aanvraag: laatste dag di 3 mrt 2026"
    assert t.zaak_url == reverse("tlv:detail", kwargs={"pk": t.object_id})
    assert t.zaak_label == "TLV-aanvraag"


def test_kop_houdt_een_omschrijving_die_iets_toevoegt_en_valt_terug_op_het_dossier(world):
    """[issue 20.4] a term without a case object links to the pupil's dossier; a description that
    says more than the kind stays."""
    leerling = LeerlingFactory(swv=world.swv, voornaam="Bram", achternaam="Testbeek", school=world.school)
    t = svc.start_termijn(
        soort=TermijnSoort.BEZWAARTERMIJN,
        start=D(2026, 2, 2),
        swv=world.swv,
        leerling=leerling,
        omschrijving="besluit verwijdering",
    )
    assert t.kop == "Bram Testbeek – Bezwaartermijn (besluit verwijdering)"
    assert t.zaak_url == reverse("dossier", kwargs={"pk": leerling.pk})
    zonder = svc.start_termijn(soort=TermijnSoort.BEZWAARTERMIJN, start=D(2026, 2, 2), swv=world.swv)
    assert zonder.kop == "Bezwaartermijn" and zonder.zaak_url == ""


def test_mijn_werk_en_meldingen_noemen_leerling_en_linken_naar_de_zaak(world, login):
    """[issue 20.4] Mijn werk (panel: new notifications and the terms) and Meldingen name the
    pupil and link to the case; 'Beslistermijn TLV-aanvraag – Beslistermijn TLV-aanvraag' is gone."""
    t = beslistermijn(aanvraag(world))
    sweep(vandaag=D(2026, 2, 26))
    url = reverse("tlv:detail", kwargs={"pk": t.object_id})
    client = login(world.users["sll"])
    for pagina in (reverse("home"), reverse("termijnen:meldingen")):
        html = client.get(pagina).content.decode()
        assert "Sanne Testvogel – Beslistermijn TLV-aanvraag" in html, pagina
        assert f'href="{url}"' in html, pagina
        assert "Beslistermijn TLV-aanvraag – Beslistermijn TLV-aanvraag" not in html, pagina


def test_digest_noemt_de_leerling_en_linkt_naar_de_zaak(world, settings):
    """[issue 20.4] the daily e-mail names the pupil and the kind, with a link to the case."""
    settings.PASSEND_BASIS_URL = "https://passend.test"
    t = beslistermijn(aanvraag(world))
    sweep(vandaag=D(2026, 2, 26))
    Notificatie.objects.exclude(gebruiker=world.users["sll"]).update(gelezen_op="2026-02-26T08:00:00+01:00")
    assert verstuur_digest(vandaag=D(2026, 2, 26)) == 1
    body = mail.outbox[0].body
    assert (
        "- Sanne Testvogel – Beslistermijn TLV-aanvraag: verloopt binnen 7 dagen; laatste dag di 3 mrt 2026."
        in body
    )
    assert "https://passend.test" + reverse("tlv:detail", kwargs={"pk": t.object_id}) in body


def _rijen(client, **params):
    resp = client.get(LOPEND, params)
    assert resp.status_code == 200
    return resp, [t.pk for t in resp.context["pagina"].object_list]


def test_lopend_filtert_op_soort_en_regio_en_sorteert_op_laatste_dag(world, login):
    """[issue 20.4] every open term of the SWV; filter by soort and regio; sort by last day both ways."""
    vroeg = beslistermijn(aanvraag(world, voornaam="Anna"), start=D(2026, 1, 5))
    laat = beslistermijn(aanvraag(world, school=world.school2, voornaam="Bo"), start=D(2026, 2, 2))
    bezwaar = svc.start_termijn(
        soort=TermijnSoort.BEZWAARTERMIJN, start=D(2026, 1, 20), zaak=aanvraag(world, voornaam="Cas")
    )
    client = login(world.users["sll"])
    _, pks = _rijen(client)
    assert pks == sorted(pks, key=lambda pk: {vroeg.pk: 1, bezwaar.pk: 2, laat.pk: 3}[pk])
    _, pks = _rijen(client, volgorde="-laatste_dag")
    assert pks == [laat.pk, bezwaar.pk, vroeg.pk]
    _, pks = _rijen(client, soort=TermijnSoort.BEZWAARTERMIJN)
    assert pks == [bezwaar.pk]
    _, pks = _rijen(client, regio=world.regio2.pk)
    assert pks == [laat.pk]
    resp, pks = _rijen(client, regio=world.regio.pk, soort=TermijnSoort.TLV_BESLISTERMIJN)
    assert pks == [vroeg.pk]
    html = resp.content.decode()
    assert "Anna Testvogel" in html and reverse("tlv:detail", kwargs={"pk": vroeg.object_id}) in html
    assert reverse("dossier", kwargs={"pk": vroeg.leerling_id}) in html
    assert 'class="tabel-rol" tabindex="0"' in html
    # the sort link keeps the filters
    assert f"regio={world.regio.pk}" in html and "volgorde=-laatste_dag" in html


def test_lopend_onbekende_filterwaarde_wordt_gemeld_niet_fout(world, login):
    """[issue 20.4, issue 13] an unknown soort, a regio of another SWV: ignored with a Dutch message."""
    from tests.factories import RegioFactory

    t = beslistermijn(aanvraag(world))
    regio_b = RegioFactory(swv=world.swv_b, naam="Regio Elders")
    resp, pks = _rijen(login(world.users["sll"]), soort="bestaat_niet", regio=regio_b.pk, volgorde="x")
    assert pks == [t.pk]
    berichten = [str(m) for m in resp.context["messages"]]
    assert any("soort termijn" in b for b in berichten)
    assert any("regio" in b and "werkgebied" in b for b in berichten)


def test_lopend_zonder_voldane_gestopte_en_andermans_termijnen(world, login):
    """[issue 20.4] voldaan and gestopt terms are not running; another SWV's never shown; an
    overdue (verlopen) term is."""
    open_ = beslistermijn(aanvraag(world, voornaam="Open"))
    verlopen = beslistermijn(aanvraag(world, voornaam="Laat"), start=D(2025, 11, 3))
    sweep(vandaag=D(2026, 2, 26))
    voldaan = beslistermijn(aanvraag(world, voornaam="Klaar"))
    svc.voldaan(termijn=voldaan, op=D(2026, 2, 20), reden="besluit genomen", door=world.users["sll"])
    gestopt = beslistermijn(aanvraag(world, voornaam="Gestopt"))
    svc.stop(termijn=gestopt, op=D(2026, 2, 20), reden="aanvraag ingetrokken", door=world.users["sll"])
    ander = beslistermijn(aanvraag(world, school=world.school_b, swv=world.swv_b, voornaam="Elders"))
    resp, pks = _rijen(login(world.users["sll"]))
    assert set(pks) == {open_.pk, verlopen.pk}
    html = resp.content.decode()
    assert "over tijd" in html
    assert "Elders" not in html and ander.pk not in pks


@pytest.mark.parametrize(
    "rol,status",
    [
        ("sll", 200),
        ("beheer", 200),
        ("bestuurder", 200),
        ("tla", 403),
        ("ib", 403),
        ("sc", 403),
        ("lpa", 403),
    ],
)
def test_lopend_toegang_per_rol(world, login, rol, status):
    """[issue 20.4] the SWV-wide list is for the SLL, the beheerder and the bestuurder."""
    assert login(world.users[rol]).get(LOPEND).status_code == status


def test_lopend_staat_in_het_menu_van_de_sll(world, login):
    html = login(world.users["sll"]).get(reverse("home")).content.decode()
    assert f'href="{LOPEND}"' in html
    html = login(world.users["ib"]).get(reverse("home")).content.decode()
    assert f'href="{LOPEND}"' not in html


def _maak(world, n):
    from tests.factories.interventie import traject_in

    for i in range(n):
        if i % 3 == 2:
            svc.start_termijn(
                soort="interventieteam_eerste_bijeenkomst", start=D(2026, 2, 20), zaak=traject_in(world)
            )
        else:
            beslistermijn(aanvraag(world, voornaam=f"Kind{i}"), start=D(2026, 1, 6) + timedelta(days=i))


def _tel(client, url):
    with CaptureQueriesContext(connection) as q:
        assert client.get(url).status_code == 200
    return len(q.captured_queries)


def test_vaste_aantallen_queries_voor_1_en_20_termijnen(world, login):
    """[issue 20.4, COMMON] the list, Mijn werk and Meldingen: as many queries for 20 terms of
    two kinds of case as for 1 (leerling joined, the case prefetched per content type)."""
    _maak(world, 3)  # both kinds of case present
    sweep(vandaag=D(2026, 2, 26))
    client = login(world.users["sll"])
    paginas = [LOPEND, reverse("termijnen:meldingen"), reverse("home")]
    for u in paginas:  # warm the per-process caches (content types, navigation)
        client.get(u)
    weinig = [_tel(client, u) for u in paginas]
    _maak(world, 18)
    sweep(vandaag=D(2026, 2, 26))
    veel = [_tel(client, u) for u in paginas]
    assert veel == weinig
