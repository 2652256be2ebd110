"""Rate limits per caller: fixed one-minute windows, counted in the shared cache
(fairsite.rate_limits). Partner keys' requests are also counted per day in the
database, refused ones separately.
"""

from __future__ import annotations

import math
import threading

from django.http import HttpRequest
from ninja.throttling import BaseThrottle

from fairsite.rate_limits import WINDOW_SECONDS, count_request

from .keys import partner_key_record_use


class CallerRateThrottle(BaseThrottle):
    """Each caller's own requests-per-minute (see auth.Caller)."""

    def __init__(self):
        # ninja asks wait() straight after allow_request() in the same thread.
        self._local = threading.local()

    def allow_request(self, request: HttpRequest) -> bool:
        caller = request.auth
        counted = count_request(f"api-rate:{caller.ident}")
        self._local.wait = counted.seconds_left
        allowed = counted.count <= caller.requests_per_minute
        if caller.partner_key is not None:
            partner_key_record_use(key=caller.partner_key, throttled=not allowed)
        return allowed

    def wait(self) -> float:
        return max(math.ceil(getattr(self._local, "wait", WINDOW_SECONDS)), 1)
