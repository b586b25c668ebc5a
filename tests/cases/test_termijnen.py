"""Table tests for the deadline engine cases/termijnen.py [domain §11].

Every id names the rule and its source. These tests touch no database.
"""

from datetime import date, timedelta

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cases import termijnen as t
from cases.termijnen import (
    atw_verschuif,
    beslistermijn_bezwaar,
    bezwaartermijn_einde,
    feestdag_naam,
    is_atw_feestdag,
    is_werkdag,
    leerplichtig_vanaf,
    plus_maanden,
    plus_werkdagen,
    termijn_berekening,
    termijn_einde,
    tlv_beslistermijn,
    zorgplicht_einde,
)

D = date
MAANDNAMEN = "januari februari maart april mei juni juli augustus september oktober november december".split()


def case(id_, *values):
    return pytest.param(*values, id=id_)


# --- Atw art. 3: which days are feestdagen -------------------------------------------------------

FEESTDAGEN = [
    case("[Atw art.3 lid 1] Nieuwjaarsdag 2026", D(2026, 1, 1), "Nieuwjaarsdag"),
    case("[Atw art.3 lid 2] Goede Vrijdag 2026", D(2026, 4, 3), "Goede Vrijdag"),
    case("[Atw art.3 lid 2] Goede Vrijdag 2025", D(2025, 4, 18), "Goede Vrijdag"),
    case("[Atw art.3 lid 1] Tweede Paasdag 2026", D(2026, 4, 6), "Tweede Paasdag"),
    case("[Atw art.3 lid 1] Koningsdag op maandag 2026", D(2026, 4, 27), "Koningsdag"),
    case("[Atw art.3 lid 1] Koningsdag op zaterdag 2030", D(2030, 4, 27), "Koningsdag"),
    case("[Atw art.3 lid 1] Koningsdag 26 april als 27 april zondag is (2025)", D(2025, 4, 26), "Koningsdag"),
    case("[Atw art.3 lid 1] Koningsdag 26 april als 27 april zondag is (2031)", D(2031, 4, 26), "Koningsdag"),
    case("[Atw art.3 lid 1] 5 mei in een lustrumjaar (2025)", D(2025, 5, 5), "Bevrijdingsdag"),
    case("[Atw art.3 lid 1] 5 mei in een niet-lustrumjaar (2026)", D(2026, 5, 5), "Bevrijdingsdag"),
    case("[Atw art.3 lid 1] 5 mei in een niet-lustrumjaar (2027)", D(2027, 5, 5), "Bevrijdingsdag"),
    case("[Atw art.3 lid 1] Hemelvaartsdag 2026", D(2026, 5, 14), "Hemelvaartsdag"),
    case("[Atw art.3 lid 1] Tweede Pinksterdag 2026", D(2026, 5, 25), "Tweede Pinksterdag"),
    case("[Atw art.3 lid 1] Eerste Kerstdag 2026", D(2026, 12, 25), "Eerste Kerstdag"),
    case("[Atw art.3 lid 1] Tweede Kerstdag 2026", D(2026, 12, 26), "Tweede Kerstdag"),
    case("[Atw art.3 lid 3] besluitdag 2025-05-30 (vrijdag na Hemelvaart)", D(2025, 5, 30), "gelijkgestelde"),
    case(
        "[Atw art.3 lid 3] besluitdag 2026-01-02 (vrijdag na Nieuwjaarsdag)", D(2026, 1, 2), "gelijkgestelde"
    ),
    case("[Atw art.3 lid 3] besluitdag 2026-05-15 (vrijdag na Hemelvaart)", D(2026, 5, 15), "gelijkgestelde"),
    case("[Atw art.3 lid 3] besluitdag 2027-05-07 (vrijdag na Hemelvaart)", D(2027, 5, 7), "gelijkgestelde"),
    case("[Atw art.3 lid 3] besluitdag 2028-04-28 (vrijdag na Koningsdag)", D(2028, 4, 28), "gelijkgestelde"),
    case("[Atw art.3 lid 3] besluitdag 2028-05-26 (vrijdag na Hemelvaart)", D(2028, 5, 26), "gelijkgestelde"),
]


@pytest.mark.parametrize("dag, naam", FEESTDAGEN)
def test_atw_feestdag(dag, naam):
    assert is_atw_feestdag(dag)
    assert naam in feestdag_naam(dag)
    assert not is_werkdag(dag)


