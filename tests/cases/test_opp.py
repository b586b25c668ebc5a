"""OPP [002 §1.4, §1.5, bijlage 3.8.1; domain §5]: versions, vaststellen, the ouders' akkoord on
the handelingsdeel, and the age rule (not older than half a year)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cases.dossier.models.opp import FACTOREN, OnveranderlijkFout, plus_maanden
from cases.dossier.models.ot import Status
from cases.dossier.selectors import opp_akkoord_compleet, opp_is_recent, opp_leeftijd_waarschuwing, recent_opp
from cases.dossier.services import opp as service
from cases.models import OPP, OPPAkkoord
from tests.factories import OuderFactory
from tests.factories.dossier import DocumentFactory, OPPFactory, leerling_met_ouders

pytestmark = pytest.mark.django_db


@pytest.fixture
def leerling(world):
    return leerling_met_ouders(world)


@pytest.fixture
def ib(world, login):
    return login(world.users["ib"])


class TestLeeftijd:
    """[002 §1.4] 'Een bij de aanvraag TLV bijgevoegd OPP is recent (niet ouder dan een half jaar)'."""

    @pytest.mark.parametrize(
        "datum,peildatum,recent",
        [
            (date(2026, 2, 25), date(2026, 8, 25), True),  # exactly six months: still recent
            (date(2026, 2, 25), date(2026, 8, 26), False),  # one day later: too old
            (date(2025, 8, 31), date(2026, 2, 28), True),  # month end: 31 aug + 6 months = 28 feb
            (date(2025, 8, 31), date(2026, 3, 1), False),
            (date(2023, 8, 31), date(2024, 2, 29), True),  # leap year
            (date(2026, 2, 25), date(2026, 2, 25), True),  # the same day
        ],
        ids=[
            "[002 §1.4] zes maanden",
            "[002 §1.4] dag te laat",
            "[002 §1.4] maandeinde",
            "[002 §1.4] maandeinde+1",
            "[002 §1.4] schrikkeljaar",
            "[002 §1.4] zelfde dag",
        ],
    )
    def test_half_jaar_grens(self, world, leerling, datum, peildatum, recent):
        opp = OPPFactory(leerling=leerling, vastgesteld=True, datum=datum)
        assert opp_is_recent(opp, peildatum) is recent
        assert (recent_opp(leerling, peildatum) == opp) is recent
        assert (opp_leeftijd_waarschuwing(opp, peildatum) is None) is recent

    def test_plus_maanden(self):
        assert plus_maanden(date(2026, 1, 31), 1) == date(2026, 2, 28)
        assert plus_maanden(date(2026, 8, 31), -6) == date(2026, 2, 28)
        assert plus_maanden(date(2025, 11, 15), 3) == date(2026, 2, 15)

    def test_recent_opp_negeert_concept_en_kiest_nieuwste(self, world, leerling):
        oud = OPPFactory(leerling=leerling, vastgesteld=True, datum=date(2025, 12, 1))
        nieuw = OPPFactory(leerling=leerling, vastgesteld=True, versie=2, datum=date(2026, 2, 25))
        OPPFactory(leerling=leerling, versie=3, datum=date(2026, 3, 1))  # concept
        assert recent_opp(leerling, date(2026, 3, 5)) == nieuw
        assert recent_opp(leerling, date(2026, 1, 5)) == oud  # what was recent on an earlier day

    def test_geen_opp_geeft_waarschuwing(self, world, leerling):
        assert recent_opp(leerling, date(2026, 3, 1)) is None
        assert "nog geen vastgesteld OPP" in opp_leeftijd_waarschuwing(None, date(2026, 3, 1))


def _vul_in(opp, door, **extra):
    gegevens = {
        "datum": date(2026, 2, 25),
        "hulpvraag": "Hulpvraag",
        "uitstroomprofiel": "vmbo_kb",
        "uitstroomprofiel_onderbouwing": "Onderbouwing",
        "doelen_kind": "Doel kind",
        "onderwijsbehoeften": "Behoeften",
        "doelen_school": "Doel school",
        "zienswijze_ouders": "Eens.",
    }
    gegevens.update(extra)
    return service.bewaar_concept(
        opp=opp,
        door=door,
        gegevens=gegevens,
        factoren={"A": {"school_bevorderend": "visueel sterk"}},
        interventies=[{"periode": "groep 3", "interventie": "RT lezen", "effect": "matig"}],
    )


class TestVersies:
    def test_evaluatie_maakt_nieuwe_versie_en_eerdere_blijft_leesbaar(self, world, leerling, ib):
        door = world.users["ib"]
        v1 = service.start_opp(leerling=leerling, door=door)
        _vul_in(v1, door)
        service.vaststellen(opp=v1, door=door, vandaag=date(2026, 3, 1))
        v2 = service.start_opp(leerling=leerling, door=door)
        assert v2.versie == 2
        assert v2.status == Status.CONCEPT
        assert v2.hulpvraag == "Hulpvraag"
        assert v2.factor("A", "school_bevorderend") == "visueel sterk"
        # new evaluation, new zienswijze
        assert v2.zienswijze_ouders == ""
        assert v2.datum is None
        assert list(v2.interventies.values_list("interventie", flat=True)) == ["RT lezen"]
        _vul_in(
            v2, door, hulpvraag="Nieuwe hulpvraag", datum=date(2026, 9, 1), evaluatie="Doelen deels gehaald."
        )
        service.vaststellen(opp=v2, door=door, vandaag=date(2026, 9, 2))
        v1.refresh_from_db()
        assert v1.hulpvraag == "Hulpvraag"  # the earlier version did not change
        html = ib.get(reverse("opp_detail", args=[v1.pk])).content.decode()
        assert "Dit is een eerdere versie." in html
        assert "Hulpvraag" in html
        assert OPP.objects.filter(leerling=leerling).count() == 2

    def test_nieuwe_versie_vraagt_evaluatie(self, world, leerling):
        door = world.users["ib"]
        OPPFactory(leerling=leerling, vastgesteld=True)
        v2 = service.start_opp(leerling=leerling, door=door)
        _vul_in(v2, door)
        with pytest.raises(ValidationError) as exc:
            service.vaststellen(opp=v2, door=door, vandaag=date(2026, 3, 1))
        assert "evaluatie" in exc.value.message_dict

    def test_een_concept_tegelijk(self, world, leerling):
        service.start_opp(leerling=leerling, door=world.users["ib"])
        with pytest.raises(ValidationError):
            service.start_opp(leerling=leerling, door=world.users["ib"])

    def test_verplichte_onderdelen_002_1_5(self, world, leerling):
        opp = service.start_opp(leerling=leerling, door=world.users["ib"])
        with pytest.raises(ValidationError) as exc:
            service.vaststellen(opp=opp, door=world.users["ib"], vandaag=date(2026, 3, 1))
        assert {
            "datum",
            "hulpvraag",
            "uitstroomprofiel",
            "uitstroomprofiel_onderbouwing",
            "factoren",
            "doelen_kind",
            "onderwijsbehoeften",
            "doelen_school",
        } <= set(exc.value.message_dict)

    def test_vastgesteld_is_onveranderlijk(self, world, leerling):
        opp = OPPFactory(leerling=leerling, vastgesteld=True)
        opp = OPP.objects.get(pk=opp.pk)
        opp.hulpvraag = "anders"
        with pytest.raises(OnveranderlijkFout):
            opp.save()
        with pytest.raises(OnveranderlijkFout):
            OPP.objects.filter(pk=opp.pk).update(hulpvraag="anders")
        with pytest.raises(ValidationError):
            service.bewaar_concept(opp=opp, door=world.users["ib"], gegevens={}, factoren={}, interventies=[])


class TestFormulier:
    def test_bewerkpagina_vraagt_wat_bijlage_3_8_1_vraagt(self, world, leerling, ib):
        opp = service.start_opp(leerling=leerling, door=world.users["ib"])
        html = ib.get(reverse("opp_bewerken", args=[opp.pk])).content.decode()
        for vraag in (
            "Startdatum",
            "Gezinssamenstelling en eventuele bijzonderheden",
            "VVE",
            "1. Omschrijf de hulpvraag",
            "2. Wanneer en op welke manier is het SWV betrokken?",
            "3a. Signalen van leerkracht/team",
            "4. Analyse van de ingezette interventies",
            "Handelingsgerichte diagnostiek",
            "Capaciteitenonderzoek",
            "Uitstroomprofiel",
            "Onderbouwing van het uitstroomprofiel",
            "Afwijkingen van het onderwijsprogramma",
            "Vervangende onderwijsdoelen",
            "Afwijking van de onderwijstijd",
            "Doelen voor de begeleiding op school",
            "Ondersteuningsbehoeften leerkracht",
            "Doelen voor het kind",
            "Wie verzorgt deze begeleiding?",
            "Onderwijsbehoeften",
            "Doelen voor de begeleiding van ouders/verzorgers",
            "Zienswijze ouders",
        ):
            assert vraag.lower() in html.lower(), vraag
        for code, titel, _t, velden in FACTOREN:
            assert f"{code}. {titel}" in html
            for sleutel, _label in velden:
                assert f'name="factor_{code}_{sleutel}"' in html
        from cases.dossier.services.opp import INHOUD_VELDEN

        for veld in INHOUD_VELDEN:
            if veld != "evaluatie":  # only from version 2
                assert f'name="{veld}"' in html, veld

    def test_opslaan_en_vaststellen_via_pagina(self, world, leerling, ib):
        opp = service.start_opp(leerling=leerling, door=world.users["ib"])
        data = {
            "datum": "2026-02-25",
            "hulpvraag": "Hulpvraag",
            "uitstroomprofiel": "vmbo_kb",
            "uitstroomprofiel_onderbouwing": "Onderbouwing",
            "doelen_kind": "Doel",
            "onderwijsbehoeften": "B",
            "doelen_school": "S",
            "factor_C_thuis_belemmerend": "angstig",
            "interventie-TOTAL_FORMS": "1",
            "interventie-INITIAL_FORMS": "0",
            "interventie-0-periode": "groep 4",
            "interventie-0-interventie": "Kleine groep",
            "interventie-0-effect": "positief",
        }
        resp = ib.post(reverse("opp_bewerken", args=[opp.pk]), {**data, "actie": "vaststellen"})
        assert resp.status_code == 302
        opp.refresh_from_db()
        assert opp.status == Status.VASTGESTELD
        assert opp.factoren == {"C": {"thuis_belemmerend": "angstig"}}
        assert opp.interventies.get().effect == "positief"

    def test_onvolledig_vaststellen_bewaart_en_meldt(self, world, leerling, ib):
        opp = service.start_opp(leerling=leerling, door=world.users["ib"])
        resp = ib.post(
            reverse("opp_bewerken", args=[opp.pk]),
            {
                "hulpvraag": "Al getypt",
                "interventie-TOTAL_FORMS": "0",
                "interventie-INITIAL_FORMS": "0",
                "actie": "vaststellen",
            },
        )
        html = resp.content.decode()
        assert resp.status_code == 200
        assert "Kies het verwachte uitstroomprofiel" in html
        assert "Al getypt" in html
        opp.refresh_from_db()
        assert opp.status == Status.CONCEPT
        assert opp.hulpvraag == "Al getypt"


class TestAkkoordOuders:
    """[bijlage 3.8.1, 002 §1.4] Akkoord on the handelingsdeel by the ouders with gezag."""

    @pytest.fixture
    def opp(self, world, leerling):
        return OPPFactory(leerling=leerling, vastgesteld=True, datum=date(2026, 2, 25))

    def test_akkoord_per_ouder_wie_wanneer_hoe(self, world, leerling, opp, ib):
        """[002 L742, L1250; issue 16.3] Only a written signature, scanned into the dossier, counts;
        a spoken akkoord is noted and shown as not counting."""
        moeder, vader = leerling.ouders.order_by("pk")
        scan = DocumentFactory(leerling=leerling, soort="handelingsdeel", geupload_door=world.users["ib"])
        resp = ib.post(
            reverse("opp_akkoord", args=[opp.pk]),
            {"ouder": moeder.pk, "datum": "2026-02-25", "wijze": "papier", "document": scan.pk},
        )
        assert resp.status_code == 302
        assert not opp_akkoord_compleet(opp)
        service.leg_akkoord_vast(
            opp=opp,
            ouder=vader,
            datum=date(2026, 2, 25),
            wijze="mondeling",
            door=world.users["ib"],
            vandaag=date(2026, 2, 26),
        )
        # The spoken akkoord is noted, but the handelingsdeel is not signed by both.
        assert not opp_akkoord_compleet(opp)
        a = OPPAkkoord.objects.get(opp=opp, ouder=moeder)
        assert (a.datum, a.wijze, a.document, a.vastgelegd_door.username) == (
            date(2026, 2, 25),
            "papier",
            scan,
            "ib",
        )
        html = ib.get(reverse("opp_detail", args=[opp.pk])).content.decode()
        assert "handtekening op papier" in html
        assert "telt niet als handtekening" in html
        # The father signs on paper later: now it counts.
        service.leg_akkoord_vast(
            opp=opp,
            ouder=vader,
            datum=date(2026, 2, 26),
            wijze="papier",
            document=scan,
            door=world.users["ib"],
            vandaag=date(2026, 2, 26),
        )
        assert opp_akkoord_compleet(opp)

    def test_papier_zonder_scan_geweigerd_invoer_blijft(self, world, leerling, opp, ib):
        """[002 L1250; issue 16.3] A paper signature without its scan is refused in Dutch."""
        moeder = leerling.ouders.order_by("pk").first()
        resp = ib.post(
            reverse("opp_akkoord", args=[opp.pk]),
            {"ouder": moeder.pk, "datum": "2026-02-25", "wijze": "papier", "toelichting": "in de kast"},
        )
        html = resp.content.decode()
        assert resp.status_code == 200
        assert "gescande ondertekende exemplaar" in html
        assert "in de kast" in html
        assert not OPPAkkoord.objects.exists()

    def test_scan_van_andere_leerling_geweigerd(self, world, leerling, opp):
        """[issue 16.3] The scan must be in this pupil's dossier."""
        ander = leerling_met_ouders(world)
        scan = DocumentFactory(leerling=ander, soort="handelingsdeel", geupload_door=world.users["ib"])
        with pytest.raises(ValidationError) as exc:
            service.leg_akkoord_vast(
                opp=opp,
                ouder=leerling.ouders.first(),
                datum=date(2026, 2, 25),
                wijze="papier",
                document=scan,
                door=world.users["ib"],
                vandaag=date(2026, 2, 26),
            )
        assert "hoort niet bij deze leerling" in exc.value.message_dict["document"][0]

    def test_wijze_zegt_zelf_of_ze_telt(self):
        """[issue 16.3] The choice carries whether it counts as written, so a new wijze (issue 17's
        digital signature) is one entry."""
        from cases.dossier.models.opp import AkkoordWijze

        assert AkkoordWijze.OP_PAPIER.telt_als_handtekening and AkkoordWijze.OP_PAPIER.vraagt_scan
        assert not AkkoordWijze.MONDELING.telt_als_handtekening

    def test_alleen_op_vastgestelde_versie(self, world, leerling):
        concept = OPPFactory(leerling=leerling)
        with pytest.raises(ValidationError):
            service.leg_akkoord_vast(
                opp=concept,
                ouder=leerling.ouders.first(),
                datum=date(2026, 2, 25),
                wijze="papier",
                door=world.users["ib"],
            )

    def test_ouder_zonder_gezag_geweigerd(self, world, leerling, opp):
        stiefouder = OuderFactory(leerling=leerling, gezag=False, relatie="stiefvader")
        with pytest.raises(ValidationError) as exc:
            service.leg_akkoord_vast(
                opp=opp, ouder=stiefouder, datum=date(2026, 2, 25), wijze="papier", door=world.users["ib"]
            )
        assert "gezag" in exc.value.message_dict["ouder"][0]

    def test_datum_niet_in_toekomst_niet_voor_opp_niet_dubbel(self, world, leerling, opp):
        ouder = leerling.ouders.first()
        scan = DocumentFactory(leerling=leerling, soort="handelingsdeel", geupload_door=world.users["ib"])
        for datum, tekst in ((date(2026, 3, 2), "toekomst"), (date(2026, 2, 20), "niet eerder")):
            with pytest.raises(ValidationError) as exc:
                service.leg_akkoord_vast(
                    opp=opp,
                    ouder=ouder,
                    datum=datum,
                    wijze="papier",
                    door=world.users["ib"],
                    vandaag=date(2026, 3, 1),
                )
            assert tekst in exc.value.message_dict["datum"][0]
        service.leg_akkoord_vast(
            opp=opp,
            ouder=ouder,
            datum=date(2026, 2, 25),
            wijze="papier",
            document=scan,
            door=world.users["ib"],
            vandaag=date(2026, 3, 1),
        )
        with pytest.raises(ValidationError):
            service.leg_akkoord_vast(
                opp=opp,
                ouder=ouder,
                datum=date(2026, 2, 26),
                wijze="papier",
                document=scan,
                door=world.users["ib"],
                vandaag=date(2026, 3, 1),
            )
        akkoord = OPPAkkoord.objects.get(opp=opp, ouder=ouder)
        with pytest.raises(OnveranderlijkFout):
            akkoord.delete()

    def test_andere_school_404(self, world, opp, login):
        assert login(world.ib_a2).get(reverse("opp_akkoord", args=[opp.pk])).status_code == 404
        assert login(world.ib_a2).get(reverse("opp_detail", args=[opp.pk])).status_code == 404


