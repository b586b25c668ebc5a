"""Two factors and lockout for every staff user [issue 14, docs/adr/0003-tweede-factor-en-blokkade.md].

- The wall: an authenticated user whose session is not verified by a second factor (django-otp)
  only reaches the login, second-step, logout and static pages (TweeFactorVerplichtMiddleware).
- Failures (login password, second-step code, signing password or code) go through Django's
  `user_login_failed`, so django-axes counts them per username and per IP and cases/signals.py
  writes the audit row; `bevestig_handtekening` is the fresh second factor for a signature.
- Demo users get a TOTP device with a fixed, documented key derived from the username."""

from __future__ import annotations

import base64
import hashlib
import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_email.models import EmailDevice
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from cases.services.audit import client_ip

# Which failure this was; cases/signals.py reads it to choose the audit action.
STAP = "passend_stap"
STAP_WACHTWOORD = "wachtwoord"
STAP_CODE = "tweede_stap"
STAP_ONDERTEKENEN_WACHTWOORD = "handtekening_wachtwoord"
STAP_ONDERTEKENEN_CODE = "handtekening_code"
CODE_STAPPEN = {STAP_CODE, STAP_ONDERTEKENEN_CODE}

APPARAAT_NAAM = "Authenticator-app"
HERSTEL_NAAM = "Herstelcodes"
AANTAL_HERSTELCODES = 10

# Fictitious, demo only: the TOTP key of a demo user is the first 20 bytes of
# sha256(DEMO_SLEUTEL_ZOUT + username). Documented in README "Demo-accounts".
DEMO_SLEUTEL_ZOUT = "passend-demo-totp:"


# --- devices ---------------------------------------------------------------------------------
def demo_sleutel(username: str) -> str:
    """The hex TOTP key of a demo user (django-otp stores keys as hex)."""
    return hashlib.sha256(f"{DEMO_SLEUTEL_ZOUT}{username}".encode()).hexdigest()[:40]


def base32_geheim(hex_sleutel: str) -> str:
    """The secret as an authenticator app wants it typed in (base32, no padding)."""
    return base64.b32encode(bytes.fromhex(hex_sleutel)).decode().rstrip("=")


def totp_apparaat(user, *, bevestigd: bool | None = True) -> TOTPDevice | None:
    qs = TOTPDevice.objects.devices_for_user(user, confirmed=bevestigd)
    return qs.order_by("id").first()


def huidige_code(apparaat: TOTPDevice, *, op: float | None = None) -> str:
    """The code the app shows now (or at epoch second `op`), computed server-side."""
    totp = TOTP(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, apparaat.drift)
    totp.time = op if op is not None else time.time()
    return f"{totp.token():0{apparaat.digits}d}"


def geef_demo_apparaat(user) -> TOTPDevice:
    """A confirmed TOTP device with the documented demo key (idempotent)."""
    apparaat, _ = TOTPDevice.objects.update_or_create(
        user=user, name=APPARAAT_NAAM, defaults={"key": demo_sleutel(user.username), "confirmed": True}
    )
    return apparaat


def is_demo_apparaat(apparaat: TOTPDevice | None) -> bool:
    return apparaat is not None and apparaat.key == demo_sleutel(apparaat.user.username)


def email_apparaat(user) -> EmailDevice | None:
    """The ouders' second factor: a code by e-mail (django-otp's otp_email) [issue 17]."""
    return EmailDevice.objects.devices_for_user(user, confirmed=True).order_by("id").first()


def email_adres(apparaat: EmailDevice) -> str:
    return apparaat.email or apparaat.user.email or ""


def gemaskeerd_adres(adres: str) -> str:
    """'m•••@example.nl': enough to recognise one's own address, not to learn someone else's."""
    lokaal, _, domein = adres.partition("@")
    return f"{lokaal[:1]}•••@{domein}" if domein else "•••"


def email_code_geldig(apparaat: EmailDevice) -> bool:
    from django.utils import timezone

    return bool(apparaat.token) and apparaat.valid_until is not None and apparaat.valid_until > timezone.now()


