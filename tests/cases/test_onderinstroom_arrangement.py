"""Onderinstroom [issue 16.10], part two: the overgangsarrangement of six months and its evaluation
[002 L807, L670], the route to a TLV [002 L805, L789], access, the list and the demo."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from cases.models import AuditActie, AuditRegel, Onderinstroom, Overgangsarrangement
from cases.onderinstroom.models.arrangement import EVALUATIE_TERMIJN, Uitkomst, einde_overgangsarrangement
from cases.onderinstroom.models.onderinstroom import drie_en_half_jaar_op
from cases.onderinstroom.models.overdracht import Conclusie
from cases.onderinstroom.services import arrangement as arr_svc
from cases.scope import reset_scope
from cases.termijnen.models.termijnen import Termijn, TermijnStatus
from tests.factories import GebruikerFactory, RolFactory, SchoolFactory
from tests.factories.onderinstroom import jong_kind, onderinstroom_in

VANDAAG = timezone.localdate


# --- the overgangsarrangement ---------------------------------------------------------------------


def _start(world, ond, start, door=None):
    return arr_svc.start_overgangsarrangement(
        onderinstroom=ond,
        door=door or world.users["sc"],
        start=start,
        extra_ondersteuning="Extra handen in de klas.",
    )


class TestOvergangsarrangement:
    def test_start_met_einde_en_evaluatietermijn(self, world):
        """[002 L807] Six calendar months; the evaluation is a term due at the end, not moved by the Atw."""
        ll = jong_kind(world, geboren=date(2021, 6, 1))
        ond = onderinstroom_in(world, arrangement=False, leerling=ll)
        arr = _start(world, ond, date(2025, 8, 31))
        assert arr.einde == date(2026, 2, 28)  # a Saturday: a duration, not moved
        termijn = Termijn.objects.get(soort=EVALUATIE_TERMIJN, object_id=arr.pk)
        assert termijn.einde == arr.einde and termijn.school == world.school and not termijn.atw
        assert set(termijn.rollen) == {"ib", "directeur", "sc"}

    def test_via_de_sc(self, world):
        """[002 L670] "Dit arrangement kan via de betrokken steunpuntcoördinator worden aangevraagd"."""
        ond = onderinstroom_in(world, arrangement=False)
        with pytest.raises(PermissionDenied):
            _start(world, ond, VANDAAG(), door=world.users["ib"])

    def test_op_reguliere_basisschool_en_vanaf_vier(self, world):
        """[002 L807; WPO art. 39] The regular school van aanmelding; not before the fourth birthday."""
        ll = jong_kind(world, geboren=date(2022, 5, 15))
        ond = onderinstroom_in(world, arrangement=False, leerling=ll)
        with pytest.raises(ValidationError, match="15 mei 2026 vier jaar"):
            _start(world, ond, date(2026, 5, 14))
        sbo = SchoolFactory(swv=world.swv, regio=world.regio, gemeente=world.gemeente, soort="sbo")
        Onderinstroom.objects.filter(pk=ond.pk).update(school_van_aanmelding=sbo)
        ond.refresh_from_db()
        with pytest.raises(ValidationError, match="geen reguliere basisschool"):
            _start(world, ond, date(2026, 5, 15))

    def test_geen_verlenging(self, world):
        """[002 L807] The seed knows no extension: a second arrangement is refused."""
        ond = onderinstroom_in(world)
        with pytest.raises(ValidationError, match="niet verlengd"):
            _start(world, ond, VANDAAG())

    def test_evaluatie_voor_het_einde_geweigerd(self, world):
        """[002 L807] "Na deze periode wordt gekeken": an evaluation before the end is refused."""
        ond = onderinstroom_in(world)
        arr = ond.overgangsarrangement
        with pytest.raises(ValidationError) as exc:
            arr_svc.evalueer(
                arrangement=arr, door=world.users["ib"], uitkomst=Uitkomst.TLV, op=VANDAAG(), evaluatie="x"
            )
        assert "na deze periode" in str(exc.value)

    def test_evaluatie_op_de_einddatum_en_termijn_voldaan(self, world):
        ll = jong_kind(world, geboren=VANDAAG() - timedelta(days=5 * 365))
        ond = onderinstroom_in(world, arrangement=False, leerling=ll)
        start = VANDAAG() - timedelta(days=200)
        arr = _start(world, ond, start)
        arr_svc.evalueer(
            arrangement=arr,
            door=world.users["ib"],
            uitkomst=Uitkomst.REGULIER,
            op=arr.einde,
            evaluatie="Gaat goed.",
        )
        arr.refresh_from_db()
        assert arr.uitkomst == Uitkomst.REGULIER and arr.geevalueerd_op == arr.einde
        assert Termijn.objects.get(soort=EVALUATIE_TERMIJN).status == TermijnStatus.VOLDAAN
        with pytest.raises(ValidationError, match="al geëvalueerd"):
            arr_svc.evalueer(
                arrangement=arr, door=world.users["sc"], uitkomst=Uitkomst.TLV, op=VANDAAG(), evaluatie="x"
            )

    def test_cjk_evalueert_niet(self, world):
        ond = onderinstroom_in(world)
        with pytest.raises(PermissionDenied):
            arr_svc.evalueer(
                arrangement=ond.overgangsarrangement,
                door=world.users["cjk"],
                uitkomst="tlv",
                op=VANDAAG(),
                evaluatie="x",
            )

    def test_evaluatiepagina_houdt_invoer(self, world, login):
        ond = onderinstroom_in(world)
        resp = login(world.users["ib"]).post(
            reverse("onderinstroom_evaluatie", args=[ond.pk]),
            {"uitkomst": "tlv", "op": VANDAAG().isoformat(), "evaluatie": "Te weinig handen"},
        )
        assert resp.status_code == 200
        html = resp.content.decode()
        assert "na deze periode" in html and "Te weinig handen" in html


# --- the route to a TLV ---------------------------------------------------------------------------


def _verlopen(world, *, conclusie=Conclusie.TLV_SO):
    ond = onderinstroom_in(world, arrangement=False)
    ond.overdrachtsdocument.conclusie = conclusie
    ond.overdrachtsdocument.save()
    start = VANDAAG() - timedelta(days=200)
    Overgangsarrangement.objects.create(
        onderinstroom=ond,
        school=world.school,
        start=start,
        einde=einde_overgangsarrangement(start),
        extra_ondersteuning="x",
    )
    ond.refresh_from_db()
    return ond


class TestTlvRoute:
    def test_tijdens_het_arrangement_nog_niet(self, world):
        """[002 L807] While the arrangement runs, the TLV follows its evaluation."""
        ond = onderinstroom_in(world)
        with pytest.raises(ValidationError, match="na de evaluatie"):
            arr_svc.start_tlv_aanvraag(onderinstroom=ond, door=world.users["ib"])

    def test_na_evaluatie_tlv_start_de_school_van_aanmelding_de_aanvraag(self, world, login):
        """[002 L789, L805, L807] The school van aanmelding requests the TLV, soort onderinstroom, the
        overdrachtsdocument's needs and conclusion (so) prefilled."""
        from tlv.models import TLVAanvraag

        ond = _verlopen(world)
        arr_svc.evalueer(
            arrangement=ond.overgangsarrangement,
            door=world.users["sc"],
            uitkomst=Uitkomst.TLV,
            op=ond.overgangsarrangement.einde,
            evaluatie="De school kan niet bieden wat nodig is.",
        )
        ond.refresh_from_db()
        resp = login(world.users["ib"]).post(reverse("onderinstroom_tlv", args=[ond.pk]))
        aanvraag = TLVAanvraag.objects.get(leerling=ond.leerling)
        assert resp.status_code == 302 and resp["Location"] == reverse("tlv:detail", args=[aanvraag.pk])
        assert (aanvraag.soort, aanvraag.school, aanvraag.gevraagde_schoolsoort) == (
            "onderinstroom",
            world.school,
            "so",
        )
        assert aanvraag.onderwijsbehoeften == "Kleine groep, vaste structuur."
        ond.refresh_from_db()
        assert ond.tlv_aanvraag_id == aanvraag.pk
        with pytest.raises(ValidationError, match="al een TLV-aanvraag"):
            arr_svc.start_tlv_aanvraag(onderinstroom=ond, door=world.users["ib"])

    def test_na_evaluatie_regulier_geen_tlv_vanuit_hier(self, world):
        ond = _verlopen(world)
        arr_svc.evalueer(
            arrangement=ond.overgangsarrangement,
            door=world.users["ib"],
            uitkomst=Uitkomst.REGULIER,
            op=VANDAAG(),
            evaluatie="Gaat goed.",
        )
        ond.refresh_from_db()
        with pytest.raises(ValidationError, match="kan bieden wat nodig is"):
            arr_svc.start_tlv_aanvraag(onderinstroom=ond, door=world.users["ib"])

    def test_zonder_arrangement_direct(self, world):
        """[002 L805] Without an overgangsarrangement the school may request the TLV straight away."""
        ond = onderinstroom_in(world, arrangement=False)
        aanvraag = arr_svc.start_tlv_aanvraag(onderinstroom=ond, door=world.users["directeur"])
        assert aanvraag.soort == "onderinstroom" and aanvraag.gevraagde_schoolsoort == "sbo"

    def test_alleen_de_school_van_aanmelding(self, world):
        ond = onderinstroom_in(world, arrangement=False)
        with pytest.raises(PermissionDenied):
            arr_svc.start_tlv_aanvraag(onderinstroom=ond, door=world.users["sc"])


