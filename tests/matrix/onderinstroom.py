"""Role × URL matrix for the onderinstroom [issue 16.10; 002 L798-807, bijlage 3.10].

The world's young child has its onderinstroom in regio A with a delivered overdrachtsdocument for
school A1 and a running overgangsarrangement there: the CJK and SC of regio A, the SWV-wide roles and
the IB'er and directeur of A1 (the school van aanmelding) open the page; leerkracht, deskundige and
LPA are refused the pages (403). The CJK's actions (advies, overdracht, document) are the CJK's; the
overgangsarrangement is requested through the SC; the evaluation is the school's or the SC's; the
TLV route is the school's. A POST with an empty body re-renders the page with the errors (200); the
afleveren and TLV buttons answer with a redirect and a message (302)."""

from __future__ import annotations

from tests.matrix import Toegang

LEZERS = frozenset({"cjk", "sc", "sll", "tla", "bestuurder", "beheer", "ib", "directeur"})
CJK = frozenset({"cjk"})
SCHOOL = frozenset({"ib", "directeur"})


def objecten(world):
    cache = getattr(world, "_onderinstroom_matrix", None)
    if cache is None:
        from tests.factories.onderinstroom import onderinstroom_in

        cache = {"onderinstroom": onderinstroom_in(world).pk}
        world._onderinstroom_matrix = cache
    return cache


def _pk(w):
    return {"pk": objecten(w)["onderinstroom"]}


MATRIX = {
    "onderinstroom_lijst": Toegang(ok=LEZERS),
    "onderinstroom_nieuw": Toegang(ok=CJK),
    "onderinstroom_detail": Toegang(ok=LEZERS, kwargs=_pk),
    "onderinstroom_advies": Toegang(ok=CJK, methode="post", kwargs=_pk),
    "onderinstroom_overdracht": Toegang(ok=CJK, methode="post", kwargs=_pk),
    "onderinstroom_document": Toegang(ok=CJK, kwargs=_pk),
    "onderinstroom_afleveren": Toegang(ok=CJK, methode="post", ok_status=302, kwargs=_pk),
    "onderinstroom_arrangement": Toegang(ok=frozenset({"sc"}), methode="post", kwargs=_pk),
    "onderinstroom_evaluatie": Toegang(ok=SCHOOL | {"sc"}, methode="post", kwargs=_pk),
    "onderinstroom_tlv": Toegang(ok=SCHOOL, methode="post", ok_status=302, kwargs=_pk),
}
