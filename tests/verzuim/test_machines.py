"""The state machines of verzuim/ [conventions 'Workflow'; domain §10]: every transition called
from a state it does not start from raises TransitionNotAllowed and leaves the state as it was.

The machines and their transitions are read from the models (every FSMField of the verzuim app
and its transitions), so a new machine, transition or state is tried without editing this file."""

import pytest
from django.apps import apps
from django_fsm import FSMField, TransitionNotAllowed


def _machines():
    for model in apps.get_app_config("verzuim").get_models():
        for veld in model._meta.get_fields():
            if isinstance(veld, FSMField) and veld.model is model:
                yield model, veld


def _bronnen(model, veld) -> dict[str, set[str]]:
    """Each transition with the states it may start from (`*` every state, `+` all but the target)."""
    alle = {waarde for waarde, _ in veld.choices}
    bronnen: dict[str, set[str]] = {}
    for t in veld.get_all_transitions(model):
        if t.source == "*":
            van = alle
        elif t.source == "+":
            van = alle - {t.target}
        else:
            van = {t.source}
        bronnen.setdefault(t.name, set()).update(van)
    return bronnen


# The designed paths, written out once so that a source added to or dropped from a transition in
# the models shows as a difference here [domain §10; 004 §3]: a melding is taken up by the LPA and
# closed with a reaction; a verwijdering goes voornemen -> besluit -> definitief and can be
# withdrawn until it is definitief; a gegrond bezwaar revokes a decided or definitive one [issue 16.12;
# Awb 7:11]; a vrijstellingsverzoek is decided once, either way.
ONTWERP = {
    "Verzuimmelding": {
        "neem_in_behandeling": {"gemeld"},
        "handel_af": {"gemeld", "in_behandeling"},
    },
    "Verwijdering": {
        "besluit": {"voornemen"},
        "maak_definitief": {"besloten"},
        "trek_in": {"voornemen", "besloten"},
        "herroep": {"besloten", "definitief"},
    },
    "Vrijstellingsverzoek": {
        "wijs_af": {"in_behandeling"},
        "ken_toe": {"in_behandeling"},
    },
}

VERBODEN = [
    pytest.param(model, veld.name, overgang, status, id=f"{model.__name__}.{overgang} vanuit {status}")
    for model, veld in _machines()
    for overgang, van in sorted(_bronnen(model, veld).items())
    for status, _ in veld.choices
    if status not in van
]


def test_machines_zijn_zoals_ontworpen():
    """The machines found in the models are the designed ones, with the designed sources."""
    assert {model.__name__: _bronnen(model, veld) for model, veld in _machines()} == ONTWERP
    assert {p.values[0].__name__ for p in VERBODEN} == set(ONTWERP)


@pytest.mark.parametrize("model, veld, overgang, status", VERBODEN)
def test_verboden_paden(model, veld, overgang, status):
    obj = model(**{veld: status})
    with pytest.raises(TransitionNotAllowed):
        getattr(obj, overgang)()
    assert getattr(obj, veld) == status
