"""Every demo user logs in and sees a home page that matches the role's scope [issue 2]."""

import pytest

pytestmark = pytest.mark.e2e

VERWACHT = {
    "ib": ["intern begeleider", "OBS De Regenboog"],
    "leerkracht": ["leerkracht", "OBS De Regenboog"],
    "directeur": ["directeur", "OBS De Regenboog"],
    "sc": ["steunpuntcoördinator", "regio Ede"],
    "cjk": ["contactpersoon jonge kind", "regio Ede"],
    "sll": ["secretaresse leerlingenzaken", "Vallei & Rijn"],
    "tla": ["TLA-voorzitter", "Vallei & Rijn"],
    "deskundige1": ["deskundige", "orthopedagoog"],
    "deskundige2": ["deskundige", "kinderpsychiater"],
    "bestuurder": ["directeur-bestuurder", "Vallei & Rijn"],
    "lpa": ["leerplichtambtenaar", "gemeente Ede"],
    "beheer": ["beheerder", "Vallei & Rijn"],
}


def test_elke_demogebruiker_logt_in_en_ziet_zijn_werkgebied(reis):
    p = reis.ga_naar("/account/inloggen/")
    reis.controleer("inlogpagina")
    for gebruiker, teksten in VERWACHT.items():
        reis.login(gebruiker, controleer_tweede_stap=gebruiker == "ib")
        inhoud = p.locator("main").inner_text()
        for tekst in teksten:
            assert tekst in inhoud, f"{gebruiker}: '{tekst}' staat niet op Mijn werk"
        if gebruiker in ("ib", "sc", "bestuurder"):
            reis.controleer(f"mijn werk {gebruiker}")
        reis.logout()


def test_acht_foute_wachtwoorden_blokkeren_met_nederlandse_uitleg(reis):
    """[issue 14] Eight wrong passwords lock the account; the page says why and for how long."""
    p = reis.ga_naar("/account/inloggen/")
    for _ in range(8):
        p.get_by_label("Gebruikersnaam").fill("sll")
        p.get_by_label("Wachtwoord").fill("geen-idee")
        with p.expect_navigation():
            p.get_by_role("button", name="Inloggen").click()
    inhoud = p.locator("main").inner_text()
    assert "Inloggen is tijdelijk geblokkeerd" in inhoud and "30 minuten" in inhoud
    reis.controleer("geblokkeerd")
