"""Forms of the ouderportaal [issue 17]."""

from __future__ import annotations

from django import forms


class WachtwoordKiezenForm(forms.Form):
    """Choose a password for a new ouder account; Django's validators run in the service."""

    wachtwoord1 = forms.CharField(
        label="Kies een wachtwoord",
        strip=False,
        help_text="Minstens 12 tekens. Kies iets dat u kunt onthouden, maar dat een ander niet raadt.",
        error_messages={"required": "Kies een wachtwoord."},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    wachtwoord2 = forms.CharField(
        label="Typ het wachtwoord nog een keer",
        strip=False,
        error_messages={"required": "Typ het wachtwoord nog een keer."},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        data = super().clean()
        een, twee = data.get("wachtwoord1"), data.get("wachtwoord2")
        if een and twee and een != twee:
            self.add_error("wachtwoord2", "De twee wachtwoorden zijn niet hetzelfde. Typ ze opnieuw.")
        return data
