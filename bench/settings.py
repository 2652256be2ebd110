"""Settings for the benchmarks: the dev settings, on the benchmark's own database.

The database is ``BENCH_DATABASE_URL`` if set (a database the benchmark may
empty: it drops everything in it), else a SQLite file under ``.cache/bench/``;
never ``DATABASE_URL``, so a benchmark can't wipe the database of ``make run``
by accident. It is chosen before the dev settings are read, so the site's own
SQLite tuning (WAL, lock timeout) applies to it unchanged. The Elasticsearch
server is the one the benchmark started (``bench.environment`` sets
``ELASTICSEARCH_URL``); its indices get their own prefix.
"""

import os
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parents[1] / ".cache" / "bench"
BENCH_DIR.mkdir(parents=True, exist_ok=True)
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL") or (
    f"sqlite:///{BENCH_DIR / 'bench.sqlite3'}"
)
os.environ["VAR_DIR"] = str(BENCH_DIR / "var")

from fairsite.settings.dev import *  # noqa: E402, F403

# As in production: debug mode keeps every SQL query in memory and would slow
# the pages measured.
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
ELASTICSEARCH_INDEX_PREFIX = "bench"
# The worker sends the approval emails of the publishing benchmark; keep them.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
