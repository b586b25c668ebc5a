"""Log logins, logouts and failed logins in the audit log (no password, no personal data).
Failures and lockouts carry the user's SWV when the username is known, and the IP [issue 14]."""

import time

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from cases.models.audit import AuditActie
from cases.services.audit import log
from cases.sessies import INGELOGD_OP


def _swv_van(username: str):
    """The SWV of a known user's first active role (None for an unknown name)."""
    from cases.models import Rol

    rol = Rol.objects.filter(gebruiker__username=username, actief=True).order_by("id").first()
    return rol.swv if rol is not None else None


@receiver(user_logged_in)
def _ingelogd(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[INGELOGD_OP] = int(time.time())  # the absolute session lifetime starts here
    log(actie=AuditActie.INGELOGD, request=request, user=user)


@receiver(user_logged_out)
def _uitgelogd(sender, request, user, **kwargs):
    if user is not None:
        log(actie=AuditActie.UITGELOGD, request=request, user=user)


@receiver(user_login_failed)
def _mislukt(sender, credentials, request=None, **kwargs):
    from cases.tweefactor import CODE_STAPPEN, STAP, STAP_WACHTWOORD

    username = str(credentials.get("username", ""))[:100]
    stap = credentials.get(STAP, STAP_WACHTWOORD)
    log(
        actie=AuditActie.TWEEDE_FACTOR_MISLUKT if stap in CODE_STAPPEN else AuditActie.MISLUKT,
        request=request,
        user=False,  # the row names the attempted username, not the session's user
        swv=_swv_van(username),
        omschrijving=f"gebruikersnaam {username}; {stap}",
    )


@receiver(user_locked_out)
def _geblokkeerd(sender, request=None, username=None, ip_address=None, **kwargs):
    username = str(username or "")[:100]
    log(
        actie=AuditActie.GEBLOKKEERD,
        request=request,
        user=False,
        swv=_swv_van(username) if username else None,
        omschrijving=f"gebruikersnaam {username}" if username else "IP-adres geblokkeerd",
    )
