"""Queueing and delivering email."""

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import TemplateDoesNotExist, render_to_string
from django.utils import timezone

from fairsite.work_queue import WorkQueue

from .models import OutgoingEmail
from .retention import forgotten_body

logger = logging.getLogger(__name__)

# Failed sends wait 30 s, then twice as long each time, at most an hour; after
# MAX_ATTEMPTS failures (about a day) a message is marked failed and logged.
MAX_ATTEMPTS = 30
QUEUE = WorkQueue(
    OutgoingEmail,
    lease=timedelta(minutes=5),
    first_retry=timedelta(seconds=30),
    longest_retry=timedelta(hours=1),
    pending=Q(sent_at__isnull=True, failed_at__isnull=True),
    max_attempts=MAX_ATTEMPTS,
    give_up=lambda now: {"failed_at": now},
)
# Messages per round of delivery, and how long one delivery task goes on.
ROUND = 100
TASK_SECONDS = 50.0
# Dedupe keys looked up per statement by queue_messages (SQLite builds may take
# at most 999 parameters; Django splits the writes to fit by itself).
KEYS_PER_STATEMENT = 900


def queue_email(**email: Any) -> OutgoingEmail | None:
    """Queue a message written from templates (the arguments of ``render_email``)
    in the caller's transaction; it is sent after commit. Returns None when its
    `dedupe_key` was used."""
    return _queue(render_email(**email))


def render_email(
    *,
    to: str | list[str],
    template: str,
    context: dict,
    reply_to: list[str] | None = None,
    dedupe_key: str | None = None,
    headers: dict[str, str] | None = None,
) -> OutgoingEmail:
    """A message written from templates, not saved yet (``queue_email``, ``queue_messages``).

    `template` names three templates: `<template>_subject.txt`, `<template>.txt`
    and, optionally, `<template>.html`.
    """
    context = {"SITE_NAME": settings.SITE_NAME, "SITE_URL": settings.SITE_URL, **context}
    try:
        body_html = render_to_string(f"{template}.html", context)
    except TemplateDoesNotExist:
        body_html = ""
    return new_message(
        kind=template,
        to=[to] if isinstance(to, str) else list(to),
        subject=render_to_string(f"{template}_subject.txt", context, using="text"),
        body_text=render_to_string(f"{template}.txt", context, using="text"),
        body_html=body_html,
        reply_to=reply_to,
        dedupe_key=dedupe_key,
        headers=headers,
    )


def queue_message(**message) -> OutgoingEmail | None:
    """Queue an already-written message (the arguments of ``new_message``) in the
    caller's transaction; None if its `dedupe_key` was used."""
    return _queue(new_message(**message))


def new_message(
    *,
    kind: str,
    to: list[str],
    subject: str,
    body_text: str,
    body_html: str = "",
    reply_to: list[str] | None = None,
    dedupe_key: str | None = None,
    headers: dict[str, str] | None = None,
    forget_body_when_sent: bool = False,
) -> OutgoingEmail:
    """A message to queue, not saved yet.

    `kind` names what sort of message it is (the template it came from); it is
    kept after the text is deleted (see retention.py), as is who it went to and when.
    """
    return OutgoingEmail(
        kind=kind[:150],
        to=list(to),
        subject=" ".join(subject.split())[:255],
        body_text=body_text,
        body_html=body_html,
        reply_to=reply_to or [],
        headers=headers or {},
        dedupe_key=dedupe_key,
        forget_body_when_sent=forget_body_when_sent,
        next_attempt_at=timezone.now(),
    )


def _queue(email: OutgoingEmail) -> OutgoingEmail | None:
    try:
        with transaction.atomic():
            email.save(force_insert=True)
    except IntegrityError:
        if email.dedupe_key and OutgoingEmail.objects.filter(dedupe_key=email.dedupe_key).exists():
            return None
        raise
    _deliver_after_commit()
    return email


def queue_messages(emails: Sequence[OutgoingEmail]) -> list[OutgoingEmail]:
    """Queue many messages (``new_message``, ``render_email``) in the caller's
    transaction with a few statements, not one or three each: a digest run or an
    alert check queues thousands. Leaves out each one whose `dedupe_key` was
    used, before or earlier in the list, and returns the ones queued.

    The caller's transaction must keep anyone else from queueing the same keys
    meanwhile (the alert emails' keys belong to rows it has claimed); if someone
    did, the unique key fails the whole transaction rather than send twice.
    """
    keys = [email.dedupe_key for email in emails if email.dedupe_key]
    used: set[str] = set()
    for start in range(0, len(keys), KEYS_PER_STATEMENT):
        chunk = keys[start : start + KEYS_PER_STATEMENT]
        used.update(
            OutgoingEmail.objects.filter(dedupe_key__in=chunk).values_list("dedupe_key", flat=True)
        )
    fresh = []
    for email in emails:
        if email.dedupe_key:
            if email.dedupe_key in used:
                continue
            used.add(email.dedupe_key)
        fresh.append(email)
    OutgoingEmail.objects.bulk_create(fresh)
    if fresh:
        _deliver_after_commit()
    return fresh


def _deliver_after_commit() -> None:
    """Start delivery when the caller's transaction commits: one task for all the
    messages it queues (a digest run queues hundreds in one), not one each.

    A hook registered inside a savepoint that rolls back is dropped with it, so
    the next message queued registers it again.
    """
    hooks = transaction.get_connection().run_on_commit
    if not any(hook[1] is _deliver_soon for hook in hooks):
        transaction.on_commit(_deliver_soon)


def _deliver_soon() -> None:
    from .tasks import deliver_queued_email

    deliver_queued_email.enqueue()


@dataclass
class DeliveryReport:
    sent: int = 0
    failed: int = 0


def deliver_all_due(*, max_seconds: float = TASK_SECONDS) -> DeliveryReport:
    """Send due messages round after round until none is due, one fails (the
    server may be down: the back-off takes over) or ``max_seconds`` is up (the
    worker's schedule sends the rest)."""
    total = DeliveryReport()
    deadline = time.monotonic() + max_seconds
    while True:
        report = deliver_due(limit=ROUND)
        total.sent += report.sent
        total.failed += report.failed
        if report.sent < ROUND or report.failed or time.monotonic() >= deadline:
            return total


def deliver_due(*, limit: int = ROUND) -> DeliveryReport:
    """Send up to `limit` due messages, each at most once; failures back off.

    Each message is claimed just before it is sent, so the lease covers one
    send, not a whole batch.
    """
    report = DeliveryReport()
    connection = None
    for _ in range(limit):
        claimed = QUEUE.claim(limit=1)
        if not claimed:
            break
        [email] = claimed
        message = EmailMultiAlternatives(
            subject=email.subject,
            body=email.body_text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=email.to,
            reply_to=email.reply_to or None,
            headers=email.headers or None,
        )
        if email.body_html:
            message.attach_alternative(email.body_html, "text/html")
        try:
            connection = connection or get_connection()
            message.connection = connection
            message.send()
        except Exception as error:
            QUEUE.retry_later([email], type(error).__name__)
            logger.warning(
                "Email %s not sent (attempt %s): %s",
                email.pk,
                email.attempts + 1,
                type(error).__name__,
            )
            report.failed += 1
            connection = None
            continue
        sent_at = timezone.now()
        forget = forgotten_body(sent_at) if email.forget_body_when_sent else {}
        OutgoingEmail.objects.filter(pk=email.pk).update(sent_at=sent_at, **forget)
        report.sent += 1
    return report
