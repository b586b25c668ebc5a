"""Bezwaar in the ouderportaal [issue 17, part 2; 002 §1.12 (ontvangstbevestiging within 5
werkdagen), 002 L208; 004 L776-781; Awb 6:7, 6:8, 6:11]: an ouder with gezag objects to a decision
letter with a bezwaarclausule (TLV, verwijdering). Received the day he submits it; the zaak's own
service registers it on his behalf; a late one carries his reason, the SLL / directeur judges."""

from datetime import date, timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from cases.models import Brief, OuderBezwaar, OuderDocument
from cases.models.audit import AuditActie, AuditRegel
from cases.termijnen.models.termijnen import Termijn, TermijnSoort
from tests.factories import SchoolbestuurFactory
from tests.factories.ouderportaal import als_pdf, ouder_account, pdf_upload
from tests.factories.tlv import concept, leerling_met_ouders, naar
from tests.tweefactor import code_voor
from tlv import services as tlv_services
from tlv.models import Status
from verzuim.services import bezwaar_portaal
from verzuim.services import bezwaar_verwijdering as bsvc
from verzuim.services import verwijdering as vsvc

pytestmark = pytest.mark.django_db
BESLUIT = date(2026, 3, 12)  # Thu; bezwaartermijn until Thu 2026-04-23 (Awb 6:7, 6:8)


def _ouder_met_account(leerling):
    ouder = leerling.ouders.get(gezag=True)
    ouder.email = f"ouder{leerling.pk}@ouders.example"
    ouder.save(update_fields=["email"])
    return ouder, ouder_account(ouder)


def _tlv_besluit(world):
    leerling = leerling_met_ouders(world, groep=6)
    aanvraag = naar(
        world, concept(world, leerling=leerling), Status.TER_ONDERTEKENING, ontvangen_op=date(2026, 1, 6)
    )
    tlv_services.onderteken(
        aanvraag=aanvraag,
        door=world.users["bestuurder"],
        wachtwoord="demo",
        op=BESLUIT,
        code=code_voor(world.users["bestuurder"]),
    )
    aanvraag.refresh_from_db()
    brief = als_pdf(Brief.objects.filter(object_id=aanvraag.pk, bezwaarclausule=True).latest("pk"))
    ouder, gebruiker = _ouder_met_account(leerling)
    return aanvraag, brief, gebruiker


def _verwijdering_besluit(world, besluit=date(2026, 1, 29)):
    """Verwijdering decided Thu 2026-01-29; bezwaartermijn until Thu 2026-03-12."""
    from tests.factories.verzuim import leerling_met_ouder

    school = world.school
    school.bestuur = SchoolbestuurFactory(swv=world.swv, denominatie="openbaar")
    school.save()
    d = world.users["directeur"]
    v = vsvc.start_verwijdering(
        leerling=leerling_met_ouder(school=school, voornaam="Lotte"),
        aanleiding="Herhaalde ernstige incidenten.",
        ouders_geinformeerd_op=besluit - timedelta(days=3),
        door=d,
        vandaag=besluit - timedelta(days=3),
    )
    vsvc.hoor(verwijdering=v, wie="leerkracht", op=besluit - timedelta(days=2), verslag="Gehoord.", door=d)
    vsvc.hoor(verwijdering=v, wie="ouders", op=besluit - timedelta(days=1), verslag="Gehoord.", door=d)
    v = vsvc.besluit_verwijdering(verwijdering=v, motivering="Veiligheid.", door=d, vandaag=besluit)
    brief = als_pdf(Brief.objects.filter(object_id=v.pk, bezwaarclausule=True).latest("pk"))
    ouder, gebruiker = _ouder_met_account(v.leerling)
    return v, brief, gebruiker


def _dien_in(client, gebruiker, brief, **data):
    client.force_login(gebruiker)
    return client.post(reverse("ouders:bezwaar", args=[brief.pk]), data)


# --- TLV --------------------------------------------------------------------------------------------


def test_op_tijd_bezwaar_start_de_ontvangstbevestiging_van_5_werkdagen_002_L208(world, client):
    """[002 §1.12, 002 L208][issue 17] Submitted Fri 2026-04-17, on time: received that day, the
    ontvangstbevestiging term runs to Fri 2026-04-24 (5 werkdagen); the ouder is told so."""
    aanvraag, brief, ouder = _tlv_besluit(world)
    with time_machine.travel(date(2026, 4, 17), tick=False):
        client.force_login(ouder)
        pagina = client.get(reverse("ouders:bezwaar", args=[brief.pk])).content.decode()
        assert "Wat is bezwaar?" in pagina and "23 april 2026" in pagina  # until when, in plain words
        assert "Waarom komt uw bezwaar later?" not in pagina
        r = _dien_in(client, ouder, brief, gronden="Wij willen dat Daan naar het so gaat.")
        assert r.status_code == 302
        pagina = client.get(reverse("ouders:bezwaar", args=[brief.pk])).content.decode()
    bezwaar = aanvraag.bezwaren.get()
    assert bezwaar.ontvangen_op == date(2026, 4, 17)
    assert bezwaar.ingediend_via_portaal and bezwaar.geregistreerd_door == ouder
    assert bezwaar.gronden == "Wij willen dat Daan naar het so gaat." and not bezwaar.te_laat
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.IN_BEZWAAR
    termijn = Termijn.objects.get(soort=TermijnSoort.ONTVANGSTBEVESTIGING_BEZWAAR, object_id=aanvraag.pk)
    assert termijn.einde == date(2026, 4, 24)
    assert "ontvangen op <strong>17 april 2026</strong>" in pagina
    assert "uiterlijk <strong>24 april 2026</strong> een ontvangstbevestiging" in pagina
    assert AuditRegel.objects.filter(
        actie=AuditActie.AANGEMAAKT, gebruiker=ouder, omschrijving__contains="bezwaar ingediend"
    ).exists()


