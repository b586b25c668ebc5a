"""User journeys in headless Chromium [issue 9]: Playwright for Python drives Debian's `chromium`
(no browser download) against the app served by pytest-django's live server, with the demo SWV.

Without Chromium the journeys are skipped with a message saying how to get it — except when
PASSEND_E2E_REQUIRED=1 (set by .ci/run): then a missing Chromium fails the run."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the live server and the ORM calls of
# the fixtures are synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SCREENSHOTS = Path(__file__).parent / "screenshots"
CHROMIUM_KANDIDATEN = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]


def chromium_pad() -> str | None:
    gekozen = os.environ.get("PASSEND_CHROMIUM")
    if gekozen:  # an explicit choice is the only candidate
        return gekozen if Path(gekozen).exists() else None
    for pad in CHROMIUM_KANDIDATEN:
        if Path(pad).exists():
            return pad
    return shutil.which("chromium")


def pytest_collection_modifyitems(config, items):
    if chromium_pad():
        return
    reden = (
        "Geen Chromium gevonden: installeer Debian's pakket (`apt-get install chromium`) of zet "
        "PASSEND_CHROMIUM op het pad van een Chromium-browser om de e2e-journeys te draaien."
    )
    for item in items:
        if "e2e" in item.keywords:
            if os.environ.get("PASSEND_E2E_REQUIRED") == "1":
                item.fixturenames.insert(0, "_chromium_verplicht")
            else:
                item.add_marker(pytest.mark.skip(reason=reden))


@pytest.fixture
def _chromium_verplicht():
    pytest.fail("Chromium ontbreekt in CI; .ci/run installeert het Debian-pakket chromium.")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(
            executable_path=chromium_pad(),
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield b
        b.close()


@pytest.fixture
def demo(transactional_db, settings):
    """The demo SWV as `make run` loads it (demo_data refuses without PASSEND_DEMO)."""
    from django.core.management import call_command

    settings.PASSEND_DEMO = True
    call_command("demo_data", verbosity=0)  # the demo exactly as `make run` loads it


class Reis:
    """One journey: a browser page plus helpers that check every page as a user would."""

    def __init__(self, page, base_url: str, naam: str):
        self.page = page
        self.base_url = base_url
        self.map = SCREENSHOTS / naam
        self.map.mkdir(parents=True, exist_ok=True)
        self.teller = 0

    def ga_naar(self, pad: str):
        self.page.goto(self.base_url + pad)
        return self.page

    def login(self, gebruiker: str, wachtwoord: str = "demo", *, controleer_tweede_stap: bool = False):
        """Log in with the keyboard alone: tab to the fields, type, press Enter."""
        p = self.ga_naar("/account/inloggen/")
        p.get_by_label("Gebruikersnaam").focus()
        p.keyboard.type(gebruiker)
        p.keyboard.press("Tab")
        p.keyboard.type(wachtwoord)
        with p.expect_navigation():
            p.keyboard.press("Enter")
        assert "/account/inloggen/" not in p.url, f"inloggen als {gebruiker} mislukte"
        if controleer_tweede_stap:
            self.controleer("tweede stap")
        self.tweede_stap(gebruiker)

    @staticmethod
    def code(gebruiker: str) -> str:
        """The current code of a demo user's app (demo key), usable again (replay lifted)."""
        from django_otp.oath import TOTP
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from cases.tweefactor import demo_sleutel

        TOTPDevice.objects.filter(user__username=gebruiker).update(last_t=-1)
        return f"{TOTP(bytes.fromhex(demo_sleutel(gebruiker))).token():06d}"

    def tweede_stap(self, gebruiker: str):
        """[issue 14] Type the code of the demo device: computed from the documented demo key, and
        the same code the demo page shows. Replay protection is lifted first (a journey may log the
        same user in twice within 30 seconds)."""
        from django_otp.oath import TOTP
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from cases.tweefactor import demo_sleutel

        p = self.page
        assert "/account/tweede-stap/" in p.url, p.url
        TOTPDevice.objects.filter(user__username=gebruiker).update(last_t=-1)
        code = f"{TOTP(bytes.fromhex(demo_sleutel(gebruiker))).token():06d}"
        getoond = p.locator(".demo-code").inner_text()
        if getoond != code:  # the 30-second step turned between page and computation
            p.reload()
            code = f"{TOTP(bytes.fromhex(demo_sleutel(gebruiker))).token():06d}"
            getoond = p.locator(".demo-code").inner_text()
        assert getoond == code
        p.get_by_label("Code uit uw authenticator-app", exact=False).focus()
        p.keyboard.type(code)
        with p.expect_navigation():
            p.keyboard.press("Enter")
        assert "/account/" not in p.url, f"tweede stap als {gebruiker} mislukte: {p.url}"

    def logout(self):
        with self.page.expect_navigation():
            self.page.get_by_role("button", name="Uitloggen").click()

    def controleer(self, titel: str):
        """Screenshot, axe-core (no serious/critical violations), and keyboard reachability."""
        self.teller += 1
        naam = re.sub(r"[^a-z0-9]+", "-", titel.lower()).strip("-")
        self.page.screenshot(path=str(self.map / f"{self.teller:02d}-{naam}.png"), full_page=True)
        from axe_playwright_python.sync_playwright import Axe

        resultaat = Axe().run(self.page)
        ernstig = [v for v in resultaat.response["violations"] if v["impact"] in ("serious", "critical")]
        regels = [
            f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}"
            for v in ernstig
        ]
        assert not ernstig, f"{titel}: toegankelijkheidsfouten\n" + "\n".join(regels)
        self.verwijzingen_kloppen(titel)
        self.toetsenbord_bereikbaar(titel)

    def verwijzingen_kloppen(self, titel: str):
        """Every id that aria-describedby / aria-labelledby names exists on the page, so a screen
        reader reads a field's help text and its error with the field (axe did not report the
        missing ids as a violation)."""
        los = self.page.evaluate(
            """() => [...document.querySelectorAll('[aria-describedby], [aria-labelledby]')]
                 .flatMap(e => ['aria-describedby', 'aria-labelledby']
                   .flatMap(a => (e.getAttribute(a) || '').split(/\\s+/))
                   .filter(id => id && !document.getElementById(id))
                   .map(id => `${e.outerHTML.slice(0, 80)} -> #${id}`))"""
        )
        assert not los, f"{titel}: aria-verwijzing naar een id dat niet bestaat: {los}"

    def toetsenbord_bereikbaar(self, titel: str):
        """Every link, button and field in the main content can be reached with Tab, and the
        first Tab lands on the skip link."""
        p = self.page
        # Start sequential focus navigation at the very top of the document, as after a page load.
        p.evaluate("""() => { const s = document.createElement('span'); s.id = 'e2e-start'; s.tabIndex = -1;
                              document.body.prepend(s); s.focus(); }""")
        p.keyboard.press("Tab")
        eerste = p.evaluate("document.activeElement && document.activeElement.className")
        p.evaluate("document.getElementById('e2e-start').remove()")
        assert "skiplink" in (eerste or ""), f"{titel}: de eerste Tab komt niet op 'Naar de inhoud'"
        niet_bereikbaar = p.evaluate(
            """() => [...document.querySelectorAll(
                    'main a[href], main button, main input:not([type=hidden]), main select, '
                    + 'main textarea, main summary')]
                 .filter(e => e.offsetParent !== null && e.tabIndex < 0)
                 .map(e => e.outerHTML.slice(0, 80))"""
        )
        assert not niet_bereikbaar, f"{titel}: niet met Tab bereikbaar: {niet_bereikbaar}"


@pytest.fixture
def reis(browser, live_server, demo, request):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    yield Reis(page, live_server.url, request.node.name)
    context.close()
