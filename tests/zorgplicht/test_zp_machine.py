"""The Aanmelding state machine itself [conventions 'Workflow']: every forbidden path raises
TransitionNotAllowed, and two concurrent transitions cannot both be saved."""

import pytest
from django_fsm import ConcurrentTransition, TransitionNotAllowed

from tests.factories.zorgplicht import aanmelding as maak
from zorgplicht.models import Aanmelding, Status

BRONNEN = {
    "start_onderzoek": {Status.ONTVANGEN},
    "vraag_informatie": {Status.IN_ONDERZOEK, Status.VERLENGD},
    "informatie_ontvangen": {Status.INFORMATIE_OPGEVRAAGD},
    "verleng": {Status.IN_ONDERZOEK, Status.VERLENGD},
    "besluit": {Status.IN_ONDERZOEK, Status.VERLENGD},
    "sluit_af": {Status.BESLUIT},
    "zorgplicht_geldt_niet": {Status.ONTVANGEN, Status.IN_ONDERZOEK},
}


@pytest.mark.parametrize(
    "overgang, status",
    [(o, s) for o, bronnen in BRONNEN.items() for s in Status.values if s not in bronnen],
)
def test_verboden_paden(world, overgang, status):
    a = Aanmelding(school=world.school, swv=world.swv, status=status)
    with pytest.raises(TransitionNotAllowed):
        getattr(a, overgang)()


def test_geen_terminale_status_heeft_een_uitweg():
    """afgesloten and niet van toepassing are final: no transition leaves them."""
    for bronnen in BRONNEN.values():
        assert Status.AFGESLOTEN not in bronnen and Status.NIET_VAN_TOEPASSING not in bronnen


def test_gelijktijdige_overgangen(world):
    a = maak(world, onderzoek=False)
    eerste, tweede = Aanmelding.objects.get(pk=a.pk), Aanmelding.objects.get(pk=a.pk)
    eerste.start_onderzoek()
    eerste.save()
    tweede.start_onderzoek()
    with pytest.raises(ConcurrentTransition):
        tweede.save()
