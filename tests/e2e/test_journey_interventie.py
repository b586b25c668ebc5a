"""Interventietraject and arrangementen in the browser [issue 7, issue 9; 000; 002 bijlage 2.4.1]:
the school's directeur reports a pupil (an incomplete dossier is refused first, nothing typed is
lost); the SWV's directeur-bestuurder is refused "team samengesteld" until the core team
(directeur SWV + gedragsspecialist) is there and then composes it; the directeur, as casusmanager,
plans the first meeting within the week, records a written afspraak with owner, deadline and guard,
marks the meeting held, starts the traject and places the pupil temporarily at another school of the
same bestuur (earlier steps of the plaatsingsstroom skipped with a reason); the directeur-bestuurder
is refused the evaluation while that placement runs, ends it, looks at the budget, records an
observatie whose end beyond the maximum of 3 months is refused, and evaluates and closes the traject
(closing without a complete evaluation is refused). Each page is checked with axe and the keyboard."""

import re
from datetime import date, timedelta

import pytest

from cases.demo.interventie import SCENARIO_NAMEN
from cases.interventie.models.arrangementen import DUURREGELS, ArrangementSoort
from cases.interventie.models.traject import BijeenkomstStatus, PlaatsingUitkomst, TeamRol, TrajectStatus
from cases.models import Arrangement, Gebruiker, Interventietraject, Leerling, School
from cases.termijnen import formatteer_datum

pytestmark = pytest.mark.e2e


def _leerling_zonder_traject() -> Leerling:
    """A pupil of the demo directeur's school without a traject or arrangement, whose name appears
    once in the school (so the choice list has one option with that label)."""
    kandidaten = list(
        Leerling.objects.filter(
            huidige_school__naam="OBS De Regenboog", interventietrajecten=None, arrangementen=None
        )
        .exclude(voornaam__in=SCENARIO_NAMEN)
        .order_by("pk")
    )
    namen = [k.volledige_naam for k in kandidaten]
    return next(k for k in kandidaten if namen.count(k.volledige_naam) == 1)


def _schoollabel(naam: str) -> str:
    """The option label of a school in the placement and arrangement forms."""
    s = School.objects.select_related("bestuur").get(naam=naam)
    return f"{s.naam} ({s.get_soort_display()}, {s.bestuur.naam})"


def _veld(p, label: str):
    """The field whose label is exactly `label` (a required field's label ends in " *"; a checkbox
    sits inside its label, before the text)."""
    return p.get_by_label(re.compile(rf"^\s*{re.escape(label)}( \*)?$"))


def _hoofd(p) -> str:
    return p.locator("main").inner_text()


