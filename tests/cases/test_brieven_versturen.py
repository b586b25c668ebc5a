"""Letters reach ouders [issue 17 'Letters reach ouders'; domain §12; Awb 3:41, 6:8]: the product lists
the letters to ouders that still need to be printed and posted, and the sender records how and on
which day each was sent — the SWV (SLL, beheerder) its own TLV letters, the school its own."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from cases.models.brieven import Brief, VerzendWijze
from cases.services.brieven import markeer_verzonden
from tests.factories import LeerlingFactory
from tests.factories.brieven import gerenderde_brief

pytestmark = pytest.mark.django_db
URL = "brieven_versturen"


def _brief(world, *, swv_zaak: bool, leerling=None, **kw):
    leerling = leerling or LeerlingFactory(swv=world.swv, school=world.school, school__groep=5)
    b = gerenderde_brief(leerling=leerling, **kw)
    if swv_zaak:
        b.content_type = ContentType.objects.get(app_label="tlv", model="tlvaanvraag")
    else:
        b.content_type = ContentType.objects.get(app_label="zorgplicht", model="aanmelding")
    b.object_id = 1
    b.aan_ouders = True
    b.geadresseerden = [{"naam": "J. Verzonnen", "adres": "Demostraat 1", "postcode_plaats": "9999 ZZ Ede"}]
    b.save()
    return b


def test_sll_ziet_de_brieven_van_het_swv_de_school_de_hare(world, login):
    """[domain §12] The SWV posts its own decisions (TLV); the school's bevoegd gezag its own."""
    tlv = _brief(world, swv_zaak=True, onderwerp="Besluit TLV")
    school = _brief(world, swv_zaak=False, onderwerp="Besluit zorgplicht")
    sll = login(world.users["sll"]).get(reverse(URL)).content.decode()
    assert tlv.kenmerk in sll and school.kenmerk not in sll
    directeur = login(world.users["directeur"]).get(reverse(URL)).content.decode()
    assert school.kenmerk in directeur and tlv.kenmerk not in directeur
    assert "Demostraat 1" in directeur  # the address to print on the envelope


def test_niet_klaar_al_verzonden_of_niet_aan_ouders_staat_er_niet_in(world, login):
    """[issue 17] Only letters to ouders whose PDF is ready and that are not yet sent."""
    klaar = _brief(world, swv_zaak=True)
    niet_klaar = _brief(world, swv_zaak=True)
    Brief.objects.filter(pk=niet_klaar.pk).update(sha256="")
    verzonden = _brief(world, swv_zaak=True)
    markeer_verzonden(brief=verzonden, door=world.users["sll"])
    melding = _brief(world, swv_zaak=True)
    Brief.objects.filter(pk=melding.pk).update(aan_ouders=False)  # a melding to leerplicht
    html = login(world.users["sll"]).get(reverse(URL)).content.decode()
    assert klaar.kenmerk in html
    for b in (niet_klaar, verzonden, melding):
        assert b.kenmerk not in html


def test_vastleggen_als_verzonden_met_wijze_en_datum_awb_3_41(world, login):
    """[Awb 3:41, 6:8] The day of posting is recorded with how; it is the day of bekendmaking."""
    a, b = _brief(world, swv_zaak=True), _brief(world, swv_zaak=True)
    gisteren = timezone.localdate() - timedelta(days=1)
    Brief.objects.filter(pk__in=[a.pk, b.pk]).update(aangemaakt_op=timezone.now() - timedelta(days=3))
    client = login(world.users["sll"])
    r = client.post(
        reverse(URL), {"brief": [a.pk, b.pk], "op": gisteren.strftime("%d-%m-%Y"), "wijze": VerzendWijze.POST}
    )
    assert r.status_code == 302
    for x in (a, b):
        x.refresh_from_db()
        assert (x.bekendgemaakt_op, x.verzonden_wijze, x.verzonden_door) == (
            gisteren,
            VerzendWijze.POST,
            world.users["sll"],
        )
    assert "2 brieven vastgelegd als verzonden" in client.get(reverse(URL)).content.decode()


@pytest.mark.parametrize(
    "post, melding",
    [
        ({}, "Kies de brieven"),
        ({"op": "31-02-2026"}, "geldige datum"),
        ({"op": "future"}, "in de toekomst"),
        ({"op": "voor"}, "vóór de dag waarop"),
    ],
    ids=["niets-gekozen", "ongeldige-datum", "toekomst", "voor-de-brief"],
)
def test_foute_invoer_zegt_wat_er_mis_is_en_legt_niets_vast(world, login, post, melding):
    """[issue 17] A refused posting names the condition, keeps the choice, records nothing."""
    b = _brief(world, swv_zaak=True)
    data = {"wijze": VerzendWijze.POST, **post}
    if post.get("op") == "future":
        data["op"] = (timezone.localdate() + timedelta(days=1)).strftime("%d-%m-%Y")
    if post.get("op") == "voor":
        data["op"] = (timezone.localdate() - timedelta(days=1)).strftime("%d-%m-%Y")  # made today
    if post:
        data["brief"] = [b.pk]
    r = login(world.users["sll"]).post(reverse(URL), data)
    assert r.status_code == 400
    assert melding in r.content.decode()
    if post:
        assert f'value="{b.pk}" id="brief-{b.pk}" checked' in r.content.decode()
    b.refresh_from_db()
    assert b.verzonden_op is None


