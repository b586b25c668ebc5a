"""The leerling dossier [issue 3; domain §2–§3]: access per role, search in scope, leerling and
ouders, BSN masking, the timeline registry and checklist step, the constant query count."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cases.dossier.models.ot import Status
from cases.dossier.selectors import checklist_stand, mijn_werk
from cases.models import AuditRegel, Leerling
from cases.scope import scope_for
from cases.tijdlijn import _PROVIDERS, TijdlijnItem, providers, registreer_tijdlijn, tijdlijn
from tests.factories import LeerlingFactory
from tests.factories.dossier import (
    AfspraakFactory,
    DocumentFactory,
    OPPFactory,
    OTBesprekingFactory,
    leerling_met_ouders,
)

pytestmark = pytest.mark.django_db
BSN = "111222333"  # passes the elfproef; fictitious


@pytest.fixture
def leerling(world):
    return leerling_met_ouders(world, bsn=BSN)


class TestToegang:
    """[domain §2] Who sees a dossier; outside the scope the pupil does not exist (404)."""

    @pytest.mark.parametrize(
        "rol", ["ib", "directeur", "leerkracht", "sc", "cjk", "sll", "tla", "bestuurder", "beheer"]
    )
    def test_rollen_die_de_leerling_zien(self, world, leerling, login, rol):
        assert login(world.users[rol]).get(reverse("dossier", args=[leerling.pk])).status_code == 200

    @pytest.mark.parametrize("rol", ["deskundige", "lpa"])
    def test_deskundige_en_lpa_standaard_niet(self, world, leerling, login, rol):
        assert login(world.users[rol]).get(reverse("dossier", args=[leerling.pk])).status_code == 404

    def test_ib_van_andere_school_en_ander_swv_krijgt_404(self, world, leerling, login):
        assert login(world.ib_a2).get(reverse("dossier", args=[leerling.pk])).status_code == 404
        assert login(world.ib_b).get(reverse("dossier", args=[leerling.pk])).status_code == 404

    def test_leerkracht_alleen_eigen_groepen(self, world, login):
        groep7 = leerling_met_ouders(world, groep=7)
        assert login(world.users["leerkracht"]).get(reverse("dossier", args=[groep7.pk])).status_code == 404

    def test_vorige_school_verliest_toegang_geschiedenis_blijft(self, world, leerling, login):
        """[issue 3] A former school loses access when the pupil leaves; the history stays."""
        ib = login(world.users["ib"])
        resp = ib.post(
            reverse("inschrijving_nieuw", args=[leerling.pk]),
            {"school": world.school2.pk, "groep": "5", "van": "2026-01-05"},
        )
        assert resp.status_code == 302
        assert resp["Location"] == reverse("leerling_lijst")
        assert ib.get(reverse("dossier", args=[leerling.pk])).status_code == 404
        nieuw = login(world.ib_a2).get(reverse("dossier", args=[leerling.pk])).content.decode()
        # both enrolments shown
        assert world.school.naam in nieuw
        assert world.school2.naam in nieuw

    def test_uitschrijven(self, world, leerling, login):
        ib = login(world.users["ib"])
        resp = ib.post(reverse("uitschrijven", args=[leerling.pk]), {"uit-tot": "2026-03-31"})
        assert resp.status_code == 302
        leerling.refresh_from_db()
        assert leerling.huidige_school is None
        assert ib.get(reverse("dossier", args=[leerling.pk])).status_code == 404
        assert login(world.users["sll"]).get(reverse("dossier", args=[leerling.pk])).status_code == 200

    def test_gedeeld_met_deskundige_via_guardian(self, world, leerling, login):
        from guardian.shortcuts import assign_perm

        assign_perm("view_leerling", world.users["deskundige"], leerling)
        assert login(world.users["deskundige"]).get(reverse("dossier", args=[leerling.pk])).status_code == 200


class TestZoeken:
    def test_zoeken_op_naam_en_geboortedatum_binnen_scope(self, world, login):
        eigen = LeerlingFactory(
            swv=world.swv,
            school=world.school,
            voornaam="Noor",
            achternaam="Verhoevendijk",
            geboortedatum=date(2018, 9, 14),
        )
        LeerlingFactory(
            swv=world.swv,
            school=world.school,
            voornaam="Noor",
            achternaam="Anders",
            geboortedatum=date(2017, 1, 1),
        )
        elders = LeerlingFactory(
            swv=world.swv, school=world.school2, voornaam="Noor", achternaam="Verhoevendijk"
        )
        ib = login(world.users["ib"])
        html = ib.get(reverse("leerling_lijst"), {"naam": "noor verhoeven"}).content.decode()
        assert reverse("dossier", args=[eigen.pk]) in html
        assert reverse("dossier", args=[elders.pk]) not in html
        assert "Gevonden: 1 leerling" in html
        html = ib.get(reverse("leerling_lijst"), {"geboortedatum": "2018-09-14"}).content.decode()
        assert "Gevonden: 1 leerling" in html
        html = ib.get(reverse("leerling_lijst"), {"naam": "Zzzz"}).content.decode()
        assert "Geen leerling gevonden" in html

    def test_lijst_constant_aantal_queries(self, world, login, django_assert_max_num_queries):
        ib = login(world.users["ib"])
        LeerlingFactory(swv=world.swv, school=world.school)
        with CaptureQueriesContext(connection) as een:
            ib.get(reverse("leerling_lijst"))
        for _ in range(30):
            LeerlingFactory(swv=world.swv, school=world.school)
        with django_assert_max_num_queries(len(een)):
            ib.get(reverse("leerling_lijst"))


class TestLeerlingGegevens:
    def test_ib_maakt_leerling_met_inschrijving(self, world, login):
        ib = login(world.users["ib"])
        resp = ib.post(
            reverse("leerling_nieuw"),
            {
                "voornaam": "Sem",
                "achternaam": "Testvelde",
                "geboortedatum": "2022-03-01",
                "geslacht": "m",
                "school": world.school.pk,
                "groep": "1",
                "van": "2026-03-02",
                "bsn_invoer": BSN,
            },
        )
        assert resp.status_code == 302
        nieuw = Leerling.objects.get(achternaam="Testvelde")
        assert nieuw.huidige_school == world.school
        assert nieuw.inschrijvingen.count() == 1
        assert nieuw.bsn == BSN
        assert BSN not in resp["Location"]
        assert AuditRegel.objects.filter(leerling=nieuw, actie="aangemaakt").exists()

    def test_ongeldig_bsn_nederlandse_melding_en_invoer_blijft(self, world, login):
        ib = login(world.users["ib"])
        resp = ib.post(
            reverse("leerling_nieuw"),
            {
                "voornaam": "Sem",
                "achternaam": "Bewaardnaam",
                "geboortedatum": "2022-03-01",
                "geslacht": "m",
                "school": world.school.pk,
                "groep": "1",
                "van": "2026-03-02",
                "bsn_invoer": "123456789",
            },
        )
        html = resp.content.decode()
        assert resp.status_code == 200
        assert "elfproef" in html
        assert "Bewaardnaam" in html
        assert not Leerling.objects.filter(achternaam="Bewaardnaam").exists()

    def test_bsn_dubbel_in_swv_geweigerd(self, world, leerling, login):
        resp = login(world.users["ib"]).post(
            reverse("leerling_nieuw"),
            {
                "voornaam": "Ander",
                "achternaam": "Kind",
                "geboortedatum": "2019-03-01",
                "geslacht": "x",
                "school": world.school.pk,
                "groep": "3",
                "van": "2026-03-02",
                "bsn_invoer": BSN,
            },
        )
        assert "al een dossier met dit BSN" in resp.content.decode()

    def test_bsn_nergens_voluit(self, world, leerling, login):
        """[issue 3] BSN masked everywhere: never in pages, URLs, forms or the audit log."""
        ib = login(world.users["ib"])
        for url in (
            reverse("dossier", args=[leerling.pk]),
            reverse("leerling_wijzigen", args=[leerling.pk]),
            reverse("leerling_lijst"),
        ):
            html = ib.get(url).content.decode()
            assert BSN not in html
        assert "*****2333" in ib.get(reverse("dossier", args=[leerling.pk])).content.decode()
        ib.post(
            reverse("leerling_wijzigen", args=[leerling.pk]),
            {
                "voornaam": leerling.voornaam,
                "achternaam": leerling.achternaam,
                "geboortedatum": "2018-03-14",
                "geslacht": "v",
                "bsn_invoer": "",
            },
        )
        leerling.refresh_from_db()
        assert leerling.bsn == BSN  # empty keeps the stored number
        assert not AuditRegel.objects.filter(omschrijving__contains=BSN).exists()
        assert not AuditRegel.objects.filter(object_omschrijving__contains=BSN).exists()

    def test_bsn_verwijderen(self, world, leerling, login):
        login(world.users["ib"]).post(
            reverse("leerling_wijzigen", args=[leerling.pk]),
            {
                "voornaam": leerling.voornaam,
                "achternaam": leerling.achternaam,
                "geboortedatum": "2018-03-14",
                "geslacht": "v",
                "bsn_verwijderen": "on",
            },
        )
        leerling.refresh_from_db()
        assert leerling.bsn == ""

    def test_ouder_met_gezag_toevoegen(self, world, leerling, login):
        ib = login(world.users["ib"])
        resp = ib.post(
            reverse("ouder_nieuw", args=[leerling.pk]),
            {
                "naam": "Voogd Testhuis",
                "relatie": "voogd",
                "gezag": "on",
                "ontvangt_brieven": "on",
            },
        )
        assert resp.status_code == 302
        assert leerling.ouders.filter(naam="Voogd Testhuis", gezag=True).exists()

    def test_leerkracht_mag_niet_bewerken(self, world, leerling, login):
        assert (
            login(world.users["leerkracht"]).get(reverse("leerling_wijzigen", args=[leerling.pk])).status_code
            == 403
        )


def _geschiedenis(leerling, ib, aantal):
    """`aantal` events of every kind in the dossier."""
    for i in range(aantal):
        ot = OTBesprekingFactory(
            leerling=leerling,
            aangemaakt_door=ib,
            vastgesteld=True,
            datum=date(2025, 1, 1) + timedelta(days=i),
        )
        AfspraakFactory(bespreking=ot, uiterlijk=date(2025, 2, 1) + timedelta(days=i))
        DocumentFactory(leerling=leerling, geupload_door=ib, datum=date(2025, 1, 1) + timedelta(days=i))
        OPPFactory(
            leerling=leerling,
            aangemaakt_door=ib,
            vastgesteld=True,
            versie=i + 1,
            datum=date(2025, 1, 1) + timedelta(days=i),
        )


class TestDossierPagina:
    def test_query_aantal_gelijk_bij_1_en_50_gebeurtenissen(
        self, world, login, django_assert_max_num_queries
    ):
        """[issue 3] The dossier page loads with a constant number of queries, whatever the history."""
        ib_user = world.users["ib"]
        klein, groot = leerling_met_ouders(world), leerling_met_ouders(world)
        _geschiedenis(klein, ib_user, 1)
        _geschiedenis(groot, ib_user, 50)
        ib = login(ib_user)
        ib.get(reverse("dossier", args=[klein.pk]))  # warm caches (content types, session)
        with CaptureQueriesContext(connection) as een:
            assert ib.get(reverse("dossier", args=[klein.pk])).status_code == 200
        with django_assert_max_num_queries(len(een)):
            resp = ib.get(reverse("dossier", args=[groot.pk]))
        assert resp.status_code == 200
        assert len(resp.context["tijdlijn"]) >= 150
        with CaptureQueriesContext(connection) as vijftig:
            ib.get(reverse("dossier", args=[groot.pk]))
        assert len(vijftig) == len(een)

    def test_toont_afspraken_te_laat_opp_leeftijd_en_inzage(self, world, leerling, login):
        ib_user = world.users["ib"]
        ot = OTBesprekingFactory(leerling=leerling, aangemaakt_door=ib_user, vastgesteld=True)
        AfspraakFactory(
            bespreking=ot,
            wat="Verlopen afspraak",
            wie="leerkracht",
            uiterlijk=timezone.localdate() - timedelta(days=1),
        )
        OPPFactory(
            leerling=leerling,
            aangemaakt_door=ib_user,
            vastgesteld=True,
            datum=timezone.localdate() - timedelta(days=200),
        )
        login(world.users["sc"]).get(reverse("dossier", args=[leerling.pk]))
        html = login(ib_user).get(reverse("dossier", args=[leerling.pk])).content.decode()
        assert "Verlopen afspraak" in html
        assert "te laat" in html
        assert "ouder dan een half jaar" in html
        assert world.users["sc"].last_name in html  # wie heeft dit dossier ingezien
        assert AuditRegel.objects.filter(leerling=leerling, actie="bekeken").count() == 2

    def test_concept_afspraken_staan_niet_open(self, world, leerling, login):
        """Only afspraken of a vastgesteld OT-verslag are open; a concept's are not yet agreed."""
        concept = AfspraakFactory(
            bespreking=OTBesprekingFactory(leerling=leerling), wat="Nog niet afgesproken"
        )
        vastgesteld = AfspraakFactory(
            bespreking=OTBesprekingFactory(
                leerling=leerling, aangemaakt_door=world.users["ib"], vastgesteld=True
            ),
            wat="Wel afgesproken",
        )
        assert concept.bespreking.status != Status.VASTGESTELD
        resp = login(world.users["ib"]).get(reverse("dossier", args=[leerling.pk]))
        assert resp.status_code == 200
        # the vastgesteld verslag's afspraken (the factory adds one of its own), not the concept's
        verwacht = set(vastgesteld.bespreking.afspraken.values_list("pk", flat=True))
        assert vastgesteld.pk in verwacht
        assert {a.pk for a in resp.context["afspraken"]} == verwacht
        html = resp.content.decode()
        assert f"Open afspraken ({len(verwacht)})" in html
        assert "Wel afgesproken" in html
        assert "Nog niet afgesproken" not in html

    def test_leerkracht_ziet_dossier_zonder_bewerkknoppen(self, world, leerling, login):
        html = login(world.users["leerkracht"]).get(reverse("dossier", args=[leerling.pk])).content.decode()
        assert "Verslag OT – start" not in html
        assert reverse("leerling_wijzigen", args=[leerling.pk]) not in html


