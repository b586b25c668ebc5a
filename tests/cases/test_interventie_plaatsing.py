"""Plaatsingsstroom: seed 000's order, skipped steps with a reason, doel/duur/middelen/akkoord, and
enrolment staying at the school of origin until a definitive placement, which moves it atomically
[000; domain §8]."""

from __future__ import annotations

from datetime import date
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cases.interventie.models.traject import InterventiePlaatsing, PlaatsingUitkomst
from cases.interventie.services import traject as svc
from cases.models import Inschrijving
from cases.models.organisaties import SchoolSoort
from tests.factories import SchoolFactory
from tests.factories.interventie import school_zelfde_bestuur, traject_in


def _plaats(traject, door, stap, school=None, redenen=None, **extra):
    velden = dict(
        setting="groep 6 met vaste begeleider",
        doel="Rust en voorspelbaarheid; terug naar een reguliere route",
        startdatum=date(2026, 2, 16),
        einddatum=date(2026, 3, 27),
        middelen="8 uur begeleiding per week door de gedragsspecialist; buddy",
        akkoord_ontvangende_school=True,
        akkoord_door="A. Ontvanger, directeur",
        akkoord_op=date(2026, 2, 12),
    )
    velden.update(extra)
    return svc.registreer_plaatsing(
        traject=traject, door=door, stap=stap, school=school, redenen_overslaan=redenen or {}, **velden
    )


@pytest.fixture
def traject(world):
    return traject_in(world, team=True, status="lopend")


def test_stap_overslaan_vraagt_reden_000(world, traject):
    """[000 plaatsingsstroom] the steps go in order; skipping steps 1 and 2 needs a reason for each."""
    tak = school_zelfde_bestuur(world)
    with pytest.raises(ValidationError) as exc:
        _plaats(
            traject, world.users["directeur"], 3, school=tak, redenen={1: "In de eigen klas escaleerde het"}
        )
    melding = exc.value.message_dict["redenen_overslaan"][0]
    assert "stap 2" in melding
    assert "stap 1" not in melding
    assert not InterventiePlaatsing.objects.exists()  # nothing half-written
    p = _plaats(
        traject,
        world.users["directeur"],
        3,
        school=tak,
        redenen={1: "In de eigen klas escaleerde het", 2: "Geen parallelgroep op deze school"},
    )
    stappen = list(traject.plaatsingen.order_by("stap").values_list("stap", "uitkomst", "reden_overslaan"))
    assert stappen == [
        (1, "overgeslagen", "In de eigen klas escaleerde het"),
        (2, "overgeslagen", "Geen parallelgroep op deze school"),
        (3, "lopend", ""),
    ]
    assert p.school == tak


def test_geprobeerde_stap_hoeft_geen_reden(world, traject):
    """Lotte: other class tried (failed), then another school of the same bestuur."""
    p2 = _plaats(traject, world.users["directeur"], 2, redenen={1: "Eigen klas lukte niet meer"})
    assert p2.school == world.school  # same school
    svc.beeindig_plaatsing(
        plaatsing=p2,
        door=world.users["directeur"],
        op=date(2026, 2, 20),
        toelichting="Ook in de andere groep liep de spanning op.",
    )
    p3 = _plaats(traject, world.users["bestuurder"], 3, school=school_zelfde_bestuur(world))
    assert p3.uitkomst == PlaatsingUitkomst.LOPEND


def test_een_plaatsing_tegelijk(world, traject):
    _plaats(traject, world.users["directeur"], 1)
    with pytest.raises(ValidationError, match="loopt nog een plaatsing"):
        _plaats(traject, world.users["directeur"], 2)


@pytest.mark.parametrize(
    "ontbreekt", ["setting", "doel", "middelen", "einddatum", "akkoord_ontvangende_school"]
)
def test_plaatsing_legt_doel_duur_middelen_akkoord_vast_000(world, traject, ontbreekt):
    """[000] a temporary placement records doel, duur and middelen, and the receiving school agrees."""
    waarde = (
        False if ontbreekt == "akkoord_ontvangende_school" else (None if ontbreekt == "einddatum" else "")
    )
    with pytest.raises(ValidationError) as exc:
        _plaats(traject, world.users["directeur"], 1, **{ontbreekt: waarde})
    assert ontbreekt in exc.value.message_dict


@pytest.mark.parametrize(
    "stap,welke,fout",
    [
        (3, "andere_bestuur", "ander bestuur"),
        (4, "zelfde_bestuur", "stap 3"),
        (3, "eigen", "andere school"),
        (6, "bao_andere_bestuur", "speciaal onderwijs"),
        (1, "andere_bestuur", "eigen school"),
    ],
)
def test_school_past_bij_de_stap(world, traject, stap, welke, fout):
    scholen = {
        "andere_bestuur": world.school2,
        "zelfde_bestuur": school_zelfde_bestuur(world),
        "eigen": world.school,
        "bao_andere_bestuur": world.school2,
    }
    redenen = {s: "niet passend" for s in range(1, stap)}
    with pytest.raises(ValidationError) as exc:
        _plaats(traject, world.users["directeur"], stap, school=scholen[welke], redenen=redenen)
    assert fout in exc.value.message_dict["school"][0]


