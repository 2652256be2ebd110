"""Searching postings: one query builder for the search page, the API and alerts.

Keyword semantics, kept simple on purpose so a saved search can be matched in
reverse by the alerts index: every word of the query must occur, after
normalisation, in at least one searched field, with no fuzziness. Ranking weighs
where the words occur (title over description); featured postings rank a little
higher (10 %, so never above a much better match).

Facets are single-choice: each facet's counts are computed with every other
filter applied but not its own, and choosing a value replaces the facet's
current one, so a count is exactly the number of results its link leads to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone
from elasticsearch.dsl import A, MultiSearch, Q, Search

from employers.models import CheckTiming
from fairsite.search.client import SearchUnavailable, answer, page_client
from fairsite.search.text import distinct_terms, query_terms

from .index import SEARCHED_FIELDS, postings_index
from .places import near_filter, nearness_functions

PAGE_SIZE = 20
MAX_PAGE = 10_000 // PAGE_SIZE  # Elasticsearch's max_result_window
RADII_MILES = (5, 10, 25, 50)
# The distance searched from a place when none is chosen: the one default the
# search, its form, the API and every link agree on.
DEFAULT_RADIUS = 25
MAX_QUERY_TERMS = 32
FEATURED_WEIGHT = 1.1
# With "checks records only after an offer (or never)" chosen, an employer who
# never checks is the closer answer ("no background check"): a little higher.
NEVER_CHECKS_WEIGHT = 1.2
# With a place and no words, nearness ranks; among postings about as near, the
# newer: a posting this old ranks at 0.8 of a new one (the first week counts as new).
RECENCY = {"offset": "7d", "scale": "30d", "decay": 0.8}
SORTS = ("relevance", "newest", "nearest", "salary", "for_you")

# Single-choice facets: name in the URL -> document field.
FACETS = {
    "category": "category",
    "employment_type": "employment_type",
    "workplace": "workplace",
    "check_level": "check_level",
    "credential": "credentials",
    "salary": "salary_bands",
}
# Yes/no facets: name in the URL -> boolean document field.
FLAGS = {"after_offer": "checks_after_offer", "verified": "employer_verified"}
# What each yes/no facet is called where it is chosen or read from the words.
FLAG_TITLES = {
    "after_offer": "Checks records only after an offer (or never)",
    "verified": "Verified fair-chance employers",
}


# The base of every search of postings ------------------------------------------


def postings_search() -> Search:
    """A request to the postings index, as a page asks it (page_client)."""
    return Search(using=page_client(), index=postings_index.alias)


def search_moment(now: datetime) -> datetime:
    """`now` moved on to the next whole minute: the moment every search compares
    closing times (and the end of a paid feature) with.

    Elasticsearch keeps the postings a filter matches, segment by segment, once
    the same filter comes back, but a cut-off to the microsecond is new with
    every request and is worked out afresh over every open posting each time
    (measured at 100,000 postings: twice the CPU a search costs Elasticsearch
    otherwise). Every search within a minute shares this one. Moving it on,
    never back, keeps the index's side of "still open" safe: a posting due to
    close within the minute leaves the results up to a minute early, never late.
    """
    whole_minute = now.replace(second=0, microsecond=0)
    return whole_minute if whole_minute == now else whole_minute + timedelta(minutes=1)


def live_filters(now: datetime, *more: Q | None) -> list[Q]:
    """The filters every search of postings starts from: still open at `now`, then
    each of `more` that is given (None, such as no place, is left out).

    The index holds only published postings, so "still open" is the index's side
    of JobPosting.objects.visible(); a posting that closed a moment ago, before
    the expiry task removes it, is never listed. `now` is taken to the next
    whole minute (search_moment), so the filter is the same for a minute.
    """
    return [
        Q("range", expires_at={"gt": search_moment(now)}),
        *(clause for clause in more if clause is not None),
    ]


def flag_filter(name: str) -> Q:
    """Postings with the yes/no facet `name` (FLAGS) on: "after_offer" is the one
    definition of "checks records only after an offer, or never" in the index."""
    return Q("term", **{FLAGS[name]: True})


def checks_records(timing: CheckTiming) -> Q:
    """Postings whose employer checks records at `timing` (CheckTiming)."""
    return Q("term", check_timing=timing.value)


@dataclass(frozen=True)
class Near:
    """A place and a radius: jobs within it, and remote jobs open to the place
    (its `country`, and its `region`: a US state code or UK nation) unless
    `include_remote` is off. The rule is jobs.search.places.near_filter."""

    latitude: float
    longitude: float
    radius_miles: int
    label: str = ""
    country: str = ""
    region: str = ""
    include_remote: bool = True


@dataclass(frozen=True)
class PostingQuery:
    """What someone searched for: the search page's URL, the API's parameters, an alert."""

    text: str = ""
    near: Near | None = None
    filters: dict[str, str] = field(default_factory=dict)  # facet -> value
    flags: frozenset[str] = frozenset()  # yes/no facets that are on
    sort: str = "relevance"
    page: int = 1
    # Only postings published since then (the printed "new jobs this week" list).
    published_after: datetime | None = None

    @property
    def terms(self) -> list[str]:
        """The distinct normalised words that must all occur (a related-titles phrase is one)."""
        return query_terms(self.text)[:MAX_QUERY_TERMS]

    @property
    def written_terms(self) -> list[str]:
        """The words as written, before related titles join: they rank, they never filter."""
        return distinct_terms(self.text)[:MAX_QUERY_TERMS]


def text_clause(words: list[str], written: list[str] = ()) -> Q:
    """Every word in at least one searched field, ranked by the fields' weights;
    a title with the words as `written` (before related titles join) ranks higher."""
    phrase = " ".join(words)
    fields = [f"{name}^{weight}" for name, weight in SEARCHED_FIELDS.items()]
    should = [
        Q("match_phrase", title_norm={"query": phrase, "boost": 3}),
        Q("match", title_norm={"query": phrase, "operator": "and", "boost": 2}),
    ]
    if written and list(written) != words:
        as_written = " ".join(written)
        should.append(Q("match_phrase", title_norm={"query": as_written, "boost": 2}))
        should.append(Q("match", title_norm={"query": as_written, "operator": "and", "boost": 2}))
    return Q(
        "bool",
        must=[Q("multi_match", query=phrase, fields=fields, type="cross_fields", operator="and")],
        should=should,
    )


def base_filters(query: PostingQuery, *, now: datetime) -> list[Q]:
    """Filters that are not facets: still open, at the place if one was given,
    and published since `published_after` if that is set."""
    published = None
    if query.published_after is not None:
        published = Q("range", published_at={"gte": query.published_after})
    near = query.near
    if near is not None:
        near = near_filter(
            latitude=near.latitude,
            longitude=near.longitude,
            radius_miles=near.radius_miles,
            country=near.country,
            region=near.region,
            include_remote=near.include_remote,
        )
    return live_filters(now, published, near)


def chosen_facets(query: PostingQuery) -> list[str]:
    """The facets (with a value) and flags the query chooses, facets first."""
    facets = [name for name, value in query.filters.items() if name in FACETS and value]
    return facets + sorted(query.flags)


def facet_filters(query: PostingQuery, *, skip: str | None = None) -> list[Q]:
    """The chosen facets as filters; `skip` leaves one out, for that facet's counts."""
    return [
        Q("term", **{FACETS[name]: query.filters[name]}) if name in FACETS else flag_filter(name)
        for name in chosen_facets(query)
        if name != skip
    ]


