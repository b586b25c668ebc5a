"""Documents ouders send for the dossier [issue 17, part 2; 002 §1.4 (documents in the dossier)]:
the upload checks of the dossier (content sniffing, size, private storage) apply; the document
waits in a queue ('Documenten van ouders') for the IB'er/directeur of the child's school or the
SWV bureau, who opens it (audited), accepts it into the dossier with a soort of his choice
(a normal Document, linked back) or declines it with a reason the ouder reads."""

from datetime import date

import pytest
from django.test import override_settings
from django.urls import reverse

from cases.models import Document, OuderDocument
from cases.models.audit import AuditActie, AuditRegel
from cases.ouderportaal.services import documenten as service
from tests.factories.ouderportaal import gezin, ouderdocument, pdf_upload

pytestmark = pytest.mark.django_db


def _stuur(client, g, **data):
    client.force_login(g.gebruiker)
    return client.post(reverse("ouders:documenten", args=[g.kind.pk]), data)


def test_ouder_stuurt_een_document_het_wacht_en_hij_ziet_de_stand(world, client):
    """[issue 17] The upload lands in the queue, not yet in the dossier; the ouder sees it waiting."""
    g = gezin(world.school)
    r = _stuur(client, g, titel="Verslag van de psycholoog", toelichting="Van april.", bestand=pdf_upload())
    assert r.status_code == 302
    doc = OuderDocument.objects.get()
    assert (doc.leerling, doc.ouder, doc.gebruiker, doc.status) == (g.kind, g.ouder, g.gebruiker, "wacht")
    assert doc.mimetype == "application/pdf" and "verslag" not in doc.bestand.name  # random name
    assert not Document.objects.filter(leerling=g.kind).exists()
    tekst = client.get(r.url).content.decode()
    assert "Verslag van de psycholoog" in tekst and "De school kijkt er nog naar." in tekst
    assert AuditRegel.objects.filter(
        actie=AuditActie.AANGEMAAKT, gebruiker=g.gebruiker, leerling=g.kind
    ).exists()


def test_nep_pdf_wordt_geweigerd_en_de_tekst_blijft_staan(world, client):
    """[issue 17; issue 3] Content sniffing as for staff uploads: HTML named .pdf is refused,
    with a Dutch reason; the typed title and explanation stay in the form."""
    g = gezin(world.school)
    nep = pdf_upload("verslag.pdf", b"<html><body>geen pdf</body></html>")
    r = _stuur(client, g, titel="Mijn verslag", toelichting="Belangrijk", bestand=nep)
    assert r.status_code == 200
    tekst = r.content.decode()
    assert "gecontroleerd, niet alleen aan de naam" in tekst
    assert 'value="Mijn verslag"' in tekst and "Belangrijk" in tekst and "Kies het bestand opnieuw" in tekst
    assert not OuderDocument.objects.exists()


@override_settings(PASSEND_MAX_UPLOAD_BYTES=100)
def test_te_groot_bestand_wordt_geweigerd(world, client):
    g = gezin(world.school)
    r = _stuur(client, g, titel="Groot", bestand=pdf_upload(inhoud=b"%PDF-1.4\n" + b"0" * 200))
    assert r.status_code == 200 and "hooguit" in r.content.decode()
    assert not OuderDocument.objects.exists()


def test_ander_gezin_of_zonder_gezag_is_404(world, client):
    g, ander = gezin(world.school), gezin(world.school)
    client.force_login(ander.gebruiker)
    assert client.get(reverse("ouders:documenten", args=[g.kind.pk])).status_code == 404
    g.ouder.gezag = False
    g.ouder.save()
    r = _stuur(client, g, titel="x", bestand=pdf_upload())
    assert r.status_code == 404 and not OuderDocument.objects.exists()


def test_ib_neemt_op_in_het_dossier_met_gekozen_soort(world, client):
    """[002 §1.4][issue 17] Accepting creates the normal dossier Document, linked back; audited."""
    g = gezin(world.school)
    doc = ouderdocument(g)
    ib = world.users["ib"]
    client.force_login(ib)
    assert "Verslag van de psycholoog" in client.get(reverse("ouderdocumenten")).content.decode()
    pagina = client.get(reverse("ouderdocument", args=[doc.pk]))
    assert pagina.status_code == 200
    download = client.get(reverse("ouderdocument_bestand", args=[doc.pk]))
    assert download.status_code == 200 and "attachment" in download["Content-Disposition"]
    assert AuditRegel.objects.filter(actie=AuditActie.GEDOWNLOAD, gebruiker=ib, leerling=g.kind).exists()
    r = client.post(
        reverse("ouderdocument", args=[doc.pk]),
        {
            "actie": "opnemen",
            "op-soort": "onderzoek",
            "op-titel": "Psychologisch onderzoek",
            "op-datum": "01-04-2026",
            "op-onderzoeksdatum": "15-03-2026",
        },
    )
    assert r.status_code == 302, r.content.decode()
    doc.refresh_from_db()
    assert doc.status == "opgenomen" and doc.beoordeeld_door == ib
    d = doc.document
    assert (d.leerling, d.soort, d.titel, d.onderzoeksdatum) == (
        g.kind,
        "onderzoek",
        "Psychologisch onderzoek",
        date(2026, 3, 15),
    )
    assert d.sha256 == doc.sha256 and d.mimetype == "application/pdf"
    client.force_login(g.gebruiker)
    assert (
        "In het dossier gezet op"
        in client.get(reverse("ouders:documenten", args=[g.kind.pk])).content.decode()
    )


