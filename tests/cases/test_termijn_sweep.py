"""The daily deadline sweep and the digest mail [issue 4]: set-based, idempotent, catches up."""

from collections import Counter
from datetime import date, timedelta

import time_machine
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases.models import Notificatie, Termijn
from cases.tasks import termijnen_digest, termijnen_sweep
from cases.termijnen import services as svc
from cases.termijnen.meldingen import sweep, verstuur_digest
from cases.termijnen.models.termijnen import TermijnStatus
from tests.conftest import maak_rol
from tests.factories import GebruikerFactory

D = date


def meldingen():
    return Counter(
        (n.gebruiker.username, n.termijn_id, n.soort, n.vervaldatum)
        for n in Notificatie.objects.select_related("gebruiker")
    )


def tlv(world, ontvangst, **kw):
    kw.setdefault("school", world.school)
    return svc.start_termijn(soort="tlv_beslistermijn", start=ontvangst, swv=world.swv, **kw)


def zorgplicht(world, aanmelding, **kw):
    kw.setdefault("school", world.school)
    return svc.start_termijn(soort="zorgplicht", start=aanmelding, swv=world.swv, **kw)


def test_tlv_meldt_secretaresse_en_tla_voorzitter(world):
    """[issue 4] a TLV term due within 7 days notifies the SLL and the TLA-voorzitter, nobody else."""
    t = tlv(world, D(2026, 1, 6))  # ends di 3 mrt 2026
    uitkomst = sweep(vandaag=D(2026, 2, 24))
    assert uitkomst.meldingen == 2
    assert meldingen() == Counter(
        {("sll", t.pk, "binnenkort", D(2026, 3, 3)): 1, ("tla", t.pk, "binnenkort", D(2026, 3, 3)): 1}
    )


def test_zorgplicht_meldt_directeur_en_sc_van_de_school(world):
    """[issue 4, domain §7] zorgplicht: the directeur of the school and the SC of its regio; not the
    directeur or SC elsewhere, not another SWV."""
    andere_directeur = GebruikerFactory(username="directeur_a2")
    maak_rol(andere_directeur, "directeur", swv=world.swv, school=world.school2)
    andere_sc = GebruikerFactory(username="sc_regio2")
    maak_rol(andere_sc, "sc", swv=world.swv, regio=world.regio2)
    directeur_b = GebruikerFactory(username="directeur_b")
    maak_rol(directeur_b, "directeur", swv=world.swv_b, school=world.school_b)
    t = zorgplicht(world, D(2026, 2, 3))  # ends di 17 mrt 2026
    sweep(vandaag=D(2026, 3, 17))
    assert meldingen() == Counter(
        {("directeur", t.pk, "vandaag", D(2026, 3, 17)): 1, ("sc", t.pk, "vandaag", D(2026, 3, 17)): 1}
    )


def test_geen_melding_buiten_venster_en_na_afronding(world):
    t = tlv(world, D(2026, 1, 6))
    assert sweep(vandaag=D(2026, 2, 23)).meldingen == 0  # 8 days before the end
    svc.voldaan(termijn=t, op=D(2026, 2, 23))
    assert sweep(vandaag=D(2026, 3, 10)).meldingen == 0


def test_twee_keer_per_dag_maakt_elke_melding_een_keer(world):
    tlv(world, D(2026, 1, 6))
    eerste = sweep(vandaag=D(2026, 2, 24))
    tweede = sweep(vandaag=D(2026, 2, 24))
    assert (eerste.meldingen, tweede.meldingen) == (2, 0)
    assert Notificatie.objects.count() == 2


def test_worker_een_week_gestopt_elke_verlopen_termijn_meldt_een_keer(world):
    """[issue 4 'Done when'] stop the worker for a (simulated) week, start it: each overdue term
    notifies once; running again the same day or the next creates nothing."""
    a = tlv(world, D(2026, 1, 6))  # ends di 3 mrt
    b = zorgplicht(world, D(2026, 1, 16))  # ends vr 27 feb
    with time_machine.travel("2026-02-24 05:30 +01:00", tick=False):
        termijnen_sweep.delay()
    voor = meldingen()
    assert voor[("sll", a.pk, "binnenkort", D(2026, 3, 3))] == 1
    assert voor[("directeur", b.pk, "binnenkort", D(2026, 2, 27))] == 1
    # The worker is down from 25 February to 3 March; it comes back on 4 March, runs twice.
    with time_machine.travel("2026-03-04 05:30 +01:00", tick=False):
        termijnen_sweep.delay()
        termijnen_sweep.delay()
    with time_machine.travel("2026-03-05 05:30 +01:00", tick=False):
        termijnen_sweep.delay()
    na = meldingen()
    verlopen = {k: v for k, v in na.items() if k[2] == "verlopen"}
    assert verlopen == {
        ("sll", a.pk, "verlopen", D(2026, 3, 3)): 1,
        ("tla", a.pk, "verlopen", D(2026, 3, 3)): 1,
        ("directeur", b.pk, "verlopen", D(2026, 2, 27)): 1,
        ("sc", b.pk, "verlopen", D(2026, 2, 27)): 1,
    }
    assert not [k for k in na if k[2] == "vandaag"]  # missed "today" notices are not made up afterwards
    assert set(Termijn.objects.values_list("status", flat=True)) == {TermijnStatus.VERLOPEN}


