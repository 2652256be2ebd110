import pytest

from candidates.alerts.search import alerts_index
from fairsite.outbox.drain import drain_due
from fairsite.search.client import get_client
from fairsite.search.indices import ensure
from jobs.search.index import postings_index


@pytest.fixture
def indices(es, seeded_credentials):
    """The postings and alerts indices on the real server, with this test's prefix."""
    ensure(postings_index)
    ensure(alerts_index)
    return es


def sync() -> None:
    """Send what the outbox holds to the indices and make it searchable now."""
    report = drain_due()
    assert not report.failed, report
    get_client().indices.refresh(index=f"{postings_index.alias},{alerts_index.alias}")
