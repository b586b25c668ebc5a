"""What the school wrote, for everyone who judges the aanvraag [issue 20.1; 002 §1.4].

The SC answers "zijn de onderwijs- en ondersteuningsbehoeften helder beschreven", the deskundigen
advise and the bestuurder signs: each reads the aanvraagformulier (behoeften, waarom niet regulier,
zienswijze van ouders on paper and in the ouderportaal, the ouders' signature) and the dossier
pieces the completeness check (tlv/volledigheid.py) looks at — the OPP version, the vastgestelde
OT-verslagen and the documents — beside that checklist.

The dossier is loaded once (the same `Dossier` the checklist evaluates) and every piece is then
narrowed to what this user may open through the models' own filter_for_user: a link is shown only
when its (audited) page or download would open for this user. One query per kind, whatever the
number of documents."""

from __future__ import annotations

from dataclasses import dataclass

from cases.dossier.models.documenten import Document, DocumentSoort
from cases.dossier.models.opp import OPP
from cases.dossier.models.ot import OTBespreking
from tlv.volledigheid import Dossier

# The documents the rules read (LVS, onderzoek, medisch, overdracht) and the signed papers the
# signature rules refer to; "overig" is not part of the aanvraag.
RELEVANTE_SOORTEN = (
    DocumentSoort.TLV_AANVRAAG,
    DocumentSoort.HANDELINGSDEEL,
    DocumentSoort.LVS,
    DocumentSoort.ONDERZOEK,
    DocumentSoort.MEDISCH,
    DocumentSoort.OVERDRACHT,
)


@dataclass
class Inhoud:
    opp: OPP | None
    ots: list[OTBespreking]
    documenten: list[Document]
    verborgen: int  # pieces in the dossier this user may not open (only counted, never shown)

    @property
    def iets(self) -> bool:
        return bool(self.opp or self.ots or self.documenten)


def _zichtbaar(model, user, objecten) -> list:
    if not objecten:
        return []
    mag = set(
        model.objects.filter_for_user(user)
        .filter(pk__in=[o.pk for o in objecten])
        .values_list("pk", flat=True)
    )
    return [o for o in objecten if o.pk in mag]


def inhoud(user, dossier: Dossier) -> Inhoud:
    opp = _zichtbaar(OPP, user, [dossier.opp] if dossier.opp else [])
    ots = _zichtbaar(OTBespreking, user, dossier.ots)
    relevant = [d for d in dossier.documenten if d.soort in RELEVANTE_SOORTEN]
    documenten = _zichtbaar(Document, user, relevant)
    totaal = (1 if dossier.opp else 0) + len(dossier.ots) + len(relevant)
    return Inhoud(
        opp=opp[0] if opp else None,
        ots=ots,
        documenten=documenten,
        verborgen=totaal - len(opp) - len(ots) - len(documenten),
    )
