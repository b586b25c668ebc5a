"""Onderinstroom [issue 16.10]: the CJK from 3,5 years, advice and handover to the SC [002 L800-804],
the overdrachtsdocument jonge kind [002 bijlage 3.10, L802], the overgangsarrangement of six months
and the route to a TLV [002 L805, L807]."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from cases.models import Leerling, Onderinstroom
from cases.onderinstroom.models.arrangement import einde_overgangsarrangement
from cases.onderinstroom.models.onderinstroom import drie_en_half_jaar_op, leeftijd_tekst, vier_jaar_op
from cases.onderinstroom.models.overdracht import Conclusie
from cases.onderinstroom.services import document as doc_svc
from cases.onderinstroom.services import kind as kind_svc
from tests.factories import GebruikerFactory, RolFactory, SchoolFactory
from tests.factories.onderinstroom import jong_kind, onderinstroom_in

VANDAAG = timezone.localdate


# --- dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("geboren", "verwacht"),
    [
        pytest.param(
            date(2022, 3, 10), date(2025, 9, 10), id="[002 L801] 3,5 jaar: zelfde dag 42 maanden later"
        ),
        pytest.param(date(2022, 8, 31), date(2026, 2, 28), id="[002 L801] geboren 31 aug: 28 feb"),
        pytest.param(
            date(2020, 8, 31), date(2024, 2, 29), id="[002 L801] geboren 31 aug, schrikkeljaar: 29 feb"
        ),
        pytest.param(date(2020, 2, 29), date(2023, 8, 29), id="[002 L801] geboren 29 feb"),
    ],
)
def test_drie_en_half_jaar(geboren, verwacht):
    assert drie_en_half_jaar_op(geboren) == verwacht


@pytest.mark.parametrize(
    ("start", "einde"),
    [
        pytest.param(date(2025, 8, 31), date(2026, 2, 28), id="[002 L807] 31 aug → 28 feb"),
        pytest.param(date(2027, 8, 31), date(2028, 2, 29), id="[002 L807] 31 aug → 29 feb (schrikkeljaar)"),
        pytest.param(date(2026, 3, 1), date(2026, 9, 1), id="[002 L807] 1 mrt → 1 sep"),
        pytest.param(
            date(2025, 12, 31), date(2026, 6, 30), id="[002 L807] 31 dec → 30 jun (over de jaargrens)"
        ),
        pytest.param(
            date(2026, 2, 28), date(2026, 8, 28), id="[002 L807] 28 feb → 28 aug, niet het maandeinde"
        ),
    ],
)
def test_einde_overgangsarrangement_zes_kalendermaanden(start, einde):
    assert einde_overgangsarrangement(start) == einde


def test_leeftijd_en_vier_jaar():
    """[002 L797; WPO art. 39] Age in years and months; the fourth birthday of a 29 February child."""
    assert leeftijd_tekst(date(2022, 3, 10), date(2025, 9, 10)) == "3 jaar en 6 maanden"
    assert leeftijd_tekst(date(2022, 3, 10), date(2025, 9, 9)) == "3 jaar en 5 maanden"
    assert leeftijd_tekst(date(2022, 3, 10), date(2023, 4, 10)) == "1 jaar en 1 maand"
    assert vier_jaar_op(date(2020, 2, 29)) == date(2024, 2, 29)
    assert vier_jaar_op(date(2021, 3, 1)) == date(2025, 3, 1)


# --- the child in beeld, the CJK's involvement and advice -----------------------------------------


def _kind_gegevens(**extra):
    return {
        "voornaam": "Mees",
        "achternaam": "Kleuterveld",
        "geboortedatum": VANDAAG() - timedelta(days=3 * 365 + 250),
        **extra,
    }


class TestKindInBeeld:
    def test_cjk_brengt_kind_in_beeld_zonder_inschrijving(self, world):
        """[002 L800] The child becomes a Leerling of the SWV, enrolled nowhere yet."""
        ond = kind_svc.maak_onderinstroom(
            door=world.users["cjk"], regio=world.regio, gegevens=_kind_gegevens()
        )
        assert ond.leerling.huidige_school is None and ond.leerling.swv == world.swv
        assert ond.cjk == world.users["cjk"]
        assert not ond.leerling.inschrijvingen.exists()

    def test_bestaand_kind_wordt_hergebruikt(self, world):
        """[002 L800] Same name and birth date in the SWV: the existing dossier is reused."""
        ll = jong_kind(world, voornaam="Mees", achternaam="Kleuterveld")
        ond = kind_svc.maak_onderinstroom(
            door=world.users["cjk"],
            regio=world.regio,
            gegevens=_kind_gegevens(geboortedatum=ll.geboortedatum),
        )
        assert ond.leerling == ll
        assert Leerling.objects.filter(achternaam="Kleuterveld").count() == 1
        with pytest.raises(ValidationError, match="al in beeld"):
            kind_svc.maak_onderinstroom(
                door=world.users["cjk"],
                regio=world.regio,
                gegevens=_kind_gegevens(geboortedatum=ll.geboortedatum),
            )

    def test_alleen_de_cjk_van_de_regio(self, world):
        """[002 L800] The CJK of this regio; an SC or the CJK of another regio may not."""
        with pytest.raises(PermissionDenied):
            kind_svc.maak_onderinstroom(door=world.users["sc"], regio=world.regio, gegevens=_kind_gegevens())
        with pytest.raises(PermissionDenied):
            kind_svc.maak_onderinstroom(
                door=world.users["cjk"], regio=world.regio2, gegevens=_kind_gegevens()
            )

    def test_voorschool_moet_een_voorschoolse_voorziening_zijn(self, world):
        with pytest.raises(ValidationError, match="voorschoolse voorziening"):
            kind_svc.maak_onderinstroom(
                door=world.users["cjk"], regio=world.regio, voorschool=world.school, gegevens=_kind_gegevens()
            )

    def test_pagina_nieuw_houdt_invoer_bij_fout(self, world, login):
        c = login(world.users["cjk"])
        resp = c.post(
            reverse("onderinstroom_nieuw"), {"voornaam": "Mees", "achternaam": "", "regio": world.regio.pk}
        )
        assert resp.status_code == 200
        assert 'value="Mees"' in resp.content.decode()
        gegevens = {k: str(v) for k, v in _kind_gegevens().items()}
        resp = c.post(reverse("onderinstroom_nieuw"), {**gegevens, "geslacht": "x", "regio": world.regio.pk})
        assert resp.status_code == 302
        assert Onderinstroom.objects.filter(leerling__achternaam="Kleuterveld").exists()


class TestCjkVanafDrieEnHalf:
    def _ond(self, world, geboren):
        return onderinstroom_in(
            world, afgeleverd=None, arrangement=False, leerling=jong_kind(world, geboren=geboren)
        )

    def test_precies_drie_en_half_mag(self, world):
        """[002 L801] "Dit kan vanaf de leeftijd van 3,5 jaar": on the day itself it can."""
        geboren = VANDAAG() - timedelta(days=4 * 365)
        ond = self._ond(world, geboren)
        op = drie_en_half_jaar_op(geboren)
        kind_svc.leg_advies_vast(onderinstroom=ond, door=world.users["cjk"], cjk_betrokken_op=op)
        ond.refresh_from_db()
        assert ond.cjk_betrokken_op == op

    def test_dag_ervoor_geweigerd_met_datum(self, world):
        """[002 L801] One day before 3,5 years: refused, and the refusal names the date."""
        geboren = date(2022, 8, 31)
        ond = self._ond(world, geboren)
        with pytest.raises(ValidationError) as exc:
            kind_svc.leg_advies_vast(
                onderinstroom=ond, door=world.users["cjk"], cjk_betrokken_op=date(2026, 2, 27)
            )
        assert "3,5 jaar" in str(exc.value) and "28 feb 2026" in str(exc.value)

    def test_advies_en_school_van_aanmelding(self, world):
        """[002 L800, L789] Advice with its date; a school van aanmelding, never a voorschool."""
        ond = self._ond(world, VANDAAG() - timedelta(days=4 * 365))
        ond.school_van_aanmelding = None
        ond.save()
        with pytest.raises(ValidationError, match="advies"):
            kind_svc.leg_advies_vast(
                onderinstroom=ond,
                door=world.users["cjk"],
                cjk_betrokken_op=VANDAAG(),
                advies="Regulier starten.",
            )
        vve = SchoolFactory(swv=world.swv, regio=world.regio, gemeente=world.gemeente, soort="vve")
        with pytest.raises(ValidationError, match="geen voorschoolse"):
            kind_svc.leg_advies_vast(
                onderinstroom=ond,
                door=world.users["cjk"],
                cjk_betrokken_op=VANDAAG(),
                school_van_aanmelding=vve,
            )
        with pytest.raises(PermissionDenied):
            kind_svc.leg_advies_vast(onderinstroom=ond, door=world.users["sc"], cjk_betrokken_op=VANDAAG())


class TestOverdrachtAanSc:
    def test_overdracht_aan_sc_van_de_regio(self, world):
        """[002 L804] "Indien de CJK betrokken was, heeft een overdracht naar SC plaatsgevonden"."""
        ond = onderinstroom_in(world, arrangement=False)
        kind_svc.draag_over_aan_sc(
            onderinstroom=ond, door=world.users["cjk"], sc=world.users["sc"], op=VANDAAG(), notitie="Taal"
        )
        ond.refresh_from_db()
        assert (ond.overdracht_sc, ond.overdracht_sc_op) == (world.users["sc"], VANDAAG())

    def test_geen_sc_van_de_regio_geweigerd(self, world):
        ond = onderinstroom_in(world, arrangement=False)
        ander = GebruikerFactory(username="sc_zuid")
        RolFactory(gebruiker=ander, soort="sc", swv=world.swv, regio=world.regio2)
        with pytest.raises(ValidationError, match="geen steunpuntcoördinator van de regio"):
            kind_svc.draag_over_aan_sc(onderinstroom=ond, door=world.users["cjk"], sc=ander, op=VANDAAG())

    def test_niet_voor_de_cjk_betrokken_was(self, world):
        ond = onderinstroom_in(world, arrangement=False)
        Onderinstroom.objects.filter(pk=ond.pk).update(cjk_betrokken_op=None)
        ond.refresh_from_db()
        with pytest.raises(ValidationError, match="Leg eerst vast"):
            kind_svc.draag_over_aan_sc(
                onderinstroom=ond, door=world.users["cjk"], sc=world.users["sc"], op=VANDAAG()
            )


# --- the overdrachtsdocument ----------------------------------------------------------------------


class TestOverdrachtsdocument:
    def test_concept_bewaren_en_afleveren(self, world):
        """[002 bijlage 3.10; L802] Filled in (by the CJK for the voorschool), delivered to the school."""
        ond = onderinstroom_in(world, afgeleverd=None, arrangement=False)
        cjk = world.users["cjk"]
        doc = doc_svc.bewaar_document(
            onderinstroom=ond, door=cjk, gegevens={"beschrijving_kind": "Rustig kind."}
        )
        with pytest.raises(ValidationError) as exc:
            doc_svc.lever_af(onderinstroom=ond, door=cjk)
        for ontbreekt in (
            "voorschoolse voorziening",
            "waar moet de school",
            "conclusie",
            "ouders hebben ondertekend",
        ):
            assert ontbreekt in str(exc.value)
        doc_svc.bewaar_document(
            onderinstroom=ond,
            door=cjk,
            gegevens={
                "voorschoolse_voorziening": "Peuterspeelzaal De Test",
                "ondersteuningsbehoefte": "Vaste structuur.",
                "conclusie": Conclusie.TLV_SO,
                "ouders_ondertekend_op": VANDAAG(),
            },
        )
        doc = doc_svc.lever_af(onderinstroom=ond, door=cjk)
        assert doc.afgeleverd_aan == world.school and doc.afgeleverd_op is not None

    def test_anders_namelijk_vraagt_toelichting(self, world):
        """[002 bijlage 3.10] "Anders, namelijk": the 'namelijk' must be filled in before delivery."""
        ond = onderinstroom_in(world, afgeleverd=False, arrangement=False)
        doc_svc.bewaar_document(
            onderinstroom=ond, door=world.users["cjk"], gegevens={"conclusie": Conclusie.ANDERS}
        )
        with pytest.raises(ValidationError, match="anders, namelijk"):
            doc_svc.lever_af(onderinstroom=ond, door=world.users["cjk"])

    def test_zonder_school_van_aanmelding_niet_afleveren(self, world):
        ond = onderinstroom_in(world, afgeleverd=False, arrangement=False, school=False)
        with pytest.raises(ValidationError, match="nog geen school van aanmelding"):
            doc_svc.lever_af(onderinstroom=ond, door=world.users["cjk"])

    def test_afgeleverd_verandert_niet_meer(self, world):
        ond = onderinstroom_in(world, arrangement=False)
        with pytest.raises(ValidationError, match="verandert niet meer"):
            doc_svc.bewaar_document(onderinstroom=ond, door=world.users["cjk"], gegevens={"overig": "x"})

    def test_school_ziet_alleen_het_afgeleverde_en_gezien_wordt_vastgelegd(self, world, login):
        """[002 L802] The school van aanmelding sees the document once delivered; its first view is
        recorded (who, when), once."""
        ond = onderinstroom_in(world, afgeleverd=False, arrangement=False)
        url = reverse("onderinstroom_detail", args=[ond.pk])
        ib = login(world.users["ib"])
        assert ib.get(url).status_code == 404
        doc = ond.overdrachtsdocument
        doc_svc.lever_af(onderinstroom=ond, door=world.users["cjk"])
        resp = ib.get(url)
        assert resp.status_code == 200 and "Kleine groep, vaste structuur." in resp.content.decode()
        doc.refresh_from_db()
        assert doc.gezien_door == world.users["ib"] and doc.gezien_op is not None
        eerste = doc.gezien_op
        login(world.users["directeur"]).get(url)
        doc.refresh_from_db()
        assert (doc.gezien_door, doc.gezien_op) == (world.users["ib"], eerste)

    def test_formulier_pagina_toont_de_velden_van_bijlage_3_10(self, world, login):
        ond = onderinstroom_in(world, afgeleverd=None, arrangement=False)
        resp = login(world.users["cjk"]).get(reverse("onderinstroom_document", args=[ond.pk]))
        html = resp.content.decode()
        for kop in ("Stimulerende factoren kind", "Onderwijsbelemmeringen", "Nazorg", "Conclusie / advies"):
            assert kop in html
        assert "medisch kinderdagverblijf" in html and "aanvraag TLV SBO" in html

    def test_formulier_bewaren_via_de_pagina_en_foute_invoer_blijft_staan(self, world, login):
        """[002 bijlage 3.10] Saving keeps a concept; a bad e-mail address is refused next to the field
        and what was typed stays; a delivered document is not changed by a POST."""
        ond = onderinstroom_in(world, afgeleverd=None, arrangement=False)
        url = reverse("onderinstroom_document", args=[ond.pk])
        c = login(world.users["cjk"])
        resp = c.post(url, {"beschrijving_kind": "Bouwt graag torens.", "email_ouders": "geen-adres"})
        assert resp.status_code == 200
        html = resp.content.decode()
        assert "Bouwt graag torens." in html and "geldig e-mailadres" in html
        resp = c.post(url, {"beschrijving_kind": "Bouwt graag torens.", "conclusie": "tlv_sbo"})
        assert resp.status_code == 302
        ond.refresh_from_db()
        doc = ond.overdrachtsdocument
        assert (doc.beschrijving_kind, doc.conclusie, doc.is_afgeleverd) == (
            "Bouwt graag torens.",
            "tlv_sbo",
            False,
        )
        gelezen = onderinstroom_in(world, leerling=jong_kind(world, voornaam="Anders"))
        resp = c.post(
            reverse("onderinstroom_document", args=[gelezen.pk]), {"beschrijving_kind": "Gewijzigd"}
        )
        assert resp.status_code == 200 and "verandert niet meer" in resp.content.decode()
        gelezen.overdrachtsdocument.refresh_from_db()
        assert gelezen.overdrachtsdocument.beschrijving_kind == "Vrolijk, houdt van bouwen."