GEEN_FEESTDAG = [
    case("[Atw art.3] 27 april op zondag is zelf geen feestdag (2025)", D(2025, 4, 27)),
    case("[Atw art.3] Goede Vrijdag-datum in een ander jaar (2026-04-18)", D(2026, 4, 18)),
    case("[Atw art.3] Witte Donderdag 2026 is een gewone dag", D(2026, 4, 2)),
    case("[Atw art.3] Oudejaarsdag is geen feestdag", D(2026, 12, 31)),
    case("[Atw art.3] Carnaval (maandag) is geen feestdag", D(2026, 2, 16)),
    case("[Atw art.3 lid 3] vrijdag na Hemelvaart 2029 nog niet bij besluit gelijkgesteld", D(2029, 5, 11)),
    case("[Atw art.3] Eerste Paasdag is een zondag, geen art. 3-dag", D(2026, 4, 5)),
]


@pytest.mark.parametrize("dag", GEEN_FEESTDAG)
def test_geen_atw_feestdag(dag):
    assert not is_atw_feestdag(dag)
    assert feestdag_naam(dag) is None


WERKDAGEN = [
    case("[domain §11 Werkdagen] gewone dinsdag", D(2026, 2, 3), True),
    case("[domain §11 Werkdagen] zaterdag", D(2026, 2, 7), False),
    case("[domain §11 Werkdagen] zondag", D(2026, 2, 8), False),
    case("[domain §11 Werkdagen] Koningsdag op maandag", D(2026, 4, 27), False),
    case("[domain §11 Werkdagen] dag na Koningsdag", D(2026, 4, 28), True),
    case("[domain §11 Werkdagen] 5 mei 2026 (dinsdag)", D(2026, 5, 5), False),
    case("[domain §11 Werkdagen] besluitdag 2026-01-02", D(2026, 1, 2), False),
    case("[domain §11 Werkdagen] Oudejaarsdag 2025 (woensdag)", D(2025, 12, 31), True),
]


@pytest.mark.parametrize("dag, verwacht", WERKDAGEN)
def test_is_werkdag(dag, verwacht):
    assert is_werkdag(dag) is verwacht


# --- Atw art. 1: moving the last day -------------------------------------------------------------

VERSCHUIF = [
    case("[Atw art.1] werkdag blijft staan", D(2026, 3, 17), D(2026, 3, 17)),
    case("[Atw art.1] zaterdag → maandag", D(2026, 2, 7), D(2026, 2, 9)),
    case("[Atw art.1] zondag → maandag", D(2026, 2, 8), D(2026, 2, 9)),
    case(
        "[Atw art.1, 3 lid 2] Goede Vrijdag 2026 → weekend → Tweede Paasdag → di 7 apr",
        D(2026, 4, 3),
        D(2026, 4, 7),
    ),
    case("[Atw art.1, 3] Koningsdag op maandag 2026 → di 28 apr", D(2026, 4, 27), D(2026, 4, 28)),
    case("[Atw art.1, 3] Koningsdag op zaterdag 2030 → ma 29 apr", D(2030, 4, 27), D(2030, 4, 29)),
    case(
        "[Atw art.1, 3] Koningsdag op za 26 apr 2025 (27e zondag) → ma 28 apr",
        D(2025, 4, 26),
        D(2025, 4, 28),
    ),
    case("[Atw art.1, 3] 5 mei 2026 (niet-lustrumjaar) → wo 6 mei", D(2026, 5, 5), D(2026, 5, 6)),
    case(
        "[Atw art.1, 3 lid 3] Hemelvaart 2026 + besluitdag vr 15 mei → ma 18 mei",
        D(2026, 5, 14),
        D(2026, 5, 18),
    ),
    case(
        "[Atw art.1, 3 lid 3] 5 mei 2027 + Hemelvaart + besluitdag 7 mei → ma 10 mei",
        D(2027, 5, 5),
        D(2027, 5, 10),
    ),
    case(
        "[Atw art.1, 3 lid 3] Koningsdag 2028 (do) + besluitdag vr 28 apr → ma 1 mei",
        D(2028, 4, 27),
        D(2028, 5, 1),
    ),
    case(
        "[Atw art.1, 3 lid 3] Hemelvaart 2025 + besluitdag 30 mei → ma 2 jun", D(2025, 5, 29), D(2025, 6, 2)
    ),
    case("[Atw art.1, 3] Tweede Pinksterdag 2026 → di 26 mei", D(2026, 5, 25), D(2026, 5, 26)),
    case("[Atw art.1, 3] Kerstmis op vrijdag 2026 → ma 28 dec", D(2026, 12, 25), D(2026, 12, 28)),
    case("[Atw art.1, 3] Kerstmis op zaterdag 2027 → ma 27 dec", D(2027, 12, 25), D(2027, 12, 27)),
    case("[Atw art.1] jaarwisseling: oudejaarsdag 2026 (do) blijft", D(2026, 12, 31), D(2026, 12, 31)),
    case(
        "[Atw art.1, 3 lid 3] jaarwisseling: Nieuwjaarsdag 2026 + besluitdag 2 jan → ma 5 jan",
        D(2026, 1, 1),
        D(2026, 1, 5),
    ),
    case("[Atw art.1, 3] jaarwisseling: Nieuwjaarsdag 2027 (vr) → ma 4 jan", D(2027, 1, 1), D(2027, 1, 4)),
    case(
        "[Atw art.1, 3] jaarwisseling: za 31 dec 2022 → zo 1 jan 2023 (Nieuwjaarsdag) → ma 2 jan",
        D(2022, 12, 31),
        D(2023, 1, 2),
    ),
]


