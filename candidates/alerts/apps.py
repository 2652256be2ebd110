from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "candidates.alerts"
    label = "alerts"
    verbose_name = "Job alerts"

    def ready(self) -> None:
        # The alerts index registers itself on import and keeps itself true
        # through signals that queue changes in the outbox; the posting
        # services queue a posting's check when it goes live, as handed in here
        # (jobs.alert_checks: postings never import alerts).
        from fairsite.scheduler import every
        from jobs import alert_checks

        from . import (
            checks,  # noqa: F401  (registers the database check)
            dashboard,
            personal_data,
            search,
        )
        from .digests import send_due_digests
        from .matching import check_due, posting_check_queue

        search.connect_signals()
        personal_data.register()
        dashboard.register()
        alert_checks.provide(posting_check_queue)
        # The after-commit task checks a new posting at once; this retries checks
        # that failed (Elasticsearch down) and catches any whose task never ran.
        every(5, name="alerts.check")(check_due)
        every(60, name="alerts.digests")(send_due_digests)
