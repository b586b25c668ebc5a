"""Signing, the TLV, the letters and the bezwaar [002 §1.7, §1.10–§1.12, §1.16, §1.20, §1.22;
Awb 6:7, 6:8, 6:11, 7:10; domain §11, §12]."""

import hashlib
import subprocess
import threading
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django_fsm import TransitionNotAllowed

from cases.models import Brief
from cases.services.brieven import brief_html
from tests.factories.tlv import concept, leerling_met_ouders, naar
from tests.tweefactor import code_voor
from tlv import services
from tlv.models import Bezwaar, Handtekening, Status
from tlv.termijnen import (
    doorlooptijd_netto,
    einddatum_tlv,
    herindicatie_aanvragen_uiterlijk,
    op_tijd,
    volgend_instroommoment,
)


@pytest.mark.django_db
def test_ondertekenen_vraagt_wachtwoord(world):
    aanvraag = naar(world, concept(world), Status.TER_ONDERTEKENING)
    with pytest.raises(ValidationError, match="wachtwoord klopt niet"):
        services.onderteken(
            aanvraag=aanvraag,
            door=world.users["bestuurder"],
            wachtwoord="fout",
            code=code_voor(world.users["bestuurder"]),
        )
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.TER_ONDERTEKENING
    assert not Handtekening.objects.exists()


@pytest.mark.django_db
def test_alleen_bestuurder_ondertekent(world):
    aanvraag = naar(world, concept(world), Status.TER_ONDERTEKENING)
    with pytest.raises(TransitionNotAllowed, match="hoort niet bij uw rol"):
        services.onderteken(
            aanvraag=aanvraag, door=world.users["tla"], wachtwoord="demo", code=code_voor(world.users["tla"])
        )


