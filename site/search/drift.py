"""Comparing the database with the index: which documents are missing, extra or stale.

A document is stale when its version or its content differs from what the
database says now. Content is compared by fingerprint (``content_hash``, see
``fairsite.search.registry``): the database side builds every visible object's
document again, a primary-key page at a time with the index's ``prepare`` (as a
rebuild does, without sending anything), so a change that bypassed the outbox
is found even when it left ``updated_at`` alone.

The index side is read page by page through a point in time sorted by
``_shard_doc`` (the cheapest stable order), asking only for ids, versions and
the fingerprint's doc values. Both sides fit in memory as id -> (version,
fingerprint) maps even at a few hundred thousand documents (tens of
megabytes); past that, compare in id ranges.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from elasticsearch import NotFoundError

from fairsite.search.aliases import IndexMissing
from fairsite.search.client import get_client
from fairsite.search.registry import CONTENT_HASH, SearchIndex, content_hash, version_at
from fairsite.search.sync import sync_objects

logger = logging.getLogger(__name__)

PAGE_SIZE = 5000
# Objects whose documents are built per database query: larger pages mean
# fewer queries, but each holds its objects and documents in memory at once.
BUILD_PAGE_SIZE = 1000
KEEP_ALIVE = "2m"


@dataclass(frozen=True)
class Drift:
    """Ids whose document does not match the database (all empty: the index is true)."""

    missing: frozenset[str]  # visible in the database, no document
    extra: frozenset[str]  # a document, but not visible in the database
    stale: frozenset[str]  # both, but the document has another version or content

    @property
    def is_clean(self) -> bool:
        return not (self.missing or self.extra or self.stale)

    @property
    def ids(self) -> frozenset[str]:
        return self.missing | self.extra | self.stale


def check(index: SearchIndex, *, content: bool = True) -> Drift:
    """Compare the live index with the database; ``IndexMissing`` when there is no index.

    Refreshes the index first, so writes it has taken but not yet made
    searchable do not count as drift. With ``content=False`` only ids and
    versions are compared, reading one row per object instead of building its
    document again: what a rebuild's reconcile needs, since every write that
    races its load moves the version or the visibility. (At 100k postings the
    content check took as long as the load itself.) A write that bypassed the
    outbox is the content check's to find (``search_index --check``).
    """
    indexed = _indexed_states(index, content=content)
    database = _database_states(index) if content else _database_versions(index)
    return Drift(
        missing=frozenset(database.keys() - indexed.keys()),
        extra=frozenset(indexed.keys() - database.keys()),
        stale=frozenset(
            object_id
            for object_id, state in database.items()
            if object_id in indexed and indexed[object_id] != state
        ),
    )


def reconcile(index: SearchIndex, *, content: bool = True) -> Drift:
    """Check, then write the database's state of every drifted id; returns what was found.

    Writes in flight while this runs show up as drift and are written again:
    harmless, since every write is versioned.
    """
    drift = check(index, content=content)
    if drift.ids:
        failed = sync_objects({index: drift.ids}).count(done=False)
        if failed:
            logger.warning(
                "%s of %s drifted %s documents could not be repaired; see --check",
                failed,
                len(drift.ids),
                index.name,
            )
    return drift


# An object's state: the version and the fingerprint of its document (None
# when the document cannot be built: then it is stale until it can).
State = tuple[int, str | None]


def _database_states(index: SearchIndex) -> dict[str, State]:
    """Every visible object's version and document fingerprint, built page by page."""
    states: dict[str, State] = {}
    for objects in index.pages(BUILD_PAGE_SIZE):
        for obj in objects:
            try:
                fingerprint = content_hash(index.to_document(obj))
            except Exception:
                # The repair logs why (fairsite.search.sync); here it only counts.
                fingerprint = None
            states[str(obj.pk)] = (index.version_of(obj), fingerprint)
    return states


def _database_versions(index: SearchIndex) -> dict[str, State]:
    """Every visible object's version, fingerprint left out (``check(content=False)``)."""
    return {
        str(pk): (version_at(moment), None)
        for pk, moment in index.queryset()
        .prefetch_related(None)
        .order_by()
        .values_list("pk", index.version_field)
        .iterator(chunk_size=PAGE_SIZE)
    }


def _indexed_states(index: SearchIndex, *, content: bool) -> dict[str, State]:
    client = get_client()
    try:
        client.indices.refresh(index=index.alias)
        pit = client.open_point_in_time(index=index.alias, keep_alive=KEEP_ALIVE)["id"]
    except NotFoundError:
        raise IndexMissing(f"The {index.name} index has no live alias {index.alias}.") from None
    states: dict[str, State] = {}
    after = None
    try:
        while True:
            page = client.search(
                pit={"id": pit, "keep_alive": KEEP_ALIVE},
                sort=["_shard_doc"],
                search_after=after,
                size=PAGE_SIZE,
                source=False,
                docvalue_fields=[CONTENT_HASH] if content else None,
                version=True,
                track_total_hits=False,
            )
            pit = page["pit_id"]
            hits = page["hits"]["hits"]
            states.update(
                (hit["_id"], (hit["_version"], _fingerprint_of(hit) if content else None))
                for hit in hits
            )
            if len(hits) < PAGE_SIZE:
                return states
            after = hits[-1]["sort"]
    finally:
        client.close_point_in_time(id=pit)


def _fingerprint_of(hit: dict) -> str | None:
    """The stored fingerprint ("" for a document written without one: always stale)."""
    found = hit.get("fields", {}).get(CONTENT_HASH)
    return found[0] if found else ""
