"""The person looking at postings, as the postings' pages and their search see them.

Postings know nothing of candidates' profiles. The candidates app, in its
AppConfig.ready(), hands in how to read a signed-in person (``provide``): their
home country (for a place name several countries share), whether they may sort
by "Best for you", their own ranking for that sort, and which postings they
saved. A visitor who is not signed in, or a site where nothing was provided, is
nobody in particular: no home, no personal sort, nothing saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from fairsite.accounts.models import User


class PersonalRanking(Protocol):
    """A person's own ranking for "Best for you": their scoring around the search's
    words and filters, and the reasons each hit suits them."""

    def query(self, *, must: list, filters: list) -> Any: ...

    def explain(self, response) -> dict: ...


class Seeker(Protocol):
    home_country: str | None  # "US", "GB" or None
    can_sort_for_you: bool

    def ranking(self) -> PersonalRanking | None: ...

    def saved_ids(self, posting_ids: list[int]) -> set[int]: ...


class Nobody:
    """A visitor we know nothing about."""

    home_country = None
    can_sort_for_you = False

    def ranking(self) -> None:
        return None

    def saved_ids(self, posting_ids: list[int]) -> set[int]:
        return set()


NOBODY = Nobody()

_reader: Callable[[User], Seeker] | None = None


def provide(reader: Callable[[User], Seeker]) -> None:
    """How to read a signed-in person (called once, by the app that knows them)."""
    global _reader
    _reader = reader


def seeker_for(user: User) -> Seeker:
    """The person looking, or NOBODY when not signed in (or nothing was provided)."""
    if _reader is None or not user.is_authenticated:
        return NOBODY
    return _reader(user)
