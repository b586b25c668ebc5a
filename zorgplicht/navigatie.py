"""The "Mijn werk" panel and the dossier-timeline provider of the zorgplicht; they, the menu items
and the zorgplicht's kind of term are registered in zorgplicht/registraties.py."""

from __future__ import annotations

from django.utils import timezone

from cases.models.rollen import RolSoort
from cases.navigatie import Paneel

PANEEL_MAX = 10


def zorgplicht_aandacht(user, scope) -> Paneel | None:
    """Directeur, IB'er and SC: running zorgplicht terms with plaatsingsplicht, an expired term, or
    an end within a week — computed from the dates on every page view, so no worker is needed."""
    if not scope.heeft(RolSoort.DIRECTEUR, RolSoort.IB, RolSoort.SC):
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
            "lijst_url": "zorgplicht:overzicht" if scope.heeft(RolSoort.SC) else "zorgplicht:lijst",
        },
        volgorde=20,
        aantal=len(aandacht) or None,
    )


# --- the dossier timeline ------------------------------------------------------------------------


def tijdlijn_providers() -> tuple:
    """The zorgplicht's dossier-timeline provider, for zorgplicht/registraties.py to register."""
    from django.urls import reverse

    from cases.tijdlijn import TijdlijnItem

    def zorgplicht_items(leerling_ids, *, user):
        """Aanmelding, extension, decision and closing of each zorgplicht case: one query."""
        from zorgplicht.models import Aanmelding, Uitkomst

        rows = Aanmelding.objects.filter(leerling_id__in=leerling_ids).values_list(
            "pk",
            "leerling_id",
            "aanmelding_op",
            "status",
            "verlengd_op",
            "besluit_op",
            "uitkomst",
            "afgesloten_op",
            "school__naam",
        )
        items = []
        for pk, lid, aangemeld, status, verlengd, besluit, uitkomst, afgesloten, school in rows:
            url = reverse("zorgplicht:detail", args=[pk])
            items.append(
                TijdlijnItem(
                    lid,
                    aangemeld,
                    "Zorgplicht",
                    f"Schriftelijk aangemeld bij {school}",
                    url,
                    status.replace("_", " "),
                )
            )
            if verlengd:
                items.append(
                    TijdlijnItem(lid, verlengd, "Zorgplicht", "Onderzoekstermijn verlengd met 4 weken", url)
                )
            if besluit and uitkomst:
                items.append(
                    TijdlijnItem(
                        lid,
                        besluit,
                        "Zorgplicht",
                        f"Besluit: {Uitkomst(uitkomst).label}",
                        url,
                        stap=9 if uitkomst in (Uitkomst.ANDERE_SCHOOL, Uitkomst.TLV) else None,
                    )
                )
            if afgesloten:
                items.append(
                    TijdlijnItem(lid, afgesloten, "Zorgplicht", "Zorgplichtaanmelding afgesloten", url)
                )
        return items

    return (zorgplicht_items,)
