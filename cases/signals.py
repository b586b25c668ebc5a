"""Log logins, logouts and failed logins in the audit log (no password, no personal data).
Each carries the SWV [issue 14]: one row per SWV the user has a role in, so each of their
beheerders sees it. A failed login, a failed second step or a lockout names an account by its
username; when that account exists, its SWV's get the row (so a beheerder sees someone guessing
his users' passwords), with the IP."""

import time

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from cases.models.audit import AuditActie
from cases.services.audit import log_per_swv, swv_ids_van
from cases.sessies import INGELOGD_OP


def _swv_ids(username: str) -> list[int]:
    """The SWV's of a known user's roles ([] for an unknown name)."""
    from django.contrib.auth import get_user_model

    account = get_user_model().objects.filter(username=username).first() if username else None
    return swv_ids_van(account) if account is not None else []


@receiver(user_logged_in)
def _ingelogd(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[INGELOGD_OP] = int(time.time())  # the absolute session lifetime starts here
    log_per_swv(actie=AuditActie.INGELOGD, request=request, user=user)


@receiver(user_logged_out)
def _uitgelogd(sender, request, user, **kwargs):
    if user is not None:
        log_per_swv(actie=AuditActie.UITGELOGD, request=request, user=user)


@receiver(user_login_failed)
def _mislukt(sender, credentials, request=None, **kwargs):
    from cases.tweefactor import CODE_STAPPEN, STAP, STAP_WACHTWOORD

    username = str(credentials.get("username", "") or "")[:100]
    stap = credentials.get(STAP, STAP_WACHTWOORD)
    log_per_swv(
        actie=AuditActie.TWEEDE_FACTOR_MISLUKT if stap in CODE_STAPPEN else AuditActie.MISLUKT,
        request=request,
        user=False,  # the row names the attempted username, not the session's user
        swv_ids=_swv_ids(username),
        omschrijving=f"gebruikersnaam {username}; {stap}",
    )


@receiver(user_locked_out)
def _geblokkeerd(sender, request=None, username=None, ip_address=None, **kwargs):
    username = str(username or "")[:100]
    log_per_swv(
        actie=AuditActie.GEBLOKKEERD,
        request=request,
        user=False,
        swv_ids=_swv_ids(username),
        omschrijving=f"gebruikersnaam {username}" if username else "IP-adres geblokkeerd",
    )
