"""Journey [issue 6]: the directeur registers a written aanmelding, requests information that
arrives later, extends the term; every end date shown agrees with the termijnen engine; the SC
finds the case in her region overview. Each page is checked with axe and the keyboard."""

from datetime import date, timedelta

import pytest

from cases.termijnen import formatteer_datum, zorgplicht_einde

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def _schoolvakanties(transactional_db):
    """The flush after an earlier transactional test empties the school holidays that a data
    migration loaded; the demo's verzuim cases count lesweken with them. Load them again first."""
    import importlib

    from django.apps import apps

    importlib.import_module("cases.migrations.0006_schoolvakanties_2025_2027").laad(apps, None)


def test_directeur_registreert_vraagt_informatie_en_verlengt(reis):
    p = reis.page
    vandaag = date.today()
    aangemeld, gevraagd, ontvangen = (vandaag - timedelta(days=d) for d in (10, 8, 2))
    reis.login("directeur")
    p.get_by_role("link", name="Zorgplicht", exact=True).first.click()
    reis.controleer("zorgplicht lijst")
    p.get_by_role("link", name="Nieuwe aanmelding registreren").click()
    p.get_by_label("Datum van de schriftelijke aanmelding").fill(aangemeld.isoformat())
    p.get_by_label("gedrag en sociaal-emotionele ontwikkeling").check()
    p.get_by_label("Voornaam").fill("Pien")
    p.get_by_label("Achternaam").fill("Proefkonijn")
    p.get_by_label("Geboortedatum").fill(date(vandaag.year - 5, 1, 15).isoformat())
    p.get_by_label("Ouder/verzorger 1: naam").fill("R. Proefkonijn")
    p.get_by_label("Adres", exact=True).fill("Verzinselstraat 3")
    p.get_by_label("Postcode en plaats").fill("9999 PP Ede (demo)")
    reis.controleer("aanmelding invullen")
    p.get_by_role("button", name="Aanmelding registreren").click()
    p.wait_for_load_state()
    zes = zorgplicht_einde(aangemeld)
    assert formatteer_datum(zes) in p.content()
    reis.controleer("aanmelding geregistreerd")

    p.get_by_role("link", name="Onderzoek starten").click()
    p.get_by_role("button", name="Onderzoek starten").click()
    p.wait_for_load_state()
    p.get_by_role("link", name="Extra informatie opvragen").click()
    p.get_by_label("Gevraagd op").fill(gevraagd.isoformat())
    p.get_by_label("Gevraagd bij").fill("peuterspeelzaal")
    p.get_by_label("Welke informatie").fill("Overdrachtsdocument jonge kind")
    p.get_by_label("Toestemming van de ouders gegeven op").fill(gevraagd.isoformat())
    p.get_by_label("Antwoord uiterlijk op").fill((gevraagd + timedelta(days=14)).isoformat())
    reis.controleer("informatie opvragen")
    p.get_by_role("button", name="Extra informatie opvragen").click()
    p.wait_for_load_state()
    p.get_by_role("link", name="Ontvangst informatie registreren").click()
    p.get_by_label("Ontvangen op").fill(ontvangen.isoformat())
    p.get_by_role("button", name="Ontvangst van de informatie registreren").click()
    p.wait_for_load_state()
    zes = zorgplicht_einde(aangemeld, opschortingen=[(gevraagd, ontvangen)])
    assert formatteer_datum(zes) in p.content()

    p.get_by_role("link", name="Termijn verlengen").click()
    p.get_by_label("Reden van de verlenging").fill("Wij willen eerst een observatie in de groep.")
    reis.controleer("verlengen")
    p.get_by_role("button", name="Termijn verlengen met vier weken").click()
    p.wait_for_load_state()
    tien = zorgplicht_einde(aangemeld, verlengd=True, opschortingen=[(gevraagd, ontvangen)])
    assert formatteer_datum(tien) in p.content()
    assert "verlengd, geldt nu" in p.content()
    reis.controleer("verlengd dossier")
    reis.logout()

    reis.login("sc")
    p.get_by_role("link", name="Zorgplicht regio").click()
    assert "Pien Proefkonijn" in p.content()
    reis.controleer("regio-overzicht sc")


def test_sc_zoekt_bao_bao_plek_en_directeur_beslist(reis):
    """[002 bijlage 2.2.1 stap 8] the SC proposes a school whose SOP fits; the ouders choose; the
    directeur decides outcome 8 and the dossier shows the shared zorgplicht."""
    p = reis.page
    reis.login("sc")
    p.get_by_role("link", name="Zorgplicht regio").click()
    p.get_by_role("link", name="Finn Brouwersgracht").click()
    p.get_by_role("link", name="Andere school zoeken (bao-bao)").click()
    reis.controleer("bao-bao")
    p.get_by_label("Voorgestelde school").select_option(label="OBS De Eikenhorst")
    p.get_by_role("button", name="School voorstellen").click()
    p.wait_for_load_state()
    p.get_by_role("row", name="OBS De Eikenhorst").get_by_role("link", name="antwoord vastleggen").click()
    p.get_by_label("kan plaatsen").check()
    reis.controleer("antwoord school")
    p.get_by_role("button", name="Vastleggen").click()
    p.wait_for_load_state()
    p.get_by_role("row", name="OBS De Eikenhorst").get_by_role(
        "link", name="ouders kiezen deze school"
    ).click()
    p.get_by_role("button", name="Vastleggen").click()
    p.wait_for_load_state()
    assert "gekozen op" in p.content()
    p.get_by_role("link", name="SOP's").click()
    reis.controleer("sop-lijst")
    p.get_by_role("link", name="bijwerken (OBS De Eikenhorst)").click()
    reis.controleer("sop bijwerken")
    reis.logout()

    reis.login("directeur")
    p.get_by_role("link", name="Zorgplicht", exact=True).first.click()
    p.get_by_role("link", name="Finn Brouwersgracht").click()
    p.get_by_role("link", name="Besluit vastleggen").click()
    p.get_by_label("(8) plaatsing op een andere reguliere school (bao-bao)").check()
    p.get_by_label("Onderbouwing voor de ouders").fill("OBS De Eikenhorst biedt wat Finn nodig heeft.")
    reis.controleer("besluit")
    p.get_by_role("button", name="Besluit vastleggen").click()
    p.wait_for_load_state()
    assert "gedeelde zorgplicht" in p.content()
    assert "OBS De Eikenhorst" in p.content()
    reis.controleer("besluit genomen")
