"""Page-numbered lists with a stable order: the same page always holds the same items
until the data changes (every list is ordered by a unique key last)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from ninja import Schema
from pydantic import Field

Item = TypeVar("Item")

MAX_PER_PAGE = 100
# Far beyond any real list, and small enough that no database overflows on the offset.
MAX_PAGE = 10_000


class PageParams(Schema):
    page: int = Field(1, ge=1, le=MAX_PAGE)
    per_page: int = Field(20, ge=1, le=MAX_PER_PAGE)


class Page(Schema, Generic[Item]):
    """One page of a list: `Page[EmployerOut]`."""

    count: int = Field(description="How many items there are in all.")
    page: int
    pages: int
    per_page: int
    results: list[Item]


def page_of(items: Sequence, params: PageParams) -> dict:
    """One page of `items` (a list or an ordered queryset); past the end, an empty page."""
    count = len(items) if isinstance(items, list) else items.count()
    start = (params.page - 1) * params.per_page
    return {
        "count": count,
        "page": params.page,
        "pages": max((count + params.per_page - 1) // params.per_page, 1),
        "per_page": params.per_page,
        "results": list(items[start : start + params.per_page]),
    }