@pytest.mark.parametrize("dag, verwacht", VERSCHUIF)
def test_atw_verschuif(dag, verwacht):
    assert atw_verschuif(dag) == verwacht


def test_atw_verschuif_jaarwisseling_2022_zondag_nieuwjaar():
    """[Atw art.1, 3] Nieuwjaarsdag 2023 was a Sunday; Monday 2 January 2023 is a werkdag."""
    assert is_atw_feestdag(D(2023, 1, 1))
    assert is_werkdag(D(2023, 1, 2))


# --- werkdagen -----------------------------------------------------------------------------------

WERKDAGEN_NA = [
    case(
        "[002 §1.12] ontvangstbevestiging bezwaar: 5 werkdagen na vr 17 apr 2026",
        D(2026, 4, 17),
        5,
        D(2026, 4, 24),
    ),
    case("[domain §10] begeleiding verzuim: 5 werkdagen na wo 4 mrt 2026", D(2026, 3, 4), 5, D(2026, 3, 11)),
    case("[002 §1.9] TLA-informatie: 2 werkdagen na vr 6 feb 2026", D(2026, 2, 6), 2, D(2026, 2, 10)),
    case(
        "[domain §11 Werkdagen] 5 werkdagen over Koningsdag en 5 mei 2026",
        D(2026, 4, 24),
        5,
        D(2026, 5, 4),
    ),
    case(
        "[domain §11 Werkdagen] 5 werkdagen over Hemelvaart en besluitdag 2026",
        D(2026, 5, 12),
        5,
        D(2026, 5, 21),
    ),
    case(
        "[domain §11 Werkdagen] 5 werkdagen over Goede Vrijdag en Tweede Paasdag 2026",
        D(2026, 4, 1),
        5,
        D(2026, 4, 10),
    ),
    case(
        "[domain §11 Werkdagen] 5 werkdagen over de jaarwisseling 2025-2026",
        D(2025, 12, 24),
        5,
        D(2026, 1, 6),
    ),
    case("[domain §11 Werkdagen] start op zaterdag telt niet mee", D(2026, 2, 7), 1, D(2026, 2, 9)),
    case("[domain §11 Werkdagen] 0 werkdagen is de dag zelf", D(2026, 2, 7), 0, D(2026, 2, 7)),
]


@pytest.mark.parametrize("start, n, verwacht", WERKDAGEN_NA)
def test_plus_werkdagen(start, n, verwacht):
    assert plus_werkdagen(start, n) == verwacht


def test_plus_werkdagen_negatief():
    with pytest.raises(ValueError, match="negatief"):
        plus_werkdagen(D(2026, 1, 5), -1)


# --- the general term ----------------------------------------------------------------------------

