"""Writing to the outbox, and what it holds."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import connections, router, transaction
from django.db.models import Count, F, Min, Q
from django.db.transaction import TransactionManagementError
from django.utils import timezone

from fairsite.outbox.models import IndexGeneration, OutboxEntry
from fairsite.search.registry import get_index


@dataclass(frozen=True)
class Backlog:
    """What waits in the outbox."""

    entries: int
    failing: int  # entries that failed at least once and wait for a retry
    oldest: datetime | None


def enqueue(index_name: str, object_ids: Iterable[Any]) -> int:
    """Queue the objects for their index in the caller's transaction; returns how many.

    Must run inside the ``transaction.atomic()`` that makes the change, so the
    queue entry and the change commit or roll back together. After the commit a
    task drains the outbox.
    """
    # A misspelt name fails here, not in the worker; ids are stored the way the
    # primary key prints them, so "7" and 7 are one object.
    primary_key = get_index(index_name).model._meta.pk
    if not transaction.get_connection().in_atomic_block:
        raise TransactionManagementError(
            "outbox.enqueue() must run inside the transaction.atomic() that makes the change."
        )
    now = timezone.now()
    entries = OutboxEntry.objects.bulk_create(
        OutboxEntry(index_name=index_name, object_id=object_id, created_at=now, next_attempt_at=now)
        for object_id in dict.fromkeys(str(primary_key.to_python(each)) for each in object_ids)
    )
    if entries:
        _bump_generation(index_name)
        transaction.on_commit(_drain_soon, robust=True)
    return len(entries)


def _bump_generation(index_name: str) -> None:
    """One more change for the index, in the caller's transaction (``IndexGeneration``)."""
    generations = IndexGeneration.objects.filter(index_name=index_name)
    if not generations.update(generation=F("generation") + 1):
        _row, created = IndexGeneration.objects.get_or_create(
            index_name=index_name, defaults={"generation": 1}
        )
        if not created:  # another transaction made the row first
            generations.update(generation=F("generation") + 1)


def index_generation(index_name: str) -> int:
    """How many changes have been committed for the index so far (0 before the first).

    A cache key that carries this number is out of date as soon as the index's
    next change commits, whichever process made it.

    Read on every public page (its cached fragments, the rows behind search
    hits), so it is one plain query by primary key: building it through the
    ORM cost ten times the query itself, over 1 ms of a search page.
    """
    with connections[router.db_for_read(IndexGeneration)].cursor() as cursor:
        cursor.execute(_GENERATION_SQL, [index_name])
        found = cursor.fetchone()
    return found[0] if found else 0


# Names from the model, not from any input; the value is a parameter.
_GENERATION_SQL = "SELECT {generation} FROM {table} WHERE {name} = %s".format(  # noqa: S608
    table=IndexGeneration._meta.db_table,
    generation=IndexGeneration._meta.get_field("generation").column,
    name=IndexGeneration._meta.get_field("index_name").column,
)


def backlog(index_name: str | None = None) -> Backlog:
    """How many entries wait (for one index, or all), how many are failing, the oldest."""
    entries = OutboxEntry.objects.all()
    if index_name is not None:
        entries = entries.filter(index_name=index_name)
    found = entries.aggregate(
        entries=Count("id"), failing=Count("id", filter=Q(attempts__gt=0)), oldest=Min("created_at")
    )
    return Backlog(**found)


def _drain_soon() -> None:
    from fairsite.outbox.tasks import drain_outbox

    drain_outbox.enqueue()
