"""The zorgplicht machine: terms, extension, outcomes, non-applicability, age rules, bao-bao
[domain §7, §11; 002 bijlage 2.2.1]. Every end date is checked against cases.termijnen."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied

from cases.models import Brief
from cases.models.organisaties import Denominatie
from cases.termijnen import zorgplicht_einde
from tests.factories import SchoolFactory
from tests.factories.zorgplicht import OUDERS, bestaande_leerling, nieuwe_leerling, op
from tests.factories.zorgplicht import aanmelding as maak
from zorgplicht import services, termijnen
from zorgplicht.models import Aanmelding, Antwoord, Status, TLVSoort, Uitkomst
from zorgplicht.selectors import zorgplicht_bij
from zorgplicht.services import ZorgplichtFout

D = date


def herlaad(a):
    return Aanmelding.objects.get(pk=a.pk)


def vraag(a, door, r, ontvangen):
    with op(r):
        services.vraag_informatie(
            aanmelding=a,
            door=door,
            gevraagd_op=r,
            gevraagd_bij="ouders",
            omschrijving="verslag logopedie",
            toestemming_ouders_op=r,
            antwoord_uiterlijk=r + timedelta(days=28),
        )
    with op(ontvangen):
        services.registreer_informatie_ontvangen(aanmelding=a, door=door, ontvangen_op=ontvangen)
    return herlaad(a)


# --- the worked examples of domain §11 -------------------------------------------------------------


@pytest.mark.parametrize(
    "aanmelding_op, verlengd, opschortingen, verwacht",
    [
        pytest.param(D(2026, 2, 3), False, [], D(2026, 3, 17), id="[domain §11] di 3 feb -> di 17 mrt"),
        pytest.param(D(2026, 2, 3), True, [], D(2026, 4, 14), id="[domain §11] verlengd D+70 -> di 14 apr"),
        pytest.param(
            D(2026, 3, 16), False, [], D(2026, 4, 28), id="[domain §11 Atw] ma 27 apr Koningsdag -> di 28 apr"
        ),  # noqa: E501
        pytest.param(
            D(2026, 3, 16),
            True,
            [(D(2026, 4, 1), D(2026, 4, 14))],
            D(2026, 6, 8),
            id="[scenario Sem] 10 wk + 12 dagen = za 6 jun -> ma 8 jun",
        ),
        pytest.param(
            D(2026, 2, 3),
            False,
            [(D(2026, 2, 16), D(2026, 2, 26))],
            D(2026, 3, 26),
            id="[issue 6 walkthrough] 9 dagen opgeschort -> do 26 mrt",
        ),
        pytest.param(
            D(2026, 2, 3),
            True,
            [(D(2026, 2, 16), D(2026, 2, 26))],
            D(2026, 4, 23),
            id="[issue 6 walkthrough] verlengd -> do 23 apr",
        ),
    ],
)
def test_scenario_einddata_volgen_de_engine(world, aanmelding_op, verlengd, opschortingen, verwacht):
    geboren = D(2021, 1, 5)
    a = maak(world, aanmelding_op=aanmelding_op, geboortedatum=geboren)
    door = world.users["directeur"]
    for r, ontvangen in opschortingen:
        a = vraag(a, door, r, ontvangen)
    if verlengd:
        with op(opschortingen[-1][1] if opschortingen else aanmelding_op):
            services.verleng(aanmelding=a, door=door, reden="Observatie in de groep is nog niet afgerond.")
        a = herlaad(a)
    stand = termijnen.stand(a, D(2026, 2, 3))
    assert stand.einde == verwacht
    assert stand.einde == zorgplicht_einde(aanmelding_op, verlengd=verlengd, opschortingen=opschortingen)
    assert stand.berekening.uitleg[-1].startswith("Laatste dag van de termijn")


def test_sem_koningsdag_wordt_uitgelegd(world):
    """[scenario Sem; Atw art. 3] the explanation names Koningsdag as the skipped day."""
    a = maak(world, aanmelding_op=D(2026, 3, 16), geboortedatum=D(2021, 9, 1))
    uitleg = " ".join(termijnen.stand(a, D(2026, 3, 16)).zes.uitleg)
    assert "Koningsdag" in uitleg
    assert "di 28 apr 2026" in uitleg


def test_walkthrough_brieven_en_einddata(world):
    """[issue 6 walkthrough] registered Tue 3 Feb, information Mon 16 Feb -> Thu 26 Feb, extended:
    the letters carry the same dates as the engine."""
    door = world.users["directeur"]
    a = maak(world, aanmelding_op=D(2026, 2, 3))
    bevestiging = Brief.objects.get(soort="zorgplicht_ontvangstbevestiging")
    assert bevestiging.context["zes_weken_einde"] == "2026-03-17"
    a = vraag(a, door, D(2026, 2, 16), D(2026, 2, 26))
    assert a.status == Status.IN_ONDERZOEK
    assert termijnen.stand(a, D(2026, 2, 26)).einde == D(2026, 3, 26)
    with op(D(2026, 3, 20)):
        services.verleng(aanmelding=a, door=door, reden="Wij wachten op het advies van de orthopedagoog.")
    a = herlaad(a)
    assert a.status == Status.VERLENGD
    assert a.verlengd_op == D(2026, 3, 20)
    brief = Brief.objects.get(soort="zorgplicht_verlenging")
    assert (
        brief.context["nieuw_einde"]
        == "2026-04-23"
        == zorgplicht_einde(
            D(2026, 2, 3), verlengd=True, opschortingen=[(D(2026, 2, 16), D(2026, 2, 26))]
        ).isoformat()
    )
    assert brief.context["zes_weken_einde"] == "2026-03-26"
    assert "orthopedagoog" in brief.context["reden"]


# --- extension: once, in time, with reasons ----------------------------------------------------------


def test_verlengen_kan_maar_een_keer(world):
    """[002 bijlage 2.2.1 stap 5] 'kan deze termijn met vier kalenderweken worden verlengd': once."""
    door = world.users["directeur"]
    a = maak(world)
    with op(D(2026, 3, 10)):
        services.verleng(aanmelding=a, door=door, reden="Onderzoek loopt nog.")
        with pytest.raises(ZorgplichtFout, match="één keer"):
            services.verleng(aanmelding=herlaad(a), door=door, reden="Nog eens.")
    assert Brief.objects.filter(soort="zorgplicht_verlenging").count() == 1


@pytest.mark.parametrize(
    "dag, mag",
    [
        pytest.param(D(2026, 3, 17), True, id="[domain §11] op de laatste dag van de zes weken: op tijd"),
        pytest.param(D(2026, 3, 18), False, id="[domain §11] een dag te laat: geweigerd"),
    ],
)
def test_verlengen_alleen_voor_einde_zes_weken(world, dag, mag):
    door = world.users["directeur"]
    a = maak(world)
    with op(dag):
        if mag:
            services.verleng(aanmelding=a, door=door, reden="Onderzoek loopt nog.")
            assert herlaad(a).status == Status.VERLENGD
        else:
            with pytest.raises(ZorgplichtFout, match="zes weken"):
                services.verleng(aanmelding=a, door=door, reden="Onderzoek loopt nog.")
            assert herlaad(a).verlengd_op is None
            assert not Brief.objects.filter(soort="zorgplicht_verlenging").exists()


def test_verlengen_na_opschorting_schuift_uiterste_dag_mee(world):
    """[domain §11] the 6-week end moved by 9 suspended days (Thu 26 Mar): extending on 25 Mar is in time."""
    door = world.users["directeur"]
    a = vraag(maak(world), door, D(2026, 2, 16), D(2026, 2, 26))
    # Aanmelding Tue 3 Feb 2026 + 42 days = Tue 17 Mar. Requested Mon 16 Feb, received Thu 26 Feb:
    # suspended A - R - 1 = 26 - 16 - 1 = 9 days, so Tue 17 Mar + 9 = Thu 26 Mar, a working day
    # (Atw moves nothing). Unmoved, 25 Mar would be 8 days too late.
    assert termijnen.stand(a, D(2026, 3, 25)).zes.einde == D(2026, 3, 26)
    with op(D(2026, 3, 25)):
        services.verleng(aanmelding=a, door=door, reden="Onderzoek loopt nog.")
    a = herlaad(a)
    assert a.status == Status.VERLENGD
    assert a.verlengd_op == D(2026, 3, 25)
    # Extended: 3 Feb + 70 days = Tue 14 Apr, + the same 9 suspended days = Thu 23 Apr.
    assert termijnen.stand(a, D(2026, 3, 25)).einde == D(2026, 4, 23)


def test_verlengen_zonder_reden_geweigerd(world):
    """[domain §11] 'announced in writing, with reasons'."""
    a = maak(world)
    with op(D(2026, 3, 1)), pytest.raises(ZorgplichtFout, match="reden"):
        services.verleng(aanmelding=a, door=world.users["directeur"], reden="  ")


def test_ib_mag_niet_verlengen_of_beslissen(world):
    a = maak(world)
    with op(D(2026, 3, 1)):
        with pytest.raises(PermissionDenied):
            services.verleng(aanmelding=a, door=world.users["ib"], reden="Onderzoek loopt nog.")
        with pytest.raises(PermissionDenied):
            services.neem_besluit(aanmelding=a, door=world.users["ib"], uitkomst=6, toelichting="Past.")


def test_ib_van_andere_school_mag_niet_volgen(world):
    a = maak(world)
    with op(D(2026, 2, 10)), pytest.raises(PermissionDenied):
        services.vraag_informatie(
            aanmelding=a,
            door=world.ib_a2,
            gevraagd_op=D(2026, 2, 10),
            gevraagd_bij="ouders",  # noqa: E501
            omschrijving="x",
            toestemming_ouders_op=D(2026, 2, 10),
            antwoord_uiterlijk=D(2026, 2, 10) + timedelta(days=28),
        )


# --- information requests -----------------------------------------------------------------------------


def test_informatie_vraagt_toestemming_ouders_vooraf(world):
    """[002 bijlage 2.2.1 stap 4] 'Voor het laatste geven de ouders vooraf toestemming.'"""
    a = maak(world)
    with op(D(2026, 2, 16)):
        with pytest.raises(ZorgplichtFout, match="toestemming"):
            services.vraag_informatie(
                aanmelding=a,
                door=world.users["ib"],
                gevraagd_op=D(2026, 2, 16),
                gevraagd_bij="huisarts",
                omschrijving="x",
                toestemming_ouders_op=None,
            )
        with pytest.raises(ZorgplichtFout, match="toestemming"):
            services.vraag_informatie(
                aanmelding=a,
                door=world.users["ib"],
                gevraagd_op=D(2026, 2, 16),
                gevraagd_bij="huisarts",
                omschrijving="x",
                toestemming_ouders_op=D(2026, 2, 17),
                antwoord_uiterlijk=D(2026, 2, 17) + timedelta(days=28),
            )  # noqa: E501


def test_open_verzoek_telt_de_hele_antwoordtermijn_en_blokkeert_besluit(world):
    """[002 bijlage 2.2.1 stap 4; Awb 4:15 lid 1 onder a] while the information is outstanding the
    whole answer period counts; an answer after it does not suspend longer."""
    door = world.users["directeur"]
    a = maak(world)

    def vraag_op(dag, **kw):
        services.vraag_informatie(
            aanmelding=a,
            door=door,
            gevraagd_op=dag,
            gevraagd_bij="ouders",
            omschrijving="verslag",
            toestemming_ouders_op=dag,
            **kw,
        )

    with op(D(2026, 2, 16)):
        with pytest.raises(ZorgplichtFout, match="antwoordtermijn"):
            vraag_op(D(2026, 2, 16))
        vraag_op(D(2026, 2, 16), antwoord_uiterlijk=D(2026, 3, 16))
    a = herlaad(a)
    assert a.status == Status.INFORMATIE_OPGEVRAAGD
    # answer period until Mon 16 Mar: 17 Feb .. 16 Mar suspended (28 days) -> 17 Mar + 28 = Tue 14 Apr
    assert termijnen.stand(a, D(2026, 2, 20)).einde == D(2026, 4, 14)
    assert termijnen.stand(a, D(2026, 2, 20)).voorlopig
    with op(D(2026, 2, 20)):
        with pytest.raises(ZorgplichtFout, match="status"):
            services.neem_besluit(aanmelding=a, door=door, uitkomst=6, toelichting="Past.")
        with pytest.raises(ZorgplichtFout, match="informatie opgevraagd"):
            vraag_op(D(2026, 2, 20), antwoord_uiterlijk=D(2026, 3, 1))
    with op(D(2026, 4, 1)):
        services.registreer_informatie_ontvangen(aanmelding=a, door=door, ontvangen_op=D(2026, 4, 1))
    # the answer came after the answer period: the suspension ended when the period lapsed
    assert termijnen.stand(herlaad(a), D(2026, 4, 1)).einde == D(2026, 4, 14)


def test_informatie_na_verlenging_keert_terug_naar_verlengd(world):
    door = world.users["directeur"]
    a = maak(world)
    with op(D(2026, 3, 2)):
        services.verleng(aanmelding=a, door=door, reden="Onderzoek loopt nog.")
    a = vraag(herlaad(a), door, D(2026, 3, 3), D(2026, 3, 10))
    assert a.status == Status.VERLENGD
    assert termijnen.stand(a, D(2026, 3, 10)).einde == zorgplicht_einde(
        D(2026, 2, 3), verlengd=True, opschortingen=[(D(2026, 3, 3), D(2026, 3, 10))]
    )


# --- outcomes 6-9 -----------------------------------------------------------------------------------


def test_uitkomst_6_geplaatst_en_ingeschreven(world):
    """[002 bijlage 2.2.1 stap 6] placed at the school of aanmelding; closing enrols the child."""
    door = world.users["directeur"]
    a = maak(world)
    with op(D(2026, 3, 2)):
        services.neem_besluit(
            aanmelding=a, door=door, uitkomst=Uitkomst.GEPLAATST, toelichting="Wij bieden dit."
        )  # noqa: E501
        brief = Brief.objects.get(soort="zorgplicht_besluit")
        assert brief.bezwaarclausule  # openbaar bestuur (factory default)
        services.sluit_af(aanmelding=herlaad(a), door=door, ingeschreven_op=D(2026, 3, 2), groep=1)
    a = herlaad(a)
    assert a.status == Status.AFGESLOTEN
    assert a.leerling.huidige_school_id == world.school.pk
    assert zorgplicht_bij(a) == [world.school]


def test_uitkomst_7_vraagt_sc_en_arrangement(world):
    """[002 bijlage 2.2.1 stap 7] extra support from the SWV, agreed with the steunpuntcoördinator."""
    door = world.users["directeur"]
    a = maak(world)
    with op(D(2026, 3, 2)):
        with pytest.raises(ZorgplichtFout, match="steunpuntcoördinator"):
            services.neem_besluit(aanmelding=a, door=door, uitkomst=7, toelichting="Met hulp.")
        with pytest.raises(ZorgplichtFout, match="steunpuntcoördinator"):
            services.neem_besluit(
                aanmelding=a,
                door=door,
                uitkomst=7,
                toelichting="Met hulp.",
                arrangement="x",  # noqa: E501
                sc=world.users["cjk"],
            )
        services.neem_besluit(
            aanmelding=a,
            door=door,
            uitkomst=7,
            toelichting="Met hulp.",
            arrangement="Overgangsarrangement 6 maanden.",
            sc=world.users["sc"],
        )
    a = herlaad(a)
    assert a.status == Status.BESLUIT
    assert a.sc_akkoord == world.users["sc"]


def test_uitkomst_9_tlv_route_soort_moet_passen(world):
    """[002 bijlage 2.2.1 stap 9, bijlage 3.11.1] onderinstroom for a first aanmelding, zij-instroom
    when the child is already at a school."""
    door = world.users["directeur"]
    a = maak(world)
    with op(D(2026, 3, 2)):
        with pytest.raises(ZorgplichtFout, match="TLV"):
            services.neem_besluit(aanmelding=a, door=door, uitkomst=9, toelichting="So nodig.")
        with pytest.raises(ZorgplichtFout, match="Zij-instroom"):
            services.neem_besluit(
                aanmelding=a,
                door=door,
                uitkomst=9,
                toelichting="So nodig.",
                tlv_soort=TLVSoort.ZIJ_INSTROOM,
                tlv_school_soort="so",
            )
        services.neem_besluit(
            aanmelding=a,
            door=door,
            uitkomst=9,
            toelichting="So nodig.",
            tlv_soort=TLVSoort.ONDERINSTROOM,
            tlv_school_soort="so",
        )
    a = herlaad(a)
    assert a.uitkomst == 9
    from tlv.models import TLVAanvraag

    aanvraag = TLVAanvraag.objects.get(pk=a.tlv_aanvraag_id)
    assert (aanvraag.soort, aanvraag.gevraagde_schoolsoort, aanvraag.school_id) == (
        "onderinstroom",
        "so",
        world.school.pk,
    )
    with op(D(2026, 3, 3)):
        services.sluit_af(aanmelding=a, door=door)
    assert herlaad(a).status == Status.AFGESLOTEN


def test_uitkomst_9_zij_instroom_aanvraag_door_verwijzende_school(world):
    """[002 bijlage 3.11.1] 'Bij zij-instroom geldt dat de verwijzende school de TLV aanvraagt': the
    school of aanmelding records the outcome; it starts no aanvraag for the other school."""
    leerling = bestaande_leerling(world, world.school2, geboortedatum=D(2018, 3, 1))
    door = world.users["directeur"]
    with op(D(2026, 2, 3)):
        a = services.registreer_aanmelding(
            door=door,
            school=world.school,
            aanmelding_op=D(2026, 2, 3),
            extra_ondersteuning_vermoed=True,
            leerling=leerling,
        )
        services.start_onderzoek(aanmelding=a, door=door)
        services.neem_besluit(
            aanmelding=a,
            door=door,
            uitkomst=9,
            toelichting="Sbo nodig.",
            tlv_soort=TLVSoort.ZIJ_INSTROOM,
            tlv_school_soort="sbo",
        )
    a = herlaad(a)
    assert a.status == Status.BESLUIT
    assert a.tlv_aanvraag_id is None
    with op(D(2026, 2, 4)), pytest.raises(ZorgplichtFout, match="ingeschreven"):
        services.sluit_af(aanmelding=a, door=door)


def test_zij_instroom_bestaande_leerling(world):
    """[002 bijlage 2.2.1 stap 2] an existing pupil at another school: zij-instroom, no plaatsingsplicht."""
    leerling = bestaande_leerling(world, world.school2, geboortedatum=D(2018, 3, 1))
    with op(D(2026, 2, 3)):
        a = services.registreer_aanmelding(
            door=world.users["directeur"],
            school=world.school,
            aanmelding_op=D(2026, 2, 3),
            extra_ondersteuning_vermoed=True,
            leerling=leerling,
        )
    assert a.zij_instroom
    assert not termijnen.stand(herlaad(a), D(2026, 6, 1)).plaatsingsplicht


def _baobao(world, a):
    sc = world.users["sc"]
    andere = SchoolFactory(
        swv=world.swv, regio=world.regio, gemeente=world.gemeente, naam="OBS Ander Testdorp"
    )  # noqa: E501
    derde = SchoolFactory(
        swv=world.swv, regio=world.regio, gemeente=world.gemeente, naam="CBS Derde Testdorp"
    )  # noqa: E501
    with op(D(2026, 2, 20)):
        v1 = services.stel_school_voor(aanmelding=a, door=sc, school=andere, motivering="SOP: gedrag")
        v2 = services.stel_school_voor(aanmelding=a, door=sc, school=derde)
    return andere, derde, v1, v2


def test_uitkomst_8_baobao_gedeelde_zorgplicht_tot_inschrijving(world):
    """[002 bijlage 2.2.1 stap 8] shared zorgplicht while the other school investigates; the ouders
    choose; the zorgplicht passes only when they enrol there."""
    door, sc = world.users["directeur"], world.users["sc"]
    a = maak(world)
    andere, derde, v1, v2 = _baobao(world, a)
    assert zorgplicht_bij(herlaad(a)) == [world.school]  # asked, not yet investigating
    with op(D(2026, 2, 24)):
        services.registreer_antwoord(voorstel=v1, door=sc, antwoord=Antwoord.IN_ONDERZOEK)
        services.registreer_antwoord(voorstel=v2, door=sc, antwoord=Antwoord.KAN_NIET)
    assert zorgplicht_bij(herlaad(a)) == [world.school, andere]
    with op(D(2026, 3, 2)):
        with pytest.raises(ZorgplichtFout, match="kunnen plaatsen"):
            services.registreer_keuze_ouders(voorstel=v1, door=sc)
        with pytest.raises(ZorgplichtFout, match="andere reguliere school"):
            services.neem_besluit(aanmelding=a, door=door, uitkomst=8, toelichting="Elders beter.")
        services.registreer_antwoord(voorstel=v1, door=sc, antwoord=Antwoord.KAN_PLAATSEN)
        services.registreer_keuze_ouders(voorstel=v1, door=sc)
        services.neem_besluit(aanmelding=a, door=door, uitkomst=8, toelichting="Elders beter.")
    a = herlaad(a)
    assert a.gekozen_school == andere
    assert zorgplicht_bij(a) == [world.school, andere]
    with op(D(2026, 3, 9)):
        services.sluit_af(aanmelding=a, door=door, ingeschreven_op=D(2026, 3, 9), groep=1)
    a = herlaad(a)
    assert zorgplicht_bij(a) == [andere]
    assert a.leerling.huidige_school == andere


def test_baobao_antwoord_alleen_binnen_termijn_eerste_school(world):
    """[002 bijlage 2.2.1 stap 8] 'binnen de onderzoekstermijn van de eerste school'."""
    a = maak(world)
    _, _, v1, _ = _baobao(world, a)
    with op(D(2026, 3, 18)), pytest.raises(ZorgplichtFout, match="onderzoekstermijn"):
        services.registreer_antwoord(voorstel=v1, door=world.users["sc"], antwoord=Antwoord.IN_ONDERZOEK)


def test_baobao_alleen_binnen_regio_of_bestuur(world):
    a = maak(world)
    with op(D(2026, 2, 20)), pytest.raises(ZorgplichtFout, match="bestuur of de regio"):
        services.stel_school_voor(aanmelding=a, door=world.users["sc"], school=world.school2)


def test_besluit_bijzondere_school_zonder_bezwaarclausule_met_klachtroute(world):
    """[domain §12] bezwaar only against a besluit of an openbare school; bijzonder: own complaint route."""
    world.school.bestuur.denominatie = Denominatie.BIJZONDER
    world.school.bestuur.save()
    a = maak(world)
    with op(D(2026, 3, 2)):
        services.neem_besluit(aanmelding=a, door=world.users["directeur"], uitkomst=6, toelichting="Past.")
    brief = Brief.objects.get(soort="zorgplicht_besluit")
    assert not brief.bezwaarclausule
    assert brief.context["openbaar"] is False


# --- zorgplicht does not apply -------------------------------------------------------------------------


def _niet(world, a, **kw):
    with op(D(2026, 2, 10)):
        return services.zorgplicht_geldt_niet(
            aanmelding=a,
            door=world.users["directeur"],
            onderbouwing=kw.pop("onderbouwing", "Zie toelichting."),
            **kw,
        )


def test_school_vol_alleen_met_bewijs_en_voor_iedereen(world):
    """[002 bijlage 2.2.1 stap 2] 'Dat moet dan wel voor alle leerlingen gelden.'"""
    a = maak(world, onderzoek=False)
    with pytest.raises(ZorgplichtFout, match="álle aanmelders"):
        _niet(world, a, reden="school_vol", capaciteit=420, aantal_ingeschreven=420, vol_voor_iedereen=False)
    with pytest.raises(ZorgplichtFout, match="álle aanmelders"):
        _niet(world, a, reden="school_vol", capaciteit=420, aantal_ingeschreven=400, vol_voor_iedereen=True)
    _niet(world, a, reden="school_vol", capaciteit=420, aantal_ingeschreven=421, vol_voor_iedereen=True)
    a = herlaad(a)
    assert a.status == Status.NIET_VAN_TOEPASSING
    assert zorgplicht_bij(a) == []
    brief = Brief.objects.get(soort="zorgplicht_niet_van_toepassing")
    # openbaar: bezwaar open
    assert brief.bezwaarclausule
    assert brief.context["capaciteit"] == 420


def test_grondslag_alleen_bij_bijzondere_school(world):
    """[002 bijlage 2.2.1 stap 2] an openbare school has no grondslag to refuse."""
    a = maak(world)
    with pytest.raises(ZorgplichtFout, match="bijzondere school"):
        _niet(world, a, reden="grondslag")
    world.school.bestuur.denominatie = Denominatie.BIJZONDER
    world.school.bestuur.save()
    _niet(world, herlaad(a), reden="grondslag")
    assert herlaad(a).niet_van_toepassing_reden == "grondslag"


def test_alleen_taalachterstand(world):
    """[002 bijlage 2.2.1 stap 2] only a language delay: no zorgplicht; not when other needs are known."""
    a = maak(world, ondersteuningsbehoeften=["gedrag", "taal_lezen"])
    with pytest.raises(ZorgplichtFout, match="taalachterstand"):
        _niet(world, a, reden="taalachterstand")
    b = maak(world, ondersteuningsbehoeften=["taal_lezen"])
    _niet(world, b, reden="taalachterstand")
    assert herlaad(b).status == Status.NIET_VAN_TOEPASSING


def test_cluster_1_2_noemt_instelling(world):
    """[002 bijlage 2.2.1 stap 2] cluster 1/2 have their own admission procedure."""
    a = maak(world)
    with pytest.raises(ZorgplichtFout, match="instelling"):
        _niet(world, a, reden="cluster_1_2")
    _niet(world, herlaad(a), reden="cluster_1_2", cluster_instelling="Fictief Instituut voor Slechtzienden")
    assert herlaad(a).status == Status.NIET_VAN_TOEPASSING


def test_ander_niveau_noemt_advies(world):
    """[002 bijlage 2.2.1 stap 2] enrolling at another level than the old school advises."""
    a = maak(world)
    with pytest.raises(ZorgplichtFout, match="advies"):
        _niet(world, a, reden="ander_niveau")
    _niet(world, herlaad(a), reden="ander_niveau", geadviseerd_niveau="sbo (advies vorige school)")
    assert herlaad(a).status == Status.NIET_VAN_TOEPASSING


def test_niet_van_toepassing_zonder_onderbouwing(world):
    a = maak(world)
    with pytest.raises(ZorgplichtFout, match="reden"):
        _niet(world, a, reden="grondslag", onderbouwing="")


def test_niet_van_toepassing_kan_niet_na_besluit(world):
    a = maak(world)
    with op(D(2026, 3, 2)):
        services.neem_besluit(aanmelding=a, door=world.users["directeur"], uitkomst=6, toelichting="Past.")
    with pytest.raises(ZorgplichtFout, match="status"):
        _niet(world, herlaad(a), reden="cluster_1_2", cluster_instelling="x")


# --- age rules and plaatsingsplicht ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "geboren, toegestaan",
    [
        pytest.param(D(2023, 2, 3), True, id="[002 bijlage 2.2.1 stap 1] precies 3 jaar op de aanmelddag"),
        pytest.param(D(2023, 2, 4), False, id="[002 bijlage 2.2.1 stap 1] een dag te jong: geen zorgplicht"),
    ],
)
def test_aanmelden_vanaf_drie_jaar(world, geboren, toegestaan):
    if toegestaan:
        maak(world, geboortedatum=geboren)
    else:
        with pytest.raises(ZorgplichtFout, match="3 jaar"):
            maak(world, geboortedatum=geboren)
        assert not Aanmelding.objects.exists()


def test_zonder_vermoeden_extra_ondersteuning_geen_zorgplicht(world):
    """[002 bijlage 2.2.1 stap 2] zorgplicht only when extra support is (suspected to be) needed."""
    with op(D(2026, 2, 3)), pytest.raises(ZorgplichtFout, match="extra"):
        services.registreer_aanmelding(
            door=world.users["ib"],
            school=world.school,
            aanmelding_op=D(2026, 2, 3),  # noqa: E501
            extra_ondersteuning_vermoed=False,
            nieuwe_leerling=nieuwe_leerling(),
            ouders=OUDERS,
        )


def test_aanmelding_in_de_toekomst_geweigerd(world):
    with op(D(2026, 2, 3)), pytest.raises(ZorgplichtFout, match="toekomst"):
        services.registreer_aanmelding(
            door=world.users["ib"],
            school=world.school,
            aanmelding_op=D(2026, 2, 4),  # noqa: E501
            extra_ondersteuning_vermoed=True,
            nieuwe_leerling=nieuwe_leerling(),
            ouders=OUDERS,
        )


def test_plaatsingsplicht_na_tien_weken_vanaf_vijf_jaar(world):
    """[002 bijlage 2.2.1 stap 5] after 10 weeks without decision: the school must enrol (from 5).
    Computed from dates with a frozen clock; nothing is stored by a worker."""
    a = maak(world, aanmelding_op=D(2026, 2, 3), geboortedatum=D(2020, 5, 10))
    assert termijnen.tien_weken(a, D(2026, 4, 14)).einde == D(2026, 4, 14)
    assert not termijnen.stand(a, D(2026, 4, 14)).plaatsingsplicht
    assert termijnen.stand(a, D(2026, 4, 15)).plaatsingsplicht
    with op(D(2026, 4, 15)):
        services.neem_besluit(aanmelding=a, door=world.users["directeur"], uitkomst=6, toelichting="Past.")
    assert not termijnen.stand(herlaad(a), D(2026, 4, 15)).plaatsingsplicht


def test_plaatsingsplicht_pas_vanaf_vijfde_verjaardag(world):
    """[domain §7] 'must place and enrol the pupil (from age 5)': a 4-year-old from the 5th birthday."""
    a = maak(world, aanmelding_op=D(2026, 2, 3), geboortedatum=D(2021, 6, 1))
    stand = termijnen.stand(a, D(2026, 5, 31))
    assert stand.verstreken
    assert not stand.plaatsingsplicht
    assert stand.plaatsingsplicht_vanaf == D(2026, 6, 1)
    assert termijnen.stand(a, D(2026, 6, 1)).plaatsingsplicht


def test_waarschuwing_een_week_voor_elk_einde(world):
    a = maak(world)
    assert not termijnen.stand(a, D(2026, 3, 9)).waarschuwingen
    w = termijnen.stand(a, D(2026, 3, 10)).waarschuwingen
    assert len(w) == 1
    assert w[0].einde == D(2026, 3, 17)
    assert w[0].dagen == 7
    assert [x.einde for x in termijnen.stand(a, D(2026, 4, 10)).waarschuwingen] == [D(2026, 4, 14)]


def test_weigering_noemt_de_status(world):
    """Refused transitions say in Dutch why: deciding before the onderzoek started."""
    a = maak(world, onderzoek=False)
    with op(D(2026, 2, 5)), pytest.raises(ZorgplichtFout, match="status 'ontvangen'"):
        services.neem_besluit(aanmelding=a, door=world.users["directeur"], uitkomst=6, toelichting="Past.")


def test_tijdlijn_van_het_dossier(world, django_assert_num_queries):
    """The leerling dossier's timeline shows the zorgplicht events, in one query."""
    from cases.tijdlijn import tijdlijn_voor

    a = maak(world)
    with op(D(2026, 3, 2)):
        services.verleng(aanmelding=a, door=world.users["directeur"], reden="Onderzoek loopt nog.")
    items = [
        i
        for i in tijdlijn_voor([a.leerling_id], user=world.users["sll"])[a.leerling_id]
        if i.soort == "Zorgplicht"
    ]
    assert [i.datum for i in items] == [D(2026, 3, 2), D(2026, 2, 3)]


