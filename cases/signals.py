"""Log logins, logouts and failed logins in the audit log (no password, no personal data)."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from cases.models.audit import AuditActie
from cases.services.audit import log


@receiver(user_logged_in)
def _ingelogd(sender, request, user, **kwargs):
    log(actie=AuditActie.INGELOGD, request=request, user=user)


@receiver(user_logged_out)
def _uitgelogd(sender, request, user, **kwargs):
    if user is not None:
        log(actie=AuditActie.UITGELOGD, request=request, user=user)


@receiver(user_login_failed)
def _mislukt(sender, credentials, request=None, **kwargs):
    log(
        actie=AuditActie.MISLUKT,
        request=request,
        omschrijving=f"gebruikersnaam {credentials.get('username', '')[:100]}",
    )
