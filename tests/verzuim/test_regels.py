"""Pure rules of verzuim/ [Leerplichtwet art. 21a; 002 verzuimkaart; WPO art. 40c; 002 bijlage 2.4.2].
No database."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from verzuim import regels
from verzuim.regels import Categorie

D = date
# Voorjaarsvakantie 2026, regio midden/zuid [Rijksoverheid]: Sat 14 – Sun 22 February.
VOORJAAR = [(D(2026, 2, 14), D(2026, 2, 22))]
FENNA = [
    (D(2026, 2, 3), Decimal(4)),
    (D(2026, 2, 10), Decimal(4)),
    (D(2026, 2, 24), Decimal(4)),
    (D(2026, 3, 4), Decimal(4)),
]


def test_fenna_16_uur_over_de_voorjaarsvakantie_art21a():
    """[Leerplichtwet art. 21a][scenario Fenna] The holiday week is no lesweek, so the four lesweken
    ending Wed 2026-03-04 reach back to the week of Mon 2026-02-02: 16 hours, guidance Wed 2026-03-11."""
    z = regels.zestien_uur(FENNA, VOORJAAR)
    assert z is not None
    assert z.bereikt_op == D(2026, 3, 4)
    assert z.uren == Decimal(16)
    assert z.periode_van == D(2026, 2, 2)
    assert z.lesweken == (D(2026, 2, 2), D(2026, 2, 9), D(2026, 2, 23), D(2026, 3, 2))
    assert z.overgeslagen_vakantieweken == (D(2026, 2, 16),)
    assert z.richtdatum == D(2026, 3, 11)
    assert any("Schoolvakantie telt niet als lesweek" in r for r in z.uitleg)


def test_zonder_vakantie_valt_de_eerste_week_buiten_het_venster_art21a():
    """[Leerplichtwet art. 21a] Counted in calendar weeks the 3 Feb hours fall outside: no duty yet."""
    assert regels.zestien_uur(FENNA, []) is None


def test_15_75_uur_is_nog_geen_meldplicht_art21a():
    rijen = FENNA[:-1] + [(D(2026, 3, 4), Decimal("3.75"))]
    assert regels.zestien_uur(rijen, VOORJAAR) is None


def test_na_een_melding_begint_een_nieuwe_periode_art21a():
    """[Leerplichtwet art. 21a] After a melding on 4 March only later absence counts."""
    later = FENNA + [(D(2026, 3, 5), Decimal(5)), (D(2026, 3, 6), Decimal(5))]
    assert regels.zestien_uur(later, VOORJAAR, na=D(2026, 3, 4)) is None
    meer = later + [(D(2026, 3, 9), Decimal(6))]
    z = regels.zestien_uur(meer, VOORJAAR, na=D(2026, 3, 4))
    assert z.bereikt_op == D(2026, 3, 9)
    assert z.uren == Decimal(16)


def test_richtdatum_5_werkdagen_over_goede_vrijdag_en_pasen_domain11():
    """[domain §11 werkdagen] Duty on Wed 2026-04-01: Thu 2, (Good Friday, weekend, Easter Monday), Tue 7,
    Wed 8, Thu 9, Fri 10 April."""
    rijen = [(D(2026, 3, 30), Decimal(8)), (D(2026, 4, 1), Decimal(8))]
    assert regels.zestien_uur(rijen, []).richtdatum == D(2026, 4, 10)


def test_deels_vakantieweek_is_wel_een_lesweek():
    """A week with only some holiday days (e.g. a loose day off) remains a lesweek."""
    assert not regels.is_vakantieweek(D(2026, 5, 11), [(D(2026, 5, 14), D(2026, 5, 15))])
    assert regels.is_vakantieweek(D(2026, 2, 16), VOORJAAR)


@pytest.mark.parametrize(
    "aantal, eerder, niveau",
    [
        (2, False, "geen"),
        (3, False, "gesprek"),
        (4, False, "melding"),
        (9, False, "melding"),
        (1, True, "melding"),
        (0, True, "geen"),
    ],
    ids=["2x", "3x-gesprek", "4x-melding", "9x-melding", "herhaling-na-melding", "geen-herhaling"],
)
def test_te_laat_drempels_verzuimkaart(aantal, eerder, niveau):
    """[002 verzuimkaart 'Te laat komen'] 3x gesprek; 4-9x melden; bij herhaling opnieuw melden."""
    assert regels.te_laat_advies(aantal, eerder_gemeld=eerder).niveau == niveau


def test_ziekte_langer_dan_2_weken_verzuimkaart():
    """[002 verzuimkaart 'Ziekte'] 14 days is not more than 2 weeks; 15 days is."""
    assert regels.ziekte_signalen([(D(2026, 1, 5), D(2026, 1, 18))], D(2026, 2, 1)) == []
    assert len(regels.ziekte_signalen([(D(2026, 1, 5), D(2026, 1, 19))], D(2026, 2, 1))) == 1
    assert len(regels.ziekte_signalen([(D(2026, 1, 5), None)], D(2026, 1, 19))) == 1


def test_vijfde_ziekmelding_in_een_schooljaar_verzuimkaart():
    """[002 verzuimkaart 'Ziekte'] The 5th report in one school year (1 Aug-31 Jul) is a signal; a report
    from the previous school year does not count."""
    vier = [
        (D(2025, 9, 1), D(2025, 9, 2)),
        (D(2025, 10, 1), D(2025, 10, 1)),
        (D(2025, 11, 3), D(2025, 11, 3)),
        (D(2026, 1, 12), D(2026, 1, 12)),
    ]
    assert regels.ziekte_signalen(vier + [(D(2025, 7, 1), D(2025, 7, 1))], D(2026, 2, 1)) == []
    signalen = regels.ziekte_signalen(vier + [(D(2026, 2, 2), D(2026, 2, 2))], D(2026, 2, 3))
    assert len(signalen) == 1
    assert "5e ziekmelding" in signalen[0]


@pytest.mark.parametrize(
    "dagen, toegestaan", [(1, True), (7, True), (8, False)], ids=["1-dag", "7-dagen", "8-dagen"]
)
def test_schorsing_maximaal_een_week_wpo40c(dagen, toegestaan):
    """[WPO art. 40c][domain §10] At most one week = 7 calendar days; refusals explain the older figures."""
    van = D(2026, 2, 4)
    fout = regels.schorsing_fout(van, van + timedelta(days=dagen - 1))
    assert (fout is None) == toegestaan
    if not toegestaan:
        assert "WPO art. 40c" in fout
        assert "5 dagen" in fout
        assert "3 weken" in fout


def test_schorsing_meldplicht_alleen_langer_dan_een_dag_verzuimkaart():
    """[002 verzuimkaart 'Schorsing'] Longer than 1 day: report to LPA and inspectie."""
    assert not regels.schorsing_meldplichtig(D(2026, 2, 4), D(2026, 2, 4))
    assert regels.schorsing_meldplichtig(D(2026, 2, 4), D(2026, 2, 5))


MILAN = D(2025, 11, 3)


@pytest.mark.parametrize(
    "peildatum, categorie",
    [
        (D(2025, 11, 30), Categorie.DREIGEND),  # 28th day at home: four weeks not yet behind
        (D(2025, 12, 1), Categorie.VIER_WEKEN),  # scenario: langdurig from Mon 2025-12-01
        (D(2026, 2, 2), Categorie.VIER_WEKEN),  # last day of the third month
        (D(2026, 2, 3), Categorie.DRIE_MAANDEN),  # scenario: three months reached Tue 2026-02-03
    ],
    ids=["2025-11-30", "2025-12-01", "2026-02-02", "2026-02-03"],
)
def test_milan_categorie_op_de_grenzen_bijlage_242(peildatum, categorie):
    """[002 bijlage 2.4.2 noot 1][scenario Milan] At home since Mon 2025-11-03. A category starts on the
    first day after the period is complete: 4 weeks = 3-30 Nov (28 days) -> langdurig from 1 Dec;
    3 months = 3 Nov-2 Feb -> 'langer dan 3 maanden' from 3 Feb (same day number)."""
    assert regels.thuiszitter_categorie("relatief", MILAN, peildatum) == categorie


def test_drie_maanden_aan_het_einde_van_de_maand():
    """30 Nov + 3 months: 28 Feb (February has no 30th); never moved (a duration, not an Atw term)."""
    assert regels.drie_maanden_op(D(2025, 11, 30)) == D(2026, 2, 28)


def test_absoluut_verzuim_vanaf_de_eerste_dag_bijlage_242():
    """[002 bijlage 2.4.2 noot 1] Absoluut verzuim counts from the first day, whatever its length."""
    assert regels.thuiszitter_categorie("absoluut", MILAN, MILAN) == Categorie.ABSOLUUT


def test_nadert_drie_maanden_14_dagen_ervoor_domain10():
    assert not regels.nadert_drie_maanden("relatief", MILAN, D(2026, 1, 19))
    assert regels.nadert_drie_maanden("relatief", MILAN, D(2026, 1, 20))
    assert not regels.nadert_drie_maanden("absoluut", MILAN, D(2026, 1, 20))
