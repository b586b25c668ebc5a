"""Absoluut verzuim [002 L252-258; issue 16.14]: the LPA registers a leerplichtig child of his
gemeente who is enrolled nowhere (no enrolment needed); every in- and uitschrijving is the school's
task to report to DUO within 7 days [002 L252; Leerplichtwet art. 18]. The LPA sees only his own
gemeente's children, also across SWVs."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from cases.models import Leerling
from cases.services.inschrijving import schrijf_in, schrijf_uit
from cases.termijnen.models.termijnen import Termijn, TermijnStatus
from tests.conftest import maak_rol
from tests.factories import GebruikerFactory, GemeenteFactory
from tests.factories.verzuim import leerling_met_ouder
from verzuim.models import Verzuimmelding
from verzuim.services.absoluut import registreer_absoluut_verzuim
from verzuim.services.duo import duo_gemeld
from verzuim.termijnen import DUO_MELDING

D = date
pytestmark = pytest.mark.django_db


def _registreer(world, door=None, **extra):
    velden = dict(
        gemeente=world.school.gemeente,
        voornaam="Yara",
        achternaam="Zwerver",
        geboortedatum=D(2018, 5, 1),
        sinds=D(2026, 1, 5),
        toelichting="Gezin verhuisd uit het buitenland; kind gaat niet naar school.",
        door=door or world.users["lpa"],
        vandaag=D(2026, 2, 2),
    )
    velden.update(extra)
    return registreer_absoluut_verzuim(**velden)


def test_lpa_legt_absoluut_verzuim_vast_zonder_inschrijving_002_L252(world):
    """[002 L252-258] A child enrolled nowhere: the LPA registers it; no school, the child is created
    in his gemeente, the melding is in his hands."""
    m = _registreer(world)
    assert m.school is None and m.soort == "absoluut"
    assert m.gemeente == world.school.gemeente
    assert m.status == "in_behandeling" and m.behandeld_door == world.users["lpa"]
    assert m.plicht_ontstaan_op == D(2026, 1, 5)
    ll = m.leerling
    assert (ll.huidige_school_id, ll.gemeente, ll.swv) == (None, world.school.gemeente, world.swv)
    assert list(Verzuimmelding.objects.filter_for_user(world.users["lpa"])) == [m]
    with pytest.raises(ValidationError, match="al absoluut verzuim open"):
        _registreer(world)


def test_absoluut_verzuim_alleen_voor_een_niet_ingeschreven_kind_002_L252(world):
    """[002 L252] An enrolled child is relatief verzuim, reported by the school."""
    ll = leerling_met_ouder(school=world.school, voornaam="Sem", gemeente=world.school.gemeente)
    with pytest.raises(ValidationError, match="staat ingeschreven op een school"):
        _registreer(world, voornaam="Sem", achternaam=ll.achternaam, geboortedatum=ll.geboortedatum)


def test_absoluut_verzuim_alleen_voor_een_leerplichtig_kind_002_L243(world):
    """[002 L243; Lpw art. 3] A 4-year-old enrolled nowhere is no absoluut verzuim; the period
    starts no earlier than leerplicht."""
    with pytest.raises(ValidationError) as exc:
        _registreer(world, geboortedatum=D(2021, 6, 15))
    assert "Nog niet leerplichtig tot wo 1 jul 2026" in exc.value.message_dict["geboortedatum"][0]
    with pytest.raises(ValidationError) as exc:
        _registreer(world, geboortedatum=D(2020, 10, 3), sinds=D(2025, 10, 1))
    assert "leerplichtig vanaf za 1 nov 2025" in exc.value.message_dict["sinds"][0]


def test_lpa_alleen_eigen_gemeente_ook_over_swv_heen_002_L252(world):
    """[issue 16.14; domain §2] Another gemeente's LPA and SWV B's LPA neither register for nor see
    this gemeente's child; a school cannot register absoluut verzuim."""
    m = _registreer(world)
    ander = GebruikerFactory(username="lpa_elders")
    maak_rol(ander, "lpa", swv=world.swv, gemeente=world.school2.gemeente)
    lpa_b = GebruikerFactory(username="lpa_swv_b")
    maak_rol(lpa_b, "lpa", swv=world.swv_b, gemeente=GemeenteFactory(swv=world.swv_b))
    for wie in (ander, lpa_b):
        assert not Verzuimmelding.objects.filter_for_user(wie).filter(pk=m.pk).exists()
        with pytest.raises(PermissionDenied):
            _registreer(world, door=wie, voornaam="Tim")
    with pytest.raises(PermissionDenied):
        _registreer(world, door=world.users["ib"], voornaam="Tim")
    assert not Leerling.objects.filter(voornaam="Tim").exists()


