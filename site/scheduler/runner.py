"""Running due jobs so that each runs once per period across every worker.

Each job has a ``ScheduledJob`` row. A scheduler claims a run with one
conditional UPDATE (``last_run_at`` older than a period ago -> now): the
database lets exactly one of several workers change the row, and only that one
runs the job. Between claims a scheduler only asks the database again once its
own clock says the period is over.

In a worker each job ticks in a thread of its own (``run_until``), so a long
job never holds up another: the aggregator feed of a million postings, or the
daily digest, takes minutes, and the outbox drain that indexes what was just
published must still run every second.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from django.db import close_old_connections, connections
from django.db.models import Q
from django.utils import timezone

from fairsite.scheduler.jobs import Job, registered_jobs
from fairsite.scheduler.models import ScheduledJob

logger = logging.getLogger(__name__)

TICK_SECONDS = 0.2
# A run at least this long is logged with its duration, so an operator can see
# which job a big board keeps busy (a run that fails is logged either way).
LONG_RUN_SECONDS = 10


class Scheduler:
    """Runs the due jobs among ``jobs`` (by default every registered job)."""

    def __init__(self, jobs: Iterable[Job] | None = None) -> None:
        self.jobs = list(registered_jobs() if jobs is None else jobs)
        self._not_before: dict[str, datetime] = {}
        self._has_row: set[str] = set()

    def run_due(self, now: datetime | None = None) -> list[str]:
        """Run each job whose period is over and that this scheduler claimed; returns the names."""
        now = now or timezone.now()
        ran = []
        for job in self.jobs:
            if now >= self._not_before.get(job.name, now) and self._claim(job, now):
                ran.append(job.name)
                _run(job)
        return ran

    def run_until(self, should_stop: Callable[[], bool], stop: threading.Event) -> None:
        """Run each job in its own thread until ``should_stop()`` or ``stop`` is set.

        Returns once every job thread has finished the run it was in. A thread
        keeps a database connection only while Django's ``CONN_MAX_AGE`` lets
        it, so an hourly job does not hold one between its runs.
        """
        threads = [
            threading.Thread(
                target=Scheduler([job])._tick_until,
                args=(should_stop, stop),
                name=f"scheduler {job.name}",
            )
            for job in self.jobs
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def _tick_until(self, should_stop: Callable[[], bool], stop: threading.Event) -> None:
        try:
            while not (should_stop() or stop.is_set()):
                close_old_connections()
                try:
                    self.run_due()
                except Exception:
                    # The database may be away for a moment; the next tick tries again.
                    logger.exception("The scheduler could not check its jobs")
                stop.wait(TICK_SECONDS)
        finally:
            connections.close_all()

    def _claim(self, job: Job, now: datetime) -> bool:
        period = timedelta(seconds=job.seconds)
        if job.name not in self._has_row:
            ScheduledJob.objects.get_or_create(name=job.name)
            self._has_row.add(job.name)
        claimed = (
            ScheduledJob.objects.filter(name=job.name)
            .filter(Q(last_run_at__isnull=True) | Q(last_run_at__lte=now - period))
            .update(last_run_at=now)
        )
        if claimed:
            self._not_before[job.name] = now + period
        else:
            last_run = ScheduledJob.objects.get(name=job.name).last_run_at
            self._not_before[job.name] = (last_run or now) + period
        return bool(claimed)


def _run(job: Job) -> None:
    started = time.monotonic()
    try:
        job.func()
    except Exception:
        # One failing job must not stop the others; it runs again next period.
        logger.exception("Scheduled job %s failed", job.name)
    seconds = time.monotonic() - started
    if seconds >= LONG_RUN_SECONDS:
        logger.info("Scheduled job %s took %.1f s", job.name, seconds)
