"""The outbox: entries written with the change, drained to the real Elasticsearch."""

import threading
import time
from dataclasses import replace
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.db.transaction import TransactionManagementError
from django.utils import timezone

from fairsite.accounts.models import User
from fairsite.outbox.drain import RETRY_MAX_SECONDS, drain, drain_due
from fairsite.outbox.models import OutboxEntry
from fairsite.outbox.services import enqueue
from fairsite.search import indices
from fairsite.search.client import get_client
from fairsite.search.registry import register, unregister, version_at
from tests.site.user_index import NAME, change_user, delete_user, make_users


def indexed_ids(index):
    client = get_client()
    client.indices.refresh(index=index.alias)
    hits = client.search(index=index.alias, size=1000, source=False)["hits"]["hits"]
    return {hit["_id"] for hit in hits}


@pytest.mark.django_db
def test_a_rolled_back_change_leaves_nothing_to_index(user_index):
    (user,) = make_users(1)

    def change_that_fails_after_queueing():
        with transaction.atomic():
            change_user(user.pk, first_name="Never")
            raise RuntimeError("the change fails after it was queued")

    with pytest.raises(RuntimeError):
        change_that_fails_after_queueing()

    assert not OutboxEntry.objects.exists()
    assert User.objects.get(pk=user.pk).first_name == "Peer"


@pytest.mark.django_db(transaction=True)
def test_enqueue_outside_a_transaction_is_refused(user_index):
    (user,) = make_users(1)

    with pytest.raises(TransactionManagementError):
        enqueue(NAME, [user.pk])


@pytest.mark.django_db
def test_enqueue_refuses_an_unknown_index(user_index):
    with pytest.raises(LookupError, match="postingz"):
        enqueue("postingz", [1])


@pytest.mark.django_db
def test_a_commit_schedules_one_drain_task(user_index, django_capture_on_commit_callbacks):
    (user,) = make_users(1)

    with django_capture_on_commit_callbacks() as callbacks:
        change_user(user.pk, first_name="Soon")

    assert len(callbacks) == 1
    assert OutboxEntry.objects.get().object_id == str(user.pk)


@pytest.mark.django_db(transaction=True)
def test_a_committed_change_is_searchable_within_two_seconds(user_index):
    (user,) = make_users(1)
    indices.ensure(user_index)
    client = get_client()

    started = time.monotonic()
    change_user(user.pk, first_name="Swift")  # its after-commit drain runs at once here
    while not client.search(index=user_index.alias, query={"match": {"name": "swift"}})["hits"][
        "hits"
    ]:
        assert time.monotonic() - started < 2
        time.sleep(0.05)


@pytest.mark.django_db
def test_drain_indexes_visible_objects_and_removes_invisible_and_deleted_ones(user_index):
    kept, hidden, gone = make_users(3)
    indices.ensure(user_index)

    change_user(kept.pk, first_name="Kept")
    change_user(hidden.pk, is_active=False)
    delete_user(gone.pk)
    report = drain()

    assert (report.claimed, report.done, report.failed) == (3, 3, 0)
    assert (report.indexed, report.deleted) == (1, 2)
    assert indexed_ids(user_index) == {str(kept.pk)}
    assert not OutboxEntry.objects.exists()
    assert indices.check(user_index).is_clean


@pytest.mark.django_db
def test_a_version_conflict_means_the_index_is_newer_and_counts_as_done(user_index):
    (user,) = make_users(1)
    indices.ensure(user_index)
    newer = version_at(timezone.now() + timedelta(days=1))
    get_client().index(
        index=user_index.alias,
        id=str(user.pk),
        document=user_index.to_document(user),
        version=newer,
        version_type="external",
    )

    change_user(user.pk, first_name="Older")
    report = drain()

    assert (report.done, report.failed, report.conflicts) == (1, 0, 1)
    assert get_client().get(index=user_index.alias, id=str(user.pk))["_version"] == newer


