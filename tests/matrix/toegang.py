"""Situations in which access ends because its reason ended [issue 14].

- *Uitgeschreven*: the world's pupil was enrolled at school A1 and left it (uitschrijving). The
  IB'er, directeur and leerkracht of A1 lose the dossier, the interventietraject, the time-out,
  the schorsing and the verzuimmelding — 404, as for any object outside their scope. The SWV-wide
  roles keep the history. The SC/CJK lose what follows the pupil as the dossier does (the traject,
  the TLV-aanvraag, the arrangement) and keep the measures of their regio's school (time-out,
  schorsing: their oversight of that school). The verwijdering stays with the removing school: its
  bevoegd gezag decides on the bezwaar.
- *Afgesloten*: a deskundige sits on the interventieteam as gedragsspecialist. While the traject
  runs he opens it; once it is closed he gets 404, the school and the SWV keep it."""

from __future__ import annotations

from datetime import date

from tests.matrix import Situatie
from tests.matrix.verzuim import _melding, _schorsing, _time_out, _verwijdering

SWV_BREED = frozenset({"sll", "tla", "bestuurder", "beheer"})
SCHOOLSTAF = frozenset({"leerkracht", "ib", "directeur"})
ALLE = frozenset(
    {"leerkracht", "ib", "directeur", "sc", "cjk", "sll", "tla", "deskundige", "bestuurder", "lpa", "beheer"}
)


def _schrijf_uit(leerling_id: int) -> None:
    from cases.models import Leerling
    from cases.services.inschrijving import schrijf_uit

    schrijf_uit(leerling=Leerling.objects.get(pk=leerling_id), tot=date(2026, 3, 13))


def _uitgeschreven_traject(w):
    from tests.factories.interventie import BijeenkomstFactory, traject_in

    traject = traject_in(w, team=True, status="lopend")
    bijeenkomst = BijeenkomstFactory(traject=traject)
    _schrijf_uit(traject.leerling_id)
    return {"traject": traject.pk, "bijeenkomst": bijeenkomst.pk}


def _traject(w):
    cache = getattr(w, "_toegang_traject", None)
    if cache is None:
        cache = w._toegang_traject = _uitgeschreven_traject(w)
    return cache


def _uit(maak, model_pad):
    """kwargs(world): the object made by `maak` (a tests.matrix.verzuim builder), then its pupil
    leaves the school."""

    def kwargs(w):
        from django.apps import apps

        uit = maak(w)
        obj = apps.get_model(model_pad).objects.get(pk=uit["pk"])
        _schrijf_uit(obj.leerling_id)
        return uit

    return kwargs


def _uitgeschreven_leerling(w):
    from tests.factories.verzuim import leerling_met_ouder

    ll = leerling_met_ouder(school=w.school, voornaam="Vertrokken")
    _schrijf_uit(ll.pk)
    return {"pk": ll.pk}


def _uitgeschreven_aanvraag(w):
    from tests.factories.tlv import concept

    aanvraag = concept(w, compleet=False)
    _schrijf_uit(aanvraag.leerling_id)
    return {"pk": aanvraag.pk}


def _uitgeschreven_arrangement(w):
    from tests.factories.interventie import ArrangementFactory
    from tests.factories.verzuim import leerling_met_ouder

    ll = leerling_met_ouder(school=w.school, voornaam="Verhuisd")
    arrangement = ArrangementFactory(leerling=ll)
    _schrijf_uit(ll.pk)
    return {"pk": arrangement.pk}


def _teamtraject(afgesloten: bool):
    def kwargs(w):
        from cases.interventie.models.traject import InterventieTeamlid, Interventietraject, TeamRol
        from tests.factories.interventie import traject_in

        traject = traject_in(w, team=True, status="lopend")
        InterventieTeamlid.objects.create(
            traject=traject, rol=TeamRol.GEDRAGSSPECIALIST, gebruiker=w.users["deskundige"]
        )
        if afgesloten:
            # the FSM field is protected: the closing itself is tested in tests/cases/test_interventie.py
            Interventietraject.objects.filter(pk=traject.pk).update(
                status="afgesloten", afgesloten_op=date(2026, 6, 1)
            )
        return {"pk": traject.pk}

    return kwargs


TRAJECT_ZIEN = frozenset({"leerkracht", "ib", "directeur", "sc", "cjk"}) | SWV_BREED

