from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "fairsite.api"
    label = "api"
    verbose_name = "Open data API"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import personal_data

        personal_data.register()
