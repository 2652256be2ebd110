"""A saved search in words, and as the search page's address."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse

from jobs.search.queries import FACETS, FLAGS, PostingQuery
from jobs.search.results import facet_labels

FLAG_WORDS = {
    "after_offer": "checks records only after an offer",
    "verified": "verified fair-chance employers",
}


def search_summary(query: PostingQuery, *, labels: dict | None = None) -> str:
    """What the search looks for, in plain words ("“cook” within 10 miles of Leeds; part time").

    ``labels`` (``facet_labels()``) saves a query when summing up many searches.
    """
    labels = labels or facet_labels()
    what = f"“{query.text}”" if query.text else "All jobs"
    if query.near:
        what += f" within {query.near.radius_miles} miles of {query.near.label}"
        if not query.near.include_remote:
            what += ", not remote"
    details = [
        labels[name].get(value, value).lower()
        for name, value in query.filters.items()
        if name in FACETS and value
    ]
    details += [FLAG_WORDS[name] for name in sorted(query.flags) if name in FLAGS]
    return "; ".join([what, *details])


def search_parameters(query: PostingQuery) -> list[tuple[str, str]]:
    """The search page's URL parameters for the query (never a page or sort order)."""
    params: list[tuple[str, str]] = []
    if query.text:
        params.append(("q", query.text))
    if query.near:
        params += [("place", query.near.label), ("radius", str(query.near.radius_miles))]
        if not query.near.include_remote:
            params.append(("hide_remote", "on"))
    params += [(name, value) for name, value in sorted(query.filters.items()) if value]
    params += [(name, "on") for name in sorted(query.flags)]
    return params


def search_path(query: PostingQuery) -> str:
    """The search page's address for the query, as a path."""
    params = search_parameters(query)
    return reverse("jobs:list") + (f"?{urlencode(params)}" if params else "")
