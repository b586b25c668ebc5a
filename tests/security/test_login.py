"""Login security [issue 14]: the second factor, lockout on login and signing (with audit rows),
a fresh second factor for a TLV signature and a bezwaar decision, password policy, reset throttle
and absolute session lifetime. Each test fails on the code before issue 14."""

from datetime import date, timedelta

import pytest
import time_machine
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from cases import tweefactor
from cases.models.audit import AuditActie, AuditRegel
from tests.factories.tlv import concept, naar
from tests.tweefactor import apparaat_voor, code_voor
from tlv import services
from tlv.models import Handtekening, Status

pytestmark = pytest.mark.django_db


def _inloggen(client, username, wachtwoord="demo", **extra):
    return client.post(reverse("login"), {"username": username, "password": wachtwoord}, **extra)


# --- the second factor ---------------------------------------------------------------------------
def test_wachtwoord_alleen_geeft_geen_toegang(world, client, zonder_tweede_factor):
    """[issue 14] After the password the session is not verified: every page sends to step 2."""
    apparaat_voor(world.users["ib"])
    _inloggen(client, "ib")
    r = client.get(reverse("home"))
    assert r.status_code == 302 and r["Location"].startswith(reverse("tweede_stap"))
    assert client.get("/tlv/").status_code == 302
    r = client.get(reverse("tweede_stap"))
    assert r.status_code == 200 and "Tweede stap" in r.content.decode()


def test_tweede_stap_toont_geen_menu_of_meldingen(world, client, zonder_tweede_factor):
    """[issue 14] Between password and code the page shows the name and Uitloggen, but no menu,
    no Meldingen count and no link into the work behind the wall; after the code it all comes."""
    apparaat_voor(world.users["beheer"])
    _inloggen(client, "beheer")
    html = client.get(reverse("tweede_stap")).content.decode()
    assert "Uitloggen" in html
    assert 'aria-label="Hoofdmenu"' not in html
    assert reverse("termijnen:meldingen") not in html
    assert reverse("password_change") not in html
    r = client.post(reverse("tweede_stap"), {"code": code_voor(world.users["beheer"])})
    assert r.status_code == 302
    html = client.get(reverse("home")).content.decode()
    assert 'aria-label="Hoofdmenu"' in html
    assert reverse("termijnen:meldingen") in html


def test_force_login_zonder_verificatie_staat_voor_de_muur(world, client, zonder_tweede_factor):
    """[issue 14] Without the test fixture's verification a logged-in session sees no page."""
    client.force_login(world.users["bestuurder"])
    assert client.get(reverse("home")).status_code == 302
    assert client.get("/beheer/").status_code == 302


def test_tweede_stap_met_juiste_code(world, client, zonder_tweede_factor):
    """[issue 14] The right code verifies the session; a wrong one is refused in Dutch with a row."""
    user = world.users["ib"]
    apparaat_voor(user)
    _inloggen(client, "ib")
    r = client.post(reverse("tweede_stap"), {"code": "000000", "next": "/"})
    assert r.status_code == 400 and "klopt niet" in r.content.decode()
    regel = AuditRegel.objects.get(actie=AuditActie.TWEEDE_FACTOR_MISLUKT)
    assert regel.swv_id == world.swv.pk and regel.ip == "127.0.0.1"
    r = client.post(reverse("tweede_stap"), {"code": code_voor(user), "next": "/"})
    assert r.status_code == 302 and r["Location"] == "/"
    assert client.get(reverse("home")).status_code == 200


