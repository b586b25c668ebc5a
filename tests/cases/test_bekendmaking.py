"""The bezwaartermijn counts from the day a decision was made known [issue 17 'Letters reach ouders';
Awb 3:41, 6:8; 002 §1.12; 004 L776-781]: when the sender records that the signed decision letter was
posted on a later day than it was signed, the decision's sending date follows — unless a bezwaar is
already registered. Other letters (an ontvangstbevestiging, a melding) change nothing."""

from datetime import date, timedelta

import pytest
import time_machine
from django.utils import timezone

from cases.models import Brief
from cases.models.audit import AuditRegel
from cases.services.brieven import markeer_verzonden
from tests.factories import SchoolbestuurFactory
from tests.factories.tlv import concept, leerling_met_ouders, naar
from tests.factories.verzuim import leerling_met_ouder
from tests.tweefactor import code_voor
from tlv import services
from tlv.models import Status
from verzuim.services import verwijdering as vsvc

pytestmark = pytest.mark.django_db
ONDERTEKEND = date(2026, 3, 12)  # Thu; bezwaartermijn until Thu 23 Apr 2026 [scenarios §2]


def _klaar(*brieven):
    """The PDF as the worker would have made it (these tests are about dates, not rendering)."""
    Brief.objects.filter(pk__in=[b.pk for b in brieven]).update(sha256="0" * 64, pdf="brieven/test.pdf")


def _getekend(world):
    aanvraag = naar(
        world, concept(world, leerling=leerling_met_ouders(world, groep=6)), Status.TER_ONDERTEKENING
    )
    with time_machine.travel(ONDERTEKEND, tick=False):
        h = services.onderteken(
            aanvraag=aanvraag,
            door=world.users["bestuurder"],
            wachtwoord="demo",
            op=ONDERTEKEND,
            code=code_voor(world.users["bestuurder"]),
        )
    aanvraag.refresh_from_db()
    _klaar(h.brief)
    return aanvraag, Brief.objects.get(pk=h.brief_id)


@pytest.mark.parametrize(
    "gepost, verzonden, einde",
    [
        (date(2026, 3, 12), date(2026, 3, 12), date(2026, 4, 23)),  # posted the day of signing
        # posted Monday 16 Mar: six weeks end Mon 27 Apr = Koningsdag, so Tue 28 Apr (Atw art. 1)
        (date(2026, 3, 16), date(2026, 3, 16), date(2026, 4, 28)),
    ],
    ids=["zelfde-dag", "later-gepost"],
)
def test_tlv_bezwaartermijn_vanaf_de_dag_van_verzending_awb_6_8(world, gepost, verzonden, einde):
    """[Awb 3:41, 6:8][002 §1.12] Six weeks from the day the letter was sent, not the day it was signed."""
    aanvraag, brief = _getekend(world)
    with time_machine.travel(date(2026, 3, 17), tick=False):
        markeer_verzonden(brief=brief, door=world.users["sll"], op=gepost)
        bezwaar = services.registreer_bezwaar(
            aanvraag=aanvraag,
            door=world.users["sll"],
            ontvangen_op=date(2026, 3, 17),
            indiener="ouders",
            gronden="Ouders willen sbo.",
        )
    aanvraag.refresh_from_db()
    assert aanvraag.besluit_verzonden_op == verzonden
    assert bezwaar.bezwaartermijn_einde == einde
    if gepost != ONDERTEKEND:
        assert AuditRegel.objects.filter(
            omschrijving__startswith="besluit bekendgemaakt op 16-03-2026"
        ).exists()


def test_tlv_na_een_bezwaar_verschuift_de_datum_niet(world):
    """[Awb 6:8] A bezwaar already registered was judged against the term as it stood."""
    aanvraag, brief = _getekend(world)
    with time_machine.travel(date(2026, 3, 20), tick=False):
        services.registreer_bezwaar(
            aanvraag=aanvraag,
            door=world.users["sll"],
            ontvangen_op=date(2026, 3, 13),
            indiener="ouders",
            gronden="x",
        )
        markeer_verzonden(brief=brief, door=world.users["sll"], op=date(2026, 3, 16))
    aanvraag.refresh_from_db()
    assert aanvraag.besluit_verzonden_op == ONDERTEKEND


def test_verwijdering_bezwaartermijn_vanaf_verzending_004_L776(world):
    """[004 L776-781][Awb 6:8] The besluit tot verwijdering: the school posts it two days later, so the
    bezwaartermijn ends two days later; a bezwaar on that last day is on time."""
    school = world.school
    school.bestuur = SchoolbestuurFactory(swv=world.swv, denominatie="openbaar")
    school.save()
    d = world.users["directeur"]
    vandaag = timezone.localdate()
    besluit = vandaag - timedelta(days=2)
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
    oud_einde = v.bezwaar.einde
    brief = Brief.objects.get(soort="verwijdering_besluit")
    voornemen = Brief.objects.get(soort="verwijdering_voornemen")
    _klaar(brief, voornemen)
    markeer_verzonden(brief=voornemen, door=d, op=vandaag)  # not a decision: changes nothing
    v.refresh_from_db()
    assert v.besluit_verzonden_op == besluit
    markeer_verzonden(brief=brief, door=d, op=vandaag)
    v.refresh_from_db()
    assert v.besluit_verzonden_op == vandaag
    assert v.bezwaar.einde > oud_einde
