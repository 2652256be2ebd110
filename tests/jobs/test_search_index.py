"""The postings index never loses an update: rollbacks, a stopped server, rebuilds."""

import shutil
import tempfile
import threading
import time
from pathlib import Path

import pytest
from django.db import transaction

from employers.models import Employer
from fairsite.devtools.elasticsearch import ElasticsearchServer
from fairsite.outbox.drain import drain_due, retry_now
from fairsite.outbox.models import OutboxEntry
from fairsite.search.client import get_client
from fairsite.search.indices import check, ensure, rebuild
from jobs import services
from jobs.models import JobPosting, PostingLocation, Status
from jobs.search.index import INDEX_NAME, posting_document, postings_index, prepare_postings
from jobs.search.queries import PostingQuery, posting_search
from tests.factories import (
    EmployerWithoutPolicyFactory,
    OwnerFactory,
    PublishedPostingFactory,
    VerifiedEmployerFactory,
    credential,
)


@pytest.mark.django_db
def test_the_document_carries_what_search_filters_and_ranks_on(seeded_credentials):
    posting = PublishedPostingFactory(
        title="Peer Support Specialists",
        skills=["Mentoring"],
        duties=["vulnerable_adults"],
        salary_min=15,
        salary_max=20,
        salary_period="hour",
    )
    posting.preferred_credentials.set([credential("cpors")])

    document = posting_document(posting)

    assert document["title_norm"] == "peer support specialist zsynpeersupport"
    assert document["skills_norm"] == "mentor"
    assert document["credentials"] == ["cpors"]
    assert document["credentials_norm"] == (
        "certifi profession in offend reentri strategi cpor zsyncpors zsynreentry"
    )
    assert document["salary_yearly"] == 20 * 2080
    # In the posting's own currency, and the old bands that count any currency.
    assert document["salary_bands"] == [
        "usd-20000",
        "usd-30000",
        "usd-40000",
        "20000",
        "30000",
        "40000",
    ]
    assert document["locations"] == [{"lat": 39.9612, "lon": -82.9988}]
    assert document["checks_after_offer"] is True
    assert document["duties"] == ["vulnerable_adults"]
    assert document["employer_support"] == ["mentoring", "flexible_hours"]


@pytest.mark.django_db
def test_documents_built_for_a_batch_are_those_built_one_by_one(
    seeded_credentials, django_assert_max_num_queries
):
    with_two_places = PublishedPostingFactory(
        employer=VerifiedEmployerFactory(),
        located="Leeds",
        located__country="GB",
        located__region="England",
    )
    PostingLocation.objects.create(
        posting=with_two_places, label="York", country="GB", latitude=53.96, longitude=-1.08
    )
    with_two_places.required_credentials.set([credential("cpscp"), credential("cpors")])
    with_two_places.preferred_credentials.set([credential("cpors")])
    without_policy = PublishedPostingFactory(
        employer=EmployerWithoutPolicyFactory(), located=False, skills=["Forklift"]
    )
    plain = PublishedPostingFactory(employer=with_two_places.employer)
    ids = [with_two_places.pk, without_policy.pk, plain.pk]

    one_by_one = [posting_document(p) for p in JobPosting.objects.filter(pk__in=ids).order_by("pk")]
    # The employers, the places and the two kinds of credential: four queries for
    # the batch, then none per posting.
    with django_assert_max_num_queries(5):
        batch = postings_index.objects_for_documents(
            JobPosting.objects.filter(pk__in=ids).order_by("pk")
        )
        prepared = [posting_document(p) for p in batch]

    assert prepared == one_by_one
    assert prepared[0]["required_credentials"] == ["cpors", "cpscp"]  # by credential name
    assert prepared[0]["location_labels"] == ["Leeds", "York"]
    assert prepared[0]["employer_verified"] is True
    assert prepared[1]["employer_support"] == prepared[1]["pledges"] == []
    assert prepared[1]["ignores_spent_convictions"] is False
    assert prepared[1]["locations"] == []