# Where posting_search's answer keeps each facet's counts (facet_buckets):
# - a facet not chosen: its terms at the top, or, when the chosen facets are a
#   post filter, under UNCHOSEN_COUNTS, the one filter of every choice;
# - a chosen facet, counted without its own choice: under CHOSEN_VALUES in its
#   filter, which is under ALL_POSTINGS (a global aggregation) when the
#   choices narrow the query.
UNCHOSEN_COUNTS = "unchosen"
SPELLING_SUGGESTION = "did_you_mean"
ALL_POSTINGS = "matching"
CHOSEN_VALUES = "values"


def facet_buckets(aggregations: dict[str, Any], name: str) -> list[dict[str, Any]]:
    """The counted values of the facet or flag ``name`` in ``posting_search``'s
    answer (its aggregations as a dict), wherever its counts were taken."""
    if name not in aggregations:
        return aggregations[UNCHOSEN_COUNTS][name]["buckets"]
    counts = aggregations[name]
    if "buckets" in counts:
        return counts["buckets"]
    return counts.get(ALL_POSTINGS, counts)[CHOSEN_VALUES]["buckets"]


def posting_search(query: PostingQuery, *, now: datetime | None = None, ranking=None) -> Search:
    """The Elasticsearch request: the page of hits and every facet's counts.

    `ranking` (jobs.seekers.PersonalRanking) is the signed-in person's own
    ranking, handed in by the page, used for the "Best for you": it wraps the search's words and
    filters in that person's scoring and adds their preferences as filters.

    Each facet's counts leave out its own choice, so that its other values can
    be chosen instead; the facets not chosen count under every choice. Where
    the choices go depends on the words:

    - With words, the chosen facets are a post filter: the query matches the
      words, and the counts are taken over those matches, each chosen facet's
      under the other choices. The words are matched once.
    - Without words (facets alone, or a place and facets), the query would
      match every open posting (near the place): at a million postings,
      scoring and counting them all was most of a search. So the chosen facets
      narrow the query itself, and the facets not chosen count over the
      narrowed matches. Each chosen facet counts over the whole index (a
      global aggregation) filtered by the search without its own choice.

    The two give the same hits, totals and counts (``bench/facets_ab.py``).
    """
    now = now or timezone.now()
    words = query.terms
    chosen = chosen_facets(query)
    narrowed = bool(chosen) and not words
    search = _matching(query, now=now, ranking=ranking, facets=narrowed)
    unchosen = search.aggs
    if narrowed:
        unnarrowed = _matching_query(query, now=now, ranking=ranking, facets=False)
    elif chosen:
        every_choice = Q("bool", filter=facet_filters(query))
        search = search.post_filter(every_choice)
        # The facets not chosen share one filter, evaluated once per match
        # rather than once per facet.
        unchosen = search.aggs.bucket(UNCHOSEN_COUNTS, "filter", every_choice)
    for name, doc_field in {**FACETS, **FLAGS}.items():
        values = A("terms", field=doc_field, size=50)
        if name not in chosen:
            unchosen.bucket(name, values)
            continue
        others = facet_filters(query, skip=name)
        if narrowed:
            counts = A("filter", Q("bool", filter=[unnarrowed, *others]))
            search.aggs.bucket(name, "global").bucket(ALL_POSTINGS, counts)
        else:
            counts = A("filter", Q("bool", filter=others))
            search.aggs.bucket(name, counts)
        counts.bucket(CHOSEN_VALUES, values)
    search = _sorted(search, query, has_text=bool(words))
    start = (min(max(query.page, 1), MAX_PAGE) - 1) * PAGE_SIZE
    search = search.extra(track_total_hits=True)[start : start + PAGE_SIZE]
    # What the hits themselves give the page: the plain text its extract is cut
    # from, and what the "Best for you" reasons compare (the rest is read from
    # the database, which has the last word).
    return search.source(["description", "required_credentials"])


