"""Test helpers for the second factor [issue 14]: a confirmed TOTP device per user (with the demo
key derivation, so the code is reproducible) and a code that the device accepts now."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from cases import tweefactor


def apparaat_voor(user) -> TOTPDevice:
    apparaat = tweefactor.totp_apparaat(user)
    return apparaat if apparaat is not None else tweefactor.geef_demo_apparaat(user)


def code_voor(user) -> str:
    """A code the user's device accepts now. Replay protection (one use per 30-second step) is
    lifted first, so a test can sign several times in a row."""
    apparaat = apparaat_voor(user)
    TOTPDevice.objects.filter(pk=apparaat.pk).update(last_t=-1)
    apparaat.refresh_from_db()
    return tweefactor.huidige_code(apparaat)


def verifieer_sessie(client, user) -> None:
    """Mark the client's session as verified by the user's device (what the second step does)."""
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = apparaat_voor(user).persistent_id
    session.save()