def stuur_email_code(apparaat: EmailDevice) -> None:
    """A new code by e-mail (the mail: templates/otp/email/token.txt, no child data)."""
    apparaat.generate_challenge({"minuten": settings.OTP_EMAIL_TOKEN_VALIDITY // 60})


def demo_email_code(apparaat: EmailDevice | None) -> str | None:
    """Demo only: the current e-mail code, for a demo ouder whose address ends in the reserved
    top-level domain .example (no mail can reach it, so showing the code gives nothing away)."""
    if not settings.PASSEND_DEMO or apparaat is None or not email_adres(apparaat).endswith(".example"):
        return None
    return apparaat.token if email_code_geldig(apparaat) else None


def maak_herstelcodes(user) -> list[str]:
    """Replace the user's recovery codes by AANTAL_HERSTELCODES new single-use ones."""
    apparaat, _ = StaticDevice.objects.get_or_create(user=user, name=HERSTEL_NAAM)
    apparaat.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(AANTAL_HERSTELCODES)]
    StaticToken.objects.bulk_create(StaticToken(device=apparaat, token=c) for c in codes)
    return codes


# --- lockout ---------------------------------------------------------------------------------
def axes_client_ip(request) -> str | None:
    """AXES_CLIENT_IP_CALLABLE: the same client IP as the audit log."""
    return client_ip(request)


def is_geblokkeerd(request, username: str) -> bool:
    from axes.handlers.proxy import AxesProxyHandler

    return not AxesProxyHandler.is_allowed(request, {"username": username})


def meld_mislukt(request, username: str, stap: str) -> bool:
    """Count a failure toward the lockout and write its audit row. True when now locked."""
    user_login_failed.send(sender=__name__, credentials={"username": username, STAP: stap}, request=request)
    # axes marks the request so that its middleware swaps the response; the callers of this
    # function answer with their own Dutch message instead.
    locked = bool(getattr(request, "axes_locked_out", False))
    request.axes_locked_out = False
    return locked or is_geblokkeerd(request, username)


def wis_mislukte_pogingen(request, username: str) -> None:
    """After both factors: the failures of this username no longer count."""
    from axes.handlers.proxy import AxesProxyHandler

    AxesProxyHandler.reset_attempts(username=username)


def blokkade_minuten() -> int:
    return int(round(float(settings.AXES_COOLOFF_TIME) * 60))


def blokkade_melding() -> str:
    return (
        f"Er is te vaak een verkeerd wachtwoord of een verkeerde code ingevoerd. Om uw account te "
        f"beschermen is inloggen en ondertekenen {blokkade_minuten()} minuten geblokkeerd. Probeer het "
        f"daarna opnieuw, of vraag de beheerder van uw samenwerkingsverband om hulp."
    )


def geblokkeerd_antwoord(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the Dutch lockout page (HTTP 429)."""
    return render(
        request,
        "registration/geblokkeerd.html",
        {"minuten": blokkade_minuten(), "melding": blokkade_melding()},
        status=429,
    )


# --- a fresh second factor for a signature ---------------------------------------------------
def bevestig_handtekening(
    *, door, wachtwoord: str, code: str, request=None, niets: str = "Er is niets ondertekend."
) -> None:
    """Password AND a current TOTP code of `door`, or a ValidationError on the field. Counted
    toward the lockout (with a request); refused while locked. Call outside a transaction that
    the refusal rolls back, so the audit row and the count stay."""
    gebruikersnaam = door.username
    if request is not None and is_geblokkeerd(request, gebruikersnaam):
        meld_mislukt(request, gebruikersnaam, STAP_ONDERTEKENEN_WACHTWOORD)
        raise ValidationError({"wachtwoord": f"{blokkade_melding()} {niets}"})
    if not door.check_password(wachtwoord or ""):
        if request is not None and meld_mislukt(request, gebruikersnaam, STAP_ONDERTEKENEN_WACHTWOORD):
            raise ValidationError({"wachtwoord": f"{blokkade_melding()} {niets}"})
        raise ValidationError({"wachtwoord": f"Het wachtwoord klopt niet. {niets}"})
    apparaat = totp_apparaat(door)
    code = (code or "").strip().replace(" ", "")
    if apparaat is None or not code.isdigit() or not apparaat.verify_token(code):
        if request is not None and meld_mislukt(request, gebruikersnaam, STAP_ONDERTEKENEN_CODE):
            raise ValidationError({"code": f"{blokkade_melding()} {niets}"})
        if apparaat is None:
            raise ValidationError(
                {"code": "U heeft nog geen authenticator-app gekoppeld. Log opnieuw in om die in te stellen."}
            )
        raise ValidationError(
            {
                "code": "De code klopt niet, is verlopen of is al gebruikt (elke code werkt één keer). "
                f"Wacht op de volgende code in uw app en vul die in. {niets}"
            }
        )


# --- the wall --------------------------------------------------------------------------------
VRIJE_URLS = (
    "login",
    "logout",
    "tweede_stap",
    "tweede_stap_instellen",
    "tweede_stap_qr",
    "password_reset",
    "password_reset_done",
    "password_reset_complete",
)


class TweeFactorVerplichtMiddleware:
    """After django_otp's OTPMiddleware: an authenticated, unverified user is sent to the second
    step for every page except the pages that lead there, logout and static files."""

    def __init__(self, get_response):
        self.get_response = get_response
        self._vrij: tuple[str, ...] | None = None

    def vrij(self) -> tuple[str, ...]:
        if self._vrij is None:
            self._vrij = tuple(reverse(n) for n in VRIJE_URLS)
        return self._vrij

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not user.is_verified():
            pad = request.path_info
            if not (
                pad in self.vrij() or pad.startswith((settings.STATIC_URL, "/account/wachtwoord/nieuw/"))
            ):
                doel = reverse("tweede_stap")
                if request.method == "GET":
                    doel += "?" + urlencode({"next": request.get_full_path()})
                return redirect(doel)
        return self.get_response(request)