TERMIJNEN = [
    case(
        "[domain §11] N weken na D eindigt op D + 7N (zelfde weekdag)",
        dict(start=D(2026, 2, 3), weken=6),
        D(2026, 3, 17),
    ),
    case(
        "[domain §11] dagen tellen vanaf de dag na start", dict(start=D(2026, 2, 3), dagen=1), D(2026, 2, 4)
    ),
    case("[domain §11] weken en dagen samen", dict(start=D(2026, 2, 3), weken=1, dagen=2), D(2026, 2, 12)),
    case(
        "[domain §11, Atw art.1] Goede Vrijdag 2026 → di 7 apr 2026 (uitgewerkt voorbeeld)",
        dict(start=D(2026, 3, 6), weken=4),
        D(2026, 4, 7),
    ),
    case(
        "[domain §11, Atw niet van toepassing] servicenorm blijft op Goede Vrijdag",
        dict(start=D(2026, 3, 6), weken=4, atw=False),
        D(2026, 4, 3),
    ),
    case(
        "[domain §8] interventieteam binnen een week na melding di 3 feb 2026",
        dict(start=D(2026, 2, 3), weken=1, atw=False),
        D(2026, 2, 10),
    ),
    case(
        "[domain §10] langdurig relatief verzuim: 4 weken na ma 3 nov 2025",
        dict(start=D(2025, 11, 3), weken=4, atw=False),
        D(2025, 12, 1),
    ),
    case(
        "[Awb 4:15] opschorting van 0 dagen (antwoord de dag na het verzoek)",
        dict(start=D(2026, 1, 6), weken=8, opschortingen=[(D(2026, 1, 19), D(2026, 1, 20))]),
        D(2026, 3, 3),
    ),
    case(
        "[Awb 4:15] opschorting van 0 dagen (antwoord op de dag van het verzoek)",
        dict(start=D(2026, 1, 6), weken=8, opschortingen=[(D(2026, 1, 19), D(2026, 1, 19))]),
        D(2026, 3, 3),
    ),
    case(
        "[Awb 4:15] overlappende opschortingen tellen één keer",
        dict(
            start=D(2026, 1, 6),
            weken=8,
            opschortingen=[(D(2026, 1, 19), D(2026, 1, 30)), (D(2026, 1, 25), D(2026, 2, 4))],
        ),
        # union: 20 jan .. 3 feb = 15 days → 3 mrt + 15 = 18 mrt
        D(2026, 3, 18),
    ),
    case(
        "[Awb 4:15] opschorting binnen een andere telt niet extra",
        dict(
            start=D(2026, 1, 6),
            weken=8,
            opschortingen=[(D(2026, 1, 19), D(2026, 1, 30)), (D(2026, 1, 21), D(2026, 1, 23))],
        ),
        D(2026, 3, 13),
    ),
    case(
        "[Awb 4:15] twee losse opschortingen tellen op",
        dict(
            start=D(2026, 1, 6),
            weken=8,
            opschortingen=[(D(2026, 1, 19), D(2026, 1, 30)), (D(2026, 2, 9), D(2026, 2, 12))],
        ),
        # 10 + 2 = 12 days → 3 mrt + 12 = 15 mrt (zo) → ma 16 mrt
        D(2026, 3, 16),
    ),
    case(
        "[Awb 4:15, Atw art.1] opschorting schuift einde op een feestdag → verder",
        dict(start=D(2026, 3, 3), weken=8, opschortingen=[(D(2026, 3, 10), D(2026, 3, 16))]),
        # 28 apr + 5 = 3 mei (zo) → 4 mei ma
        D(2026, 5, 4),
    ),
]


@pytest.mark.parametrize("kwargs, verwacht", TERMIJNEN)
def test_termijn_einde(kwargs, verwacht):
    assert termijn_einde(**kwargs) == verwacht


def test_termijn_einde_weigert_ontvangst_voor_verzoek():
    with pytest.raises(ValueError, match="vóór het verzoek"):
        termijn_einde(D(2026, 1, 6), weken=8, opschortingen=[(D(2026, 1, 20), D(2026, 1, 19))])


def test_termijn_einde_weigert_negatieve_duur():
    with pytest.raises(ValueError, match="negatief"):
        termijn_einde(D(2026, 1, 6), weken=-1)


# --- the named terms, with the worked examples of domain §11 and the scenarios -------------------

ZORGPLICHT = [
    case(
        "[domain §11 voorbeeld, WPO 40 lid 4] zorgplicht di 3 feb 2026 → di 17 mrt 2026",
        dict(aanmelding=D(2026, 2, 3)),
        D(2026, 3, 17),
    ),
    case(
        "[domain §11 voorbeeld, WPO 40 lid 4] zorgplicht verlengd di 3 feb 2026 → di 14 apr 2026",
        dict(aanmelding=D(2026, 2, 3), verlengd=True),
        D(2026, 4, 14),
    ),
    case(
        "[domain §11 voorbeeld, scenario 3] zorgplicht ma 16 mrt 2026 → Koningsdag → di 28 apr 2026",
        dict(aanmelding=D(2026, 3, 16)),
        D(2026, 4, 28),
    ),
    case(
        "[scenario 3, Awb 4:15] zorgplicht verlengd + 12 dagen opschorting → za 6 jun → ma 8 jun 2026",
        dict(aanmelding=D(2026, 3, 16), verlengd=True, opschortingen=[(D(2026, 4, 1), D(2026, 4, 14))]),
        D(2026, 6, 8),
    ),
    case(
        "[domain §11, Atw art.3] zorgplicht verlengd ma 16 mrt 2026 → Tweede Pinksterdag → di 26 mei",
        dict(aanmelding=D(2026, 3, 16), verlengd=True),
        D(2026, 5, 26),
    ),
]


