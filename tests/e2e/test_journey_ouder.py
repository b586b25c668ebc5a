"""The ouder's journey on a phone [issue 17 'Done when']: the school invites Marieke, mother of the
demo pupil Noor; she sets a password, logs in with a code by e-mail, reads the OPP, signs the
handelingsdeel, writes her zienswijze, later reads the TLV letter and submits a bezwaar. The SLL
sees the bezwaar with the ontvangstbevestiging term running, and the TLV completeness check counts
her signature. Every page at 390×844 passes axe and keyboard checks (Reis.controleer)."""

import re

import pytest
from django.core import mail

from tests.e2e.conftest import Reis

pytestmark = pytest.mark.e2e

MARIEKE = "marieke@ouders.example"
WACHTWOORD = "Lang-genoeg-wachtwoord-2026"


@pytest.fixture
def telefoon(browser, live_server, demo, request):
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(15000)
    yield Reis(page, live_server.url, request.node.name)
    context.close()


def _zonder_account():
    """The demo gives Marieke an account; this journey starts before she has one."""
    from cases.models import Gebruiker, OuderKoppeling

    OuderKoppeling.objects.filter(ouder__email=MARIEKE).delete()
    # Her demo account holds what the demo did with it (a document she sent): keep it, renamed.
    Gebruiker.objects.filter(username=MARIEKE).update(
        username="marieke.demo-eerder@ouders.example",
        email="marieke.demo-eerder@ouders.example",
        is_active=False,
    )


def _klik(p, naam: str, *, rol: str = "link"):
    p.get_by_role(rol, name=naam, exact=False).first.click()
    p.wait_for_load_state()


def _demo_code(p) -> str:
    return p.locator(".demo-code").inner_text().strip()


def test_ouder_tekent_geeft_mening_en_maakt_bezwaar_op_de_telefoon(telefoon):
    from cases.models import Leerling
    from tlv.models import Bezwaar

    reis, p = telefoon, telefoon.page
    _zonder_account()
    noor = Leerling.objects.get(voornaam="Noor", achternaam="Verhoevendijk")

    # 1. The SWV invites Marieke from Noor's dossier (school and SWV bureau may).
    reis.login("sll")
    reis.ga_naar(f"/leerlingen/{noor.pk}/")
    p.get_by_role("button", name="Uitnodigen (Marieke Verhoevendijk)").click()
    p.wait_for_load_state()
    assert "Marieke Verhoevendijk" in p.locator("main").inner_text()
    reis.logout()
    uitnodiging = [m for m in mail.outbox if MARIEKE in m.to]
    assert uitnodiging, "de uitnodiging is niet gemaild"
    pad = re.search(r"/ouders/uitnodiging/\S+/", uitnodiging[-1].body).group(0)

    # 2. She sets a password through the link.
    reis.ga_naar(pad)
    reis.controleer("uitnodiging wachtwoord kiezen")
    p.get_by_label("Kies een wachtwoord").fill(WACHTWOORD)
    p.get_by_label("Typ het wachtwoord nog een keer").fill(WACHTWOORD)
    _klik(p, "Wachtwoord opslaan", rol="button")
    assert "/account/inloggen/" in p.url

    # 3. She logs in; the second step is a code by e-mail.
    p.get_by_label("Gebruikersnaam").fill(MARIEKE)
    p.get_by_label("Wachtwoord").fill(WACHTWOORD)
    _klik(p, "Inloggen", rol="button")
    assert "/account/tweede-stap/" in p.url
    reis.controleer("code per e-mail")
    p.get_by_role("textbox", name="Code uit de e-mail").fill(_demo_code(p))
    _klik(p, "Verder", rol="button")
    assert "/ouders/" in p.url
    reis.controleer("portaal start")

    # 4. Noor's page, the OPP, and signing the handelingsdeel with a fresh code.
    _klik(p, "Noor Verhoevendijk")
    reis.controleer("kind")
    _klik(p, "Lees het OPP")
    reis.controleer("opp")
    _klik(p, "Handelingsdeel lezen en ondertekenen")
    p.locator("input[name=gelezen]").check()
    _klik(p, "Stuur mij een code", rol="button")
    reis.controleer("ondertekenen met code")
    p.get_by_role("textbox", name="Code uit de e-mail").fill(_demo_code(p))
    _klik(p, "Ondertekenen", rol="button")
    assert "ondertekend" in p.locator("main").inner_text()

    # 5. Her zienswijze, in her own words.
    _klik(p, "mening schrijven")
    p.get_by_label("Uw mening").fill("Wij zien dat Noor rustiger is in de kleine groep. Graag meer contact.")
    _klik(p, "Mening bewaren", rol="button")
    assert "Wij zien dat Noor rustiger is" in p.locator("main").inner_text()

    # 6. Later: the TLV letter, and a bezwaar (the decision is from April: late, so she says why).
    reis.ga_naar(f"/ouders/kind/{noor.pk}/")
    _klik(p, "Bezwaar maken")
    reis.controleer("bezwaar")
    p.get_by_label("Waarom bent u het niet eens met het besluit?").fill(
        "Wij willen dat Noor op een school dichter bij huis kan blijven."
    )
    te_laat = p.get_by_label("Waarom komt uw bezwaar later?")
    if te_laat.count():
        te_laat.fill("De brief kwam pas laat bij ons aan.")
    _klik(p, "Bezwaar versturen", rol="button")
    assert "Uw bezwaar is ontvangen" in p.locator("main").inner_text()
    reis.controleer("bezwaar ontvangen")
    reis.logout()

    # 7. The SLL sees the bezwaar, submitted through the portal, with the ontvangstbevestiging term.
    bezwaar = Bezwaar.objects.get(aanvraag__leerling=noor, ingediend_via_portaal=True)
    reis.login("sll")
    reis.ga_naar(f"/tlv/{bezwaar.aanvraag_id}/")
    inhoud = p.locator("main").inner_text()
    assert "via het ouderportaal" in inhoud
    assert "Ontvangstbevestiging" in inhoud and "(5 werkdagen)" in inhoud
    assert bezwaar.bevestiging_uiterlijk is not None and bezwaar.bevestigd_op is None

    # 8. Her digital signature counts as the written signature of the handelingsdeel: it is among the
    # akkoorden the TLV completeness check counts (OPPAkkoord.objects.ondertekend()).
    from cases.dossier.models.opp import OPP, AkkoordWijze, OPPAkkoord

    laatste = OPP.objects.filter(leerling=noor).order_by("-versie").first()
    akkoord = OPPAkkoord.objects.ondertekend().get(opp=laatste, ouder__email=MARIEKE)
    assert akkoord.wijze == AkkoordWijze.DIGITAAL and len(akkoord.sha256) == 64