def test_alleen_casusmanager_of_directeur_swv(world, traject):
    with pytest.raises(PermissionDenied):
        _plaats(traject, world.users["ib"], 1)


def test_plaatsing_pas_na_samenstellen_team(world):
    t = traject_in(world, team=True)
    with pytest.raises(ValidationError, match="team is samengesteld"):
        _plaats(t, world.users["directeur"], 1)


# --- enrolment [000: "Gedurende het traject blijft de leerling ingeschreven op de school van herkomst"] ---


def test_tijdelijke_plaatsing_laat_inschrijving_op_herkomst_000(world, traject):
    leerling = traject.leerling
    _plaats(
        traject,
        world.users["directeur"],
        3,
        school=school_zelfde_bestuur(world),
        redenen={1: "escalaties", 2: "geen parallelgroep"},
    )
    leerling.refresh_from_db()
    assert leerling.huidige_school == world.school
    assert Inschrijving.objects.filter(leerling=leerling).count() == 1


def test_definitieve_plaatsing_schrijft_in_en_uit_000(world, traject):
    """[000] definitive: enrolled at the receiving school, unenrolled at the old one (the day before)."""
    so = SchoolFactory(
        swv=world.swv, regio=world.regio, gemeente=world.gemeente, soort=SchoolSoort.SO, so_cluster=4
    )
    p = _plaats(
        traject, world.users["bestuurder"], 6, school=so, redenen={s: "niet passend" for s in range(1, 6)}
    )
    # [002 L194] [issue 16.1] refused without a TLV so, the message at the date field
    with pytest.raises(ValidationError) as exc:
        svc.plaats_definitief(plaatsing=p, door=world.users["bestuurder"], per=date(2026, 4, 7), groep=5)
    assert "TLV so" in exc.value.message_dict["per"][0]
    from tlv.demo_plaatsing import tlv_voor_plaatsing

    tlv_voor_plaatsing(
        leerling=traject.leerling,
        verwijzende_school=world.school,
        door=world.users["ib"],
        schoolsoort="so",
        categorie="laag",
        besluit_op=date(2026, 4, 1),
        ingang=date(2026, 4, 7),
    )
    p.refresh_from_db()
    svc.plaats_definitief(plaatsing=p, door=world.users["bestuurder"], per=date(2026, 4, 7), groep=5)
    leerling = traject.leerling
    leerling.refresh_from_db()
    assert leerling.huidige_school == so
    assert leerling.huidige_groep == 5
    oud, nieuw = Inschrijving.objects.filter(leerling=leerling).order_by("van")
    assert (oud.school, oud.tot) == (world.school, date(2026, 4, 6))
    assert (nieuw.school, nieuw.van, nieuw.tot) == (so, date(2026, 4, 7), None)
    p.refresh_from_db()
    assert p.uitkomst == PlaatsingUitkomst.DEFINITIEF
    assert p.definitief_per == date(2026, 4, 7)
    # The school of origin still sees the traject it is responsible for.
    traject.refresh_from_db()
    assert traject.school == world.school


def test_definitieve_plaatsing_is_een_transactie(world, traject):
    """In one transaction: when recording the outcome fails, the enrolment does not move either."""
    p = _plaats(
        traject,
        world.users["directeur"],
        3,
        school=school_zelfde_bestuur(world),
        redenen={1: "escalaties", 2: "geen parallelgroep"},
    )
    with mock.patch.object(InterventiePlaatsing, "save", side_effect=RuntimeError("schijf vol")):
        with pytest.raises(RuntimeError):
            svc.plaats_definitief(plaatsing=p, door=world.users["directeur"], per=date(2026, 4, 7), groep=5)
    leerling = traject.leerling
    leerling.refresh_from_db()
    assert leerling.huidige_school == world.school
    assert Inschrijving.objects.filter(leerling=leerling).count() == 1
    assert Inschrijving.objects.get(leerling=leerling).tot is None


def test_geen_definitieve_plaatsing_binnen_eigen_school(world, traject):
    p = _plaats(traject, world.users["directeur"], 2, redenen={1: "escalaties"})
    with pytest.raises(ValidationError, match="andere school"):
        svc.plaats_definitief(plaatsing=p, door=world.users["directeur"], per=date(2026, 4, 7), groep=5)


def test_evaluatie_pas_als_tijdelijke_plaatsing_een_uitkomst_heeft(world, traject):
    from django_fsm import TransitionNotAllowed

    p = _plaats(
        traject,
        world.users["directeur"],
        3,
        school=school_zelfde_bestuur(world),
        redenen={1: "escalaties", 2: "geen parallelgroep"},
    )
    with pytest.raises(TransitionNotAllowed):
        svc.voer_overgang_uit(traject=traject, overgang="naar_evaluatie", door=world.users["directeur"])
    svc.beeindig_plaatsing(
        plaatsing=p,
        door=world.users["directeur"],
        op=date(2026, 3, 27),
        toelichting="Doel bereikt; terug naar de eigen school.",
    )
    t = svc.voer_overgang_uit(traject=traject, overgang="naar_evaluatie", door=world.users["directeur"])
    assert t.status == "evaluatie"
