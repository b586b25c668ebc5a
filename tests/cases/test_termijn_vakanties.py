"""School holidays per regio and lesweken [domain §10, §11], and their import command."""

import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from cases.models import SchoolVakantie
from cases.termijnen import leerplichtig_vanaf
from cases.termijnen.selectors import (
    OntbrekendeVakantiegegevens,
    eerste_schooldag,
    lesweken_tussen,
    lesweken_venster_begin,
    schooljaar_van,
    vakantiedagen,
)

D = date

OFFICIEEL_2025_2026 = [
    # [Rijksoverheid, schoolvakanties 2025-2026] (soort, regio, van, tot)
    ("herfst", "noord", D(2025, 10, 18), D(2025, 10, 26)),
    ("herfst", "midden", D(2025, 10, 18), D(2025, 10, 26)),
    ("herfst", "zuid", D(2025, 10, 11), D(2025, 10, 19)),
    ("kerst", "noord", D(2025, 12, 20), D(2026, 1, 4)),
    ("kerst", "midden", D(2025, 12, 20), D(2026, 1, 4)),
    ("kerst", "zuid", D(2025, 12, 20), D(2026, 1, 4)),
    ("voorjaar", "noord", D(2026, 2, 21), D(2026, 3, 1)),
    ("voorjaar", "midden", D(2026, 2, 14), D(2026, 2, 22)),
    ("voorjaar", "zuid", D(2026, 2, 14), D(2026, 2, 22)),
    ("mei", "noord", D(2026, 4, 25), D(2026, 5, 3)),
    ("zomer", "noord", D(2026, 7, 4), D(2026, 8, 16)),
    ("zomer", "midden", D(2026, 7, 18), D(2026, 8, 30)),
    ("zomer", "zuid", D(2026, 7, 11), D(2026, 8, 23)),
]


@pytest.mark.django_db
@pytest.mark.parametrize("soort, regio, van, tot", OFFICIEEL_2025_2026, ids=lambda v: str(v))
def test_meegeleverde_vakanties_2025_2026(soort, regio, van, tot):
    v = SchoolVakantie.objects.get(schooljaar="2025-2026", soort=soort, regio=regio)
    assert (v.van, v.tot) == (van, tot)
    # Saturday to Sunday
    assert v.van.weekday() == 5
    assert v.tot.weekday() == 6


@pytest.mark.django_db
def test_2025_2026_compleet_en_2026_2027_niet():
    """All five holidays for every regio in 2025-2026; 2026-2027 only the confirmed dates, so
    lesweken there are refused until a beheerder imports the rest."""
    for regio in ("noord", "midden", "zuid"):
        assert SchoolVakantie.objects.filter(schooljaar="2025-2026", regio=regio).count() == 5
    with pytest.raises(OntbrekendeVakantiegegevens, match="meivakantie"):
        vakantiedagen("midden", D(2026, 9, 1), D(2026, 12, 31))


def test_schooljaar_van():
    assert schooljaar_van(D(2025, 8, 1)) == "2025-2026"
    assert schooljaar_van(D(2026, 7, 31)) == "2025-2026"


@pytest.mark.parametrize(
    "regio, van, tot, verwacht",
    [
        pytest.param(
            "midden",
            D(2026, 2, 2),
            D(2026, 3, 4),
            4,
            id="[scenario 6, domain §10] voorjaarsvakantie telt niet",
        ),
        pytest.param(
            "noord", D(2026, 2, 2), D(2026, 3, 4), 4, id="[domain §10] noord: vakantie een week later"
        ),
        pytest.param(
            "midden", D(2026, 2, 2), D(2026, 2, 27), 3, id="[domain §10] 4 kalenderweken, 3 lesweken"
        ),
        pytest.param(
            "zuid",
            D(2025, 12, 15),
            D(2026, 1, 9),
            2,
            id="[domain §10] kerstvakantie twee weken, geen lesweken",
        ),
        pytest.param(
            "midden", D(2026, 3, 30), D(2026, 4, 12), 2, id="[domain §10] Pasen maakt geen vakantieweek"
        ),
        pytest.param("midden", D(2026, 3, 7), D(2026, 3, 8), 0, id="[domain §10] alleen een weekend"),
    ],
)
@pytest.mark.django_db
def test_lesweken_tussen(world, regio, van, tot, verwacht):
    world.school.vakantieregio = regio
    assert lesweken_tussen(world.school, van, tot) == verwacht


@pytest.mark.django_db
def test_venster_van_vier_lesweken_scenario_6(world, django_assert_num_queries):
    """[scenario 6, Leerplichtwet art. 21a] 16 hours reached wo 4 mrt 2026: the four lesweken
    reach back to ma 2 feb, past the voorjaarsvakantie."""
    world.school.vakantieregio = "midden"
    with django_assert_num_queries(1):
        assert lesweken_venster_begin(world.school, D(2026, 3, 4), 4) == D(2026, 2, 2)
    world.school.vakantieregio = "noord"
    assert lesweken_venster_begin(world.school, D(2026, 3, 4), 4) == D(2026, 2, 2)
    assert lesweken_venster_begin(world.school, D(2026, 3, 4), 1) == D(2026, 3, 2)


@pytest.mark.django_db
def test_ontbrekend_schooljaar(world):
    with pytest.raises(OntbrekendeVakantiegegevens, match="2024-2025"):
        lesweken_tussen(world.school, D(2025, 6, 1), D(2025, 9, 30))


