"""Versioned indices behind aliases: ensure, rebuild, check and status.

Each index of the site (``SearchIndex``, declared by the app that owns it) is
searched and written through the alias ``<prefix>-<name>``, which points at one
concrete index ``<prefix>-<name>-v<N>-<timestamp>``. A rebuild fills a new
concrete index and moves the alias in one atomic ``_aliases`` request, so a
search always finds a complete index: the old one, then the new one.

Versions. Every document carries an external version (``version_type =
external_gte``): the microseconds of the object's ``updated_at`` (its
``version_field``); a delete carries the version of the state that made the
object invisible, or the time of the delete when the row is gone. Elasticsearch
keeps the highest version it has seen per id, so writes may arrive in any order
and from any number of writers and the newest state still wins. A conflict only
ever means "the index already has something newer". (A deleted document's
version is remembered for ``index.gc_deletes``, 60 s by default; an older write
arriving later than that could bring it back, which ``check`` reports as
*extra* and a repair removes.)

Why a rebuild loses no write made while it runs:

1. The rebuild creates the new index already carrying the alias
   ``<prefix>-<name>-building`` (one request, so there is never a moment when
   it exists unaliased). From then on every writer (``sync_objects``, used by
   the outbox drain) sends each index write to the live alias *and* the
   building alias.
2. A writer reads the database first and the aliases second. So a writer that
   saw no building alias read its database state before the rebuild existed;
   the rebuild's load reads the database after that, so it loads that state or
   a newer one. A writer that saw the building alias writes to both. Either
   way the new index gets the change, whichever of load and writer comes last,
   because versions decide, not arrival order.
3. The load itself writes through the building alias with the same versions,
   and ignores conflicts (a writer got there with a newer state first).
4. One ``_aliases`` request then removes the building alias, points the live
   alias at the new index and takes it off the old one; ``must_exist`` on the
   removals and ``is_write_index`` on the additions make that request fail,
   not half-apply, if another rebuild got in between.
5. After the swap the rebuild reconciles: ``check`` ids and versions against
   the database and write every drifted id again. Deletes depend on this
   step: they go to the live alias only, because Elasticsearch creates a
   missing index for an externally versioned delete even with
   ``require_alias``, and a delete that raced the swap would create an index
   named like the building alias. So an
   object deleted (or hidden) while the load ran can sit in the new index
   from the swap until the reconcile removes it, a fraction of a second later.
   The reconcile also repairs what the reasoning above cannot rule out: a
   write delayed past ``gc_deletes``, or clocks that disagree about
   ``updated_at``. (A writer that died between its database read and its
   write left its outbox rows, which are retried anyway.)
6. Only then is the old index dropped, once no search is still running on it.
   Writers that still had it as a target write through aliases with
   ``require_alias``, so their index writes can fail (and be retried by the
   outbox) but can never recreate a dropped index.

A rebuild that fails at any point before the swap deletes its new index, and
the building alias goes with it: nothing unaliased is left behind. An index left
without aliases by a crash after the swap is deleted by the next rebuild, and
so is an index that took an alias's name (a versioned delete that arrived just
as a cluster lost its indices), which would otherwise block the alias forever.
"""

from __future__ import annotations

import logging
import math
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from django.conf import settings
from elasticsearch import ApiError, NotFoundError, TransportError, helpers

from fairsite.heap import collector_paused
from fairsite.search.aliases import (
    IndexMissing,
    Layout,
    describe_error,
    new_concrete_name,
    read_layout,
)
from fairsite.search.client import get_client
from fairsite.search.drift import Drift, check, reconcile
from fairsite.search.registry import (
    SearchIndex,
    get_index,
    register,
    registered_indices,
    unregister,
)
from fairsite.search.sync import VERSION_TYPE

__all__ = [
    "Drift",
    "IndexMissing",
    "IndexStatus",
    "RebuildFailed",
    "RebuildInProgress",
    "RebuildReport",
    "SearchIndex",
    "check",
    "ensure",
    "ensure_all",
    "get_index",
    "rebuild",
    "reconcile",
    "register",
    "registered_indices",
    "status",
    "unregister",
]

logger = logging.getLogger(__name__)

CHUNK_SIZE = 500
# The rebuild's own requests may take longer than the search timeout allows:
# creating an index waits for its shard to start (a create that timed out and
# was retried would then look like another rebuild's index), and the first
# refresh after a load with refreshing off, or a bulk request while the server
# merges segments, took over 5 s now and then on 2 cores at 100k postings.
REBUILD_TIMEOUT = 60
# Primary shards of a new concrete index when ELASTICSEARCH_SHARDS is not set:
# one per this many documents it is built with, at most MAX_AUTOMATIC_SHARDS.
# A search runs one thread per shard, so on a node with idle cores a large
# index answers sooner in pieces: at a million postings on two cores, two
# shards took the search page's requests from p95 94 to 59 ms (110 to 79 for
# facets without words), while at 100,000 they cost more than they saved
# (p95 11 to 16 ms), as the relevance of a small index would too (its word
# statistics split in two). ``python -m bench.shards_ab``.
DOCUMENTS_PER_SHARD = 500_000
MAX_AUTOMATIC_SHARDS = 4
# How long to wait for searches still running on a replaced index before it is
# dropped anyway (they take milliseconds; this only bounds a stuck one).
IDLE_TIMEOUT_SECONDS = 10


