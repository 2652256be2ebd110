from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "candidates.alerts"
    label = "alerts"
    verbose_name = "Job alerts"

    def ready(self) -> None:
        # The alerts index registers itself on import and keeps itself true
        # through signals that queue changes in the outbox; the posting
        # services queue a posting's check when it goes live (posting_check_queue).
        from fairsite.scheduler import every

        from . import dashboard, personal_data, search
        from .digests import send_due_digests
        from .matching import check_due

        search.connect_signals()
        personal_data.register()
        dashboard.register()
        # The after-commit task checks a new posting at once; this retries checks
        # that failed (Elasticsearch down) and catches any whose task never ran.
        every(5, name="alerts.check")(check_due)
        every(60, name="alerts.digests")(send_due_digests)
