"""School holidays per vakantieregio as published by the Rijksoverheid [domain §11].

2025-2026 complete. 2026-2027 only the dates that could be confirmed when this was written
(herfst- and kerstvakantie for all regions, voorjaars- and zomervakantie for regio zuid); a
beheerder imports the rest with `manage.py importeer_schoolvakanties`. Until a school year has all
five holidays for a regio, lesweken in that year are not counted (cases.termijnen.selectors).
"""

from datetime import date

from django.db import migrations

BRON_2025 = "Rijksoverheid, schoolvakanties 2025-2026"
BRON_2026 = "Rijksoverheid, schoolvakanties 2026-2027 (bevestigde data)"
ALLE = ("noord", "midden", "zuid")

VAKANTIES = [
    # (schooljaar, soort, regio's, van, tot, bron)
    ("2025-2026", "herfst", ("noord", "midden"), date(2025, 10, 18), date(2025, 10, 26), BRON_2025),
    ("2025-2026", "herfst", ("zuid",), date(2025, 10, 11), date(2025, 10, 19), BRON_2025),
    ("2025-2026", "kerst", ALLE, date(2025, 12, 20), date(2026, 1, 4), BRON_2025),
    ("2025-2026", "voorjaar", ("noord",), date(2026, 2, 21), date(2026, 3, 1), BRON_2025),
    ("2025-2026", "voorjaar", ("midden", "zuid"), date(2026, 2, 14), date(2026, 2, 22), BRON_2025),
    ("2025-2026", "mei", ALLE, date(2026, 4, 25), date(2026, 5, 3), BRON_2025),
    ("2025-2026", "zomer", ("noord",), date(2026, 7, 4), date(2026, 8, 16), BRON_2025),
    ("2025-2026", "zomer", ("midden",), date(2026, 7, 18), date(2026, 8, 30), BRON_2025),
    ("2025-2026", "zomer", ("zuid",), date(2026, 7, 11), date(2026, 8, 23), BRON_2025),
    ("2026-2027", "herfst", ("noord",), date(2026, 10, 10), date(2026, 10, 18), BRON_2026),
    ("2026-2027", "herfst", ("midden", "zuid"), date(2026, 10, 17), date(2026, 10, 25), BRON_2026),
    ("2026-2027", "kerst", ALLE, date(2026, 12, 19), date(2027, 1, 3), BRON_2026),
    ("2026-2027", "voorjaar", ("zuid",), date(2027, 2, 6), date(2027, 2, 14), BRON_2026),
    ("2026-2027", "zomer", ("zuid",), date(2027, 7, 17), date(2027, 8, 29), BRON_2026),
]


def laad(apps, schema_editor):
    SchoolVakantie = apps.get_model("cases", "SchoolVakantie")
    for schooljaar, soort, regios, van, tot, bron in VAKANTIES:
        for regio in regios:
            SchoolVakantie.objects.update_or_create(
                schooljaar=schooljaar,
                soort=soort,
                regio=regio,
                defaults={"van": van, "tot": tot, "bron": bron},
            )


def verwijder(apps, schema_editor):
    SchoolVakantie = apps.get_model("cases", "SchoolVakantie")
    SchoolVakantie.objects.filter(bron__in=[BRON_2025, BRON_2026]).delete()


class Migration(migrations.Migration):
    dependencies = [("cases", "0005_termijnen")]

    operations = [migrations.RunPython(laad, verwijder)]
