from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = "Passend: organisaties en dossiers"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # registraties: menu items, Mijn werk panels, timeline providers, kinds of term;
        # tasks: the letter and OT-verslag PDF tasks and the outbox sweep;
        # signals: login/logout in the audit log; ouderportaal.brieven: a rendered letter reaches
        # the ouders with a portal account [issue 17].
        from . import registraties, signals, tasks  # noqa: F401
        from .ouderportaal import brieven  # noqa: F401
