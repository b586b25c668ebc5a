from tests.factories import LeerlingFactory
from tests.factories.brieven import gerenderde_brief
from tests.matrix import Toegang


def _brief(w):
    leerling = LeerlingFactory(swv=w.swv, school=w.school, school__groep=4)
    return {"pk": gerenderde_brief(leerling=leerling).pk}


MATRIX = {
    # Everyone who may see the leerling may download its letters; others: 404 (outside scope).
    "brief_download": Toegang(
        ok=frozenset({"leerkracht", "ib", "directeur", "sc", "cjk", "sll", "tla", "bestuurder", "beheer"}),
        geweigerd=404,
        kwargs=_brief,
    ),
    # [issue 17] The SLL and beheerder post the SWV's letters; IB'er and directeur their school's.
    "brieven_versturen": Toegang(ok=frozenset({"ib", "directeur", "sll", "beheer"})),
}
