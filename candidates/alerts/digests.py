"""Daily and weekly digests: the postings an alert matched since its last email.

A digest lists the alert's matches not sent yet whose postings are still live,
newest first, and marks exactly those sent in the transaction that queues the
email, so each posting reaches an alert's owner at most once, ever. Matches of
postings that are down for now (paused) stay unsent and go in a later digest
if they come back. Several runs may overlap (a run can outlast the scheduler's
period, and several workers run it): an alert's digest is claimed with one
conditional update of its ``last_digest_at``, so only one run sends it.

A run works through the due alerts in batches: one read of every batch
alert's waiting matches; each alert's email written on its own (one that fails
holds up none of the others, and its matches wait); then, in one transaction,
the matches locked, one claim per alert, the claimed alerts' emails written in
a few statements, and one update that marks their matches sent. When that
transaction fails (the database refused one email, or a case worker's copy),
the batch goes again one alert at a time, so only the failing alert waits.

Digests keep to the time of day (or week) the alert was made: after a digest,
``last_digest_at`` moves to the latest whole number of periods since it, not
to "now", so an alert stays on its slot even when a run is late.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from jobs.models import JobPosting
from jobs.search.results import facet_labels

from .emails import AlertEmail, digest_email, posting_block, queue_alert_emails
from .models import DIGEST_PERIOD, Alert, AlertMatch

logger = logging.getLogger(__name__)

# The scheduler runs this every minute in its own thread; a bounded run leaves
# it free for its other jobs, and the next run carries on where this one ended.
RUN_SECONDS = 45.0
BATCH_SIZE = 200
# Ids per statement when a list of ids is looked up or marked (keeps each
# statement's parameters few).
IDS_PER_STATEMENT = 900
# Alerts claimed per statement (claim_digests): four parameters each.
CLAIMS_PER_STATEMENT = 200
# The most postings one email lists; the rest wait for the next digest.
MAX_POSTINGS = 50


@dataclass
class DigestReport:
    """What one run of digests did."""

    emails: int = 0
    postings: int = 0  # matches sent
    seconds: float = 0.0


def due_alerts(now: datetime, *, after: int | None = None):
    """Deliverable alerts whose period is over and that have unsent matches of
    live postings; only those with an id above ``after``, when given.

    ``after`` bounds the matches too. Without that, PostgreSQL answers a batch
    (the next 200 ids, in order) with a merge join that reads the matches index
    from its first alert every time, so each batch cost more than the one
    before it: 250 ms halfway through 100k alerts.
    """
    pending = AlertMatch.objects.filter(
        alert=OuterRef("pk"),
        sent_at__isnull=True,
        posting__in=JobPosting.objects.visible(now=now),
    )
    period_over = Q()
    for frequency, period in DIGEST_PERIOD.items():
        period_over |= Q(frequency=frequency, last_digest_at__lte=now - period)
    due = Alert.objects.deliverable().filter(period_over)
    if after is not None:
        due = due.filter(pk__gt=after)
        pending = pending.filter(alert__gt=after)
    return due.filter(Exists(pending))


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
            due_alerts(moment, after=after).order_by("pk").select_related("owner")[:BATCH_SIZE]
        )
        if not batch:
            break
        waiting = waiting_matches(batch, moment)
        try:
            shared.render(posting_id for ids in waiting.values() for _pk, posting_id in ids)
        except Exception:
            # Each alert renders what it lacks again below, on its own, so a
            # posting that cannot be rendered holds up only its alerts.
            logger.exception("The postings of a digest batch could not be rendered at once")
        # Written before the transaction, each on its own: an email that cannot
        # be written holds up no other alert's, and its matches wait.
        written: list[tuple[AlertEmail, list[tuple[int, int]]]] = []
        for alert in batch:
            matches = waiting.get(alert.pk)
            if not matches:
                continue
            try:
                written.append((_digest_email(alert, matches, shared), matches))
            except Exception:
                logger.exception("The digest of alert %s could not be written", alert.pk)
        try:
            with transaction.atomic():
                queued = _queue_batch(written, moment)
        except Exception:
            # One email the database refuses fails the batch's transaction: send
            # the batch again one alert at a time, so it holds up no other.
            logger.exception("A batch of digests failed; queueing its alerts one by one")
            queued = []
            for one in written:
                # The failed insert gave it an id, which the rollback freed.
                one[0].message.pk = None
                try:
                    with transaction.atomic():
                        queued += _queue_batch([one], moment)
                except Exception:
                    logger.exception("The digest of alert %s could not be queued", one[0].alert.pk)
        report.emails += len(queued)
        report.postings += sum(len(matches) for _email, matches in queued)
        after = batch[-1].pk
    report.seconds = round(time.monotonic() - started, 3)
    return report


class _Shared:
    """What the digests of one run have in common: each posting's part of the
    email (rendered once, not once per alert listing it) and the facet labels."""

    def __init__(self) -> None:
        self.labels = facet_labels()
        self.blocks: dict[int, dict[str, str]] = {}

    def render(self, posting_ids: Iterable[int]) -> None:
        """Render the blocks of these postings not rendered yet (one read for all)."""
        missing = sorted({pk for pk in posting_ids if pk not in self.blocks})
        for ids in _in_chunks(missing):
            postings = (
                JobPosting.objects.filter(pk__in=ids)
                .select_related("employer")
                .prefetch_related("locations")
            )
            self.blocks.update((posting.pk, posting_block(posting)) for posting in postings)

    def blocks_for(self, posting_ids: list[int]) -> list[dict[str, str]]:
        self.render(posting_ids)
        return [self.blocks[pk] for pk in posting_ids]


def waiting_matches(alerts: list[Alert], now: datetime) -> dict[int, list[tuple[int, int]]]:
    """Each alert's next digest: its unsent matches of live postings, newest
    first, at most MAX_POSTINGS, as (match id, posting id).

    Two reads for the whole batch, each through its own index: the alerts'
    unsent matches, then which of their postings are live and when they were
    published. (As one join, SQLite starts from the live postings and probes
    the matches once per posting and alert: 0.25 s a batch at 5,000 postings.)
    """
    unsent = list(
        AlertMatch.objects.filter(
            alert__in=[alert.pk for alert in alerts], sent_at__isnull=True
        ).values_list("alert_id", "pk", "posting_id")
    )
    posting_ids = sorted({posting_id for _alert_id, _pk, posting_id in unsent})
    published: dict[int, datetime | None] = {}
    for ids in _in_chunks(posting_ids):
        published.update(
            JobPosting.objects.visible(now=now).filter(pk__in=ids).values_list("pk", "published_at")
        )
    waiting: dict[int, list[tuple[datetime | None, int, int]]] = {}
    for alert_id, pk, posting_id in unsent:
        if posting_id in published:
            waiting.setdefault(alert_id, []).append((published[posting_id], pk, posting_id))
    return {
        alert_id: [
            (pk, posting_id)
            for _published, pk, posting_id in sorted(matches, key=_newest_first)[:MAX_POSTINGS]
        ]
        for alert_id, matches in waiting.items()
    }


def _in_chunks(ids: list[int]) -> Iterator[list[int]]:
    """``ids`` a statement's worth at a time."""
    for start in range(0, len(ids), IDS_PER_STATEMENT):
        yield ids[start : start + IDS_PER_STATEMENT]