SITUATIES = {
    "uitgeschreven: dossier": Situatie(
        url="dossier",
        kwargs=_uitgeschreven_leerling,
        ok=SWV_BREED,
        niet_gevonden=ALLE - SWV_BREED,
        geweigerd=404,
    ),
    "uitgeschreven: traject": Situatie(
        url="interventie_detail",
        kwargs=lambda w: {"pk": _traject(w)["traject"]},
        ok=SWV_BREED,
        niet_gevonden=ALLE - SWV_BREED,
        geweigerd=404,
    ),
    "uitgeschreven: tlv-aanvraag": Situatie(
        url="tlv:detail",
        kwargs=_uitgeschreven_aanvraag,
        ok=SWV_BREED,
        niet_gevonden=ALLE - SWV_BREED,
        geweigerd=404,
    ),
    "uitgeschreven: arrangement": Situatie(
        url="arrangement_detail",
        kwargs=_uitgeschreven_arrangement,
        ok=frozenset({"sll", "bestuurder"}),
        niet_gevonden=frozenset({"ib", "directeur", "sc"}),
    ),
    "uitgeschreven: traject criteria": Situatie(
        url="interventie_criteria",
        kwargs=lambda w: {"pk": _traject(w)["traject"]},
        ok=frozenset(),
        niet_gevonden=frozenset({"directeur"}),
    ),
    "uitgeschreven: traject overgang": Situatie(
        url="interventie_overgang",
        kwargs=lambda w: {"pk": _traject(w)["traject"], "naam": "naar_evaluatie"},
        ok=frozenset({"bestuurder"}),
        niet_gevonden=frozenset({"directeur"}),
        ok_status=302,
        methode="post",
    ),
    "uitgeschreven: bijeenkomst": Situatie(
        url="interventie_bijeenkomst",
        kwargs=lambda w: {"pk": _traject(w)["bijeenkomst"]},
        ok=frozenset(),
        niet_gevonden=frozenset({"directeur", "ib"}),
    ),
    "uitgeschreven: bijeenkomst gehouden": Situatie(
        url="interventie_bijeenkomst_gehouden",
        kwargs=lambda w: {"pk": _traject(w)["bijeenkomst"]},
        ok=frozenset(),
        niet_gevonden=frozenset({"directeur", "ib"}),
        methode="post",
    ),
    "uitgeschreven: time-out": Situatie(
        url="verzuim:time_out",
        kwargs=_uit(_time_out, "verzuim.TimeOut"),
        ok=frozenset({"sc", "sll", "bestuurder"}),
        niet_gevonden=frozenset({"ib", "directeur"}),
    ),
    "uitgeschreven: time-out verslag": Situatie(
        url="verzuim:time_out",
        kwargs=_uit(_time_out, "verzuim.TimeOut"),
        ok=frozenset({"sc", "sll", "bestuurder"}),
        niet_gevonden=frozenset({"ib", "directeur"}),
        methode="post",
    ),
    "uitgeschreven: schorsing": Situatie(
        url="verzuim:schorsing",
        kwargs=_uit(_schorsing, "verzuim.Schorsing"),
        ok=frozenset({"sc", "sll", "bestuurder", "lpa"}),
        niet_gevonden=frozenset({"ib", "directeur"}),
    ),
    "uitgeschreven: verzuimmelding": Situatie(
        url="verzuim:melding",
        kwargs=_uit(_melding, "verzuim.Verzuimmelding"),
        ok=frozenset({"lpa"}),
        niet_gevonden=frozenset({"ib", "directeur"}),
    ),
    # The removing school keeps its verwijdering: its bevoegd gezag decides on the bezwaar.
    "uitgeschreven: verwijdering blijft bij de school": Situatie(
        url="verzuim:verwijdering",
        kwargs=_uit(_verwijdering, "verzuim.Verwijdering"),
        ok=frozenset({"ib", "directeur", "sc", "sll", "bestuurder", "lpa"}),
    ),
    "lopend traject: teamlid": Situatie(
        url="interventie_detail",
        kwargs=_teamtraject(afgesloten=False),
        ok=TRAJECT_ZIEN | {"deskundige"},
        geweigerd=404,
    ),
    "afgesloten traject: teamlid": Situatie(
        url="interventie_detail",
        kwargs=_teamtraject(afgesloten=True),
        ok=TRAJECT_ZIEN,
        geweigerd=404,
    ),
}
