"""Draining the outbox into Elasticsearch.

A drain claims a batch of due entries, writes the current database state of
their objects in one bulk request (``fairsite.search.sync``), deletes the
entries Elasticsearch took and backs off the rest. Several drainers may run at
once (the after-commit task, the scheduler, more workers):

- Claiming leases due entries for a while (``fairsite.work_queue``), so no
  other drainer takes them; no transaction is held open while Elasticsearch
  answers, and a drainer that dies leaves its entries to be claimed again when
  the lease runs out.
- Only the claimed entries are deleted, never all entries of an object: an
  entry written after the drain read the database stays for the next drain.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction

from fairsite.outbox.models import OutboxEntry
from fairsite.search.registry import SearchIndex, get_index
from fairsite.search.sync import Outcome, sync_objects
from fairsite.work_queue import WorkQueue

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
# Longer than any drain can take (bulk requests time out well before this).
LEASE = timedelta(minutes=2)
RETRY_FIRST_SECONDS = 1
# The longest wait between tries, so the index catches up within a minute of
# Elasticsearch coming back.
RETRY_MAX_SECONDS = 60

QUEUE = WorkQueue(
    OutboxEntry,
    lease=LEASE,
    first_retry=timedelta(seconds=RETRY_FIRST_SECONDS),
    longest_retry=timedelta(seconds=RETRY_MAX_SECONDS),
)


@dataclass
class DrainReport:
    """What one drain (or a run of them) did."""

    claimed: int = 0  # entries worked on
    done: int = 0  # entries deleted: the index has their change, or newer
    failed: int = 0  # entries kept for a retry after back-off
    indexed: int = 0  # documents written
    deleted: int = 0  # documents removed
    conflicts: int = 0  # writes the index already had newer
    errors: list[str] = field(default_factory=list)

    def add(self, other: DrainReport) -> None:
        for name in ("claimed", "done", "failed", "indexed", "deleted", "conflicts"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors = sorted({*self.errors, *other.errors})


def drain(limit: int = BATCH_SIZE) -> DrainReport:
    """Send up to ``limit`` due entries to Elasticsearch in one bulk request.

    Entries whose change the index took (or already had newer) are deleted;
    the others get ``attempts + 1`` and wait an exponential back-off.
    """
    entries = QUEUE.claim(limit=limit)
    if not entries:
        return DrainReport()
    by_object: dict[tuple[str, str], list[OutboxEntry]] = defaultdict(list)
    changes: dict[SearchIndex, set[str]] = defaultdict(set)
    outcomes: dict[tuple[str, str], Outcome] = {}
    for entry in entries:
        key = (entry.index_name, entry.object_id)
        by_object[key].append(entry)
        try:
            changes[get_index(entry.index_name)].add(entry.object_id)
        except LookupError:
            outcomes[key] = Outcome(False, "index", error="unknown index")
    result = sync_objects(changes)
    outcomes.update(result.outcomes)
    for key in by_object.keys() - outcomes.keys():
        # An id that does not read back as the same string (say "007" for 7).
        outcomes[key] = Outcome(False, "index", error="object id not understood")
    done = [entry for key, group in by_object.items() if outcomes[key].done for entry in group]
    failed = {key: group for key, group in by_object.items() if not outcomes[key].done}
    _finish(done, failed, outcomes)
    report = DrainReport(
        claimed=len(entries),
        done=len(done),
        failed=len(entries) - len(done),
        indexed=result.count(done=True, action="index"),
        deleted=result.count(done=True, action="delete"),
        conflicts=result.conflicts,
        errors=sorted({outcome.error for outcome in outcomes.values() if outcome.error}),
    )
    if report.failed:
        logger.warning(
            "Outbox: %s of %s entries wait for a retry (%s)",
            report.failed,
            report.claimed,
            ", ".join(report.errors),
        )
    return report


def drain_due(*, max_seconds: float = 10.0) -> DrainReport:
    """Drain batch after batch until nothing is due, a batch fails, or time is up."""
    total = DrainReport()
    deadline = time.monotonic() + max_seconds
    while True:
        report = drain()
        total.add(report)
        if report.claimed < BATCH_SIZE or report.failed or time.monotonic() > deadline:
            return total


def retry_now() -> int:
    """Make every waiting entry due at once (after Elasticsearch is back); returns how many."""
    return QUEUE.retry_now()


def _finish(
    done: list[OutboxEntry],
    failed: dict[tuple[str, str], list[OutboxEntry]],
    outcomes: dict[tuple[str, str], Outcome],
) -> None:
    by_error: dict[str, list[OutboxEntry]] = defaultdict(list)
    for key, group in failed.items():
        by_error[outcomes[key].error].extend(group)
    with transaction.atomic():
        OutboxEntry.objects.filter(id__in=[entry.id for entry in done]).delete()
        for error, entries in by_error.items():
            QUEUE.retry_later(entries, error)
