"""Role × URL matrix for interventietrajecten and arrangementen [issue 7, domain §2, §8, §9].

The world's pupil is enrolled at school A1 in groep 4 (regio A): the IB'er, directeur and
leerkracht (groep 4) of A1, the SC of regio A and the SWV-wide roles see its traject; CJK,
deskundige and LPA are not on its team and get 404 on a detail page. Pages tied to a role
(aanmelden: directeur; team: directeur SWV; meetings: directeur and IB'er; placements and the
evaluation: directeur and directeur SWV) answer 403 to every other role."""

from __future__ import annotations

from datetime import date

from tests.matrix import Toegang

ZIEN = frozenset({"leerkracht", "ib", "directeur", "sc", "cjk", "sll", "tla", "bestuurder", "beheer"})
LIJST = ZIEN | {"deskundige", "lpa"}
SCHOOLTEAM = frozenset({"directeur", "ib"})
CASUS = frozenset({"directeur", "bestuurder"})
ARR_LEZERS = frozenset({"directeur", "ib", "sc", "sll", "bestuurder"})
ARR_BEHEER = frozenset({"sc", "sll", "bestuurder"})


def objecten(world):
    cache = getattr(world, "_interventie_matrix", None)
    if cache is not None:
        return cache
    from cases.interventie.models.traject import InterventiePlaatsing
    from tests.factories.interventie import (
        AfspraakFactory,
        ArrangementFactory,
        BijeenkomstFactory,
        traject_in,
    )

    traject = traject_in(world, team=True, status="lopend")
    bijeenkomst = BijeenkomstFactory(traject=traject)
    afspraak = AfspraakFactory(traject=traject, eigenaar=world.users["ib"], bewaker=world.users["directeur"])
    plaatsing = InterventiePlaatsing.objects.create(
        traject=traject,
        stap=2,
        school=world.school,
        setting="groep 5b",
        doel="Rust",
        startdatum=date(2026, 2, 9),
        einddatum=date(2026, 3, 20),
        middelen="geen extra",
        akkoord_ontvangende_school=True,
        akkoord_door="directeur",
        akkoord_op=date(2026, 2, 6),
    )
    arrangement = ArrangementFactory(leerling=traject.leerling, uitvoerende_school=world.school2)
    cache = {
        "traject": traject.pk,
        "teamlid": traject.teamleden.first().pk,
        "bijeenkomst": bijeenkomst.pk,
        "afspraak": afspraak.pk,
        "plaatsing": plaatsing.pk,
        "arrangement": arrangement.pk,
    }
    world._interventie_matrix = cache
    return cache


def _pk(naam):
    return lambda w: {"pk": objecten(w)[naam]}


MATRIX = {
    "interventie_lijst": Toegang(ok=LIJST),
    "interventie_aanmelden": Toegang(ok=frozenset({"directeur"})),
    "interventie_overzicht": Toegang(ok=frozenset({"bestuurder", "sll", "sc"})),
    "interventie_detail": Toegang(ok=ZIEN, geweigerd=404, kwargs=_pk("traject")),
    "interventie_criteria": Toegang(ok=frozenset({"directeur"}), kwargs=_pk("traject")),
    "interventie_team": Toegang(ok=frozenset({"bestuurder"}), kwargs=_pk("traject")),
    "interventie_overgang": Toegang(
        ok=CASUS,
        methode="post",
        ok_status=302,
        kwargs=lambda w: {"pk": objecten(w)["traject"], "naam": "naar_evaluatie"},
    ),
    "interventie_bijeenkomst_nieuw": Toegang(ok=SCHOOLTEAM, kwargs=_pk("traject")),
    "interventie_plaatsing_nieuw": Toegang(ok=CASUS, kwargs=_pk("traject")),
    "interventie_evaluatie": Toegang(ok=CASUS, kwargs=_pk("traject")),
    "interventie_teamlid_verwijderen": Toegang(
        ok=frozenset({"bestuurder"}), methode="post", ok_status=302, kwargs=_pk("teamlid")
    ),
    "interventie_bijeenkomst": Toegang(ok=SCHOOLTEAM, kwargs=_pk("bijeenkomst")),
    "interventie_bijeenkomst_gehouden": Toegang(
        ok=SCHOOLTEAM, methode="post", ok_status=302, kwargs=_pk("bijeenkomst")
    ),
    "interventie_afspraak_nieuw": Toegang(
        ok=frozenset({"directeur", "ib", "bestuurder"}), kwargs=_pk("bijeenkomst")
    ),
    # Owner (ib), guard (directeur) and the team may mark it done; other roles that see the traject
    # get a refusal message and the redirect; roles outside the traject's scope get 404.
    "interventie_afspraak_afgerond": Toegang(
        ok=ZIEN, geweigerd=404, methode="post", ok_status=302, kwargs=_pk("afspraak")
    ),
    "interventie_plaatsing_beeindigen": Toegang(ok=CASUS, kwargs=_pk("plaatsing")),
    "interventie_plaatsing_definitief": Toegang(ok=CASUS, kwargs=_pk("plaatsing")),
    "arrangement_lijst": Toegang(ok=ARR_LEZERS),
    "arrangement_nieuw": Toegang(ok=ARR_BEHEER),
    "arrangement_budget": Toegang(ok=frozenset({"sll", "bestuurder"})),
    "arrangement_detail": Toegang(ok=ARR_LEZERS, kwargs=_pk("arrangement")),
    "arrangement_wijzigen": Toegang(ok=ARR_BEHEER, kwargs=_pk("arrangement")),
}
