"""The TLA-voorzitter puts every eindadvies before the directeur-bestuurder, unanimous or not
[002 L648 'De voorzitter van de TLA-commissie legt elk samenvattend deskundigenadvies voor aan de
directeur-bestuurder', L665, L768; issue 16.4]."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse
from django_fsm import TransitionNotAllowed

from tests.factories.tlv import concept, deskundige, naar
from tlv import services
from tlv.models import Overgang, Status
from tlv.services.basis import stap

pytestmark = pytest.mark.django_db


def test_unaniem_eindadvies_gaat_naar_de_voorzitter_niet_naar_de_bestuurder(world):
    """[002 L648, L768] The first deskundige sends a unanimous eindadvies to the voorzitter; only
    the voorzitter's voorleggen brings it to the bestuurder."""
    aanvraag = naar(world, concept(world), Status.EINDADVIES)
    eerste = aanvraag.toewijzing(1).deskundige
    services.schrijf_eindadvies(
        aanvraag=aanvraag,
        door=eerste,
        besluit="afgeven",
        gemotiveerd_besluit="Een kleine groep met nabijheid.",
        doelen="Weer tot leren komen.",
        schoolsoort="so",
        periode="4-5",
        categorie="laag",
    )
    services.stuur_eindadvies_door(aanvraag=aanvraag, door=eerste)
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.BIJ_VOORZITTER
    # Neither the deskundige nor the bestuurder takes the voorzitter's step.
    for wie in (eerste, world.users["bestuurder"], world.users["sll"]):
        with pytest.raises(TransitionNotAllowed, match="hoort niet bij uw rol"):
            stap(aanvraag, "voorleggen", door=wie)
    services.leg_voor(aanvraag=aanvraag, door=world.users["tla"], op=date(2026, 4, 9))
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.TER_ONDERTEKENING
    laatste = Overgang.objects.filter(aanvraag=aanvraag).order_by("-op", "-pk").first()
    assert (laatste.van, laatste.naar, laatste.door, laatste.datum) == (
        Status.BIJ_VOORZITTER,
        Status.TER_ONDERTEKENING,
        world.users["tla"],
        date(2026, 4, 9),
    )


def test_niet_unaniem_eerst_vergadering_dan_voorzitter(world):
    """[002 §1.7, L665] Not unanimous: the TLA-vergadering first, then the voorzitter puts it before
    the bestuurder; he cannot skip the vergadering."""
    vo = deskundige(world.swv, "deskundige_vo")
    with time_machine.travel(date(2026, 3, 20), tick=False):
        aanvraag = naar(world, concept(world), Status.EINDADVIES, tweede=vo, strekkingen=("sbo", "regulier"))
        eerste = aanvraag.toewijzing(1).deskundige
        services.schrijf_eindadvies(
            aanvraag=aanvraag,
            door=eerste,
            besluit="afgeven",
            gemotiveerd_besluit="Sbo.",
            doelen="Doelen.",
            schoolsoort="sbo",
            periode="4-5",
        )
        with pytest.raises(TransitionNotAllowed, match="unaniem"):
            stap(aanvraag, "naar_voorzitter", door=eerste)
        services.stuur_eindadvies_door(aanvraag=aanvraag, door=eerste)
        aanvraag.refresh_from_db()
        assert aanvraag.status == Status.TLA_VERGADERING
        vergadering = services.plan_vergadering(
            door=world.users["tla"], swv=world.swv, datum=date(2026, 3, 20), schooljaar="2025-2026"
        )
        services.agendeer(aanvraag=aanvraag, door=world.users["tla"], vergadering=vergadering)
        services.leg_tla_advies_vast(aanvraag=aanvraag, door=world.users["tla"])
        aanvraag.refresh_from_db()
        assert aanvraag.status == Status.BIJ_VOORZITTER
        # A split advice that never reached a vergadering cannot be put before the bestuurder.
        aanvraag.vergadering = None
        with pytest.raises(TransitionNotAllowed, match="besproken in de TLA-vergadering"):
            stap(aanvraag, "voorleggen", door=world.users["tla"])
        aanvraag.refresh_from_db()
        services.leg_voor(aanvraag=aanvraag, door=world.users["tla"])
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.TER_ONDERTEKENING


def test_voorzitter_ziet_het_in_zijn_werk_en_legt_voor_op_de_pagina(world, client):
    """[002 L648] The voorzitter finds the eindadvies in his worklist and the step on the page; the
    bestuurder's list shows it only after the voorleggen."""
    aanvraag = naar(world, concept(world), Status.BIJ_VOORZITTER)
    client.force_login(world.users["bestuurder"])
    assert f"#{aanvraag.pk}" not in client.get(reverse("tlv:ter_ondertekening")).content.decode()
    client.force_login(world.users["tla"])
    assert f"#{aanvraag.pk}" in client.get(reverse("tlv:tla_werklijst")).content.decode()
    html = client.get(reverse("tlv:detail", args=[aanvraag.pk])).content.decode()
    assert "Eindadvies voorleggen aan de directeur-bestuurder" in html
    resp = client.post(reverse("tlv:stap", args=[aanvraag.pk, "voorleggen"]), follow=True)
    assert "ligt nu ter ondertekening bij de directeur-bestuurder" in resp.content.decode()
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.TER_ONDERTEKENING
    client.force_login(world.users["bestuurder"])
    assert f"#{aanvraag.pk}" in client.get(reverse("tlv:ter_ondertekening")).content.decode()


def test_voorzitter_paneel_telt_voor_te_leggen(world):
    """[002 L648] 'Mijn werk' of the voorzitter counts the eindadviezen to put before the bestuurder."""
    from tlv.navigatie import WERK

    assert any(rol == "tla" and status == Status.BIJ_VOORZITTER for rol, status, _t, _u in WERK)
