from django.apps import AppConfig


class OutboxConfig(AppConfig):
    name = "fairsite.outbox"
    label = "outbox"
    verbose_name = "Search outbox"

    def ready(self) -> None:
        from fairsite.outbox.drain import drain_due
        from fairsite.scheduler import every

        # The after-commit task makes indexing prompt; this catches everything
        # else: retries after back-off, and changes whose task was never run.
        every(1, name="outbox.drain")(drain_due)
