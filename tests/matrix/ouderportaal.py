"""Role × URL matrix of the ouderportaal [issue 17]. Staff have no portal: every portal page is a
403 for every role (the ouder himself: tests/cases/ouderportaal/). The staff actions of the
dossier panel: the IB'er/directeur of the child's school and the SWV bureau (redirect back to the
dossier); every other role 403."""

from __future__ import annotations

from tests.matrix import Toegang

UITNODIGERS = frozenset({"ib", "directeur", "sll", "tla", "bestuurder", "beheer"})


def _gezin(w):
    from tests.factories.ouderportaal import gezin_van

    return gezin_van(w)


def _aanvraag(w):
    """A TLV-aanvraag in concept for the world's family: open to its ouders [issue 17]."""
    a = getattr(w, "_ouder_aanvraag", None)
    if a is None:
        from tests.factories.tlv import concept

        a = concept(w, leerling=_gezin(w).kind, compleet=False, ouders_ondertekend_op=None)
        w._ouder_aanvraag = a
    return a


def _bezwaarbrief(w):
    from tests.factories.ouderportaal import bezwaarbrief_van

    return {"pk": bezwaarbrief_van(w).pk}


def _ouderdocument(w):
    from tests.factories.ouderportaal import ouderdocument_van

    return {"pk": ouderdocument_van(w).pk}


def _uitnodiging(w):
    from cases.ouderportaal.services.toegang import nodig_uit
    from tests.factories import LeerlingFactory, OuderFactory

    kind = LeerlingFactory(swv=w.swv, school=w.school, school__groep=4)
    ouder = OuderFactory(leerling=kind, email=f"nieuw{kind.pk}@ouders.example")
    nodig_uit(ouder=ouder, door=w.users["ib"])
    # The raw token is only in the mail; for the matrix a known token is stored instead.
    from cases.ouderportaal.models.toegang import OuderUitnodiging, token_hash

    token = f"matrix-token-{kind.pk}"
    OuderUitnodiging.objects.filter(ouder=ouder).update(token_sha256=token_hash(token))
    return {"token": token}


# Consent [issue 17]: paper consents are recorded by the child's school leaders, the SC of its
# regio and the SWV bureau.
VASTLEGGERS = UITNODIGERS | {"sc"}


def _toestemming(w):
    from django.utils import timezone

    from cases.ouderportaal.models.toestemming import Toestemming, ToestemmingOnderwerp, ToestemmingVia

    g = _gezin(w)
    t = Toestemming.objects.create(
        leerling=g.kind,
        ouder=g.ouder,
        onderwerp=ToestemmingOnderwerp.INFORMATIE_DERDEN,
        scope="Peuterspeelzaal De Matrix",
        via=ToestemmingVia.PORTAAL,
        gegeven_op=timezone.now(),
    )
    return {"pk": t.pk}


MATRIX = {
    "ouders:start": Toegang(ok=frozenset()),
    "ouders:kind": Toegang(ok=frozenset(), kwargs=lambda w: {"pk": _gezin(w).kind.pk}),
    "ouders:opp": Toegang(ok=frozenset(), kwargs=lambda w: {"pk": _gezin(w).opp.pk}),
    # What ouders do [issue 17]: sign the handelingsdeel, write a zienswijze (the ouder: tests/cases/
    # ouderportaal/test_ouderportaal_ondertekenen.py).
    "ouders:opp_ondertekenen": Toegang(ok=frozenset(), kwargs=lambda w: {"pk": _gezin(w).opp.pk}),
    "ouders:opp_zienswijze": Toegang(ok=frozenset(), kwargs=lambda w: {"pk": _gezin(w).opp.pk}),
    "ouders_tlv:aanvraag": Toegang(ok=frozenset(), kwargs=lambda w: {"pk": _aanvraag(w).pk}),
    "ouders_tlv:aanvraag_zienswijze": Toegang(ok=frozenset(), kwargs=lambda w: {"pk": _aanvraag(w).pk}),
    "ouders:verslag": Toegang(ok=frozenset(), kwargs=lambda w: {"pk": _gezin(w).verslag.pk}),
    "ouders:brief": Toegang(ok=frozenset(), kwargs=lambda w: {"pk": _gezin(w).brief.pk}),
    # What ouders do, part 2 [issue 17]: bezwaar on a letter, documents for the dossier (ouders only).
    "ouders:bezwaar": Toegang(ok=frozenset(), kwargs=_bezwaarbrief),
    "ouders:documenten": Toegang(ok=frozenset(), kwargs=lambda w: {"pk": _gezin(w).kind.pk}),
    # The staff queue of documents of ouders: the child's school's IB'er/directeur, the SWV bureau.
    "ouderdocumenten": Toegang(ok=UITNODIGERS),
    "ouderdocument": Toegang(ok=UITNODIGERS, kwargs=_ouderdocument),
    "ouderdocument_bestand": Toegang(ok=UITNODIGERS, kwargs=_ouderdocument),
    "ouders:toestemming": Toegang(ok=frozenset(), kwargs=lambda w: {"pk": _gezin(w).kind.pk}),
    "ouders:toestemming_intrekken": Toegang(ok=frozenset(), methode="post", kwargs=_toestemming),
    "toestemming_vastleggen": Toegang(ok=VASTLEGGERS, kwargs=lambda w: {"pk": _gezin(w).kind.pk}),
    "toestemming_papier_intrekken": Toegang(
        ok=VASTLEGGERS, methode="post", ok_status=302, kwargs=_toestemming
    ),
    # The invitation link is public (the ouder has no account yet); a logged-in user is told to
    # log out first. The token is a secret, not an object id (tests/security/test_idor.py).
    "ouders:uitnodiging": Toegang(
        ok=frozenset(
            {
                "leerkracht",
                "ib",
                "directeur",
                "sc",
                "cjk",
                "sll",
                "tla",
                "deskundige",
                "bestuurder",
                "lpa",
                "beheer",
            }
        ),
        publiek=True,
        kwargs=_uitnodiging,
    ),
    "ouder_uitnodigen": Toegang(
        ok=UITNODIGERS,
        methode="post",
        ok_status=302,
        kwargs=lambda w: {"pk": _gezin(w).kind.pk, "ouder_pk": _gezin(w).ouder.pk},
    ),
    "ouder_toegang_intrekken": Toegang(
        ok=UITNODIGERS,
        methode="post",
        ok_status=302,
        kwargs=lambda w: {"pk": _gezin(w).kind.pk, "ouder_pk": _gezin(w).ouder.pk},
    ),
}
