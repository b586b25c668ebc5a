"""The interventietraject as a user goes through it (scenario Lotte, fictionalised), Dutch refusals
on the page, and constant query counts on the lists [000; 003; issue 7]."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from cases.interventie.models.traject import Interventietraject, TrajectStatus
from cases.models import Inschrijving
from cases.models.organisaties import SchoolSoort
from tests.factories import LeerlingFactory, SchoolFactory
from tests.factories.interventie import AfspraakFactory, BijeenkomstFactory, school_zelfde_bestuur, traject_in


def _meldingen(resp) -> list[str]:
    return [str(m) for m in resp.context["messages"]] if resp.context else []


@time_machine.travel(date(2026, 2, 3), tick=False)
def test_aanmelden_zonder_criteria_toont_fouten_en_houdt_invoer(world, login):
    leerling = LeerlingFactory(swv=world.swv, school=world.school, school__groep=6)
    client = login(world.users["directeur"])
    resp = client.post(
        reverse("interventie_aanmelden"),
        {
            "leerling": leerling.pk,
            "gemeld_op": "2026-02-03",
            "aanleiding": "dreigende_verwijdering",
            "aanleiding_toelichting": "Drie incidenten deze week",
            "uit_regulier_onderwijs": "on",
        },
    )
    assert resp.status_code == 200
    html = resp.content.decode()
    assert "Het dossier bevat in ieder geval een onderwijskundig rapport [000, criteria]." in html
    assert "Drie incidenten deze week" in html  # nothing the user typed is lost
    assert not Interventietraject.objects.exists()


def test_lotte_van_aanmelding_tot_evaluatie(world, login):
    """Scenario 4 (Lotte): reported the day of the time-out, first meeting by Tue 10 Feb, other class
    failed, a temporary place at another school of the same bestuur with doel/duur/middelen, then a
    definitive so-place; agreements with owners; evaluation at closing."""
    leerling = LeerlingFactory(swv=world.swv, school=world.school, school__groep=6, voornaam="Lotte")
    directeur, bestuurder, ib = world.users["directeur"], world.users["bestuurder"], world.users["ib"]

    with time_machine.travel(date(2026, 2, 3), tick=False):
        resp = login(directeur).post(
            reverse("interventie_aanmelden"),
            {
                "leerling": leerling.pk,
                "gemeld_op": "2026-02-03",
                "aanleiding": "dreigende_verwijdering",
                "uit_regulier_onderwijs": "on",
                "reguliere_route_niet_mogelijk": "on",
                "reguliere_route_toelichting": "Derde school in twee jaar; escalaties binnen dagen.",
                "onderwijskundig_rapport": "on",
                "verslag_maatregelen": "on",
                "onderzoeksverslagen": "bijgevoegd",
            },
        )
        traject = Interventietraject.objects.get()
        assert resp.status_code == 302
        assert resp["Location"] == reverse("interventie_detail", args=[traject.pk])
        assert traject.eerste_bijeenkomst_termijn.einde == date(2026, 2, 10)

        client = login(bestuurder)
        assert "Interventieteam: nieuwe meldingen" in client.get("/").content.decode()
        team_url = reverse("interventie_team", args=[traject.pk])
        client.post(team_url, {"rol": "directeur_swv", "gebruiker": bestuurder.pk})
        # Composing without a gedragsspecialist is refused, with the rule in Dutch.
        resp = client.post(reverse("interventie_overgang", args=[traject.pk, "stel_team_samen"]), follow=True)
        assert any("gedragsspecialist [000, bemensing]" in m for m in _meldingen(resp))
        client.post(team_url, {"rol": "gedragsspecialist", "naam": "Gerrit Gedragsma", "organisatie": "SWV"})
        client.post(reverse("interventie_overgang", args=[traject.pk, "stel_team_samen"]))
        traject.refresh_from_db()
        assert traject.status == TrajectStatus.TEAM_SAMENGESTELD

        client = login(directeur)
        resp = client.post(
            reverse("interventie_bijeenkomst_nieuw", args=[traject.pk]),
            {
                "datum": "2026-02-09",
                "tijd": "14:00",
                "locatie": "School",
                "agenda": "1. Beeld 2. Setting 3. Afspraken",
                "agenda_verstuurd_op": "2026-02-05",
            },
        )
        bijeenkomst = traject.bijeenkomsten.get()

    with time_machine.travel(date(2026, 2, 9), tick=False):
        url_b = reverse("interventie_bijeenkomst", args=[bijeenkomst.pk])
        # Marking held before ouders were told who sits at the table is refused [003].
        resp = login(ib).post(reverse("interventie_bijeenkomst_gehouden", args=[bijeenkomst.pk]), follow=True)
        assert any("ouders zijn vóór de bijeenkomst geïnformeerd" in m for m in _meldingen(resp))
        client = login(ib)
        client.post(
            url_b,
            {
                "datum": "2026-02-09",
                "tijd": "14:00",
                "locatie": "School",
                "agenda": "1. Beeld 2. Setting 3. Afspraken",
                "agenda_verstuurd_op": "2026-02-05",
                "ouders_geinformeerd_op": "2026-02-05",
                "deelnemers": "directeur, IB'er, leerkracht, directeur SWV, gedragsspecialist, moeder",
                "aanwezig_directeur": "on",
                "aanwezig_ib": "on",
                "aanwezig_leerkracht": "on",
                "aanwezig_ouders": "on",
                "verslag": "Lotte gaat tijdelijk naar een andere groep.",
                "advies_setting": "andere groep",
                "advies_vervolg": "OT over zes weken",
            },
        )
        client.post(
            reverse("interventie_afspraak_nieuw", args=[bijeenkomst.pk]),
            {
                "wat": "Buddy regelen",
                "eigenaar": world.users["sc"].pk,
                "uiterlijk": "2026-02-16",
                "bewaker": directeur.pk,
            },
        )
        resp = client.post(reverse("interventie_bijeenkomst_gehouden", args=[bijeenkomst.pk]))
        assert resp["Location"] == reverse("interventie_detail", args=[traject.pk])
        assert "Buddy regelen" in login(world.users["sc"]).get("/").content.decode()

        client = login(directeur)
        client.post(reverse("interventie_overgang", args=[traject.pk, "start"]))
        traject.refresh_from_db()
        assert traject.status == TrajectStatus.LOPEND
        # Step 2 (other class), with a reason to skip step 1.
        plaatsing_url = reverse("interventie_plaatsing_nieuw", args=[traject.pk])
        resp = client.post(
            plaatsing_url,
            {
                "stap": "2",
                "setting": "groep 6b",
                "doel": "Rust",
                "startdatum": "2026-02-10",
                "einddatum": "2026-02-20",
                "middelen": "geen extra",
                "akkoord_ontvangende_school": "on",
                "akkoord_door": "directeur",
                "akkoord_op": "2026-02-09",
            },
        )
        assert resp.status_code == 200
        assert "De plaatsingsstroom gaat op volgorde [000]" in resp.content.decode()
        client.post(
            plaatsing_url,
            {
                "stap": "2",
                "setting": "groep 6b",
                "doel": "Rust",
                "startdatum": "2026-02-10",
                "einddatum": "2026-02-20",
                "middelen": "geen extra",
                "akkoord_ontvangende_school": "on",
                "akkoord_door": "directeur",
                "akkoord_op": "2026-02-09",
                "reden_stap_1": "In de eigen groep ging het mis",
            },
        )
        p2 = traject.plaatsingen.get(stap=2)
        client.post(
            reverse("interventie_plaatsing_beeindigen", args=[p2.pk]),
            {"op": "2026-02-20", "toelichting": "Ook in de andere groep escaleerde het."},
        )
        tak = school_zelfde_bestuur(world)
        client.post(
            plaatsing_url,
            {
                "stap": "3",
                "school": tak.pk,
                "setting": "groep 6 met buddy",
                "doel": "Veilig leren",
                "startdatum": "2026-02-23",
                "einddatum": "2026-04-03",
                "middelen": "buddy 10 uur per week",
                "akkoord_ontvangende_school": "on",
                "akkoord_door": "directeur De Testtak",
                "akkoord_op": "2026-02-19",
            },
        )
        p3 = traject.plaatsingen.get(stap=3)
        assert (p3.doel, p3.middelen, p3.duur_dagen) == ("Veilig leren", "buddy 10 uur per week", 40)
        leerling.refresh_from_db()
        assert leerling.huidige_school == world.school  # still enrolled at the school of origin
        client.post(
            reverse("interventie_plaatsing_beeindigen", args=[p3.pk]),
            {"op": "2026-04-03", "toelichting": "TLV so aangevraagd en afgegeven."},
        )
        so = SchoolFactory(
            swv=world.swv,
            regio=world.regio,
            gemeente=world.gemeente,
            soort=SchoolSoort.SO,
            so_cluster=4,
            naam="SO De Testroos",
        )
        client.post(
            plaatsing_url,
            {
                "stap": "6",
                "school": so.pk,
                "setting": "so cluster 4",
                "doel": "Passende plek",
                "startdatum": "2026-04-07",
                "einddatum": "2026-07-10",
                "middelen": "TLV so",
                "akkoord_ontvangende_school": "on",
                "akkoord_door": "directeur so",
                "akkoord_op": "2026-04-01",
                "reden_stap_4": "Gedragsspecialist: so nodig",
                "reden_stap_5": "Via de CLO direct naar so geadviseerd",
            },
        )
        p6 = traject.plaatsingen.get(stap=6)
        # [002 L194] [issue 16.1] without a TLV so the placement is refused at the date field
        resp = client.post(
            reverse("interventie_plaatsing_definitief", args=[p6.pk]), {"per": "2026-04-07", "groep": "6"}
        )
        assert resp.status_code == 200
        assert "TLV so met een bekostigingscategorie" in resp.context["form"].errors["per"][0]
        assert resp.context["form"]["per"].value() == "2026-04-07"
        leerling.refresh_from_db()
        assert leerling.huidige_school == world.school
        from tlv.demo_plaatsing import tlv_voor_plaatsing

        tlv_voor_plaatsing(
            leerling=leerling,
            verwijzende_school=world.school,
            door=world.users["ib"],
            schoolsoort="so",
            categorie="midden",
            besluit_op=date(2026, 4, 2),
            ingang=date(2026, 4, 7),
        )
        client.post(
            reverse("interventie_plaatsing_definitief", args=[p6.pk]), {"per": "2026-04-07", "groep": "6"}
        )
        leerling.refresh_from_db()
        assert leerling.huidige_school == so
        assert Inschrijving.objects.get(leerling=leerling, school=world.school).tot == date(2026, 4, 6)

        client.post(reverse("interventie_overgang", args=[traject.pk, "naar_evaluatie"]))
        resp = client.post(
            reverse("interventie_evaluatie", args=[traject.pk]),
            {
                "beginsituatie": "Dreigende verwijdering",
                "proces": "Vijf bijeenkomsten",
                "verloop": "",
                "oplossing": "so",
                "afsluiten": "1",
            },
        )
        assert resp.status_code == 200
        assert "het verloop" in resp.content.decode()
        client.post(
            reverse("interventie_evaluatie", args=[traject.pk]),
            {
                "beginsituatie": "Dreigende verwijdering",
                "proces": "Vijf bijeenkomsten",
                "verloop": "Twee plaatsingen",
                "oplossing": "Definitief op so na TLV",
                "vervolg": "OT so-school",
                "afsluiten": "1",
            },
        )
        traject.refresh_from_db()
        assert traject.status == TrajectStatus.AFGESLOTEN

    html = login(bestuurder).get(reverse("interventie_overzicht")).content.decode()
    assert "Lotte" in html
    assert "Definitief op so na TLV" in html
    assert "definitief geplaatst" in html


def _veel_trajecten(world, n):
    for _ in range(n):
        t = traject_in(world, team=True, status="lopend")
        BijeenkomstFactory(traject=t)
        AfspraakFactory(traject=t, eigenaar=world.users["ib"], bewaker=world.users["directeur"])


@pytest.mark.parametrize("rol", ["directeur", "bestuurder", "sc"])
def test_lijst_constante_queries(world, login, django_assert_max_num_queries, rol):
    _veel_trajecten(world, 2)
    client = login(world.users[rol])
    client.get(reverse("interventie_lijst"))
    with django_assert_max_num_queries(12) as ctx:
        client.get(reverse("interventie_lijst"))
    _veel_trajecten(world, 6)
    with django_assert_max_num_queries(len(ctx.captured_queries)):
        resp = client.get(reverse("interventie_lijst"))
    assert resp.content.decode().count("/interventie/") >= 8


def test_detail_en_home_constante_queries(world, login, django_assert_max_num_queries):
    t = traject_in(world, team=True, status="lopend")
    BijeenkomstFactory(traject=t)
    AfspraakFactory(traject=t, eigenaar=world.users["directeur"], bewaker=world.users["directeur"])
    client = login(world.users["directeur"])
    client.get(reverse("interventie_detail", args=[t.pk]))
    client.get("/")
    with django_assert_max_num_queries(25) as ctx_d:
        client.get(reverse("interventie_detail", args=[t.pk]))
    with django_assert_max_num_queries(40) as ctx_h:
        client.get("/")
    for _ in range(5):
        BijeenkomstFactory(traject=t)
        AfspraakFactory(traject=t, eigenaar=world.users["directeur"], bewaker=world.users["directeur"])
        traject_in(world, team=True, status="lopend")
    with django_assert_max_num_queries(len(ctx_d.captured_queries)):
        client.get(reverse("interventie_detail", args=[t.pk]))
    with django_assert_max_num_queries(len(ctx_h.captured_queries)):
        client.get("/")


def test_overzicht_constante_queries(world, login, django_assert_max_num_queries):
    for _ in range(2):
        traject_in(
            world, status="afgesloten", afgesloten_op=date(2026, 5, 1), oplossing="Terug in eigen groep"
        )
    client = login(world.users["bestuurder"])
    client.get(reverse("interventie_overzicht"))
    with django_assert_max_num_queries(12) as ctx:
        client.get(reverse("interventie_overzicht"))
    for _ in range(5):
        traject_in(
            world, status="afgesloten", afgesloten_op=date(2026, 5, 1), oplossing="Terug in eigen groep"
        )
    with django_assert_max_num_queries(len(ctx.captured_queries)):
        resp = client.get(reverse("interventie_overzicht"))
    assert resp.content.decode().count("Terug in eigen groep") == 7
    html = resp.content.decode()
    assert "<dt>Afgesloten trajecten</dt><dd>7</dd>" in html
    assert "<td>geen plaatsing</td><td>7</td>" in html


def test_detail_buiten_scope_is_404(world, login):
    t = traject_in(world)
    assert login(world.ib_a2).get(reverse("interventie_detail", args=[t.pk])).status_code == 404
    assert login(world.ib_b).get(reverse("interventie_detail", args=[t.pk])).status_code == 404
