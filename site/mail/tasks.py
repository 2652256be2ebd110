from django_tasks import task

from .delivery import deliver_due


@task()
def deliver_queued_email() -> int:
    """Send what is due now; the worker's schedule retries anything that failed."""
    return deliver_due().sent
