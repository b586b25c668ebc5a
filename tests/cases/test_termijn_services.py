"""Termijn records: the end is always recomputed from the stored events [issue 4, domain §11]."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError

from cases.models import AuditRegel, Termijn
from cases.termijnen import services as svc
from cases.termijnen.models.termijnen import SoortDefinitie, TermijnStatus, registreer_soort
from cases.termijnen.selectors import mijn_termijnen, termijnen_van
from tests.factories import LeerlingFactory

D = date


@pytest.fixture(autouse=True)
def _vandaag():
    with time_machine.travel("2026-11-26 10:00 +01:00", tick=False):
        yield


DAAN_ONTVANGST = D(2026, 1, 6)
SEM_AANMELDING = D(2026, 3, 16)


def tlv(world, ontvangst=DAAN_ONTVANGST, **kw):
    kw.setdefault("school", world.school)
    return svc.start_termijn(soort="tlv_beslistermijn", start=ontvangst, swv=world.swv, **kw)


def zorgplicht(world, aanmelding=SEM_AANMELDING, **kw):
    kw.setdefault("school", world.school)
    return svc.start_termijn(soort="zorgplicht", start=aanmelding, swv=world.swv, **kw)


def test_start_gebruikt_standaarden_van_de_soort(world):
    """[Awb 4:13] a TLV term: 8 weeks, Atw, SLL and TLA-voorzitter responsible."""
    t = tlv(world)
    assert (t.weken, t.atw, t.rollen) == (8, True, ["sll", "tla"])
    assert t.einde == D(2026, 3, 3)
    assert "4:13 Awb" in t.basis
    assert AuditRegel.objects.filter(object_id=str(t.pk), actie="aangemaakt").exists()


def test_scenario_2_daan_opschorting_en_hervatting(world):
    """[scenario 2, domain §11 vb, Awb 4:15] received di 6 jan, info requested ma 19 jan (reply in
    two weeks), received vr 30 jan: 10 days suspended → vr 13 mrt 2026."""
    t = tlv(world)
    o = svc.schort_op(termijn=t, verzoek=D(2026, 1, 19), uiterlijk=D(2026, 2, 2), omschrijving="LVS-gegevens")
    t.refresh_from_db()
    # While nothing has come in, the stored end assumes the reply period passes unused.
    assert t.opgeschort_tot == D(2026, 2, 2)
    assert t.einde == D(2026, 3, 17)  # 3 mrt + 14 days (20 jan t/m 2 feb)
    t = svc.hervat(opschorting=o, ontvangst=D(2026, 1, 30))
    assert t.einde == D(2026, 3, 13)
    assert t.opgeschort_tot is None
    fresh = Termijn.objects.prefetch_related("opschortingen").get(pk=t.pk)
    assert fresh.bereken().einde == fresh.einde == D(2026, 3, 13)
    tekst = "\n".join(fresh.berekening.uitleg)
    assert "Opgeschort van di 20 jan 2026 t/m do 29 jan 2026: 10 dagen" in tekst


def test_scenario_3_sem_zorgplicht_opschorting_en_verlenging(world):
    """[scenario 3, domain §7, §11] aanmelding ma 16 mrt 2026 → Koningsdag → di 28 apr; info
    requested wo 1 apr, received di 14 apr (12 days); extended: 10 weeks + 12 days = za 6 jun →
    ma 8 jun 2026."""
    t = zorgplicht(world)
    assert t.einde == D(2026, 4, 28)
    assert t.rollen == ["directeur", "sc"]
    o = svc.schort_op(termijn=t, verzoek=D(2026, 4, 1), uiterlijk=D(2026, 4, 15))
    t = svc.hervat(opschorting=o, ontvangst=D(2026, 4, 14))
    assert t.einde == D(2026, 5, 11)  # 27 apr + 12 = 9 mei (za) → ma 11 mei
    t = svc.verleng(termijn=t, weken=4, op=D(2026, 5, 1), reden="Onderzoek door de orthopedagoog loopt nog.")
    assert t.einde == D(2026, 6, 8)
    uitleg = "\n".join(Termijn.objects.get(pk=t.pk).berekening.uitleg)
    assert "Verlengd op vr 1 mei 2026 met 4 weken" in uitleg
    assert "za 6 jun 2026 (zaterdag)" in uitleg


def test_verlopen_antwoordtermijn_beeindigt_opschorting(world):
    """[Awb 4:15 lid 1 onder a] no answer within the set period: the suspension ends when that
    period has passed; a late answer does not extend it further."""
    t = tlv(world)
    o = svc.schort_op(termijn=t, verzoek=D(2026, 1, 19), uiterlijk=D(2026, 1, 23))
    t = svc.hervat(opschorting=o, ontvangst=D(2026, 2, 10))
    # Suspended 20 t/m 23 jan = 4 days (not until 10 feb).
    assert t.einde == D(2026, 3, 9)  # 3 mrt + 4 = za 7 mrt → ma 9 mrt
    assert "ongebruikt verstreek" in "\n".join(Termijn.objects.get(pk=t.pk).berekening.uitleg)


def test_opschorting_zonder_antwoordtermijn_geweigerd(world):
    """[domain §11] a request without a set answer period does not suspend."""
    t = tlv(world)
    with pytest.raises(ValidationError) as exc:
        svc.schort_op(termijn=t, verzoek=D(2026, 1, 19), uiterlijk=None)
    assert "art. 4:15 Awb" in str(exc.value)


def test_overlappende_opschortingen_tellen_een_keer(world):
    """[Awb 4:15, domain §11] overlaps count once, also through the services."""
    t = tlv(world)
    a = svc.schort_op(termijn=t, verzoek=D(2026, 1, 19), uiterlijk=D(2026, 2, 2))
    b = svc.schort_op(termijn=t, verzoek=D(2026, 1, 25), uiterlijk=D(2026, 2, 9))
    svc.hervat(opschorting=a, ontvangst=D(2026, 1, 30))
    t = svc.hervat(opschorting=b, ontvangst=D(2026, 2, 4))
    assert t.einde == D(2026, 3, 18)  # union 20 jan t/m 3 feb = 15 days


@pytest.mark.parametrize(
    "soort, fout",
    [
        pytest.param(
            "bezwaartermijn", "kan niet worden opgeschort", id="[Awb 6:7] bezwaartermijn schort niet op"
        ),
        pytest.param(
            "ontvangstbevestiging_bezwaar",
            "kan niet worden opgeschort",
            id="[002 §1.12] werkdagen schorten niet op",
        ),
    ],
)
def test_niet_opschortbare_soorten(world, soort, fout):
    t = svc.start_termijn(soort=soort, start=D(2026, 3, 12), swv=world.swv)
    with pytest.raises(ValidationError, match=fout):
        svc.schort_op(termijn=t, verzoek=D(2026, 3, 20), uiterlijk=D(2026, 3, 27))


def test_opschorting_na_einde_geweigerd(world):
    t = tlv(world)
    with pytest.raises(ValidationError, match="eindigde op di 3 mrt 2026"):
        svc.schort_op(termijn=t, verzoek=D(2026, 3, 4), uiterlijk=D(2026, 3, 10))


def test_hervat_twee_keer_en_in_de_toekomst_geweigerd(world):
    t = tlv(world)
    o = svc.schort_op(termijn=t, verzoek=D(2026, 1, 19), uiterlijk=D(2026, 2, 2))
    with pytest.raises(ValidationError, match="toekomst"):
        svc.hervat(opschorting=o, ontvangst=D(2026, 12, 1))
    svc.hervat(opschorting=o, ontvangst=D(2026, 1, 30))
    o.refresh_from_db()
    with pytest.raises(ValidationError, match="al vastgelegd"):
        svc.hervat(opschorting=o, ontvangst=D(2026, 1, 31))


@pytest.mark.parametrize(
    "kwargs, fout",
    [
        pytest.param(
            dict(weken=5), "1 tot en met 4 weken", id="[domain §7] zorgplicht hoogstens 4 weken verlengen"
        ),
        pytest.param(
            dict(weken=4, op=D(2026, 4, 29)), "vóór het einde", id="[domain §11] verlengen vóór het einde"
        ),
        pytest.param(dict(weken=4, reden=" "), "reden", id="[domain §7] verlenging gemotiveerd"),
    ],
)
def test_verlenging_geweigerd(world, kwargs, fout):
    t = zorgplicht(world)
    args = dict(weken=4, op=D(2026, 4, 20), reden="Onderzoek loopt.") | kwargs
    with pytest.raises(ValidationError, match=fout):
        svc.verleng(termijn=t, **args)


def test_verlenging_maar_een_keer(world):
    """[domain §7] the zorgplicht can be extended once."""
    t = zorgplicht(world)
    svc.verleng(termijn=t, weken=2, op=D(2026, 4, 20), reden="Onderzoek loopt.")
    with pytest.raises(ValidationError, match="maar één keer"):
        svc.verleng(termijn=t, weken=2, op=D(2026, 4, 21), reden="Nog langer.")


def test_bezwaartermijn_niet_verlengbaar(world):
    """[Awb 6:7] the bezwaartermijn cannot be extended."""
    t = svc.start_termijn(soort="bezwaartermijn", start=D(2026, 1, 29), swv=world.swv)
    assert t.einde == D(2026, 3, 12)
    with pytest.raises(ValidationError, match="kan niet worden verlengd"):
        svc.verleng(termijn=t, weken=1, op=D(2026, 2, 1), reden="x")


def test_beslistermijn_bezwaar_verdaging(world):
    """[Awb 7:10 lid 3, domain §11 vb] 6 weeks after do 12 mrt = do 23 apr; verdaagd +6 = do 4 jun."""
    t = svc.start_termijn(soort="beslistermijn_bezwaar", start=D(2026, 3, 12), swv=world.swv)
    assert t.einde == D(2026, 4, 23)
    t = svc.verleng(termijn=t, weken=6, op=D(2026, 4, 20), reden="Hoorzitting later.")
    assert t.einde == D(2026, 6, 4)


def test_ontvangstbevestiging_werkdagen(world):
    """[scenario 2, 002 §1.12] bezwaar received vr 17 apr 2026 → confirm by vr 24 apr 2026."""
    t = svc.start_termijn(soort="ontvangstbevestiging_bezwaar", start=D(2026, 4, 17), swv=world.swv)
    assert t.einde == D(2026, 4, 24)
    assert "5 werkdagen geteld" in "\n".join(t.berekening.uitleg)


def test_voldaan_en_op_tijd(world):
    """[002 §1.8] percentage op tijd: voldaan on or before the last day."""
    t = tlv(world)
    t = svc.voldaan(termijn=t, op=D(2026, 3, 3))
    assert t.status == TermijnStatus.VOLDAAN
    assert t.op_tijd is True
    t2 = svc.voldaan(termijn=tlv(world), op=D(2026, 3, 4))
    assert t2.op_tijd is False
    with pytest.raises(ValidationError, match="voldaan"):
        svc.schort_op(termijn=t, verzoek=D(2026, 1, 20), uiterlijk=D(2026, 1, 25))


def test_stop_vraagt_reden(world):
    t = tlv(world)
    with pytest.raises(ValidationError, match="waarom"):
        svc.stop(termijn=t, op=D(2026, 2, 1), reden="")
    t = svc.stop(termijn=t, op=D(2026, 2, 1), reden="Aanvraag ingetrokken.")
    assert t.status == TermijnStatus.GESTOPT


def test_actuele_status_zonder_worker(world):
    """[conventions 'Celery'] the page is right even when no worker ran: a lopend term past its
    end shows as verlopen; suspended shows as lopend."""
    t = tlv(world)
    assert t.status == TermijnStatus.LOPEND
    assert t.actuele_status(D(2026, 3, 3)) == "lopend"
    assert t.actuele_status(D(2026, 3, 4)) == "verlopen"
    assert t.dagen_resterend(D(2026, 3, 1)) == 2
    assert t.dagen_resterend(D(2026, 3, 6)) == -3


def test_zaak_en_andere_swv(world):
    """A term is tied generically to its case; school and leerling must be of the same SWV."""
    leerling = LeerlingFactory(swv=world.swv, school=world.school)
    t = svc.start_termijn(
        soort="zorgplicht", start=D(2026, 2, 3), zaak=leerling, swv=world.swv, school=world.school
    )
    assert t.zaak == leerling
    assert t.leerling == leerling  # the case is the leerling itself
    assert list(termijnen_van(leerling)) == [t]
    with pytest.raises(ValidationError, match="ander samenwerkingsverband"):
        svc.start_termijn(soort="zorgplicht", start=D(2026, 2, 3), swv=world.swv, school=world.school_b)


def test_onbekende_soort_vraagt_grondslag_en_duur(world):
    with pytest.raises(ValidationError, match="grondslag en duur"):
        svc.start_termijn(soort="iets_anders", start=D(2026, 2, 3), swv=world.swv)
    t = svc.start_termijn(
        soort="interventie_eerste_bijeenkomst",
        start=D(2026, 2, 3),
        swv=world.swv,
        weken=1,
        atw=False,
        basis="eerste bijeenkomst binnen een week [000]",
        rollen=["bestuurder"],
    )
    assert t.einde == D(2026, 2, 10)  # [scenario 4]
    assert t.soort_label == "Interventie eerste bijeenkomst"


def test_registreer_soort_voor_andere_apps():
    d = SoortDefinitie(code="test_soort", label="Test", basis="x", start_omschrijving="y", weken=1)
    assert registreer_soort(d) is d
    assert registreer_soort(d) is d  # idempotent
    with pytest.raises(ValueError):
        registreer_soort(SoortDefinitie(code="test_soort", label="Anders", basis="x", start_omschrijving="y"))


def test_deskundige_kan_niet_verantwoordelijk_zijn(world):
    with pytest.raises(ValidationError, match="deskundige"):
        tlv(world, rollen=["deskundige"])


def test_scope_en_verantwoordelijken(world):
    """filter_for_user follows the case's school; voor_verantwoordelijke only the listed roles
    whose scope covers the term [domain §2]."""
    z = zorgplicht(world)  # school A1, regio A: directeur + SC
    z2 = zorgplicht(world, school=world.school2)  # other regio
    t = tlv(world)
    u = world.users
    assert set(Termijn.objects.filter_for_user(u["directeur"])) == {z, t}
    assert set(Termijn.objects.filter_for_user(u["sll"])) == {z, z2, t}
    assert set(Termijn.objects.filter_for_user(world.ib_b)) == set()
    assert set(Termijn.objects.voor_verantwoordelijke(u["directeur"])) == {z}
    assert set(Termijn.objects.voor_verantwoordelijke(u["sc"])) == {z}
    assert set(Termijn.objects.voor_verantwoordelijke(u["sll"])) == {t}
    assert set(Termijn.objects.voor_verantwoordelijke(u["tla"])) == {t}
    assert set(Termijn.objects.voor_verantwoordelijke(u["ib"])) == set()
    persoonlijk = tlv(world, verantwoordelijke=u["ib"])
    assert set(Termijn.objects.voor_verantwoordelijke(u["ib"])) == {persoonlijk}
    assert list(mijn_termijnen(u["directeur"], vandaag=D(2026, 4, 20))) == [z]