def test_opgeschorte_termijn_meldt_niet(world):
    """[Awb 4:15] while the clock stands still, nothing is due; once the answer period has passed
    unused, the term runs (and notifies) again."""
    t = tlv(world, D(2026, 1, 6))
    with time_machine.travel("2026-02-20 10:00 +01:00", tick=False):
        svc.schort_op(termijn=t, verzoek=D(2026, 2, 20), uiterlijk=D(2026, 3, 6))
    t.refresh_from_db()
    assert t.einde == D(2026, 3, 17)  # 3 mrt + 14 (21 feb t/m 6 mrt) if no answer comes
    assert sweep(vandaag=D(2026, 3, 3)).meldingen == 0
    assert sweep(vandaag=D(2026, 3, 6)).meldingen == 0  # last day of the answer period: still suspended
    assert sweep(vandaag=D(2026, 3, 10)).meldingen == 2  # due within 7 days again


def test_nieuwe_einddatum_geeft_nieuwe_melding(world):
    """A notification is per due date: when a suspension moves the end, the new date notifies."""
    t = tlv(world, D(2026, 1, 6))
    sweep(vandaag=D(2026, 2, 24))
    with time_machine.travel("2026-02-25 10:00 +01:00", tick=False):
        o = svc.schort_op(termijn=t, verzoek=D(2026, 2, 24), uiterlijk=D(2026, 3, 3))
        svc.hervat(opschorting=o, ontvangst=D(2026, 2, 25))  # 0 days: same end
    assert sweep(vandaag=D(2026, 2, 26)).meldingen == 0
    with time_machine.travel("2026-03-02 10:00 +01:00", tick=False):
        o = svc.schort_op(termijn=t, verzoek=D(2026, 2, 26), uiterlijk=D(2026, 3, 5))
        svc.hervat(opschorting=o, ontvangst=D(2026, 3, 2))  # 3 days: ends vr 6 mrt
    assert sweep(vandaag=D(2026, 3, 2)).meldingen == 2
    assert {n.vervaldatum for n in Notificatie.objects.all()} == {D(2026, 3, 3), D(2026, 3, 6)}


def test_inactieve_rol_of_gebruiker_en_persoonlijke_verantwoordelijke(world):
    world.users["tla"].rollen.update(actief=False)
    world.users["sll"].is_active = False
    world.users["sll"].save()
    casusmanager = GebruikerFactory(username="casusmanager")
    t = tlv(world, D(2026, 1, 6), verantwoordelijke=casusmanager)
    sweep(vandaag=D(2026, 3, 3))
    assert meldingen() == Counter({("casusmanager", t.pk, "vandaag", D(2026, 3, 3)): 1})


def test_sweep_vast_aantal_queries(world):
    """[issue 4 performance] the sweep issues a fixed number of queries, not one per term."""
    for i in range(3):
        tlv(world, D(2026, 1, 6) + timedelta(days=i))
    with CaptureQueriesContext(connection) as weinig:
        sweep(vandaag=D(2026, 3, 4))
    for i in range(30):
        zorgplicht(world, D(2026, 1, 10) + timedelta(days=i))
        tlv(world, D(2025, 12, 20) + timedelta(days=i))
    with CaptureQueriesContext(connection) as veel:
        uitkomst = sweep(vandaag=D(2026, 3, 4))
    assert len(veel.captured_queries) == len(weinig.captured_queries) <= 5
    assert uitkomst.meldingen > 60


def test_digest_een_mail_per_gebruiker_en_niet_opnieuw(world):
    """[issue 4] a daily digest per user; a notification is mailed once; read ones are not mailed;
    each line names the term (and the pupil, when it has one [issue 20.4])."""
    tlv(world, D(2026, 1, 6), omschrijving="TLV-aanvraag T-2026-001")
    zorgplicht(world, D(2026, 1, 20), omschrijving="Aanmelding Z-2026-007")  # ends di 3 mrt
    sweep(vandaag=D(2026, 2, 26))
    Notificatie.objects.filter(gebruiker=world.users["tla"]).update(gelezen_op="2026-02-26T08:00:00+01:00")
    assert termijnen_digest.delay("2026-02-26").get() == 3
    assert sorted(m.to[0].split("@")[0] for m in mail.outbox) == ["directeur", "sc", "sll"]
    sll_mail = next(m for m in mail.outbox if m.to[0].startswith("sll"))
    assert "Beslistermijn TLV-aanvraag (TLV-aanvraag T-2026-001)" in sll_mail.body
    assert "di 3 mrt 2026" in sll_mail.body
    assert "/termijnen/meldingen/" in sll_mail.body
    mail.outbox.clear()
    assert verstuur_digest(vandaag=D(2026, 2, 27)) == 0
    assert mail.outbox == []