def test_directeur_meldt_aan_swv_stelt_team_samen_plaatst_arrangeert_en_sluit_af(reis):
    p = reis.page
    vandaag = date.today()
    gemeld, bijeenkomst = vandaag - timedelta(days=3), vandaag - timedelta(days=1)
    leerling = _leerling_zonder_traject()
    naam = leerling.volledige_naam
    directeur, ib = Gebruiker.objects.get(username="directeur"), Gebruiker.objects.get(username="ib")
    bestuurder = Gebruiker.objects.get(username="bestuurder")

    # 1. The directeur reports the pupil; an incomplete dossier is refused, the input stays.
    reis.login("directeur")
    p.get_by_role("link", name="Interventietrajecten").click()
    p.wait_for_load_state()
    reis.controleer("interventie lijst directeur")
    p.get_by_role("link", name="Leerling aanmelden bij het interventieteam").click()
    p.wait_for_load_state()
    _veld(p, "Leerling").select_option(label=naam)
    _veld(p, "Datum melding").fill(gemeld.isoformat())
    _veld(p, "Aanleiding").select_option(label="dreigende schorsing")
    _veld(p, "Toelichting").fill("Herhaald slaan op het plein; de groep is niet meer veilig.")
    _veld(p, "De leerling komt uit het regulier onderwijs").check()
    p.get_by_label(
        "De school kan de reguliere ondersteunings- en/of verwijzingsroute niet bewandelen"
    ).check()
    _veld(p, "Waarom de reguliere route niet kan").fill("Het OT kan niet zo snel bijeenkomen.")
    _veld(p, "Het dossier bevat een verslag van eerder genomen maatregelen en de effecten daarvan").check()
    _veld(p, "Verslagen van relevant onderzoek").select_option(label="er is geen relevant onderzoek gedaan")
    reis.controleer("aanmelden invullen")
    p.get_by_role("button", name="Aanmelden").click()
    p.wait_for_load_state()
    assert "Het dossier bevat in ieder geval een onderwijskundig rapport" in _hoofd(p)
    assert not Interventietraject.objects.filter(leerling=leerling).exists()
    assert _veld(p, "Toelichting").input_value().startswith("Herhaald slaan op het plein")
    assert _veld(p, "Waarom de reguliere route niet kan").input_value() == (
        "Het OT kan niet zo snel bijeenkomen."
    )
    assert _veld(p, "Leerling").input_value() == str(leerling.pk)
    reis.controleer("aanmelden geweigerd zonder onderwijskundig rapport")
    _veld(p, "Het dossier bevat een onderwijskundig rapport").check()
    p.get_by_role("button", name="Aanmelden").click()
    p.wait_for_load_state()
    assert "De leerling is aangemeld bij het interventieteam" in _hoofd(p)
    traject = Interventietraject.objects.get(leerling=leerling)
    assert traject.status == TrajectStatus.AANGEMELD
    assert traject.casusmanager == directeur
    assert traject.gemeld_op == gemeld
    assert traject.onderwijskundig_rapport
    assert traject.aanleiding == "dreigende_schorsing"
    reis.controleer("traject aangemeld")
    reis.logout()

    # 2. The SWV's directeur-bestuurder: refused until the core team is there, then composes it.
    reis.login("bestuurder")
    meldingen = p.get_by_role("region", name=re.compile("Interventieteam: nieuwe meldingen"))
    reis.controleer("mijn werk bestuurder")
    meldingen.get_by_role("link", name=naam).click()
    p.wait_for_load_state()
    reis.controleer("team samenstellen leeg")
    p.get_by_role("button", name="Team is samengesteld").click()
    p.wait_for_load_state()
    melding = p.locator(".meldingen").inner_text()
    assert "ten minste uit de directeur van het SWV en een gedragsspecialist" in melding, melding
    traject.refresh_from_db()
    assert traject.status == TrajectStatus.AANGEMELD
    # The criteria the school recorded are visible to the SWV.
    assert "✔ Onderwijskundig rapport" in _hoofd(p)
    reis.controleer("team samenstellen geweigerd")
    p.get_by_role("link", name="Team samenstellen").click()
    p.wait_for_load_state()
    _veld(p, "Rol in het team").select_option(label="directeur samenwerkingsverband")
    _veld(p, "Gebruiker (met account)").select_option(label=str(bestuurder))
    p.get_by_role("button", name="Toevoegen").click()
    p.wait_for_load_state()
    _veld(p, "Rol in het team").select_option(label="gedragsspecialist")
    _veld(p, "Of: naam (zonder account)").fill("Gijs Gedragsveld")
    _veld(p, "Organisatie").fill("Expertiseteam SWV (demo)")
    p.get_by_role("button", name="Toevoegen").click()
    p.wait_for_load_state()
    assert "Gijs Gedragsveld (Expertiseteam SWV (demo))" in _hoofd(p)
    assert "Dit kan nog niet" not in _hoofd(p)
    reis.controleer("team samengesteld klaar")
    p.get_by_role("button", name="Team is samengesteld").click()
    p.wait_for_load_state()
    assert "Team samengesteld." in p.locator(".meldingen").inner_text()
    traject.refresh_from_db()
    assert traject.status == TrajectStatus.TEAM_SAMENGESTELD
    assert set(traject.teamleden.values_list("rol", flat=True)) == {
        TeamRol.DIRECTEUR_SWV,
        TeamRol.GEDRAGSSPECIALIST,
    }
    reis.controleer("traject team samengesteld")
    reis.logout()

    # 3. The casusmanager plans and holds the first meeting, records an afspraak, starts, places.
    reis.login("directeur")
    reis.controleer("mijn werk directeur")
    casus = p.get_by_role("region", name=re.compile("waarvan u casusmanager bent"))
    casus.get_by_role("link", name=naam).click()
    p.wait_for_load_state()
    stap = p.get_by_role("region", name="Volgende stap").inner_text()
    assert "Dit kan nog niet" in stap
    assert "De eerste bijeenkomst met het interventieteam is gehouden" in stap
    reis.controleer("traject casusmanager")
    p.get_by_role("link", name="Bijeenkomst plannen").click()
    p.wait_for_load_state()
    _veld(p, "Datum").fill(bijeenkomst.isoformat())
    _veld(p, "Tijd").fill("14:30")
    _veld(p, "Locatie").fill("Teamkamer OBS De Regenboog")
    _veld(p, "Agenda").fill("1. Wie zit er aan tafel\n2. Beeld van de leerling\n3. Afspraken")
    _veld(p, "Agenda verstuurd op").fill(gemeld.isoformat())
    _veld(p, "Wie er aan tafel zit").fill(
        "Directeur, intern begeleider, leerkracht, directeur SWV, gedragsspecialist, ouders"
    )
    _veld(p, "Ouders vooraf geïnformeerd op").fill(gemeld.isoformat())
    for wie in ("Directeur aanwezig", "Intern begeleider aanwezig", "Leerkracht aanwezig", "Ouders aanwezig"):
        p.get_by_label(wie).check()
    _veld(p, "Verslag").fill("Ouders en school zien dezelfde spanning op het plein.")
    _veld(p, "Advies: setting").fill("Tijdelijk een andere school van hetzelfde bestuur.")
    reis.controleer("bijeenkomst plannen")
    p.get_by_role("button", name="Opslaan").click()
    p.wait_for_load_state()
    assert "De bijeenkomst is gepland." in _hoofd(p)
    assert "Vastleggen als gehouden kan pas als" not in _hoofd(p)
    reis.controleer("bijeenkomst gepland")
    p.get_by_role("link", name="Afspraak toevoegen").click()
    p.wait_for_load_state()
    _veld(p, "Wat").fill("Ouders bellen na de eerste week op de andere school")
    _veld(p, "Wie (gebruiker)").select_option(label=str(ib))
    _veld(p, "Uiterlijk op").fill((vandaag + timedelta(days=7)).isoformat())
    _veld(p, "Wie bewaakt de afspraak").select_option(label=str(directeur))
    reis.controleer("afspraak vastleggen")
    p.get_by_role("button", name="Vastleggen").click()
    p.wait_for_load_state()
    assert "De afspraak is vastgelegd." in _hoofd(p)
    reis.controleer("afspraak vastgelegd")
    assert f"Ouders bellen na de eerste week op de andere school — {ib}" in _hoofd(p)
    p.get_by_role("button", name="Vastleggen als gehouden").click()
    p.wait_for_load_state()
    assert "De bijeenkomst is als gehouden vastgelegd." in _hoofd(p)
    assert "eerste bijeenkomst op tijd" in _hoofd(p)
    b = traject.bijeenkomsten.get()
    assert b.status == BijeenkomstStatus.GEHOUDEN
    assert b.datum == bijeenkomst
    afspraak = traject.afspraken.get()
    assert (afspraak.eigenaar, afspraak.bewaker, afspraak.bijeenkomst) == (ib, directeur, b)
    reis.controleer("bijeenkomst gehouden")
    p.get_by_role("button", name="Traject gestart").click()
    p.wait_for_load_state()
    assert "Traject gestart." in p.locator(".meldingen").inner_text()
    traject.refresh_from_db()
    assert traject.status == TrajectStatus.LOPEND
    p.get_by_role("link", name="Plaatsing vastleggen").click()
    p.wait_for_load_state()
    _veld(p, "Stap van de plaatsingsstroom").select_option(label="een andere school binnen het eigen bestuur")
    _veld(p, "Ontvangende school").select_option(label=_schoollabel("OBS Het Kompas"))
    _veld(p, "Setting").fill("groep 5 met een vaste pleinbegeleider")
    _veld(p, "Doel").fill("Weer veilig spelen en leren")
    _veld(p, "Startdatum").fill(vandaag.isoformat())
    _veld(p, "Einddatum (duur)").fill((vandaag + timedelta(days=27)).isoformat())
    _veld(p, "Middelen").fill("Pleinbegeleider 6 uur per week (SWV)")
    _veld(p, "De ontvangende school gaat akkoord").check()
    _veld(p, "Akkoord gegeven door (naam, functie)").fill("directeur OBS Het Kompas")
    _veld(p, "Akkoord gegeven op").fill(bijeenkomst.isoformat())
    p.get_by_label("Reden om stap 1 over te slaan").fill("De incidenten ontstaan in de eigen groep.")
    p.get_by_label("Reden om stap 2 over te slaan").fill("De parallelgroep heeft dezelfde pleintijden.")
    reis.controleer("plaatsing vastleggen")
    p.get_by_role("button", name="Vastleggen").click()
    p.wait_for_load_state()
    assert "De leerling blijft ingeschreven op de school van herkomst" in _hoofd(p)
    plaatsingen = {pl.stap: pl for pl in traject.plaatsingen.all()}
    assert plaatsingen[1].uitkomst == plaatsingen[2].uitkomst == PlaatsingUitkomst.OVERGESLAGEN
    assert plaatsingen[3].uitkomst == PlaatsingUitkomst.LOPEND
    assert plaatsingen[3].school.naam == "OBS Het Kompas"
    leerling.refresh_from_db()
    assert leerling.huidige_school.naam == "OBS De Regenboog"
    reis.controleer("traject lopend met plaatsing")
    reis.logout()

    # 4. The directeur-bestuurder: evaluation refused while the placement runs; ends it.
    reis.login("bestuurder")
    p.get_by_role("link", name="Interventietrajecten").click()
    p.wait_for_load_state()
    reis.controleer("interventie lijst bestuurder")
    p.get_by_role("link", name=naam).click()
    p.wait_for_load_state()
    p.get_by_role("button", name="Naar evaluatie").click()
    p.wait_for_load_state()
    assert (
        "Geen tijdelijke plaatsing buiten de eigen school loopt nog" in p.locator(".meldingen").inner_text()
    )
    traject.refresh_from_db()
    assert traject.status == TrajectStatus.LOPEND
    reis.controleer("naar evaluatie geweigerd")
    p.get_by_role("link", name="Beëindigen").click()
    p.wait_for_load_state()
    _veld(p, "Beëindigd op").fill(vandaag.isoformat())
    _veld(p, "Uitkomst").fill("Gestopt: het team adviseert eerst een observatie op SBO De Brug.")
    reis.controleer("plaatsing beeindigen")
    p.get_by_role("button", name="Beëindigen").click()
    p.wait_for_load_state()
    assert "De uitkomst van de plaatsing is vastgelegd." in _hoofd(p)
    assert traject.plaatsingen.get(stap=3).uitkomst == PlaatsingUitkomst.BEEINDIGD
    reis.controleer("plaatsing beeindigd")

    # 5. Arrangementen and budget; an observatie beyond its maximum of 3 months is refused.
    p.get_by_role("link", name="Arrangementen", exact=True).click()
    p.wait_for_load_state()
    reis.controleer("arrangementen lijst")
    p.get_by_role("link", name="Budget per regio").click()
    p.wait_for_load_state()
    budget = p.get_by_role("table", name=f"HGO-arrangementen deskundigheid en middelen {vandaag.year}")
    assert budget.get_by_role("row", name=re.compile(r"^Ede ")).count() == 1
    reis.controleer("budget per regio")
    p.get_by_role("link", name="Interventietrajecten").click()
    p.wait_for_load_state()
    p.get_by_role("link", name=naam).click()
    p.wait_for_load_state()
    p.get_by_role("link", name="Arrangement vastleggen").click()
    p.wait_for_load_state()
    assert _veld(p, "Leerling").input_value() == str(leerling.pk)
    assert _veld(p, "Hoort bij interventietraject (optioneel)").input_value() == str(traject.pk)
    maximum = DUURREGELS[ArrangementSoort.OBSERVATIE].max_einde(vandaag)
    _veld(p, "Soort").select_option(label="observatie")
    _veld(p, "School waar de leerling geplaatst wordt").select_option(label=_schoollabel("SBO De Brug"))
    _veld(p, "Start").fill(vandaag.isoformat())
    _veld(p, "Laatste dag").fill((maximum + timedelta(days=1)).isoformat())
    _veld(p, "Doel").fill("Zicht krijgen op wat de leerling nodig heeft om te leren.")
    _veld(p, "Ondersteuningsbehoefte van de leerling").fill("Voorspelbaarheid en een vaste begeleider.")
    _veld(p, "Communicatieafspraken").fill("Elke vrijdag contact tussen beide scholen en de ouders.")
    reis.controleer("arrangement invullen")
    p.get_by_role("button", name="Vastleggen").click()
    p.wait_for_load_state()
    fout = _hoofd(p)
    assert "Een observatie duurt maximaal 3 maanden" in fout, fout[:1500]
    assert f"uiterlijk t/m {formatteer_datum(maximum)}" in fout
    assert not Arrangement.objects.filter(leerling=leerling).exists()
    assert _veld(p, "Doel").input_value().startswith("Zicht krijgen op wat")
    reis.controleer("arrangement te lang geweigerd")
    _veld(p, "Laatste dag").fill(maximum.isoformat())
    p.get_by_role("button", name="Vastleggen").click()
    p.wait_for_load_state()
    assert "Het arrangement en het plan van aanpak zijn vastgelegd." in _hoofd(p)
    arr = Arrangement.objects.get(leerling=leerling)
    assert (arr.soort, arr.start, arr.einde, arr.traject_id) == ("observatie", vandaag, maximum, traject.pk)
    assert arr.uitvoerende_school.naam == "SBO De Brug"
    assert arr.verwijzende_school.naam == "OBS De Regenboog"
    assert "de leerling blijft ingeschreven op, en onder verantwoordelijkheid van" in _hoofd(p)
    reis.controleer("arrangement vastgelegd")

    # 6. Evaluation and closing: refused until beginsituatie, proces, verloop and oplossing are there.
    p.get_by_role("link", name="bekijken").click()
    p.wait_for_load_state()
    p.get_by_role("button", name="Naar evaluatie").click()
    p.wait_for_load_state()
    traject.refresh_from_db()
    assert traject.status == TrajectStatus.EVALUATIE
    reis.controleer("traject in evaluatie")
    p.get_by_role("link", name="Evaluatie invullen en afsluiten").click()
    p.wait_for_load_state()
    reis.controleer("evaluatie invullen")
    _veld(p, "Beginsituatie").fill("Dreigende schorsing na herhaald slaan op het plein.")
    p.get_by_role("button", name="Opslaan en traject afsluiten").click()
    p.wait_for_load_state()
    assert "De evaluatie beschrijft de beginsituatie, het proces, het verloop en de oplossing" in (
        p.get_by_role("alert").inner_text()
    )
    assert _veld(p, "Beginsituatie").input_value().startswith("Dreigende schorsing")
    traject.refresh_from_db()
    assert traject.status == TrajectStatus.EVALUATIE
    assert traject.beginsituatie == ""
    reis.controleer("afsluiten geweigerd")
    _veld(p, "Proces").fill("Eén bijeenkomst binnen de week; ouders vooraf geïnformeerd.")
    _veld(p, "Verloop").fill("Tijdelijke plaatsing op OBS Het Kompas gestopt.")
    _veld(p, "Oplossing").fill("Observatie op SBO De Brug, daarna besluit over de plek.")
    _veld(p, "Waar de casus verder wordt besproken").fill("OT van OBS De Regenboog")
    p.get_by_role("button", name="Opslaan en traject afsluiten").click()
    p.wait_for_load_state()
    assert "Het traject is geëvalueerd en afgesloten." in _hoofd(p)
    traject.refresh_from_db()
    assert traject.status == TrajectStatus.AFGESLOTEN
    assert traject.afgesloten_op == vandaag
    assert traject.oplossing.startswith("Observatie op SBO De Brug")
    reis.controleer("traject afgesloten")
    p.get_by_role("link", name="Interventies afgesloten").click()
    p.wait_for_load_state()
    rij = p.get_by_role("row", name=re.compile(re.escape(naam)))
    assert "3. een andere school binnen het eigen bestuur (beëindigd)" in rij.inner_text()
    reis.controleer("afgesloten overzicht")
