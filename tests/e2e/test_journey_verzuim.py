"""Verzuim in the browser [issue 8 'Done when', issue 9]: the IB'er registers absence until the
report duty arises and sends the melding; the leerplichtambtenaar of that gemeente sees it; the
directeur is refused a schorsing of 8 days and then suspends for 3 days."""

from datetime import date, timedelta

import pytest

from cases.models import Leerling
from verzuim.models import Schorsing

pytestmark = pytest.mark.e2e


def _lesdagen_terug(aantal: int) -> list[date]:
    dagen, d = [], date.today()
    while len(dagen) < aantal:
        d -= timedelta(days=1)
        if d.weekday() < 5:
            dagen.append(d)
    return sorted(dagen)


def test_ib_meldt_16_uur_lpa_ziet_het_directeur_schorst(reis):
    p = reis.page
    leerling = (
        Leerling.objects.filter(
            huidige_school__naam="OBS De Regenboog", ouders__gezag=True, verzuimregistraties=None
        )
        .distinct()
        .order_by("pk")
        .first()
    )
    reis.login("ib")
    p.get_by_role("link", name="Verzuim", exact=True).click()
    p.wait_for_load_state()
    reis.controleer("verzuim leerlingen")
    p.goto(reis.base_url + f"/verzuim/leerling/{leerling.pk}/")
    for dag in _lesdagen_terug(4):
        registreren = p.locator("section[aria-labelledby=h-reg]")
        registreren.get_by_label("Soort").select_option("ongeoorloofd")
        registreren.get_by_label("Datum").fill(dag.isoformat())
        registreren.get_by_label("Gemiste lestijd (uren)").fill("4")
        registreren.get_by_role("button", name="Registreren").click()
        p.wait_for_load_state()
    tekst = p.locator("main").inner_text()
    assert "Meldplicht ontstaan" in tekst, tekst[:1200]
    reis.controleer("verzuim meldplicht ontstaan")
    melden = p.locator("section[aria-labelledby=h-meld]")
    melden.get_by_label("Ouders op de hoogte gesteld op").fill(date.today().isoformat())
    melden.get_by_role("button", name="Melding versturen").click()
    p.wait_for_load_state()
    reis.controleer("verzuim melding verstuurd")
    reis.logout()

    reis.login("lpa")
    p.get_by_role("link", name="Verzuimmeldingen").click()
    p.wait_for_load_state()
    assert leerling.achternaam in p.locator("main").inner_text()
    reis.controleer("lpa meldingen")
    reis.logout()

    reis.login("directeur")
    p.goto(reis.base_url + f"/verzuim/leerling/{leerling.pk}/schorsing/")
    van = date.today() + timedelta(days=1)
    p.get_by_label("Eerste dag van de schorsing").fill(van.isoformat())
    p.get_by_label("Laatste dag van de schorsing").fill((van + timedelta(days=7)).isoformat())
    p.get_by_label("Redenen van het besluit").fill("Herhaald fysiek geweld tegen een klasgenoot.")
    for label in (
        "Bevoegd gezag akkoord op",
        "Ouders uitgenodigd voor een gesprek op",
        "Ouders geïnformeerd op",
    ):
        p.get_by_label(label).fill(date.today().isoformat())
    p.get_by_role("button", name="Vastleggen en brief maken").click()
    p.wait_for_load_state()
    assert "Een schorsing van 8 dagen is niet toegestaan" in p.locator("main").inner_text()
    assert not Schorsing.objects.filter(leerling=leerling).exists()
    # What was typed stays; shorten to three days.
    assert p.get_by_label("Redenen van het besluit").input_value().startswith("Herhaald fysiek geweld")
    reis.controleer("schorsing 8 dagen geweigerd")
    p.get_by_label("Laatste dag van de schorsing").fill((van + timedelta(days=2)).isoformat())
    p.get_by_role("button", name="Vastleggen en brief maken").click()
    p.wait_for_load_state()
    schorsing = Schorsing.objects.get(leerling=leerling)
    assert (schorsing.tot - schorsing.van).days == 2
    # Longer than one day: reporting to leerplicht and inspectie is a task for the school, which
    # then records who reported when and how [issue 16.11].
    assert not schorsing.lpa_gemeld_op and not schorsing.inspectie_gemeld_op
    assert "taak voor de school" in p.locator("main").inner_text()
    reis.controleer("schorsing 3 dagen")
    melding = schorsing.meldingen.get(ontvanger="inspectie")
    p.goto(reis.base_url + melding.get_absolute_url())
    p.get_by_label("Gemeld op").fill(date.today().isoformat())
    p.get_by_label("Hoe gemeld").select_option("portaal")
    p.get_by_role("button", name="Melding vastleggen").click()
    p.wait_for_load_state()
    schorsing.refresh_from_db()
    assert schorsing.inspectie_gemeld_op == date.today()
    reis.controleer("melding inspectie vastgelegd")
