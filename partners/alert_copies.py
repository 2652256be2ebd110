"""Copies of a seeker's job alert emails for the case workers they chose.

A copy lists the same new jobs, and never carries the seeker's unsubscribe link
or what their saved search holds: only that these jobs are new for them.
"""

from collections import defaultdict

from django.urls import reverse

from candidates.alerts.emails import QueuedAlertEmail, alert_emails_queued
from fairsite.mail.delivery import queue_email

from .models import Activity, ActivityKind, Grant


def _copying_grants(owner_ids: set[int]) -> dict[int, list[Grant]]:
    """The grants that get copies of these owners' alert emails, by owner (one read)."""
    by_owner: dict[int, list[Grant]] = defaultdict(list)
    for grant in (
        Grant.objects.current()
        .filter(may_get_alerts=True, seeker_id__in=owner_ids)
        .select_related("seeker", "case_worker")
        .order_by("pk")
    ):
        by_owner[grant.seeker_id].append(grant)
    return by_owner


def copy_alert_emails(sender, *, emails: list[QueuedAlertEmail], **kwargs) -> None:
    # A copy that cannot be written fails the sender's transaction: the seeker's
    # email waits with it and both go out together later (queue_alert_emails).
    grants = _copying_grants({email.owner_id for email in emails})
    for email in emails:
        for grant in grants.get(email.owner_id, ()):
            _copy(email, grant)


def _copy(email: QueuedAlertEmail, grant: Grant) -> None:
    queued = queue_email(
        to=grant.case_worker.email,
        template="partners/email/alert_copy",
        context={
            "seeker_name": grant.seeker.get_full_name() or "A person you help",
            "blocks": email.blocks,
            "person_path": reverse("partners:person", kwargs={"public_id": grant.public_id}),
        },
        dedupe_key=f"{email.key}:copy:{grant.pk}",
    )
    if queued is not None:
        Activity.objects.create(grant=grant, kind=ActivityKind.ALERT_COPY)


def connect() -> None:
    alert_emails_queued.connect(copy_alert_emails, dispatch_uid="partners.copy_alert_emails")
