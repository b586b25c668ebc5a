"""The herindicatie demo (tlv/demo_herindicatie.py) as a user of the demo sees it [002 L814-826]: the
pupils are placed at the sbo resp. so school, which asks for the herindicatie [002 L815]; the old TLV
(asked by the basisschool) ends with the current school year [002 §1.16, §1.20], so the herindicatie
comes in time; every step, meeting and dossier date falls on a school day; building twice adds
nothing."""

import io
from datetime import date

import pytest
import time_machine
from django.urls import reverse

from cases.models import Gebruiker, Inschrijving, Leerling
from cases.models.organisaties import SchoolSoort
from tlv.demo_herindicatie import schooldag
from tlv.models import TLV, Status, TLVAanvraag
from tlv.termijnen import herindicatie_aanvragen_uiterlijk
from tlv.volledigheid import evalueer

pytestmark = pytest.mark.django_db

VRIJDAG = "2026-12-04 10:00 +01:00"
ZONDAG = "2027-03-07 10:00 +01:00"


def _bouw():
    from cases import demo
    from cases.demo import inhoud as cases_demo
    from tlv import demo_herindicatie, demo_inhoud

    wereld = demo.bouw_organisaties()
    demo.bouw_gebruikers(wereld)
    cases_demo.bouw(wereld, leerlingen=24, stdout=io.StringIO())
    demo_inhoud.bouw(wereld, leerlingen=24, stdout=io.StringIO())
    demo_herindicatie.bouw(wereld, leerlingen=24, stdout=io.StringIO())
    return wereld


@pytest.fixture
def demo():
    with time_machine.travel(VRIJDAG, tick=True):
        yield _bouw()


def _herindicaties():
    een, twee = TLVAanvraag.objects.filter(soort="herindicatie").order_by("herindicatie_optie")
    return een, twee


@pytest.mark.parametrize(
    ("dag", "later", "verwacht"),
    [
        (date(2026, 12, 4), False, date(2026, 12, 4)),  # Friday stays
        (date(2026, 12, 5), False, date(2026, 12, 4)),  # Saturday → Friday before
        (date(2026, 12, 6), False, date(2026, 12, 4)),  # Sunday → Friday before
        (date(2026, 12, 5), True, date(2026, 12, 7)),  # Saturday → Monday after
        (date(2026, 12, 6), True, date(2026, 12, 7)),  # Sunday → Monday after
        (date(2026, 12, 7), True, date(2026, 12, 7)),  # Monday stays, also with later
    ],
)
def test_schooldag_verschuift_alleen_het_weekend(dag, later, verwacht):
    """Demo steps fall on school days (Mon–Fri); a weekend day moves back to Friday or on to Monday."""
    assert schooldag(dag, later=later) == verwacht


def test_demo_toont_beide_herindicaties_002_L818_L822(client, demo):
    """[002 L818, L822] a concept herindicatie optie 1 that needs a fresh zienswijze (OPP evaluated
    more than half a year ago), and an optie 2 where school and SC disagree that sits on a coming
    TLA-vergadering despite unanimous advice; every doorlooptijd stays non-negative."""
    from tlv import selectors

    een, twee = _herindicaties()
    assert [(a.herindicatie_optie, a.status) for a in (een, twee)] == [
        (1, Status.CONCEPT),
        (2, Status.TLA_VERGADERING),
    ]
    assert een.vorige_tlv is not None and twee.vorige_tlv is not None
    u = next(u for u in evalueer(een) if u.regel.code == "actuele_zienswijze")
    assert not u.voldaan and "meer dan een half jaar" in u.toelichting
    assert twee.adviezen_unaniem() and twee.commissie_vereist() and twee.vergadering_id
    assert twee.vergadering.datum > date(2026, 12, 4)
    for r in selectors.doorlooptijden(Gebruiker.objects.get(username="sll")):
        assert min(r.fasen.values()) >= 0, (r.aanvraag, r.fasen)
    client.force_login(Gebruiker.objects.get(username="ib_brug"))
    html = client.get(reverse("tlv:detail", args=[een.pk])).content.decode()
    assert "actuele zienswijze nodig" in html
    client.force_login(Gebruiker.objects.get(username="ib_kompasroos"))
    html = client.get(reverse("tlv:detail", args=[twee.pk])).content.decode()
    assert "Deze aanvraag gaat naar de TLA-commissie" in html


