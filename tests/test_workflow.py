"""The workflow toolkit (cases/workflow.py) and the form helper (cases/formvelden.py) tested
directly [issue 15]: one refusal type with its reasons, one runner with one audit row, one lock,
one way to put a service's refusal on a form."""

from __future__ import annotations

import pytest
from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django_fsm import TransitionNotAllowed

from cases.formvelden import DatumInvoer, DatumVeld, toon_servicefouten
from cases.interventie.models.traject import Interventietraject, TrajectStatus
from cases.models import AuditRegel
from cases.workflow import OvergangGeweigerd, kan, vergrendel, voer_overgang_uit, weigerredenen
from tests.factories.interventie import traject_in


def test_weigering_draagt_de_redenen_issue15(world):
    """[issue 15] a refused step raises OvergangGeweigerd (a TransitionNotAllowed) carrying the Dutch
    reasons, with the app's lead-in in the message; nothing changes and nothing is logged."""
    t = traject_in(world)
    redenen = weigerredenen(t, "stel_team_samen")
    assert redenen and all(isinstance(r, str) and r for r in redenen)
    assert not kan(t, "stel_team_samen")
    assert kan(t, "stel_team_samen", world.users["bestuurder"], voorwaarden=False)
    voor = AuditRegel.objects.count()
    with pytest.raises(OvergangGeweigerd) as exc:
        voer_overgang_uit(t, "stel_team_samen", door=world.users["bestuurder"], omschrijving="x")
    assert isinstance(exc.value, TransitionNotAllowed)
    assert exc.value.redenen == redenen
    assert str(exc.value) == "Deze stap kan nog niet: " + " ".join(redenen)
    assert Interventietraject.objects.get(pk=t.pk).status == TrajectStatus.AANGEMELD
    assert AuditRegel.objects.count() == voor


def test_rol_wordt_geweigerd_en_status_uitgelegd_issue15(world):
    """[issue 15] the wrong role is refused with PermissionDenied; a step that does not exist from
    the current state is explained with the state's label."""
    t = traject_in(world, team=True)
    assert not kan(t, "stel_team_samen", world.users["directeur"])
    with pytest.raises(PermissionDenied):
        voer_overgang_uit(t, "stel_team_samen", door=world.users["directeur"])
    assert weigerredenen(t, "sluit_af") == ["Deze stap kan niet vanuit de status 'aangemeld'."]


def test_runner_schrijft_precies_een_auditregel_issue15(world):
    """[issue 15] a taken step is saved and leaves exactly one audit row 'overgang' with the text,
    after the app's side effect got the state it came from."""
    t = traject_in(world, team=True)
    gezien = []
    voor = AuditRegel.objects.count()
    t = voer_overgang_uit(
        t,
        "stel_team_samen",
        door=world.users["bestuurder"],
        na=lambda obj, van: gezien.append((van, obj.status)),
        omschrijving=lambda obj, van: f"van {van} naar {obj.status}",
    )
    assert gezien == [(TrajectStatus.AANGEMELD, TrajectStatus.TEAM_SAMENGESTELD)]
    assert Interventietraject.objects.get(pk=t.pk).status == TrajectStatus.TEAM_SAMENGESTELD
    assert AuditRegel.objects.count() == voor + 1
    regel = AuditRegel.objects.latest("pk")
    assert regel.actie == "overgang"
    assert regel.omschrijving == "van aangemeld naar team_samengesteld"
    assert regel.leerling_id == t.leerling_id
    assert regel.gebruiker_id == world.users["bestuurder"].pk


def test_vergrendel_geeft_de_verse_rij_issue15(world):
    """[issue 15] vergrendel returns a new instance read from the database, not the stale copy."""
    t = traject_in(world)
    Interventietraject.objects.filter(pk=t.pk).update(reguliere_route_toelichting="in de database")
    vers = vergrendel(t, select_related=("leerling",))
    assert vers is not t
    assert vers.pk == t.pk
    assert vers.reguliere_route_toelichting == "in de database"
    assert t.reguliere_route_toelichting != "in de database"


class _Form(forms.Form):
    naam = forms.CharField()
    datum = DatumVeld(widget=DatumInvoer())


def test_servicefouten_op_veld_en_boven_het_formulier_issue15():
    """[issue 15] a message naming a field goes next to it; others above the form, or only returned
    with `apart`. The date widget keeps the typed value."""
    form = _Form({"naam": "A", "datum": "2026-02-03"})
    assert form.is_valid()
    fout = ValidationError(
        {"naam": "Naam klopt niet.", "onbekend": "Los bericht.", NON_FIELD_ERRORS: "Algemeen."}
    )
    los = toon_servicefouten(form, fout)
    assert form.errors["naam"] == ["Naam klopt niet."]
    assert form.non_field_errors() == ["Los bericht.", "Algemeen."]
    assert los == ["Los bericht.", "Algemeen."]

    form = _Form({"naam": "A", "datum": "2026-02-03"})
    assert form.is_valid()
    assert toon_servicefouten(form, ValidationError("Zonder veld."), apart=True) == ["Zonder veld."]
    assert form.non_field_errors() == []
    html = str(form["datum"])
    assert 'type="date"' in html and 'value="2026-02-03"' in html