def test_termijn_in_cases_loopt_gelijk_op(world):
    """[domain §11; issue 4] the zorgplicht is registered as a Termijn (daily sweep, notifications to
    directeur and SC): its end agrees with the zorgplicht's own computation at every step."""
    from cases.termijnen.models.termijnen import Termijn

    door = world.users["directeur"]
    a = maak(world)

    def termijn():
        return Termijn.objects.get(object_id=a.pk, soort="zorgplicht")

    assert termijn().einde == termijnen.stand(a, D(2026, 2, 3)).einde == D(2026, 3, 17)
    assert set(termijn().verantwoordelijken.split(",")) >= {"directeur", "sc"}
    a = vraag(a, door, D(2026, 2, 16), D(2026, 2, 26))
    assert termijn().einde == termijnen.stand(a, D(2026, 2, 26)).einde == D(2026, 3, 26)
    with op(D(2026, 3, 20)):
        services.verleng(aanmelding=a, door=door, reden="Onderzoek loopt nog.")
    a = herlaad(a)
    assert termijn().einde == termijnen.stand(a, D(2026, 3, 20)).einde == D(2026, 4, 23)
    with op(D(2026, 4, 1)):
        services.neem_besluit(aanmelding=a, door=door, uitkomst=6, toelichting="Past.")
    assert termijn().status == "voldaan"