class TestChecklist:
    """[002 bijlage 3.6] The step of the checklist leerlingondersteuning, derived from the data."""

    def item(self, dag, stap, titel="x"):
        return TijdlijnItem(
            leerling_id=1, datum=date(2026, 1, dag), soort="OT", titel=titel, status="s", stap=stap
        )

    def test_zonder_gebeurtenissen_reguliere_cyclus(self):
        stand = checklist_stand([])
        assert stand.stap is None
        assert [s[3] for s in stand.stappen] == ["huidig"] * 5 + ["open"] * 5
        assert len(stand.stappen) == 10

    def test_meest_recente_gebeurtenis_met_stap_telt(self):
        stand = checklist_stand([self.item(5, 10), self.item(20, 9), self.item(25, None)])
        assert stand.stap == 9
        assert [s[3] for s in stand.stappen] == ["gedaan"] * 8 + ["huidig", "open"]

    def test_terug_in_de_cyclus_na_beantwoorde_hulpvraag(self):
        stand = checklist_stand([self.item(5, 4)])
        assert [s[3] for s in stand.stappen][:7] == [
            "gedaan",
            "gedaan",
            "gedaan",
            "huidig",
            "open",
            "gedaan",
            "gedaan",
        ]

    @pytest.mark.parametrize(
        "soort,status,uitkomst,stap",
        [
            ("start", "concept", "", 7),
            ("start", "vastgesteld", "", 7),
            ("start", "vastgesteld", "hgo_deskundigheid", 8),
            ("start", "vastgesteld", "lokaal_team", 8),
            ("start", "vastgesteld", "beantwoord", 4),
            ("vervolg", "concept", "", 9),
            ("vervolg", "vastgesteld", "hgo_middelen", 9),
            ("vervolg", "vastgesteld", "tlv", 10),
            ("start", "vastgesteld", "tlv", 10),
        ],
    )
    def test_stap_uit_ot(self, world, soort, status, uitkomst, stap):
        leerling = leerling_met_ouders(world)
        OTBesprekingFactory(
            leerling=leerling,
            soort=soort,
            uitkomst=uitkomst,
            datum=date(2026, 1, 12),
            **({"vastgesteld": True} if status == Status.VASTGESTELD else {}),
        )
        assert checklist_stand(tijdlijn(leerling, user=world.users["ib"])).stap == stap

    def test_andere_app_registreert_provider(self, world):
        """A later app (tlv/) adds events and a step through the registry: one query each."""
        leerling = leerling_met_ouders(world)
        OTBesprekingFactory(leerling=leerling, vastgesteld=True, datum=date(2026, 1, 12))

        @registreer_tijdlijn("test_tlv", volgorde=99)
        def _tlv(leerling_ids, *, user):
            return [
                TijdlijnItem(
                    leerling_id=i,
                    datum=date(2026, 3, 10),
                    soort="TLV",
                    titel="TLV-aanvraag",
                    status="ingediend",
                    stap=10,
                )
                for i in leerling_ids
            ]

        try:
            assert "test_tlv" in providers()
            items = tijdlijn(leerling, user=world.users["ib"])
            assert items[0].titel == "TLV-aanvraag"
            assert checklist_stand(items).stap == 10
        finally:
            _PROVIDERS.pop("test_tlv")

    def test_elke_provider_een_query(self, world, django_assert_num_queries):
        leerling = leerling_met_ouders(world)
        _geschiedenis(leerling, world.users["ib"], 5)
        scope_for(world.users["ib"])  # computed once per request anyway; providers may use it
        with django_assert_num_queries(len(providers())):
            tijdlijn(leerling, user=world.users["ib"])


