from django.apps import AppConfig


class CandidatesConfig(AppConfig):
    name = "candidates"

    def ready(self) -> None:
        from . import dashboard, personal_data

        personal_data.register()
        dashboard.register()
