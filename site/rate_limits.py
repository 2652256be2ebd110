"""Counting requests in fixed one-minute windows, in the shared cache.

The cache is the site's shared one (the database cache by default), so every
web process on every machine counts against the same limit.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.core.cache import cache

WINDOW_SECONDS = 60


@dataclass(frozen=True)
class WindowCount:
    count: int  # requests so far in this window, this one included
    seconds_left: float  # until the window ends


def count_request(key: str) -> WindowCount:
    """Count one request against ``key`` in the current minute's window."""
    now = time.time()
    window = int(now // WINDOW_SECONDS)
    cache_key = f"{key}:{window}"
    cache.add(cache_key, 0, timeout=WINDOW_SECONDS * 2)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=WINDOW_SECONDS * 2)
        count = 1
    return WindowCount(count=count, seconds_left=(window + 1) * WINDOW_SECONDS - now)
