"""The database check: the digests need SQLite 3.35 or later (UPDATE … RETURNING)."""

import pytest
from django.core.management import call_command
from django.db import connection

from candidates.alerts.checks import database_returns_updated_rows


@pytest.mark.django_db
def test_this_database_can_claim_digests():
    assert database_returns_updated_rows(None, databases=["default"]) == []
    # Run as migrate runs it, without error.
    call_command("check", "--database", "default", "--fail-level", "ERROR")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="only SQLite's version matters")
def test_an_sqlite_without_returning_is_refused_by_name(monkeypatch):
    monkeypatch.setattr(connection.Database, "sqlite_version_info", (3, 31, 1))

    [error] = database_returns_updated_rows(None, databases=["default"])

    assert error.id == "alerts.E001"
    assert "SQLite 3.31.1" in error.msg
    assert "3.35" in error.hint


def test_without_databases_it_checks_nothing():
    assert database_returns_updated_rows(None) == []
