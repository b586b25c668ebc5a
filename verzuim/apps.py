from django.apps import AppConfig


class VerzuimConfig(AppConfig):
    name = "verzuim"
    verbose_name = "Verzuim, schorsing en verwijdering"
    default_auto_field = "django.db.models.BigAutoField"
