from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "candidates.alerts"
    label = "alerts"
    verbose_name = "Job alerts"

    def ready(self) -> None:
        # The alerts index registers itself on import and keeps itself true
        # through signals that queue changes in the outbox; a posting going live
        # queues its check through jobs' posting_published signal.
        from fairsite.scheduler import every
        from jobs.services import posting_published

        from . import dashboard, personal_data, search
        from .digests import send_due_digests
        from .matching import check_due, posting_went_live

        search.connect_signals()
        personal_data.register()
        dashboard.register()
        posting_published.connect(posting_went_live, dispatch_uid="alerts.posting_published")
        # The after-commit task checks a new posting at once; this retries checks
        # that failed (Elasticsearch down) and catches any whose task never ran.
        every(5, name="alerts.check")(check_due)
        every(60, name="alerts.digests")(send_due_digests)
