"""The TLV state machine drawn from the code (docs/tlv-statemachine.md), so the drawing cannot
drift: tests/tlv/test_tlv_diagram.py fails when the file differs from what the code says."""

from __future__ import annotations

from cases.workflow import regeltekst
from tlv.models import Status, TLVAanvraag

ROLNAMEN = {
    "school_directeur": "directeur van de school",
    "school_medewerker": "IB'er of directeur van de school",
    "sll": "secretaresse leerlingenzaken",
    "sc": "steunpuntcoördinator van de regio",
    "sll_of_sc": "secretaresse leerlingenzaken of steunpuntcoördinator",
    "tla_voorzitter": "TLA-voorzitter",
    "bestuurder": "directeur-bestuurder",
    "deskundige": "toegewezen deskundige",
    "eerste_deskundige": "eerste deskundige",
    "bezwaar_registreren": "secretaresse leerlingenzaken, of een ouder met gezag in het ouderportaal",
}


def transities():
    """(name, source, target(s), role, [condition texts]) for every transition, in a stable order."""
    rijen = []
    for t in TLVAanvraag().get_all_status_transitions():
        doel = t.target
        doelen = list(doel.allowed_states) if hasattr(doel, "allowed_states") else [doel]
        rol = ROLNAMEN.get(getattr(t.permission, "__name__", ""), "")
        rijen.append((t.name, t.source, doelen, rol, [regeltekst(c) for c in t.conditions]))
    volgorde = {s.value: i for i, s in enumerate(Status)}
    return sorted(rijen, key=lambda r: (volgorde.get(r[1], 99), r[0]))


def markdown() -> str:
    regels = [
        "# De TLV-aanvraag als toestandsmachine",
        "",
        "Gegenereerd uit `tlv/models/aanvraag.py` met `manage.py tlv_toestanddiagram`; niet met de hand",
        "bewerken (een test faalt als dit bestand afwijkt van de code).",
        "",
        "```mermaid",
        "stateDiagram-v2",
    ]
    for s in Status:
        regels.append(f"    {s.value}: {s.label}")
    regels.append("    [*] --> concept")
    for naam, bron, doelen, _rol, _c in transities():
        for doel in doelen:
            regels.append(f"    {bron} --> {doel}: {naam}")
    regels += ["```", "", "| stap | van | naar | wie | voorwaarden |", "|---|---|---|---|---|"]
    for naam, bron, doelen, rol, condities in transities():
        naar = " / ".join(Status(d).label for d in doelen)
        voorwaarden = "<br>".join(condities) or "–"
        regels.append(f"| `{naam}` | {Status(bron).label} | {naar} | {rol} | {voorwaarden} |")
    return "\n".join(regels) + "\n"
