"""The ouderportaal invitation goes through the outbox [issue 17; issue 13; ADR 0009].

"A decision's letters, mails and notifications are recorded in its transaction and delivered after
commit, surviving a broker outage and a killed worker": `nodig_uit` records the task in its
transaction; the task makes the token when it sends (only its hash is stored), stamps
`verstuurd_op` and sends nothing a second time. Until then the dossier panel says "uitnodiging
wordt verstuurd"."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from cases.models import OuderKoppeling, OuderUitnodiging, UitgaandeTaak
from cases.ouderportaal.models.toegang import token_hash
from cases.ouderportaal.services import toegang
from cases.services import uitgaand
from cases.tasks import stuur_ouder_uitnodiging_task
from tests.factories import LeerlingFactory, OuderFactory
from tests.outbox_werker import celery_instellingen
from tests.test_outbox import ONBEREIKBAAR, REDIS_OPTIES

WACHTWOORD = "Zonnebloem-aan-de-Dijk-42"


def _ouder(world, **kw):
    kind = LeerlingFactory(swv=world.swv, school=world.school, school__groep=4, voornaam="Noor")
    return OuderFactory(leerling=kind, naam="Marieke Verhoevendijk", email="marieke@ouders.example", **kw)


def _link(bericht) -> str:
    link = re.search(r"http\S+/ouders/uitnodiging/\S+/", bericht.body).group(0)
    return link[link.index("/ouders/") :]


def _paneel(client, world, ouder) -> str:
    client.force_login(world.users["ib"])
    return client.get(reverse("dossier", args=[ouder.leerling_id])).content.decode()


@pytest.mark.django_db
def test_gepland_in_de_transactie_zonder_token(world, client):
    """[issue 17; issue 13] The invitation is an outbox row made in the decision's transaction; no
    token exists before the mail leaves; the panel says it is being sent."""
    ouder = _ouder(world)
    u = toegang.nodig_uit(ouder=ouder, door=world.users["ib"])
    rij = UitgaandeTaak.objects.get(taak=stuur_ouder_uitnodiging_task.name)
    assert rij.args == [u.pk] and not rij.is_gedaan
    u.refresh_from_db()
    assert u.token_sha256 is None and u.verstuurd_op is None and not mail.outbox
    assert "uitnodiging wordt verstuurd" in _paneel(client, world, ouder)


@pytest.mark.django_db(transaction=True)
def test_broker_weg_rij_blijft_en_sweep_stuurt_later(world, client):
    """[issue 13 (a); issue 17] With the broker down the invitation commits and waits; the sweep
    sends it later, once; then the panel shows it as sent."""
    ouder = _ouder(world)
    with celery_instellingen(
        broker_write_url=ONBEREIKBAAR, broker_transport_options=REDIS_OPTIES, task_always_eager=False
    ):
        client.force_login(world.users["ib"])
        r = client.post(reverse("ouder_uitnodigen", args=[ouder.leerling_id, ouder.pk]))
    assert r.status_code == 302
    rij = UitgaandeTaak.objects.get(taak=stuur_ouder_uitnodiging_task.name)
    assert not rij.is_gedaan and rij.laatst_verstuurd_op is None and not mail.outbox
    u = OuderUitnodiging.objects.get(ouder=ouder)
    assert u.verstuurd_op is None and u.token_sha256 is None
    assert "uitnodiging wordt verstuurd" in _paneel(client, world, ouder)

    uitgaand.verstuur_openstaande(nu=timezone.now() + timedelta(minutes=1))  # broker back (eager)
    rij.refresh_from_db()
    u.refresh_from_db()
    assert rij.is_gedaan and len(mail.outbox) == 1 and mail.outbox[0].to == ["marieke@ouders.example"]
    assert u.verstuurd_op is not None and u.token_sha256
    tekst = _paneel(client, world, ouder)
    assert "uitnodiging wordt verstuurd" not in tekst and "verstuurd op" in tekst
    uitgaand.verstuur_openstaande(nu=timezone.now() + timedelta(minutes=20))
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_dubbele_taak_stuurt_een_mail(world):
    """[issue 13] A duplicate message (sweep and redelivery) sends one mail; the token stays."""
    u = toegang.nodig_uit(ouder=_ouder(world), door=world.users["ib"])
    assert stuur_ouder_uitnodiging_task.apply(args=[u.pk]).get() is True
    u.refresh_from_db()
    hash_eerst = u.token_sha256
    assert stuur_ouder_uitnodiging_task.apply(args=[u.pk]).get() is False
    u.refresh_from_db()
    assert len(mail.outbox) == 1 and u.token_sha256 == hash_eerst


@pytest.mark.django_db
def test_link_uit_de_mail_werkt_een_keer(world, client):
    """[issue 17] The link the task made opens the invitation once; only its hash is stored."""
    ouder = _ouder(world)
    u = toegang.nodig_uit(ouder=ouder, door=world.users["ib"])
    toegang.stuur_uitnodiging(u.pk)
    link = _link(mail.outbox[0])
    token = link.rstrip("/").rsplit("/", 1)[1]
    u.refresh_from_db()
    assert u.token_sha256 == token_hash(token) and token not in u.token_sha256
    assert u.verloopt_op - u.verstuurd_op == timedelta(days=settings.PASSEND_OUDER_UITNODIGING_DAGEN)
    r = client.get(link)
    assert r.status_code == 200 and "Kies een wachtwoord" in r.content.decode()
    client.post(link, {"wachtwoord1": WACHTWOORD, "wachtwoord2": WACHTWOORD})
    assert OuderKoppeling.objects.filter(ouder=ouder).exists()
    client.logout()
    r = client.get(link)
    assert r.status_code == 410 and "al gebruikt" in r.content.decode()


@pytest.mark.django_db
def test_niet_versturen_na_nieuwere_uitnodiging_intrekking_of_zonder_gezag(world):
    """[issue 17] Superseded, withdrawn, or the ouder lost gezag before the mail left: nothing is
    sent and no token is made."""
    ouder = _ouder(world)
    eerste = toegang.nodig_uit(ouder=ouder, door=world.users["ib"])
    tweede = toegang.nodig_uit(ouder=ouder, door=world.users["ib"])
    assert toegang.stuur_uitnodiging(eerste.pk) is False
    toegang.trek_in(ouder=ouder, door=world.users["ib"])
    assert toegang.stuur_uitnodiging(tweede.pk) is False
    derde = toegang.nodig_uit(ouder=ouder, door=world.users["ib"])
    type(ouder).objects.filter(pk=ouder.pk).update(gezag=False)
    assert toegang.stuur_uitnodiging(derde.pk) is False
    assert not mail.outbox
    assert not OuderUitnodiging.objects.filter(ouder=ouder, token_sha256__isnull=False).exists()


@pytest.mark.django_db
def test_mislukte_mail_bewaart_geen_token_en_de_retry_stuurt(world, monkeypatch):
    """[issue 13] An SMTP failure: the task raises (Celery retries), no token or verstuurd_op is
    stored; the next run sends the mail with a fresh token."""
    u = toegang.nodig_uit(ouder=_ouder(world), door=world.users["ib"])

    def kapot(*a, **k):
        raise OSError("smtp weg")

    monkeypatch.setattr(toegang, "send_mail", kapot)
    with pytest.raises(OSError):
        toegang.stuur_uitnodiging(u.pk)
    u.refresh_from_db()
    assert u.token_sha256 is None and u.verstuurd_op is None
    monkeypatch.undo()
    assert toegang.stuur_uitnodiging(u.pk) is True
    assert len(mail.outbox) == 1