def spelling_search(query: PostingQuery) -> Search | None:
    """A request for the term suggester's corrections of the search's words
    (on titles), or None when it has none. Asked only once a search has found
    nothing: asking it with every search cost about a fifth of Elasticsearch's
    time for searches with words, for an answer used only when nothing was
    found (``bench/suggest_ab.py``)."""
    if not query.terms:
        return None
    return (
        postings_search()
        .extra(size=0, track_total_hits=False)
        .suggest(
            SPELLING_SUGGESTION,
            " ".join(query.text.split()[:MAX_QUERY_TERMS]),
            term={"field": "title", "suggest_mode": "popular", "min_word_length": 3},
        )
    )


def posting_count_search(query: PostingQuery, *, now: datetime | None = None) -> Search:
    """How many postings the search page would list for ``query``: the same
    matching and filters as ``posting_search``, with no hits, counts or sorting."""
    return _matching(query, now=now or timezone.now()).extra(size=0, track_total_hits=True)


def posting_counts(queries: list[PostingQuery], *, now: datetime | None = None) -> list[int]:
    """How many postings each query lists, in one multi-search request.

    Raises SearchUnavailable when Elasticsearch can't answer."""
    now = now or timezone.now()
    search = MultiSearch(using=page_client(), index=postings_index.alias)
    for query in queries:
        search = search.add(posting_count_search(query, now=now))
    return [r.hits.total.value if r.success() else 0 for r in answer(search)]