def test_demo_herindicatie_door_de_sbo_en_so_school_met_tlv_tot_eind_schooljaar_002_L815(client, demo):
    """[002 L815, §1.16, §1.20] Fenna (TLV sbo) and Jesse (TLV so laag) were enrolled at an sbo resp.
    so school on their TLV's ingangsdatum (1 August, groep 5); that school asks for the herindicatie.
    The old TLV, asked by the basisschool for groep 4–5, ends on 31-07-2027, the end of the current
    school year, and the herindicatie comes in before the last day to ask for it."""
    from tlv import register

    een, twee = _herindicaties()
    for a, voornaam, soort, schoolsoort, categorie in (
        (een, "Fenna", SchoolSoort.SBO, "sbo", ""),
        (twee, "Jesse", SchoolSoort.SO, "so", "laag"),
    ):
        ll = Leerling.objects.get(pk=a.leerling_id)
        assert ll.voornaam == voornaam
        assert ll.huidige_school.soort == soort and ll.huidige_groep == 5
        assert (
            a.school_id == ll.huidige_school_id and a.aangemaakt_door.rollen.filter(school=a.school).exists()
        )
        oud = a.vorige_tlv
        assert (oud.schoolsoort, oud.categorie) == (schoolsoort, categorie)
        assert oud.aanvraag.school.naam == "OBS De Regenboog"
        assert (oud.ingangsdatum, oud.einddatum) == (date(2026, 8, 1), date(2027, 7, 31))
        assert oud.periode == "4-5"
        plaatsing = register.plaatsing_van(oud)
        assert plaatsing.school_id == ll.huidige_school_id
        assert (plaatsing.van, plaatsing.tot) == (oud.ingangsdatum, None)
        bao = Inschrijving.objects.get(leerling=ll, school__naam="OBS De Regenboog")
        assert bao.tot == date(2026, 7, 31)
        uiterlijk = herindicatie_aanvragen_uiterlijk(oud.einddatum)
        assert date(2026, 12, 4) <= uiterlijk and (a.ontvangen_op or date(2026, 12, 4)) <= uiterlijk
    # Both schools reported the change to DUO: no open DUO task for these pupils.
    from cases.termijnen.models.termijnen import OPEN_STATUSSEN, Termijn
    from verzuim.termijnen import DUO_MELDING

    assert not Termijn.objects.filter(
        soort=DUO_MELDING, leerling__in=[een.leerling_id, twee.leerling_id], status__in=OPEN_STATUSSEN
    ).exists()
    client.force_login(Gebruiker.objects.get(username="sll"))
    html = client.get(reverse("tlv:register")).content.decode()
    for tlv in TLV.objects.filter(pk__in=[een.vorige_tlv_id, twee.vorige_tlv_id]):
        assert tlv.kenmerk in html
    assert "SBO De Brug" in html and "SO De Kompasroos (cluster 4)" in html
    assert "31-07-2027" in html


def _datums(leerlingen):
    """Every date of a step, meeting or dossier item of these pupils, with what it is."""
    from cases.dossier.models.documenten import Document
    from cases.dossier.models.opp import OPP, OPPAkkoord
    from cases.dossier.models.ot import OTBespreking
    from tlv.models import Herindicatiegesprek
    from tlv.models.besluit import Overgang

    aanvragen = TLVAanvraag.objects.filter(leerling__in=leerlingen)
    rijen = [(f"stap {o.van}→{o.naar}", o.datum) for o in Overgang.objects.filter(aanvraag__in=aanvragen)]
    for a in aanvragen:
        rijen += [
            ("ontvangen", a.ontvangen_op),
            ("besluit", a.besluit_op),
            ("ouders", a.ouders_ondertekend_op),
        ]
        if a.vergadering_id:
            rijen.append(("TLA-vergadering", a.vergadering.datum))
    rijen += [("TLV afgegeven", t.afgegeven_op) for t in TLV.objects.filter(leerling__in=leerlingen)]
    rijen += [("gesprek", g.datum) for g in Herindicatiegesprek.objects.filter(aanvraag__in=aanvragen)]
    rijen += [("OT", o.datum) for o in OTBespreking.objects.filter(leerling__in=leerlingen)]
    rijen += [("OPP", o.datum) for o in OPP.objects.filter(leerling__in=leerlingen)]
    rijen += [("akkoord", o.datum) for o in OPPAkkoord.objects.filter(opp__leerling__in=leerlingen)]
    rijen += [("document", d.datum) for d in Document.objects.filter(leerling__in=leerlingen)]
    return [(wat, d) for wat, d in rijen if d is not None]


@pytest.mark.parametrize("vandaag", [VRIJDAG, ZONDAG])
def test_demo_herindicatie_alle_stappen_op_schooldagen_en_idempotent(vandaag):
    """Built on a Friday or on a Sunday: no step, TLA-vergadering or dossier date of the two pupils
    falls on a Saturday or Sunday, the old TLV still ends on 31-07-2027, and a second build adds
    nothing."""
    from cases.models import Inschrijving as Inschr
    from tlv import demo_herindicatie
    from tlv.models.besluit import Overgang

    with time_machine.travel(vandaag, tick=True):
        wereld = _bouw()
        een, twee = _herindicaties()
        leerlingen = [een.leerling_id, twee.leerling_id]
        datums = _datums(leerlingen)
        assert len(datums) > 30
        weekend = [(wat, d) for wat, d in datums if d.weekday() >= 5]
        assert weekend == []
        assert {een.vorige_tlv.einddatum, twee.vorige_tlv.einddatum} == {date(2027, 7, 31)}

        def telling():
            return (
                TLVAanvraag.objects.count(),
                TLV.objects.count(),
                Overgang.objects.count(),
                Inschr.objects.count(),
                Gebruiker.objects.count(),
                Leerling.objects.count(),
            )

        voor = telling()
        demo_herindicatie.bouw(wereld, leerlingen=24, stdout=io.StringIO())
        assert telling() == voor
