"""Verzuimregistratie and meldingen to leerplicht [Leerplichtwet art. 21a; 002 verzuimkaart; domain §10]."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cases.models import SchoolVakantie
from cases.termijnen.selectors import lesweken_venster_begin
from tests.conftest import maak_rol
from tests.factories import GebruikerFactory
from tests.factories.verzuim import leerling_met_ouder
from verzuim.models import Verzuimmelding
from verzuim.models.meldingen import MeldingStatus
from verzuim.selectors import verzuimbeeld
from verzuim.services.meldingen import handel_af, meld_verzuim, neem_in_behandeling, registreer_verzuim

D = date
pytestmark = pytest.mark.django_db


def _voorjaar(regio="midden"):
    """Voorjaarsvakantie 2026 (regio midden: 14-22 Feb) as holiday data of the installation."""
    SchoolVakantie.objects.get_or_create(
        schooljaar="2025-2026",
        soort="voorjaar",
        regio=regio,
        defaults={"van": D(2026, 2, 14), "tot": D(2026, 2, 22)},
    )


def _fenna(world):
    _voorjaar()
    world.school.vakantieregio = "midden"
    world.school.save()
    fenna = leerling_met_ouder(school=world.school, voornaam="Fenna")
    ib = world.users["ib"]
    for d in (D(2026, 2, 3), D(2026, 2, 10), D(2026, 2, 24), D(2026, 3, 4)):
        registreer_verzuim(
            leerling=fenna, soort="ongeoorloofd", datum=d, uren=Decimal(4), door=ib, vandaag=D(2026, 3, 4)
        )
    return fenna


def test_fenna_meldplicht_op_4_maart_richtdatum_11_maart_art21a(world):
    """[Leerplichtwet art. 21a][scenario Fenna] From registered hours the system shows the duty and
    the 5-werkdagen guidance, with the holiday data of the school's vakantieregio."""
    fenna = _fenna(world)
    beeld = verzuimbeeld(user=world.users["ib"], leerling=fenna, peildatum=D(2026, 3, 4))
    assert beeld.vakanties_bekend
    assert beeld.zestien.bereikt_op == D(2026, 3, 4)
    assert beeld.zestien.richtdatum == D(2026, 3, 11)


def test_melding_gaat_naar_gemeente_van_de_school_en_periode_herstart_art21a(world):
    """[002 verzuimkaart] The melding goes to the LPA of the school's gemeente (not the home gemeente);
    ouders informed is recorded; after the melding a new 4-week period starts."""
    fenna = _fenna(world)
    fenna.gemeente = world.school2.gemeente  # lives elsewhere
    fenna.save()
    m = meld_verzuim(
        leerling=fenna,
        soort="zestien_uur",
        ouders_geinformeerd_op=D(2026, 3, 5),
        door=world.users["ib"],
        vandaag=D(2026, 3, 5),
    )
    assert m.gemeente == world.school.gemeente
    assert (m.plicht_ontstaan_op, m.periode_van, m.uren) == (D(2026, 3, 4), D(2026, 2, 2), Decimal(16))
    assert m.tijdig
    assert m.richtdatum == D(2026, 3, 11)
    beeld = verzuimbeeld(user=world.users["ib"], leerling=fenna, peildatum=D(2026, 3, 5))
    assert beeld.zestien is None
    assert beeld.uren_lopend == 0
    with pytest.raises(ValidationError, match="niet ontstaan"):
        meld_verzuim(
            leerling=fenna,
            soort="zestien_uur",
            ouders_geinformeerd_op=D(2026, 3, 5),
            door=world.users["ib"],
            vandaag=D(2026, 3, 5),
        )


def test_melding_zonder_ouders_geinformeerd_geweigerd_verzuimkaart(world):
    """[002 verzuimkaart] 'Ouders op de hoogte stellen van de melding': without a date, refused in Dutch."""
    fenna = _fenna(world)
    with pytest.raises(ValidationError) as exc:
        meld_verzuim(
            leerling=fenna,
            soort="zestien_uur",
            ouders_geinformeerd_op=None,
            door=world.users["ib"],
            vandaag=D(2026, 3, 5),
        )
    assert "ouders" in str(exc.value.message_dict["ouders_geinformeerd_op"])


