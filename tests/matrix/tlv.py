"""Role × URL matrix of the TLV app [issue 5]. The aanvraag lives at the world's school A1 (regio A):
school staff, the regio's SC/CJK and the SWV roles see it; a deskundige only when assigned
(the matrix deskundige is not: 404), leerkracht and LPA never (404)."""

from tests.matrix import Toegang

ZIEN = frozenset({"ib", "directeur", "sc", "cjk", "sll", "tla", "bestuurder", "beheer"})
SWV_BUREAU_SLUGS = frozenset({"sll", "tla", "bestuurder", "beheer"})


def _aanvraag(w):
    from tests.factories.tlv import concept

    return {"pk": concept(w, compleet=False).pk}


def _tlv(w):
    from tests.factories.tlv import afgegeven_tlv

    return {"pk": afgegeven_tlv(w).pk}


def _stap(w):
    return {**_aanvraag(w), "naam": "indienen"}


MATRIX = {
    "tlv:lijst": Toegang(ok=ZIEN),
    "tlv:ter_ondertekening": Toegang(ok=frozenset({"bestuurder"})),
    "tlv:tla_werklijst": Toegang(ok=frozenset({"tla"})),
    "tlv:mijn_aanvragen": Toegang(ok=frozenset({"deskundige"})),
    "tlv:nieuw": Toegang(ok=frozenset({"ib", "directeur"})),
    "tlv:vergaderingen": Toegang(ok=frozenset({"tla", "sll", "bestuurder", "beheer"})),
    "tlv:herindicaties": Toegang(
        ok=frozenset({"sll", "sc", "tla", "bestuurder", "ib", "directeur", "beheer"})
    ),
    "tlv:doorlooptijden": Toegang(ok=frozenset({"sll", "bestuurder", "beheer"})),
    # The register and the blad: the SWV bureau [issue 16.8]; the blad also for the schoolleiding of
    # the school of plaatsing (tests/tlv/test_tlv_register.py), here a pupil not yet placed: 404.
    "tlv:register": Toegang(ok=SWV_BUREAU_SLUGS),
    "tlv:blad": Toegang(ok=SWV_BUREAU_SLUGS, geweigerd=404, kwargs=_tlv),
    "tlv:detail": Toegang(ok=ZIEN, geweigerd=404, kwargs=_aanvraag),
    "tlv:bewerken": Toegang(ok=frozenset({"ib", "directeur"}), geweigerd=404, kwargs=_aanvraag),
    # A posted step: whoever can see the aanvraag gets the page back (done, or the Dutch reason why
    # not); everyone else 404.
    "tlv:stap": Toegang(ok=ZIEN, geweigerd=404, kwargs=_stap, methode="post", ok_status=302),
}