# --- access, audit, pages -------------------------------------------------------------------------


class TestToegang:
    def test_wie_ziet_wat(self, world):
        """[domain §2] CJK/SC of the regio, the school van aanmelding once delivered, the SWV; nobody else."""
        ond = onderinstroom_in(world, afgeleverd=False, arrangement=False)

        def ziet(user):
            reset_scope(user)
            return Onderinstroom.objects.filter_for_user(user).filter(pk=ond.pk).exists()

        assert ziet(world.users["cjk"]) and ziet(world.users["sc"]) and ziet(world.users["sll"])
        assert (
            not ziet(world.users["ib"])
            and not ziet(world.users["leerkracht"])
            and not ziet(world.users["lpa"])
        )
        assert not ziet(world.ib_b) and not ziet(world.ib_a2)
        cjk_zuid = GebruikerFactory(username="cjk_zuid")
        RolFactory(gebruiker=cjk_zuid, soort="cjk", swv=world.swv, regio=world.regio2)
        assert not ziet(cjk_zuid)
        Overgangsarrangement.objects.create(
            onderinstroom=ond,
            school=world.school,
            start=VANDAAG(),
            einde=einde_overgangsarrangement(VANDAAG()),
            extra_ondersteuning="x",
        )
        assert ziet(world.users["ib"]) and ziet(world.users["directeur"])

    def test_detail_gelogd_en_dossierpaneel(self, world, login):
        ond = onderinstroom_in(world)
        c = login(world.users["sc"])
        assert c.get(reverse("onderinstroom_detail", args=[ond.pk])).status_code == 200
        assert AuditRegel.objects.filter(
            actie=AuditActie.BEKEKEN, leerling=ond.leerling, gebruiker=world.users["sc"]
        ).exists()
        resp = login(world.users["sll"]).get(reverse("dossier", args=[ond.leerling.pk]))
        html = resp.content.decode()
        assert "kop-onderinstroom" in html and reverse("onderinstroom_detail", args=[ond.pk]) in html

    def test_lijst_toont_leeftijd_en_drie_en_half(self, world, login):
        geboren = VANDAAG() - timedelta(days=3 * 365)
        onderinstroom_in(world, arrangement=False, leerling=jong_kind(world, geboren=geboren))
        html = login(world.users["cjk"]).get(reverse("onderinstroom_lijst")).content.decode()
        assert "nog niet" in html and drie_en_half_jaar_op(geboren).strftime("%d-%m-%Y") in html

    def test_lijst_constant_aantal_queries(self, world, login, django_assert_max_num_queries):
        onderinstroom_in(world)
        c = login(world.users["cjk"])
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        c.get(reverse("onderinstroom_lijst"))
        with CaptureQueriesContext(connection) as een:
            c.get(reverse("onderinstroom_lijst"))
        for i in range(5):
            onderinstroom_in(world, leerling=jong_kind(world, voornaam=f"Kind{i}"))
        with django_assert_max_num_queries(len(een)):
            resp = c.get(reverse("onderinstroom_lijst"))
        assert resp.content.decode().count("onderinstroom/") >= 6

    def test_mijn_werk_toont_lopend_arrangement(self, world, login):
        onderinstroom_in(world)
        html = login(world.users["directeur"]).get(reverse("home")).content.decode()
        assert "Overgangsarrangementen jonge kind" in html


