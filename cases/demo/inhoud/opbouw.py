"""The entry point of the demo dossiers: `bouw(wereld, *, leerlingen, stdout)`."""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from cases.demo.inhoud.bouwer import _Bouwer
from cases.demo.inhoud.generiek import STADIA, _generiek
from cases.demo.inhoud.personen import (
    ACHTERNAAM_BEGIN,
    ACHTERNAAM_EIND,
    OUDER_VOORNAMEN,
    SCENARIO_LEERLINGEN,
    VOORNAMEN_M,
    VOORNAMEN_V,
)
from cases.demo.inhoud.scenarios import SCENARIO_BOUWERS
from cases.models import (
    Inschrijving,
    Leerling,
    Ouder,
    School,
)
from cases.models.leerling import Geslacht
from cases.models.organisaties import SchoolSoort

# --- entry point ---------------------------------------------------------------------------------------


def _generieke_sleutels(n: int) -> list[tuple[str, str, date, str]]:
    rnd = random.Random(20260112)
    sleutels, gezien = [], set()
    while len(sleutels) < n:
        meisje = rnd.random() < 0.5
        voornaam = rnd.choice(VOORNAMEN_V if meisje else VOORNAMEN_M)
        achternaam = rnd.choice(ACHTERNAAM_BEGIN) + rnd.choice(ACHTERNAAM_EIND)
        geboren = date(2014, 9, 1) + timedelta(days=rnd.randint(0, 8 * 365))
        if (voornaam, achternaam, geboren) in gezien:
            continue
        gezien.add((voornaam, achternaam, geboren))
        sleutels.append((voornaam, achternaam, geboren, Geslacht.MEISJE if meisje else Geslacht.JONGEN))
    return sleutels


def _groep_voor(geboren: date, vandaag: date) -> int:
    leeftijd = vandaag.year - geboren.year - ((vandaag.month, vandaag.day) < (geboren.month, geboren.day))
    return max(1, min(8, leeftijd - 3))


@transaction.atomic
def bouw(wereld, *, leerlingen: int, stdout) -> None:
    vandaag = timezone.localdate()
    swv = wereld.swv
    scholen = {s.naam: s for s in School.objects.filter(swv=swv)}
    bestaand = set(Leerling.objects.filter(swv=swv).values_list("voornaam", "achternaam", "geboortedatum"))
    b = _Bouwer(wereld, vandaag)

    nieuw: list[tuple[Leerling, list[tuple[str, str]], list, object]] = []
    # scenario pupils
    for s in SCENARIO_LEERLINGEN.values():
        if (s.voornaam, s.achternaam, s.geboortedatum) in bestaand:
            continue
        school = scholen[s.school]
        ll = Leerling(
            swv=swv,
            voornaam=s.voornaam,
            achternaam=s.achternaam,
            geboortedatum=s.geboortedatum,
            geslacht=s.geslacht,
            woonplaats=school.gemeente.naam,
            gemeente=school.gemeente,
            thuistaal="Nederlands",
            huidige_school=school,
            huidige_groep=s.groep,
        )
        inschrijvingen = [(scholen[n], g, van, tot) for n, g, van, tot in s.eerdere_scholen]
        inschrijvingen.append((school, s.groep, s.van, None))
        nieuw.append((ll, s.ouders, inschrijvingen, (SCENARIO_BOUWERS[s.bouwer],)))

    # generic pupils, spread over the regular schools: a pupil on an sbo or so school needs a TLV
    # [002 L194], and the demo's sbo/so pupils are the scenario pupils whose TLV the demo builds.
    # The spread keeps its old rhythm (the sbo turns go to a regular school in the same gemeente
    # outside the TLV demo's school teams), so every other demo pupil stays where it was.
    from tlv.demo_inhoud import SCHOOLTEAMS

    rnd = random.Random(1412)
    doel = [sch for sch in scholen.values() if sch.soort in (SchoolSoort.BAO, SchoolSoort.SBO)]
    doel.sort(key=lambda sch: sch.brin)
    regulier = [sch for sch in doel if sch.soort == SchoolSoort.BAO and sch.naam not in SCHOOLTEAMS]
    in_plaats_van_sbo = {
        sch.pk: next(r for r in regulier if r.gemeente_id == sch.gemeente_id)
        for sch in doel
        if sch.soort == SchoolSoort.SBO
    }
    for i, (voornaam, achternaam, geboren, geslacht) in enumerate(_generieke_sleutels(leerlingen)):
        if (voornaam, achternaam, geboren) in bestaand:
            continue
        school = doel[i % len(doel)]
        school = in_plaats_van_sbo.get(school.pk, school)
        groep = _groep_voor(geboren, vandaag)
        ll = Leerling(
            swv=swv,
            voornaam=voornaam,
            achternaam=achternaam,
            geboortedatum=geboren,
            geslacht=geslacht,
            woonplaats=school.gemeente.naam,
            gemeente=school.gemeente,
            thuistaal=rnd.choice(["Nederlands", "Nederlands", "Nederlands", "Arabisch", "Pools", "Turks"]),
            huidige_school=school,
            huidige_groep=groep,
        )
        ouder_achternaam = achternaam
        moeder, vader = rnd.sample(OUDER_VOORNAMEN, 2)  # two different first names
        ouders = [(f"{moeder} {ouder_achternaam}", "moeder")]
        if rnd.random() < 0.7:
            ouders.append((f"{vader} {ouder_achternaam}", "vader"))
        van = date(geboren.year + 4, geboren.month, min(geboren.day, 28))
        nieuw.append((ll, ouders, [(school, groep, van, None)], (STADIA[i % len(STADIA)], random.Random(i))))

    if not nieuw:
        stdout.write("Demo-dossiers: alle leerlingen bestonden al; niets toegevoegd.")
        return

    aangemaakt = Leerling.objects.bulk_create([ll for ll, _, _, _ in nieuw])
    ouders_rijen, inschrijving_rijen = [], []
    for ll, (_, ouders, inschrijvingen, _) in zip(aangemaakt, nieuw, strict=True):
        for naam, relatie in ouders:
            ouders_rijen.append(
                Ouder(
                    leerling=ll,
                    naam=naam,
                    relatie=relatie,
                    gezag=True,
                    ontvangt_brieven=True,
                    adres=f"Demostraat {ll.pk % 97 + 1}",
                    postcode_plaats=f"9999 DM {ll.woonplaats}",
                    telefoon="06-00000000",
                    email=f"ouder{ll.pk}@demo.example",
                )
            )
        for school, groep, van, tot in inschrijvingen:
            inschrijving_rijen.append(Inschrijving(leerling=ll, school=school, groep=groep, van=van, tot=tot))
    Ouder.objects.bulk_create(ouders_rijen)
    Inschrijving.objects.bulk_create(inschrijving_rijen)
    for o in ouders_rijen:
        b.ouders_per_leerling.setdefault(o.leerling_id, []).append(o)

    for ll, (_, _, _, bouwer) in zip(aangemaakt, nieuw, strict=True):
        ouders = b.ouders_per_leerling.get(ll.pk, [])
        if callable(bouwer[0]):
            bouwer[0](b, ll, ouders)
        else:
            _generiek(b, ll, ouders, bouwer[0], bouwer[1])
    aantal_ot, aantal_opp, aantal_doc = b.opslaan()
    stdout.write(
        f"Demo-dossiers: {len(aangemaakt)} leerlingen, {aantal_ot} OT-verslagen, {aantal_opp} OPP-versies, "
        f"{aantal_doc} documenten."
    )