@time_machine.travel("2026-02-02 10:00 +0100", tick=False)
def test_lpa_via_de_pagina_fout_behoudt_invoer(world, client):
    """[issue 16.14] Bad input: a Dutch message and the input kept; then the melding page opens."""
    client.force_login(world.users["lpa"])
    url = reverse("verzuim:absoluut_nieuw")
    data = {
        "gemeente": world.school.gemeente.pk,
        "voornaam": "Yara",
        "achternaam": "Zwerver",
        "geboortedatum": "2018-05-01",
        "sinds": "",
        "toelichting": "Niet ingeschreven na verhuizing.",
    }
    resp = client.post(url, data)
    assert resp.status_code == 200
    html = resp.content.decode()
    assert "sinds wanneer het kind nergens staat ingeschreven" in html
    assert "Niet ingeschreven na verhuizing." in html
    resp = client.post(url, {**data, "sinds": "2026-01-05"})
    m = Verzuimmelding.objects.get()
    assert resp["Location"] == m.get_absolute_url()
    assert "nergens ingeschreven" in client.get(m.get_absolute_url()).content.decode()
    assert "Zwerver" in client.get(reverse("verzuim:meldingen")).content.decode()


def test_in_en_uitschrijving_zijn_duo_taak_van_de_school_7_dagen_002_L252(world):
    """[002 L252; Lpw art. 18] Enrolment and leaving each give the school concerned a task to report
    to DUO within 7 days (Atw: a term ending on a weekend moves to Monday)."""
    ll = Leerling.objects.create(
        swv=world.swv, voornaam="Noor", achternaam="Nieuw", geboortedatum=D(2018, 1, 1)
    )
    schrijf_in(leerling=ll, school=world.school, groep=3, van=D(2026, 2, 2))  # Monday
    t_in = Termijn.objects.get(soort=DUO_MELDING, leerling=ll)
    assert (t_in.school, t_in.start, t_in.einde, t_in.status) == (
        world.school,
        D(2026, 2, 2),
        D(2026, 2, 9),
        "lopend",
    )
    assert ",ib," in t_in.verantwoordelijken and ",directeur," in t_in.verantwoordelijken
    schrijf_in(leerling=ll, school=world.school2, groep=3, van=D(2026, 3, 2))  # move: out of A1, into A2
    taken = {(t.school_id, t.start) for t in Termijn.objects.filter(soort=DUO_MELDING, leerling=ll)}
    assert taken == {
        (world.school.pk, D(2026, 2, 2)),
        (world.school.pk, D(2026, 3, 1)),
        (world.school2.pk, D(2026, 3, 2)),
    }
    schrijf_uit(leerling=ll, tot=D(2026, 4, 3))
    uit = Termijn.objects.get(soort=DUO_MELDING, leerling=ll, start=D(2026, 4, 3))
    assert (uit.school, uit.einde) == (world.school2, D(2026, 4, 10))


def test_school_legt_duo_melding_vast_alleen_eigen_school(world):
    """[002 L252] The school records the day it reported; another school's IB'er cannot; twice is refused."""
    ll = leerling_met_ouder(school=world.school, voornaam="Fenna")
    schrijf_uit(leerling=ll, tot=D(2026, 3, 13))
    t = Termijn.objects.get(soort=DUO_MELDING, leerling=ll, status="lopend")
    with pytest.raises(PermissionDenied):
        duo_gemeld(termijn=t, gemeld_op=D(2026, 3, 16), door=world.ib_a2)
    with pytest.raises(ValidationError, match="vóór de in- of uitschrijving"):
        duo_gemeld(termijn=t, gemeld_op=D(2026, 3, 12), door=world.users["ib"])
    t = duo_gemeld(termijn=t, gemeld_op=D(2026, 3, 16), door=world.users["ib"])
    assert (t.status, t.afgerond_op) == (TermijnStatus.VOLDAAN, D(2026, 3, 16))
    with pytest.raises(ValidationError, match="al vastgelegd"):
        duo_gemeld(termijn=t, gemeld_op=D(2026, 3, 16), door=world.users["ib"])


def test_duo_pagina_toont_taak_en_legt_vast(world, client, django_assert_max_num_queries):
    """[002 L252] The school's page lists the open DUO tasks (constant queries) and records one."""
    for i in range(3):
        schrijf_uit(leerling=leerling_met_ouder(school=world.school, voornaam=f"Kind{i}"), tot=D(2026, 3, 13))
    client.force_login(world.users["directeur"])
    url = reverse("verzuim:duo_meldingen")
    client.get(url)
    with django_assert_max_num_queries(15):
        html = client.get(url).content.decode()
    assert html.count("uitschrijving melden aan DUO") == 3
    t = Termijn.objects.filter(soort=DUO_MELDING, status="lopend").first()
    resp = client.post(reverse("verzuim:duo_gemeld", kwargs={"pk": t.pk}), {"gemeld_op": "2026-03-16"})
    assert resp.status_code == 302
    t.refresh_from_db()
    assert t.status == TermijnStatus.VOLDAAN
    client.force_login(world.ib_a2)
    assert "Kind0" not in client.get(url).content.decode()
