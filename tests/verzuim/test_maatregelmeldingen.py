"""Meldingen that leave the product [002 L287-296; 004 L618-637; WPO art. 40c; issue 16.11]: a
schorsing of more than one day and every verwijdering are reported by the school to leerplicht and
the inspectie. The product makes it a task with its term, generates the melding and records who
reported when and how; it never stamps 'gemeld' itself."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from cases.models.brieven import Brief
from cases.services.brieven import brief_html, render_brief
from cases.termijnen.models.termijnen import Termijn, TermijnStatus
from tests.conftest import maak_rol
from tests.factories import GebruikerFactory
from tests.factories.verzuim import leerling_met_ouder
from verzuim.models import MaatregelMelding
from verzuim.services import maatregelen as msvc
from verzuim.services import verwijdering as vsvc
from verzuim.services.maatregelmeldingen import leg_melding_vast, termijn_van
from verzuim.termijnen import MELDING_MAATREGEL

D = date
pytestmark = pytest.mark.django_db


def _schors(world, dagen, voornaam="Lotte"):
    return msvc.schors(
        leerling=leerling_met_ouder(school=world.school, voornaam=voornaam),
        van=D(2026, 2, 4),
        tot=D(2026, 2, 3 + dagen),
        aanleiding="Medeleerling omvergeduwd en gewond.",
        bestuur_akkoord_op=D(2026, 2, 3),
        gesprek_ouders_op=D(2026, 2, 5),
        ouders_geinformeerd_op=D(2026, 2, 3),
        onderwijs_tijdens="Dagelijks werk mee naar huis.",
        door=world.users["directeur"],
        vandaag=D(2026, 2, 3),
    )


@pytest.mark.parametrize(
    "dagen, aantal",
    [
        pytest.param(1, 0, id="[002 L287-296] 1 dag: geen melding"),
        pytest.param(2, 2, id="[002 L287-296] 2 dagen: leerplicht en inspectie"),
        pytest.param(7, 2, id="[WPO art. 40c] 7 dagen: leerplicht en inspectie"),
    ],
)
def test_schorsing_langer_dan_een_dag_wordt_taak_voor_de_school_002_L287(world, dagen, aantal):
    """[002 L287-296; WPO art. 40c] More than one day: a melding to leerplicht and one to the
    inspectie, each an open task for the school; one day: recorded, no melding. Never stamped."""
    s = _schors(world, dagen)
    assert s.lpa_gemeld_op is None and s.inspectie_gemeld_op is None
    meldingen = list(s.meldingen.order_by("ontvanger"))
    assert [m.ontvanger for m in meldingen] == (["inspectie", "leerplicht"] if aantal else [])
    assert all(not m.is_gemeld for m in meldingen)
    termijnen = Termijn.objects.filter(soort=MELDING_MAATREGEL, leerling=s.leerling)
    assert termijnen.count() == aantal
    for t in termijnen:
        assert t.status == TermijnStatus.LOPEND
        assert t.school == world.school
        assert t.einde == D(2026, 2, 10)  # 5 werkdagen after the decision of Tue 3 Feb
        assert ",directeur," in t.verantwoordelijken and ",ib," in t.verantwoordelijken


def test_melding_pdf_bevat_wat_de_inspectie_vraagt_004_L618(world):
    """[004 L618-637; issue 16.11] The generated melding carries school, BRIN, leerling, dates,
    duration, reason and the measures taken, addressed to the inspectie."""
    s = _schors(world, 3)
    m = s.meldingen.get(ontvanger="inspectie")
    brief = Brief.objects.get(object_id=m.pk, soort="melding_schorsing")
    assert brief.geadresseerden[0]["naam"] == "Inspectie van het Onderwijs"
    html = brief_html(brief)
    for verwacht in (
        world.school.naam,
        world.school.brin_vestiging,
        s.leerling.volledige_naam,
        "woensdag 4 februari 2026",
        "vrijdag 6 februari 2026",
        "3 dagen",
        "Medeleerling omvergeduwd en gewond.",
        "Dagelijks werk mee naar huis.",
        "5 februari 2026",  # gesprek met ouders
    ):
        assert verwacht in html, verwacht
    assert render_brief(brief.pk).is_gerenderd  # the PDF through the letter machinery


def test_school_legt_vast_wie_wanneer_en_hoe_meldde_004_L618(world):
    """[004 L618-637] The school records date, way and reference; the term is met, the measure's
    'gemeld op' follows; the LPA sees it from then on; it cannot be recorded twice."""
    s = _schors(world, 3)
    m = s.meldingen.get(ontvanger="leerplicht")
    lpa = world.users["lpa"]
    assert not MaatregelMelding.objects.filter_for_user(lpa).exists()
    leg_melding_vast(
        melding=m,
        gemeld_op=D(2026, 2, 5),
        wijze="portaal",
        kenmerk="VL-2026-0042",
        door=world.users["ib"],
        vandaag=D(2026, 2, 5),
    )
    m.refresh_from_db()
    s.refresh_from_db()
    assert (m.gemeld_op, m.wijze, m.kenmerk, m.gemeld_door) == (
        D(2026, 2, 5),
        "portaal",
        "VL-2026-0042",
        world.users["ib"],
    )
    assert s.lpa_gemeld_op == D(2026, 2, 5) and s.inspectie_gemeld_op is None
    t = termijn_van(m)
    assert (t.status, t.afgerond_op) == (TermijnStatus.VOLDAAN, D(2026, 2, 5))
    assert termijn_van(s.meldingen.get(ontvanger="inspectie")).status == TermijnStatus.LOPEND
    assert list(MaatregelMelding.objects.filter_for_user(lpa)) == [m]  # not the inspectie one
    with pytest.raises(ValidationError, match="al vastgelegd"):
        leg_melding_vast(melding=m, gemeld_op=D(2026, 2, 5), wijze="mail", door=world.users["ib"])


def test_melding_vastleggen_weigert_met_reden(world):
    """[issue 16.11] Dutch refusals: no date, a date in the future or before the decision, no way."""
    m = _schors(world, 3).meldingen.get(ontvanger="inspectie")
    d = world.users["directeur"]
    gevallen = [
        (None, "mail", "gemeld_op", "op welke dag"),
        (D(2026, 2, 9), "mail", "gemeld_op", "toekomst"),
        (D(2026, 2, 2), "mail", "gemeld_op", "vóór het besluit"),
        (D(2026, 2, 4), "", "wijze", "portaal, per e-mail of per brief"),
    ]
    for gemeld_op, wijze, veld, tekst in gevallen:
        with pytest.raises(ValidationError) as exc:
            leg_melding_vast(melding=m, gemeld_op=gemeld_op, wijze=wijze, door=d, vandaag=D(2026, 2, 5))
        assert tekst in " ".join(exc.value.message_dict[veld])
    m.refresh_from_db()
    assert not m.is_gemeld


def test_alleen_de_eigen_school_legt_de_melding_vast(world):
    """[issue 16.11] Done by the school: the LPA and another school's IB'er cannot record it."""
    m = _schors(world, 3).meldingen.get(ontvanger="leerplicht")
    for wie in (world.users["lpa"], world.ib_a2):
        with pytest.raises(PermissionDenied):
            leg_melding_vast(
                melding=m, gemeld_op=D(2026, 2, 4), wijze="mail", door=wie, vandaag=D(2026, 2, 4)
            )


def test_elke_verwijdering_wordt_gemeld_002_L287(world):
    """[002 L287-296; 004 L633-637] Every verwijdering: at the decision, a melding to leerplicht and
    the inspectie as a school task with the generated PDF; nothing is stamped."""
    d = world.users["directeur"]
    v = vsvc.start_verwijdering(
        leerling=leerling_met_ouder(school=world.school, voornaam="Sem"),
        aanleiding="Herhaalde ernstige incidenten.",
        ouders_geinformeerd_op=D(2026, 1, 26),
        door=d,
        vandaag=D(2026, 1, 26),
    )
    assert not v.meldingen.exists()  # the voornemen is not yet the melding
    vsvc.hoor(verwijdering=v, wie="leerkracht", op=D(2026, 1, 27), verslag="Leerkracht gehoord.", door=d)
    vsvc.hoor(verwijdering=v, wie="ouders", op=D(2026, 1, 28), verslag="Ouders gehoord.", door=d)
    v = vsvc.besluit_verwijdering(verwijdering=v, motivering="Veiligheid.", door=d, vandaag=D(2026, 1, 29))
    assert v.lpa_gemeld_op is None and v.inspectie_gemeld_op is None
    assert sorted(v.meldingen.values_list("ontvanger", flat=True)) == ["inspectie", "leerplicht"]
    assert Brief.objects.filter(soort="melding_verwijdering").count() == 2
    assert (
        Termijn.objects.filter(soort=MELDING_MAATREGEL, leerling=v.leerling, einde=D(2026, 2, 5)).count() == 2
    )


@time_machine.travel("2026-02-05 10:00 +0100", tick=False)
def test_school_meldt_via_de_pagina_lpa_ziet_het_in_zijn_lijst(world, client):
    """[002 L287-296] The directeur records the melding on its page (a refusal keeps the input); the
    LPA of the school's gemeente then sees it in his list, another gemeente's LPA does not."""
    s = _schors(world, 3)
    m = s.meldingen.get(ontvanger="leerplicht")
    client.force_login(world.users["directeur"])
    pagina = client.get(m.get_absolute_url()).content.decode()
    assert "taak voor de school" in pagina and "10 feb 2026" in pagina
    resp = client.post(m.get_absolute_url(), {"gemeld_op": "2026-02-04", "wijze": "", "kenmerk": "K-1"})
    assert resp.status_code == 200
    assert "portaal, per e-mail of per brief" in resp.content.decode()
    assert "K-1" in resp.content.decode()
    resp = client.post(m.get_absolute_url(), {"gemeld_op": "2026-02-04", "wijze": "mail", "kenmerk": "K-1"})
    assert resp.status_code == 302
    client.force_login(world.users["lpa"])
    lijst = client.get(reverse("verzuim:meldingen")).content.decode()
    assert s.leerling.volledige_naam in lijst
    assert client.get(m.get_absolute_url()).status_code == 200
    assert client.post(m.get_absolute_url(), {"gemeld_op": "2026-02-05", "wijze": "brief"}).status_code == 200
    m.refresh_from_db()
    assert m.wijze == "mail"  # the LPA cannot change the school's record
    ander = GebruikerFactory(username="lpa_elders")
    maak_rol(ander, "lpa", swv=world.swv, gemeente=world.school2.gemeente)
    client.force_login(ander)
    assert s.leerling.volledige_naam not in client.get(reverse("verzuim:meldingen")).content.decode()
    assert client.get(m.get_absolute_url()).status_code == 404


@time_machine.travel("2026-02-05 10:00 +0100", tick=False)
def test_meldingenlijst_constant_aantal_queries(world, client, django_assert_max_num_queries):
    """[conventions] The LPA's list keeps a constant number of queries with more meldingen."""
    for i in range(4):
        s = _schors(world, 3, voornaam=f"Kind{i}")
        leg_melding_vast(
            melding=s.meldingen.get(ontvanger="leerplicht"),
            gemeld_op=D(2026, 2, 4),
            wijze="mail",
            door=world.users["directeur"],
            vandaag=D(2026, 2, 4),
        )
    client.force_login(world.users["lpa"])
    client.get(reverse("verzuim:meldingen"))
    with django_assert_max_num_queries(20):
        resp = client.get(reverse("verzuim:meldingen"))
    assert resp.content.decode().count("Kind") >= 4
