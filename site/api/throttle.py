"""Rate limits per caller: fixed one-minute windows, counted in the shared cache.

The cache is the site's shared one (the database cache by default), so every
web process counts against the same limit. Partner keys' requests are also
counted per day in the database, refused ones separately.
"""

from __future__ import annotations

import math
import threading
import time

from django.core.cache import cache
from django.http import HttpRequest
from ninja.throttling import BaseThrottle

from .keys import partner_key_record_use

WINDOW_SECONDS = 60


class CallerRateThrottle(BaseThrottle):
    """Each caller's own requests-per-minute (see auth.Caller)."""

    def __init__(self):
        # ninja asks wait() straight after allow_request() in the same thread.
        self._local = threading.local()

    def allow_request(self, request: HttpRequest) -> bool:
        caller = request.auth
        now = time.time()
        window = int(now // WINDOW_SECONDS)
        key = f"api-rate:{caller.ident}:{window}"
        cache.add(key, 0, timeout=WINDOW_SECONDS * 2)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=WINDOW_SECONDS * 2)
            count = 1
        self._local.wait = (window + 1) * WINDOW_SECONDS - now
        allowed = count <= caller.requests_per_minute
        if caller.partner_key is not None:
            partner_key_record_use(key=caller.partner_key, throttled=not allowed)
        return allowed

    def wait(self) -> float:
        return max(math.ceil(getattr(self._local, "wait", WINDOW_SECONDS)), 1)
