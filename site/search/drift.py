"""Comparing the database with the index: which documents are missing, extra or stale.

The index side is read page by page through a point in time sorted by
``_shard_doc`` (the cheapest stable order), asking only for ids and versions;
the database side is one ``values_list`` of ids and version datetimes, streamed.
Both fit in memory as id -> version maps even at a few hundred thousand
documents (tens of megabytes); past that, compare in id ranges.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from elasticsearch import NotFoundError

from fairsite.search.aliases import IndexMissing
from fairsite.search.client import get_client
from fairsite.search.registry import SearchIndex, version_at
from fairsite.search.sync import sync_objects

logger = logging.getLogger(__name__)

PAGE_SIZE = 5000
KEEP_ALIVE = "2m"


@dataclass(frozen=True)
class Drift:
    """Ids whose document does not match the database (all empty: the index is true)."""

    missing: frozenset[str]  # visible in the database, no document
    extra: frozenset[str]  # a document, but not visible in the database
    stale: frozenset[str]  # both, but the document has another version

    @property
    def is_clean(self) -> bool:
        return not (self.missing or self.extra or self.stale)

    @property
    def ids(self) -> frozenset[str]:
        return self.missing | self.extra | self.stale


def check(index: SearchIndex) -> Drift:
    """Compare the live index with the database; ``IndexMissing`` when there is no index.

    Refreshes the index first, so writes it has taken but not yet made
    searchable do not count as drift.
    """
    indexed = _indexed_versions(index)
    visible = (
        index.queryset()
        .prefetch_related(None)
        .order_by()
        .values_list("pk", index.version_field)
        .iterator(chunk_size=PAGE_SIZE)
    )
    database = {str(pk): version_at(moment) for pk, moment in visible}
    return Drift(
        missing=frozenset(database.keys() - indexed.keys()),
        extra=frozenset(indexed.keys() - database.keys()),
        stale=frozenset(
            object_id
            for object_id, version in database.items()
            if object_id in indexed and indexed[object_id] != version
        ),
    )


def reconcile(index: SearchIndex) -> Drift:
    """Check, then write the database's state of every drifted id; returns what was found.

    Writes in flight while this runs show up as drift and are written again:
    harmless, since every write is versioned.
    """
    drift = check(index)
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


def _indexed_versions(index: SearchIndex) -> dict[str, int]:
    client = get_client()
    try:
        client.indices.refresh(index=index.alias)
        pit = client.open_point_in_time(index=index.alias, keep_alive=KEEP_ALIVE)["id"]
    except NotFoundError:
        raise IndexMissing(f"The {index.name} index has no live alias {index.alias}.") from None
    versions: dict[str, int] = {}
    after = None
    try:
        while True:
            page = client.search(
                pit={"id": pit, "keep_alive": KEEP_ALIVE},
                sort=["_shard_doc"],
                search_after=after,
                size=PAGE_SIZE,
                source=False,
                version=True,
                track_total_hits=False,
            )
            pit = page["pit_id"]
            hits = page["hits"]["hits"]
            versions.update((hit["_id"], hit["_version"]) for hit in hits)
            if len(hits) < PAGE_SIZE:
                return versions
            after = hits[-1]["sort"]
    finally:
        client.close_point_in_time(id=pit)
