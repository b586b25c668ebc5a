from django import forms
from django.contrib.auth.forms import AuthenticationForm


class InlogForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Deze combinatie van gebruikersnaam en wachtwoord kennen we niet. "
        "Let op hoofdletters en kleine letters.",
        "inactive": "Dit account is niet actief. Neem contact op met de beheerder.",
    }

    username = forms.CharField(
        label="Gebruikersnaam", widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"})
    )
    password = forms.CharField(
        label="Wachtwoord",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
