"""Daily and weekly digests: the postings an alert matched since its last email.

A digest lists the alert's matches not sent yet whose postings are still live,
newest first, and marks exactly those sent in the transaction that queues the
email, so each posting reaches an alert's owner at most once, ever. Matches of
postings that are down for now (paused) stay unsent and go in a later digest
if they come back. Several runs may overlap (a run can outlast the scheduler's
period, and several workers run it): an alert's digest is claimed with one
conditional update of its ``last_digest_at``, so only one run sends it.

Digests keep to the time of day (or week) the alert was made: after a digest,
``last_digest_at`` moves to the latest whole number of periods since it, not
to "now", so an alert stays on its slot even when a run is late.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from jobs.models import JobPosting
from jobs.search.results import facet_labels

from .emails import posting_block, queue_digest_email
from .models import DIGEST_PERIOD, Alert, AlertMatch

logger = logging.getLogger(__name__)

# The scheduler runs this every minute in its own thread; a bounded run leaves
# it free for its other jobs, and the next run carries on where this one ended.
RUN_SECONDS = 45.0
BATCH_SIZE = 200
# The most postings one email lists; the rest wait for the next digest.
MAX_POSTINGS = 50


@dataclass
class DigestReport:
    """What one run of digests did."""

    emails: int = 0
    postings: int = 0  # matches sent
    seconds: float = 0.0


def due_alerts(now: datetime):
    """Deliverable alerts whose period is over and that have unsent matches of live postings."""
    pending = AlertMatch.objects.filter(
        alert=OuterRef("pk"),
        sent_at__isnull=True,
        posting__in=JobPosting.objects.visible(now=now),
    )
    period_over = Q()
    for frequency, period in DIGEST_PERIOD.items():
        period_over |= Q(frequency=frequency, last_digest_at__lte=now - period)
    return Alert.objects.deliverable().filter(period_over).filter(Exists(pending))


def send_due_digests(
    *, now: datetime | None = None, max_seconds: float | None = RUN_SECONDS
) -> DigestReport:
    """Queue every due digest (until ``max_seconds`` is up, if given); what was sent."""
    started = time.monotonic()
    report = DigestReport()
    shared = _Shared()
    after = 0
    while max_seconds is None or time.monotonic() - started < max_seconds:
        moment = now or timezone.now()
        batch = list(
            due_alerts(moment)
            .filter(pk__gt=after)
            .order_by("pk")
            .select_related("owner")[:BATCH_SIZE]
        )
        if not batch:
            break
        # One transaction per batch (fewer commits), one savepoint per alert,
        # so an alert whose email cannot be written does not hold up the rest.
        with transaction.atomic():
            for alert in batch:
                try:
                    with transaction.atomic():
                        sent = _send_digest(alert, moment, shared)
                except Exception:
                    logger.exception("The digest of alert %s could not be queued", alert.pk)
                    continue
                report.postings += sent
                report.emails += 1 if sent else 0
        after = batch[-1].pk
    report.seconds = round(time.monotonic() - started, 3)
    return report


class _Shared:
    """What the digests of one run have in common: each posting's part of the
    email (rendered once, not once per alert listing it) and the facet labels."""

    def __init__(self) -> None:
        self.labels = facet_labels()
        self.blocks: dict[int, dict[str, str]] = {}

    def blocks_for(self, posting_ids: list[int]) -> list[dict[str, str]]:
        missing = [pk for pk in posting_ids if pk not in self.blocks]
        postings = (
            JobPosting.objects.filter(pk__in=missing)
            .select_related("employer")
            .prefetch_related("locations")
        )
        self.blocks.update((posting.pk, posting_block(posting)) for posting in postings)
        return [self.blocks[pk] for pk in posting_ids]


def _send_digest(alert: Alert, now: datetime, shared: _Shared | None = None) -> int:
    """Queue one alert's digest and mark its postings sent; how many it lists."""
    shared = shared or _Shared()
    matches = list(
        AlertMatch.objects.filter(
            alert=alert, sent_at__isnull=True, posting__in=JobPosting.objects.visible(now=now)
        )
        .order_by("-posting__published_at", "-pk")
        .values_list("pk", "posting_id")[:MAX_POSTINGS]
    )
    if not matches:
        return 0
    claimed = Alert.objects.filter(pk=alert.pk, last_digest_at=alert.last_digest_at).update(
        last_digest_at=_next_mark(alert.last_digest_at, alert.digest_period, now)
    )
    if not claimed:
        return 0  # another run sent it
    match_ids = [pk for pk, _posting_id in matches]
    AlertMatch.objects.filter(pk__in=match_ids).update(sent_at=now)
    queue_digest_email(
        alert,
        shared.blocks_for([posting_id for _pk, posting_id in matches]),
        last_match=max(match_ids),
        labels=shared.labels,
    )
    return len(matches)


def _next_mark(previous: datetime, period: timedelta, now: datetime) -> datetime:
    """The latest moment a whole number of periods after ``previous`` that is not after now."""
    if not period or previous > now:
        return now
    return previous + period * ((now - previous) // period)
