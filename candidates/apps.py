from django.apps import AppConfig


class CandidatesConfig(AppConfig):
    name = "candidates"

    def ready(self) -> None:
        from fairsite.scheduler import every

        from . import dashboard, navigation, personal_data, search, seekers
        from .services import saved_jobs_note_closed

        personal_data.register()
        search.connect_signals()
        dashboard.register()
        navigation.register()
        seekers.register()
        # A saved job that closes (expired, filled, taken down) gets one note by email.
        every(3600, name="candidates.saved_jobs_closed")(saved_jobs_note_closed)