def test_een_brief_van_een_ander_kan_niet_worden_vastgelegd(world, login):
    """[security] A letter outside the user's list (the school's, or another SWV's) is refused."""
    school = _brief(world, swv_zaak=False)
    r = login(world.users["sll"]).post(
        reverse(URL), {"brief": [school.pk], "op": timezone.localdate().strftime("%d-%m-%Y"), "wijze": "post"}
    )
    assert r.status_code == 400
    assert "staat niet (meer) in deze lijst" in r.content.decode()
    school.refresh_from_db()
    assert school.verzonden_op is None


def test_tweemaal_verzenden_kan_niet(world):
    """[domain §12] A sent letter does not change."""
    b = _brief(world, swv_zaak=True)
    markeer_verzonden(brief=b, door=world.users["sll"], op=timezone.localdate())
    with pytest.raises(ValidationError, match="al verzonden"):
        markeer_verzonden(brief=b, door=world.users["sll"])


def test_mijn_werk_meldt_de_brieven_die_klaarliggen(world, login):
    """[issue 17] The SLL sees on Mijn werk how many letters wait to be posted."""
    _brief(world, swv_zaak=True)
    _brief(world, swv_zaak=True)
    html = login(world.users["sll"]).get(reverse("home")).content.decode()
    assert "2 brieven aan ouders liggen klaar om te versturen" in html
    assert "Brieven versturen" not in login(world.users["deskundige"]).get(reverse("home")).content.decode()


def test_brieflijst_van_een_zaak_toont_hoe_verzonden(world):
    """[issue 17] The letters of a zaak say when and how they were sent."""
    from django.template.loader import render_to_string

    b = _brief(world, swv_zaak=True)
    html = render_to_string("brieven/_lijst.html", {"brieven": [b]})
    assert "nog niet" in html
    b = markeer_verzonden(brief=b, door=world.users["sll"], wijze=VerzendWijze.UITGEREIKT)
    html = render_to_string("brieven/_lijst.html", {"brieven": [b]})
    assert "persoonlijk uitgereikt" in html and "nog niet" not in html


def test_aantal_queries_constant(world, login, django_assert_max_num_queries):
    """[issue 17] The list's queries do not grow with its length."""
    client = login(world.users["sll"])
    _brief(world, swv_zaak=True)
    client.get(reverse(URL))
    for _ in range(15):
        _brief(world, swv_zaak=True)
    with django_assert_max_num_queries(14):
        r = client.get(reverse(URL))
    assert r.content.decode().count('name="brief"') == 16


def test_maak_brief_zet_aan_ouders(world):
    """[domain §12] A letter with the default addressees goes to the ouders; one with explicit
    addressees (leerplicht, inspectie) does not."""
    from cases.services.brieven import maak_brief
    from tests.factories.verzuim import leerling_met_ouder

    ll = leerling_met_ouder(school=world.school, voornaam="Tim")
    kw = dict(
        zaak=ll, leerling=ll, template="brieven/test_besluit.html", onderwerp="x", context={}, door=None
    )
    assert maak_brief(soort="a", **kw).aan_ouders is True
    assert maak_brief(soort="b", geadresseerden=[{"naam": "Leerplicht"}], **kw).aan_ouders is False


def test_demo_brieven_verzonden_op_twee_na(world):
    """[issue 17] The demo's old letters are recorded as posted; the newest of the SWV and of a
    school wait in "Brieven versturen"; running twice changes nothing."""
    import io

    from cases.demo import brieven as demo_brieven

    oud_swv, nieuw_swv = _brief(world, swv_zaak=True), _brief(world, swv_zaak=True)
    nieuw_school = _brief(world, swv_zaak=False)

    class Wereld:
        swv = world.swv

    demo_brieven.bouw(Wereld, leerlingen=0, stdout=io.StringIO())
    demo_brieven.bouw(Wereld, leerlingen=0, stdout=io.StringIO())
    open_ = set(Brief.objects.te_versturen().values_list("pk", flat=True))
    assert open_ == {nieuw_swv.pk, nieuw_school.pk}
    oud_swv.refresh_from_db()
    assert oud_swv.verzonden_wijze == VerzendWijze.POST and oud_swv.bekendgemaakt_op == timezone.localdate()
