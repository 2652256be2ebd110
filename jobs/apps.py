from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "jobs"

    def ready(self) -> None:
        # The postings index registers itself on import and keeps itself true
        # through signals that queue changes in the outbox.
        from fairsite.scheduler import every

        from . import personal_data, search
        from .services import postings_expire

        personal_data.register()
        search.connect_signals()
        # Pages never show a posting past its closing time anyway; this moves
        # such postings to "expired" so their owners see it and can relist.
        every(3600, name="jobs.expire")(postings_expire)
