"""Copies of a seeker's job alert emails for the case workers they chose.

A copy lists the same new jobs, and never carries the seeker's unsubscribe link
or what their saved search holds: only that these jobs are new for them.
"""

from django.urls import reverse

from candidates.alerts.emails import alert_email_queued
from fairsite.mail.delivery import queue_email

from .models import Activity, ActivityKind, Grant


def copy_alert_email(sender, *, alert, blocks, key, **kwargs) -> None:
    grants = (
        Grant.objects.current()
        .filter(seeker_id=alert.owner_id, may_get_alerts=True)
        .select_related("seeker", "case_worker")
    )
    for grant in grants:
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
