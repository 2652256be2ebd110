"""Start-up checks for alerts: the digests need a database that can return the
rows an UPDATE changed (``claim_digests``)."""

from django.core.checks import Error, Tags, register
from django.db import connections

# SQLite gained RETURNING in 3.35; Django 5.2 itself runs on 3.31 and later.
SQLITE_RETURNING = (3, 35, 0)


@register(Tags.database)
def database_returns_updated_rows(app_configs, databases=None, **kwargs):
    """Run with the databases it is given (``migrate`` and ``check --database``)."""
    errors = []
    for alias in databases or ():
        connection = connections[alias]
        if connection.vendor != "sqlite":
            continue
        version = connection.Database.sqlite_version_info
        if version < SQLITE_RETURNING:
            errors.append(
                Error(
                    f"SQLite {'.'.join(map(str, version))} cannot return the rows an UPDATE "
                    f"changed; the alert digests claim their alerts that way.",
                    hint="Use a Python whose sqlite3 module has SQLite 3.35 or later "
                    "(python -c 'import sqlite3; print(sqlite3.sqlite_version)'), or PostgreSQL.",
                    obj=f"DATABASES[{alias!r}]",
                    id="alerts.E001",
                )
            )
    return errors
