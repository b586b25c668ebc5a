from django.apps import AppConfig


class TlvConfig(AppConfig):
    name = "tlv"
    verbose_name = "Toelaatbaarheidsverklaringen"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tlv import navigatie  # noqa: F401  (registers menu items and the Mijn werk panel)