def _newest_first(match: tuple[datetime | None, int, int]) -> tuple[float, int]:
    published_at, pk, _posting_id = match
    return (-published_at.timestamp() if published_at else 0.0, -pk)


def _digest_email(alert: Alert, matches: list[tuple[int, int]], shared: _Shared) -> AlertEmail:
    """The alert's digest listing ``matches`` (from ``waiting_matches``)."""
    return digest_email(
        alert,
        shared.blocks_for([posting_id for _pk, posting_id in matches]),
        last_match=max(pk for pk, _posting_id in matches),
        labels=shared.labels,
    )


def _queue_batch(
    written: list[tuple[AlertEmail, list[tuple[int, int]]]], now: datetime
) -> list[tuple[AlertEmail, list[tuple[int, int]]]]:
    """In the caller's transaction: claim each alert's digest, queue the claimed
    ones' emails together and mark their matches sent; returns those queued.

    The emails were written from matches read before the transaction. An
    alert's digest is left for the next run if any of its matches has been sent
    since (an alert switched to instant gets them from each new check) or if
    another run claimed it first.
    """
    match_ids = sorted(pk for _email, matches in written for pk, _posting_id in matches)
    unsent: set[int] = set()
    for ids in _in_chunks(match_ids):
        # Locked until the commit (PostgreSQL; SQLite's writer holds the whole
        # database), so no check or run can send them meanwhile.
        unsent.update(
            AlertMatch.objects.select_for_update()
            .filter(pk__in=ids, sent_at__isnull=True)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
    ready = [
        (email, matches)
        for email, matches in written
        if all(pk in unsent for pk, _posting_id in matches)
    ]
    won = claim_digests([email.alert for email, _matches in ready], now)
    claimed = [(email, matches) for email, matches in ready if email.alert.pk in won]
    queue_alert_emails([email for email, _matches in claimed])
    sent = [pk for _email, matches in claimed for pk, _posting_id in matches]
    for ids in _in_chunks(sent):
        AlertMatch.objects.filter(pk__in=ids).update(sent_at=now)
    return claimed


def claim_digests(alerts: list[Alert], now: datetime) -> set[int]:
    """Move each alert's digest mark on, unless another run did since it was
    read (then that run sends this digest, and this one must not) or it was
    paused; the ids of those claimed.

    One statement per CLAIMS_PER_STATEMENT alerts, whose RETURNING names the
    rows it changed (an UPDATE of Django's only counts them): one UPDATE per
    alert was about a third of a digest run on PostgreSQL.
    """
    ops = connection.ops
    table = ops.quote_name(Alert._meta.db_table)
    pk = ops.quote_name(Alert._meta.pk.column)
    mark = ops.quote_name(Alert._meta.get_field("last_digest_at").column)
    paused = ops.quote_name(Alert._meta.get_field("is_paused").column)
    claimed: set[int] = set()
    for start in range(0, len(alerts), CLAIMS_PER_STATEMENT):
        chunk = alerts[start : start + CLAIMS_PER_STATEMENT]
        new_marks = [
            value
            for alert in chunk
            for value in (
                alert.pk,
                ops.adapt_datetimefield_value(
                    _next_mark(alert.last_digest_at, alert.digest_period, now)
                ),
            )
        ]
        read_marks = [
            value
            for alert in chunk
            for value in (alert.pk, ops.adapt_datetimefield_value(alert.last_digest_at))
        ]
        cases = " ".join(["WHEN %s THEN %s"] * len(chunk))
        unchanged = " OR ".join([f"({pk} = %s AND {mark} = %s)"] * len(chunk))
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET {mark} = CASE {pk} {cases} END "  # noqa: S608 (names quoted; values are parameters)
                f"WHERE {paused} = %s AND ({unchanged}) RETURNING {pk}",
                [*new_marks, False, *read_marks],
            )
            claimed.update(row[0] for row in cursor.fetchall())
    return claimed


def _next_mark(previous: datetime, period: timedelta, now: datetime) -> datetime:
    """The latest moment a whole number of periods after ``previous`` that is not after now."""
    if not period or previous > now:
        return now
    return previous + period * ((now - previous) // period)
