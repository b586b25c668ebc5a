"""Escalatieladder situations as a fixed list, and the yearly November verantwoording per
schoolbestuur that escalates when it is late [issue 16.13; 002 L392-398, bijlage 2.4.1]."""

from __future__ import annotations

from datetime import date as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tests.factories import SchoolbestuurFactory
from verzuim.models import Escalatie, EscalatieSituatie, Verantwoording
from verzuim.models.thuiszitters import StapSoort
from verzuim.services import thuiszitters as esc
from verzuim.services import verantwoording as svc

pytestmark = pytest.mark.django_db


def test_de_vaste_lijst_is_die_van_de_escalatieladder_002_L392_398():
    """[002 L393-398] Six situations, in the seed's order; nothing else."""
    assert EscalatieSituatie.values == [
        "basiskwaliteit",
        "zorgplicht",
        "thuiszitters",
        "verantwoording",
        "uitplaatsing",
        "middelen",
    ]


def test_een_signaal_zonder_situatie_uit_de_lijst_wordt_geweigerd_002_L392(world):
    """[002 L392] The ladder is for the listed situations only: no situatie, or one outside the
    list, is refused with a Dutch message at the field; nothing is stored."""
    for situatie in ("", "ruzie met de buren"):
        with pytest.raises(ValidationError) as exc:
            esc.open_escalatie(
                regio=world.regio,
                school=world.school,
                aanleiding="Signaal.",
                situatie=situatie,
                door=world.users["sc"],
            )
        assert "situatie" in exc.value.message_dict
    assert not Escalatie.objects.exists()


def test_signaal_legt_situatie_en_bestuur_van_de_school_vast_002_L393(world):
    e = esc.open_escalatie(
        regio=world.regio,
        school=world.school,
        aanleiding="Basisondersteuning al twee jaar onder niveau.",
        situatie=EscalatieSituatie.BASISKWALITEIT,
        door=world.users["sc"],
    )
    assert e.situatie == "basiskwaliteit"
    assert e.bestuur_id == world.school.bestuur_id


def test_formulier_toont_de_lijst_en_houdt_de_invoer_002_L392(world, client):
    client.force_login(world.users["sc"])
    url = reverse("verzuim:escalatie_nieuw")
    html = client.get(url).content.decode()
    for label in EscalatieSituatie.labels:
        assert label in html
    resp = client.post(url, {"regio": world.regio.pk, "aanleiding": "Zorgplicht twee keer niet nagekomen."})
    html = resp.content.decode()
    assert resp.status_code == 200 and "Kies de situatie" in html
    assert "Zorgplicht twee keer niet nagekomen." in html
    resp = client.post(
        url,
        {
            "regio": world.regio.pk,
            "situatie": "zorgplicht",
            "aanleiding": "Zorgplicht twee keer niet nagekomen.",
        },
    )
    e = Escalatie.objects.get()
    assert resp.status_code == 302 and e.situatie == "zorgplicht"
    assert "Zorgplicht handelt" not in client.get(reverse("verzuim:escalaties")).content.decode()
    assert "niet conform de zorgplicht" in client.get(reverse("verzuim:escalaties")).content.decode()


def test_thuiszitter_escalatie_is_de_thuiszitterssituatie_002_L396(world):
    from tests.matrix.verzuim import _thuiszitter

    t = _thuiszitter(world)
    e = esc.open_escalatie(
        regio=world.regio,
        school=world.school,
        thuiszitter=t,
        aanleiding="Thuis zonder aanbod.",
        door=world.users["sc"],
    )
    assert e.situatie == EscalatieSituatie.THUISZITTERS


# --- the yearly verantwoording ----------------------------------------------------------------


def test_november_vraagt_elk_bestuur_een_keer_002_L396(world):
    """[002 L396] On 1 November every schoolbestuur of each SWV is asked about the past year,
    once: re-running asks nobody twice; another SWV's besturen get their own rows."""
    extra = SchoolbestuurFactory(swv=world.swv)
    besturen = set(world.swv.besturen.values_list("pk", flat=True))
    assert extra.pk in besturen
    n = svc.vraag_alle_verantwoordingen(peildatum=D(2026, 11, 1))
    rijen = Verantwoording.objects.filter(swv=world.swv, jaar=2025)
    assert set(rijen.values_list("bestuur_id", flat=True)) == besturen
    assert {r.uiterlijk for r in rijen} == {D(2026, 12, 13)}  # six weeks, the SWV's default
    assert svc.vraag_alle_verantwoordingen(peildatum=D(2026, 11, 1)) == 0
    assert n == Verantwoording.objects.count()
    assert Verantwoording.objects.filter(swv=world.swv_b).exists() == world.swv_b.besturen.exists()


def _gevraagd(world, **kw):
    return Verantwoording.objects.create(
        swv=world.swv,
        bestuur=world.school.bestuur,
        jaar=kw.pop("jaar", 2025),
        gevraagd_op=D(2026, 11, 1),
        uiterlijk=D(2026, 12, 13),
        **kw,
    )


def test_niet_aangeleverd_na_de_uiterste_dag_escaleert_een_keer_002_L396(world):
    """[002 L396] On the last day nothing happens; the day after, one escalation with the signal;
    the next sweep adds none."""
    v = _gevraagd(world)
    assert svc.signaleer_verantwoordingen(peildatum=D(2026, 12, 13)) == []
    [e] = svc.signaleer_verantwoordingen(peildatum=D(2026, 12, 14))
    assert e.situatie == EscalatieSituatie.VERANTWOORDING and e.bestuur_id == v.bestuur_id and e.regio is None
    assert list(e.stappen.values_list("stap", flat=True)) == [StapSoort.SIGNAAL]
    assert "niet aangeleverd" in e.aanleiding
    assert svc.signaleer_verantwoordingen(peildatum=D(2026, 12, 20)) == []
    v.refresh_from_db()
    assert v.escalatie == e and v.status(D(2026, 12, 20)) == "te laat: niet aangeleverd"


