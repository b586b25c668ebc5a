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
    "ouders:verslag": Toegang(ok=frozenset(), kwargs=lambda w: {"pk": _gezin(w).verslag.pk}),
    "ouders:brief": Toegang(ok=frozenset(), kwargs=lambda w: {"pk": _gezin(w).brief.pk}),
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
