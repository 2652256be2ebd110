"""What an index is (``SearchIndex``), the registry of the site's indices, and versions.

An app declares its index once, in its search.py, and registers it when that
module is imported; the app's ``AppConfig.ready()`` imports it, so every process
(the worker's outbox drain included) knows every index::

    postings = SearchIndex(
        name="postings",
        mappings={"properties": {...}},
        queryset=lambda: JobPosting.objects.visible(),
        to_document=posting_document,
    )
    register(postings)

The lifecycle (ensure, rebuild, check, status) is in ``fairsite.search.indices``;
writing documents in ``fairsite.search.sync``.

Every document the site writes carries ``content_hash``, a fingerprint of what
``to_document`` returned (``SearchIndex.document`` adds it). The drift check builds each
visible object's document again and compares fingerprints, so a change that
reached the database without reaching the index (a ``QuerySet.update()`` that
queued nothing in the outbox) shows up as stale even when its version did not
move. A change to ``to_document`` itself makes every document stale the same
way, until ``search_index --rebuild``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
from django.db.models import Model, QuerySet
from django.utils import timezone

from fairsite.search.client import index_name

# The field each document's fingerprint is stored in (a keyword read from doc values).
CONTENT_HASH = "content_hash"

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


@dataclass(frozen=True, eq=False)
class SearchIndex:
    """One index of the site: its definition and which objects belong in it.

    ``queryset`` returns the objects that must be in the index (the app's
    "visible" queryset, the same one its pages use) and should select or
    prefetch what ``to_document`` reads, unless ``prepare`` loads it: called
    with every batch of those objects before their documents are built (a
    rebuild's page, an outbox drain's ids), it can read the related rows of
    the whole batch in a query or two without building a model or a queryset
    per object. ``version_field`` names a datetime
    that grows on every change of the object (``updated_at`` with
    ``auto_now=True``): its microseconds are the document's external version,
    so an older write can never replace a newer one.

    ``queryset_after``, when given, returns ``queryset``'s objects whose primary
    key is above the one it is given, for a queryset with a subquery on the same
    key (the alerts index's): paged with a plain filter, PostgreSQL reads that
    subquery's index from its start on every page, so each page of a rebuild
    costs more than the last, and it must bound the subquery too.
    """

    name: str
    mappings: Mapping[str, Any]
    queryset: Callable[[], QuerySet]
    to_document: Callable[[Any], dict[str, Any]]
    index_settings: Mapping[str, Any] = field(default_factory=dict)
    version_field: str = "updated_at"
    prepare: Callable[[list[Any]], None] | None = None
    queryset_after: Callable[[int], QuerySet] | None = None

    @property
    def alias(self) -> str:
        """The alias that searches and writes use: ``<prefix>-<name>``."""
        return index_name(self.name)

    @property
    def building_alias(self) -> str:
        """The alias on the index a rebuild is filling; writes go there too."""
        return f"{self.alias}-building"

    @property
    def model(self) -> type[Model]:
        return self.queryset().model

    @property
    def index_mappings(self) -> dict[str, Any]:
        """The mappings an index is created with: the declared ones and ``content_hash``."""
        properties = {**self.mappings.get("properties", {})}
        properties[CONTENT_HASH] = {"type": "keyword", "index": False}
        return {**self.mappings, "properties": properties}

    def definition_digest(self) -> str:
        """A short fingerprint of mappings and settings, stored in each concrete index."""
        definition = json.dumps(
            [self.index_mappings, self.index_settings], sort_keys=True, default=str
        )
        return hashlib.sha256(definition.encode()).hexdigest()[:16]

    def document(self, obj: Model) -> bytes:
        """What the index holds for ``obj``, as the JSON sent: ``to_document`` and
        its fingerprint.

        The fingerprint is taken of the JSON that is sent (keys sorted), so each
        document is encoded once: encoding it a second time for the request was
        a twentieth of a rebuild's CPU.
        """
        encoded = _encoded(self.to_document(obj))
        fingerprint = _fingerprint(encoded)
        # {...} + "content_hash": the last key; an empty {} gets only the hash.
        separator = b"," if len(encoded) > 2 else b""
        return b'%s%s"%s":"%s"}' % (encoded[:-1], separator, CONTENT_HASH.encode(), fingerprint)

    def objects_for_documents(self, queryset: QuerySet) -> list[Model]:
        """The objects of ``queryset``, ready for ``to_document``."""
        objects = list(queryset)
        if self.prepare and objects:
            self.prepare(objects)
        return objects

    def pages(self, size: int) -> Iterator[list[Model]]:
        """Every object that belongs in the index, ready for ``to_document``, a
        primary-key page of ``size`` at a time (a rebuild's load, the drift check)."""
        queryset = self.queryset().order_by("pk")
        last_pk = None
        while True:
            if last_pk is None:
                page = queryset
            elif self.queryset_after is not None:
                # The filter again, so a page can never start over.
                page = self.queryset_after(last_pk).filter(pk__gt=last_pk).order_by("pk")
            else:
                page = queryset.filter(pk__gt=last_pk)
            objects = self.objects_for_documents(page[:size])
            if objects:
                yield objects
            if len(objects) < size:
                return
            last_pk = objects[-1].pk

    def version_of(self, obj: Model) -> int:
        """The external version of ``obj``'s current state."""
        return version_at(getattr(obj, self.version_field))


def content_hash(document: Mapping[str, Any]) -> str:
    """A fingerprint of a document as ``to_document`` built it (keys in any order).

    orjson, which the client sends documents with too: several times faster
    than the standard library's json, which would add a fifth to a rebuild.
    """
    return _fingerprint(_encoded(document)).decode()


def _encoded(document: Mapping[str, Any]) -> bytes:
    return orjson.dumps(document, option=orjson.OPT_SORT_KEYS, default=str)


def _fingerprint(encoded: bytes) -> bytes:
    return hashlib.blake2b(encoded, digest_size=16).hexdigest().encode()


def version_at(moment: datetime) -> int:
    """Microseconds since the epoch, exactly (no float rounding): an external version."""
    return (moment - _EPOCH) // _MICROSECOND


def version_now() -> int:
    """The version of a delete: later than every state the object had before it."""
    return version_at(timezone.now())


_registry: dict[str, SearchIndex] = {}


def register(index: SearchIndex) -> SearchIndex:
    """Add ``index`` to the site's indices; a second index with the same name is an error."""
    if _registry.get(index.name, index) is not index:
        raise ValueError(f"A search index named {index.name!r} is already registered.")
    _registry[index.name] = index
    return index


def unregister(name: str) -> None:
    """Forget an index (tests register their own and remove them afterwards)."""
    _registry.pop(name, None)


def get_index(name: str) -> SearchIndex:
    """The registered index called ``name``; ``LookupError`` names the known ones."""
    try:
        return _registry[name]
    except KeyError:
        known = ", ".join(sorted(_registry)) or "none"
        raise LookupError(f"No search index named {name!r} (registered: {known}).") from None


def registered_indices() -> list[SearchIndex]:
    """Every registered index, by name."""
    return [_registry[name] for name in sorted(_registry)]
