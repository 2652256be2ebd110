"""Which concrete indices exist for each of our indices, and which aliases they carry.

Every index of the site lives in versioned concrete indices
``<prefix>-<name>-v<N>-<UTC timestamp>``. The alias ``<prefix>-<name>`` names the
live one; while a rebuild runs, ``<prefix>-<name>-building`` names the one being
filled. Both aliases are set with ``is_write_index``, which makes Elasticsearch
refuse a second index under the same alias: that refusal is how two rebuilds,
or two first-time builds, are kept from overtaking each other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from elasticsearch import ApiError, TransportError

from fairsite.search.client import get_client
from fairsite.search.registry import SearchIndex


class IndexMissing(LookupError):
    """The index has no live alias yet: build it with ``search_index --rebuild``."""


@dataclass(frozen=True)
class Layout:
    """The concrete indices of one of our indices, as the cluster has them now."""

    live: str | None
    building: str | None
    unaliased: tuple[str, ...]
    generation: int  # the highest N among the concrete indices, 0 when there are none

    def targets(self, index: SearchIndex, action: str) -> list[str]:
        """The aliases a write goes to: the live index and an index being built.

        Deletes go to the live alias only. Elasticsearch creates a missing index
        for an externally versioned delete, ``require_alias`` or not, so a delete
        that raced the swap would leave an index named like the building alias.
        A delete made during a rebuild reaches the new index through the
        reconcile after the swap.
        """
        aliases = [(index.alias, self.live)]
        if action == "index":
            aliases.append((index.building_alias, self.building))
        return [alias for alias, concrete in aliases if concrete]


def read_layouts(indices: Iterable[SearchIndex]) -> dict[str, Layout]:
    """The layout of each index, keyed by its name, in one request."""
    indices = list(indices)
    if not indices:
        return {}
    found = get_client().indices.get_alias(index=",".join(f"{i.alias}-v*" for i in indices)).body
    return {index.name: _layout(index, found) for index in indices}


def read_layout(index: SearchIndex) -> Layout:
    """The layout of one index."""
    return read_layouts([index])[index.name]


def new_concrete_name(index: SearchIndex, layout: Layout) -> str:
    """A fresh concrete index name, one generation above the newest there is."""
    stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    return f"{index.alias}-v{layout.generation + 1}-{stamp}"


def describe_error(error: Exception) -> str:
    """A short, content-free description of a client error, fit for logs and outbox rows."""
    if isinstance(error, ApiError):
        return f"{error.meta.status} {error.error}"
    if isinstance(error, TransportError):
        return f"unreachable: {type(error).__name__}"
    return type(error).__name__


def _layout(index: SearchIndex, found: dict) -> Layout:
    pattern = re.compile(rf"{re.escape(index.alias)}-v(\d+)-\d+")
    live = building = None
    unaliased = []
    generation = 0
    for concrete, details in sorted(found.items()):
        match = pattern.fullmatch(concrete)
        if not match:
            continue  # another index whose name merely starts the same way
        generation = max(generation, int(match[1]))
        aliases = details.get("aliases", {})
        if index.alias in aliases:
            live = concrete
        elif index.building_alias in aliases:
            building = concrete
        else:
            unaliased.append(concrete)
    return Layout(live, building, tuple(unaliased), generation)
