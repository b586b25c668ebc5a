"""Journeys 2, 3 and 4 [issue 9]: the SC checks a TLV-aanvraag and approves it once the missing
item has arrived; the directeur-bestuurder signs and downloads the letter; the secretaresse
follows the doorlooptijden and the terms that run out this week."""

import re
from datetime import date, timedelta

import pytest

from tlv.models import TLVAanvraag

pytestmark = pytest.mark.e2e


def _sectie(p, actie: str):
    return p.locator(f"section[aria-labelledby=actie-{actie}]")


def _oordeel(p, *, bao_bao: str):
    sectie = _sectie(p, "sc_oordeel")
    selects = sectie.locator("select")
    for i in range(selects.count()):
        naam = selects.nth(i).get_attribute("name")
        selects.nth(i).select_option(bao_bao if naam.startswith("bao_bao") else "ja")
    if bao_bao == "nee":
        reden = "Niet beschreven waarom de twee gevraagde scholen afzegden."
        sectie.locator("[name=bao_bao_toelichting]").fill(reden)
    sectie.get_by_role("button", name="Oordeel opslaan").click()
    p.wait_for_load_state()


def test_sc_vindt_ontbrekend_stuk_en_keurt_goed_na_ontvangst(reis):
    p = reis.page
    from cases.models import Rol

    aanvraag = (
        TLVAanvraag.objects.filter(status="inhoudelijke_check")
        .select_related("leerling__huidige_school")
        .first()
    )
    naam = aanvraag.leerling.volledige_naam
    # The SC of the pupil's regio (the demo has one for Ede and one for Veenendaal).
    sc_rol = Rol.objects.filter(soort="sc", regio=aanvraag.leerling.huidige_school.regio_id).first()
    sc = sc_rol.gebruiker.username
    reis.login(sc)
    p.get_by_role("link", name="TLV", exact=False).first.click()
    p.wait_for_load_state()
    p.get_by_label("Status").select_option("inhoudelijke_check")
    p.get_by_role("button", name="Filter").click()
    p.wait_for_load_state()
    assert naam in p.locator("main").inner_text()
    reis.controleer("sc werklijst")
    p.get_by_role("link", name=f"#{aanvraag.pk} ", exact=False).first.click()
    p.wait_for_load_state()
    reis.controleer("aanvraag inhoudelijke check")

    # The SC finds that the bao-bao consideration is missing: approval is refused with the reason.
    _oordeel(p, bao_bao="nee")
    _sectie(p, "inhoudelijk_goedkeuren").get_by_role("button").click()
    p.wait_for_load_state()
    assert "§1.4" in p.locator("main").inner_text()
    sectie = _sectie(p, "informatie_vragen")
    sectie.get_by_label("Wat ontbreekt of is onduidelijk").fill("De afweging bao-bao uit het vervolg-OT.")
    sectie.get_by_label("Aanleveren uiterlijk op").fill((date.today() + timedelta(days=14)).isoformat())
    sectie.get_by_role("button").click()
    p.wait_for_load_state()
    aanvraag.refresh_from_db()
    assert aanvraag.status == "aangehouden"
    reis.controleer("aanvraag aangehouden")
    reis.logout()

    # The item arrives; the secretaresse registers it and the term runs again.
    reis.login("sll")
    p.goto(reis.base_url + f"/tlv/{aanvraag.pk}/")
    sectie = _sectie(p, "informatie_ontvangen")
    sectie.get_by_label("Datum van ontvangst").fill(date.today().isoformat())
    sectie.get_by_role("button").click()
    p.wait_for_load_state()
    aanvraag.refresh_from_db()
    assert aanvraag.status == "inhoudelijke_check"
    reis.logout()

    reis.login(sc)
    p.goto(reis.base_url + f"/tlv/{aanvraag.pk}/")
    _oordeel(p, bao_bao="ja")
    _sectie(p, "inhoudelijk_goedkeuren").get_by_role("button").click()
    p.wait_for_load_state()
    aanvraag.refresh_from_db()
    assert aanvraag.status == "deskundigen_toewijzen", p.locator("main").inner_text()[:800]
    reis.controleer("aanvraag inhoudelijk goedgekeurd")


def test_bestuurder_tekent_en_downloadt_de_brief(reis):
    p = reis.page
    aanvraag = TLVAanvraag.objects.filter(status="ter_ondertekening").first()
    reis.login("bestuurder")
    p.goto(reis.base_url + "/tlv/ter-ondertekening/")
    reis.controleer("ter ondertekening")
    p.goto(reis.base_url + f"/tlv/{aanvraag.pk}/")
    tekst = p.locator("main").inner_text()
    assert "Eindadvies" in tekst
    assert "Advies" in tekst
    reis.controleer("aanvraag ter ondertekening")
    sectie = _sectie(p, "ondertekenen")
    sectie.get_by_label("Uw wachtwoord", exact=False).fill("fout-wachtwoord")
    sectie.get_by_role("button").click()
    p.wait_for_load_state()
    aanvraag.refresh_from_db()
    assert aanvraag.status == "ter_ondertekening"
    sectie = _sectie(p, "ondertekenen")
    sectie.get_by_label("Uw wachtwoord", exact=False).fill("demo")
    sectie.get_by_label("Code uit uw authenticator-app", exact=False).fill(
        reis.code("bestuurder")
    )  # [issue 14]
    sectie.get_by_role("button").click()
    p.wait_for_load_state()
    aanvraag.refresh_from_db()
    assert aanvraag.status == "afgegeven", p.locator("main").inner_text()[:800]
    p.reload()
    reis.controleer("besluit afgegeven")
    with p.expect_download() as download:
        p.get_by_role("link", name="pdf downloaden", exact=False).first.click()
    assert open(download.value.path(), "rb").read(4) == b"%PDF"
    download.value.save_as(str(reis.map / "tlv-besluit.pdf"))


def test_secretaresse_doorlooptijden_regio_export_en_termijnen_deze_week(reis):
    p = reis.page
    reis.login("sll")
    paneel = p.locator("section", has_text="Uw termijnen in de komende twee weken")
    labels = paneel.locator(".termijn .label").all_inner_texts()
    deze_week = [t for t in labels if re.fullmatch(r"nog [1-7] dag(en)?|vandaag de laatste dag", t.strip())]
    assert deze_week, f"geen termijn die deze week afloopt op Mijn werk: {labels}"
    reis.controleer("mijn werk sll")
    p.get_by_role("link", name="Doorlooptijden", exact=False).first.click()
    p.wait_for_load_state()
    reis.controleer("doorlooptijden")
    p.get_by_label("Regio").select_option(label="Ede")
    # all years: the demo's decisions in Ede (Noor, Lotte) fall in the school year 2025-2026
    p.get_by_label("Schooljaar").select_option(label="alle jaren")
    p.get_by_role("button", name="Filter").click()
    p.wait_for_load_state()
    assert "regio=" in p.url and "schooljaar=alle" in p.url
    reis.controleer("doorlooptijden regio ede")
    with p.expect_download() as download:
        p.get_by_role("link", name="Exporteer als Excel (XLSX)").click()
    pad = reis.map / "doorlooptijden.xlsx"
    download.value.save_as(str(pad))
    from openpyxl import load_workbook

    assert load_workbook(pad).active.max_row >= 2
