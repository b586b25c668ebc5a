"""Interventietraject: criteria, the one-week norm, the state machine, meetings and agreements
[000; 003; domain §8, §11]."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django_fsm import TransitionNotAllowed

from cases.interventie.models.traject import (
    BijeenkomstStatus,
    InterventieTeamlid,
    Interventietraject,
    Onderzoeksverslagen,
    TeamRol,
    TrajectStatus,
)
from cases.interventie.services import traject as svc
from cases.models.organisaties import SchoolSoort
from cases.workflow import weigerredenen
from tests.factories import LeerlingFactory, SchoolFactory
from tests.factories.interventie import AfspraakFactory, BijeenkomstFactory, traject_in

CRITERIA = {
    "uit_regulier_onderwijs": True,
    "reguliere_route_niet_mogelijk": True,
    "reguliere_route_toelichting": "Escalaties volgen elkaar sneller op dan het OT kan bijeenkomen.",
    "onderwijskundig_rapport": True,
    "verslag_maatregelen": True,
    "onderzoeksverslagen": Onderzoeksverslagen.GEEN,
}


def _leerling(world, school=None):
    return LeerlingFactory(swv=world.swv, school=school or world.school, school__groep=4)


# --- aanmelding and the criteria of seed 000 ---------------------------------------------------


@time_machine.travel(date(2026, 2, 3))
def test_directeur_meldt_aan_en_is_casusmanager(world):
    """[000 aanmelding] the school directeur reports to the SWV and becomes casusmanager."""
    leerling = _leerling(world)
    t = svc.meld_aan(
        leerling=leerling, door=world.users["directeur"], gemeld_op=date(2026, 2, 3), criteria=CRITERIA
    )
    assert t.status == TrajectStatus.AANGEMELD
    assert t.casusmanager == world.users["directeur"]
    assert t.school == world.school
    assert t.criteria_vastgelegd_op is not None


@pytest.mark.parametrize("rol", ["ib", "leerkracht", "sc", "bestuurder"])
def test_alleen_de_directeur_meldt_aan_000(world, rol):
    """[000 aanmelding] "De directeur meldt het kind aan": no other role may."""
    with pytest.raises(PermissionDenied):
        svc.meld_aan(
            leerling=_leerling(world), door=world.users[rol], gemeld_op=date(2026, 2, 3), criteria=CRITERIA
        )


@pytest.mark.parametrize(
    "veld,waarde",
    [
        ("uit_regulier_onderwijs", False),
        ("reguliere_route_niet_mogelijk", False),
        ("reguliere_route_toelichting", ""),
        ("onderwijskundig_rapport", False),
        ("verslag_maatregelen", False),
        ("onderzoeksverslagen", ""),
    ],
)
def test_criteria_000_elk_criterium_weigert(world, veld, waarde):
    """[000 criteria] each missing criterion refuses the aanmelding, on that field, in Dutch."""
    criteria = {**CRITERIA, veld: waarde}
    with pytest.raises(ValidationError) as exc:
        svc.meld_aan(
            leerling=_leerling(world),
            door=world.users["directeur"],
            gemeld_op=date(2026, 2, 3),
            criteria=criteria,
        )
    assert set(exc.value.message_dict) == {veld}
    assert not Interventietraject.objects.exists()


def test_criterium_regulier_onderwijs_niet_vanuit_sbo_000(world):
    """[000 criteria] a pupil of an sbo school is not "afkomstig uit het regulier onderwijs"."""
    sbo = SchoolFactory(swv=world.swv, regio=world.regio, gemeente=world.gemeente, soort=SchoolSoort.SBO)
    from tests.conftest import maak_rol

    maak_rol(world.users["directeur"], "directeur", swv=world.swv, school=sbo)
    # enrolled at the sbo with the TLV that such an enrolment needs [002 L194; issue 16.1]
    from cases.services.inschrijving import schrijf_in
    from tlv.demo_plaatsing import tlv_voor_plaatsing

    leerling = _leerling(world)
    tlv_voor_plaatsing(
        leerling=leerling,
        verwijzende_school=world.school,
        door=world.users["ib"],
        schoolsoort="sbo",
        categorie="",
        besluit_op=date(2026, 1, 5),
        ingang=date(2026, 1, 12),
    )
    schrijf_in(leerling=leerling, school=sbo, groep=4, van=date(2026, 1, 12))
    with pytest.raises(ValidationError) as exc:
        svc.meld_aan(
            leerling=leerling,
            door=world.users["directeur"],
            gemeld_op=date(2026, 2, 3),
            criteria=CRITERIA,
        )
    assert "regulier onderwijs" in exc.value.message_dict["uit_regulier_onderwijs"][0]


def test_een_open_traject_per_leerling(world):
    leerling = _leerling(world)
    svc.meld_aan(
        leerling=leerling, door=world.users["directeur"], gemeld_op=date(2026, 2, 3), criteria=CRITERIA
    )
    with pytest.raises(ValidationError, match="loopt al een interventietraject"):
        svc.meld_aan(
            leerling=leerling, door=world.users["directeur"], gemeld_op=date(2026, 2, 3), criteria=CRITERIA
        )


# --- the prompt the verzuim app calls -----------------------------------------------------------


@time_machine.travel(date(2026, 2, 4))
def test_prompt_bij_schorsing_start_traject_direct_000(world):
    """[000 randvoorwaarden] at schorsing the interventieteam is called in immediately: a traject in
    "aangemeld", dated today, flagged, on the SWV directeur's Mijn werk."""
    leerling = _leerling(world)
    t = svc.start_interventie_prompt(leerling=leerling, aanleiding="schorsing", door=world.users["lpa"])
    assert t.status == TrajectStatus.AANGEMELD
    assert t.via_signaal
    assert t.gemeld_op == date(2026, 2, 4)
    assert t.casusmanager == world.users["directeur"]  # the school's directeur, not the caller
    # The criteria still have to be completed by the directeur before the team can be composed.
    assert "Het dossier bevat" in " ".join(weigerredenen(t, "stel_team_samen"))
    # A second registration returns the same open traject.
    again = svc.start_interventie_prompt(
        leerling=leerling, aanleiding="verwijdering", door=world.users["lpa"]
    )
    assert again.pk == t.pk
    assert Interventietraject.objects.count() == 1


