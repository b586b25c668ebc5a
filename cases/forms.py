import hashlib
import logging

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.cache import cache

logger = logging.getLogger(__name__)


class InlogForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Deze combinatie van gebruikersnaam en wachtwoord kennen we niet. "
        "Let op hoofdletters en kleine letters.",
        "inactive": "Dit account is niet actief. Neem contact op met de beheerder.",
    }

    username = forms.CharField(
        label="Gebruikersnaam",
        help_text="Bent u ouder? Vul dan uw e-mailadres in.",
        widget=forms.TextInput(
            attrs={"autofocus": True, "autocomplete": "username", "autocapitalize": "none"}
        ),
    )
    password = forms.CharField(
        label="Wachtwoord",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def clean_username(self):
        """Ouders log in with their e-mail address, stored lower-cased [issue 17]; a phone that
        capitalises the first letter must not make the login fail."""
        from django.contrib.auth import get_user_model

        naam = self.cleaned_data["username"].strip()
        if (
            "@" in naam
            and naam != naam.lower()
            and not get_user_model().objects.filter(username=naam).exists()
        ):
            naam = naam.lower()
        return naam


class TweedeStapForm(forms.Form):
    """The second step of the login [issue 14]: a code from the app or a recovery code."""

    code = forms.CharField(
        label="Code uit uw authenticator-app of een herstelcode",
        max_length=16,
        widget=forms.TextInput(
            attrs={"autofocus": True, "autocomplete": "one-time-code", "inputmode": "text", "size": 10}
        ),
    )

    def clean_code(self):
        return self.cleaned_data["code"].strip().replace(" ", "")


class EmailCodeForm(forms.Form):
    """The second step for ouders [issue 17]: the code from the e-mail."""

    code = forms.CharField(
        label="Code uit de e-mail",
        max_length=16,
        error_messages={"required": "Vul de code uit de e-mail in."},
        widget=forms.TextInput(
            attrs={"autofocus": True, "autocomplete": "one-time-code", "inputmode": "numeric", "size": 8}
        ),
    )

    def clean_code(self):
        return self.cleaned_data["code"].strip().replace(" ", "")


class InstellenForm(forms.Form):
    """Link an authenticator app: one code from it confirms the link [issue 14]."""

    code = forms.RegexField(
        label="Code die de app nu toont (6 cijfers)",
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": "Vul de 6 cijfers in die de app toont."},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8}),
    )


class WachtwoordResetForm(PasswordResetForm):
    """At most PASSEND_WACHTWOORD_RESET_PER_UUR mails per address per hour [issue 14]. The
    answer is the same either way: it never tells whether the address is known."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, **kw):
        sleutel = "passend:wachtwoord-reset:" + hashlib.sha256(to_email.strip().lower().encode()).hexdigest()
        cache.add(sleutel, 0, timeout=3600)  # the hour starts at the first mail
        try:
            aantal = cache.incr(sleutel)
        except ValueError:  # expired between add and incr
            cache.set(sleutel, 1, timeout=3600)
            aantal = 1
        if aantal > settings.PASSEND_WACHTWOORD_RESET_PER_UUR:
            logger.info("wachtwoordreset: limiet per adres bereikt, geen mail verstuurd")
            return
        super().send_mail(subject_template_name, email_template_name, context, from_email, to_email, **kw)