@pytest.mark.parametrize("kwargs, verwacht", ZORGPLICHT)
def test_zorgplicht_einde(kwargs, verwacht):
    assert zorgplicht_einde(**kwargs) == verwacht


def test_zorgplicht_verlenging_niet_vanaf_verschoven_einde():
    """[domain §11 Extension] 10 weeks = D + 70, not (moved 6-week end) + 4 weeks.

    Aanmelding vr 3 apr 2026: 6 weeks = vr 15 mei (besluitdag) → ma 18 mei. Adding 4 weeks to that
    moved end would give ma 15 jun; the law's D + 70 is vr 12 jun.
    """
    assert zorgplicht_einde(D(2026, 4, 3)) == D(2026, 5, 18)
    assert zorgplicht_einde(D(2026, 4, 3), verlengd=True) == D(2026, 6, 12)


TLV = [
    case(
        "[domain §11 vb, scenario 2, Awb 4:13+4:15] TLV di 6 jan 2026, opschorting 19→30 jan → vr 13 mrt",
        dict(ontvangst=D(2026, 1, 6), opschortingen=[(D(2026, 1, 19), D(2026, 1, 30))]),
        D(2026, 3, 13),
    ),
    case(
        "[Awb 4:13] TLV zonder opschorting di 6 jan 2026 → di 3 mrt 2026",
        dict(ontvangst=D(2026, 1, 6)),
        D(2026, 3, 3),
    ),
    case(
        "[scenario 1, Awb 4:13, Atw art.3] TLV di 10 mrt 2026 → 5 mei → wo 6 mei 2026",
        dict(ontvangst=D(2026, 3, 10)),
        D(2026, 5, 6),
    ),
]


@pytest.mark.parametrize("kwargs, verwacht", TLV)
def test_tlv_beslistermijn(kwargs, verwacht):
    assert tlv_beslistermijn(**kwargs) == verwacht


BEZWAAR = [
    case(
        "[domain §11 voorbeeld, Awb 6:7/6:8] besluit verzonden do 29 jan 2026 → do 12 mrt",
        D(2026, 1, 29),
        D(2026, 3, 12),
    ),
    case(
        "[scenario 2, Awb 6:7/6:8] besluit verzonden do 12 mrt 2026 → do 23 apr",
        D(2026, 3, 12),
        D(2026, 4, 23),
    ),
    case(
        "[Awb 6:7, Atw art.1] bezwaartermijn eindigt op Goede Vrijdag 2026 → di 7 apr",
        D(2026, 2, 20),
        D(2026, 4, 7),
    ),
    case(
        "[Awb 6:7, Atw art.1] bezwaartermijn over jaarwisseling: vr 20 nov 2026 → vr 1 jan 2027 → ma 4 jan",
        D(2026, 11, 20),
        D(2027, 1, 4),
    ),
]


@pytest.mark.parametrize("verzonden, verwacht", BEZWAAR)
def test_bezwaartermijn_einde(verzonden, verwacht):
    assert bezwaartermijn_einde(verzonden) == verwacht


BESLISTERMIJN_BEZWAAR = [
    case(
        "[domain §11 voorbeeld, Awb 7:10 lid 1] 6 weken na do 12 mrt 2026 → do 23 apr", dict(), D(2026, 4, 23)
    ),
    case(
        "[domain §11 voorbeeld, Awb 7:10 lid 1] met adviescommissie 12 weken → do 4 jun",
        dict(adviescommissie=True),
        D(2026, 6, 4),
    ),
    case("[Awb 7:10 lid 3] verdaagd: 6 + 6 weken → do 4 jun", dict(verdaagd=True), D(2026, 6, 4)),
    case(
        "[Awb 7:10 lid 3] adviescommissie en verdaagd: 12 + 6 weken → do 16 jul",
        dict(adviescommissie=True, verdaagd=True),
        D(2026, 7, 16),
    ),
]


