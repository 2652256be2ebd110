"""Claiming and retrying the rows of a work queue, the one way every queue does it.

Three queues use it: the search outbox (``fairsite.outbox``), the alerts'
posting checks (``candidates.alerts.matching``) and outgoing email
(``fairsite.mail``). A queue is a model with ``next_attempt_at``, ``attempts``
and ``last_error``, and a ``WorkQueue`` that says how it is worked:

- **Claiming** is one short transaction: it selects due rows with
  ``select_for_update(skip_locked=True)`` (PostgreSQL; SQLite serialises
  writers anyway) and moves their ``next_attempt_at`` a lease ahead, so no other
  worker takes them. Nothing is held open while the work is done; a worker that
  dies leaves its rows to be claimed again when the lease runs out.
- **Retrying**: a row that failed gets ``attempts + 1`` and waits a back-off
  that doubles from ``first_retry`` up to ``longest_retry``. With
  ``max_attempts``, a row that fails that many times is given up instead: it
  gets the fields ``give_up`` returns (a ``failed_at`` time, say) and an error
  in the log, and ``pending`` must leave such rows out.

What a row's work is, and what is done with a row that succeeded, stays with
each queue.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Generic, TypeVar

from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

logger = logging.getLogger(__name__)

Row = TypeVar("Row", bound=models.Model)


@dataclass(frozen=True)
class WorkQueue(Generic[Row]):
    model: type[Row]
    lease: timedelta
    first_retry: timedelta
    longest_retry: timedelta
    # Rows still to be worked (due or not); the default is every row.
    pending: Q = field(default_factory=Q)
    max_attempts: int | None = None
    give_up: Callable[[datetime], dict[str, Any]] | None = None

    def __post_init__(self) -> None:
        if (self.max_attempts is None) != (self.give_up is None):
            raise ValueError("max_attempts and give_up go together")

    def claim(self, *, limit: int) -> list[Row]:
        """Up to ``limit`` due rows, oldest first, now leased to the caller."""
        now = timezone.now()
        with transaction.atomic():
            rows = list(
                self.model.objects.select_for_update(skip_locked=True)
                .filter(self.pending, next_attempt_at__lte=now)
                .order_by("id")[:limit]
            )
            self.model.objects.filter(pk__in=[row.pk for row in rows]).update(
                next_attempt_at=now + self.lease
            )
        return rows

    def backoff(self, attempts: int) -> timedelta:
        """The wait after the ``attempts``-th failure: doubling, up to ``longest_retry``."""
        return min(self.longest_retry, self.first_retry * 2 ** (attempts - 1))

    def retry_later(
        self, rows: Iterable[Row], error: str, *, delay: timedelta | None = None
    ) -> list[Row]:
        """Record a failure of each row (one ``error``, status and type only: it is
        stored and logged) and schedule the next try after the back-off, or after
        ``delay``. Returns the rows given up (see ``max_attempts``)."""
        now = timezone.now()
        error = error[:200]
        by_attempts: dict[int, list[Row]] = defaultdict(list)
        for row in rows:
            by_attempts[row.attempts + 1].append(row)
        given_up: list[Row] = []
        # One update per number of attempts rather than one per row.
        for attempts, group in by_attempts.items():
            ids = [row.pk for row in group]
            if self.max_attempts is not None and attempts >= self.max_attempts:
                self.model.objects.filter(pk__in=ids).update(
                    attempts=attempts, last_error=error, **self.give_up(now)
                )
                given_up.extend(group)
                logger.error(
                    "%s: gave up on %s after %s attempts (%s)",
                    self.model._meta.label,
                    ", ".join(map(str, ids)),
                    attempts,
                    error,
                )
                continue
            wait = self.backoff(attempts) if delay is None else delay
            self.model.objects.filter(pk__in=ids).update(
                attempts=attempts, next_attempt_at=now + wait, last_error=error
            )
        return given_up

    def retry_now(self) -> int:
        """Make every row that waits for a retry due at once; returns how many."""
        now = timezone.now()
        return self.model.objects.filter(self.pending, next_attempt_at__gt=now).update(
            next_attempt_at=now
        )
