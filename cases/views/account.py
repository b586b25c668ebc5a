"""The second step of the login and linking an authenticator app [issue 14]. Step 1 is Django's
LoginView with InlogForm; cases/tweefactor.py keeps an unverified session on these pages."""

from __future__ import annotations

from urllib.parse import urlencode

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from cases import tweefactor
from cases.forms import EmailCodeForm, InstellenForm, TweedeStapForm


def _volgende(request) -> str:
    """A path on this site to go on to (never another host, never a bare word): else Mijn werk."""
    doel = request.POST.get("next") or request.GET.get("next") or ""
    if doel.startswith("/") and url_has_allowed_host_and_scheme(
        doel, {request.get_host()}, request.is_secure()
    ):
        return doel
    return reverse(settings.LOGIN_REDIRECT_URL)


def _geblokkeerd(request):
    """Locked while half logged in: end the session and show the Dutch lockout page."""
    logout(request)
    return tweefactor.geblokkeerd_antwoord(request)


@never_cache
@login_required
def tweede_stap(request):
    user = request.user
    if user.is_verified():
        return HttpResponseRedirect(_volgende(request))
    apparaat = tweefactor.totp_apparaat(user)
    if apparaat is None:
        email_apparaat = tweefactor.email_apparaat(user)
        if email_apparaat is not None:
            return _tweede_stap_email(request, email_apparaat)
        return redirect(f"{_url('tweede_stap_instellen')}?{urlencode({'next': _volgende(request)})}")
    if tweefactor.is_geblokkeerd(request, user.username):
        return _geblokkeerd(request)
    form = TweedeStapForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        gevonden = match_token(user, form.cleaned_data["code"])  # TOTP or a single-use recovery code
        if gevonden is not None:
            otp_login(request, gevonden)
            tweefactor.wis_mislukte_pogingen(request, user.username)
            return HttpResponseRedirect(_volgende(request))
        if tweefactor.meld_mislukt(request, user.username, tweefactor.STAP_CODE):
            return _geblokkeerd(request)
        form.add_error("code", "Deze code klopt niet of is verlopen. Vul de code in die uw app nu toont.")
        status = 400
    elif request.method == "POST":
        status = 400
    demo_code = None
    if settings.PASSEND_DEMO and tweefactor.is_demo_apparaat(apparaat):
        demo_code = tweefactor.huidige_code(apparaat)
    return render(
        request,
        "registration/tweede_stap.html",
        {"form": form, "next": _volgende(request), "demo_code": demo_code},
        status=status,
    )


def _tweede_stap_email(request, apparaat):
    """Ouders [issue 17]: a code by e-mail, valid 10 minutes; 'stuur een nieuwe code' at most once
    a minute (OTP_EMAIL_COOLDOWN_DURATION). Wrong codes count toward the lockout as for staff."""
    user = request.user
    if tweefactor.is_geblokkeerd(request, user.username):
        return _geblokkeerd(request)
    volgende = _volgende(request)
    if request.method == "POST" and "opnieuw" in request.POST:
        if apparaat.generate_is_allowed()[0]:
            tweefactor.stuur_email_code(apparaat)
            messages.success(request, "We hebben een nieuwe code gestuurd. Alleen de nieuwste code werkt.")
        else:
            messages.info(request, "U heeft net een code gekregen. Over een minuut kunt u een nieuwe vragen.")
        return redirect(f"{_url('tweede_stap')}?{urlencode({'next': volgende})}")
    if (
        request.method == "GET"
        and not tweefactor.email_code_geldig(apparaat)
        and apparaat.generate_is_allowed()[0]
    ):
        tweefactor.stuur_email_code(apparaat)
    form = EmailCodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        gevonden = match_token(user, form.cleaned_data["code"])
        if gevonden is not None:
            otp_login(request, gevonden)
            tweefactor.wis_mislukte_pogingen(request, user.username)
            return HttpResponseRedirect(volgende)
        if tweefactor.meld_mislukt(request, user.username, tweefactor.STAP_CODE):
            return _geblokkeerd(request)
        form.add_error(
            "code",
            "Deze code klopt niet of is verlopen. Vul de code uit de nieuwste e-mail in, of vraag een "
            "nieuwe code.",
        )
        status = 400
    elif request.method == "POST":
        status = 400
    apparaat.refresh_from_db()
    return render(
        request,
        "registration/tweede_stap_email.html",
        {
            "form": form,
            "next": volgende,
            "adres": tweefactor.gemaskeerd_adres(tweefactor.email_adres(apparaat)),
            "minuten": settings.OTP_EMAIL_TOKEN_VALIDITY // 60,
            "demo_code": tweefactor.demo_email_code(apparaat),
        },
        status=status,
    )


def _url(naam: str) -> str:
    return reverse(naam)


def _onbevestigd_apparaat(user) -> TOTPDevice:
    apparaat = tweefactor.totp_apparaat(user, bevestigd=False)
    if apparaat is None:
        apparaat = TOTPDevice.objects.create(user=user, name=tweefactor.APPARAAT_NAAM, confirmed=False)
    return apparaat


@never_cache
@login_required
def instellen(request):
    """Show the QR code and the secret; one code confirms; then the recovery codes, once."""
    user = request.user
    if tweefactor.totp_apparaat(user) is not None or tweefactor.email_apparaat(user) is not None:
        return redirect(f"{_url('tweede_stap')}?{urlencode({'next': _volgende(request)})}")
    if tweefactor.is_geblokkeerd(request, user.username):
        return _geblokkeerd(request)
    apparaat = _onbevestigd_apparaat(user)
    form = InstellenForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if apparaat.verify_token(form.cleaned_data["code"].strip()):
            apparaat.confirmed = True
            apparaat.save(update_fields=["confirmed"])
            codes = tweefactor.maak_herstelcodes(user)
            otp_login(request, apparaat)
            tweefactor.wis_mislukte_pogingen(request, user.username)
            return render(
                request, "registration/herstelcodes.html", {"codes": codes, "next": _volgende(request)}
            )
        if tweefactor.meld_mislukt(request, user.username, tweefactor.STAP_CODE):
            return _geblokkeerd(request)
        form.add_error(
            "code",
            "Deze code klopt niet. Controleer of de tijd op uw telefoon goed staat en probeer opnieuw.",
        )
        status = 400
    elif request.method == "POST":
        status = 400
    return render(
        request,
        "registration/tweede_stap_instellen.html",
        {"form": form, "geheim": tweefactor.base32_geheim(apparaat.key), "next": _volgende(request)},
        status=status,
    )


@never_cache
@login_required
def qr(request):
    """The QR code of the not yet confirmed device, as an SVG file (no inline image: strict CSP)."""
    user = request.user
    if tweefactor.totp_apparaat(user) is not None:
        return HttpResponse(status=404)
    apparaat = _onbevestigd_apparaat(user)
    svg = segno.make(apparaat.config_url, error="m").svg_inline(scale=5, border=2)
    return HttpResponse(svg, content_type="image/svg+xml")
