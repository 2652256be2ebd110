"""Versioned indices behind aliases: ensure, rebuild, check and status, on the real server."""

import re
import threading
from dataclasses import replace

import pytest
from django.utils import timezone

from fairsite.accounts.models import User
from fairsite.search import indices
from fairsite.search.aliases import IndexMissing, read_layout
from fairsite.search.client import get_client
from fairsite.search.indices import RebuildFailed, RebuildInProgress
from tests.site.user_index import make_users

pytestmark = pytest.mark.django_db


def concrete_indices(index):
    return sorted(get_client().indices.get(index=f"{index.alias}-*", expand_wildcards="all"))


def test_ensure_builds_a_versioned_index_behind_the_alias_from_visible_objects(user_index):
    make_users(5)
    User.objects.filter(email="user0@example.org").update(is_active=False)

    report = indices.ensure(user_index)

    assert re.fullmatch(rf"{user_index.alias}-v1-\d{{14}}", report.index)
    assert read_layout(user_index).live == report.index
    assert report.documents == 4
    assert get_client().count(index=user_index.alias)["count"] == 4
    assert indices.ensure(user_index) is None


def test_new_index_has_one_shard_and_no_replica_by_default(user_index):
    report = indices.ensure(user_index)

    index_settings = get_client().indices.get_settings(index=report.index)[report.index]
    assert index_settings["settings"]["index"]["number_of_shards"] == "1"
    assert index_settings["settings"]["index"]["number_of_replicas"] == "0"


def test_a_large_index_gets_a_primary_shard_per_so_many_documents(settings):
    settings.ELASTICSEARCH_SHARDS = 0
    per = indices.DOCUMENTS_PER_SHARD
    assert indices.primary_shards(0) == 1
    assert indices.primary_shards(per) == 1
    assert indices.primary_shards(per + 1) == 2
    assert indices.primary_shards(2 * per) == 2
    assert indices.primary_shards(1000 * per) == indices.MAX_AUTOMATIC_SHARDS
    settings.ELASTICSEARCH_SHARDS = 3  # the operator's choice, whatever the size
    assert indices.primary_shards(0) == indices.primary_shards(1000 * per) == 3


def test_a_rebuild_shards_by_the_documents_it_loads_and_finds_every_one(
    user_index, settings, monkeypatch
):
    settings.ELASTICSEARCH_SHARDS = 0
    monkeypatch.setattr(indices, "DOCUMENTS_PER_SHARD", 4)
    make_users(9)

    report = indices.rebuild(user_index)

    index_settings = get_client().indices.get_settings(index=report.index)[report.index]
    assert index_settings["settings"]["index"]["number_of_shards"] == "3"
    # Back to waiting for the disk on each write once loaded.
    assert index_settings["settings"]["index"]["translog"]["durability"] == "request"
    assert report.documents == 9
    found = get_client().search(index=user_index.alias, query={"match_all": {}}, size=20)
    assert found["hits"]["total"]["value"] == 9
    assert len({hit["_id"] for hit in found["hits"]["hits"]}) == 9
    assert indices.check(user_index).is_clean  # versions and content fingerprints


def test_rebuild_moves_the_alias_to_a_new_generation_and_drops_the_old(user_index):
    make_users(3)
    first = indices.ensure(user_index)

    second = indices.rebuild(user_index)

    assert second.replaced == first.index
    assert second.index.startswith(f"{user_index.alias}-v2-")
    assert concrete_indices(user_index) == [second.index]
    assert read_layout(user_index).building is None
    assert get_client().count(index=user_index.alias)["count"] == 3


def test_searches_during_rebuilds_never_fail_and_always_see_every_document(user_index):
    make_users(300)
    indices.ensure(user_index)
    client = get_client()
    failures, totals, stop = [], [], threading.Event()

    def search_until_stopped():
        while not stop.is_set():
            try:
                found = client.search(index=user_index.alias, query={"match": {"name": "peer"}})
            except Exception as error:
                failures.append(repr(error))
                continue
            if found["_shards"]["failed"]:
                failures.append(found["_shards"])
            totals.append(found["hits"]["total"]["value"])

    searcher = threading.Thread(target=search_until_stopped)
    searcher.start()
    try:
        for _ in range(3):
            indices.rebuild(user_index)
    finally:
        stop.set()
        searcher.join()

    assert failures == []
    assert len(totals) > 20
    assert set(totals) == {300}