def test_prompt_weigert_onbekende_aanleiding(world):
    with pytest.raises(ValueError):
        svc.start_interventie_prompt(
            leerling=_leerling(world), aanleiding="ruzie", door=world.users["directeur"]
        )


@time_machine.travel(date(2026, 2, 4))
def test_prompt_staat_op_mijn_werk_van_de_bestuurder(world, login):
    leerling = _leerling(world)
    svc.start_interventie_prompt(leerling=leerling, aanleiding="schorsing", door=world.users["directeur"])
    html = login(world.users["bestuurder"]).get("/").content.decode()
    assert "Interventieteam: nieuwe meldingen" in html
    assert leerling.volledige_naam in html
    html_ib = login(world.users["ib"]).get("/").content.decode()
    assert "Interventieteam: nieuwe meldingen" not in html_ib


def test_directeur_vult_criteria_aan_na_prompt(world):
    t = svc.start_interventie_prompt(
        leerling=_leerling(world), aanleiding="schorsing", door=world.users["lpa"]
    )
    with pytest.raises(PermissionDenied):
        svc.leg_criteria_vast(traject=t, door=world.users["ib"], criteria=CRITERIA)
    t = svc.leg_criteria_vast(traject=t, door=world.users["directeur"], criteria=CRITERIA)
    assert t.criterium_dossier()
    assert t.criterium_onderzoek()


# --- the one-week norm for the first meeting [000; domain §11] -----------------------------------


@pytest.mark.parametrize(
    "melding,einde",
    [
        (date(2026, 2, 3), date(2026, 2, 10)),  # scenario Lotte: Tue → Tue
        (date(2026, 2, 6), date(2026, 2, 13)),  # Friday → Friday
        (date(2026, 2, 7), date(2026, 2, 14)),  # a Saturday melding ends on a Saturday: not moved
        (date(2026, 4, 20), date(2026, 4, 27)),  # ends on Koningsdag: a service norm is not Atw-moved
        (date(2026, 3, 27), date(2026, 4, 3)),  # ends on Goede Vrijdag: not moved
        (date(2026, 12, 18), date(2026, 12, 25)),  # ends on Eerste Kerstdag: not moved
    ],
    ids=["000-di-di", "000-vr-vr", "000-za-weekend", "000-koningsdag", "000-goede-vrijdag", "000-kerst"],
)
def test_eerste_bijeenkomst_binnen_een_week_servicenorm(world, melding, einde):
    """[000 aanmelding; domain §11] first meeting within one week of the melding: last day melding + 7;
    a service norm of the SWV, so the Algemene termijnenwet does not move it."""
    t = traject_in(world, gemeld_op=melding)
    b = t.eerste_bijeenkomst_termijn
    assert b.einde == einde
    assert b.atw is False
    assert not b.verschuivingen
    assert any("Algemene termijnenwet geldt niet" in r for r in b.uitleg)


