"""Leerplicht starts on the first day of the month after the fifth birthday [002 L243; Lpw art. 3;
issue 16.2]: the 16-hour meldplicht, the verzuim counts and the thuiszitter categories apply to
leerplichtige pupils only. A school may record a younger child's absence; no melding term starts and
the product says why."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from cases.termijnen.models.termijnen import Termijn
from tests.factories.verzuim import leerling_met_ouder
from verzuim.navigatie import meldplicht
from verzuim.selectors import verzuimbeeld
from verzuim.services import thuiszitters as tsvc
from verzuim.services.meldingen import meld_verzuim, registreer_verzuim
from verzuim.termijnen import MELDING_16_UUR

D = date
pytestmark = pytest.mark.django_db


def _registreer(world, ll, dagen, *, vandaag, uren=4):
    for d in dagen:
        registreer_verzuim(
            leerling=ll,
            soort="ongeoorloofd",
            datum=d,
            uren=Decimal(uren),
            door=world.users["ib"],
            vandaag=vandaag,
        )


def test_vierjarige_verzuim_geregistreerd_zonder_meldtermijn_002_L243(world):
    """[002 L243; Lpw art. 3] A 4-year-old's 16 hours are recorded, but no meldplicht and no term
    arise; the page and a melding attempt say why, in plain Dutch."""
    ll = leerling_met_ouder(school=world.school, voornaam="Sara", geboortedatum=D(2021, 6, 15))
    _registreer(
        world, ll, (D(2026, 3, 2), D(2026, 3, 3), D(2026, 3, 4), D(2026, 3, 5)), vandaag=D(2026, 3, 5)
    )
    beeld = verzuimbeeld(user=world.users["ib"], leerling=ll, peildatum=D(2026, 3, 5))
    assert len(beeld.registraties) == 4
    assert beeld.zestien is None and beeld.uren_lopend == 0
    assert not beeld.leerplichtig
    assert beeld.geen_meldplicht_uitleg.startswith(
        "Nog niet leerplichtig tot wo 1 jul 2026: geen meldplicht."
    )
    assert not Termijn.objects.filter(soort=MELDING_16_UUR, leerling=ll).exists()
    with pytest.raises(ValidationError, match="Nog niet leerplichtig tot wo 1 jul 2026: geen meldplicht"):
        meld_verzuim(
            leerling=ll,
            soort="relatief",
            ouders_geinformeerd_op=D(2026, 3, 5),
            door=world.users["ib"],
            vandaag=D(2026, 3, 5),
        )


def test_zelfde_verzuim_van_een_leerplichtig_kind_start_wel_de_termijn_002_L243(world):
    """[002 L243] The control: the same hours of a leerplichtig child start the 16-hour term."""
    ll = leerling_met_ouder(school=world.school, voornaam="Noor", geboortedatum=D(2020, 6, 15))
    _registreer(
        world, ll, (D(2026, 3, 2), D(2026, 3, 3), D(2026, 3, 4), D(2026, 3, 5)), vandaag=D(2026, 3, 5)
    )
    assert Termijn.objects.filter(soort=MELDING_16_UUR, leerling=ll, start=D(2026, 3, 5)).exists()


@pytest.mark.parametrize(
    "geboren, eerste_dag",
    [
        pytest.param(D(2021, 3, 1), D(2026, 4, 1), id="[Lpw art.3] jarig op de 1e: pas de maand erna"),
        pytest.param(D(2021, 3, 31), D(2026, 4, 1), id="[Lpw art.3] jarig op de 31e"),
        pytest.param(D(2020, 12, 10), D(2026, 1, 1), id="[Lpw art.3] jarig in december: 1 januari"),
    ],
)
def test_verzuim_telt_vanaf_de_eerste_dag_van_de_leerplicht_002_L243(world, geboren, eerste_dag):
    """[002 L243; Lpw art. 3] Absence the day before leerplicht does not count, absence on the day does."""
    ll = leerling_met_ouder(school=world.school, voornaam="Daan", geboortedatum=geboren)
    dag_ervoor = D.fromordinal(eerste_dag.toordinal() - 1)
    for peil, leerplichtig in ((dag_ervoor, False), (eerste_dag, True)):
        beeld = verzuimbeeld(user=world.users["ib"], leerling=ll, peildatum=peil)
        assert beeld.leerplichtig is leerplichtig
        assert beeld.leerplichtig_vanaf == eerste_dag
        assert beeld.telt(peil) is leerplichtig
        assert bool(beeld.geen_meldplicht_uitleg) is not leerplichtig


def test_leerplichtig_tijdens_verzuimperiode_alleen_verzuim_vanaf_die_dag_telt_002_L243(world):
    """[002 L243; Lpw art. 21a] Born 10 Feb 2021: leerplichtig from 1 Mar 2026. 12 hours in the last
    week of February and 8 in March are 20 in four lesweken, but only March counts: no duty yet; two
    more days in March make 16."""
    ll = leerling_met_ouder(school=world.school, voornaam="Milan", geboortedatum=D(2021, 2, 10))
    _registreer(world, ll, (D(2026, 2, 24), D(2026, 2, 25), D(2026, 2, 26)), vandaag=D(2026, 2, 26))
    _registreer(world, ll, (D(2026, 3, 2), D(2026, 3, 3)), vandaag=D(2026, 3, 3))
    beeld = verzuimbeeld(user=world.users["ib"], leerling=ll, peildatum=D(2026, 3, 3))
    assert beeld.leerplichtig
    assert beeld.zestien is None
    assert beeld.uren_lopend == Decimal(8)
    assert not Termijn.objects.filter(soort=MELDING_16_UUR, leerling=ll).exists()
    _registreer(world, ll, (D(2026, 3, 4), D(2026, 3, 5)), vandaag=D(2026, 3, 5))
    beeld = verzuimbeeld(user=world.users["ib"], leerling=ll, peildatum=D(2026, 3, 5))
    assert beeld.zestien.bereikt_op == D(2026, 3, 5)
    assert beeld.zestien.uren == Decimal(16)
    m = meld_verzuim(
        leerling=ll,
        soort="zestien_uur",
        ouders_geinformeerd_op=D(2026, 3, 5),
        door=world.users["ib"],
        vandaag=D(2026, 3, 5),
    )
    assert m.uren == Decimal(16)  # the February hours stayed out


def test_relatief_verzuim_melding_telt_alleen_leerplichtige_dagen_002_L243(world):
    """[002 L243] A relatief-verzuim melding reports only the hours since leerplicht began."""
    ll = leerling_met_ouder(school=world.school, voornaam="Yara", geboortedatum=D(2021, 2, 10))
    _registreer(world, ll, (D(2026, 2, 26), D(2026, 3, 2)), vandaag=D(2026, 3, 2), uren=2)
    m = meld_verzuim(
        leerling=ll,
        soort="relatief",
        ouders_geinformeerd_op=D(2026, 3, 2),
        door=world.users["ib"],
        vandaag=D(2026, 3, 2),
    )
    assert (m.periode_van, m.uren) == (D(2026, 3, 2), Decimal(2))


@time_machine.travel("2026-03-05 10:00 +0100", tick=False)
def test_meldplicht_paneel_en_pagina_vierjarige_002_L243(world, client):
    """[002 L243] 'Mijn werk' lists no meldplicht for the 4-year-old; the verzuim page says why."""
    from cases.scope import scope_for

    ll = leerling_met_ouder(school=world.school, voornaam="Sara", geboortedatum=D(2021, 6, 15))
    _registreer(
        world, ll, (D(2026, 3, 2), D(2026, 3, 3), D(2026, 3, 4), D(2026, 3, 5)), vandaag=D(2026, 3, 5)
    )
    assert meldplicht(world.users["ib"], scope_for(world.users["ib"])) is None
    client.force_login(world.users["ib"])
    pagina = client.get(reverse("verzuim:leerling", kwargs={"leerling_id": ll.pk})).content.decode()
    assert "Nog niet leerplichtig tot wo 1 jul 2026: geen meldplicht" in pagina
    assert "Meldplicht ontstaan op" not in pagina
    assert 'value="meld"' not in pagina  # no melding form for a child without meldplicht


def test_thuiszitter_telt_pas_vanaf_de_leerplicht_002_L243(world):
    """[002 L243; 002 bijlage 2.4.2] The thuiszitter categories count days of a leerplichtig child:
    'thuis sinds' before leerplicht is refused with the date to use; from that date it is accepted."""
    ll = leerling_met_ouder(school=world.school, voornaam="Sem", geboortedatum=D(2020, 10, 3))
    kwargs = dict(
        leerling=ll, soort="relatief", regie_bij="SC", door=world.users["sc"], vandaag=D(2026, 3, 1)
    )
    with pytest.raises(ValidationError) as exc:
        tsvc.registreer_thuiszitter(thuis_sinds=D(2025, 10, 15), **kwargs)
    assert "Nog niet leerplichtig tot za 1 nov 2025" in str(exc.value.message_dict["thuis_sinds"])
    t = tsvc.registreer_thuiszitter(thuis_sinds=D(2025, 11, 1), **kwargs)
    assert t.thuis_sinds == D(2025, 11, 1)
