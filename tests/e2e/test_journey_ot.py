"""Journey 1 [issue 9]: the IB'er logs an OT-verslag (start and vervolg), saves a draft, leaves,
comes back, vaststelt it and downloads the PDF."""

from datetime import date, timedelta

import pytest

pytestmark = pytest.mark.e2e


def _vul_verslag(p, *, vervolg: bool):
    gisteren = (date.today() - timedelta(days=1)).isoformat()
    p.get_by_label("Datum", exact=True).fill(gisteren)
    p.get_by_label("Doelen van het overleg en bespreekpunten").fill("Zicht krijgen op de angst in de klas.")
    p.get_by_label("Verslaglegging: wat is de hulpvraag?").fill("Hoe bieden we rust en voorspelbaarheid?")
    p.get_by_label("Ouders: visie en ervaringen").fill("Ouders zien thuis dezelfde terugtrekking.")
    p.get_by_label("Bevindingen").fill("De aanpak met een vaste plek helpt deels.")
    p.locator("[name=aanwezige-0-naam]").fill("I. Bouwmeester")
    p.locator("[name=aanwezige-0-rol]").select_option("ib")
    p.locator("[name=aanwezige-1-naam]").fill("M. Testouder")
    p.locator("[name=aanwezige-1-rol]").select_option("ouder")
    p.locator("[name=afspraak-0-wat]").fill("Observatie in de klas door de SC")
    p.locator("[name=afspraak-0-wie]").fill("S. Coppelmans")
    p.locator("[name=afspraak-0-uiterlijk]").fill((date.today() + timedelta(days=14)).isoformat())
    if vervolg:
        p.get_by_label("Afspraak t.a.v. vervolg").fill("TLV-aanvraag voorbereiden.")
    else:
        p.get_by_label("Vervolgafspraak (OT 2)").fill("Vervolg-OT over zes weken.")


def test_ib_logt_ot_start_en_vervolg_en_stelt_vast(reis):
    p = reis.page
    reis.login("ib")
    p.get_by_role("link", name="Leerlingen").first.click()
    reis.controleer("leerlingen zoeken")
    p.get_by_label("Naam").fill("Noor")
    p.keyboard.press("Enter")
    p.wait_for_load_state()
    p.get_by_role("link", name="Noor").first.click()
    reis.controleer("dossier")
    dossier_url = p.url

    for soort in ("start", "vervolg"):
        p.goto(dossier_url)
        p.get_by_role("button", name=f"Verslag OT – {soort}").click()
        p.wait_for_load_state()
        _vul_verslag(p, vervolg=soort == "vervolg")
        # Only part of the form, then save the draft and leave: nothing may be lost.
        p.get_by_role("button", name="Concept opslaan").click()
        p.wait_for_load_state()
        concept_url = p.url
        reis.controleer(f"ot {soort} concept")
        p.goto(reis.base_url + "/")
        p.goto(concept_url)
        assert p.get_by_label("Bevindingen").input_value() == "De aanpak met een vaste plek helpt deels."
        assert p.locator("[name=afspraak-0-wie]").input_value() == "S. Coppelmans"
        # Continue where we left off: the SC was at the table too, and the ouders were invited.
        p.locator("[name=aanwezige-2-naam]").fill("S. Coppelmans")
        p.locator("[name=aanwezige-2-rol]").select_option("sc")
        p.get_by_label("Ouders zijn uitgenodigd").check()
        # Vaststellen without an uitkomst is refused with the missing item named.
        p.get_by_role("button", name="Opslaan en vaststellen").click()
        p.wait_for_load_state()
        assert "Kies de uitkomst van het OT" in p.locator("main").inner_text()
        p.get_by_label("HGO-arrangement deskundigheid SWV").check()
        if soort == "vervolg":
            bao_bao = "Twee scholen gevraagd; beide kunnen niet bieden wat nodig is."
            p.get_by_label("bao-bao", exact=False).first.fill(bao_bao)
            p.get_by_label("Afweging so/sbo").fill("So past beter dan sbo vanwege de groepsgrootte.")
        p.get_by_role("button", name="Opslaan en vaststellen").click()
        p.wait_for_load_state()
        tekst = p.locator("main").inner_text()
        assert "vastgesteld" in tekst.lower(), tekst[:500]
        reis.controleer(f"ot {soort} vastgesteld")
        with p.expect_download() as download:
            p.get_by_role("link", name="pdf", exact=False).first.click()
        pad = download.value.path()
        assert open(pad, "rb").read(4) == b"%PDF"
        download.value.save_as(str(reis.map / f"ot-{soort}.pdf"))
