from django.conf import settings

from cases.navigatie import nav_voor
from cases.scope import scope_for


def passend(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"passend_debug": settings.DEBUG}
    return {
        "passend_debug": settings.DEBUG,
        "passend_nav": nav_voor(user),
        "passend_scope": scope_for(user),
    }
