"""Menu items and the "Mijn werk" panel of the zorgplicht, registered from ZorgplichtConfig.ready()."""

from __future__ import annotations

from django.utils import timezone

from cases.navigatie import Paneel, paneel, registreer_nav

registreer_nav(
    "Zorgplicht",
    "zorgplicht:lijst",
    rollen=["ib", "directeur", "sc", "cjk", "sll", "tla", "bestuurder", "beheer"],
    volgorde=30,
)
registreer_nav(
    "Zorgplicht regio",
    "zorgplicht:overzicht",
    rollen=["sc", "cjk", "sll", "tla", "bestuurder", "beheer"],
    volgorde=31,
)
registreer_nav("SOP's", "zorgplicht:sop_lijst", rollen=["sc"], volgorde=32)

PANEEL_MAX = 10


@paneel
def zorgplicht_aandacht(user, scope) -> Paneel | None:
    """Directeur, IB'er and SC: running zorgplicht terms with plaatsingsplicht, an expired term, or
    an end within a week — computed from the dates on every page view, so no worker is needed."""
    if not scope.heeft("directeur", "ib", "sc"):
        return None
    from zorgplicht.selectors import lopende_op_urgentie

    rijen = lopende_op_urgentie(user, timezone.localdate())
    aandacht = [r for r in rijen if r.stand.plaatsingsplicht or r.stand.verstreken or r.stand.waarschuwingen]
    return Paneel(
        titel="Zorgplicht: termijnen die aandacht vragen",
        template="zorgplicht/paneel.html",
        context={
            "rijen": aandacht[:PANEEL_MAX],
            "meer": max(0, len(aandacht) - PANEEL_MAX),
            "lopend": len(rijen),
            "lijst_url": "zorgplicht:overzicht" if scope.heeft("sc") else "zorgplicht:lijst",
        },
        volgorde=20,
        aantal=len(aandacht) or None,
    )