class RebuildInProgress(RuntimeError):
    """Another rebuild of this index is running (or died: then rebuild with ``force``)."""


class RebuildFailed(RuntimeError):
    """The load was refused; the live index is untouched and the new one is gone."""


@dataclass(frozen=True)
class RebuildReport:
    """What a rebuild did."""

    index: str  # the concrete index that is now live
    replaced: str | None  # the concrete index it replaced, now dropped
    documents: int  # documents loaded from the database
    repaired: int  # ids that drifted during the rebuild and were written again
    seconds: float


@dataclass(frozen=True)
class IndexStatus:
    """Where an index stands on the cluster."""

    name: str
    alias: str
    live: str | None
    building: str | None
    unaliased: tuple[str, ...]
    documents: int | None
    definition_current: bool | None  # does the live index match the code's mapping?


def ensure(index: SearchIndex) -> RebuildReport | None:
    """Give ``index`` a live alias if it has none, built from the database; else do nothing."""
    if read_layout(index).live:
        return None
    return rebuild(index)


def ensure_all() -> None:
    """Ensure every registered index; a scheduled job, so failures are logged, not raised."""
    for index in registered_indices():
        try:
            report = ensure(index)
        except RebuildInProgress:
            continue
        except (ApiError, TransportError, RebuildFailed) as error:
            logger.warning("Cannot build the %s index: %s", index.name, describe_error(error))
            continue
        if report:
            logger.info("Built the %s index: %s documents", index.name, report.documents)


def rebuild(index: SearchIndex, *, force: bool = False) -> RebuildReport:
    """Build a new concrete index from the database and swap the alias to it atomically.

    Writes made meanwhile reach the new index too (see the module docstring).
    With ``force``, an index left by a rebuild that died is dropped first.
    """
    client = get_client()
    started = time.monotonic()
    _drop_indices_named_like_aliases(index)
    layout = read_layout(index)
    if layout.building:
        if not force:
            raise RebuildInProgress(
                f"{layout.building} is being built; if its rebuild died, rebuild with force."
            )
        client.indices.delete(index=layout.building, ignore_unavailable=True)
    new = _create_building_index(index, layout, documents=index.queryset().count())
    try:
        documents = _load(index)
        slow = _rebuild_client()
        slow.indices.put_settings(
            index=new,
            settings={
                "index": {
                    "refresh_interval": index.index_settings.get("refresh_interval"),
                    "translog.durability": "request",
                }
            },
        )
        slow.indices.refresh(index=new)
        _swap(index, new, layout.live)
    except BaseException:
        _discard_unless_live(index, new)
        raise
    drift = reconcile(index, content=False)
    # The replaced index, and any an earlier crash left without an alias.
    for leftover in read_layout(index).unaliased:
        _wait_until_idle(leftover)
        client.indices.delete(index=leftover, ignore_unavailable=True)
    return RebuildReport(
        index=new,
        replaced=layout.live,
        documents=documents,
        repaired=len(drift.ids),
        seconds=round(time.monotonic() - started, 3),
    )


def status(index: SearchIndex) -> IndexStatus:
    """The index's concrete indices, document count and whether its mapping is current."""
    client = get_client()
    layout = read_layout(index)
    documents = definition_current = None
    if layout.live:
        documents = client.count(index=index.alias)["count"]
        meta = client.indices.get_mapping(index=layout.live)[layout.live]["mappings"].get("_meta")
        definition_current = (meta or {}).get("definition") == index.definition_digest()
    return IndexStatus(
        name=index.name,
        alias=index.alias,
        live=layout.live,
        building=layout.building,
        unaliased=layout.unaliased,
        documents=documents,
        definition_current=definition_current,
    )


def primary_shards(documents: int) -> int:
    """How many primary shards a new index of ``documents`` gets (see DOCUMENTS_PER_SHARD)."""
    if settings.ELASTICSEARCH_SHARDS:
        return settings.ELASTICSEARCH_SHARDS
    return min(MAX_AUTOMATIC_SHARDS, max(1, math.ceil(documents / DOCUMENTS_PER_SHARD)))


