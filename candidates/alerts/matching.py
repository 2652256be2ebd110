"""Matching a posting that went live against every alert, and the instant emails.

    jobs.services._publish / posting_resume       (inside the publishing transaction)
      └─ jobs.alert_checks.queue_check
         └─ posting_check_queue:                  a PostingCheck row, same transaction
    after commit: the check_posting_alerts task   (the worker's scheduler retries too)
      └─ check_due ─> check_posting:              one reverse query (all pages of it),
                                                  an AlertMatch per alert (unique),
                                                  instant emails queued, the row deleted

Nothing is lost: the check row commits or rolls back with the publishing, and
is deleted only in the transaction that records its matches; Elasticsearch
being down leaves it to be retried with back-off. Nothing is sent twice: an
AlertMatch is unique per (alert, posting), and an instant email goes out only
with the update that marks its match sent (plus a dedupe key per alert and
posting), so an edit, a pause and resume, or a second check of the same
posting sends nothing more.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from elasticsearch import ApiError, TransportError

from fairsite.outbox.models import OutboxEntry
from fairsite.search.aliases import describe_error
from fairsite.work_queue import WorkQueue
from jobs.models import JobPosting
from jobs.search.index import indexed_postings
from jobs.search.results import facet_labels

from .emails import instant_email, posting_block, queue_alert_emails
from .models import Alert, AlertMatch, Frequency, PostingCheck
from .search import INDEX_NAME, alerts_matching_posting, refresh_alerts_index

logger = logging.getLogger(__name__)

BATCH_SIZE = 20
QUEUE = WorkQueue(
    PostingCheck,
    lease=timedelta(minutes=5),
    first_retry=timedelta(seconds=1),
    longest_retry=timedelta(seconds=60),
)
# Alerts saved just before a posting went live may still wait in the outbox for
# the alerts index; a check waits for them this long at most, so one alert that
# can never be indexed does not hold every check up.
WAIT_FOR_INDEX = timedelta(minutes=5)
# Alerts recorded per transaction: bounds the work a failure rolls back.
WRITE_CHUNK = 500


class IndexBehind(Exception):
    """Alerts saved before the check are not in the alerts index yet."""


class AlertsNotQueued(Exception):
    """Some alerts' matches and emails could not be written; the others were."""


@dataclass
class CheckReport:
    """What one run of checks did."""

    checked: int = 0  # postings matched (or found no longer live)
    failed: int = 0  # checks kept for a retry
    matched: int = 0  # new alert matches recorded
    emailed: int = 0  # instant emails queued
    errors: list[str] = field(default_factory=list)


def posting_check_queue(*, posting: JobPosting) -> None:
    """Queue the posting's check in the transaction that puts it live; run after the commit."""
    PostingCheck.objects.create(posting=posting)
    transaction.on_commit(_check_soon, robust=True)


def _check_soon() -> None:
    from .tasks import check_posting_alerts

    check_posting_alerts.enqueue()


def check_due(*, limit: int = BATCH_SIZE, max_seconds: float = 10.0) -> CheckReport:
    """Check postings whose check is due, until none is, one fails, or time is up."""
    report = CheckReport()
    deadline = time.monotonic() + max_seconds
    while time.monotonic() < deadline:
        checks = QUEUE.claim(limit=limit)
        for check in checks:
            try:
                matched, emailed = check_posting(check)
            except (ApiError, TransportError, IndexBehind) as error:
                _retry_later(check, error)
                report.failed += 1
                report.errors.append(describe_error(error))
                return report
            except AlertsNotQueued as error:
                # What could be recorded is; the rest waits for the retry.
                _retry_later(check, error)
                report.failed += 1
                report.errors.append(str(error))
                continue
            report.checked += 1
            report.matched += matched
            report.emailed += emailed
        if len(checks) < limit:
            break
    return report


