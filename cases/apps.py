from importlib import import_module

from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = "Passend: organisaties en dossiers"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import brieven_tasks, navigatie, signals  # noqa: F401  (tasks, navigation, audit signals)

        # Menu items, Mijn werk panels and timeline providers register on import; panels with the
        # same volgorde keep this order.
        for module in (
            "cases.interventie.views.arrangementen",
            "cases.dossier.views.dossier",
            "cases.interventie.views.traject",
            "cases.termijnen.views",
        ):
            import_module(module)
