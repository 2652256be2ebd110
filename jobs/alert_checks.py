"""Job alerts as the posting services see them: one call when a posting goes live.

Postings know nothing of job alerts (``candidates.alerts``, an app above
them). The alerts app hands in, at start-up, how a posting that went live
queues its alert check (``provide``); the services that put a posting live
call ``queue_check`` in the transaction that does it, so the check commits or
rolls back with the posting and runs after the commit. Where nothing was
handed in there are no alerts to check.
"""

from __future__ import annotations

from collections.abc import Callable

from .models import JobPosting

_queue: Callable[..., None] | None = None


def provide(queue: Callable[..., None]) -> None:
    """How a posting's alert check is queued: ``queue(posting=...)`` (called once)."""
    global _queue
    _queue = queue


def queue_check(*, posting: JobPosting) -> None:
    """Queue the check of every alert against ``posting``, which goes live in this transaction."""
    if _queue is not None:
        _queue(posting=posting)
