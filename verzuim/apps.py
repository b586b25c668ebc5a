from django.apps import AppConfig


class VerzuimConfig(AppConfig):
    name = "verzuim"
    verbose_name = "Verzuim, schorsing en verwijdering"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from verzuim import navigatie  # noqa: F401  (registers menu items and panels)