def test_verzoek_na_einde_termijn_schort_niets_op(world):
    """[domain §11] a request after the term ended suspends nothing."""
    a = maak(world)
    with op(D(2026, 3, 18)), pytest.raises(ZorgplichtFout, match="eindigde"):
        services.vraag_informatie(
            aanmelding=a,
            door=world.users["ib"],
            gevraagd_op=D(2026, 3, 18),
            gevraagd_bij="ouders",
            omschrijving="x",
            toestemming_ouders_op=D(2026, 3, 18),
            antwoord_uiterlijk=D(2026, 3, 25),
        )


def test_gevraagde_school_legt_zelf_haar_antwoord_vast(world, login):
    """[002 bijlage 2.2.1 stap 8] 'De nieuwe school mag dezelfde procedure doorlopen': its directeur
    sees the aanmelding and records the answer; a school that was not asked cannot."""
    from django.urls import reverse

    from tests.conftest import maak_rol
    from tests.factories import GebruikerFactory

    a = maak(world)
    andere, derde, v1, _ = _baobao(world, a)
    dir_andere = GebruikerFactory(username="dir_andere")
    maak_rol(dir_andere, "directeur", swv=world.swv, school=andere)
    client = login(dir_andere)
    assert client.get(reverse("zorgplicht:detail", args=[a.pk])).status_code == 200
    with op(D(2026, 2, 25)):
        client = login(dir_andere)
        resp = client.post(reverse("zorgplicht:baobao_antwoord", args=[v1.pk]), {"antwoord": "in_onderzoek"})
        assert resp.status_code == 302
        assert client.get(reverse("zorgplicht:baobao", args=[a.pk])).status_code == 403
    assert zorgplicht_bij(herlaad(a)) == [world.school, andere]
    with op(D(2026, 2, 25)), pytest.raises(PermissionDenied):
        services.registreer_antwoord(voorstel=v1, door=world.ib_a2, antwoord=Antwoord.KAN_NIET)