def _create_building_index(index: SearchIndex, layout: Layout, *, documents: int = 0) -> str:
    name = new_concrete_name(index, layout)
    mappings = index.index_mappings
    mappings["_meta"] = {**mappings.get("_meta", {}), "definition": index.definition_digest()}
    try:
        _rebuild_client().indices.create(
            index=name,
            # Refreshing while loading only costs; the load ends with one
            # refresh. Nor does each bulk request wait for its translog to
            # reach the disk: an index that dies unfinished is built again.
            settings={
                "number_of_shards": primary_shards(documents),
                **settings.ELASTICSEARCH_INDEX_SETTINGS,
                **index.index_settings,
            }
            | {"refresh_interval": "-1", "translog.durability": "async"},
            mappings=mappings,
            aliases={index.building_alias: {"is_write_index": True}},
        )
    except ApiError as error:
        # A second index under the building alias, or the same name this very
        # second: another rebuild is running.
        if error.meta.status in (400, 500) and error.error in {
            "illegal_state_exception",
            "resource_already_exists_exception",
        }:
            raise RebuildInProgress(f"Another rebuild of {index.name} is running.") from None
        raise
    return name


def _load(index: SearchIndex) -> int:
    """Bulk-load every visible object through the building alias; returns how many.

    This thread reads the database and builds the documents (it holds the
    database connection, and any transaction the caller has open) while a
    sender thread has Elasticsearch index the page before: the two take about
    as long as each other, so overlapping them nearly halves a rebuild.
    """
    loaded = 0
    sender = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"rebuild-{index.name}")
    in_flight: deque[Future] = deque()
    with collector_paused():
        try:
            for page in _pages(index):
                in_flight.append(sender.submit(_send, page))
                # One page being indexed and one waiting its turn, at most.
                if len(in_flight) > 1:
                    loaded += _count_loaded(index, in_flight.popleft().result())
            while in_flight:
                loaded += _count_loaded(index, in_flight.popleft().result())
        finally:
            sender.shutdown(cancel_futures=True)
    return loaded


def _send(actions: list[dict]) -> list[tuple[bool, dict]]:
    return list(
        helpers.streaming_bulk(
            _rebuild_client(),
            actions,
            chunk_size=CHUNK_SIZE,
            raise_on_error=False,
            max_retries=3,  # only for 429 (too many requests) answers
            require_alias=True,
        )
    )


def _rebuild_client():
    return get_client().options(request_timeout=REBUILD_TIMEOUT)


def _count_loaded(index: SearchIndex, results: list[tuple[bool, dict]]) -> int:
    for ok, item in results:
        result = next(iter(item.values()))
        if not ok and result.get("status") != 409:
            error = (result.get("error") or {}).get("type", "error")
            raise RebuildFailed(f"Elasticsearch refused a {index.name} document: {error}")
    return len(results)


def _pages(index: SearchIndex) -> Iterator[list[dict]]:
    """Index actions for every visible object, a primary-key page at a time."""
    for objects in index.pages(CHUNK_SIZE):
        yield [
            {
                "_index": index.building_alias,
                "_id": str(obj.pk),
                "version": index.version_of(obj),
                "version_type": VERSION_TYPE,
                "_source": index.document(obj),
            }
            for obj in objects
        ]


def _swap(index: SearchIndex, new: str, old: str | None) -> None:
    actions = [
        {"remove": {"index": new, "alias": index.building_alias, "must_exist": True}},
        {"add": {"index": new, "alias": index.alias, "is_write_index": True}},
    ]
    if old:
        actions.append({"remove": {"index": old, "alias": index.alias, "must_exist": True}})
    get_client().indices.update_aliases(actions=actions)


def _drop_indices_named_like_aliases(index: SearchIndex) -> None:
    """Delete a concrete index that took the name of one of our aliases."""
    client = get_client()
    for name in (index.alias, index.building_alias):
        # Asked for an alias, this answers with the index behind it, under its
        # own name; only a concrete index comes back under the name asked for.
        if name in client.indices.get(index=name, ignore_unavailable=True):
            logger.warning("Deleting the index %s: the name belongs to an alias", name)
            client.indices.delete(index=name)


def _discard_unless_live(index: SearchIndex, new: str) -> None:
    """Drop a half-built index, unless the swap took effect but its answer was lost."""
    if read_layout(index).live != new:
        get_client().indices.delete(index=new, ignore_unavailable=True)


def _wait_until_idle(concrete: str) -> None:
    """Wait until no search runs on an index no alias points at any more."""
    client = get_client()
    deadline = time.monotonic() + IDLE_TIMEOUT_SECONDS
    # A search that resolved the alias just before the swap may not have
    # reached the shard yet; a moment's pause lets it show up in the stats.
    time.sleep(0.05)
    while time.monotonic() < deadline:
        try:
            stats = client.indices.stats(index=concrete, metric="search")["_all"]["total"]["search"]
        except NotFoundError:
            return
        if stats["query_current"] + stats["fetch_current"] == 0:
            return
        time.sleep(0.05)