@pytest.mark.parametrize(
    "gehouden,gepland,vandaag,stand",
    [
        (date(2026, 2, 10), None, date(2026, 2, 20), "op_tijd"),  # held on the last day
        (date(2026, 2, 11), None, date(2026, 2, 20), "te_laat"),  # held the day after
        (None, None, date(2026, 2, 10), "open"),  # last day, not yet held: still in time
        (None, None, date(2026, 2, 11), "verlopen"),  # the day after: red
        (None, date(2026, 2, 12), date(2026, 2, 5), "gepland_te_laat"),
        (None, date(2026, 2, 9), date(2026, 2, 5), "open"),
    ],
)
def test_eerste_bijeenkomst_stand(world, gehouden, gepland, vandaag, stand):
    t = traject_in(world, gemeld_op=date(2026, 2, 3))
    assert (
        t.eerste_bijeenkomst_stand(eerste_gehouden=gehouden, eerste_gepland=gepland, vandaag=vandaag) == stand
    )


@time_machine.travel(date(2026, 2, 11))
def test_te_late_eerste_bijeenkomst_is_rood_in_de_lijst(world, login):
    """[000] overdue (no meeting held by melding + 7) shows red."""
    traject_in(world, gemeld_op=date(2026, 2, 3))
    html = login(world.users["directeur"]).get("/interventie/").content.decode()
    assert 'label--rood">eerste bijeenkomst te laat: nog niet gehouden' in html


# --- the state machine ------------------------------------------------------------------------------


def test_team_samenstellen_alleen_door_directeur_swv(world):
    t = traject_in(world, team=True)
    with pytest.raises(PermissionDenied):
        svc.voer_overgang_uit(traject=t, overgang="stel_team_samen", door=world.users["directeur"])
    t = svc.voer_overgang_uit(traject=t, overgang="stel_team_samen", door=world.users["bestuurder"])
    assert t.status == TrajectStatus.TEAM_SAMENGESTELD


def test_team_zonder_gedragsspecialist_wordt_geweigerd_000(world):
    """[000 bemensing] directeur SWV and a gedragsspecialist are the core of the team."""
    t = traject_in(world)
    svc.voeg_teamlid_toe(
        traject=t,
        rol=TeamRol.DIRECTEUR_SWV,
        gebruiker=world.users["bestuurder"],
        door=world.users["bestuurder"],
    )
    with pytest.raises(TransitionNotAllowed) as exc:
        svc.voer_overgang_uit(traject=t, overgang="stel_team_samen", door=world.users["bestuurder"])
    assert exc.value.redenen == [
        "Het team bestaat ten minste uit de directeur van het SWV en een gedragsspecialist [000, bemensing]."
    ]
    svc.voeg_teamlid_toe(
        traject=t, rol=TeamRol.GEDRAGSSPECIALIST, naam="G. Gedrag", door=world.users["bestuurder"]
    )
    svc.voeg_teamlid_toe(
        traject=t, rol=TeamRol.JEUGDVERPLEEGKUNDIGE, naam="J. Zorg", door=world.users["bestuurder"]
    )
    t = svc.voer_overgang_uit(traject=t, overgang="stel_team_samen", door=world.users["bestuurder"])
    assert t.status == TrajectStatus.TEAM_SAMENGESTELD
    assert InterventieTeamlid.objects.get(traject=t, rol=TeamRol.JEUGDVERPLEEGKUNDIGE).op_afroep


def test_team_met_onvolledige_criteria_geweigerd(world):
    t = traject_in(world, team=True, onderwijskundig_rapport=False)
    with pytest.raises(TransitionNotAllowed) as exc:
        svc.voer_overgang_uit(traject=t, overgang="stel_team_samen", door=world.users["bestuurder"])
    assert any("onderwijskundig rapport" in r for r in exc.value.redenen)


