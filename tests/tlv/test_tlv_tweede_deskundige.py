"""The second deskundige comes from the list [002 L657 'de tweede deskundige dient een kinder-of
jeugdpsycholoog, pedagoog, kinderpsychiater, maatschappelijk werker of arts te zijn'], from another
expertise than the first, visible in the signed advice [002 L659]; for groep 6–8 a deskundige vo
where possible [002 L658] (a hint, never a block); the first stays a gedragsdeskundige (WPO art.
18a) [issue 16.5]."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django_fsm import TransitionNotAllowed

from tests.factories.tlv import concept, deskundige, leerling_met_ouders, naar
from tlv import services
from tlv.models import Status, Toewijzing
from tlv.services.basis import stap
from tlv.services.deskundigen import vo_waarschuwing

pytestmark = pytest.mark.django_db


@pytest.fixture
def klaar(world):
    return naar(world, concept(world), Status.DESKUNDIGEN_TOEWIJZEN)


@pytest.mark.parametrize(
    "discipline", ["kinderpsycholoog", "pedagoog", "kinderpsychiater", "maatschappelijk_werker", "arts"]
)
def test_tweede_uit_de_lijst_mag(world, klaar, discipline):
    """[002 L657] each discipline of the list can be the second deskundige."""
    tweede = deskundige(world.swv, discipline)
    services.wijs_deskundigen_toe(
        aanvraag=klaar, door=world.users["tla"], eerste=world.users["deskundige"], tweede=tweede
    )
    klaar.refresh_from_db()
    assert klaar.status == Status.ADVIEZEN


def test_psycholoog_als_tweede_naast_orthopedagoog_geweigerd(world, klaar):
    """[002 L657] a psycholoog differs from an orthopedagoog, but is not on the list for the second:
    both would be gedragsdeskundigen. Refused in Dutch, the list named."""
    psycholoog = deskundige(world.swv, "psycholoog")
    with pytest.raises(ValidationError) as exc:
        services.wijs_deskundigen_toe(
            aanvraag=klaar, door=world.users["tla"], eerste=world.users["deskundige"], tweede=psycholoog
        )
    assert "kinder- of jeugdpsycholoog, pedagoog, kinderpsychiater" in exc.value.message_dict["tweede"][0]
    klaar.refresh_from_db()
    assert klaar.status == Status.DESKUNDIGEN_TOEWIJZEN


def test_overgang_toetst_de_lijst_ook(world, klaar):
    """[002 L657] the transition's own condition refuses a second gedragsdeskundige."""
    psycholoog = deskundige(world.swv, "psycholoog")
    for volgorde, user, disc in (
        (1, world.users["deskundige"], "orthopedagoog"),
        (2, psycholoog, "psycholoog"),
    ):
        Toewijzing.objects.create(
            aanvraag=klaar,
            deskundige=user,
            volgorde=volgorde,
            discipline=disc,
            toegewezen_door=world.users["tla"],
        )
    with pytest.raises(TransitionNotAllowed, match="kinder- of jeugdpsycholoog"):
        stap(klaar, "deskundigen_toewijzen", door=world.users["tla"])


def test_eerste_blijft_gedragsdeskundige_wpo_18a(world, klaar):
    """[WPO art. 18a; 002 §1.6] the first is an orthopedagoog or psycholoog, also with the list."""
    with pytest.raises(ValidationError, match="orthopedagoog of psycholoog"):
        services.wijs_deskundigen_toe(
            aanvraag=klaar,
            door=world.users["tla"],
            eerste=deskundige(world.swv, "pedagoog"),
            tweede=deskundige(world.swv, "arts"),
        )


def test_vervangen_tweede_ook_uit_de_lijst(world, klaar):
    """[002 L657] a replacement second deskundige comes from the list too."""
    services.wijs_deskundigen_toe(
        aanvraag=klaar,
        door=world.users["tla"],
        eerste=world.users["deskundige"],
        tweede=deskundige(world.swv, "arts"),
    )
    with pytest.raises(ValidationError) as exc:
        services.vervang_deskundige(
            aanvraag=klaar,
            door=world.users["tla"],
            volgorde=2,
            nieuwe=deskundige(world.swv, "psycholoog"),
            reden="Ziek.",
        )
    assert "kinderpsychiater" in exc.value.message_dict["nieuwe"][0]


def test_groep_6_zonder_deskundige_vo_waarschuwt_maar_blokkeert_niet(world, client):
    """[002 L658 'zo mogelijk'] groep 6: assigning an arts as second works, with a warning that
    names the free deskundige vo; with a deskundige vo there is no warning; groep 5 none."""
    aanvraag = naar(
        world, concept(world, leerling=leerling_met_ouders(world, groep=6)), Status.DESKUNDIGEN_TOEWIJZEN
    )
    arts, vo = deskundige(world.swv, "arts"), deskundige(world.swv, "deskundige_vo")
    assert "deskundige vo" in vo_waarschuwing(aanvraag, arts)
    assert str(vo) in vo_waarschuwing(aanvraag, arts)
    assert vo_waarschuwing(aanvraag, vo) == ""
    client.force_login(world.users["tla"])
    resp = client.post(
        reverse("tlv:stap", args=[aanvraag.pk, "toewijzen"]),
        {"eerste": world.users["deskundige"].pk, "tweede": arts.pk},
        follow=True,
    )
    html = resp.content.decode()
    assert "zo mogelijk is de tweede deskundige een deskundige vo" in html
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.ADVIEZEN
    jonger = naar(
        world, concept(world, leerling=leerling_met_ouders(world, groep=5)), Status.DESKUNDIGEN_TOEWIJZEN
    )
    assert vo_waarschuwing(jonger, arts) == ""


def test_expertise_zichtbaar_bij_het_eindadvies_en_in_de_brief(world, client):
    """[002 L659 'zichtbaar in de ondertekening van het advies'] the eindadvies names both
    deskundigen with their expertise, and so does the besluit letter."""
    from cases.models import Brief
    from tests.tweefactor import code_voor

    aanvraag = naar(world, concept(world), Status.TER_ONDERTEKENING)
    client.force_login(world.users["bestuurder"])
    html = client.get(reverse("tlv:detail", args=[aanvraag.pk])).content.decode()
    assert "Advies van twee deskundigen uit verschillende expertises" in html
    assert "kinderpsychiater" in html
    services.onderteken(
        aanvraag=aanvraag,
        door=world.users["bestuurder"],
        wachtwoord="demo",
        code=code_voor(world.users["bestuurder"]),
    )
    from cases.services.brieven import brief_html

    tekst = brief_html(Brief.objects.get(soort="tlv_afgegeven"))
    assert "kinderpsychiater" in tekst and "orthopedagoog" in tekst
