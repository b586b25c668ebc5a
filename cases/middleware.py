"""Refuse a query string the database cannot hold, before any view reads it [issue 13]."""

from __future__ import annotations

from cases.queryparams import OngeldigeInvoer


class OngeldigeInvoerMiddleware:
    """A NUL byte in a query parameter (name or value) answers 400 with the Dutch error page.

    PostgreSQL refuses NUL in text ("cannot contain NUL (0x00) bytes"), so a search or filter with
    one would be a 500; no link of the app ever contains one. Forms refuse NUL in POSTed text
    themselves (Django's CharField), next to the field, keeping what was typed. The check runs in
    process_view, after authentication, so the 400 page shows the user's own menu."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        for sleutel, waarden in request.GET.lists():
            if "\x00" in sleutel or any("\x00" in w for w in waarden):
                raise OngeldigeInvoer("De link bevat een teken dat niet in een adres hoort (een NUL-teken).")
        return None


class GeweigerdAuditMiddleware:
    """Every refused attempt on a URL with an id leaves an audit row [issue 14].

    Whatever the view did, a PermissionDenied, an Http404, get_object_or_404 or a rendered 403,
    arrives here as a response with status 403 or 404; only requests of a logged-in user to a URL
    pattern with parameters (a leerling, case or document id) count. Anonymous requests are sent
    to the login page before any id is looked at, and a path that matches no pattern names no id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code in (403, 404):
            match = getattr(request, "resolver_match", None)
            user = getattr(request, "user", None)
            if match is not None and match.kwargs and getattr(user, "is_authenticated", False):
                from cases.services.audit import log_geweigerd

                log_geweigerd(request, response.status_code)
        return response
