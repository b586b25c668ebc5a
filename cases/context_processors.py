from django.conf import settings
from django.utils.functional import SimpleLazyObject

from cases.navigatie import nav_voor
from cases.scope import scope_for


def passend(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"passend_demo": settings.PASSEND_DEMO}
    if not _geverifieerd(user):
        # Between the password and the second step [issue 14]: no menu, no counts, nothing of the
        # work behind the wall; only the name and the way out.
        return {"passend_demo": settings.PASSEND_DEMO, "passend_tweede_stap_open": True}
    if _is_ouder(user):
        # The ouderportaal [issue 17]: the ouders' own menu, none of the staff items or counts.
        from django.urls import reverse

        return {
            "passend_demo": settings.PASSEND_DEMO,
            "passend_ouder": True,
            "passend_nav": [("Mijn kinderen", reverse("ouders:start"), "start")],
        }
    return {
        "passend_demo": settings.PASSEND_DEMO,
        "passend_nav": nav_voor(user),
        "passend_scope": scope_for(user),
        # Unread deadline notifications for the header; lazy, so one query only where rendered.
        "passend_ongelezen": SimpleLazyObject(lambda: _aantal_ongelezen(user)),
    }


def _is_ouder(user) -> bool:
    """No role, not the superuser, and an ouder account (cases/ouderportaal)."""
    if user.is_superuser or scope_for(user).soorten:
        return False
    from cases.ouderportaal.selectors import is_ouder

    return is_ouder(user)


def _geverifieerd(user) -> bool:
    is_verified = getattr(user, "is_verified", None)  # set by django_otp's OTPMiddleware
    return bool(is_verified()) if callable(is_verified) else False


def _aantal_ongelezen(user) -> int:
    from cases.termijnen.selectors import aantal_ongelezen

    return aantal_ongelezen(user)