@pytest.mark.parametrize(
    "status,overgang",
    [
        ("aangemeld", "start"),
        ("aangemeld", "naar_evaluatie"),
        ("aangemeld", "sluit_af"),
        ("team_samengesteld", "stel_team_samen"),
        ("team_samengesteld", "sluit_af"),
        ("lopend", "start"),
        ("lopend", "sluit_af"),
        ("evaluatie", "start"),
        ("afgesloten", "naar_evaluatie"),
        ("afgesloten", "sluit_af"),
    ],
)
def test_verboden_overgangen(world, status, overgang):
    """Every path the machine does not have raises TransitionNotAllowed, in Dutch via the service."""
    t = traject_in(world, team=True, status=status)
    with pytest.raises(TransitionNotAllowed):
        getattr(t, overgang)()
    with pytest.raises(TransitionNotAllowed) as exc:
        svc.voer_overgang_uit(traject=t, overgang=overgang, door=world.users["bestuurder"])
    assert "kan niet vanuit de status" in str(exc.value)


def test_status_is_beschermd(world):
    t = traject_in(world)
    with pytest.raises(AttributeError):
        t.status = TrajectStatus.AFGESLOTEN


def test_start_pas_na_gehouden_eerste_bijeenkomst_000(world):
    t = traject_in(world, team=True, status="team_samengesteld")
    with pytest.raises(TransitionNotAllowed) as exc:
        svc.voer_overgang_uit(traject=t, overgang="start", door=world.users["directeur"])
    assert "eerste bijeenkomst" in exc.value.redenen[0]
    b = BijeenkomstFactory(traject=t, datum=date(2026, 2, 9))
    svc.houd_bijeenkomst(bijeenkomst=b, door=world.users["ib"])
    t = svc.voer_overgang_uit(traject=t, overgang="start", door=world.users["directeur"])
    assert t.status == TrajectStatus.LOPEND


def test_afsluiten_vraagt_volledige_evaluatie_000(world):
    """[000 randvoorwaarden] evaluated at closing: beginsituatie, proces, verloop, oplossing."""
    t = traject_in(world, team=True, status="evaluatie")
    velden = dict(
        beginsituatie="Dreigende verwijdering", proces="Vier bijeenkomsten", verloop="Wisselend", oplossing=""
    )
    with pytest.raises(TransitionNotAllowed) as exc:
        svc.leg_evaluatie_vast(traject=t, door=world.users["directeur"], afsluiten=True, **velden)
    assert "beginsituatie, het proces, het verloop en de oplossing" in exc.value.redenen[0]
    t.refresh_from_db()
    assert t.status == TrajectStatus.EVALUATIE
    velden["oplossing"] = "Definitief geplaatst op een so-school na een TLV"
    t = svc.leg_evaluatie_vast(traject=t, door=world.users["bestuurder"], afsluiten=True, **velden)
    assert t.status == TrajectStatus.AFGESLOTEN
    assert t.afgesloten_op is not None


# --- meetings: ouders informed beforehand [003] -------------------------------------------------------


@pytest.mark.parametrize(
    "wijziging,reden",
    [
        ({"ouders_geinformeerd_op": None}, "ouders zijn vóór de bijeenkomst geïnformeerd"),
        ({"deelnemers": ""}, "ouders zijn vóór de bijeenkomst geïnformeerd"),
        ({"ouders_geinformeerd_op": date(2026, 2, 10)}, "ouders zijn vóór de bijeenkomst geïnformeerd"),
        ({"agenda_verstuurd_op": None}, "agenda"),
        ({"aanwezig_ib": False}, "Directeur en intern begeleider"),
        ({"aanwezig_leerkracht": False}, "leerkracht"),
        ({"aanwezig_ouders": False}, "Ouders sluiten aan bij de eerste bijeenkomst"),
        ({"verslag": ""}, "verslag"),
    ],
    ids=[
        "003-ouders-niet-geinformeerd",
        "003-niet-gezegd-wie",
        "003-ouders-te-laat",
        "000-agenda",
        "000-ib-afwezig",
        "000-leerkracht-zonder-reden",
        "000-ouders-eerste",
        "003-verslag",
    ],
)
def test_bijeenkomst_kan_niet_gehouden_zonder(world, wijziging, reden):
    """[003; 000] a meeting cannot be marked held without each of its conditions."""
    t = traject_in(world, team=True, status="team_samengesteld")
    b = BijeenkomstFactory(traject=t, datum=date(2026, 2, 9), **wijziging)
    with pytest.raises(TransitionNotAllowed) as exc:
        svc.houd_bijeenkomst(bijeenkomst=b, door=world.users["directeur"])
    assert any(reden.lower() in r.lower() for r in exc.value.redenen), exc.value.redenen
    b.refresh_from_db()
    assert b.status == BijeenkomstStatus.GEPLAND


