"""Demo dossiers [issue 3 'Demo']: N fictitious pupils at every checklist step, the scenario pupils
of scenarios.md at their schools, idempotent and fast."""

import io
import time
from datetime import date

import pytest
from django.core.management import call_command
from django.test import override_settings

from cases import demo
from cases.demo.inhoud import SCENARIO_LEERLINGEN, bouw, demo_leerling
from cases.dossier.selectors import checklist_stand
from cases.dossier.services.documenten import herken_bestand
from cases.models import OPP, Document, Leerling, OTBespreking
from cases.tijdlijn import tijdlijn_voor

pytestmark = pytest.mark.django_db


@pytest.fixture
def wereld():
    w = demo.bouw_organisaties()
    demo.bouw_gebruikers(w)
    return w


def tellingen():
    return (
        Leerling.objects.count(),
        OTBespreking.objects.count(),
        OPP.objects.count(),
        Document.objects.count(),
    )


def test_idempotent_en_elke_stap(wereld):
    bouw(wereld, leerlingen=24, stdout=io.StringIO())
    eerst = tellingen()
    assert eerst[0] == 24 + len(SCENARIO_LEERLINGEN)
    uit = io.StringIO()
    bouw(wereld, leerlingen=24, stdout=uit)
    assert tellingen() == eerst
    assert "niets toegevoegd" in uit.getvalue()
    ids = list(Leerling.objects.filter(swv=wereld.swv).values_list("pk", flat=True))
    stappen = {
        checklist_stand(items).stap for items in tijdlijn_voor(ids, user=wereld.gebruikers["ib"]).values()
    }
    assert {None, 4, 7, 8, 9, 10} <= stappen
    scholen = set(Leerling.objects.filter(swv=wereld.swv).values_list("huidige_school__naam", flat=True))
    assert len(scholen) >= 20


def test_meer_leerlingen_bij_tweede_run(wereld):
    bouw(wereld, leerlingen=5, stdout=io.StringIO())
    bouw(wereld, leerlingen=9, stdout=io.StringIO())
    assert Leerling.objects.count() == 9 + len(SCENARIO_LEERLINGEN)


def test_scenario_leerlingen(wereld):
    bouw(wereld, leerlingen=0, stdout=io.StringIO())
    swv = wereld.swv
    noor = demo_leerling(swv, "Noor")
    assert noor.huidige_school.naam == "OBS De Regenboog"
    assert noor.huidige_groep == 4
    ots = list(noor.ot_besprekingen.order_by("datum").values_list("soort", "datum", "status"))
    assert ots == [("start", date(2026, 1, 12), "vastgesteld"), ("vervolg", date(2026, 2, 23), "vastgesteld")]
    opp = OPP.objects.filter(leerling=noor).order_by("-versie").first()
    assert opp.datum == date(2026, 2, 25)
    assert opp.akkoorden.filter(datum=date(2026, 2, 25)).count() == 2
    afspraak = noor.afspraken.get(wat="Observatie in de klas door de SC")
    assert afspraak.uiterlijk == date(2026, 2, 9)
    assert demo_leerling(swv, "Daan").huidige_school.naam == "CBS De Wegwijzer"
    assert not demo_leerling(swv, "Daan").documenten.filter(soort="lvs").exists()  # the SLL finds it missing
    sem = demo_leerling(swv, "Sem")
    assert sem.huidige_school.naam == "IKC De Boomgaard"
    assert sem.inschrijvingen.filter(school__naam="Peuterspeelzaal 't Kwetternest").exists()
    assert sem.documenten.filter(soort="overdracht").exists()
    assert demo_leerling(swv, "Lotte").inschrijvingen.count() == 3  # three schools in two years
    for naam in ("Milan", "Fenna", "Yara"):
        assert demo_leerling(swv, naam).huidige_school is not None
    # the demo IB'er and leerkracht (OBS De Regenboog, groep 4–5) see Noor
    assert Leerling.objects.filter_for_user(wereld.gebruikers["ib"]).filter(pk=noor.pk).exists()
    assert Leerling.objects.filter_for_user(wereld.gebruikers["leerkracht"]).filter(pk=noor.pk).exists()


def test_documenten_zijn_echte_pdfs(wereld):
    bouw(wereld, leerlingen=8, stdout=io.StringIO())
    doc = Document.objects.filter(leerling=demo_leerling(wereld.swv, "Noor")).first()
    with doc.bestand.open("rb") as f:
        assert herken_bestand(f).extensie == "pdf"


def test_snel_voor_120_leerlingen(wereld):
    begin = time.monotonic()
    bouw(wereld, leerlingen=120, stdout=io.StringIO())
    duur = time.monotonic() - begin
    assert Leerling.objects.count() == 120 + len(SCENARIO_LEERLINGEN)
    assert duur < 30, f"demo-dossiers voor 120 leerlingen duurden {duur:.1f} s"


@override_settings(PASSEND_DEMO=True)
def test_demo_data_commando_met_leerlingen(db):
    uit = io.StringIO()
    call_command("demo_data", leerlingen=6, stdout=uit)
    assert "Demo-dossiers: 13 leerlingen" in uit.getvalue()
