"""The production web server as the benchmarks run it: the Procfile's release
steps, then its ``web`` process (gunicorn, ``deploy/gunicorn.conf.py``) under
the production settings, DEBUG off, on the benchmark's database and
Elasticsearch, behind a pretend TLS proxy (requests carry the site's host name
and ``X-Forwarded-Proto: https``)."""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

HOST = "jobs.example.org"
PROXY_HEADERS = {"Host": HOST, "X-Forwarded-Proto": "https"}


def production_environment(
    var_dir: Path, database_url: str, elasticsearch_url: str, workers: int
) -> dict:
    """The documented production variables (README: Running in production), for the bench."""
    from cryptography.fernet import Fernet

    inherited = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "SECRET_KEY", "DATABASE_URL", "ELASTICSEARCH_", "WEB_"))
    }
    return {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "fairsite.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "SITE_URL": f"https://{HOST}",
        "DATABASE_URL": database_url,
        "VAR_DIR": str(var_dir),
        "ELASTICSEARCH_URL": elasticsearch_url,
        "ELASTICSEARCH_INDEX_PREFIX": "bench",
        "EMAIL_URL": "console://",
        "PREFERENCES_ENCRYPTION_KEY": Fernet.generate_key().decode(),
        "TRUSTED_PROXY_COUNT": "1",
        "WEB_CONCURRENCY": str(workers),
        "LOG_LEVEL": "WARNING",
    }


def database_url() -> str:
    """The benchmark database's address, for the server's processes."""
    from django.db import connection

    if connection.vendor == "sqlite":
        return f"sqlite:///{connection.settings_dict['NAME']}"
    return os.environ["BENCH_DATABASE_URL"]


@contextmanager
def production_web_server(elasticsearch_url: str, *, workers: int):
    """The release steps, then gunicorn with ``workers`` workers; stopped by pid after."""
    from fairsite.devtools.procfile import WebServer, run_steps

    var_dir = Path(tempfile.mkdtemp(prefix="fairchance-web-"))
    env = production_environment(var_dir, database_url(), elasticsearch_url, workers)
    run_steps("release", env)
    web = WebServer(env=env, log_path=var_dir / "web.log").start()
    try:
        yield web, var_dir
    finally:
        web.stop()
        shutil.rmtree(var_dir, ignore_errors=True)
