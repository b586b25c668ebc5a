"""Role × URL matrix for the leerling dossier [issue 3, domain §2].

The world's pupil is enrolled at school A1 in groep 4: the IB'er and directeur of A1, the
leerkracht of groepen 4–5, the SC and CJK of regio A and the SWV-wide roles see it; a deskundige
and the LPA do not (404: the object does not exist for them). Pages that write (or a role may
not open at all) answer 403 to every other role."""

from __future__ import annotations

import hashlib

from django.core.files.base import ContentFile

from tests.matrix import Toegang

ZIEN = frozenset({"leerkracht", "ib", "directeur", "sc", "cjk", "sll", "tla", "bestuurder", "beheer"})
SCHRIJVEN = frozenset({"ib", "directeur"})


def dossier_objecten(world):
    """The objects every entry needs, made once per world (cached on it)."""
    cache = getattr(world, "_dossier_matrix", None)
    if cache is not None:
        return cache
    from tests.factories import LeerlingFactory, OuderFactory
    from tests.factories.dossier import MINI_PDF, DocumentFactory, OPPFactory, OTBesprekingFactory

    ib = world.users["ib"]
    leerling = LeerlingFactory(swv=world.swv, school=world.school, school__groep=4)
    ouder = OuderFactory(leerling=leerling)
    ot_concept = OTBesprekingFactory(leerling=leerling, aangemaakt_door=ib)
    ot_vast = OTBesprekingFactory(leerling=leerling, aangemaakt_door=ib, vastgesteld=True)
    ot_vast.pdf.save("verslag.pdf", ContentFile(MINI_PDF), save=False)
    type(ot_vast).objects.filter(pk=ot_vast.pk).update(
        pdf=ot_vast.pdf.name, pdf_sha256=hashlib.sha256(MINI_PDF).hexdigest(), pdf_aantal_addenda=0
    )
    opp_vast = OPPFactory(leerling=leerling, aangemaakt_door=ib, vastgesteld=True)
    opp_concept = OPPFactory(leerling=leerling, aangemaakt_door=ib, versie=2)
    document = DocumentFactory(leerling=leerling, geupload_door=ib)
    cache = {
        "leerling": leerling,
        "ouder": ouder,
        "ot_concept": ot_concept,
        "ot_vast": ot_vast,
        "afspraak": ot_vast.afspraken.first(),
        "opp_vast": opp_vast,
        "opp_concept": opp_concept,
        "document": document,
    }
    world._dossier_matrix = cache
    return cache


def _pk(naam):
    return lambda w: {"pk": dossier_objecten(w)[naam].pk}


MATRIX = {
    "leerling_lijst": Toegang(ok=ZIEN),
    "leerling_nieuw": Toegang(ok=SCHRIJVEN),
    "dossier": Toegang(ok=ZIEN, geweigerd=404, kwargs=_pk("leerling")),
    "leerling_wijzigen": Toegang(ok=SCHRIJVEN, kwargs=_pk("leerling")),
    "ouder_nieuw": Toegang(ok=SCHRIJVEN, kwargs=_pk("leerling")),
    "ouder_wijzigen": Toegang(
        ok=SCHRIJVEN,
        kwargs=lambda w: {
            "pk": dossier_objecten(w)["leerling"].pk,
            "ouder_pk": dossier_objecten(w)["ouder"].pk,
        },
    ),
    "inschrijving_nieuw": Toegang(ok=SCHRIJVEN, kwargs=_pk("leerling")),
    "uitschrijven": Toegang(ok=SCHRIJVEN, kwargs=_pk("leerling")),
    "ot_nieuw": Toegang(ok=SCHRIJVEN, kwargs=_pk("leerling"), methode="post", ok_status=302),
    "opp_nieuw": Toegang(ok=SCHRIJVEN, kwargs=_pk("leerling"), methode="post", ok_status=302),
    "document_nieuw": Toegang(ok=SCHRIJVEN, kwargs=_pk("leerling")),
    "ot_detail": Toegang(ok=ZIEN, geweigerd=404, kwargs=_pk("ot_vast")),
    "ot_bewerken": Toegang(ok=SCHRIJVEN, kwargs=_pk("ot_concept")),
    "ot_addendum": Toegang(ok=SCHRIJVEN, kwargs=_pk("ot_vast")),
    "ot_pdf": Toegang(ok=ZIEN, geweigerd=404, kwargs=_pk("ot_vast")),
    "afspraak_afronden": Toegang(ok=SCHRIJVEN, kwargs=_pk("afspraak"), methode="post", ok_status=302),
    "opp_detail": Toegang(ok=ZIEN, geweigerd=404, kwargs=_pk("opp_vast")),
    "opp_bewerken": Toegang(ok=SCHRIJVEN, kwargs=_pk("opp_concept")),
    "opp_akkoord": Toegang(ok=SCHRIJVEN, kwargs=_pk("opp_vast")),
    "document_download": Toegang(ok=ZIEN, geweigerd=404, kwargs=_pk("document")),
    "audit_zoeken": Toegang(ok=frozenset({"beheer"})),
}