@pytest.mark.django_db
def test_tweede_klik_ondertekent_niet_opnieuw(world):
    aanvraag = naar(world, concept(world), Status.TER_ONDERTEKENING)
    services.onderteken(
        aanvraag=aanvraag,
        door=world.users["bestuurder"],
        wachtwoord="demo",
        op=date(2026, 4, 16),
        code=code_voor(world.users["bestuurder"]),
    )
    with pytest.raises(TransitionNotAllowed):
        services.onderteken(
            aanvraag=aanvraag,
            door=world.users["bestuurder"],
            wachtwoord="demo",
            code=code_voor(world.users["bestuurder"]),
        )
    assert Handtekening.objects.count() == 1
    assert Brief.objects.filter(soort="tlv_afgegeven").count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_gelijktijdig_ondertekenen_levert_een_handtekening(world):
    """Two tabs / two signers at the same moment: select_for_update serialises them, the second
    finds the decision taken (TransitionNotAllowed); one signature, one letter, one TLV."""
    from cases.models import Gebruiker
    from tests.factories import RolFactory

    tweede = Gebruiker.objects.create_user("bestuurder2", password="demo")
    RolFactory(gebruiker=tweede, soort="bestuurder", swv=world.swv)
    aanvraag = naar(world, concept(world), Status.TER_ONDERTEKENING)
    start = threading.Barrier(2)
    uitkomsten = []

    def teken(user):
        try:
            start.wait()
            services.onderteken(
                aanvraag=aanvraag, door=user, wachtwoord="demo", op=date(2026, 4, 16), code=code_voor(user)
            )
            uitkomsten.append("getekend")
        except TransitionNotAllowed:
            uitkomsten.append("geweigerd")
        finally:
            connection.close()

    threads = [threading.Thread(target=teken, args=(u,)) for u in (world.users["bestuurder"], tweede)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(uitkomsten) == ["getekend", "geweigerd"]
    assert Handtekening.objects.count() == 1
    assert Brief.objects.filter(soort="tlv_afgegeven").count() == 1
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.AFGEGEVEN


@pytest.mark.django_db(transaction=True)
def test_besluitbrief_heeft_bezwaarclausule_en_hash(world, tmp_path):
    """[004 'Vermelding van mogelijkheid van bezwaar'; domain §12] the decision letter carries the
    clause (six weeks, to whom); the signature holds the SHA-256 of the exact letter text."""
    aanvraag = naar(world, concept(world), Status.TER_ONDERTEKENING)
    handtekening = services.onderteken(
        aanvraag=aanvraag,
        door=world.users["bestuurder"],
        wachtwoord="demo",
        op=date(2026, 3, 12),
        code=code_voor(world.users["bestuurder"]),
    )
    brief = Brief.objects.get(pk=handtekening.brief_id)
    assert brief.bezwaarclausule
    assert brief.is_gerenderd
    html = brief_html(brief)
    assert 'data-bezwaarclausule="ja"' in html
    assert handtekening.sha256 == hashlib.sha256(html.encode()).hexdigest()
    pad = tmp_path / "brief.pdf"
    with brief.pdf.open("rb") as f:
        pad.write_bytes(f.read())
    tekst = subprocess.run(["pdftotext", str(pad), "-"], capture_output=True, text=True, check=True).stdout
    # bezwaartermijn: Thu 2026-04-23
    assert "bezwaar" in tekst
    assert "23 april 2026" in tekst
    assert "directeur-bestuurder" in tekst
    assert "A. Testouder" in tekst


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("besluit", "status", "soort"),
    [
        ("niet_toekennen", Status.NIET_TOEGEKEND, "tlv_niet_toegekend"),
        ("aanhouden", Status.BESLUIT_AANGEHOUDEN, "tlv_aangehouden"),
    ],
    ids=["[002 §1.10] niet toegekend", "[002 §1.10] besluit aangehouden"],
)
def test_andere_besluiten_met_bezwaarclausule(world, besluit, status, soort):
    aanvraag = naar(world, concept(world), Status.EINDADVIES, strekkingen=("regulier", "regulier"))
    eerste = aanvraag.toewijzing(1).deskundige
    services.schrijf_eindadvies(
        aanvraag=aanvraag,
        door=eerste,
        besluit=besluit,
        gemotiveerd_besluit="Regulier met arrangement is passend.",
    )
    services.stuur_eindadvies_door(aanvraag=aanvraag, door=eerste)
    services.leg_voor(aanvraag=aanvraag, door=world.users["tla"])  # [002 L648]
    services.onderteken(
        aanvraag=aanvraag,
        door=world.users["bestuurder"],
        wachtwoord="demo",
        code=code_voor(world.users["bestuurder"]),
    )
    aanvraag.refresh_from_db()
    assert aanvraag.status == status
    brief = Brief.objects.get(soort=soort)
    assert brief.bezwaarclausule
    assert 'data-bezwaarclausule="ja"' in brief_html(brief)


@pytest.mark.django_db
def test_bestuurder_stuurt_terug_met_vragen(world):
    """[002 §1.7] 'gaat het eindadvies met vragen van de bestuurder terug naar de commissie'."""
    aanvraag = naar(world, concept(world), Status.TER_ONDERTEKENING)
    with pytest.raises(ValidationError):
        services.stuur_terug(aanvraag=aanvraag, door=world.users["bestuurder"], vragen=" ")
    services.stuur_terug(aanvraag=aanvraag, door=world.users["bestuurder"], vragen="Waarom so en niet sbo?")
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.TLA_VERGADERING
    assert aanvraag.vergadering is None