@pytest.mark.django_db
def test_an_entry_added_while_draining_stays_for_the_next_drain(user_index):
    (user,) = make_users(1)
    indices.ensure(user_index)
    change_user(user.pk, first_name="First")
    changed_again = []

    def document_and_change_again(obj):
        # The drain has claimed its entries and read the user: a change now
        # writes an entry this drain must leave alone.
        if not changed_again:
            changed_again.append(True)
            change_user(user.pk, first_name="Second")
        return user_index.to_document(obj)

    unregister(NAME)
    register(replace(user_index, to_document=document_and_change_again))
    first = drain()

    assert (first.claimed, first.done) == (1, 1)
    assert OutboxEntry.objects.count() == 1
    assert drain().done == 1
    assert not OutboxEntry.objects.exists()
    assert get_client().get(index=user_index.alias, id=str(user.pk))["_source"]["name"] == (
        "second specialist0"
    )


@pytest.mark.django_db
def test_with_elasticsearch_down_changes_commit_and_wait_then_drain_when_it_is_back(
    user_index, settings
):
    users = make_users(500)
    indices.ensure(user_index)
    reachable = settings.ELASTICSEARCH
    settings.ELASTICSEARCH = {**reachable, "URL": "http://127.0.0.1:9", "TIMEOUT": 2}

    for user in users:
        change_user(user.pk, first_name="Offline")
    down = drain(limit=1000)

    assert OutboxEntry.objects.count() == 500
    assert (down.claimed, down.failed) == (500, 500)
    assert down.errors == ["unreachable: ConnectionError"]
    entry = OutboxEntry.objects.first()
    assert entry.attempts == 1
    assert entry.next_attempt_at > timezone.now()
    assert drain().claimed == 0  # backing off, not hammering a server that is down

    settings.ELASTICSEARCH = reachable
    started = time.monotonic()
    while OutboxEntry.objects.exists():
        assert time.monotonic() - started < 60
        drain_due()
        time.sleep(0.2)
    assert indices.check(user_index).is_clean


@pytest.mark.django_db
def test_back_off_doubles_and_stops_growing_at_the_cap(user_index, settings):
    (user,) = make_users(1)
    settings.ELASTICSEARCH = {**settings.ELASTICSEARCH, "URL": "http://127.0.0.1:9"}
    change_user(user.pk)
    waits = []
    for _ in range(9):
        OutboxEntry.objects.update(next_attempt_at=timezone.now())
        before = timezone.now()
        drain()
        waits.append(round((OutboxEntry.objects.get().next_attempt_at - before).total_seconds()))

    assert waits == [1, 2, 4, 8, 16, 32, 60, 60, 60]
    assert RETRY_MAX_SECONDS == 60


@pytest.mark.django_db
def test_entries_for_an_index_nobody_registered_wait_with_the_reason(user_index):
    OutboxEntry.objects.create(index_name="retired", object_id="1")

    report = drain()

    assert report.failed == 1
    assert OutboxEntry.objects.get().last_error == "unknown index"


@pytest.mark.django_db(transaction=True)
def test_two_drainers_at_once_take_each_entry_exactly_once(user_index):
    users = make_users(600)
    indices.ensure(user_index)
    OutboxEntry.objects.bulk_create(
        OutboxEntry(index_name=NAME, object_id=str(user.pk)) for user in users
    )
    claimed = {0: 0, 1: 0}
    start = threading.Barrier(2)

    def drain_until_empty(number):
        start.wait()
        try:
            while (report := drain(limit=20)).claimed:
                claimed[number] += report.claimed
        finally:
            connection.close()

    drainers = [threading.Thread(target=drain_until_empty, args=(n,)) for n in (0, 1)]
    for drainer in drainers:
        drainer.start()
    for drainer in drainers:
        drainer.join()

    assert claimed[0] + claimed[1] == 600
    assert claimed[0] > 0
    assert claimed[1] > 0
    assert not OutboxEntry.objects.exists()
    assert indices.check(user_index).is_clean
    assert User.objects.count() == 600
