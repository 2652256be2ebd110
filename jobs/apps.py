from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "jobs"

    def ready(self):
        # The postings index registers itself on import and keeps itself true
        # through signals that queue changes in the outbox.
        from . import search

        search.connect_signals()
