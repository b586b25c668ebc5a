"""Letters reach ouders through the portal [issue 17 'Letters reach ouders'; Awb 2:14, 3:41, 6:8]:
when a letter's PDF is stored, each addressed ouder with an active portal account gets an e-mail
that a letter is ready — without its content — and the letter is in the portal. When every
addressee has an account, the letter counts as made known in the portal that day; otherwise it
stays in "Brieven versturen" to be posted to the others."""

import pytest
from django.core import mail
from django.utils import timezone

from cases.models import Brief, BriefBericht
from cases.models.brieven import VerzendWijze
from cases.ouderportaal.brieven import stuur_briefbericht
from cases.services.brieven import maak_brief
from tests.factories import LeerlingFactory, OuderFactory
from tests.factories.ouderportaal import ouder_account

pytestmark = pytest.mark.django_db(transaction=True)


def _kind(world, *, tweede_ouder_met_account: bool | None):
    kind = LeerlingFactory(swv=world.swv, school=world.school, school__groep=4)
    moeder = OuderFactory(leerling=kind, naam="M. Portaalmoeder", email="moeder@ouders.example")
    ouder_account(moeder)
    if tweede_ouder_met_account is not None:
        vader = OuderFactory(leerling=kind, naam="V. Postvader", email="vader@ouders.example")
        if tweede_ouder_met_account:
            ouder_account(vader)
    return kind, moeder


def _brief(kind, world):
    return maak_brief(
        zaak=kind,
        leerling=kind,
        soort="test",
        template="brieven/test_besluit.html",
        onderwerp="Besluit over de toelaatbaarheidsverklaring",
        context={},
        door=world.users["sll"],
        bezwaarclausule=True,
    )


def test_alle_geadresseerden_in_het_portaal_brief_is_bekendgemaakt_awb_2_14(world):
    """[Awb 2:14, 3:41] Every addressee has a portal account: the letter is made known in the portal
    today, the ouder gets one mail without content, and it is not in the post list."""
    kind, moeder = _kind(world, tweede_ouder_met_account=None)
    brief = _brief(kind, world)  # transaction=True: the render runs after commit, as in production
    brief.refresh_from_db()
    assert brief.is_gerenderd
    assert (brief.verzonden_wijze, brief.bekendgemaakt_op) == (VerzendWijze.PORTAAL, timezone.localdate())
    assert not Brief.objects.te_versturen().filter(pk=brief.pk).exists()
    assert len(mail.outbox) == 1
    bericht = mail.outbox[0]
    assert bericht.to == ["moeder@ouders.example"]
    assert "ouderportaal" in bericht.body and "/ouders/" in bericht.body
    for geheim in (brief.onderwerp, brief.kenmerk, kind.voornaam, kind.achternaam):
        assert geheim not in bericht.body and geheim not in bericht.subject


def test_een_ouder_zonder_account_krijgt_post_issue_17(world):
    """[issue 17] Ouders without e-mail keep getting post: the letter stays in the post list; the
    ouder with an account still gets the mail."""
    kind, moeder = _kind(world, tweede_ouder_met_account=False)
    brief = _brief(kind, world)
    brief.refresh_from_db()
    assert brief.verzonden_op is None
    assert Brief.objects.te_versturen().filter(pk=brief.pk).exists()
    assert [m.to for m in mail.outbox] == [["moeder@ouders.example"]]


def test_twee_ouders_met_account_elk_een_bericht(world):
    """[issue 17] Both addressees have an account: both get a mail; the letter is made known."""
    kind, moeder = _kind(world, tweede_ouder_met_account=True)
    brief = _brief(kind, world)
    brief.refresh_from_db()
    assert brief.verzonden_wijze == VerzendWijze.PORTAAL
    assert sorted(m.to[0] for m in mail.outbox) == ["moeder@ouders.example", "vader@ouders.example"]


def test_gezag_beeindigd_geen_bericht_en_post(world):
    """[issue 17 'only while that is so'] An ouder whose gezag ended gets no mail and no letter; a
    letter to nobody else with gezag is not made."""
    kind, moeder = _kind(world, tweede_ouder_met_account=False)
    moeder.gezag = False
    moeder.save()
    brief = _brief(kind, world)  # addressed to the vader only now
    brief.refresh_from_db()
    assert [a["naam"] for a in brief.geadresseerden] == ["V. Postvader"]
    assert brief.verzonden_op is None
    assert mail.outbox == []


def test_bericht_gaat_eenmaal_ook_bij_een_dubbele_taak(world):
    """[issue 13 'a duplicate message changes nothing'] The mail is sent once per letter and ouder."""
    kind, moeder = _kind(world, tweede_ouder_met_account=None)
    _brief(kind, world)
    bericht = BriefBericht.objects.get()
    assert bericht.verstuurd_op is not None
    assert stuur_briefbericht(bericht.pk) is False
    assert len(mail.outbox) == 1


def test_melding_aan_leerplicht_gaat_niet_naar_het_portaal(world):
    """[issue 16.11] A melding addressed to leerplicht is no letter to the ouders."""
    kind, moeder = _kind(world, tweede_ouder_met_account=None)
    b = maak_brief(
        zaak=kind,
        leerling=kind,
        soort="melding_test",
        template="brieven/test_besluit.html",
        onderwerp="Melding",
        context={},
        door=world.users["sll"],
        bezwaarclausule=True,
        geadresseerden=[{"naam": "Leerplichtambtenaar", "adres": "", "postcode_plaats": ""}],
    )
    b.refresh_from_db()
    assert b.is_gerenderd and b.verzonden_op is None
    assert mail.outbox == []


@pytest.mark.django_db
def test_bezwaar_in_het_portaal_alleen_waar_het_portaal_het_kan_registreren(world, login):
    """[issue 17] The "Bezwaar maken" link appears for a TLV decision and a verwijdering only; for
    another decision with a bezwaarclausule (zorgplicht) the page says the letter tells how."""
    from django.contrib.contenttypes.models import ContentType
    from django.urls import reverse

    from tests.factories.ouderportaal import gezin

    g = gezin(world.school)
    Brief.objects.filter(pk=g.brief.pk).update(
        bezwaarclausule=True,
        content_type=ContentType.objects.get(app_label="zorgplicht", model="aanmelding"),
        object_id=1,
    )
    html = login(g.gebruiker).get(reverse("ouders:kind", args=[g.kind.pk])).content.decode()
    assert reverse("ouders:bezwaar", args=[g.brief.pk]) not in html
    assert "In de brief staat hoe en bij wie u bezwaar maakt" in html
    Brief.objects.filter(pk=g.brief.pk).update(
        content_type=ContentType.objects.get(app_label="tlv", model="tlvaanvraag")
    )
    html = login(g.gebruiker).get(reverse("ouders:kind", args=[g.kind.pk])).content.decode()
    assert reverse("ouders:bezwaar", args=[g.brief.pk]) in html