# --- demo -------------------------------------------------------------------------------------------


def test_demo_toont_lopend_overgangsarrangement_en_afgeleverd_document(db, client):
    """[issue 16.10, 'Done when'] The demo shows an overgangsarrangement running (end ahead) at the demo
    school, visible to its IB'er and the SC, and a child with CJK advice and a delivered document."""
    from io import StringIO

    from cases import demo
    from cases.demo import onderinstroom as demo_onderinstroom

    wereld = demo.bouw_organisaties()
    demo.bouw_gebruikers(wereld)
    demo_onderinstroom.bouw(wereld, leerlingen=0, stdout=StringIO())
    demo_onderinstroom.bouw(wereld, leerlingen=0, stdout=StringIO())  # idempotent
    assert Onderinstroom.objects.filter(swv=wereld.swv).count() == 3
    jesse = Onderinstroom.objects.get(leerling__voornaam="Jesse")
    arr = jesse.overgangsarrangement
    assert arr.start < VANDAAG() < arr.einde and arr.fase() == "lopend"
    assert jesse.overdracht_sc == wereld.gebruikers["sc"] and jesse.overdrachtsdocument.gezien_op
    noa = Onderinstroom.objects.get(leerling__voornaam="Noa")
    assert noa.advies and noa.overdrachtsdocument.is_afgeleverd
    for rol in ("ib", "sc", "cjk"):
        client.force_login(wereld.gebruikers[rol])
        html = client.get(reverse("home")).content.decode()
        assert "Jesse Bloemhof" in html, rol
