"""Settings for the test suite. Elasticsearch, Stripe and the database are real;
only mail stays in memory (the outbox tests read) and tasks run at once."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
# NOT SECRET: a fixed test key ("test-only-NOT-SECRET-preferences", base64).
PREFERENCES_ENCRYPTION_KEYS = ["dGVzdC1vbmx5LU5PVC1TRUNSRVQtcHJlZmVyZW5jZXM="]
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Every test gets its own prefix from a fixture; this one is never used for real.
ELASTICSEARCH_INDEX_PREFIX = "test-unset"
# Nothing listens here: a test that reaches Elasticsearch without asking for
# the real server (the `es` fixture) sees it as down, never someone's cluster.
ELASTICSEARCH = {**ELASTICSEARCH, "URL": "http://127.0.0.1:9", "TIMEOUT": 2}  # noqa: F405
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# Each posting view is written at once, so a test reads it straight after.
VIEW_COUNT_FLUSH_SECONDS = 0

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not Django's shared in-memory test database: SQLite's shared cache
    # locks whole tables and fails at once ("database table is locked") where a
    # file in WAL mode waits its turn, and some tests write from many threads at
    # once (concurrent Stripe webhooks, the browser tests' live server).
    # In memory-backed /dev/shm where there is one, and without syncing to
    # disk: the database is thrown away at the end, so speed is all it needs.
    _tmp = Path("/dev/shm") if Path("/dev/shm").is_dir() else Path(tempfile.gettempdir())  # noqa: S108
    DATABASES["default"]["TEST"] = {"NAME": str(_tmp / f"fairchance-test-{os.getpid()}.sqlite3")}  # noqa: F405
    DATABASES["default"]["OPTIONS"] = {  # noqa: F405
        **DATABASES["default"]["OPTIONS"],  # noqa: F405
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;",
    }
