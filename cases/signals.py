"""Log logins, logouts and failed logins in the audit log (no password, no personal data).

Each carries the SWV [issue 14]: one row per SWV the user has a role in, so each of their
beheerders sees it. A failed login names an account by its username; when that account exists,
its SWV's get the row (so a beheerder sees someone guessing his users' passwords)."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from cases.models.audit import AuditActie
from cases.services.audit import log_per_swv, swv_ids_van


@receiver(user_logged_in)
def _ingelogd(sender, request, user, **kwargs):
    log_per_swv(actie=AuditActie.INGELOGD, request=request, user=user)


@receiver(user_logged_out)
def _uitgelogd(sender, request, user, **kwargs):
    if user is not None:
        log_per_swv(actie=AuditActie.UITGELOGD, request=request, user=user)


@receiver(user_login_failed)
def _mislukt(sender, credentials, request=None, **kwargs):
    from django.contrib.auth import get_user_model

    naam = str(credentials.get("username", "") or "")[:100]
    account = get_user_model().objects.filter(username=naam).first() if naam else None
    log_per_swv(
        actie=AuditActie.MISLUKT,
        request=request,
        user=None,
        swv_ids=swv_ids_van(account) if account is not None else [],
        omschrijving=f"gebruikersnaam {naam}",
    )