RIJKSOVERHEID_JSON = {
    "id": "x",
    "type": "Schoolvakanties",
    "content": [
        {
            "title": "Schoolvakanties 2027-2028",
            "schoolyear": "2027-2028 ",
            "vacations": [
                {
                    "type": "Herfstvakantie ",
                    "compulsorydates": "false",
                    "regions": [
                        {
                            "region": "noord",
                            "startdate": "2027-10-15T22:00:00.000Z",
                            "enddate": "2027-10-24T21:00:00.000Z",
                        },
                        {"region": "midden", "startdate": "2027-10-16", "enddate": "2027-10-24"},
                        {"region": "zuid", "startdate": "2027-10-16", "enddate": "2027-10-24"},
                    ],
                },
                {
                    "type": "Kerstvakantie",
                    "compulsorydates": "true",
                    "regions": [
                        {"region": "heel Nederland", "startdate": "2027-12-18", "enddate": "2028-01-02"},
                    ],
                },
            ],
        }
    ],
}


@pytest.mark.django_db
def test_import_rijksoverheid_json(tmp_path, capsys):
    """Fictitious future dates in the Rijksoverheid's format; UTC timestamps become Dutch dates."""
    pad = tmp_path / "vakanties.json"
    pad.write_text(json.dumps(RIJKSOVERHEID_JSON))
    call_command("importeer_schoolvakanties", str(pad), "--dry-run")
    assert "Proef: 6 toevoegen" in capsys.readouterr().out
    assert not SchoolVakantie.objects.filter(schooljaar="2027-2028").exists()
    call_command("importeer_schoolvakanties", str(pad))
    assert "6 vakantie(s) toegevoegd" in capsys.readouterr().out
    noord = SchoolVakantie.objects.get(schooljaar="2027-2028", soort="herfst", regio="noord")
    assert (noord.van, noord.tot) == (D(2027, 10, 16), D(2027, 10, 24))
    assert SchoolVakantie.objects.filter(schooljaar="2027-2028", soort="kerst").count() == 3
    call_command("importeer_schoolvakanties", str(pad))
    assert "0 vakantie(s) toegevoegd, 0 bijgewerkt, 6 ongewijzigd" in capsys.readouterr().out


@pytest.mark.django_db
def test_import_csv_werkt_bij(tmp_path, capsys):
    pad = tmp_path / "vakanties.csv"
    pad.write_text("schooljaar;vakantie;regio;van;tot\n2025-2026;meivakantie;noord;18-04-2026;03-05-2026\n")
    call_command("importeer_schoolvakanties", str(pad))
    assert "0 vakantie(s) toegevoegd, 1 bijgewerkt" in capsys.readouterr().out
    assert SchoolVakantie.objects.get(schooljaar="2025-2026", soort="mei", regio="noord").van == D(
        2026, 4, 18
    )


@pytest.mark.parametrize(
    "inhoud, fout",
    [
        pytest.param("schooljaar,vakantie,regio,van\n", "mist de kolom(men): tot", id="kolom ontbreekt"),
        pytest.param(
            "schooljaar,vakantie,regio,van,tot\n2027-2028,paasvakantie,noord,2028-04-01,2028-04-09\n",
            "Regel 2: Onbekende vakantie",
            id="onbekende vakantie",
        ),
        pytest.param(
            "schooljaar,vakantie,regio,van,tot\n2027-2028,zomer,oost,2028-07-01,2028-08-09\n",
            "Onbekende regio",
            id="onbekende regio",
        ),
        pytest.param(
            "schooljaar,vakantie,regio,van,tot\n2027-2028,zomer,noord,2028-08-09,2028-07-01\n",
            "laatste dag ligt vóór",
            id="tot voor van",
        ),
        pytest.param(
            "schooljaar,vakantie,regio,van,tot\n2027,zomer,noord,2028-07-01,2028-08-09\n",
            "Onleesbaar schooljaar",
            id="schooljaar",
        ),
    ],
)
@pytest.mark.django_db
def test_import_fouten(tmp_path, inhoud, fout):
    pad = tmp_path / "vakanties.csv"
    pad.write_text(inhoud)
    with pytest.raises(CommandError, match=fout.replace("(", r"\(").replace(")", r"\)")):
        call_command("importeer_schoolvakanties", str(pad))
    assert not SchoolVakantie.objects.filter(schooljaar="2027-2028").exists()


@pytest.mark.parametrize(
    "geboren, verwacht",
    [
        pytest.param(
            D(2020, 12, 3), D(2026, 1, 5), id="[Lpw art.3] 1 jan in de kerstvakantie → ma 5 jan 2026"
        ),
        pytest.param(D(2021, 1, 14), D(2026, 2, 2), id="[Lpw art.3] zo 1 feb → ma 2 feb 2026"),
        pytest.param(D(2021, 3, 9), D(2026, 4, 1), id="[Lpw art.3] wo 1 apr 2026 is een schooldag"),
        pytest.param(D(2021, 4, 30), D(2026, 5, 4), id="[Lpw art.3] 1 mei in de meivakantie → ma 4 mei 2026"),
    ],
)
@pytest.mark.django_db
def test_leerplicht_vanaf_eerste_schooldag(world, geboren, verwacht):
    """[Leerplichtwet art. 3, domain §10] leerplicht starts on the first school day of the month
    after the 5th birthday."""
    world.school.vakantieregio = "midden"
    assert eerste_schooldag(world.school, leerplichtig_vanaf(geboren)) == verwacht
