"""Sessions without a database write per page view [issue 13].

The idle timeout (SESSION_COOKIE_AGE, from SESSION_IDLE_MINUTES) used to be kept by saving the
session on every request (SESSION_SAVE_EVERY_REQUEST): BEGIN/UPDATE django_session/COMMIT on the
primary for every click, also on pages that only read. Now a session is saved when something in
it changed, or when its expiry was last refreshed at least PASSEND_SESSION_REFRESH_SECONDS ago.

Consequence, by design: a session ends between SESSION_COOKIE_AGE - REFRESH and SESSION_COOKIE_AGE
after the last click (with 30 minutes and 60 s: between 29 and 30 minutes), never later.

Only the refresh moment lives here (in the session, under REFRESHED_AT); the expiry itself is
Django's, so a later absolute lifetime (set_expiry or a check on the login time) stays possible."""

import time

from django.conf import settings

REFRESHED_AT = "_passend_ververst_op"  # epoch seconds of the last save of this session


class SessionRefreshMiddleware:
    """Place directly after SessionMiddleware: on the way out it runs before that middleware
    decides whether to save."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or session.is_empty():  # no cookie, or flushed by logout
            return response
        refreshed_at = session.get(REFRESHED_AT, 0)  # loads it (stale cookie: key becomes None)
        if session.is_empty():
            return response  # an expired or unknown session is not brought back to life
        now = int(time.time())
        if session.modified or now - refreshed_at >= settings.PASSEND_SESSION_REFRESH_SECONDS:
            session[REFRESHED_AT] = now  # marks it modified: SessionMiddleware saves, new expiry
        return response


# --- absolute lifetime [issue 14] -------------------------------------------------------------
INGELOGD_OP = "_passend_ingelogd_op"  # epoch seconds of the login (set by cases/signals.py)


class AbsoluteSessieduurMiddleware:
    """After AuthenticationMiddleware: a session ends PASSEND_SESSION_ABSOLUTE_SECONDS after the
    login, however active it was. The user is logged out and sent to the login page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            ingelogd_op = request.session.get(INGELOGD_OP)
            if ingelogd_op is None:  # a session from before this check: its lifetime starts now
                request.session[INGELOGD_OP] = int(time.time())
            elif time.time() - ingelogd_op >= settings.PASSEND_SESSION_ABSOLUTE_SECONDS:
                from django.contrib import messages
                from django.contrib.auth import logout
                from django.shortcuts import redirect

                logout(request)
                uren = settings.PASSEND_SESSION_ABSOLUTE_SECONDS / 3600
                messages.info(
                    request,
                    f"U was langer dan {uren:g} uur ingelogd. Om uw gegevens te beschermen bent u "
                    f"uitgelogd. Log opnieuw in om verder te werken.",
                )
                return redirect(settings.LOGIN_URL)
        return self.get_response(request)
