"""The "must never appear" rules, checked mechanically for each query.

- A posting that is not live (a draft, closed, filled, expired, waiting for review).
- With a place: a posting with no place within the query's distance of the place
  the person meant, unless it is remote and open to that place (its country, and
  its state or nation when the employer limits it).
"""

from __future__ import annotations

from functools import cache

from fairsite.places import distance_miles, find_place

from .employers import EMPLOYERS_BY_KEY
from .loading import place_of
from .postings import POSTINGS
from .shapes import LIVE, JudgedPosting, JudgedQuery


@cache
def _points(key: str) -> tuple[tuple[float, float], ...]:
    posting = next(p for p in POSTINGS if p.key == key)
    country = EMPLOYERS_BY_KEY[posting.employer].country
    return tuple(place_of(text, country=country).point for text in posting.places)


def is_open_to(posting: JudgedPosting, *, country: str, region: str) -> bool:
    """A remote posting open to people living in that country and state or nation."""
    open_to = posting.open_to
    if posting.workplace != "remote" or open_to.get("country") != country:
        return False
    return not open_to.get("region") or open_to["region"] == region


def never_keys(query: JudgedQuery, postings: list[JudgedPosting] = POSTINGS) -> set[str]:
    """The postings that must never appear in this query's results."""
    never = {posting.key for posting in postings if posting.status != LIVE}
    if not query.meant_place:
        return never
    place = find_place(query.meant_place)
    for posting in postings:
        if posting.key in never:
            continue
        near = any(
            distance_miles(place.point, point) <= query.radius for point in _points(posting.key)
        )
        if not near and not is_open_to(posting, country=place.country, region=place.admin1):
            never.add(posting.key)
    return never