def test_afwezige_leerkracht_met_reden_mag(world):
    """[000] "zo mogelijk ook de leerkracht": absence with a reason is accepted."""
    t = traject_in(world, team=True, status="team_samengesteld")
    b = BijeenkomstFactory(
        traject=t,
        datum=date(2026, 2, 9),
        aanwezig_leerkracht=False,
        afwezigheid_toelichting="Leerkracht staat voor de groep; invaller niet beschikbaar.",
    )
    assert svc.houd_bijeenkomst(bijeenkomst=b, door=world.users["ib"]).status == BijeenkomstStatus.GEHOUDEN


def test_gehouden_bijeenkomst_wijzigt_niet_meer(world):
    t = traject_in(world, team=True, status="team_samengesteld")
    b = svc.houd_bijeenkomst(
        bijeenkomst=BijeenkomstFactory(traject=t, datum=date(2026, 2, 9)), door=world.users["ib"]
    )
    with pytest.raises(ValidationError):
        svc.werk_bijeenkomst_bij(bijeenkomst=b, door=world.users["ib"], verslag="anders")


def test_bijeenkomst_in_de_toekomst_niet_gehouden(world):
    t = traject_in(world, team=True, status="team_samengesteld")
    b = BijeenkomstFactory(traject=t, datum=date(2099, 1, 5))
    with pytest.raises(TransitionNotAllowed):
        svc.houd_bijeenkomst(bijeenkomst=b, door=world.users["ib"])


def test_agenda_na_de_bijeenkomst_geweigerd(world):
    t = traject_in(world)
    with pytest.raises(ValidationError) as exc:
        svc.plan_bijeenkomst(
            traject=t,
            door=world.users["directeur"],
            datum=date(2026, 2, 9),
            agenda_verstuurd_op=date(2026, 2, 10),
        )
    assert "vóór de bijeenkomst" in exc.value.message_dict["agenda_verstuurd_op"][0]


def test_leerkracht_plant_geen_bijeenkomst(world):
    with pytest.raises(PermissionDenied):
        svc.plan_bijeenkomst(
            traject=traject_in(world), door=world.users["leerkracht"], datum=date(2026, 2, 9)
        )


# --- agreements [003, leerpunt 7] -----------------------------------------------------------------------


@pytest.mark.parametrize("ontbreekt", ["wat", "eigenaar", "uiterlijk", "bewaker"])
def test_afspraak_vraagt_wat_wie_wanneer_en_bewaker_003(world, ontbreekt):
    """[003 leerpunt 7; 000] a written agreement has what, who, by when, and a guard."""
    t = traject_in(world)
    velden = dict(
        wat="Onderwijsplan opstellen",
        eigenaar=world.users["ib"],
        uiterlijk=date(2026, 2, 17),
        bewaker=world.users["directeur"],
    )
    velden[ontbreekt] = "" if ontbreekt == "wat" else None
    with pytest.raises(ValidationError) as exc:
        svc.voeg_afspraak_toe(traject=t, door=world.users["directeur"], **velden)
    assert ontbreekt in exc.value.message_dict


def test_afspraak_voor_iemand_zonder_account(world):
    t = traject_in(world)
    a = svc.voeg_afspraak_toe(
        traject=t,
        door=world.users["ib"],
        wat="Contact opnemen met de jeugdarts",
        eigenaar_naam="moeder",
        uiterlijk=date(2026, 2, 12),
        bewaker=world.users["ib"],
    )
    assert a.wie == "moeder"