def test_zonder_app_eerst_koppelen_met_qr_en_herstelcodes(world, client, zonder_tweede_factor):
    """[issue 14] A user without a linked app links one (QR as SVG file, secret as text), confirms
    with a code and sees ten recovery codes once; a recovery code logs in once."""
    user = world.users["sll"]
    _inloggen(client, "sll")
    r = client.get(reverse("tweede_stap"))
    assert r.status_code == 302 and r["Location"].startswith(reverse("tweede_stap_instellen"))
    html = client.get(reverse("tweede_stap_instellen")).content.decode()
    apparaat = tweefactor.totp_apparaat(user, bevestigd=False)
    assert tweefactor.base32_geheim(apparaat.key) in html
    assert reverse("tweede_stap_qr") in html and "style=" not in html.split("<main", 1)[-1]
    qr = client.get(reverse("tweede_stap_qr"))
    assert qr["Content-Type"] == "image/svg+xml" and b"<svg" in qr.content
    r = client.post(reverse("tweede_stap_instellen"), {"code": "12345"})
    assert r.status_code == 400 and "6 cijfers" in r.content.decode()
    r = client.post(
        reverse("tweede_stap_instellen"), {"code": tweefactor.huidige_code(apparaat), "next": "/"}
    )
    html = r.content.decode()
    assert r.status_code == 200 and "maar één keer" in html
    codes = [c for c in user.staticdevice_set.get().token_set.values_list("token", flat=True)]
    assert len(codes) == 10 and all(c in html for c in codes)
    assert client.get(reverse("home")).status_code == 200
    # later, phone lost: a recovery code works once
    client.logout()
    _inloggen(client, "sll")
    assert client.post(reverse("tweede_stap"), {"code": codes[0], "next": "/"}).status_code == 302
    client.logout()
    _inloggen(client, "sll")
    assert client.post(reverse("tweede_stap"), {"code": codes[0], "next": "/"}).status_code == 400


def test_demo_toont_de_code_van_nu_alleen_voor_demo_apparaat(world, client, settings, zonder_tweede_factor):
    """[issue 14] With PASSEND_DEMO the step-2 page shows the current code of a demo device."""
    apparaat = tweefactor.geef_demo_apparaat(world.users["ib"])
    assert tweefactor.base32_geheim(apparaat.key) == "UGTTSX2ZI53CT4GSNHXXL2ZT52E4EJCW"  # README
    _inloggen(client, "ib")
    settings.PASSEND_DEMO = True
    html = client.get(reverse("tweede_stap")).content.decode()
    assert tweefactor.huidige_code(apparaat) in html and "demo" in html.lower()
    settings.PASSEND_DEMO = False
    assert "Demo: de code van nu" not in client.get(reverse("tweede_stap")).content.decode()


# --- lockout ---------------------------------------------------------------------------------------
def test_acht_foute_wachtwoorden_blokkeren_het_account(world, client):
    """[issue 14] Eight wrong passwords lock the account with a Dutch explanation; the right one is
    then refused too, also from another IP. Every failure and the lockout leave a row with the SWV."""
    for _ in range(7):
        assert _inloggen(client, "ib", "fout").status_code == 200
    r = _inloggen(client, "ib", "fout")
    assert r.status_code == 429
    assert "tijdelijk geblokkeerd" in r.content.decode() and "30 minuten" in r.content.decode()
    assert _inloggen(client, "ib").status_code == 429
    assert _inloggen(client, "ib", REMOTE_ADDR="10.9.8.7").status_code == 429
    mislukt = AuditRegel.objects.filter(actie=AuditActie.MISLUKT)
    assert mislukt.count() == 10 and set(mislukt.values_list("swv_id", flat=True)) == {world.swv.pk}
    blok = AuditRegel.objects.filter(actie=AuditActie.GEBLOKKEERD).order_by("id").first()
    assert blok.swv_id == world.swv.pk and blok.ip == "127.0.0.1"
    assert not AuditRegel.objects.filter(actie=AuditActie.INGELOGD).exists()
    # another user from another IP is not affected
    assert _inloggen(client, "sll", REMOTE_ADDR="10.9.8.6").status_code == 302


def test_acht_fouten_vanaf_een_ip_blokkeren_dat_ip(world, client):
    """[issue 14] Per IP: eight failures with different usernames lock that address."""
    for i in range(8):
        _inloggen(client, f"gok{i}", "fout", REMOTE_ADDR="10.1.1.1")
    assert _inloggen(client, "sll", REMOTE_ADDR="10.1.1.1").status_code == 429
    assert _inloggen(client, "sll", REMOTE_ADDR="10.1.1.2").status_code == 302


def test_foute_codes_tellen_mee_en_loggen_uit(world, client, zonder_tweede_factor):
    """[issue 14] Wrong second-step codes count toward the same lockout; locked, the half-logged-in
    session ends."""
    apparaat_voor(world.users["ib"])
    _inloggen(client, "ib")
    for _ in range(7):
        assert client.post(reverse("tweede_stap"), {"code": "000000"}).status_code == 400
    r = client.post(reverse("tweede_stap"), {"code": "000000"})
    assert r.status_code == 429 and "tijdelijk geblokkeerd" in r.content.decode()
    assert client.get(reverse("home")).status_code == 302
    assert "_auth_user_id" not in client.session
    assert AuditRegel.objects.filter(actie=AuditActie.TWEEDE_FACTOR_MISLUKT).count() == 8
    assert _inloggen(client, "ib").status_code == 429


