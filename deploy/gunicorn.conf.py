"""Gunicorn's configuration for the production web process.

    gunicorn --config deploy/gunicorn.conf.py fairsite.wsgi

Every value can be changed through the environment (README: Running in
production). The site runs behind a proxy or load balancer that terminates TLS.
"""

import os
import sys

from fairsite.settings.env import env_int, env_str


def cores() -> int:
    """The CPUs this process may run on (a container's share, not the whole host's)."""
    return len(os.sched_getaffinity(0))


# Where to listen. The proxy in front usually runs on the same machine; set
# WEB_BIND=0.0.0.0:8000 (or a private address) when it runs on another.
bind = [env_str("WEB_BIND") or f"127.0.0.1:{env_int('PORT', 8000)}"]

# Synchronous workers: each serves one request at a time, and a request is
# mostly Python and a database or Elasticsearch round trip. Two per core plus
# one keeps every core busy while some workers wait on the network.
workers = env_int("WEB_CONCURRENCY", 2 * cores() + 1)
worker_class = "sync"

# A request still running after this many seconds is stuck: its worker is
# killed and replaced (the search request itself gives up after 5 s).
timeout = env_int("WEB_TIMEOUT", 30)
# On TERM (stop) or HUP (reload), workers finish the requests they have for up
# to this long before they are stopped. HUP starts new workers with fresh code
# first, so a reload drops no request.
graceful_timeout = env_int("WEB_GRACEFUL_TIMEOUT", 30)
# Seconds an idle keep-alive connection from the proxy stays open.
keepalive = 5
# Each worker is replaced after about this many requests, so a slow leak in
# any library cannot grow without bound; the jitter keeps them from all
# restarting at once. Not much lower: a new worker imports the whole site and
# starts with empty caches (fragments, menus), which under load costs seconds
# of CPU and the slowest requests of all (at 2,000 a busy worker was replaced
# every few seconds).
max_requests = env_int("WEB_MAX_REQUESTS", 100_000)
max_requests_jitter = max_requests // 10

# Every worker imports the site itself (no preload): HUP then loads new code,
# and no database or place-data connection is shared across a fork.
preload_app = False

# Requests bigger than this are refused before Django sees them.
limit_request_line = 8190
limit_request_fields = 100

# One JSON line per request on stdout, without query strings (fairsite.access_log);
# errors and start-up messages on stderr.
accesslog = "-"
errorlog = "-"
loglevel = env_str("LOG_LEVEL", "info").lower()
logger_class = "fairsite.access_log.JsonAccessLogger"
proc_name = "fairchance-web"


def worker_exit(server, worker):
    """Write the posting views this worker has counted and not yet written (none
    when it never loaded the module that counts them)."""
    view_counts = sys.modules.get("jobs.view_counts")
    if view_counts is not None:
        view_counts.flush_view_counts()