@pytest.mark.parametrize("kwargs, verwacht", BESLISTERMIJN_BEZWAAR)
def test_beslistermijn_bezwaar(kwargs, verwacht):
    assert beslistermijn_bezwaar(D(2026, 3, 12), **kwargs) == verwacht


def test_beslistermijn_bezwaar_keten_uit_domain_voorbeeld():
    """[domain §11 voorbeeld, Awb 6:7 + 7:10] decision sent do 29 jan 2026, end to end."""
    einde = bezwaartermijn_einde(D(2026, 1, 29))
    assert beslistermijn_bezwaar(einde) == D(2026, 4, 23)
    assert beslistermijn_bezwaar(einde, adviescommissie=True) == D(2026, 6, 4)


def test_beslistermijn_bezwaar_atw():
    """[Awb 7:10, Atw art.1] 6 weeks after vr 20 feb 2026 end on Goede Vrijdag 2026 → di 7 apr."""
    assert beslistermijn_bezwaar(D(2026, 2, 20)) == D(2026, 4, 7)


LEERPLICHT = [
    case("[Lpw art.3, domain §10] jarig 15 mrt → 1 apr", D(2021, 3, 15), D(2026, 4, 1)),
    case(
        "[Lpw art.3, domain §10] jarig op de 1e van de maand → 1e van de volgende maand",
        D(2021, 3, 1),
        D(2026, 4, 1),
    ),
    case("[Lpw art.3, domain §10] jarig op de laatste dag van de maand", D(2021, 3, 31), D(2026, 4, 1)),
    case("[Lpw art.3, domain §10] jarig in december → 1 jan volgend jaar", D(2020, 12, 10), D(2026, 1, 1)),
    case("[Lpw art.3, domain §10] geboren 29 februari → 1 maart", D(2020, 2, 29), D(2025, 3, 1)),
]


@pytest.mark.parametrize("geboren, verwacht", LEERPLICHT)
def test_leerplichtig_vanaf(geboren, verwacht):
    assert leerplichtig_vanaf(geboren) == verwacht


MAANDEN = [
    case(
        "[scenario 5, domain §10] thuiszitter drie maanden: ma 3 nov 2025 → di 3 feb 2026",
        D(2025, 11, 3),
        3,
        D(2026, 2, 3),
    ),
    case("[domain §9] maand zonder die dag: 30 nov + 3 maanden → 28 feb", D(2025, 11, 30), 3, D(2026, 2, 28)),
    case(
        "[domain §9] schrikkeljaar: 31 aug 2027 + 6 maanden → 29 feb 2028", D(2027, 8, 31), 6, D(2028, 2, 29)
    ),
]


@pytest.mark.parametrize("start, n, verwacht", MAANDEN)
def test_plus_maanden(start, n, verwacht):
    assert plus_maanden(start, n) == verwacht


# --- decree days from configuration --------------------------------------------------------------


def test_extra_besluitdag_uit_instelling(settings):
    """[Atw art.3 lid 3] a later decree day in PASSEND_EXTRA_ATW_DAGEN counts without a release."""
    dag = D(2029, 5, 11)  # Friday after Hemelvaartsdag 2029, not yet decreed in the table
    assert is_werkdag(dag)
    settings.PASSEND_EXTRA_ATW_DAGEN = ["2029-05-11"]
    assert is_atw_feestdag(dag)
    assert "gelijkgestelde" in feestdag_naam(dag)
    assert atw_verschuif(D(2029, 5, 10)) == D(2029, 5, 14)  # Hemelvaart do 10 mei 2029


def test_extra_besluitdag_onleesbaar(settings):
    from django.core.exceptions import ImproperlyConfigured

    settings.PASSEND_EXTRA_ATW_DAGEN = ["11-05-2029"]
    with pytest.raises(ImproperlyConfigured, match="JJJJ-MM-DD"):
        is_atw_feestdag(D(2029, 5, 11))


def test_besluitdagen_tabel_noemt_besluit():
    """[Atw art.3 lid 3] every decree day in the table names its decree, and is not a weekend."""
    for dag in t.BESLUITDAGEN:
        assert dag.besluit.startswith("Besluit gelijkstelling")
        assert f"{dag.datum.day} {MAANDNAMEN[dag.datum.month - 1]} {dag.datum.year}" in dag.besluit
        assert dag.datum.weekday() < 5


