from django.apps import AppConfig


class CandidatesConfig(AppConfig):
    name = "candidates"

    def ready(self) -> None:
        from . import dashboard, personal_data, search

        personal_data.register()
        search.connect_signals()
        dashboard.register()