@pytest.mark.parametrize(
    ("na", "onderinstroom", "verwacht"),
    [
        (date(2026, 4, 16), False, date(2026, 5, 1)),
        (date(2026, 5, 1), False, date(2026, 5, 1)),
        (date(2026, 5, 2), False, date(2026, 8, 1)),
        (date(2026, 9, 1), False, date(2027, 1, 1)),
        (date(2026, 4, 16), True, date(2026, 5, 1)),
        (date(2026, 6, 2), True, date(2026, 7, 1)),
    ],
    ids=[
        "[002 §1.16] Noor 1 mei",
        "[002 §1.16] op 1 mei zelf",
        "[002 §1.16] daarna 1 augustus",
        "[002 §1.16] najaar 1 januari",
        "[002 §1.16] onderinstroom maandelijks",
        "[002 §1.16] onderinstroom juli",
    ],
)
def test_instroommomenten(na, onderinstroom, verwacht):
    assert volgend_instroommoment(na, onderinstroom=onderinstroom) == verwacht


@pytest.mark.parametrize(
    ("periode", "ingang", "groep", "verwacht"),
    [
        ("4-5", date(2026, 5, 1), 4, date(2027, 7, 31)),
        ("6-8", date(2026, 3, 13), 6, date(2028, 7, 31)),
        ("1-3", date(2026, 8, 1), 2, date(2028, 7, 31)),
        ("emb", date(2026, 1, 1), 3, date(2030, 7, 31)),
    ],
    ids=[
        "[002 §1.20] groep 4-5",
        "[002 §1.20] groep 6-8",
        "[002 §1.20] groep 1-3",
        "[002 §1.22] EMB tot 12 jaar",
    ],
)
def test_einddatum_per_periode(periode, ingang, groep, verwacht):
    assert (
        einddatum_tlv(
            periode=periode, ingangsdatum=ingang, groep_bij_ingang=groep, geboortedatum=date(2018, 3, 14)
        )
        == verwacht
    )


def test_herindicatie_uiterlijk_acht_weken_voor_einde():
    """[002 §1.21; Awb 4:13] a herindicatie is a new aanvraag with an 8-week term."""
    assert herindicatie_aanvragen_uiterlijk(date(2027, 7, 31)) == date(2027, 6, 5)


def test_doorlooptijd_netto_zonder_opschorting():
    """[002 §1.9] the SLL registers the doorlooptijd; suspended days do not count."""
    paren = [(date(2026, 1, 19), date(2026, 1, 30))]
    assert doorlooptijd_netto(date(2026, 1, 6), date(2026, 3, 12), paren) == 65 - 10
    assert op_tijd(date(2026, 1, 6), date(2026, 3, 13), paren)
    assert not op_tijd(date(2026, 1, 6), date(2026, 3, 16), paren)
    assert not op_tijd(date(2026, 1, 6), date(2026, 3, 13), [])


@pytest.fixture
def daan_besluit(world):
    """Daan's decision sent Thu 2026-03-12 [scenarios §2]."""
    leerling = leerling_met_ouders(world, groep=6)
    aanvraag = naar(
        world, concept(world, leerling=leerling), Status.TER_ONDERTEKENING, ontvangen_op=date(2026, 1, 6)
    )
    services.onderteken(
        aanvraag=aanvraag,
        door=world.users["bestuurder"],
        wachtwoord="demo",
        op=date(2026, 3, 12),
        code=code_voor(world.users["bestuurder"]),
    )
    aanvraag.refresh_from_db()
    return aanvraag