def test_dossier_waarschuwt_bij_oud_opp(world, leerling, ib):
    """[002 §1.4] The dossier shows the OPP's age and warns when it is older than half a year."""
    OPPFactory(leerling=leerling, vastgesteld=True, datum=date(2025, 1, 6))
    html = ib.get(reverse("dossier", args=[leerling.pk])).content.decode()
    assert "ouder dan een half jaar" in html
    assert "maanden oud" in html


def test_overzicht_en_tijdlijn_tellen_mondeling_niet(world):
    """[002 L742; issue 16.3] the dossier's OPP overview and the timeline say a spoken akkoord is
    no signature; a paper signature with its scan is."""
    from cases.dossier.selectors import akkoord_items, opp_overzicht

    leerling = leerling_met_ouders(world, ouders=1)
    opp = OPPFactory(leerling=leerling, vastgesteld=True, datum=date(2026, 2, 25))
    ouder = leerling.ouders.get()
    service.leg_akkoord_vast(
        opp=opp,
        ouder=ouder,
        datum=date(2026, 2, 25),
        wijze="mondeling",
        door=world.users["ib"],
        vandaag=date(2026, 2, 26),
    )
    assert not opp_overzicht(leerling, [ouder], date(2026, 3, 1)).akkoord_compleet
    assert [i.status for i in akkoord_items([leerling.pk], user=world.users["ib"])] == [
        "mondeling genoteerd, telt niet als handtekening"
    ]
    scan = DocumentFactory(leerling=leerling, soort="handelingsdeel", geupload_door=world.users["ib"])
    service.leg_akkoord_vast(
        opp=opp,
        ouder=ouder,
        datum=date(2026, 2, 26),
        wijze="papier",
        document=scan,
        door=world.users["ib"],
        vandaag=date(2026, 2, 26),
    )
    assert opp_overzicht(leerling, [ouder], date(2026, 3, 1)).akkoord_compleet
    assert "ondertekend" in {i.status for i in akkoord_items([leerling.pk], user=world.users["ib"])}