def _matching(query: PostingQuery, *, now: datetime, ranking=None, facets: bool = True) -> Search:
    """The postings the search lists: its words, place and (with ``facets``) its
    chosen facets, as a request (``_matching_query``)."""
    return postings_search().query(_matching_query(query, now=now, ranking=ranking, facets=facets))


def _matching_query(query: PostingQuery, *, now: datetime, ranking=None, facets: bool = True) -> Q:
    """The search's query, scored; with ``facets`` False, without its chosen
    facets (for a post filter to choose among its matches, or for each chosen
    facet's counts to be taken over)."""
    words = query.terms
    filters = base_filters(query, now=now) + (facet_filters(query) if facets else [])
    if ranking is not None and query.sort == "for_you":
        must = [text_clause(words, query.written_terms)] if words else []
        return ranking.query(must=must, filters=filters)
    matching = text_clause(words, query.written_terms) if words else Q("match_all")
    featured = Q("range", featured_until={"gt": search_moment(now)})
    scored = Q(
        "function_score",
        query=matching,
        functions=[
            {"filter": featured, "weight": FEATURED_WEIGHT},
            *(
                [{"filter": checks_records(CheckTiming.NEVER), "weight": NEVER_CHECKS_WEIGHT}]
                if "after_offer" in query.flags
                else []
            ),
            *(_place_ranking(query.near, now=now) if not words else []),
        ],
        score_mode="multiply",
        boost_mode="multiply",
    )
    return Q("bool", must=[scored], filter=filters)


def _place_ranking(near: Near | None, *, now: datetime) -> list[dict]:
    """With a place and nothing to match, the nearest first, the newer among the
    about as near (a visitor who types only "Birmingham" or a ZIP code)."""
    if near is None:
        return []
    return [
        *nearness_functions(
            latitude=near.latitude, longitude=near.longitude, radius_miles=near.radius_miles
        ),
        {"gauss": {"published_at": {"origin": now.isoformat(), **RECENCY}}},
    ]


def _sorted(search: Search, query: PostingQuery, *, has_text: bool) -> Search:
    newest = {"published_at": {"order": "desc"}}
    if query.sort == "nearest" and query.near is not None:
        point = {"lat": query.near.latitude, "lon": query.near.longitude}
        return search.sort({"_geo_distance": {"locations": point, "order": "asc", "unit": "mi"}})
    if query.sort == "for_you":
        return search.sort("_score", newest)
    if query.sort == "salary":
        return search.sort({"salary_yearly": {"order": "desc", "missing": "_last"}}, newest)
    # Without words the newest come first, unless a place or never checking ranks them.
    ranked = has_text or query.near is not None or "after_offer" in query.flags
    if query.sort == "newest" or not ranked:
        return search.sort(newest, "_score")
    return search.sort("_score", newest)


MAX_SUGGESTIONS = 8


def title_suggestions(prefix: str) -> list[str]:
    """Up to eight distinct completions of what someone is typing ([] if none or down)."""
    prefix = " ".join(prefix.split())[:60]
    if len(prefix) < 2:
        return []
    search = postings_search().source(False)
    search = search.suggest(
        "titles", prefix, completion={"field": "suggest", "size": 20, "skip_duplicates": True}
    )
    try:
        response = answer(search)
    except SearchUnavailable:
        return []
    seen: dict[str, str] = {}
    for option in response.suggest.titles[0].options:
        seen.setdefault(option.text.lower(), option.text)
    return list(seen.values())[:MAX_SUGGESTIONS]
