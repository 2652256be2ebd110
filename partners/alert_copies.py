"""Copies of a seeker's job alert emails for the case workers they chose.

A copy lists the same new jobs, and never carries the seeker's unsubscribe link
or what their saved search holds: only that these jobs are new for them.
"""

from collections import defaultdict

from django.urls import reverse

from candidates.alerts.emails import EmailBatch, alert_email_queued
from fairsite.mail.delivery import queue_email

from .models import Activity, ActivityKind, Grant

_MEMO_KEY = "partners.alert_copies"


def _copying_grants():
    return (
        Grant.objects.current()
        .filter(may_get_alerts=True)
        .select_related("seeker", "case_worker")
        .order_by("pk")
    )


def _grants_of(owner_id: int, batch: EmailBatch | None) -> list[Grant]:
    """The grants that get copies of this owner's alert emails: read once for a
    whole batch of emails (every owner in it), or for this owner alone."""
    if batch is None or owner_id not in batch.owner_ids:
        return list(_copying_grants().filter(seeker_id=owner_id))
    if _MEMO_KEY not in batch.memo:
        by_owner: dict[int, list[Grant]] = defaultdict(list)
        for grant in _copying_grants().filter(seeker_id__in=batch.owner_ids):
            by_owner[grant.seeker_id].append(grant)
        batch.memo[_MEMO_KEY] = by_owner
    return batch.memo[_MEMO_KEY].get(owner_id, [])


def copy_alert_email(sender, *, alert, blocks, key, batch=None, **kwargs) -> None:
    for grant in _grants_of(alert.owner_id, batch):
        queued = queue_email(
            to=grant.case_worker.email,
            template="partners/email/alert_copy",
            context={
                "seeker_name": grant.seeker.get_full_name() or "A person you help",
                "blocks": blocks,
                "person_path": reverse("partners:person", kwargs={"public_id": grant.public_id}),
            },
            dedupe_key=f"{key}:copy:{grant.pk}",
        )
        if queued is not None:
            Activity.objects.create(grant=grant, kind=ActivityKind.ALERT_COPY)


def connect() -> None:
    alert_email_queued.connect(copy_alert_email, dispatch_uid="partners.copy_alert_email")
