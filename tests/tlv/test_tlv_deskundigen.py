"""Deskundigen [002 §1.6, §1.7, bijlage 3.11.1]: assignment rules, object-level access that starts
and ends with the assignment, blind advice, unanimity routing and the TLA-vergadering."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from cases.models import Leerling
from tests.factories import GebruikerFactory, RolFactory
from tests.factories.tlv import concept, deskundige, leerling_met_ouders, naar
from tests.tweefactor import code_voor
from tlv import services
from tlv.models import BelangenConflict, Status, TLVAanvraag
from tlv.services.deskundigen import genodigden, voorstel_vo

pytestmark = pytest.mark.django_db


@pytest.fixture
def klaar(world):
    return naar(world, concept(world), Status.DESKUNDIGEN_TOEWIJZEN)


def test_eerste_moet_gedragsdeskundige_zijn(world, klaar):
    """[002 §1.6] 'de eerste altijd een gedragsdeskundige'."""
    arts = deskundige(world.swv, "arts")
    with pytest.raises(ValidationError, match="orthopedagoog of psycholoog"):
        services.wijs_deskundigen_toe(
            aanvraag=klaar, door=world.users["tla"], eerste=arts, tweede=world.users["deskundige"]
        )


def test_tweede_andere_discipline(world, klaar):
    """[002 bijlage 3.11.1] 'twee verschillende expertises'."""
    ortho2 = deskundige(world.swv, "orthopedagoog", username="ortho2")
    with pytest.raises(ValidationError, match="andere discipline"):
        services.wijs_deskundigen_toe(
            aanvraag=klaar, door=world.users["tla"], eerste=world.users["deskundige"], tweede=ortho2
        )


def test_belangenconflict_met_school_geweigerd(world, klaar):
    """[002 §1.6, bijlage 3.11.1] neither deskundige may be involved with the pupil's school."""
    psychiater = deskundige(world.swv, "kinderpsychiater")
    BelangenConflict.objects.create(
        deskundige=psychiater, school=world.school, omschrijving="ambulant begeleider"
    )
    with pytest.raises(ValidationError, match="betrokken bij de school"):
        services.wijs_deskundigen_toe(
            aanvraag=klaar, door=world.users["tla"], eerste=world.users["deskundige"], tweede=psychiater
        )
    assert TLVAanvraag.objects.get(pk=klaar.pk).status == Status.DESKUNDIGEN_TOEWIJZEN


def test_alleen_tla_voorzitter_wijst_toe(world, klaar):
    with pytest.raises(PermissionDenied):
        services.wijs_deskundigen_toe(
            aanvraag=klaar,
            door=world.users["sll"],
            eerste=world.users["deskundige"],
            tweede=deskundige(world.swv, "arts"),
        )


def test_groep_6_stelt_deskundige_vo_voor(world):
    """[002 bijlage 3.11.1, §1.20] groep 6–8: if possible a deskundige vo as the 2nd."""
    assert voorstel_vo(concept(world, leerling=leerling_met_ouders(world, groep=6), compleet=False))
    assert not voorstel_vo(concept(world, leerling=leerling_met_ouders(world, groep=5), compleet=False))


def test_toegang_begint_en_eindigt_met_toewijzing(world, klaar, client):
    """[domain §2] a deskundige sees only the aanvraag assigned to him or her, only while the
    assignment lasts (django-guardian), and the pupil through 'cases.view_leerling'."""
    d = world.users["deskundige"]
    assert not TLVAanvraag.objects.filter_for_user(d).exists()
    assert not Leerling.objects.filter_for_user(d).filter(pk=klaar.leerling_id).exists()
    client.force_login(d)
    assert client.get(reverse("tlv:detail", args=[klaar.pk])).status_code == 404
    tweede = deskundige(world.swv, "kinderpsychiater")
    services.wijs_deskundigen_toe(aanvraag=klaar, door=world.users["tla"], eerste=d, tweede=tweede)
    assert list(TLVAanvraag.objects.filter_for_user(d)) == [klaar]
    assert Leerling.objects.filter_for_user(d).filter(pk=klaar.leerling_id).exists()
    assert client.get(reverse("tlv:detail", args=[klaar.pk])).status_code == 200
    andere = concept(world)
    assert not TLVAanvraag.objects.filter_for_user(d).filter(pk=andere.pk).exists()

    aanvraag = naar(world, klaar, Status.TER_ONDERTEKENING)
    services.onderteken(
        aanvraag=aanvraag,
        door=world.users["bestuurder"],
        wachtwoord="demo",
        op=date(2026, 4, 16),
        code=code_voor(world.users["bestuurder"]),
    )
    assert not TLVAanvraag.objects.filter_for_user(d).exists()
    assert not Leerling.objects.filter_for_user(d).filter(pk=klaar.leerling_id).exists()
    assert not d.has_perm("tlv.adviseren_tlvaanvraag", aanvraag)
    assert client.get(reverse("tlv:detail", args=[klaar.pk])).status_code == 404
    from cases.models import AuditRegel

    assert AuditRegel.objects.filter(actie="gedeeld", object_id=str(aanvraag.pk)).count() == 2
    assert AuditRegel.objects.filter(actie="ingetrokken", object_id=str(aanvraag.pk)).count() == 2


