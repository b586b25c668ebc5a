from django.apps import AppConfig


class ZorgplichtConfig(AppConfig):
    name = "zorgplicht"
    verbose_name = "Zorgplicht"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import registraties  # noqa: F401  (menu items, Mijn werk panel, timeline, kind of term)