def check_posting(check: PostingCheck) -> tuple[int, int]:
    """Record the posting's matches, queue instant emails, delete the check; (matched, emailed).

    Raises when Elasticsearch cannot answer (or the alerts index is behind), and
    then changes nothing; raises ``AlertsNotQueued`` when some alerts could not
    be written, after writing all the others, and keeps the check for a retry
    (which finds those others recorded and sends them nothing more).
    """
    posting = indexed_postings().filter(pk=check.posting_id).first()
    if posting is None:
        # No longer live: nothing to announce. Going live again queues a new check.
        PostingCheck.objects.filter(pk=check.pk).delete()
        return 0, 0
    _wait_for_alerts_index(check)
    alert_ids = alerts_matching_posting(posting)
    matched = emailed = 0
    failed: list[int] = []
    for start in range(0, len(alert_ids), WRITE_CHUNK):
        chunk = alert_ids[start : start + WRITE_CHUNK]
        try:
            with transaction.atomic():
                found, sent = _record(posting, chunk)
        except Exception:
            # One alert's email (or a case worker's copy) that the database
            # refuses fails the chunk: write it again one alert at a time.
            logger.exception("Alerts of posting %s failed in a chunk; one by one", posting.pk)
            found = sent = 0
            for alert_id in chunk:
                try:
                    with transaction.atomic():
                        one_found, one_sent = _record(posting, [alert_id])
                except Exception:
                    logger.exception(
                        "Alert %s could not be told of posting %s", alert_id, posting.pk
                    )
                    failed.append(alert_id)
                    continue
                found += one_found
                sent += one_sent
        matched += found
        emailed += sent
    if failed:
        raise AlertsNotQueued(
            f"{len(failed)} of {len(alert_ids)} alerts of posting {posting.pk} not written"
        )
    PostingCheck.objects.filter(pk=check.pk).delete()
    return matched, emailed


def _wait_for_alerts_index(check: PostingCheck) -> None:
    waiting = OutboxEntry.objects.filter(index_name=INDEX_NAME, created_at__lte=check.created_at)
    if waiting.exists() and timezone.now() - check.created_at < WAIT_FOR_INDEX:
        raise IndexBehind
    # Alerts the index took less than a refresh interval ago are not searchable yet.
    refresh_alerts_index()


def _record(posting: JobPosting, alert_ids: list[int]) -> tuple[int, int]:
    """Record one chunk of matches and queue the instant emails, in the caller's transaction."""
    alerts = {
        alert.pk: alert
        for alert in Alert.objects.deliverable().filter(pk__in=alert_ids).select_related("owner")
    }
    known = set(
        AlertMatch.objects.filter(posting=posting, alert_id__in=alerts).values_list(
            "alert_id", flat=True
        )
    )
    now = timezone.now()
    new = [AlertMatch(alert_id=pk, posting=posting, matched_at=now) for pk in alerts.keys() - known]
    # Another check of the same posting may record some first: the constraint
    # keeps one row each, and only rows still unsent below get an email.
    AlertMatch.objects.bulk_create(new, ignore_conflicts=True)
    instant = [pk for pk, alert in alerts.items() if alert.frequency == Frequency.INSTANT]
    # Claimed here: the rows are locked (PostgreSQL; SQLite's writer holds the
    # whole database), so a second check of the same posting running beside
    # this one finds them sent once this transaction commits.
    unsent = list(
        AlertMatch.objects.select_for_update()
        .filter(posting=posting, alert_id__in=instant, sent_at__isnull=True)
        # The order a digest run locks matches in, so the two cannot deadlock.
        .order_by("pk")
        .values_list("pk", "alert_id")
    )
    claimed = AlertMatch.objects.filter(
        pk__in=[pk for pk, _alert_id in unsent], sent_at__isnull=True
    )
    claimed.update(sent_at=now)
    # The posting's part of the email and the facet labels are the same for every alert.
    block, labels = posting_block(posting), facet_labels()
    emails = [
        instant_email(alerts[alert_id], posting, block=block, labels=labels)
        for _pk, alert_id in unsent
    ]
    queue_alert_emails(emails)
    return len(new), len(unsent)


def _retry_later(check: PostingCheck, error: Exception) -> None:
    # An index that is only behind is worth asking again soon.
    soon = QUEUE.first_retry if isinstance(error, IndexBehind) else None
    QUEUE.retry_later([check], describe_error(error), delay=soon)
    logger.warning("Alert check for posting %s waits: %s", check.posting_id, describe_error(error))
