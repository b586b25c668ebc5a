from django.apps import AppConfig


class TlvConfig(AppConfig):
    name = "tlv"
    verbose_name = "Toelaatbaarheidsverklaringen"
    default_auto_field = "django.db.models.BigAutoField"
