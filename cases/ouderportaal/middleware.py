"""An ouder reaches only the ouderportaal and his account pages [issue 17]. An ouder has no Rol,
so the staff pages would refuse him one by one (403, or 404 for an id outside his scope); this
makes the answer one and the same for every staff URL, including ones added later: "Mijn werk"
sends him to the portal, every other staff page is a 403 with the way back to the portal."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse

from cases.scope import scope_for

OUDER_PADEN = ("/ouders/", "/account/")


class OuderportaalMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not user.is_superuser:
            pad = request.path_info
            if not pad.startswith((*OUDER_PADEN, settings.STATIC_URL)) and not scope_for(user).soorten:
                from cases.ouderportaal.selectors import is_ouder

                if is_ouder(user):
                    if pad == reverse("home"):
                        return redirect("ouders:start")
                    raise PermissionDenied(
                        "Deze pagina is voor medewerkers van school en samenwerkingsverband."
                    )
        return self.get_response(request)
