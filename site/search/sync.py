"""Writing the database's current state of some objects to the index, in one bulk request.

Used by the outbox drain and by the repair that follows a rebuild. For each
object it reads the state *now*, not the state at the time of the change: an
object in its index's queryset is indexed, any other is deleted (deleted and
no-longer-visible both mean "not in the index"). Every write carries an external
version (``external_gte``), so whatever order writes arrive in, the newest
state wins:

- index: the object's ``version_field`` in microseconds;
- delete of an object that still exists but is no longer visible: its
  ``version_field`` too (the state that made it invisible);
- delete of an object that is gone: the time of the delete, later than every
  state it had.

A version conflict means the index already holds a newer state: success.
Writes go to aliases with ``require_alias``, never to concrete names, so an
index write that races a rebuild's swap cannot recreate a dropped index;
deletes go to the live alias only (``Layout.targets`` says why).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from elasticsearch import ApiError, TransportError

from fairsite.search.aliases import describe_error, read_layouts
from fairsite.search.client import get_client
from fairsite.search.registry import SearchIndex, version_at, version_now

logger = logging.getLogger(__name__)

VERSION_TYPE = "external_gte"


@dataclass(frozen=True)
class Outcome:
    """What became of one object: ``done`` means the index holds its state or a newer one."""

    done: bool
    action: str  # "index" or "delete"
    conflict: bool = False
    error: str = ""  # status and error type only, never document content


@dataclass
class SyncResult:
    """The outcome of every object, keyed by (index name, object id)."""

    outcomes: dict[tuple[str, str], Outcome] = field(default_factory=dict)

    def count(self, *, done: bool, action: str | None = None) -> int:
        return sum(
            1
            for outcome in self.outcomes.values()
            if outcome.done == done and action in (None, outcome.action)
        )

    @property
    def conflicts(self) -> int:
        return sum(1 for outcome in self.outcomes.values() if outcome.conflict)

    @property
    def errors(self) -> list[str]:
        return sorted({outcome.error for outcome in self.outcomes.values() if outcome.error})


@dataclass(frozen=True)
class _Write:
    index: SearchIndex
    object_id: str
    action: str
    version: int
    document: bytes | None = None  # the JSON, as SearchIndex.document encodes it

    @property
    def key(self) -> tuple[str, str]:
        return (self.index.name, self.object_id)


def sync_objects(changes: Mapping[SearchIndex, Iterable[Any]]) -> SyncResult:
    """Bring each object's document in line with the database, in one bulk request.

    Writes go to the live index and to an index being rebuilt, if any; an
    object is done only when every one of them took the write (or had newer).
    """
    result = SyncResult()
    writes = [write for index, ids in changes.items() for write in _plan(index, ids, result)]
    if not writes:
        return result
    try:
        layouts = read_layouts({write.index.name: write.index for write in writes}.values())
        operations, sent = [], []
        for write in writes:
            targets = layouts[write.index.name].targets(write.index, write.action)
            if not targets:
                result.outcomes[write.key] = Outcome(False, write.action, error="no index")
            for alias in targets:
                operations.extend(_operation(write, alias))
                sent.append((write, alias == write.index.building_alias))
        items = (
            get_client().bulk(operations=operations, require_alias=True)["items"] if sent else []
        )
    except (ApiError, TransportError) as error:
        logger.warning("Search index write failed: %s", describe_error(error))
        for write in writes:
            result.outcomes[write.key] = Outcome(False, write.action, error=describe_error(error))
        return result
    taken: dict[tuple[str, str], list[Outcome]] = {}
    for (write, to_building), item in zip(sent, items, strict=True):
        outcome = _item_outcome(write.action, next(iter(item.values())), to_building=to_building)
        taken.setdefault(write.key, []).append(outcome)
    for key, outcomes in taken.items():
        # With two targets, the object is done only if both took the write.
        failed = [outcome for outcome in outcomes if not outcome.done]
        conflict = any(outcome.conflict for outcome in outcomes)
        result.outcomes[key] = failed[0] if failed else Outcome(True, outcomes[0].action, conflict)
    return result


def _plan(index: SearchIndex, ids: Iterable[Any], result: SyncResult) -> list[_Write]:
    """The write that brings each object in line with the database now."""
    wanted = {str(object_id) for object_id in ids}
    writes = []
    for obj in index.objects_for_documents(index.queryset().filter(pk__in=wanted)):
        object_id = str(obj.pk)
        wanted.discard(object_id)
        try:
            writes.append(
                _Write(index, object_id, "index", index.version_of(obj), index.document(obj))
            )
        except Exception as error:
            # One object that cannot be turned into a document must not hold up
            # the others; its outbox rows stay and are retried.
            logger.exception("Cannot build the %s document for %s", index.name, object_id)
            result.outcomes[(index.name, object_id)] = Outcome(
                False, "index", error=f"to_document: {type(error).__name__}"
            )
    still_there = dict(
        index.model._base_manager.filter(pk__in=wanted).values_list("pk", index.version_field)
    )
    invisible = {str(pk): version_at(moment) for pk, moment in still_there.items() if moment}
    deleted_at = version_now()
    writes.extend(
        _Write(index, object_id, "delete", invisible.get(object_id, deleted_at))
        for object_id in sorted(wanted)
    )
    return writes


def _operation(write: _Write, alias: str) -> list[dict[str, Any]]:
    header = {
        write.action: {
            "_index": alias,
            "_id": write.object_id,
            "version": write.version,
            "version_type": VERSION_TYPE,
        }
    }
    return [header] if write.document is None else [header, write.document]


def _item_outcome(action: str, item: dict[str, Any], *, to_building: bool) -> Outcome:
    status = item.get("status", 500)
    error_type = (item.get("error") or {}).get("type", "")
    if status < 300:
        return Outcome(True, action)
    if status == 409:
        return Outcome(True, action, conflict=True)
    if action == "delete" and item.get("result") == "not_found":
        return Outcome(True, action)
    if to_building and error_type == "index_not_found_exception":
        # The rebuild ended (swapped or gave up) between reading the aliases and
        # this write; the live alias, which also got this write, is the truth.
        return Outcome(True, action)
    return Outcome(False, action, error=f"{status} {error_type}".strip())
