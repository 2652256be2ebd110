"""How long the text of sent email is kept: days for most, not at all for sign-in links.

Messages can hold what people wrote to each other (after a conditional offer,
that may be about a record), and account emails hold links and codes that sign
someone in. Once sent, a message keeps only who it went to, when, and what
kind it was: its text and headers are deleted `SENT_EMAIL_BODY_DAYS` days after
sending (30 unless set), and at once for messages queued with
`forget_body_when_sent` (allauth's account emails).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from .models import OutgoingEmail


def forgotten_body(now: datetime) -> dict:
    """The field values of a message whose text is gone."""
    return {"body_text": "", "body_html": "", "headers": {}, "body_forgotten_at": now}


def sent_bodies_forget(*, now: datetime | None = None) -> int:
    """Delete the text of messages sent longer ago than the setting says; how many."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.SENT_EMAIL_BODY_DAYS)
    return (
        OutgoingEmail.objects.sent()
        .with_body()
        .filter(sent_at__lte=cutoff)
        .update(**forgotten_body(now))
    )
