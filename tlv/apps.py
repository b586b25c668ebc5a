from django.apps import AppConfig


class TlvConfig(AppConfig):
    name = "tlv"
    verbose_name = "Toelaatbaarheidsverklaringen"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tlv import registraties  # noqa: F401  (menu items, Mijn werk panel, timeline, kinds of term)
