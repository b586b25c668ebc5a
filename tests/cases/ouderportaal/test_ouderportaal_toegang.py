"""Access to the ouderportaal [issue 17]: the school or SWV invites an ouder with gezag from the
dossier; the single-use, expiring link sets a password; every login needs a code by e-mail,
with lockout and audit as for staff [issue 14]; an ouder reaches no staff page."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from cases.models import OuderKoppeling, OuderUitnodiging
from cases.models.audit import AuditActie, AuditRegel
from cases.ouderportaal.models.toegang import token_hash
from tests.factories import GebruikerFactory, LeerlingFactory, OuderFactory
from tests.factories.ouderportaal import gezin

pytestmark = pytest.mark.django_db

WACHTWOORD = "Zonnebloem-aan-de-Dijk-42"


def _uitnodigen(client, world, ouder, rol="ib"):
    client.force_login(world.users[rol])
    return client.post(reverse("ouder_uitnodigen", args=[ouder.leerling_id, ouder.pk]))


def _link_uit_mail(bericht) -> str:
    return re.search(r"http\S+/ouders/uitnodiging/\S+/", bericht.body).group(0)


def _pad(link: str) -> str:
    return link[link.index("/ouders/") :]


def _code_uit_mail() -> str:
    return re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1)


def _nieuwe_ouder(world, **kw):
    kind = LeerlingFactory(swv=world.swv, school=world.school, school__groep=4, voornaam="Noor")
    return OuderFactory(leerling=kind, naam="Marieke Verhoevendijk", email="Marieke@Ouders.example", **kw)


def _log_in(client, email, wachtwoord=WACHTWOORD):
    return client.post(reverse("login"), {"username": email, "password": wachtwoord})


class TestUitnodigingEnEersteLogin:
    def test_uitnodigen_wachtwoord_inloggen_code_portaal(
        self, world, client, django_capture_on_commit_callbacks
    ):
        """[issue 17] invite → set password → login → e-mail code → portal; the mails carry no child
        data beyond the first name; the link is stored hashed only."""
        ouder = _nieuwe_ouder(world)
        with django_capture_on_commit_callbacks(execute=True):
            r = _uitnodigen(client, world, ouder)
        assert r.status_code == 302 and r["Location"] == reverse("dossier", args=[ouder.leerling_id])
        assert len(mail.outbox) == 1
        uitnodiging_mail = mail.outbox[0]
        assert uitnodiging_mail.to == ["Marieke@Ouders.example"]
        assert "Noor" in uitnodiging_mail.body and ouder.leerling.achternaam not in uitnodiging_mail.body
        link = _link_uit_mail(uitnodiging_mail)
        token = link.rstrip("/").rsplit("/", 1)[1]
        uitnodiging = OuderUitnodiging.objects.get(ouder=ouder)
        assert uitnodiging.token_sha256 == token_hash(token) and token not in uitnodiging.token_sha256
        assert uitnodiging.verloopt_op - timezone.now() > timedelta(days=6, hours=23)

        client.logout()
        r = client.get(_pad(link))
        assert r.status_code == 200 and "Kies een wachtwoord" in r.content.decode()
        r = client.post(_pad(link), {"wachtwoord1": "kort", "wachtwoord2": "kort"})
        assert r.status_code == 400, r.status_code
        assert "te kort" in r.content.decode(), re.findall(
            r"veldfout.*", r.content.decode()
        )  # Django validators, Dutch
        r = client.post(_pad(link), {"wachtwoord1": WACHTWOORD, "wachtwoord2": WACHTWOORD})
        assert r.status_code == 302 and r["Location"].startswith(reverse("login"))
        koppeling = OuderKoppeling.objects.get(ouder=ouder)
        assert koppeling.gebruiker.username == "marieke@ouders.example"
        assert not koppeling.gebruiker.rollen.exists()

        r = _log_in(client, "Marieke@ouders.example")  # a phone capitalises the first letter
        assert r.status_code == 302
        r = client.get(reverse("tweede_stap") + "?next=/ouders/")
        tekst = r.content.decode()
        assert r.status_code == 200 and "m•••@ouders.example" in tekst and "Stuur een nieuwe code" in tekst
        assert "demo-code" not in tekst  # not a demo environment
        code_mail = mail.outbox[-1]
        assert code_mail.to == ["marieke@ouders.example"] and "Noor" not in code_mail.body
        r = client.post(reverse("tweede_stap"), {"code": _code_uit_mail(), "next": "/ouders/"})
        assert r.status_code == 302 and r["Location"] == "/ouders/"
        r = client.get(reverse("ouders:start"))
        assert r.status_code == 200 and "Noor" in r.content.decode()
        # The login row goes to the child's SWV, so its beheerder sees the ouder's logins [issue 14].
        ingelogd = AuditRegel.objects.filter(actie=AuditActie.INGELOGD, gebruiker=koppeling.gebruiker)
        assert list(ingelogd.values_list("swv_id", flat=True)) == [world.swv.pk]

    def test_gebruikte_en_verlopen_link_geweigerd_met_nederlandse_melding(
        self, world, client, django_capture_on_commit_callbacks
    ):
        """[issue 17] Single use and expiring: a used link 410 'al gebruikt', an expired one 410
        'verlopen', an unknown one 404; a new invitation makes the earlier link stop working."""
        ouder = _nieuwe_ouder(world)
        # Two requests, each mailed after its own commit (one superseded before its mail left is
        # never mailed: tests/cases/ouderportaal/test_ouderportaal_uitnodiging_outbox.py).
        with django_capture_on_commit_callbacks(execute=True):
            _uitnodigen(client, world, ouder)
        with django_capture_on_commit_callbacks(execute=True):
            _uitnodigen(client, world, ouder)
        eerste, tweede = (_pad(_link_uit_mail(m)) for m in mail.outbox)
        client.logout()
        r = client.get(eerste)
        assert r.status_code == 410 and "nieuwere uitnodiging" in r.content.decode()
        client.post(tweede, {"wachtwoord1": WACHTWOORD, "wachtwoord2": WACHTWOORD})
        r = client.get(tweede)
        assert r.status_code == 410 and "al gebruikt" in r.content.decode()
        assert client.get("/ouders/uitnodiging/bestaat-niet/").status_code == 404

        ander = OuderFactory(leerling=ouder.leerling, naam="Joost", email="joost@ouders.example")
        with django_capture_on_commit_callbacks(execute=True):
            _uitnodigen(client, world, ander, rol="sll")
        link = _pad(_link_uit_mail(mail.outbox[-1]))
        client.logout()
        with time_machine.travel(timezone.now() + timedelta(days=8)):
            r = client.post(link, {"wachtwoord1": WACHTWOORD, "wachtwoord2": WACHTWOORD})
        assert r.status_code == 410 and "verlopen" in r.content.decode()
        assert not OuderKoppeling.objects.filter(ouder=ander).exists()

    def test_alleen_gezag_en_email_en_alleen_school_of_swv(
        self, world, client, django_capture_on_commit_callbacks
    ):
        """[issue 17] No gezag or no e-mail: refused with the reason; a leerkracht or an IB'er of
        another school cannot invite (403)."""
        zonder_gezag = _nieuwe_ouder(world, gezag=False)
        with django_capture_on_commit_callbacks(execute=True):
            r = _uitnodigen(client, world, zonder_gezag)
        assert r.status_code == 302 and not mail.outbox
        bericht = [str(m) for m in r.wsgi_request._messages]
        assert any("geen gezag" in m for m in bericht)
        zonder_mail = OuderFactory(leerling=zonder_gezag.leerling, email="")
        r = _uitnodigen(client, world, zonder_mail)
        assert any("geen e-mailadres" in str(m) for m in r.wsgi_request._messages)
        ouder = _nieuwe_ouder(world)
        assert _uitnodigen(client, world, ouder, rol="leerkracht").status_code == 403
        client.force_login(world.ib_a2)  # IB'er of school A2: the child is not at his school
        assert client.post(reverse("ouder_uitnodigen", args=[ouder.leerling_id, ouder.pk])).status_code == 404
        assert not OuderUitnodiging.objects.filter(ouder=ouder).exists()

    def test_bestaand_account_koppelt_na_inloggen(self, world, client, django_capture_on_commit_callbacks):
        """[issue 17] An invite for an address that already has an ouder account links the second
        child to that account once that ouder has logged in."""
        eerste = gezin(world.school, email="marieke@ouders.example")
        tweede_kind = LeerlingFactory(swv=world.swv, school=world.school, school__groep=5, voornaam="Sam")
        ouder2 = OuderFactory(leerling=tweede_kind, naam=eerste.ouder.naam, email="marieke@ouders.example")
        with django_capture_on_commit_callbacks(execute=True):
            _uitnodigen(client, world, ouder2)
        link = _pad(_link_uit_mail(mail.outbox[-1]))
        client.logout()
        r = client.get(link)
        assert r.status_code == 200 and "Log eerst in" in r.content.decode()
        client.force_login(eerste.gebruiker)
        r = client.get(link)
        assert "Sam toevoegen aan mijn account" in r.content.decode()
        r = client.post(link)
        assert r.status_code == 302
        assert OuderKoppeling.objects.get(ouder=ouder2).gebruiker == eerste.gebruiker
        namen = client.get(reverse("ouders:start")).content.decode()
        assert "Sam" in namen and eerste.kind.voornaam in namen

    def test_toegang_intrekken(self, world, client):
        """[issue 17] 'Toegang intrekken' ends access at once; the panel shows the state."""
        g = gezin(world.school)
        client.force_login(world.users["ib"])
        paneel = client.get(reverse("dossier", args=[g.kind.pk])).content.decode()
        assert "Ouders en ouderportaal" in paneel and "account actief" in paneel
        client.post(reverse("ouder_toegang_intrekken", args=[g.kind.pk, g.ouder.pk]))
        assert OuderKoppeling.objects.get(ouder=g.ouder).ingetrokken_op is not None
        client.force_login(g.gebruiker)
        assert client.get(reverse("ouders:kind", args=[g.kind.pk])).status_code == 404
        assert g.kind.voornaam not in client.get(reverse("ouders:start")).content.decode()


class TestTweedeStapPerEmail:
    def test_foute_code_telt_mee_voor_de_blokkade(self, world, client, settings, zonder_tweede_factor):
        """[issue 17; issue 14] Wrong e-mail codes count toward the same axes lockout as staff,
        each with a TWEEDE_FACTOR_MISLUKT audit row; locked, the half-logged-in session ends."""
        g = gezin(world.school)
        g.gebruiker.set_password(WACHTWOORD)
        g.gebruiker.save()
        _log_in(client, g.gebruiker.username)
        client.get(reverse("tweede_stap"))
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            assert client.post(reverse("tweede_stap"), {"code": "000000"}).status_code == 400
        r = client.post(reverse("tweede_stap"), {"code": "000000"})
        assert r.status_code == 429
        assert "_auth_user_id" not in client.session
        regels = AuditRegel.objects.filter(actie=AuditActie.TWEEDE_FACTOR_MISLUKT)
        assert regels.count() == settings.AXES_FAILURE_LIMIT
        assert _log_in(client, g.gebruiker.username).status_code == 429

    def test_code_verloopt_na_tien_minuten_en_nieuwe_code(self, world, client, zonder_tweede_factor):
        """[issue 17] A code is valid 10 minutes; 'stuur een nieuwe code' sends one (once a minute)."""
        g = gezin(world.school)
        g.gebruiker.set_password(WACHTWOORD)
        g.gebruiker.save()
        _log_in(client, g.gebruiker.username)
        client.get(reverse("tweede_stap"))
        oude = _code_uit_mail()
        aantal = len(mail.outbox)
        r = client.post(reverse("tweede_stap"), {"opnieuw": "1"}, follow=True)
        assert "Over een minuut" in r.content.decode() and len(mail.outbox) == aantal
        with time_machine.travel(timezone.now() + timedelta(minutes=11)):
            assert client.post(reverse("tweede_stap"), {"code": oude}).status_code == 400
            r = client.post(reverse("tweede_stap"), {"opnieuw": "1"}, follow=True)
            assert "nieuwe code gestuurd" in r.content.decode() and len(mail.outbox) == aantal + 1
            r = client.post(reverse("tweede_stap"), {"code": _code_uit_mail(), "next": "/ouders/"})
        assert r.status_code == 302 and r["Location"] == "/ouders/"

    def test_demo_toont_de_email_code_alleen_in_de_demo(self, world, client, settings, zonder_tweede_factor):
        """[issue 17] PASSEND_DEMO and a demo address (.example): the page shows the code as
        `.demo-code`, as for the TOTP demo; without PASSEND_DEMO never."""
        g = gezin(world.school)
        g.gebruiker.set_password(WACHTWOORD)
        g.gebruiker.save()
        settings.PASSEND_DEMO = True
        _log_in(client, g.gebruiker.username)
        tekst = client.get(reverse("tweede_stap")).content.decode()
        assert f'<code class="demo-code">{_code_uit_mail()}</code>' in tekst
        settings.PASSEND_DEMO = False
        assert "demo-code" not in client.get(reverse("tweede_stap")).content.decode()

    def test_staf_houdt_totp(self, world, client, zonder_tweede_factor):
        """[issue 14] Staff keep the authenticator app: no e-mail code for them."""
        from tests.tweefactor import apparaat_voor

        apparaat_voor(world.users["ib"])
        client.post(reverse("login"), {"username": "ib", "password": "demo"})
        tekst = client.get(reverse("tweede_stap")).content.decode()
        assert "authenticator-app" in tekst and not mail.outbox


class TestGeenStafpaginas:
    def test_mijn_werk_stuurt_naar_het_portaal(self, world, client):
        """[issue 17] 'Mijn werk' sends an ouder to the portal; the menu has no staff items."""
        g = gezin(world.school)
        client.force_login(g.gebruiker)
        r = client.get(reverse("home"))
        assert r.status_code == 302 and r["Location"] == reverse("ouders:start")
        tekst = client.get(reverse("ouders:start")).content.decode()
        assert "Mijn kinderen" in tekst and "Leerlingen" not in tekst and "Meldingen" not in tekst

    def test_elke_stafpagina_weigert_de_ouder(self, world, client):
        """[issue 17] Every staff URL of the matrix (with its own builder), by its own method,
        refuses an ouder: 403/404/405 or a redirect, never a page or a 500."""
        from tests.matrix import alle_entries

        g = gezin(world.school)
        vrij = {
            "login",
            "logout",
            "password_change",
            "password_change_done",
            "password_reset",
            "password_reset_done",
            "password_reset_confirm",
            "password_reset_complete",
            "tweede_stap",
            "tweede_stap_instellen",
            "tweede_stap_qr",
            "termijnen:agenda_feed",
        }
        fouten = []
        for naam, toegang in sorted(alle_entries().items()):
            if naam.startswith("ouders:") or naam in vrij:
                continue
            url = reverse(naam, kwargs=toegang.kwargs(world) if toegang.kwargs else None)
            client.force_login(g.gebruiker)
            resp = getattr(client, toegang.methode)(url)
            if resp.status_code not in (302, 403, 404, 405):
                fouten.append(f"{naam}: {resp.status_code}")
            elif resp.status_code == 302 and naam != "home" and not naam.startswith("admin:"):
                fouten.append(f"{naam}: onverwachte redirect naar {resp['Location']}")
        assert not fouten, "\n".join(fouten)

    def test_staf_komt_niet_in_het_portaal(self, world, client):
        g = gezin(world.school)
        client.force_login(world.users["sll"])
        assert client.get(reverse("ouders:kind", args=[g.kind.pk])).status_code == 403
        client.force_login(GebruikerFactory())
        assert client.get(reverse("ouders:start")).status_code == 403