def test_zij_instroom_gevonden_met_bsn_en_geboortedatum(world):
    """A pupil at another school (invisible to this school) is found by BSN and date of birth
    together; a mismatch reveals nothing and is refused [domain §2]."""
    bekend = bestaande_leerling(world, world.school2, geboortedatum=D(2018, 3, 1), bsn="111222333")
    door = world.users["directeur"]
    gegevens = nieuwe_leerling(geboortedatum=D(2018, 3, 2)) | {"bsn": "111222333"}
    with op(D(2026, 2, 3)):
        with pytest.raises(ZorgplichtFout, match="andere geboortedatum"):
            services.registreer_aanmelding(
                door=door,
                school=world.school,
                aanmelding_op=D(2026, 2, 3),
                extra_ondersteuning_vermoed=True,
                nieuwe_leerling=gegevens,
                ouders=OUDERS,
            )
        a = services.registreer_aanmelding(
            door=door,
            school=world.school,
            aanmelding_op=D(2026, 2, 3),
            extra_ondersteuning_vermoed=True,
            nieuwe_leerling=gegevens | {"geboortedatum": D(2018, 3, 1)},
            ouders=OUDERS,
        )
    assert a.leerling_id == bekend.pk
    assert a.zij_instroom
    assert bekend.ouders.count() == 1  # the ouders on file are kept, not duplicated
