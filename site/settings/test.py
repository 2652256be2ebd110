"""Settings for the test suite. Elasticsearch, Stripe and the database are real;
only mail stays in memory (the outbox tests read) and tasks run at once."""

import os
import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
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

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # Tests run drainers, rebuilds and the scheduler in threads, each with its
    # own connection. An in-memory test database shares one cache and answers
    # "database table is locked" at once where a database file waits for the
    # lock as production does, so the test database is a file (one per run).
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"fairchance-test-{os.getpid()}.sqlite3")
    }
