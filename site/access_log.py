"""The production web server's access log: one JSON object a line.

Only the path of each request is logged, never its query string: a search
page's address carries the words people searched for (which can touch on their
record), and a link from an email can carry a token. The Referer header is left
out for the same reason (it is the address of the page before, query and all).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from django.conf import settings
from gunicorn.glogging import Logger

from fairsite.client_address import address_from


def access_entry(
    *, environ: dict, status: str, sent: int | None, duration_ms: int, trusted_proxies: int
) -> dict:
    """What one line of the access log says about a request."""
    return {
        "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
        "client": address_from(environ, trusted_proxies),
        "remote_addr": environ.get("REMOTE_ADDR", ""),
        "method": environ.get("REQUEST_METHOD", ""),
        "path": environ.get("PATH_INFO", ""),
        "status": int(str(status).split(None, 1)[0]),
        "bytes": sent or 0,
        "duration_ms": duration_ms,
        "user_agent": environ.get("HTTP_USER_AGENT", ""),
    }


class JsonAccessLogger(Logger):
    """Gunicorn's logger with the access line replaced by ``access_entry`` as JSON."""

    def access(self, resp, req, environ, request_time) -> None:
        if not self.cfg.accesslog:
            return
        entry = access_entry(
            environ=environ,
            status=resp.status,
            sent=getattr(resp, "sent", None),
            duration_ms=round(request_time.total_seconds() * 1000),
            # The worker has loaded the site, so its settings are ready.
            trusted_proxies=settings.TRUSTED_PROXY_COUNT,
        )
        self.access_log.info(json.dumps(entry, separators=(",", ":")))