def test_blind_advies(world, klaar):
    """[002 bijlage 3.11.1] 'De 1e en 2e deskundige schrijven onafhankelijk van elkaar een advies':
    neither sees the other's advice until both are submitted; the school never sees them."""
    d1, d2 = world.users["deskundige"], deskundige(world.swv, "kinderpsychiater")
    services.wijs_deskundigen_toe(aanvraag=klaar, door=world.users["tla"], eerste=d1, tweede=d2)
    services.sla_advies_op(aanvraag=klaar, door=d1, strekking="so", categorie="laag", motivering="Concept 1")
    assert [a.motivering for a in services.zichtbare_adviezen(klaar, d1)] == ["Concept 1"]
    assert services.zichtbare_adviezen(klaar, d2) == [klaar.toewijzing(2).advies]
    assert services.zichtbare_adviezen(klaar, world.users["tla"]) == []  # drafts are private
    services.sla_advies_op(
        aanvraag=klaar, door=d1, strekking="so", categorie="laag", motivering="Advies 1", indienen=True
    )
    assert [a.motivering for a in services.zichtbare_adviezen(klaar, d2)] == [
        ""
    ]  # only his own (empty) draft
    with pytest.raises(ValidationError, match="al ingediend"):
        services.sla_advies_op(aanvraag=klaar, door=d1, strekking="sbo", motivering="Toch anders")
    for user in (world.users["ib"], world.users["directeur"], world.users["sc"], world.users["sll"]):
        assert services.zichtbare_adviezen(klaar, user) == []
    services.sla_advies_op(
        aanvraag=klaar, door=d2, strekking="so", categorie="laag", motivering="Advies 2", indienen=True
    )
    assert [a.motivering for a in services.zichtbare_adviezen(klaar, d2)] == ["Advies 1", "Advies 2"]
    klaar.refresh_from_db()
    assert klaar.status == Status.EINDADVIES


def test_blind_advies_op_de_pagina(world, klaar, client):
    d1, d2 = world.users["deskundige"], deskundige(world.swv, "kinderpsychiater")
    services.wijs_deskundigen_toe(aanvraag=klaar, door=world.users["tla"], eerste=d1, tweede=d2)
    services.sla_advies_op(
        aanvraag=klaar, door=d1, strekking="so", categorie="laag", motivering="GEHEIM-ADVIES-1", indienen=True
    )
    client.force_login(d2)
    assert "GEHEIM-ADVIES-1" not in client.get(reverse("tlv:detail", args=[klaar.pk])).content.decode()
    client.force_login(world.users["ib"])
    assert "GEHEIM-ADVIES-1" not in client.get(reverse("tlv:detail", args=[klaar.pk])).content.decode()


def test_alleen_eerste_deskundige_schrijft_eindadvies(world):
    aanvraag = naar(world, concept(world), Status.EINDADVIES)
    tweede = aanvraag.toewijzing(2).deskundige
    with pytest.raises(PermissionDenied):
        services.schrijf_eindadvies(aanvraag=aanvraag, door=tweede, besluit="afgeven")


