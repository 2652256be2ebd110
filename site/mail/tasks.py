from django_tasks import task

from .delivery import deliver_all_due


@task()
def deliver_queued_email() -> int:
    """Send what is due now; the worker's schedule sends any rest and retries failures."""
    return deliver_all_due().sent
