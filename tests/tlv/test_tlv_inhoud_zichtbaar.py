"""[issue 20.1] Assessors read what they judge: the TLV detail page shows every role that may open
the aanvraag what the school wrote (behoeften, waarom niet regulier, zienswijze of the ouders on
paper and in the ouderportaal, the ouders' signature) and the dossier pieces the completeness
check looks at, with links that open for that user — beside the checklist [002 §1.4]."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.models.audit import AuditActie, AuditRegel
from tests.factories import GebruikerFactory
from tests.factories.tlv import concept, deskundige, document, naar
from tlv import services
from tlv.inhoud import inhoud
from tlv.models import Status
from tlv.models.ouders import ZienswijzeAanvraag
from tlv.volledigheid import Dossier

pytestmark = pytest.mark.django_db

BEHOEFTEN = "Een kleine groep, voorspelbare structuur en veel nabijheid van de leerkracht."
WAAROM = "Ondanks een HGO-arrangement lukt dit niet; twee andere basisscholen evenmin."
ZIENSWIJZE = "Ouders zien dat hun kind vastloopt en steunen de aanvraag."
PORTAAL = "Wij willen graag dat Sem een rustige klas krijgt, dicht bij huis."


@pytest.fixture
def in_advies(world):
    """An aanvraag with both deskundigen assigned (the first is world.users['deskundige']), an
    onderzoeksverslag in the dossier and a zienswijze the ouder wrote in the ouderportaal."""
    a = concept(world)
    document(a.leerling, "onderzoek", datum=date(2026, 1, 5), onderzoeksdatum=date(2026, 1, 5))
    ouder = a.leerling.ouders.get()
    ZienswijzeAanvraag.objects.create(
        aanvraag=a, ouder=ouder, tekst=PORTAAL, geschreven_door=GebruikerFactory(username="portaalouder")
    )
    return naar(world, a, Status.ADVIEZEN)


def _html(client, user, aanvraag):
    client.force_login(user)
    resp = client.get(reverse("tlv:detail", args=[aanvraag.pk]))
    assert resp.status_code == 200
    return resp.content.decode()


@pytest.mark.parametrize("rol", ["sc", "sll", "deskundige", "bestuurder", "tla", "ib"])
def test_elke_beoordelaar_leest_wat_de_school_schreef(world, client, in_advies, rol):
    """[issue 20.1][002 §1.4] SC, SLL, the assigned deskundige, the bestuurder, the TLA-voorzitter
    and the school read the aanvraagformulier and both zienswijzen on the detail page."""
    html = _html(client, world.users[rol], in_advies)
    assert "Wat de school schreef" in html
    assert BEHOEFTEN in html
    assert WAAROM in html
    assert ZIENSWIJZE in html
    assert PORTAAL in html
    assert "Geschreven door A. Testouder (ouder)" in html
    assert "op papier ondertekend op ma 2 mrt 2026" in html
    assert f"<dt>Gevraagd</dt><dd>{in_advies.get_gevraagde_schoolsoort_display()}" in html
    # Beside the checklist: the panel comes right before "Dossier compleet?".
    assert html.index("Wat de school schreef") < html.index("Dossier compleet?")


@pytest.mark.parametrize("rol", ["sc", "deskundige", "bestuurder"])
def test_stukken_uit_het_dossier_met_werkende_links(world, client, in_advies, rol):
    """[issue 20.1][002 §1.4] the OPP version, the OT-verslagen, the LVS and the onderzoeksverslag
    are listed with links to their audited pages/downloads, and those links open for this user."""
    user = world.users[rol]
    html = _html(client, user, in_advies)
    leerling = in_advies.leerling
    opp = leerling.opps.get()
    assert reverse("opp_detail", args=[opp.pk]) in html
    for ot in leerling.ot_besprekingen.all():
        assert reverse("ot_detail", args=[ot.pk]) in html
    relevant = leerling.documenten.exclude(soort="overig")
    assert relevant.filter(soort="lvs").exists() and relevant.filter(soort="onderzoek").exists()
    for doc in relevant:
        assert reverse("document_download", args=[doc.pk]) in html
    lvs = relevant.get(soort="lvs")
    voor = AuditRegel.objects.filter(actie=AuditActie.GEDOWNLOAD).count()
    assert client.get(reverse("document_download", args=[lvs.pk])).status_code == 200
    assert AuditRegel.objects.filter(actie=AuditActie.GEDOWNLOAD).count() == voor + 1
    assert client.get(reverse("opp_detail", args=[opp.pk])).status_code == 200


def test_overig_document_hoort_niet_bij_de_aanvraag(world, client, in_advies):
    """[issue 20.1] only the documents the completeness check reads are listed, not 'overig'."""
    overig = document(in_advies.leerling, "overig")
    html = _html(client, world.users["sc"], in_advies)
    assert reverse("document_download", args=[overig.pk]) not in html


def test_lezen_blijft_gelogd(world, client, in_advies):
    """[issue 20.1] every read of the page stays audited (one BEKEKEN row per view)."""
    voor = AuditRegel.objects.filter(actie=AuditActie.BEKEKEN).count()
    _html(client, world.users["deskundige"], in_advies)
    assert AuditRegel.objects.filter(actie=AuditActie.BEKEKEN).count() == voor + 1


def test_niet_toegewezen_deskundige_krijgt_404(world, client, in_advies):
    """[issue 20.1][domain §2] a deskundige not assigned to the aanvraag sees nothing of it."""
    andere = deskundige(world.swv, "orthopedagoog", username="niet_toegewezen")
    client.force_login(andere)
    resp = client.get(reverse("tlv:detail", args=[in_advies.pk]))
    assert resp.status_code == 404
    assert BEHOEFTEN not in resp.content.decode()
    doc = in_advies.leerling.documenten.first()
    assert client.get(reverse("document_download", args=[doc.pk])).status_code == 404


def test_geen_link_naar_wat_de_gebruiker_niet_mag_openen(world, in_advies):
    """[issue 20.1] the panel narrows every piece through the models' own filter_for_user: a user
    without access to the leerling's dossier gets no OPP, OT or document, only the count."""
    dossier = Dossier.laad(in_advies, in_advies.ontvangen_op)
    andere = deskundige(world.swv, "orthopedagoog", username="niet_toegewezen")
    uit = inhoud(andere, dossier)
    assert (uit.opp, uit.ots, uit.documenten) == (None, [], [])
    assert uit.verborgen == 1 + len(dossier.ots) + 3  # OPP, 2 OT's; handelingsdeel, LVS, onderzoek
    eigen = inhoud(world.users["deskundige"], dossier)
    assert eigen.opp == dossier.opp and eigen.verborgen == 0 and len(eigen.documenten) == 3