@pytest.mark.django_db
def test_daan_bezwaar_op_tijd_en_bevestiging(world, daan_besluit):
    """[scenarios §2; Awb 6:7, 6:8; 002 §1.12] decision sent Thu 2026-03-12 → bezwaartermijn Thu
    2026-04-23; objection Fri 2026-04-17 on time; ontvangstbevestiging due Fri 2026-04-24."""
    import time_machine

    with time_machine.travel(date(2026, 4, 20), tick=False):
        bezwaar = services.registreer_bezwaar(
            aanvraag=daan_besluit,
            door=world.users["sll"],
            ontvangen_op=date(2026, 4, 17),
            indiener="ouders",
            gronden="Ouders willen so.",
        )
        assert bezwaar.bezwaartermijn_einde == date(2026, 4, 23)
        assert not bezwaar.te_laat
        assert bezwaar.bevestiging_uiterlijk == date(2026, 4, 24)
        assert bezwaar.beslistermijn == date(2026, 6, 4)  # Awb 7:10: 6 weeks after 04-23
        services.bevestig_ontvangst(bezwaar=bezwaar, door=world.users["sll"], op=date(2026, 4, 20))
    bezwaar.refresh_from_db()
    assert bezwaar.bevestiging.soort == "tlv_ontvangst_bezwaar"
    assert not bezwaar.bevestiging.bezwaarclausule
    with pytest.raises(TransitionNotAllowed, match="bemiddelingscommissie heeft geadviseerd"):
        services.beslis_op_bezwaar(
            bezwaar=bezwaar,
            door=world.users["bestuurder"],
            uitkomst="ongegrond",
            motivering="x",
            op=date(2026, 5, 20),
            wachtwoord="demo",
            code=code_voor(world.users["bestuurder"]),
        )
    services.leg_bemiddeling_vast(
        bezwaar=bezwaar,
        door=world.users["sll"],
        gesprek_op=date(2026, 5, 6),
        advies_op=date(2026, 5, 11),
        advies="Besluit handhaven.",
    )
    services.leg_landelijk_advies_vast(
        bezwaar=bezwaar, door=world.users["bestuurder"], advies_op=None, advies=""
    )
    bezwaar.refresh_from_db()
    assert bezwaar.beslistermijn == date(2026, 7, 16)  # 12 weeks with the landelijke commissie (Awb 7:13)
    services.beslis_op_bezwaar(
        bezwaar=bezwaar,
        door=world.users["bestuurder"],
        uitkomst="ongegrond",
        motivering="Het besluit blijft in stand.",
        op=date(2026, 5, 20),
        wachtwoord="demo",
        code=code_voor(world.users["bestuurder"]),
    )
    daan_besluit.refresh_from_db()
    assert daan_besluit.status == Status.BEZWAAR_BESLIST
    brief = Brief.objects.get(soort="tlv_besluit_bezwaar")
    html = brief_html(brief)
    # Awb 6:7: 6 weeks after 05-20
    assert "beroep instellen bij de rechtbank" in html
    assert "1 juli 2026" in html


@pytest.mark.django_db
def test_te_laat_bezwaar_verschoonbaar_of_niet_ontvankelijk(world, daan_besluit):
    """[Awb 6:11] a late bezwaar is marked; a verschoonbare reason keeps it admissible."""
    import time_machine

    with time_machine.travel(date(2026, 4, 27), tick=False):
        bezwaar = services.registreer_bezwaar(
            aanvraag=daan_besluit, door=world.users["sll"], ontvangen_op=date(2026, 4, 24), indiener="ouders"
        )
    assert bezwaar.te_laat
    assert bezwaar.niet_ontvankelijk
    with pytest.raises(ValidationError):
        services.beoordeel_termijnoverschrijding(
            bezwaar=bezwaar, door=world.users["sll"], verschoonbaar=True, reden=""
        )
    services.beoordeel_termijnoverschrijding(
        bezwaar=bezwaar,
        door=world.users["sll"],
        verschoonbaar=True,
        reden="Besluit kwam door een adreswijziging pas op 20 april aan.",
    )
    bezwaar.refresh_from_db()
    assert bezwaar.te_laat
    assert not bezwaar.niet_ontvankelijk
    with pytest.raises(ValidationError, match="Niet-ontvankelijk kan alleen"):
        services.beslis_op_bezwaar(
            bezwaar=bezwaar,
            door=world.users["bestuurder"],
            uitkomst="niet_ontvankelijk",
            motivering="Te laat.",
            wachtwoord="demo",
            code=code_voor(world.users["bestuurder"]),
        )
    assert Bezwaar.objects.count() == 1
