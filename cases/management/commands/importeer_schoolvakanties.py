"""Import school holidays from the Rijksoverheid's open data (JSON) or a CSV [domain §11].

    manage.py importeer_schoolvakanties schoolvakanties-2027-2028.json
    manage.py importeer_schoolvakanties vakanties.csv
    manage.py importeer_schoolvakanties --url https://opendata.rijksoverheid.nl/v1/infotypes/schoolholidays/schoolyear/2027-2028?output=json

JSON: the Rijksoverheid's format (content[].schoolyear, content[].vacations[].type and
.regions[] with region noord/midden/zuid/"heel Nederland", startdate, enddate as ISO dates or
UTC timestamps, converted to the date in Europe/Amsterdam). CSV (comma or semicolon): columns
schooljaar, vakantie, regio, van, tot (dates as 2027-10-16 or 16-10-2027); regio may be "heel
Nederland". Existing rows for the same school year, holiday and regio are updated; the command
is idempotent and prints what it did. With --dry-run nothing is written.
"""

from __future__ import annotations

import csv
import io
import json
import urllib.request
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cases.models.organisaties import VakantieRegio
from cases.termijnen.models.vakanties import SchoolVakantie, VakantieSoort

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
REGIOS = [r.value for r in VakantieRegio]
SOORT_WOORDEN = {
    "herfst": VakantieSoort.HERFST,
    "kerst": VakantieSoort.KERST,
    "voorjaar": VakantieSoort.VOORJAAR,
    "krokus": VakantieSoort.VOORJAAR,
    "carnaval": VakantieSoort.VOORJAAR,
    "mei": VakantieSoort.MEI,
    "zomer": VakantieSoort.ZOMER,
}


def _soort(tekst: str) -> str:
    tekst = tekst.strip().lower()
    for woord, soort in SOORT_WOORDEN.items():
        if tekst.startswith(woord):
            return soort
    raise CommandError(
        f"Onbekende vakantie {tekst!r}: verwacht herfst-, kerst-, voorjaars-, mei- of zomervakantie."
    )


def _regios(tekst: str) -> list[str]:
    tekst = tekst.strip().lower()
    if tekst in ("heel nederland", "nederland", "alle", "alle regio's", "landelijk"):
        return REGIOS
    if tekst.startswith("regio "):
        tekst = tekst[6:]
    if tekst not in REGIOS:
        raise CommandError(f"Onbekende regio {tekst!r}: verwacht noord, midden, zuid of heel Nederland.")
    return [tekst]


def _datum(tekst: str) -> date:
    tekst = tekst.strip()
    if "T" in tekst:
        moment = datetime.fromisoformat(tekst.replace("Z", "+00:00"))
        if moment.tzinfo is not None:
            moment = moment.astimezone(AMSTERDAM)
        return moment.date()
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(tekst, fmt).date()
        except ValueError:
            continue
    raise CommandError(f"Onleesbare datum {tekst!r}: gebruik 2027-10-16 of 16-10-2027.")


def _schooljaar(tekst: str) -> str:
    tekst = tekst.strip().replace("/", "-")
    delen = tekst.split("-")
    if (
        len(delen) != 2
        or not all(d.isdigit() and len(d) == 4 for d in delen)
        or int(delen[1]) != int(delen[0]) + 1
    ):
        raise CommandError(f"Onleesbaar schooljaar {tekst!r}: gebruik bijvoorbeeld 2027-2028.")
    return tekst


def lees_json(data: str) -> list[dict]:
    try:
        document = json.loads(data)
    except json.JSONDecodeError as exc:
        raise CommandError(f"Dit is geen geldige JSON: {exc}") from exc
    blokken = document.get("content", []) if isinstance(document, dict) else document
    rijen = []
    for blok in blokken:
        schooljaar = _schooljaar(str(blok.get("schoolyear", "")))
        for vakantie in blok.get("vacations", []):
            soort = _soort(str(vakantie.get("type", "")))
            for regio in vakantie.get("regions", []):
                for r in _regios(str(regio.get("region", ""))):
                    rijen.append(
                        {
                            "schooljaar": schooljaar,
                            "soort": soort,
                            "regio": r,
                            "van": _datum(regio["startdate"]),
                            "tot": _datum(regio["enddate"]),
                        }
                    )
    return rijen