# --- a fresh second factor for signing and deciding ----------------------------------------------
def _teken(client, aanvraag, **data):
    return client.post(reverse("tlv:stap", args=[aanvraag.pk, "ondertekenen"]), data)


def test_vijftig_foute_handtekeningwachtwoorden_dan_weigert_ook_het_juiste(world, client):
    """[issue 14] The sign form was an unlimited, unlogged password oracle: now it counts toward the
    lockout; after 50 wrong passwords the right password and code are refused and nothing is signed."""
    user = world.users["bestuurder"]
    aanvraag = naar(world, concept(world), Status.TER_ONDERTEKENING)
    client.force_login(user)
    for _ in range(50):
        r = _teken(client, aanvraag, wachtwoord="fout", code="000000")
        assert r.status_code == 400
    assert "30 minuten geblokkeerd" in r.content.decode()
    r = _teken(client, aanvraag, wachtwoord="demo", code=code_voor(user))
    assert r.status_code == 400 and "30 minuten geblokkeerd" in r.content.decode()
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.TER_ONDERTEKENING and not Handtekening.objects.exists()
    assert AuditRegel.objects.filter(actie=AuditActie.MISLUKT, swv=world.swv).count() == 51
    assert AuditRegel.objects.filter(actie=AuditActie.GEBLOKKEERD).exists()


def test_ondertekenen_vraagt_wachtwoord_en_code(world, client):
    """[issue 14] The right password alone no longer signs: a current code of the app is needed."""
    user = world.users["bestuurder"]
    aanvraag = naar(world, concept(world), Status.TER_ONDERTEKENING)
    client.force_login(user)
    r = _teken(client, aanvraag, wachtwoord="demo", code="000000")
    assert r.status_code == 400 and "Er is niets ondertekend" in r.content.decode()
    assert not Handtekening.objects.exists()
    assert AuditRegel.objects.filter(actie=AuditActie.TWEEDE_FACTOR_MISLUKT, swv=world.swv).count() == 1
    with pytest.raises(ValidationError) as exc:
        services.onderteken(aanvraag=aanvraag, door=user, wachtwoord="demo", code="")
    assert "code" in exc.value.message_dict
    assert _teken(client, aanvraag, wachtwoord="demo", code=code_voor(user)).status_code == 302
    assert Handtekening.objects.count() == 1


def _bezwaar_klaar_om_te_beslissen(world):
    aanvraag = naar(world, concept(world), Status.TER_ONDERTEKENING, ontvangen_op=date(2026, 1, 6))
    b = world.users["bestuurder"]
    services.onderteken(aanvraag=aanvraag, door=b, wachtwoord="demo", code=code_voor(b), op=date(2026, 3, 12))
    with time_machine.travel(date(2026, 4, 14), tick=False):
        bezwaar = services.registreer_bezwaar(
            aanvraag=aanvraag, door=world.users["sll"], ontvangen_op=date(2026, 4, 14), indiener="ouders"
        )
        services.bevestig_ontvangst(bezwaar=bezwaar, door=world.users["sll"], op=date(2026, 4, 14))
    services.leg_bemiddeling_vast(
        bezwaar=bezwaar,
        door=world.users["sll"],
        gesprek_op=date(2026, 5, 6),
        advies_op=date(2026, 5, 11),
        advies="Besluit handhaven.",
    )
    return aanvraag, bezwaar


def test_beslissen_op_bezwaar_vraagt_wachtwoord_en_code(world, client):
    """[issue 14] Deciding on a bezwaar needed no re-entry at all: now password and a current code;
    a refusal decides nothing and keeps the typed motivering."""
    aanvraag, bezwaar = _bezwaar_klaar_om_te_beslissen(world)
    user = world.users["bestuurder"]
    client.force_login(user)
    url = reverse("tlv:stap", args=[aanvraag.pk, "bezwaar_beslissen"])
    data = {"uitkomst": "ongegrond", "motivering": "Het besluit blijft in stand, want."}
    r = client.post(url, {**data, "wachtwoord": "fout", "code": code_voor(user)})
    assert r.status_code == 400
    html = r.content.decode()
    assert "Het wachtwoord klopt niet. Er is niets beslist." in html
    assert "Het besluit blijft in stand, want." in html
    bezwaar.refresh_from_db()
    assert bezwaar.beslist_op is None
    r = client.post(url, {**data, "wachtwoord": "demo", "code": "000000"})
    assert r.status_code == 400 and "Er is niets beslist" in r.content.decode()
    r = client.post(url, {**data, "wachtwoord": "demo", "code": code_voor(user)})
    assert r.status_code == 302
    bezwaar.refresh_from_db()
    assert bezwaar.uitkomst == "ongegrond"


