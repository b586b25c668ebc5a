"""Views of verzuim/, split by sub-domain."""

from __future__ import annotations

from datetime import date

from django.core.paginator import Paginator
from django.utils import timezone


def pagina(request, qs, per: int = 25):
    return Paginator(qs, per).get_page(request.GET.get("pagina"))


def peildatum(request) -> date:
    """Today, or the ?peildatum= the user asked for (e.g. a reporting date)."""
    waarde = request.GET.get("peildatum", "")
    try:
        return date.fromisoformat(waarde) if waarde else timezone.localdate()
    except ValueError:
        return timezone.localdate()