def test_eindadvies_compleet_en_diagnose_met_bron(world):
    """[002 §1.11] gemotiveerd besluit, doelen, schoolsoort, periode, categorie; a diagnosis with a source."""
    aanvraag = naar(world, concept(world), Status.EINDADVIES)
    eerste = aanvraag.toewijzing(1).deskundige
    e = services.schrijf_eindadvies(
        aanvraag=aanvraag,
        door=eerste,
        besluit="afgeven",
        gemotiveerd_besluit="X",
        doelen="Y",
        schoolsoort="so",
        periode="4-5",
        diagnose_genoemd=True,
    )
    assert "Kies bij so de bekostigingscategorie (laag, midden of hoog)." in e.gebreken()
    assert any("bronvermelding" in g for g in e.gebreken())
    with pytest.raises(Exception, match="Het eindadvies bevat"):
        services.stuur_eindadvies_door(aanvraag=aanvraag, door=eerste)


def test_tla_vergadering_nodigt_betrokkenen_niet_uit(world):
    """[002 §1.6] 'Betrokkenen bij een TLV-aanvraag zijn niet aanwezig bij de TLA-vergadering'."""
    aanvraag = naar(world, concept(world), Status.EINDADVIES, strekkingen=("so", "regulier"))
    eerste = aanvraag.toewijzing(1).deskundige
    services.schrijf_eindadvies(
        aanvraag=aanvraag,
        door=eerste,
        besluit="afgeven",
        gemotiveerd_besluit="X",
        doelen="Y",
        schoolsoort="so",
        periode="4-5",
        categorie="laag",
    )
    services.stuur_eindadvies_door(aanvraag=aanvraag, door=eerste)
    betrokken = GebruikerFactory(username="betrokken_deskundige")
    RolFactory(gebruiker=betrokken, soort="deskundige", swv=world.swv, discipline="pedagoog")
    BelangenConflict.objects.create(deskundige=betrokken, school=world.school, omschrijving="oud-IB'er")
    vergadering = services.plan_vergadering(
        door=world.users["tla"], swv=world.swv, datum=date(2026, 2, 24), schooljaar="2025-2026"
    )
    services.agendeer(aanvraag=aanvraag, door=world.users["tla"], vergadering=vergadering)
    namen = {u.username for u in genodigden(vergadering)}
    assert {"tla", "sll", "deskundige"} <= namen
    assert "betrokken_deskundige" not in namen
    assert "sc" not in namen
    assert "ib" not in namen


def test_vervangen_trekt_toegang_in_en_geeft_nieuwe_toegang(world, klaar):
    """[domain §2] access lasts only while the assignment lasts: a replaced deskundige loses it."""
    oud, psychiater = world.users["deskundige"], deskundige(world.swv, "kinderpsychiater")
    services.wijs_deskundigen_toe(aanvraag=klaar, door=world.users["tla"], eerste=oud, tweede=psychiater)
    nieuw = deskundige(world.swv, "psycholoog", username="psycholoog_nieuw")
    with pytest.raises(ValidationError, match="verschillende disciplines"):
        services.vervang_deskundige(
            aanvraag=klaar,
            door=world.users["tla"],
            volgorde=2,
            nieuwe=deskundige(world.swv, "orthopedagoog", username="ortho_twee"),
            reden="Ziek.",
        )
    with pytest.raises(ValidationError, match="orthopedagoog of psycholoog"):
        services.vervang_deskundige(
            aanvraag=klaar,
            door=world.users["tla"],
            volgorde=1,
            nieuwe=deskundige(world.swv, "arts"),
            reden="Ziek.",
        )
    services.vervang_deskundige(
        aanvraag=klaar, door=world.users["tla"], volgorde=1, nieuwe=nieuw, reden="Ziek."
    )
    assert not TLVAanvraag.objects.filter_for_user(oud).exists()
    assert not Leerling.objects.filter_for_user(oud).filter(pk=klaar.leerling_id).exists()
    assert list(TLVAanvraag.objects.filter_for_user(nieuw)) == [klaar]
    klaar.refresh_from_db()
    assert klaar.toewijzing(1).deskundige == nieuw
    services.sla_advies_op(
        aanvraag=klaar, door=psychiater, strekking="so", categorie="laag", motivering="A", indienen=True
    )
    with pytest.raises(ValidationError, match="al ingediend"):
        services.vervang_deskundige(
            aanvraag=klaar, door=world.users["tla"], volgorde=2, nieuwe=oud, reden="x"
        )
