from django.apps import AppConfig


class VerzuimConfig(AppConfig):
    name = "verzuim"
    verbose_name = "Verzuim, schorsing en verwijdering"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # registries: menu items, panels, timeline, kinds of term;
        # bekendmaking: the decision date follows the day its letter was sent [issue 17]
        from verzuim import bekendmaking, registraties  # noqa: F401