@time_machine.travel(date(2026, 2, 18))
def test_afspraken_op_mijn_werk_van_eigenaar_en_bewaker(world, login):
    """[003 leerpunt 7] owners see their agreements on Mijn werk; guards see the overdue ones."""
    t = traject_in(world)
    AfspraakFactory(
        traject=t,
        wat="Buddy regelen voor de overstap",
        eigenaar=world.users["sc"],
        bewaker=world.users["bestuurder"],
        uiterlijk=date(2026, 2, 17),
    )
    html = login(world.users["sc"]).get("/").content.decode()
    assert "Mijn afspraken in interventietrajecten" in html
    assert "Buddy regelen" in html
    assert "te laat" in html
    html = login(world.users["bestuurder"]).get("/").content.decode()
    assert "Buddy regelen" in html
    assert "bewaken" in html
    html = login(world.users["ib"]).get("/").content.decode()
    assert "Buddy regelen" not in html


def test_eigenaar_rondt_af_anderen_niet(world):
    t = traject_in(world)
    a = AfspraakFactory(traject=t, eigenaar=world.users["sc"], bewaker=world.users["bestuurder"])
    with pytest.raises(PermissionDenied):
        svc.rond_afspraak_af(afspraak=a, door=world.users["leerkracht"])
    assert svc.rond_afspraak_af(afspraak=a, door=world.users["sc"]).afgerond_op is not None


# --- scoping ------------------------------------------------------------------------------------------


def test_filter_for_user_per_rol(world):
    t = traject_in(world)
    ander = traject_in(world, leerling=LeerlingFactory(swv=world.swv, school=world.school2, school__groep=7))
    zie = lambda u: set(Interventietraject.objects.filter_for_user(u).values_list("pk", flat=True))  # noqa: E731
    assert zie(world.users["directeur"]) == {t.pk}
    assert zie(world.users["leerkracht"]) == {t.pk}  # groep 4 is hers
    assert zie(world.users["sc"]) == {t.pk}  # regio A only
    assert zie(world.users["bestuurder"]) == {t.pk, ander.pk}
    assert zie(world.ib_a2) == {ander.pk}
    assert zie(world.ib_b) == set()  # another SWV
    assert zie(world.users["deskundige"]) == set()
    InterventieTeamlid.objects.create(
        traject=t, rol=TeamRol.GEDRAGSSPECIALIST, gebruiker=world.users["deskundige"]
    )
    assert zie(world.users["deskundige"]) == {t.pk}


# --- the dossier timeline -----------------------------------------------------------------------------


def test_tijdlijn_toont_traject_en_arrangement(world):
    from cases.tijdlijn import tijdlijn
    from tests.factories.interventie import ArrangementFactory

    t = traject_in(world, status="afgesloten", afgesloten_op=date(2026, 4, 17))
    ArrangementFactory(leerling=t.leerling, uitvoerende_school=world.school2)
    items = tijdlijn(t.leerling, user=world.users["ib"])
    titels = {i.titel for i in items}
    assert "Interventietraject geëvalueerd en afgesloten" in titels
    assert "observatie t/m do 30 apr 2026" in titels
    assert any(i.stap == 8 for i in items)
    # Another SWV's user gets nothing from these providers.
    assert not [
        i for i in tijdlijn(t.leerling, user=world.ib_b) if i.soort in ("Interventietraject", "Arrangement")
    ]


# --- the shared Termijn machinery (daily sweep, notifications) ---------------------------------------


@time_machine.travel(date(2026, 2, 12))
@pytest.mark.parametrize("gehouden_op,op_tijd", [(date(2026, 2, 10), True), (date(2026, 2, 11), False)])
def test_termijn_eerste_bijeenkomst_geregistreerd_en_voldaan(world, gehouden_op, op_tijd):
    """[000; domain §11] the one-week norm is a Termijn (no Atw) for the sweep; the first meeting
    held meets it, in time or not."""
    from cases.termijnen.models.termijnen import Termijn, TermijnStatus

    t = svc.meld_aan(
        leerling=_leerling(world),
        door=world.users["directeur"],
        gemeld_op=date(2026, 2, 3),
        criteria=CRITERIA,
    )
    termijn = Termijn.objects.get(soort=svc.EERSTE_BIJEENKOMST)
    assert (termijn.einde, termijn.atw, termijn.verantwoordelijke) == (
        date(2026, 2, 10),
        False,
        world.users["directeur"],
    )
    assert termijn.einde == t.eerste_bijeenkomst_termijn.einde
    b = BijeenkomstFactory(traject=t, datum=gehouden_op)
    svc.houd_bijeenkomst(bijeenkomst=b, door=world.users["ib"])
    termijn.refresh_from_db()
    assert termijn.status == TermijnStatus.VOLDAAN
    assert termijn.op_tijd is op_tijd