def test_sll_ziet_het_bezwaar_ingediend_via_het_ouderportaal(world, client):
    """[issue 17] The SLL sees who submitted it, how and when, and the term on the termijnen."""
    aanvraag, brief, ouder = _tlv_besluit(world)
    with time_machine.travel(date(2026, 4, 17), tick=False):
        _dien_in(client, ouder, brief, gronden="Niet eens.")
        client.force_login(world.users["sll"])
        pagina = client.get(reverse("tlv:detail", args=[aanvraag.pk])).content.decode()
    naam = ouder.get_full_name() or ouder.username
    assert f"ingediend door {naam} via het ouderportaal op" in pagina
    assert "Niet eens." in pagina
    with time_machine.travel(date(2026, 4, 17), tick=False):
        termijnen = client.get(reverse("home")).content.decode()
    assert "Ontvangstbevestiging bezwaar" in termijnen


def test_te_laat_bezwaar_vraagt_de_reden_en_laat_het_oordeel_aan_de_sll_004_L776(world, client):
    """[004 L776-781][Awb 6:11] After the term the ouder must say why it is late; the reason is
    stored as his explanation, not as a judgement: verschoonbaar stays unjudged for the SLL."""
    aanvraag, brief, ouder = _tlv_besluit(world)
    with time_machine.travel(date(2026, 4, 27), tick=False):
        r = _dien_in(client, ouder, brief, gronden="Niet eens.")
        assert r.status_code == 200
        tekst = r.content.decode()
        assert "Schrijf op waarom uw bezwaar later komt" in tekst
        assert "Niet eens." in tekst  # nothing typed lost
        assert not aanvraag.bezwaren.exists()
        r = _dien_in(client, ouder, brief, gronden="Niet eens.", reden_te_laat="Ik lag in het ziekenhuis.")
        assert r.status_code == 302
    bezwaar = aanvraag.bezwaren.get()
    assert bezwaar.te_laat and bezwaar.toelichting_te_laat == "Ik lag in het ziekenhuis."
    assert bezwaar.verschoonbaar is False and bezwaar.verschoonbaar_reden == ""  # the SLL judges
    tlv_services.beoordeel_termijnoverschrijding(
        bezwaar=bezwaar, door=world.users["sll"], verschoonbaar=True, reden="Ziekenhuisopname aangetoond."
    )
    bezwaar.refresh_from_db()
    assert bezwaar.verschoonbaar and not bezwaar.niet_ontvankelijk


def test_tweede_bezwaar_wordt_vriendelijk_geweigerd(world, client):
    """[issue 17] One bezwaar per decision."""
    aanvraag, brief, ouder = _tlv_besluit(world)
    with time_machine.travel(date(2026, 4, 17), tick=False):
        _dien_in(client, ouder, brief, gronden="Eerste.")
        r = _dien_in(client, ouder, brief, gronden="Tweede.")
        assert r.status_code == 302
        tekst = client.get(r.url).content.decode()
    assert "U heeft al bezwaar gemaakt tegen dit besluit" in tekst
    assert aanvraag.bezwaren.count() == 1 and OuderBezwaar.objects.count() == 1


def test_bijlage_gaat_naar_de_documenten_van_ouders_en_een_nep_pdf_wordt_geweigerd(world, client):
    """[issue 17] The attachment is checked like every upload; a refusal keeps the text."""
    aanvraag, brief, ouder = _tlv_besluit(world)
    with time_machine.travel(date(2026, 4, 17), tick=False):
        nep = pdf_upload("verslag.pdf", b"<html><script>alert(1)</script></html>")
        r = _dien_in(client, ouder, brief, gronden="Mijn gronden.", bijlage=nep)
        assert r.status_code == 200 and "Mijn gronden." in r.content.decode()
        assert "Kies het bestand opnieuw" in r.content.decode()
        assert not aanvraag.bezwaren.exists() and not OuderDocument.objects.exists()
        r = _dien_in(client, ouder, brief, gronden="Mijn gronden.", bijlage=pdf_upload())
        assert r.status_code == 302
    bezwaar = OuderBezwaar.objects.get()
    assert bezwaar.bijlage.titel.startswith("Bijlage bij bezwaar") and bezwaar.bijlage.status == "wacht"


