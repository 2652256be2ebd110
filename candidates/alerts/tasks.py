from django_tasks import task

from .matching import check_due


@task()
def check_posting_alerts() -> int:
    """Check the postings that went live; enqueued after each commit that publishes one."""
    return check_due().checked
