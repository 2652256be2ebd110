from django_tasks import task

from fairsite.outbox.drain import drain_due


@task()
def drain_outbox() -> None:
    """Drain what is due; enqueued after each commit that wrote outbox entries."""
    drain_due()