@pytest.mark.parametrize("jaar", range(2015, 2036))
def test_holidays_bibliotheek_als_basis(jaar):
    """[domain §11] the holidays library's NL list is a base, not the answer.

    Every working-day holiday it lists is an Atw day; the Atw days it misses are exactly 5 May in
    non-lustrum years and the decree days.
    """
    bibliotheek = {d for d in holidays.NL(years=jaar) if d.weekday() != 6}
    atw = {d for d in t.atw_feestdagen(jaar) if d.weekday() != 6}
    assert bibliotheek <= atw
    ontbrekend = atw - bibliotheek
    toegestaan = {D(jaar, 5, 5)} | {b.datum for b in t.BESLUITDAGEN}
    assert ontbrekend <= toegestaan


# --- the explanation -----------------------------------------------------------------------------


def test_berekening_tlv_met_opschorting_legt_uit():
    """[domain §11 voorbeeld, Awb 4:13/4:15] the explanation names start, weeks, suspended dates."""
    b = termijn_berekening(
        D(2026, 1, 6),
        weken=8,
        opschortingen=[(D(2026, 1, 19), D(2026, 1, 30))],
        basis="art. 4:13 Awb (beslistermijn 8 weken)",
        start_omschrijving="ontvangst van de aanvraag",
    )
    assert b.einde == D(2026, 3, 13) == tlv_beslistermijn(D(2026, 1, 6), opschortingen=b_pairs(b))
    assert b.einde_zonder_opschorting == D(2026, 3, 3)
    assert b.opgeschorte_dagen == 10
    assert b.opschortingen[0].eerste_dag == D(2026, 1, 20)
    assert b.opschortingen[0].laatste_dag == D(2026, 1, 29)
    assert not b.verschoven
    tekst = "\n".join(b.uitleg)
    assert "Grondslag: art. 4:13 Awb" in tekst
    assert "ontvangst van de aanvraag op di 6 jan 2026" in tekst
    assert "8 weken (56 dagen) na di 6 jan 2026: di 3 mrt 2026" in tekst
    assert "Opgeschort van di 20 jan 2026 t/m do 29 jan 2026: 10 dagen" in tekst
    assert "Laatste dag van de termijn: vr 13 mrt 2026" in tekst


def b_pairs(b):
    return [(o.verzoek, o.ontvangst) for o in b.opschortingen]


def test_berekening_goede_vrijdag_noemt_feestdagen():
    """[domain §11 voorbeeld, Atw art.1, 3 lid 2] the Atw move names each skipped day."""
    b = termijn_berekening(D(2026, 3, 6), weken=4, basis="Atw")
    assert b.einde_onverschoven == D(2026, 4, 3)
    assert b.einde == D(2026, 4, 7)
    assert b.verschoven
    assert [v.reden for v in b.verschuivingen] == ["Goede Vrijdag", "zaterdag", "zondag", "Tweede Paasdag"]
    assert b.feestdagen == ("Goede Vrijdag", "Tweede Paasdag")
    tekst = "\n".join(b.uitleg)
    assert "vr 3 apr 2026 (Goede Vrijdag)" in tekst
    assert "ma 6 apr 2026 (Tweede Paasdag)" in tekst
    assert "di 7 apr 2026" in tekst


def test_berekening_overlap_en_nul_dagen_legt_uit():
    """[Awb 4:15] overlapping suspensions say what was already counted; a zero-day one says so."""
    b = termijn_berekening(
        D(2026, 1, 6),
        weken=8,
        opschortingen=[
            (D(2026, 1, 25), D(2026, 2, 4)),
            (D(2026, 1, 19), D(2026, 1, 30)),
            (D(2026, 2, 9), D(2026, 2, 10)),
        ],
    )
    assert [o.meegeteld for o in b.opschortingen] == [10, 5, 0]
    assert b.opgeschorte_dagen == 15
    tekst = "\n".join(b.uitleg)
    assert "al meegeteld" in tekst
    assert "0 dagen opgeschort" in tekst


def test_berekening_zonder_atw_zegt_dat():
    b = termijn_berekening(D(2026, 3, 6), weken=4, atw=False)
    assert b.einde == D(2026, 4, 3)
    assert "geldt niet" in "\n".join(b.uitleg)


def test_formatteer_datum():
    assert t.formatteer_datum(D(2026, 2, 3)) == "di 3 feb 2026"
    assert t.formatteer_datum(D(2026, 3, 1)) == "zo 1 mrt 2026"


# --- properties ----------------------------------------------------------------------------------

datums = st.dates(min_value=D(2015, 1, 1), max_value=D(2035, 12, 31))
paren = st.tuples(datums, st.integers(min_value=0, max_value=60)).map(
    lambda p: (p[0], p[0] + timedelta(days=p[1]))
)
opschortingen_st = st.lists(paren, max_size=4)


