"""Settings for the test suite. Elasticsearch, Stripe and the database are real;
only mail stays in memory (the outbox tests read) and tasks run at once."""

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
