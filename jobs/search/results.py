"""Running a posting search and shaping what comes back for pages and the API."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache

from django.utils.safestring import SafeString

from employers.models import CheckLevel
from fairsite.places import PlaceReading, distance_miles
from fairsite.richtext import html_to_plain_text
from fairsite.search.client import SearchUnavailable, answer
from fairsite.search.highlight import highlight, snippet

from ..models import Category, Credential, EmploymentType, JobPosting, Workplace
from ..selectors import postings_from_database, visible_postings_by_id
from .pay import SALARY_BANDS
from .queries import (
    FACETS,
    FLAGS,
    MAX_PAGE,
    PAGE_SIZE,
    SPELLING_SUGGESTION,
    PostingQuery,
    facet_buckets,
    posting_search,
    spelling_search,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Hit:
    posting: JobPosting
    title: SafeString
    snippet: SafeString
    miles: float | None = None
    # With the "Best for you" sort: why it suits the person, and what they lack.
    reasons: tuple[str, ...] = ()
    missing_credentials: tuple[str, ...] = ()


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchResults:
    query: PostingQuery
    total: int
    hits: list[Hit]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    flags: dict[str, int] = field(default_factory=dict)  # yes/no facet -> count if chosen
    # The words searched when a correction of them is the answer
    # (jobs.search.recovery); the suggester is asked only then.
    suggestion: str = ""
    took_ms: int | None = None
    from_database: bool = False
    # When the words found nothing and their correction did: the words as typed.
    corrected_from: str = ""
    # When nothing was found at a guessed reading of a shared place name and
    # another reading found something: that reading, the guessed one first among
    # its others (jobs.search.recovery).
    place_reading: PlaceReading | None = None
    # When nothing was found: searches that find something (jobs.search.recovery).
    offers: list = field(default_factory=list)

    @property
    def pages(self) -> int:
        return min(max((self.total + PAGE_SIZE - 1) // PAGE_SIZE, 1), MAX_PAGE)


@cache
def _fixed_labels() -> dict[str, dict[str, str]]:
    # What never changes while the site runs: the choices written in the code.
    return {
        "category": dict(Category.choices),
        "employment_type": dict(EmploymentType.choices),
        "workplace": dict(Workplace.choices),
        "check_level": dict(CheckLevel.choices),
        "salary": {band.key: band.label for band in SALARY_BANDS},
    }


def facet_labels(credentials: Mapping[str, str] | None = None) -> dict[str, dict[str, str]]:
    """What each facet value is called on the page. The credentials' names
    (slug -> short name) are read afresh, since editors add and rename them,
    unless the caller has just read them (``SearchForm.credential_labels``)."""
    if credentials is None:
        credentials = {
            c.slug: c.short_name for c in Credential.objects.only("slug", "abbreviation", "name")
        }
    return {**_fixed_labels(), "credential": dict(credentials)}


def run_posting_search(
    query: PostingQuery, *, ranking=None, credentials: Mapping[str, str] | None = None
) -> SearchResults:
    """Search the index; raises SearchUnavailable when Elasticsearch can't answer.

    With `ranking` (the person's own, for the "Best for you" sort) each hit
    carries the reasons it suits them. `credentials` are the credentials'
    names if the caller has read them (``facet_labels``).
    """
    response = answer(posting_search(query, ranking=ranking))
    ids = [int(hit.meta.id) for hit in response.hits]
    postings = visible_postings_by_id(ids)
    words = query.terms
    explained = ranking.explain(response) if ranking is not None else {}
    hits = [
        Hit(
            posting=posting,
            title=highlight(posting.title, words),
            snippet=snippet(_plain(hit), words),
            miles=_miles(query, posting),
            reasons=explained[posting.pk].reasons if posting.pk in explained else (),
            missing_credentials=(
                explained[posting.pk].missing_credentials if posting.pk in explained else ()
            ),
        )
        for hit, posting in ((h, postings.get(int(h.meta.id))) for h in response.hits)
        if posting is not None
    ]
    labels = facet_labels(credentials)
    aggregations = response.aggregations.to_dict()
    facets = {
        name: [
            FacetValue(
                value=bucket["key"],
                label=labels[name].get(bucket["key"], bucket["key"]),
                count=bucket["doc_count"],
                selected=query.filters.get(name) == bucket["key"],
            )
            for bucket in facet_buckets(aggregations, name)
        ]
        for name in FACETS
    }
    flags = {
        name: next(
            (b["doc_count"] for b in facet_buckets(aggregations, name) if b["key"] == 1),
            0,
        )
        for name in FLAGS
    }
    return SearchResults(
        query=query,
        total=response.hits.total.value,
        hits=hits,
        facets=facets,
        flags=flags,
        took_ms=response.took,
    )


def _plain(hit) -> str:
    return getattr(hit, "description", "") or ""


def _miles(query: PostingQuery, posting: JobPosting) -> float | None:
    if query.near is None:
        return None
    origin = (query.near.latitude, query.near.longitude)
    distances = [distance_miles(origin, location.point) for location in posting.locations.all()]
    return min(distances) if distances else None


def spelling_correction(query: PostingQuery) -> str:
    """The search's words as the term suggester (on titles) would correct them,
    or "" when it finds nothing to correct; raises SearchUnavailable when
    Elasticsearch can't answer. For searches that found nothing."""
    search = spelling_search(query)
    if search is None:
        return ""
    response = answer(search)
    corrected, changed = [], False
    for entry in getattr(response.suggest, SPELLING_SUGGESTION, []):
        if entry.options:
            corrected.append(entry.options[0].text)
            changed = True
        else:
            corrected.append(entry.text)
    return " ".join(corrected) if changed else ""


def search_or_database(
    query: PostingQuery, search: Callable[[], SearchResults] | None = None
) -> SearchResults:
    """What `search()` finds (`run_posting_search(query)` when not given), or, when
    Elasticsearch can't answer, the database's answer to `query` (logged): every
    page, feed and answer that lists a search goes through here, so none fails."""
    try:
        return search() if search is not None else run_posting_search(query)
    except SearchUnavailable as error:
        logger.warning("Job search fell back to the database: %s", error)
        return database_results(query)


def database_results(query: PostingQuery) -> SearchResults:
    """The answer when Elasticsearch is down: the words, the place's name and every
    filter but pay (the page says so); no radius and no ranking."""
    postings = postings_from_database(
        text=query.text,
        place=query.near.label if query.near else "",
        category=query.filters.get("category", ""),
        employment_type=query.filters.get("employment_type", ""),
        workplace=query.filters.get("workplace", ""),
        check_level=query.filters.get("check_level", ""),
        credential=query.filters.get("credential", ""),
        checks_after_offer="after_offer" in query.flags,
        verified_employers="verified" in query.flags,
        published_after=query.published_after,
    )
    total = postings.count()
    start = (min(max(query.page, 1), MAX_PAGE) - 1) * PAGE_SIZE
    page = list(postings[start : start + PAGE_SIZE])
    words = query.terms
    hits = [
        Hit(posting=p, title=highlight(p.title, words), snippet=snippet(_text_of(p), words))
        for p in page
    ]
    return SearchResults(query=query, total=total, hits=hits, from_database=True)


def _text_of(posting: JobPosting) -> str:
    return html_to_plain_text(posting.description)