def test_blind_advies_blijft_blind(world, client, in_advies):
    """[issue 20.1][002 §1.6] the panel shows the school's text, never the other deskundige's advice
    before both are in."""
    d1 = world.users["deskundige"]
    d2 = in_advies.toewijzing(2).deskundige
    services.sla_advies_op(
        aanvraag=in_advies, door=d1, strekking="so", categorie="laag", motivering="GEHEIM-1", indienen=True
    )
    html = _html(client, d2, in_advies)
    assert BEHOEFTEN in html
    assert "GEHEIM-1" not in html


def test_papier_of_digitaal_of_nog_niet(world, client):
    """[issue 20.1][002 §1.4] the ouders' signature state: not yet signed is said in words."""
    a = concept(world, ouders_ondertekend_op=None)
    html = _html(client, world.users["ib"], a)
    assert "nog niet ondertekend" in html


def test_aantal_queries_constant_met_1_of_5_documenten(world, client, django_assert_max_num_queries):
    """[issue 20.1][conventions 'Query counts'] the detail page with 1 or 5 extra documents and
    OT-verslagen asks the same number of queries."""
    a = naar(world, concept(world), Status.INHOUDELIJKE_CHECK)
    client.force_login(world.users["sc"])
    pad = reverse("tlv:detail", args=[a.pk])
    document(a.leerling, "onderzoek", datum=date(2026, 1, 5), onderzoeksdatum=date(2026, 1, 5))
    with CaptureQueriesContext(connection) as weinig:
        assert client.get(pad).status_code == 200
    for i in range(4):
        document(a.leerling, "medisch" if i % 2 else "onderzoek", onderzoeksdatum=date(2026, 1, 6))
    with django_assert_max_num_queries(len(weinig.captured_queries)):
        html = client.get(pad).content.decode()
    assert html.count("/documenten/") >= 7  # handelingsdeel, LVS and 5 added
