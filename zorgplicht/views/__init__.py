"""Pages of zorgplicht/ by sub-domain, and what they share: who may open them, the aanmelding, paging."""

# The school registers, follows and decides; the SC keeps the region's overview and searches bao-bao
# places; SWV roles read. Rows only through filter_for_user; writes only through zorgplicht/services/.

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.utils import timezone

from cases.models.rollen import BOVENSCHOOLS, SCHOOLLEIDING, RolSoort
from zorgplicht import selectors
from zorgplicht.models import Aanmelding, OndersteuningSoort

LEZERS = SCHOOLLEIDING | BOVENSCHOOLS
BESLISSERS = (RolSoort.DIRECTEUR,)
BAOBAO = (RolSoort.SC, RolSoort.DIRECTEUR)
OVERZICHT = BOVENSCHOOLS
PER_PAGINA = 25


def vandaag():
    return timezone.localdate()


def aanmelding_voor(request, pk) -> Aanmelding:
    """The aanmelding `pk` if the user may see it; 404 otherwise (also for another SWV's)."""
    return get_object_or_404(selectors.aanmeldingen_voor(request.user), pk=pk)


def pagina(request, rijen):
    return Paginator(rijen, PER_PAGINA).get_page(request.GET.get("pagina"))


def behoeften(a) -> list[str]:
    return [OndersteuningSoort(b).label for b in a.ondersteuningsbehoeften if b in OndersteuningSoort.values]