# --- password policy, reset throttle, absolute lifetime --------------------------------------------
def test_wachtwoordbeleid(world):
    """[issue 14] At least 12 characters; common, numeric and look-alike passwords refused."""
    user = world.users["ib"]
    user.first_name, user.last_name, user.username = "Jan", "de Vries", "jdevries"
    for zwak in ["Wachtwoord1", "Passend2026", "jdevries2026!", "123456789012", "password1234"]:
        with pytest.raises(ValidationError):
            validate_password(zwak, user)
    validate_password("Kaas-Fiets-Regen-9", user)


def test_wachtwoordreset_hoogstens_drie_mails_per_uur_per_adres(world, client):
    """[issue 14] Reset mails are throttled per address; the answer is the same for a known and
    an unknown address and for a throttled one."""
    cache.clear()
    user = world.users["ib"]
    user.email = "ib@school.example"
    user.save()
    antwoorden = [client.post(reverse("password_reset"), {"email": "IB@school.example"}) for _ in range(5)]
    assert len(mail.outbox) == 3
    onbekend = client.post(reverse("password_reset"), {"email": "niemand@school.example"})
    assert {(r.status_code, r["Location"]) for r in [*antwoorden, onbekend]} == {
        (302, reverse("password_reset_done"))
    }
    with time_machine.travel(timezone.now() + timedelta(hours=1, minutes=1)):
        cache.clear()  # locmem does not follow time_machine for expiry; a new hour starts empty
        client.post(reverse("password_reset"), {"email": "ib@school.example"})
    assert len(mail.outbox) == 4


def test_absolute_sessieduur(world, client, settings):
    """[issue 14] However active, a session ends SESSION_ABSOLUTE_HOURS (10) after the login."""
    settings.SESSION_COOKIE_AGE = 24 * 3600  # isolate the absolute limit from the idle timeout
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.force_login(world.users["ib"])
    with time_machine.travel(start + timedelta(hours=9, minutes=59), tick=False):
        assert client.get(reverse("home")).status_code == 200
    with time_machine.travel(start + timedelta(hours=10, minutes=1), tick=False):
        r = client.get(reverse("home"), follow=True)
        assert r.redirect_chain[0][1] == 302 and r.redirect_chain[0][0].startswith(reverse("login"))
        assert "langer dan 10 uur ingelogd" in r.content.decode()
        assert client.get(reverse("home")).status_code == 302
    assert AuditRegel.objects.filter(actie=AuditActie.UITGELOGD).exists()


def test_demo_data_geeft_elk_demo_account_een_bekend_apparaat(settings):
    """[issue 14] Every demo account can pass the second step: a confirmed TOTP device with the
    documented demo key."""
    from django.core.management import call_command
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from cases.models import Gebruiker

    settings.PASSEND_DEMO = True
    call_command("demo_data", leerlingen=0, verbosity=0)
    met_rol = Gebruiker.objects.filter(rollen__isnull=False).distinct()
    assert met_rol.count() >= 12
    for user in met_rol:
        apparaat = TOTPDevice.objects.get(user=user)
        assert apparaat.confirmed and apparaat.key == tweefactor.demo_sleutel(user.username)


def test_tweede_stap_stuurt_niet_door_naar_een_ander_adres(world, client, zonder_tweede_factor):
    """[issue 14] `next` of the second step only leads to a path on this site."""
    user = world.users["ib"]
    apparaat_voor(user)
    _inloggen(client, "ib")
    for doel in ["https://kwaad.example/", "//kwaad.example/", "abc"]:
        r = client.post(reverse("tweede_stap"), {"code": code_voor(user), "next": doel})
        assert r.status_code == 302 and r["Location"] == "/", doel
        client.logout()
        _inloggen(client, "ib")