def test_te_laat_melding_pas_vanaf_de_vierde_keer_verzuimkaart(world):
    ll = leerling_met_ouder(school=world.school, voornaam="Tijn")
    ib = world.users["ib"]
    for dag in (2, 3, 4):
        registreer_verzuim(
            leerling=ll,
            soort="te_laat",
            datum=D(2026, 3, dag),
            uren=Decimal("0.25"),
            door=ib,
            vandaag=D(2026, 3, 9),
        )
    with pytest.raises(ValidationError, match="vanaf de 4e keer"):
        meld_verzuim(
            leerling=ll, soort="te_laat", ouders_geinformeerd_op=D(2026, 3, 5), door=ib, vandaag=D(2026, 3, 5)
        )
    registreer_verzuim(
        leerling=ll,
        soort="te_laat",
        datum=D(2026, 3, 5),
        uren=Decimal("0.25"),
        door=ib,
        vandaag=D(2026, 3, 9),
    )
    m = meld_verzuim(
        leerling=ll, soort="te_laat", ouders_geinformeerd_op=D(2026, 3, 6), door=ib, vandaag=D(2026, 3, 6)
    )
    assert m.te_laat_aantal == 4


def test_registratie_invoerfouten_in_het_nederlands(world):
    ll = leerling_met_ouder(school=world.school, voornaam="Sam")
    ib = world.users["ib"]
    with pytest.raises(ValidationError) as exc:
        registreer_verzuim(
            leerling=ll,
            soort="ongeoorloofd",
            datum=D(2026, 3, 7),
            uren=Decimal(0),
            door=ib,
            vandaag=D(2026, 3, 6),
        )
    fouten = exc.value.message_dict
    assert "op of na de dag zelf" in fouten["datum"][0]
    assert "lesuren" in fouten["uren"][0]
    with pytest.raises(ValidationError, match="zaterdag en zondag"):
        registreer_verzuim(
            leerling=ll,
            soort="ongeoorloofd",
            datum=D(2026, 2, 28),
            uren=Decimal(2),
            door=ib,
            vandaag=D(2026, 3, 6),
        )


def test_alleen_eigen_school_registreert(world):
    ll = leerling_met_ouder(school=world.school2, voornaam="Ander")
    with pytest.raises(PermissionDenied):
        registreer_verzuim(
            leerling=ll,
            soort="ongeoorloofd",
            datum=D(2026, 3, 4),
            uren=Decimal(2),
            door=world.users["ib"],
            vandaag=D(2026, 3, 4),
        )


def test_lpa_van_andere_gemeente_ziet_niets_en_kan_niet_afhandelen(world):
    """[domain §2] The LPA sees and answers only the meldingen of their own gemeente."""
    fenna = _fenna(world)
    m = meld_verzuim(
        leerling=fenna,
        soort="zestien_uur",
        ouders_geinformeerd_op=D(2026, 3, 5),
        door=world.users["ib"],
        vandaag=D(2026, 3, 5),
    )
    lpa = world.users["lpa"]
    ander = GebruikerFactory(username="lpa_zuid")
    maak_rol(ander, "lpa", swv=world.swv, gemeente=world.school2.gemeente)
    assert list(Verzuimmelding.objects.filter_for_user(lpa)) == [m]
    assert not Verzuimmelding.objects.filter_for_user(ander).exists()
    assert not Verzuimmelding.objects.filter_for_user(world.users["sc"]).exists()
    with pytest.raises(PermissionDenied):
        neem_in_behandeling(melding=m, door=ander)
    neem_in_behandeling(melding=m, door=lpa)
    with pytest.raises(ValidationError, match="Beschrijf"):
        handel_af(melding=m, reactie="  ", door=lpa)
    m = handel_af(
        melding=m, reactie="Ouders opgeroepen; waarschuwing gegeven.", door=lpa, vandaag=D(2026, 3, 9)
    )
    assert m.status == MeldingStatus.AFGEHANDELD
    assert m.afgehandeld_op == D(2026, 3, 9)


def test_meldtermijn_5_werkdagen_start_bij_16_uur_en_is_voldaan_na_melding_domain11(world):
    """[Leerplichtwet art. 21a][domain §11] Reaching 16 hours starts a 5-werkdagen term (Termijn) that the
    daily sweep watches; the melding fulfils it."""
    from cases.termijnen.models.termijnen import Termijn

    fenna = _fenna(world)
    termijn = Termijn.objects.get(leerling=fenna, soort="verzuim_melding_16uur")
    assert (termijn.start, termijn.einde, termijn.status) == (D(2026, 3, 4), D(2026, 3, 11), "lopend")
    assert Termijn.objects.voor_verantwoordelijke(world.users["ib"]).filter(pk=termijn.pk).exists()
    meld_verzuim(
        leerling=fenna,
        soort="zestien_uur",
        ouders_geinformeerd_op=D(2026, 3, 5),
        door=world.users["ib"],
        vandaag=D(2026, 3, 5),
    )
    termijn.refresh_from_db()
    assert termijn.status == "voldaan"


def test_venster_gelijk_aan_lesweken_van_cases(world):
    """The window of verzuim/regels.py agrees with cases.termijnen.selectors.lesweken_venster_begin."""
    fenna = _fenna(world)
    beeld = verzuimbeeld(user=world.users["ib"], leerling=fenna, peildatum=D(2026, 3, 4))
    assert beeld.zestien.periode_van == lesweken_venster_begin(world.school, D(2026, 3, 4)) == D(2026, 2, 2)


