"""Views of verzuim/, split by sub-domain."""

from __future__ import annotations

from datetime import date

from django.core.paginator import Paginator
from django.utils import timezone

from cases import queryparams as qp


def pagina(request, qs, per: int = 25):
    return Paginator(qs, per).get_page(request.GET.get("pagina"))


def peildatum(request, *, strikt: bool = False) -> date:
    """Today, or the ?peildatum= the user asked for (e.g. a reporting date) when it is a date
    between 1900 and 2100; another value is reported and today is used [issue 13]."""
    dag = qp.datum(request, "peildatum", label="de peildatum", gevolg="vandaag is gebruikt", strikt=strikt)
    return dag or timezone.localdate()
