"""The daily statistics job gives the query planner what it needs to pick the cheap plan."""

import pytest
from django.db import connection

from fairsite.database import refresh_statistics
from jobs.models import JobPosting
from tests.factories import EmployerFactory, PublishedPostingFactory

pytestmark = pytest.mark.django_db


def _live_postings(count):
    # Enough of them that reading all is clearly dearer than 20 by key.
    template = PublishedPostingFactory.build(employer=EmployerFactory())
    return JobPosting.objects.bulk_create(
        JobPosting(**{**_fields(template), "title": f"Warehouse operative {n}"})
        for n in range(count)
    )


def _fields(posting):
    return {
        field.attname: getattr(posting, field.attname)
        for field in JobPosting._meta.concrete_fields
        if not field.primary_key
    }


def _page_of_search_results(ids):
    # What the search page runs for the 20 postings Elasticsearch returned.
    return JobPosting.objects.visible().filter(pk__in=ids)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner, without statistics")
def test_after_the_job_sqlite_reads_a_page_of_postings_by_primary_key():
    ids = [posting.pk for posting in _live_postings(500)][:20]
    # Without statistics SQLite walks the (status, expires_at) index, that is
    # every live posting, to find 20 of them.
    assert "jobs_jobpos_status" in _page_of_search_results(ids).explain()

    refresh_statistics()

    plan = _page_of_search_results(ids).explain()
    assert "PRIMARY KEY" in plan
    assert "jobs_jobpos_status" not in plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own statistics")
def test_after_the_job_postgresql_knows_how_many_postings_there_are():
    _live_postings(500)

    refresh_statistics()

    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'jobs_jobposting'")
        assert cursor.fetchone()[0] == 500
