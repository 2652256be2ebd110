"""Counting how often a posting's page is seen, off the request path.

Each web process adds views up in memory and writes them to ``view_count`` in one
short transaction at most every ``VIEW_COUNT_FLUSH_SECONDS`` (the first view after
that time writes what has gathered), and when the process stops: gunicorn's
``worker_exit`` hook (deploy/gunicorn.conf.py) and an exit handler call
``flush_view_counts``, so a restart (a deploy, ``max_requests``) loses no views.
A page view then costs no database write, which on SQLite would also queue every
web process behind one lock. Only a process killed outright (its timeout, or
SIGKILL) loses the views it had not yet written: at most those seconds' worth.
The employer dashboard's figures are that many seconds behind.
"""

from __future__ import annotations

import atexit
import logging
import threading
import time
from collections import Counter, defaultdict

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import F

from .models import JobPosting

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_pending: Counter[int] = Counter()
_last_flush = time.monotonic()


def count_view(posting_id: int) -> None:
    """One more view of a posting; written now only when the last write is old enough."""
    with _lock:
        _pending[posting_id] += 1
        due = time.monotonic() - _last_flush >= settings.VIEW_COUNT_FLUSH_SECONDS
    if due:
        flush_view_counts()


def pending_views() -> dict[int, int]:
    """Views this process has counted and not yet written, by posting."""
    with _lock:
        return dict(_pending)


def flush_view_counts() -> int:
    """Write the views counted so far; returns how many. On a database error they
    stay pending for the next write, so none is lost."""
    global _last_flush
    with _lock:
        counts = dict(_pending)
        _pending.clear()
        _last_flush = time.monotonic()
    if not counts:
        return 0
    by_views: defaultdict[int, list[int]] = defaultdict(list)
    for posting_id, views in counts.items():
        by_views[views].append(posting_id)
    try:
        with transaction.atomic():
            # Not in the search document, so a plain update: no service and no
            # outbox row (jobs.indexing).
            for views, ids in by_views.items():
                JobPosting.objects.filter(pk__in=ids).update(view_count=F("view_count") + views)
    except DatabaseError:
        logger.exception("Could not write %d posting views; kept for the next try", len(counts))
        with _lock:
            _pending.update(counts)
        return 0
    return sum(counts.values())


def _flush_at_exit() -> None:
    try:
        flush_view_counts()
    except Exception:  # the process is ending: say so, never raise from here
        logger.exception("Posting views not written at exit")


atexit.register(_flush_at_exit)
