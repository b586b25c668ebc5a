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
        reis.login(gebruiker)
        inhoud = p.locator("main").inner_text()
        for tekst in teksten:
            assert tekst in inhoud, f"{gebruiker}: '{tekst}' staat niet op Mijn werk"
        if gebruiker in ("ib", "sc", "bestuurder"):
            reis.controleer(f"mijn werk {gebruiker}")
        reis.logout()