def test_a_refused_load_leaves_the_live_index_and_nothing_unaliased(user_index):
    make_users(3)
    live = indices.ensure(user_index).index
    # The mapping is strict: a field it does not declare is refused.
    broken = replace(user_index, to_document=lambda user: {"shoe_size": 44})

    with pytest.raises(RebuildFailed, match="strict_dynamic_mapping_exception"):
        indices.rebuild(broken)

    assert concrete_indices(user_index) == [live]
    assert read_layout(user_index).live == live


def test_one_refused_document_pages_into_a_load_fails_the_rebuild(user_index):
    # Pages are sent while the next ones are read: a refusal in an early page
    # must still stop the rebuild, not be lost behind the pages after it.
    users = make_users(indices.CHUNK_SIZE * 2 + 10)
    live = indices.ensure(user_index).index
    refused_id = users[indices.CHUNK_SIZE // 2].pk

    def document(user):
        return {"shoe_size": 44} if user.pk == refused_id else user_index.to_document(user)

    with pytest.raises(RebuildFailed, match="strict_dynamic_mapping_exception"):
        indices.rebuild(replace(user_index, to_document=document))

    assert concrete_indices(user_index) == [live]
    assert read_layout(user_index).live == live


def test_a_load_that_raises_in_python_leaves_nothing_behind(user_index):
    make_users(3)
    live = indices.ensure(user_index).index

    def explode(user):
        raise RuntimeError("no document for you")

    with pytest.raises(RuntimeError):
        indices.rebuild(replace(user_index, to_document=explode))

    assert concrete_indices(user_index) == [live]


def test_a_second_rebuild_is_refused_while_one_runs_and_force_replaces_a_dead_one(user_index):
    indices.ensure(user_index)
    dead = indices._create_building_index(user_index, read_layout(user_index))

    with pytest.raises(RebuildInProgress):
        indices.rebuild(user_index)
    report = indices.rebuild(user_index, force=True)

    assert dead not in concrete_indices(user_index)
    assert concrete_indices(user_index) == [report.index]


def test_check_finds_missing_extra_and_stale_documents_and_reconcile_repairs_them(user_index):
    users = make_users(4)
    indices.ensure(user_index)
    # Changes made behind the outbox's back:
    (added,) = make_users(1, start=100)
    User.objects.filter(pk=users[0].pk).update(is_active=False)
    User.objects.filter(pk=users[1].pk).update(last_login=timezone.now())

    drift = indices.check(user_index)

    assert drift.missing == {str(added.pk)}
    assert drift.extra == {str(users[0].pk)}
    assert drift.stale == {str(users[1].pk)}
    indices.reconcile(user_index)
    assert indices.check(user_index).is_clean


def test_check_without_an_index_says_so(user_index):
    with pytest.raises(IndexMissing):
        indices.check(user_index)


def test_status_shows_the_live_index_its_documents_and_a_changed_mapping(user_index):
    make_users(2)
    live = indices.ensure(user_index).index

    found = indices.status(user_index)
    changed = indices.status(
        replace(user_index, mappings={**user_index.mappings, "dynamic": "true"})
    )

    assert (found.alias, found.live, found.building, found.documents) == (
        user_index.alias,
        live,
        None,
        2,
    )
    assert found.definition_current is True
    assert changed.definition_current is False


def test_an_index_that_took_an_alias_name_is_dropped_by_the_next_build(user_index):
    make_users(2)
    client = get_client()
    # What an externally versioned delete does to a name that is no index or
    # alias (any more): Elasticsearch creates an index of that name.
    for name in (user_index.alias, user_index.building_alias):
        client.options(ignore_status=404).delete(
            index=name, id="1", version=1, version_type="external"
        )

    report = indices.ensure(user_index)

    assert concrete_indices(user_index) == [report.index]
    assert read_layout(user_index).live == report.index
