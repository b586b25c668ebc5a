from django.apps import AppConfig


class TlvConfig(AppConfig):
    name = "tlv"
    verbose_name = "Toelaatbaarheidsverklaringen"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # registries: menu items, Mijn werk panel, timeline, kinds of term;
        # bekendmaking: the decision date follows the day its letter was sent [issue 17]
        from tlv import bekendmaking, registraties  # noqa: F401
