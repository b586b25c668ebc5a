"""OT-verslagen [002 bijlage 3.8.2, 3.8.3; domain §4; issue 3]: draft without losing work,
vaststellen with completeness checks, immutability, addenda, afspraken and the PDF."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from cases.dossier.models.ot import Afspraak, OnveranderlijkFout, Status
from cases.dossier.services import ot as service
from cases.models import Addendum, AuditRegel, OTBespreking
from tests.factories.dossier import AfspraakFactory, OTBesprekingFactory, leerling_met_ouders

pytestmark = pytest.mark.django_db


def formset(prefix, rijen, extra=0):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rijen) + extra),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for i, rij in enumerate(rijen):
        for k, v in rij.items():
            data[f"{prefix}-{i}-{k}"] = v
    return data


AANWEZIGEN = [
    {"naam": "Ilse Bouwmeester", "rol": "ib", "functie": ""},
    {"naam": "Marieke Testouder", "rol": "ouder", "functie": "moeder"},
    {"naam": "Lotte Kraai", "rol": "leerkracht", "functie": "leerkracht groep 4"},
    {"naam": "Sanne Coppel", "rol": "sc", "functie": ""},
]
AFSPRAKEN = [
    {"wat": "Observatie in de klas door de SC", "wie": "Sanne Coppel (SC)", "uiterlijk": "2026-02-09"}
]


def volledig(**extra):
    data = {
        "datum": "2026-01-12",
        "ouders_uitgenodigd": "on",
        "doelen": "Zicht krijgen op de angst in de klas.",
        "hulpvraag": "Hoe kan Noor zich veilig voelen en tot leren komen?",
        "visie_ouders": "Ouders zien thuis ook terugtrekgedrag.",
        "visie_betrokkenen": "De jeugdarts ziet geen medische oorzaak.",
        "bevindingen": "Voorspelbaarheid helpt.",
        "uitkomst": "hgo_deskundigheid",
        "vervolgafspraak": "OT 2 op 23 februari.",
        "vervolg_datum": "2026-02-23",
    }
    data.update(formset("aanwezige", AANWEZIGEN))
    data.update(formset("afspraak", AFSPRAKEN))
    data.update(extra)
    return data


@pytest.fixture
def leerling(world):
    return leerling_met_ouders(world)


@pytest.fixture
def ib(world, login):
    return login(world.users["ib"])


def nieuw_verslag(client, leerling, soort="start"):
    resp = client.post(reverse("ot_nieuw", args=[leerling.pk]), {"soort": soort})
    assert resp.status_code == 302
    return OTBespreking.objects.filter(leerling=leerling).latest("pk")


class TestConcept:
    def test_half_werk_opslaan_zonder_verplichte_velden_en_terugkomen(self, ib, leerling):
        """[issue 3] A concept saves whatever was typed; nothing is required; come back later."""
        b = nieuw_verslag(ib, leerling)
        data = {
            "hulpvraag": "Half getypte hulpvraag",
            **formset("aanwezige", [{"naam": "Alleen een naam"}]),
            **formset("afspraak", [{"wat": "Iets afspreken, wie en wanneer nog onbekend"}]),
        }
        resp = ib.post(reverse("ot_bewerken", args=[b.pk]), {**data, "actie": "opslaan"})
        assert resp.status_code == 302
        b.refresh_from_db()
        assert b.status == Status.CONCEPT
        assert b.hulpvraag == "Half getypte hulpvraag"
        assert list(b.aanwezigen.values_list("naam", flat=True)) == ["Alleen een naam"]
        assert list(b.afspraken.values_list("wat", flat=True)) == [
            "Iets afspreken, wie en wanneer nog onbekend"
        ]
        # leave and come back: the edit page shows what was saved
        terug = ib.get(reverse("ot_bewerken", args=[b.pk])).content.decode()
        assert "Half getypte hulpvraag" in terug
        assert "Alleen een naam" in terug

    def test_ongeldige_datum_geeft_nederlandse_melding_en_niets_gaat_verloren(self, ib, leerling):
        b = nieuw_verslag(ib, leerling)
        data = volledig(datum="31-02-2026", hulpvraag="Deze tekst mag niet verloren gaan")
        resp = ib.post(reverse("ot_bewerken", args=[b.pk]), {**data, "actie": "opslaan"})
        html = resp.content.decode()
        assert resp.status_code == 200
        assert "Voer een geldige datum in" in html or "geldige datum" in html
        assert "Deze tekst mag niet verloren gaan" in html
        assert "Observatie in de klas door de SC" in html
        assert "niet opgeslagen" in html

    def test_lege_regels_vallen_weg(self, ib, leerling):
        b = nieuw_verslag(ib, leerling)
        ib.post(
            reverse("ot_bewerken", args=[b.pk]),
            {**volledig(), "actie": "opslaan", **formset("aanwezige", AANWEZIGEN, extra=2)},
        )
        assert b.aanwezigen.count() == 4

    def test_vervolg_vraagt_de_extra_gesprekspunten_start_niet(self, ib, leerling):
        """[002 bijlage 3.8.3] vervolg adds bao-bao, gespecialiseerd onderwijs, so/sbo, context."""
        start = ib.get(reverse("ot_bewerken", args=[nieuw_verslag(ib, leerling).pk])).content.decode()
        vervolg = ib.get(
            reverse("ot_bewerken", args=[nieuw_verslag(ib, leerling, "vervolg").pk])
        ).content.decode()
        for label in (
            "Bao-bao",
            "Gespecialiseerd onderwijs",
            "Afweging so/sbo",
            "Mogelijkheden in de context",
        ):
            assert label in vervolg
            assert label not in start
        assert "Vervolgafspraak (OT 2)" in start
        assert "Afspraak t.a.v. vervolg" in vervolg
        for vraag in (
            "Doelen van het overleg en bespreekpunten",
            "Verslaglegging: wat is de hulpvraag?",
            "Ouders: visie en ervaringen",
            "Visie andere betrokkenen",
            "Bevindingen",
            "Uiterlijk wanneer",
        ):
            assert vraag.lower() in start.lower()
            assert vraag.lower() in vervolg.lower()


class TestVaststellen:
    def test_volledig_verslag_wordt_vastgesteld_en_pdf_na_commit(
        self, ib, leerling, django_capture_on_commit_callbacks
    ):
        b = nieuw_verslag(ib, leerling)
        with django_capture_on_commit_callbacks(execute=True):
            resp = ib.post(reverse("ot_bewerken", args=[b.pk]), {**volledig(), "actie": "vaststellen"})
        assert resp.status_code == 302
        assert resp["Location"] == reverse("ot_detail", args=[b.pk])
        b.refresh_from_db()
        assert b.status == Status.VASTGESTELD
        assert b.vastgesteld_door.username == "ib"
        assert b.pdf
        assert b.pdf_sha256
        assert b.pdf.read(5) == b"%PDF-"
        assert AuditRegel.objects.filter(object_id=str(b.pk), actie="overgang").exists()

    def test_onvolledig_blijft_concept_en_zegt_wat_ontbreekt(self, ib, leerling):
        b = nieuw_verslag(ib, leerling)
        data = volledig(hulpvraag="", uitkomst="", ouders_uitgenodigd="")
        data.update(formset("afspraak", [{"wat": "Zonder eigenaar", "wie": "", "uiterlijk": ""}]))
        resp = ib.post(reverse("ot_bewerken", args=[b.pk]), {**data, "actie": "vaststellen"})
        html = resp.content.decode()
        assert resp.status_code == 200
        b.refresh_from_db()
        # saved anyway
        assert b.status == Status.CONCEPT
        assert b.doelen == "Zicht krijgen op de angst in de klas."
        assert "Beschrijf de hulpvraag." in html
        assert "Kies de uitkomst van het OT" in html
        assert "Ouders worden altijd uitgenodigd" in html
        assert "Afspraak 1: vul ook wie en uiterlijk wanneer in" in html
        assert "Zonder eigenaar" in html  # what was typed is still on the page

    @pytest.mark.parametrize(
        "veld,leeg,melding",
        [
            ("wat", "", "vul ook wat in"),
            ("wie", "", "vul ook wie in"),
            ("uiterlijk", None, "vul ook uiterlijk wanneer in"),
        ],
        ids=["[003 leerpunt 7] wat", "[003 leerpunt 7] wie", "[003 leerpunt 7] uiterlijk"],
    )
    def test_afspraak_vraagt_wat_wie_en_wanneer(self, world, leerling, veld, leeg, melding):
        b = OTBesprekingFactory(leerling=leerling, aangemaakt_door=world.users["ib"])
        service.bewaar_concept(
            bespreking=b,
            door=world.users["ib"],
            gegevens=_gegevens(),
            aanwezigen=AANWEZIGEN,
            afspraken=[{**_afspraak(), veld: leeg}],
        )
        with pytest.raises(ValidationError) as exc:
            service.vaststellen(bespreking=b, door=world.users["ib"], vandaag=date(2026, 3, 1))
        assert any(melding in m for m in exc.value.message_dict["afspraken"])

    def test_minstens_een_afspraak_002_1_2(self, world, leerling):
        b = OTBesprekingFactory(leerling=leerling, aangemaakt_door=world.users["ib"])
        service.bewaar_concept(
            bespreking=b, door=world.users["ib"], gegevens=_gegevens(), aanwezigen=AANWEZIGEN, afspraken=[]
        )
        with pytest.raises(ValidationError) as exc:
            service.vaststellen(bespreking=b, door=world.users["ib"], vandaag=date(2026, 3, 1))
        assert "afspraken" in exc.value.message_dict

    def test_datum_in_de_toekomst_kan_niet(self, world, leerling):
        b = OTBesprekingFactory(leerling=leerling, aangemaakt_door=world.users["ib"])
        service.bewaar_concept(
            bespreking=b,
            door=world.users["ib"],
            gegevens=_gegevens(datum=date(2026, 3, 2)),
            aanwezigen=AANWEZIGEN,
            afspraken=[_afspraak()],
        )
        with pytest.raises(ValidationError) as exc:
            service.vaststellen(bespreking=b, door=world.users["ib"], vandaag=date(2026, 3, 1))
        assert "toekomst" in exc.value.message_dict["datum"][0]
        service.vaststellen(
            bespreking=b, door=world.users["ib"], vandaag=date(2026, 3, 2)
        )  # on the day itself: ok

    def test_aanwezige_zonder_functie_bij_andere_functie(self, world, leerling):
        b = OTBesprekingFactory(leerling=leerling, aangemaakt_door=world.users["ib"])
        service.bewaar_concept(
            bespreking=b,
            door=world.users["ib"],
            gegevens=_gegevens(),
            aanwezigen=[{"naam": "Iemand", "rol": "anders", "functie": ""}],
            afspraken=[_afspraak()],
        )
        with pytest.raises(ValidationError) as exc:
            service.vaststellen(bespreking=b, door=world.users["ib"], vandaag=date(2026, 3, 1))
        assert "Aanwezige 1: vul naam en functie in." in exc.value.message_dict["aanwezigen"]

    def test_vervolg_met_tlv_vraagt_bao_bao_en_so_sbo_002_1_4(self, world, leerling):
        """[002 §1.4] 'Is beschreven wat maakt dat bao-bao niet haalbaar is?' and the so/sbo afweging."""
        b = OTBesprekingFactory(leerling=leerling, soort="vervolg", aangemaakt_door=world.users["ib"])
        service.bewaar_concept(
            bespreking=b,
            door=world.users["ib"],
            gegevens=_gegevens(uitkomst="tlv"),
            aanwezigen=AANWEZIGEN,
            afspraken=[_afspraak()],
        )
        with pytest.raises(ValidationError) as exc:
            service.vaststellen(bespreking=b, door=world.users["ib"], vandaag=date(2026, 3, 1))
        assert set(exc.value.message_dict) == {"gesprek_bao_bao", "gesprek_so_sbo"}
        service.bewaar_concept(
            bespreking=b,
            door=world.users["ib"],
            gegevens=_gegevens(
                uitkomst="tlv",
                gesprek_bao_bao="Twee scholen gevraagd; nee.",
                gesprek_so_sbo="So vanwege de begeleiding.",
            ),
            aanwezigen=AANWEZIGEN,
            afspraken=[_afspraak()],
        )
        service.vaststellen(bespreking=b, door=world.users["ib"], vandaag=date(2026, 3, 1))

    def test_alleen_ib_of_directeur_van_de_school(self, world, leerling):
        b = OTBesprekingFactory(leerling=leerling, aangemaakt_door=world.users["ib"])
        for user in (world.users["sll"], world.users["sc"], world.ib_a2):
            with pytest.raises(Exception) as exc:
                service.vaststellen(bespreking=b, door=user)
            assert "intern begeleider of de directeur" in str(exc.value)


def _gegevens(**extra):
    g = {
        "datum": date(2026, 1, 12),
        "ouders_uitgenodigd": True,
        "doelen": "Doelen",
        "hulpvraag": "Hulpvraag",
        "visie_ouders": "Visie",
        "visie_betrokkenen": "",
        "bevindingen": "Bevindingen",
        "uitkomst": "hgo_deskundigheid",
        "vervolgafspraak": "OT 2",
        "vervolg_datum": None,
    }
    g.update(extra)
    return g


def _afspraak():
    return {"wat": "Observatie", "wie": "SC", "uiterlijk": date(2026, 2, 9)}


class TestOnveranderlijk:
    """A vastgesteld verslag never changes; a correction is an addendum [issue 3]."""

    @pytest.fixture
    def vast(self, world, leerling):
        return OTBesprekingFactory(leerling=leerling, aangemaakt_door=world.users["ib"], vastgesteld=True)

    def test_model_weigert_opslaan_en_verwijderen(self, vast):
        b = OTBespreking.objects.get(pk=vast.pk)
        b.hulpvraag = "achteraf veranderd"
        with pytest.raises(OnveranderlijkFout):
            b.save()
        with pytest.raises(OnveranderlijkFout):
            b.save(update_fields=["hulpvraag"])
        with pytest.raises(OnveranderlijkFout):
            b.delete()
        assert OTBespreking.objects.get(pk=vast.pk).hulpvraag != "achteraf veranderd"

    def test_queryset_update_en_delete_geweigerd(self, vast):
        with pytest.raises(OnveranderlijkFout):
            OTBespreking.objects.filter(pk=vast.pk).update(hulpvraag="via update")
        with pytest.raises(OnveranderlijkFout):
            OTBespreking.objects.filter(pk=vast.pk).delete()
        OTBespreking.objects.filter(pk=vast.pk).update(pdf_sha256="x" * 64)  # bookkeeping stays possible

    def test_aanwezigen_en_afspraken_bevroren_behalve_afronden(self, vast, world):
        a = vast.aanwezigen.first()
        a.naam = "Iemand anders"
        with pytest.raises(OnveranderlijkFout):
            a.save()
        afspraak = vast.afspraken.first()
        afspraak.wie = "Iemand anders"
        with pytest.raises(OnveranderlijkFout):
            afspraak.save()
        with pytest.raises(OnveranderlijkFout):
            Afspraak.objects.filter(pk=afspraak.pk).update(wie="x")
        service.rond_afspraak_af(afspraak=afspraak, door=world.users["ib"], op=date(2026, 2, 8))
        assert Afspraak.objects.get(pk=afspraak.pk).afgerond_op == date(2026, 2, 8)

    def test_service_en_bewerkpagina_weigeren(self, vast, world, ib):
        with pytest.raises(ValidationError):
            service.bewaar_concept(
                bespreking=vast,
                door=world.users["ib"],
                gegevens={"hulpvraag": "x"},
                aanwezigen=[],
                afspraken=[],
            )
        resp = ib.post(
            reverse("ot_bewerken", args=[vast.pk]), {**volledig(hulpvraag="nieuw"), "actie": "opslaan"}
        )
        assert resp.status_code == 302
        assert resp["Location"] == reverse("ot_detail", args=[vast.pk])
        assert OTBespreking.objects.get(pk=vast.pk).hulpvraag != "nieuw"

    def test_addendum_toont_wie_en_wanneer(self, vast, ib, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            resp = ib.post(
                reverse("ot_addendum", args=[vast.pk]), {"tekst": "Correctie: het was 13 januari."}
            )
        assert resp.status_code == 302
        addendum = Addendum.objects.get(bespreking=vast)
        assert addendum.door.username == "ib"
        assert addendum.op is not None
        html = ib.get(reverse("ot_detail", args=[vast.pk])).content.decode()
        assert "Correctie: het was 13 januari." in html
        assert f"Addendum van {addendum.door}" in html
        vast.refresh_from_db()
        assert vast.pdf_aantal_addenda == 1  # the PDF was made again, now with the addendum
        with pytest.raises(OnveranderlijkFout):
            addendum.tekst = "anders"
            addendum.save()

    def test_geen_addendum_bij_concept(self, world, leerling):
        b = OTBesprekingFactory(leerling=leerling, aangemaakt_door=world.users["ib"])
        with pytest.raises(ValidationError):
            service.voeg_addendum_toe(bespreking=b, tekst="x", door=world.users["ib"])

    def test_dubbel_vaststellen_kan_niet(self, vast, world):
        with pytest.raises(ValidationError):
            service.vaststellen(bespreking=vast, door=world.users["ib"])


class TestPdf:
    """The PDF is made by a Celery task after commit, never in the request [issue 3]."""

    @pytest.fixture
    def vast(self, world, leerling):
        return OTBesprekingFactory(leerling=leerling, aangemaakt_door=world.users["ib"], vastgesteld=True)

    def test_zolang_er_geen_pdf_is_toont_de_pagina_wordt_aangemaakt(
        self, vast, ib, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            resp = ib.get(reverse("ot_pdf", args=[vast.pk]))
        assert resp.status_code == 200
        assert "De PDF wordt aangemaakt" in resp.content.decode()
        assert len(callbacks) == 1  # one task queued...
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            ib.get(reverse("ot_pdf", args=[vast.pk]))
        assert callbacks == []  # ...and a refreshing page does not flood the queue

    def test_download_na_renderen_is_gelogd(self, vast, ib):
        service.maak_ot_verslag_pdf(vast.pk)
        resp = ib.get(reverse("ot_pdf", args=[vast.pk]))
        assert resp.status_code == 200
        assert resp["Content-Type"] == "application/pdf"
        assert b"".join(resp.streaming_content).startswith(b"%PDF-")
        assert "attachment" in resp["Content-Disposition"]
        assert vast.leerling.achternaam not in resp["Content-Disposition"]
        assert AuditRegel.objects.filter(actie="gedownload", object_id=str(vast.pk)).count() == 1

    def test_taak_is_idempotent(self, vast):
        eerste = service.maak_ot_verslag_pdf(vast.pk)
        naam, sha = eerste.pdf.name, eerste.pdf_sha256
        tweede = service.maak_ot_verslag_pdf(vast.pk)
        assert (tweede.pdf.name, tweede.pdf_sha256) == (naam, sha)

    def test_pdf_bevat_de_onderdelen_van_het_format(self, vast):
        from cases.dossier.services.ot import verslag_html

        html = verslag_html(vast)
        for kop in (
            "Aanwezig: naam en functie",
            "Doelen van het overleg en bespreekpunten",
            "Wat is de hulpvraag?",
            "Ouders: visie en ervaringen",
            "Visie andere betrokkenen",
            "Bevindingen",
            "Afspraken",
            "Vervolgafspraak (OT 2)",
            "SWV aan tafel",
        ):
            assert kop in html
        assert "Observatie in de klas" in html

    def test_concept_heeft_geen_pdf(self, world, leerling, ib):
        b = OTBesprekingFactory(leerling=leerling, aangemaakt_door=world.users["ib"])
        assert ib.get(reverse("ot_pdf", args=[b.pk])).status_code == 302
        assert service.maak_ot_verslag_pdf(b.pk).pdf.name == ""

    def test_gewijzigde_pdf_wordt_niet_uitgeleverd(self, vast, ib):
        service.maak_ot_verslag_pdf(vast.pk)
        OTBespreking.objects.filter(pk=vast.pk).update(pdf_sha256="0" * 64)
        with pytest.raises(ValidationError):
            ib.get(reverse("ot_pdf", args=[vast.pk]))


class TestAfspraken:
    def test_afronden_via_dossier(self, world, leerling, ib):
        vast = OTBesprekingFactory(leerling=leerling, aangemaakt_door=world.users["ib"], vastgesteld=True)
        afspraak = vast.afspraken.first()
        resp = ib.post(reverse("afspraak_afronden", args=[afspraak.pk]))
        assert resp.status_code == 302
        afspraak.refresh_from_db()
        assert afspraak.afgerond_op == timezone.localdate()
        assert afspraak.afgerond_door.username == "ib"
        assert (
            ib.post(reverse("afspraak_afronden", args=[afspraak.pk])).status_code == 302
        )  # twice: a message

    def test_afspraak_van_concept_kan_niet_worden_afgerond(self, world, leerling):
        afspraak = AfspraakFactory(bespreking=OTBesprekingFactory(leerling=leerling))
        with pytest.raises(ValidationError):
            service.rond_afspraak_af(afspraak=afspraak, door=world.users["ib"])

    def test_andere_school_krijgt_404(self, world, leerling, login):
        vast = OTBesprekingFactory(leerling=leerling, aangemaakt_door=world.users["ib"], vastgesteld=True)
        client = login(world.ib_a2)
        assert client.post(reverse("afspraak_afronden", args=[vast.afspraken.first().pk])).status_code == 404
        assert client.get(reverse("ot_detail", args=[vast.pk])).status_code == 404


def test_reis_ib_start_en_vervolg_met_afspraken_pdf(world, leerling, ib, django_capture_on_commit_callbacks):
    """As `ib`: find the pupil, log OT-start and OT-vervolg with afspraken, draft, leave, come back,
    vaststellen, download the PDF [issue 3 'done when']."""
    lijst = ib.get(reverse("leerling_lijst"), {"naam": leerling.achternaam}).content.decode()
    assert reverse("dossier", args=[leerling.pk]) in lijst
    start = nieuw_verslag(ib, leerling)
    ib.post(reverse("ot_bewerken", args=[start.pk]), {**volledig(hulpvraag=""), "actie": "opslaan"})
    ib.get(reverse("dossier", args=[leerling.pk]))  # leave
    with django_capture_on_commit_callbacks(execute=True):
        ib.post(reverse("ot_bewerken", args=[start.pk]), {**volledig(), "actie": "vaststellen"})
    vervolg = nieuw_verslag(ib, leerling, "vervolg")
    data = volledig(
        datum="2026-02-23",
        uitkomst="tlv",
        gesprek_bao_bao="Twee scholen gevraagd, beide kunnen niet.",
        gesprek_so_sbo="So heeft de voorkeur.",
        vervolgafspraak="Na het TLV-besluit overdracht.",
    )
    data.update(
        formset("afspraak", [{"wat": "TLV-aanvraag indienen", "wie": "IB'er", "uiterlijk": "2026-03-10"}])
    )
    with django_capture_on_commit_callbacks(execute=True):
        ib.post(reverse("ot_bewerken", args=[vervolg.pk]), {**data, "actie": "vaststellen"})
    vervolg.refresh_from_db()
    assert vervolg.status == Status.VASTGESTELD
    resp = ib.get(reverse("ot_pdf", args=[vervolg.pk]))
    assert resp.status_code == 200
    assert b"".join(resp.streaming_content)[:5] == b"%PDF-"
    dossier = ib.get(reverse("dossier", args=[leerling.pk])).content.decode()
    assert "TLV-aanvraag indienen" in dossier
    assert "stap 10" in dossier
    assert start.afspraken.count() == 1