def test_opnemen_zonder_onderzoeksdatum_houdt_de_invoer_vast(world, client):
    g = gezin(world.school)
    doc = ouderdocument(g)
    client.force_login(world.users["ib"])
    r = client.post(
        reverse("ouderdocument", args=[doc.pk]),
        {"actie": "opnemen", "op-soort": "onderzoek", "op-titel": "Mijn titel", "op-datum": "01-04-2026"},
    )
    assert r.status_code == 200 and "datum van het onderzoek" in r.content.decode()
    assert 'value="Mijn titel"' in r.content.decode()
    doc.refresh_from_db()
    assert doc.status == "wacht" and not Document.objects.filter(leerling=g.kind).exists()


def test_afwijzen_met_reden_die_de_ouder_ziet(world, client):
    g = gezin(world.school)
    doc = ouderdocument(g)
    client.force_login(world.users["directeur"])
    r = client.post(reverse("ouderdocument", args=[doc.pk]), {"actie": "afwijzen", "af-reden": ""})
    assert r.status_code == 200 and "Schrijf op waarom" in r.content.decode()
    r = client.post(
        reverse("ouderdocument", args=[doc.pk]),
        {"actie": "afwijzen", "af-reden": "Dit verslag is van een ander kind."},
    )
    assert r.status_code == 302
    doc.refresh_from_db()
    assert doc.status == "afgewezen" and doc.document is None
    client.force_login(g.gebruiker)
    tekst = client.get(reverse("ouders:documenten", args=[g.kind.pk])).content.decode()
    assert "Niet in het dossier gezet. De reden: Dit verslag is van een ander kind." in tekst
    # A second judgement is refused, not repeated.
    client.force_login(world.users["directeur"])
    r = client.post(reverse("ouderdocument", args=[doc.pk]), {"actie": "afwijzen", "af-reden": "nog eens"})
    doc.refresh_from_db()
    assert r.status_code == 302 and doc.reden_afwijzing == "Dit verslag is van een ander kind."


def test_wachtrij_is_afgebakend(world, client):
    """[issue 17] Another school's IB'er does not see it; the SWV bureau does; SWV B never."""
    g = gezin(world.school)
    doc = ouderdocument(g)
    assert doc in service.wachtrij_voor(world.users["ib"])
    assert doc in service.wachtrij_voor(world.users["sll"])
    assert doc not in service.wachtrij_voor(world.ib_a2)
    assert doc not in service.wachtrij_voor(world.ib_b)
    client.force_login(world.ib_a2)
    assert client.get(reverse("ouderdocument", args=[doc.pk])).status_code == 404
    assert "Verslag van de psycholoog" not in client.get(reverse("ouderdocumenten")).content.decode()
    client.force_login(world.ib_b)
    assert client.get(reverse("ouderdocument_bestand", args=[doc.pk])).status_code == 404


def test_mijn_werk_telt_de_wachtende_documenten(world, client):
    g = gezin(world.school)
    ouderdocument(g)
    ouderdocument(g, titel="Brief van de huisarts")
    client.force_login(world.users["ib"])
    tekst = client.get(reverse("home")).content.decode()
    assert "Documenten van ouders" in tekst and "2 documenten van ouders wachten" in tekst
    client.force_login(world.ib_a2)
    assert "Documenten van ouders" not in client.get(reverse("home")).content.decode()


def test_wachtrij_constant_aantal_queries(world, client, django_assert_max_num_queries):
    g = gezin(world.school)
    ouderdocument(g)
    client.force_login(world.users["ib"])
    client.get(reverse("ouderdocumenten"))
    for _ in range(4):
        ouderdocument(gezin(world.school))
    with django_assert_max_num_queries(9):  # 8 measured: session, user, roles, queue x2, audit
        r = client.get(reverse("ouderdocumenten"))
    assert r.content.decode().count("Verslag van de psycholoog") == 5
