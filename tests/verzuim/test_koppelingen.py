"""verzuim/ wired into the shared machinery: dossier timeline, beat task, LPA scope on measures."""

from datetime import date

import pytest

from cases.tijdlijn import tijdlijn
from tests.conftest import maak_rol
from tests.factories import GebruikerFactory
from tests.factories.verzuim import leerling_met_ouder
from verzuim.models import Schorsing
from verzuim.services import maatregelen as msvc
from verzuim.services import thuiszitters as tsvc
from verzuim.tasks import thuiszitters_sweep

D = date
pytestmark = pytest.mark.django_db


def _schorsing(world, dagen):
    ll = leerling_met_ouder(school=world.school, voornaam="Lotte")
    return msvc.schors(
        leerling=ll,
        van=D(2026, 2, 4),
        tot=D(2026, 2, 3 + dagen),
        aanleiding="Incident.",
        bestuur_akkoord_op=D(2026, 2, 3),
        gesprek_ouders_op=D(2026, 2, 5),
        ouders_geinformeerd_op=D(2026, 2, 3),
        door=world.users["directeur"],
        vandaag=D(2026, 2, 3),
    )


def test_schorsing_op_de_tijdlijn_van_het_dossier(world):
    s = _schorsing(world, 3)
    items = tijdlijn(s.leerling, user=world.users["ib"])
    item = next(i for i in items if i.soort == "Maatregel")
    assert item.titel.startswith("Schorsing t/m 06-02-2026 (3 dagen)")
    assert item.url == s.get_absolute_url()
    assert (
        next(i for i in tijdlijn(s.leerling, user=world.users["leerkracht"]) if i.soort == "Maatregel").url
        == ""
    )


def test_lpa_ziet_alleen_gemelde_schorsingen_van_de_eigen_gemeente_verzuimkaart(world):
    """[002 verzuimkaart] Longer than one day: reported to the LPA of the school's gemeente, who then sees
    it; a one-day schorsing is not reported; another gemeente's LPA sees nothing."""
    from verzuim.services.maatregelmeldingen import leg_melding_vast

    lang, kort = _schorsing(world, 3), _schorsing(world, 1)
    assert not Schorsing.objects.filter_for_user(world.users["lpa"]).exists()  # not yet reported
    leg_melding_vast(
        melding=lang.meldingen.get(ontvanger="leerplicht"),
        gemeld_op=D(2026, 2, 4),
        wijze="mail",
        door=world.users["directeur"],
        vandaag=D(2026, 2, 4),
    )
    assert list(Schorsing.objects.filter_for_user(world.users["lpa"])) == [lang]
    ander = GebruikerFactory(username="lpa_zuid")
    maak_rol(ander, "lpa", swv=world.swv, gemeente=world.school2.gemeente)
    assert not Schorsing.objects.filter_for_user(ander).exists()
    assert set(Schorsing.objects.filter_for_user(world.users["sc"])) == {lang, kort}


def test_beat_taak_opent_escalatie(world):
    ll = leerling_met_ouder(school=world.school, voornaam="Milan")
    tsvc.registreer_thuiszitter(
        leerling=ll,
        soort="relatief",
        thuis_sinds=D(2025, 11, 3),
        regie_bij="SC",
        door=world.users["sc"],
        vandaag=D(2025, 12, 1),
    )
    assert thuiszitters_sweep.delay("2026-01-20").get() == 1
    assert thuiszitters_sweep.delay("2026-01-21").get() == 0  # idempotent


def test_tijdlijn_toont_het_incident_niet_de_time_out_004_noot_2(world):
    """[004 Noot 2; issue 16.6] A time-out is an ordemaatregel, not a punishment: the dossier
    records the incident (what happened, on which date) with the time-out as the measure taken,
    not a 'Time-out' entry."""
    ll = leerling_met_ouder(school=world.school, voornaam="Lotte")
    t = msvc.registreer_time_out(
        leerling=ll,
        datum=D(2026, 2, 3),
        aanleiding="Gooide een stoel door de klas; twee kinderen liepen bijna letsel op.\nDaarna gesprek.",
        ouders_geinformeerd_op=D(2026, 2, 3),
        door=world.users["directeur"],
        vandaag=D(2026, 2, 3),
    )
    items = [i for i in tijdlijn(ll, user=world.users["ib"]) if i.url == t.get_absolute_url()]
    assert len(items) == 1
    item = items[0]
    assert item.datum == D(2026, 2, 3)
    assert item.soort == "Incident"
    assert item.titel == "Incident: Gooide een stoel door de klas; twee kinderen liepen bijna letsel op."
    assert item.status == "ordemaatregel: time-out (geen strafmaatregel)"
    assert not any(i.titel.startswith("Time-out") for i in tijdlijn(ll, user=world.users["ib"]))


def test_incident_kort_knipt_op_een_woord_004_noot_2():
    """[004 Noot 2] The timeline title carries the incident's first line, cut at a word; an empty
    description still names the incident."""
    from verzuim.navigatie import incident_kort

    lang = "woord " * 30
    kort = incident_kort(lang)
    assert kort.endswith(" …") and len(kort) <= 82 and "woor …" not in kort
    assert incident_kort("  \n") == "incident op school"