def lees_csv(data: str) -> list[dict]:
    dialect = csv.Sniffer().sniff(data.splitlines()[0], delimiters=",;\t") if data.strip() else csv.excel
    lezer = csv.DictReader(io.StringIO(data), dialect=dialect)
    verplicht = {"schooljaar", "vakantie", "regio", "van", "tot"}
    kolommen = {k.strip().lower() for k in (lezer.fieldnames or [])}
    if not verplicht <= kolommen:
        raise CommandError(f"De CSV mist de kolom(men): {', '.join(sorted(verplicht - kolommen))}.")
    rijen = []
    for nummer, ruw in enumerate(lezer, start=2):
        rij = {k.strip().lower(): (v or "").strip() for k, v in ruw.items() if k}
        try:
            for r in _regios(rij["regio"]):
                rijen.append(
                    {
                        "schooljaar": _schooljaar(rij["schooljaar"]),
                        "soort": _soort(rij["vakantie"]),
                        "regio": r,
                        "van": _datum(rij["van"]),
                        "tot": _datum(rij["tot"]),
                    }
                )
        except CommandError as exc:
            raise CommandError(f"Regel {nummer}: {exc}") from exc
    return rijen


class Command(BaseCommand):
    help = "Importeer schoolvakanties (Rijksoverheid-JSON of CSV) per regio en schooljaar."

    def add_arguments(self, parser):
        parser.add_argument("bestand", nargs="?", help="Pad naar een .json- of .csv-bestand.")
        parser.add_argument("--url", help="Haal de JSON op van deze URL (open data Rijksoverheid).")
        parser.add_argument("--dry-run", action="store_true", help="Alleen tonen, niets opslaan.")

    def handle(self, *args, bestand=None, url=None, dry_run=False, **options):
        if bool(bestand) == bool(url):
            raise CommandError("Geef een bestand óf --url op.")
        if url:
            if not url.startswith("https://"):
                raise CommandError("Gebruik een https-adres.")
            with urllib.request.urlopen(url, timeout=30) as antwoord:  # noqa: S310 (https only, checked above)
                data, bron = antwoord.read().decode("utf-8"), url
            rijen = lees_json(data)
        else:
            pad = Path(bestand)
            if not pad.is_file():
                raise CommandError(f"Bestand {bestand} bestaat niet.")
            data, bron = pad.read_text(encoding="utf-8-sig"), pad.name
            rijen = (
                lees_json(data)
                if pad.suffix.lower() == ".json" or data.lstrip().startswith("{")
                else lees_csv(data)
            )
        if not rijen:
            raise CommandError("Geen vakanties gevonden in de invoer.")
        for rij in rijen:
            if rij["tot"] < rij["van"]:
                raise CommandError(
                    f"{rij['soort']} {rij['schooljaar']} regio {rij['regio']}: "
                    "de laatste dag ligt vóór de eerste."
                )
        nieuw = bijgewerkt = 0
        with transaction.atomic():
            for rij in rijen:
                bestaand = SchoolVakantie.objects.filter(
                    schooljaar=rij["schooljaar"], soort=rij["soort"], regio=rij["regio"]
                ).first()
                if bestaand is None:
                    nieuw += 1
                    if not dry_run:
                        SchoolVakantie.objects.create(**rij, bron=f"import {bron}"[:200])
                elif (bestaand.van, bestaand.tot) != (rij["van"], rij["tot"]):
                    bijgewerkt += 1
                    if not dry_run:
                        bestaand.van, bestaand.tot, bestaand.bron = (
                            rij["van"],
                            rij["tot"],
                            f"import {bron}"[:200],
                        )
                        bestaand.save(update_fields=["van", "tot", "bron"])
        ongewijzigd = len(rijen) - nieuw - bijgewerkt
        if dry_run:
            self.stdout.write(f"Proef: {nieuw} toevoegen, {bijgewerkt} bijwerken, {ongewijzigd} ongewijzigd.")
        else:
            self.stdout.write(
                f"{nieuw} vakantie(s) toegevoegd, {bijgewerkt} bijgewerkt, {ongewijzigd} ongewijzigd."
            )