def test_op_tijd_en_deugdelijk_escaleert_niet_te_laat_wel_002_L396(world):
    sll = world.users["sll"]
    op_tijd = _gevraagd(world)
    svc.leg_aanlevering_vast(
        verantwoording=op_tijd,
        aangeleverd_op=D(2026, 12, 13),
        beoordeling="deugdelijk",
        door=sll,
        vandaag=D(2026, 12, 14),
    )
    op_tijd.refresh_from_db()
    assert op_tijd.escalatie is None and op_tijd.status(D(2026, 12, 14)) == "aangeleverd"
    laat = _gevraagd(world, jaar=2024)
    svc.leg_aanlevering_vast(
        verantwoording=laat,
        aangeleverd_op=D(2026, 12, 14),
        beoordeling="deugdelijk",
        door=sll,
        vandaag=D(2026, 12, 15),
    )
    laat.refresh_from_db()
    assert laat.escalatie is not None and "te laat aangeleverd op 14-12-2026" in laat.escalatie.aanleiding


def test_ondeugdelijk_vraagt_wat_ontbreekt_en_escaleert_002_L396(world):
    v = _gevraagd(world)
    sll = world.users["sll"]
    with pytest.raises(ValidationError) as exc:
        svc.leg_aanlevering_vast(
            verantwoording=v,
            aangeleverd_op=D(2026, 12, 1),
            beoordeling="ondeugdelijk",
            door=sll,
            vandaag=D(2026, 12, 2),
        )
    assert "toelichting" in exc.value.message_dict
    svc.leg_aanlevering_vast(
        verantwoording=v,
        aangeleverd_op=D(2026, 12, 1),
        beoordeling="ondeugdelijk",
        toelichting="Besteding per school ontbreekt.",
        door=sll,
        vandaag=D(2026, 12, 2),
    )
    v.refresh_from_db()
    assert "ondeugdelijk: Besteding per school ontbreekt." in v.escalatie.aanleiding


def test_herhaald_te_laat_staat_in_het_signaal_002_L396(world):
    """[002 L396] "niet of herhaalde malen te laat": the signal says when an earlier year was late too."""
    _gevraagd(world, jaar=2024, aangeleverd_op=D(2026, 12, 20))
    _gevraagd(world, jaar=2025)
    [e] = svc.signaleer_verantwoordingen(peildatum=D(2026, 12, 14))
    assert "herhaalde malen te laat" in e.aanleiding


def test_aanleverdatum_wordt_gecontroleerd(world):
    v = _gevraagd(world)
    sll = world.users["sll"]
    for datum, tekst in ((D(2026, 12, 3), "toekomst"), (D(2026, 10, 30), "pas op 01-11-2026"), (None, "Vul")):
        with pytest.raises(ValidationError) as exc:
            svc.leg_aanlevering_vast(
                verantwoording=v,
                aangeleverd_op=datum,
                beoordeling="deugdelijk",
                door=sll,
                vandaag=D(2026, 12, 2),
            )
        assert tekst in " ".join(exc.value.message_dict["aangeleverd_op"])


def test_alleen_het_bureau_legt_vast_en_niet_voor_een_ander_swv(world):
    v = _gevraagd(world)
    with pytest.raises(PermissionDenied):
        svc.leg_aanlevering_vast(
            verantwoording=v, aangeleverd_op=D(2026, 12, 1), beoordeling="deugdelijk", door=world.users["sc"]
        )
    from tests.factories.tweede_swv import tweede_swv

    b = tweede_swv(world)
    with pytest.raises(PermissionDenied):
        svc.leg_aanlevering_vast(
            verantwoording=v, aangeleverd_op=D(2026, 12, 1), beoordeling="deugdelijk", door=b.users["sll"]
        )


def test_paginas_tonen_status_en_houden_invoer(world, client):
    v = _gevraagd(world)
    client.force_login(world.users["sll"])
    html = client.get(reverse("verzuim:verantwoordingen") + "?jaar=2025").content.decode()
    assert world.school.bestuur.naam in html
    url = reverse("verzuim:verantwoording", kwargs={"pk": v.pk})
    resp = client.post(url, {"aangeleverd_op": "1-12-2026", "beoordeling": "ondeugdelijk", "toelichting": ""})
    assert resp.status_code == 200 and "Schrijf op wat er aan de inhoud ontbreekt" in resp.content.decode()
    assert 'value="1-12-2026"' in resp.content.decode() or "01-12-2026" in resp.content.decode()
    v.refresh_from_db()
    assert v.aangeleverd_op is None


def test_lijst_in_een_vast_aantal_queries(world, client, django_assert_max_num_queries):
    for _ in range(5):
        Verantwoording.objects.create(
            swv=world.swv,
            bestuur=SchoolbestuurFactory(swv=world.swv),
            jaar=2025,
            gevraagd_op=D(2026, 11, 1),
            uiterlijk=D(2026, 12, 13),
        )
    client.force_login(world.users["sll"])
    with django_assert_max_num_queries(14):
        assert client.get(reverse("verzuim:verantwoordingen") + "?jaar=2025").status_code == 200
