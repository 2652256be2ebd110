"""Every write that changes a posting's document reaches the index, once, and the
check finds one that did not (it compares content, not only versions)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from candidates.alerts.models import PostingCheck
from fairsite.mail.models import OutgoingEmail
from fairsite.outbox.drain import drain_due
from fairsite.outbox.models import OutboxEntry
from fairsite.search.client import get_client
from fairsite.search.indices import check, ensure
from jobs import services
from jobs.models import JobPosting, Status
from jobs.search.index import INDEX_NAME, postings_index
from tests.factories import (
    EditorFactory,
    OwnerFactory,
    PendingPostingFactory,
    PublishedPostingFactory,
)

pytestmark = pytest.mark.django_db


def search_index(*args) -> str:
    out = StringIO()
    call_command("search_index", *args, stdout=out)
    return out.getvalue()


def indexed(posting: JobPosting) -> dict:
    return get_client().get(index=postings_index.alias, id=str(posting.pk))["_source"]


def queued(posting: JobPosting) -> int:
    return OutboxEntry.objects.filter(index_name=INDEX_NAME, object_id=str(posting.pk)).count()


@pytest.fixture
def index(es, seeded_credentials):
    ensure(postings_index)
    return postings_index


def test_an_update_that_bypasses_the_outbox_is_reported_by_check_and_repaired(index):
    posting, other = PublishedPostingFactory(title="Cook"), PublishedPostingFactory()
    drain_due()
    assert search_index("--check", INDEX_NAME) == f"{INDEX_NAME}: 0 missing, 0 extra, 0 stale\n"
    before = JobPosting.objects.get(pk=posting.pk).updated_at

    # No signal, no outbox row, updated_at left alone: the version does not move.
    JobPosting.objects.filter(pk=posting.pk).update(
        title="Head cook", featured_until=timezone.now() + timezone.timedelta(days=7)
    )

    assert JobPosting.objects.get(pk=posting.pk).updated_at == before
    assert not OutboxEntry.objects.exists()
    assert check(index).stale == {str(posting.pk)}
    with pytest.raises(CommandError, match=INDEX_NAME) as drift:
        search_index("--check", INDEX_NAME)
    assert drift.value.returncode == 1

    repaired = search_index("--repair", INDEX_NAME)

    assert repaired == (
        f"{INDEX_NAME}: wrote 1 drifted documents again\n"
        f"{INDEX_NAME}: 0 missing, 0 extra, 0 stale\n"
    )
    assert indexed(posting)["title"] == "Head cook"
    assert indexed(posting)["featured_until"] is not None
    assert indexed(other)["title"] == other.title


def test_the_rebuilds_version_check_finds_moved_versions_and_hidden_postings_only(index):
    """A rebuild reconciles by ids and versions (building every document again
    took as long as its load); content drift stays the full check's to find."""
    bypassed, saved, hidden = PublishedPostingFactory.create_batch(3)
    drain_due()
    JobPosting.objects.filter(pk=bypassed.pk).update(title="Head cook")
    saved.title = "Night porter"
    saved.save()  # a signalled save moves updated_at: the version
    JobPosting.objects.filter(pk=hidden.pk).update(status=Status.CLOSED)

    versions = check(index, content=False)

    assert versions.stale == {str(saved.pk)}
    assert versions.extra == {str(hidden.pk)}
    assert not versions.missing
    assert check(index).stale == {str(bypassed.pk), str(saved.pk)}


def test_a_document_written_without_its_content_hash_counts_as_stale(index):
    posting = PublishedPostingFactory()
    drain_due()
    document = indexed(posting)
    del document["content_hash"]
    get_client().index(index=postings_index.alias, id=str(posting.pk), document=document)

    assert check(index).stale == {str(posting.pk)}


def test_featuring_queues_the_posting_once_and_moves_its_version():
    posting = PublishedPostingFactory()
    OutboxEntry.objects.all().delete()
    before = posting.updated_at

    featured = services.posting_feature(posting_id=posting.pk, days=14)

    assert featured.is_featured
    assert featured.updated_at > before
    assert queued(posting) == 1

    services.posting_feature_take_back(posting_id=posting.pk, days=14)

    assert not JobPosting.objects.get(pk=posting.pk).is_featured
    assert queued(posting) == 2


def test_approving_queues_the_document_the_alert_check_and_the_email_once():
    posting = PendingPostingFactory()
    OwnerFactory(employer=posting.employer, user__email="owner@example.org")
    OutboxEntry.objects.all().delete()

    services.posting_approve(posting=posting, by=EditorFactory())

    assert queued(posting) == 1
    assert PostingCheck.objects.filter(posting=posting).count() == 1
    [email] = OutgoingEmail.objects.all()
    assert email.to == ["owner@example.org"]


def test_each_posting_service_queues_its_posting_once():
    owner = OwnerFactory().user
    posting = PublishedPostingFactory(employer=owner.memberships.get().employer, created_by=owner)
    OutboxEntry.objects.all().delete()

    services.posting_update(
        posting=posting,
        by=owner,
        fields={"title": "Head cook"},
        locations=[{"label": "Leeds", "country": "GB", "latitude": 53.8, "longitude": -1.55}],
        credentials={"required": [], "preferred": []},
    )
    assert queued(posting) == 1
    services.posting_pause(posting=posting, by=owner)
    assert queued(posting) == 2
    services.posting_resume(posting=posting, by=owner)
    assert queued(posting) == 3
    assert PostingCheck.objects.filter(posting=posting).count() == 1
    services.posting_close(posting=posting, by=owner)
    assert queued(posting) == 4


def test_saves_outside_the_services_are_still_queued():
    posting = PublishedPostingFactory()
    OutboxEntry.objects.all().delete()

    posting.title = "Head cook"
    posting.save()
    posting.employer.name = "Renamed Ltd"
    posting.employer.save()

    assert queued(posting) == 2