@pytest.mark.django_db
def test_an_employer_gone_between_the_batch_queries_fails_only_its_own_documents():
    gone, kept = PublishedPostingFactory(), PublishedPostingFactory()
    postings = list(JobPosting.objects.filter(pk__in=[gone.pk, kept.pk]).order_by("pk"))
    Employer.objects.filter(pk=gone.employer_id).delete()

    prepare_postings(postings)

    with pytest.raises(Employer.DoesNotExist):
        posting_document(postings[0])
    assert posting_document(postings[1])["employer_id"] == kept.employer_id


def _save_then_fail():
    with transaction.atomic():
        PublishedPostingFactory()
        assert OutboxEntry.objects.filter(index_name=INDEX_NAME).exists()
        raise RuntimeError("the request failed after saving")


@pytest.mark.django_db
def test_a_rolled_back_transaction_leaves_nothing_to_index():
    with pytest.raises(RuntimeError):
        _save_then_fail()

    assert not OutboxEntry.objects.exists()
    assert not JobPosting.objects.exists()


@pytest.fixture
def own_server(settings):
    """A server of this test's own, which it may stop and start again."""
    data_root = Path(tempfile.mkdtemp(prefix="fairchance-es-restart-"))
    server = ElasticsearchServer(data_root=data_root, name="fairchance-restart").start()
    # Long enough for a busy machine: a timed-out call backs off its entries.
    settings.ELASTICSEARCH = {**settings.ELASTICSEARCH, "URL": server.url, "TIMEOUT": 15}
    settings.ELASTICSEARCH_INDEX_PREFIX = "restart"
    yield server
    server.stop()
    shutil.rmtree(data_root, ignore_errors=True)


@pytest.mark.django_db(transaction=True)
def test_with_the_server_stopped_500_saves_succeed_and_catch_up_after_a_restart(own_server):
    ensure(postings_index)
    own_server.stop()

    postings = [PublishedPostingFactory(title=f"Cook {n}") for n in range(500)]

    assert JobPosting.objects.count() == 500
    assert OutboxEntry.objects.filter(index_name=INDEX_NAME).count() >= 500
    own_server.start()
    started = time.monotonic()
    # A bound for the loop only: how fast it catches up is the benchmark's to say.
    while OutboxEntry.objects.exists() and time.monotonic() - started < 600:
        retry_now()  # the back-off would otherwise wait up to a minute
        drain_due()
    get_client().indices.refresh(index=postings_index.alias)
    drift = check(postings_index)

    assert not OutboxEntry.objects.exists()
    assert (drift.missing, drift.extra, drift.stale) == (set(), set(), set())
    assert get_client().count(index=postings_index.alias)["count"] == len(postings)


@pytest.mark.django_db(transaction=True)
def test_a_rebuild_during_searches_and_writes_fails_no_search_and_loses_no_write(es):
    ensure(postings_index)
    owner = OwnerFactory().user
    postings = [
        PublishedPostingFactory(employer=owner.memberships.get().employer, title=f"Welder {n}")
        for n in range(60)
    ]
    drain_due()
    stop = threading.Event()
    failures: list[str] = []
    searches = 0

    def search_all_the_time():
        nonlocal searches
        while not stop.is_set():
            try:
                posting_search(PostingQuery(text="welder")).execute()
                searches += 1
            except Exception as error:  # any failure at all is the finding
                failures.append(repr(error))

    def write_all_the_time():
        from django.db import connection

        n = 0
        while not stop.is_set():
            posting = JobPosting.objects.get(pk=postings[n % len(postings)].pk)
            if posting.status == Status.PUBLISHED:
                services.posting_pause(posting=posting, by=owner)
            else:
                services.posting_resume(posting=posting, by=owner)
            drain_due()
            n += 1
        connection.close()

    threads = [
        threading.Thread(target=search_all_the_time),
        threading.Thread(target=write_all_the_time),
    ]
    for thread in threads:
        thread.start()
    try:
        for _ in range(3):
            rebuild(postings_index)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    retry_now()
    drain_due()
    get_client().indices.refresh(index=postings_index.alias)

    assert failures == []
    assert searches > 0
    drift = check(postings_index)
    assert (drift.missing, drift.extra, drift.stale) == (set(), set(), set())
    indices = get_client().indices.get_alias(index=f"{postings_index.alias}-*")
    # One index is left, and it is the one behind the alias.
    assert [set(found["aliases"]) for found in indices.values()] == [{postings_index.alias}]
