"""Reads of ouders' consents [issue 17]: the portal page, the dossier panel, and the read-only hint
where the product already asks a consent (zorgplicht: information from third parties)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import Http404

from cases.models.leerling import Leerling
from cases.ouderportaal.models.toestemming import ONDERWERPEN, Toestemming, ToestemmingOnderwerp
from cases.ouderportaal.selectors import kinderen_van


def keuzes() -> list[tuple[str, str]]:
    return [(o.value, o.label[:1].upper() + o.label[1:]) for o in ToestemmingOnderwerp]


def uitleg() -> list[tuple[str, str, object]]:
    """(value, label, Onderwerp) for each subject, for the explanation next to the form."""
    return [(o.value, o.label[:1].upper() + o.label[1:], ONDERWERPEN[o.value]) for o in ToestemmingOnderwerp]


@dataclass
class Overzicht:
    geldig: list[Toestemming] = field(default_factory=list)
    eerder: list[Toestemming] = field(default_factory=list)  # withdrawn: the history


def toestemmingen_van(leerling: Leerling) -> Overzicht:
    """All consents for the child, current first, then the withdrawn ones (one query)."""
    uit = Overzicht()
    rijen = (
        Toestemming.objects.filter(leerling=leerling)
        .select_related("ouder", "vastgelegd_door", "ingetrokken_door")
        .order_by("-gegeven_op", "-pk")
    )
    for t in rijen:
        (uit.geldig if t.ingetrokken_op is None else uit.eerder).append(t)
    return uit


def geldige_van(leerling_id: int | None, *onderwerpen: str) -> list[Toestemming]:
    """Current consents of these subjects for the child (the hint elsewhere in the product)."""
    if not leerling_id:
        return []
    return list(
        Toestemming.objects.geldig()
        .filter(leerling_id=leerling_id, onderwerp__in=onderwerpen)
        .select_related("ouder")
        .order_by("-gegeven_op")
    )


def toestemming_van(user, pk: int) -> Toestemming:
    """One consent for one of this ouder's children, or 404."""
    kinderen = [k.pk for k in kinderen_van(user)]
    t = Toestemming.objects.filter(pk=pk, leerling_id__in=kinderen).first()
    if t is None:
        raise Http404("Deze toestemming hoort niet bij uw account.")
    return t
