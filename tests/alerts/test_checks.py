"""The database check: the digests need SQLite 3.35 or later (UPDATE … RETURNING).

Run through Django's check registry, not imported here: the app registers it."""

import pytest
from django.core import checks
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import connection

only_sqlite = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="only SQLite's version matters"
)


def alerts_errors(**kwargs) -> list:
    found = checks.run_checks(tags=[checks.Tags.database], **kwargs)
    return [error for error in found if error.id.startswith("alerts.")]


@pytest.mark.django_db
def test_this_database_can_claim_digests():
    assert alerts_errors(databases=["default"]) == []
    # Run as migrate runs it, without error.
    call_command("check", "--database", "default", "--fail-level", "ERROR")


@only_sqlite
def test_an_sqlite_without_returning_is_refused_by_name(monkeypatch):
    monkeypatch.setattr(connection.Database, "sqlite_version_info", (3, 31, 1))

    [error] = alerts_errors(databases=["default"])

    assert error.id == "alerts.E001"
    assert "SQLite 3.31.1" in error.msg
    assert "3.35" in error.hint


@only_sqlite
def test_migrate_s_check_stops_on_an_sqlite_without_returning(monkeypatch):
    monkeypatch.setattr(connection.Database, "sqlite_version_info", (3, 31, 1))

    with pytest.raises(SystemCheckError, match=r"alerts\.E001"):
        call_command("check", "--database", "default", "--tag", "database")


@only_sqlite
def test_without_databases_it_checks_nothing(monkeypatch):
    monkeypatch.setattr(connection.Database, "sqlite_version_info", (3, 31, 1))

    assert alerts_errors() == []
