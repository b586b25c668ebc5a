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


EINDSTATUSSEN = {Status.AFGESLOTEN, Status.NIET_VAN_TOEPASSING}


def _overgangen_van_de_machine() -> dict[str, set[str]]:
    """Each transition of Aanmelding.status with the states it may start from, read from the
    FSMField itself (`*` is every state, `+` every state but the target)."""
    bronnen: dict[str, set[str]] = {}
    for t in Aanmelding._meta.get_field("status").get_all_transitions(Aanmelding):
        if t.source == "*":
            van = set(Status.values)
        elif t.source == "+":
            van = set(Status.values) - {t.target}
        else:
            van = {t.source}
        bronnen.setdefault(t.name, set()).update(van)
    return bronnen


def test_geen_terminale_status_heeft_een_uitweg():
    """afgesloten and niet van toepassing are final: no transition of the real machine leaves them,
    and they are the only states without a way out."""
    bronnen = _overgangen_van_de_machine()
    for naam, van in bronnen.items():
        assert not van & EINDSTATUSSEN, f"{naam} vertrekt uit een eindstatus: {sorted(van & EINDSTATUSSEN)}"
    zonder_uitweg = set(Status.values) - set().union(*bronnen.values())
    assert zonder_uitweg == EINDSTATUSSEN


def test_tabel_bronnen_is_de_machine():
    """The table test_verboden_paden walks is the machine's own: a source added to or dropped from
    a transition shows here, so no forbidden path goes untried."""
    assert _overgangen_van_de_machine() == BRONNEN


def test_gelijktijdige_overgangen(world):
    a = maak(world, onderzoek=False)
    eerste, tweede = Aanmelding.objects.get(pk=a.pk), Aanmelding.objects.get(pk=a.pk)
    eerste.start_onderzoek()
    eerste.save()
    tweede.start_onderzoek()
    with pytest.raises(ConcurrentTransition):
        tweede.save()