@settings(max_examples=300, deadline=None)
@given(start=datums, weken=st.integers(0, 20), dagen=st.integers(0, 30), opsch=opschortingen_st)
def test_eigenschap_einde_nooit_weekend_of_feestdag(start, weken, dagen, opsch):
    """[Atw art.1] with atw the last day is never a Saturday, Sunday or Atw feestdag."""
    einde = termijn_einde(start, weken=weken, dagen=dagen, opschortingen=opsch)
    assert einde.weekday() < 5
    assert not is_atw_feestdag(einde)


@settings(max_examples=300, deadline=None)
@given(start=datums, weken=st.integers(0, 20), opsch=opschortingen_st, atw=st.booleans())
def test_eigenschap_opschorting_maakt_nooit_eerder(start, weken, opsch, atw):
    """[Awb 4:15] a suspension never makes a term end earlier."""
    zonder = termijn_einde(start, weken=weken, atw=atw)
    met = termijn_einde(start, weken=weken, opschortingen=opsch, atw=atw)
    assert met >= zonder


@settings(max_examples=300, deadline=None)
@given(start=datums, weken=st.integers(0, 20), opsch=opschortingen_st)
def test_eigenschap_overlap_telt_een_keer(start, weken, opsch):
    """[Awb 4:15, domain §11] overlapping suspensions count once: the extension equals the number
    of distinct days strictly between verzoek and ontvangst, in any order, duplicates ignored."""
    dagen = set()
    for r, a in opsch:
        d = r + timedelta(days=1)
        while d < a:
            dagen.add(d)
            d += timedelta(days=1)
    verwacht = start + timedelta(days=7 * weken + len(dagen))
    assert termijn_einde(start, weken=weken, opschortingen=opsch, atw=False) == verwacht
    assert termijn_einde(start, weken=weken, opschortingen=opsch + opsch, atw=False) == verwacht
    assert termijn_einde(start, weken=weken, opschortingen=list(reversed(opsch)), atw=False) == verwacht
    b = termijn_berekening(start, weken=weken, opschortingen=opsch, atw=False)
    assert b.opgeschorte_dagen == len(dagen) == sum(o.meegeteld for o in b.opschortingen)


@settings(max_examples=300, deadline=None)
@given(
    start=datums,
    weken=st.integers(0, 20),
    dagen=st.integers(0, 30),
    opsch=opschortingen_st,
    atw=st.booleans(),
)
def test_eigenschap_berekening_gelijk_aan_termijn_einde(start, weken, dagen, opsch, atw):
    """The explanation computes the very same date as termijn_einde."""
    b = termijn_berekening(start, weken=weken, dagen=dagen, opschortingen=opsch, atw=atw)
    assert b.einde == termijn_einde(start, weken=weken, dagen=dagen, opschortingen=opsch, atw=atw)
    assert b.uitleg[-1].endswith(f"{t.formatteer_datum(b.einde)}.")


@settings(max_examples=300, deadline=None)
@given(d=datums)
def test_eigenschap_verschuiving_minimaal(d):
    """[Atw art.1] the move goes to the *first* day that is not a weekend/feestdag, and is idempotent."""
    v = atw_verschuif(d)
    assert v >= d
    assert is_werkdag(v)
    assert atw_verschuif(v) == v
    assert all(not is_werkdag(d + timedelta(days=i)) for i in range((v - d).days))
    assert (v - d).days <= 5


@settings(max_examples=200, deadline=None)
@given(d=datums, n=st.integers(0, 30))
def test_eigenschap_plus_werkdagen_telt_werkdagen(d, n):
    """[domain §11 Werkdagen] exactly n werkdagen lie in (d, plus_werkdagen(d, n)]."""
    e = plus_werkdagen(d, n)
    assert sum(is_werkdag(d + timedelta(days=i)) for i in range(1, (e - d).days + 1)) == n
    if n:
        assert is_werkdag(e)


@settings(max_examples=200, deadline=None)
@given(g=st.dates(min_value=D(2010, 1, 1), max_value=D(2030, 12, 31)))
def test_eigenschap_leerplicht(g):
    """[Lpw art.3] the 1st of a month, after the 5th birthday, at most a month later."""
    v = leerplichtig_vanaf(g)
    assert v.day == 1
    vijfde = plus_maanden(g, 60)
    assert vijfde < v <= vijfde + timedelta(days=31)
