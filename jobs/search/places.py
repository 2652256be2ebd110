"""The one rule for "jobs at a place", as queries: the search page, matching and
the alerts' reverse query all build their place clause here.

A posting is at a place when one of its locations is within the radius of the
place's point, or when it is remote and open to the place: its
``open_to_country`` is the place's country and its ``open_to_region`` is blank
(the whole country) or the place's state or nation. A remote posting not open
to the place never appears, however near its employer is.

Both sides are keywords, so either side can be the query: a posting's document
holds the one key it is open to (``open_to``: "US" or "US-CA"), and a place is
covered by its country's key and its region's (``place_keys``). The search page
asks for postings whose key is among the place's keys; the alerts index stores
each alert's place keys and a posting asks for the alerts holding its key.
"""

from __future__ import annotations

from typing import Any

from elasticsearch.dsl import Q


def open_to_key(country: str, region: str = "") -> str:
    """The key of where a remote posting is open to: "US", or "US-CA" for one state."""
    return f"{country}-{region}" if region else country


def place_keys(country: str, region: str = "") -> list[str]:
    """The keys of every remote posting open to a place in `country` and `region`."""
    if not country:
        return []
    return [country, open_to_key(country, region)] if region else [country]


def posting_open_to(*, remote: bool, country: str, region: str) -> list[str]:
    """A posting document's ``open_to``: its one key if it is remote, else none."""
    return [open_to_key(country, region)] if remote and country else []


def postings_within(point: dict, radius_miles: int) -> Q:
    """Postings (postings index) with a location within `radius_miles` of
    `point` ({"lat": ..., "lon": ...})."""
    return Q("geo_distance", distance=f"{radius_miles}mi", locations=point)


def remote_postings() -> Q:
    """Postings (postings index) that can be done from home."""
    return Q("term", remote=True)


def near_filter(
    *,
    latitude: float,
    longitude: float,
    radius_miles: int,
    country: str = "",
    region: str = "",
    include_remote: bool = True,
) -> Q:
    """Postings at a place (postings index): within the radius, or remote and open to it."""
    within = postings_within({"lat": latitude, "lon": longitude}, radius_miles)
    keys = place_keys(country, region) if include_remote else []
    if not keys:
        return within
    return Q("bool", should=[within, Q("terms", open_to=keys)], minimum_should_match=1)


# Ranking a search that names a place and nothing to match ------------------

# A posting at the radius's edge, and a remote posting open to the place, rank
# at this share of one at the place itself.
AT_THE_EDGE = 0.5
# Up to this distance, a posting counts as at the place (a town's own spread).
AT_THE_PLACE_MILES = 1


def nearness_functions(*, latitude: float, longitude: float, radius_miles: int) -> list[dict]:
    """``function_score`` functions that rank postings at a place by how near they are.

    A posting's nearest location within the radius scores from 1 (at the
    place) falling smoothly to ``AT_THE_EDGE`` at the radius; a posting that is
    there only because it is remote and open to the place scores
    ``AT_THE_EDGE``: it is as good as the farthest posting on the page, never
    better than a near one. Ranking only: which postings are listed is
    ``near_filter``'s, so alerts, which decide only which postings they hold,
    are unchanged.
    """
    point = {"lat": latitude, "lon": longitude}
    within = postings_within(point, radius_miles)
    offset = min(AT_THE_PLACE_MILES, radius_miles / 2)
    return [
        {
            "filter": within,
            "gauss": {
                "locations": {
                    "origin": point,
                    "offset": f"{offset}mi",
                    "scale": f"{radius_miles - offset}mi",
                    "decay": AT_THE_EDGE,
                },
                # A posting at several places ranks by the nearest one.
                "multi_value_mode": "min",
            },
        },
        {"filter": ~within, "weight": AT_THE_EDGE},
    ]


# The alerts index: the same rule, the other way round ---------------------------

ANYWHERE = 0  # the radius of an alert with no place


def alert_place_fields(near: Any) -> dict[str, Any]:
    """An alert document's place fields for its saved search's `near` (or None)."""
    if near is None:
        return {"radius_miles": ANYWHERE, "remote_keys": []}
    include = getattr(near, "include_remote", True)
    return {
        "radius_miles": near.radius_miles,
        "point": {"lat": near.latitude, "lon": near.longitude},
        "remote_keys": place_keys(near.country, near.region) if include else [],
    }


def alerts_at_posting(document: dict[str, Any], radii: tuple[int, ...]) -> Q:
    """The alerts (alerts index) whose place the posting document is at: alerts
    with no place; for each radius the site offers, alerts of that radius whose
    point is within it of a location; and, for a remote posting, alerts whose
    place keys hold the posting's key."""
    options = [Q("term", radius_miles=ANYWHERE)]
    locations = document.get("locations") or []
    if locations:
        options += [
            Q(
                "bool",
                filter=[
                    Q("term", radius_miles=radius),
                    Q(
                        "bool",
                        should=[
                            Q("geo_distance", distance=f"{radius}mi", point=location)
                            for location in locations
                        ],
                        minimum_should_match=1,
                    ),
                ],
            )
            for radius in radii
        ]
    if open_to := document.get("open_to"):
        options.append(Q("terms", remote_keys=open_to))
    if len(options) == 1:
        return options[0]
    return Q("bool", should=options, minimum_should_match=1)