def test_service_weigert_een_ouder_zonder_gezag_en_staf_route_blijft_sll(world):
    """[issue 17] No loophole: the portal path needs gezag; the staff path stays SLL-only."""
    aanvraag, brief, ouder = _tlv_besluit(world)
    aanvraag.leerling.ouders.update(gezag=False)
    with time_machine.travel(date(2026, 4, 17), tick=False):
        with pytest.raises(PermissionDenied, match="gezag"):
            tlv_services.registreer_bezwaar_van_ouder(aanvraag=aanvraag, door=ouder, gronden="x")
        with pytest.raises(PermissionDenied, match="secretaresse"):
            tlv_services.registreer_bezwaar(
                aanvraag=aanvraag, door=ouder, ontvangen_op=date(2026, 4, 17), indiener="ouders"
            )


def test_geen_gezag_ander_gezin_of_brief_zonder_bezwaarclausule_is_404(world, client):
    """[issue 17] The letter comes through the ouder's own scope; no bezwaarclausule: no form."""
    from tests.factories.ouderportaal import gezin

    aanvraag, brief, ouder = _tlv_besluit(world)
    ander = gezin(world.school)
    client.force_login(ander.gebruiker)
    assert client.get(reverse("ouders:bezwaar", args=[brief.pk])).status_code == 404
    assert client.get(reverse("ouders:bezwaar", args=[ander.brief.pk])).status_code == 404  # no clausule
    aanvraag.leerling.ouders.update(gezag=False)
    client.force_login(ouder)
    assert client.get(reverse("ouders:bezwaar", args=[brief.pk])).status_code == 404
    assert not aanvraag.bezwaren.exists()


# --- verwijdering --------------------------------------------------------------------------------


def test_verwijdering_bezwaar_op_tijd_via_het_portaal_004_L776(world, client):
    """[004 L642-646, L776-781] On time: registered with the ouder as submitter; the directeur
    sees it with the gronden; the beslistermijn runs."""
    v, brief, ouder = _verwijdering_besluit(world)
    with time_machine.travel(date(2026, 3, 10), tick=False):
        r = _dien_in(client, ouder, brief, gronden="Lotte verdient een tweede kans.")
        assert r.status_code == 302
        tekst = client.get(r.url).content.decode()
        client.force_login(world.users["directeur"])
        staf = client.get(v.get_absolute_url()).content.decode()
    v.refresh_from_db()
    assert v.bezwaar_ontvangen_op == date(2026, 3, 10) and v.bezwaar_ingediend_door == ouder
    assert v.bezwaar_verschoonbaar is None and not v.bezwaar_te_laat
    assert "ontvangen op <strong>10 maart 2026</strong>" in tekst and "een beslissing" in tekst
    assert "via het ouderportaal op" in staf and "Lotte verdient een tweede kans." in staf


def test_verwijdering_te_laat_directeur_beoordeelt_daarna_004_L776(world, client):
    """[004 L776-781][Awb 6:11] Late via the portal: registered with the ouder's reason and
    verschoonbaar unjudged; no decision before the directeur judged it; then the normal route."""
    v, brief, ouder = _verwijdering_besluit(world)
    d = world.users["directeur"]
    with time_machine.travel(date(2026, 3, 16), tick=False):
        r = _dien_in(client, ouder, brief, gronden="Niet eens.", reden_te_laat="Brief kwam laat aan.")
        assert r.status_code == 302
        v.refresh_from_db()
        assert v.bezwaar_te_laat and v.bezwaar_verschoonbaar is None
        assert v.bezwaar_toelichting_te_laat == "Brief kwam laat aan."
        client.force_login(d)
        assert "Te laat: verschoonbaar?" in client.get(v.get_absolute_url()).content.decode()
        with pytest.raises(Exception, match="Beoordeel eerst"):
            bsvc.beslis_op_bezwaar(verwijdering=v, uitkomst="ongegrond", motivering="x", door=d)
        with pytest.raises(PermissionDenied):
            bezwaar_portaal.beoordeel_termijnoverschrijding(
                verwijdering=v, verschoonbaar=True, verschoonbaar_reden="x", door=ouder
            )
        r = client.post(
            v.get_absolute_url(),
            {
                "actie": "termijn",
                "bt-verschoonbaar": "ja",
                "bt-verschoonbaar_reden": "Poststoring aangetoond.",
            },
        )
        assert r.status_code == 302
    v.refresh_from_db()
    assert v.bezwaar_verschoonbaar is True and v.bezwaar_verschoonbaar_reden == "Poststoring aangetoond."


def test_verwijdering_staf_route_blijft_directeur(world):
    """[issue 17] The ouder cannot use the directeur's registration."""
    v, brief, ouder = _verwijdering_besluit(world)
    with pytest.raises(PermissionDenied):
        bsvc.registreer_bezwaar(verwijdering=v, ontvangen_op=date(2026, 3, 2), door=ouder)
