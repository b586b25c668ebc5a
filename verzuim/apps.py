from django.apps import AppConfig


class VerzuimConfig(AppConfig):
    name = "verzuim"
    verbose_name = "Verzuim, schorsing en verwijdering"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from verzuim import registraties  # noqa: F401  (menu items, panels, timeline, kinds of term)
