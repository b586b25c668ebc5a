from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = "Passend: organisaties en dossiers"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import navigatie, signals, tasks  # noqa: F401  (navigation, audit signals, tasks)
        from .views import (  # noqa: F401  (interventie: navigation and panels)
            arrangementen,
            dossier,  # noqa: F401  (dossier: navigation, Mijn werk panel, timeline providers)
            interventie,
            termijnen,  # noqa: F401  (termijnen: navigation and the Mijn werk panel)
        )