def test_ontbrekende_schoolvakanties_worden_gemeld(world, client):
    """Without the holidays of a school year the page says so: a holiday week would count as lesweek."""
    ll = leerling_met_ouder(school=world.school, voornaam="Jip")
    registreer_verzuim(
        leerling=ll,
        soort="ongeoorloofd",
        datum=D(2028, 3, 1),
        uren=Decimal(2),
        door=world.users["ib"],
        vandaag=D(2028, 3, 1),
    )
    beeld = verzuimbeeld(user=world.users["ib"], leerling=ll, peildatum=D(2028, 3, 1))
    assert not beeld.vakanties_bekend
    client.force_login(world.users["ib"])
    html = client.get(f"/verzuim/leerling/{ll.pk}/?peildatum=2028-03-01").content.decode()
    assert "niet (volledig) vastgelegd" in html


def test_ziekte_melding_pas_bij_signaal_verzuimkaart(world):
    """[002 verzuimkaart 'Ziekte'] Refused without a signal; after a sick report of more than 2 weeks it
    may go to leerplicht, with background information."""
    ll = leerling_met_ouder(school=world.school, voornaam="Roos")
    ib = world.users["ib"]
    registreer_verzuim(
        leerling=ll, soort="ziek", datum=D(2026, 1, 5), tot=D(2026, 1, 9), door=ib, vandaag=D(2026, 2, 2)
    )
    with pytest.raises(ValidationError, match="signaal"):
        meld_verzuim(
            leerling=ll,
            soort="ziekte",
            ouders_geinformeerd_op=D(2026, 2, 2),
            toelichting="Zorgen.",
            door=ib,
            vandaag=D(2026, 2, 2),
        )
    registreer_verzuim(leerling=ll, soort="ziek", datum=D(2026, 1, 12), door=ib, vandaag=D(2026, 2, 2))
    with pytest.raises(ValidationError) as exc:
        meld_verzuim(
            leerling=ll,
            soort="ziekte",
            ouders_geinformeerd_op=D(2026, 2, 2),
            toelichting="",
            door=ib,
            vandaag=D(2026, 2, 2),
        )
    assert "achtergrondinformatie" in exc.value.message_dict["toelichting"][0]
    m = meld_verzuim(
        leerling=ll,
        soort="ziekte",
        ouders_geinformeerd_op=D(2026, 2, 2),
        toelichting="Ziek sinds 12 januari; niet verschenen bij de jeugdarts.",
        door=ib,
        vandaag=D(2026, 2, 2),
    )
    assert m.soort == "ziekte"
    assert m.gemeente == world.school.gemeente


def test_luxe_verzuim_melden_en_nieuwe_periode(world):
    """[002 verzuimkaart 'Luxe verzuim'] A week off without leave is reported; the luxe melding also
    starts a new period of 4 lesweken, so the same hours do not raise the 16-hour duty again."""
    ll = leerling_met_ouder(school=world.school, voornaam="Fenna")
    ib = world.users["ib"]
    for i in range(5):
        registreer_verzuim(
            leerling=ll,
            soort="luxe",
            datum=D(2026, 6, 8) + timedelta(days=i),
            uren=Decimal("5.5"),
            door=ib,
            vandaag=D(2026, 6, 15),
        )
    assert verzuimbeeld(user=ib, leerling=ll, peildatum=D(2026, 6, 15)).zestien.bereikt_op == D(2026, 6, 10)
    m = meld_verzuim(
        leerling=ll, soort="luxe", ouders_geinformeerd_op=D(2026, 6, 15), door=ib, vandaag=D(2026, 6, 15)
    )
    assert m.uren == Decimal("27.5")
    assert m.periode_van == D(2026, 6, 8)
    assert verzuimbeeld(user=ib, leerling=ll, peildatum=D(2026, 6, 15)).zestien is None


def test_onbekende_registratiesoort_geweigerd(db):
    """A soort outside the verzuimkaart is refused, not silently stored [002 verzuimkaart]."""
    from tests.factories import LeerlingFactory, SchoolFactory
    from verzuim.models import VerzuimRegistratie

    school = SchoolFactory()
    ib = GebruikerFactory()
    maak_rol(ib, "ib", swv=school.swv, school=school)
    leerling = LeerlingFactory(swv=school.swv, school=school)
    with pytest.raises(ValidationError, match="Kies wat voor verzuim"):
        registreer_verzuim(
            leerling=leerling, soort="relatief", datum=date(2026, 11, 16), uren=Decimal("4"), door=ib
        )
    assert not VerzuimRegistratie.objects.exists()