class TestMijnWerk:
    def test_paneel_voor_ib(self, world, login):
        leerling = leerling_met_ouders(world)
        ib_user = world.users["ib"]
        ot = OTBesprekingFactory(leerling=leerling, aangemaakt_door=ib_user, vastgesteld=True)
        AfspraakFactory(
            bespreking=ot, wat="Te late afspraak", uiterlijk=timezone.localdate() - timedelta(days=3)
        )
        OTBesprekingFactory(leerling=leerling, aangemaakt_door=ib_user)  # concept
        OPPFactory(
            leerling=leerling,
            aangemaakt_door=ib_user,
            vastgesteld=True,
            datum=timezone.localdate() - timedelta(days=160),
        )  # getting old (> 5 months)
        html = login(ib_user).get(reverse("home")).content.decode()
        assert "Te late afspraak" in html
        assert "te laat" in html
        assert "Concepten om af te maken" in html
        assert "OPP's die verouderen" in html
        werk = mijn_werk(ib_user)
        assert werk.oude_opps[0]["te_oud"] is False

    def test_geen_paneel_voor_sll_en_menu_leerlingen(self, world, login):
        html = login(world.users["sll"]).get(reverse("home")).content.decode()
        assert "Dossiers: wat vraagt aandacht" not in html
        assert reverse("leerling_lijst") in html
        html = login(world.users["lpa"]).get(reverse("home")).content.decode()
        assert reverse("leerling_lijst") not in html

    def test_mijn_werk_blijft_binnen_scope(self, world):
        elders = leerling_met_ouders(world, school=world.school2)
        ot = OTBesprekingFactory(leerling=elders, vastgesteld=True)
        AfspraakFactory(bespreking=ot)
        assert mijn_werk(world.users["ib"]).afspraken == []
