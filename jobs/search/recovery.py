"""The search everything runs (page, API): read the words, search, and never end empty-handed.

1. The words are read by ``SearchForm`` (``jobs.search.understanding``).
2. When they find nothing and Elasticsearch's term suggester (on titles)
   offers a correction that does find something, the corrected search is the
   answer, marked with the words as typed (``corrected_from``). ``keep=spelling``
   turns this off. The correction is read like typed words, so "remot cook"
   becomes remote jobs for "cook".
3. When they find nothing at a shared place name, the visitor's country is
   unknown (no earlier choice, no profile) and their words are distinctly one
   country's (``fairsite.search.word_countries``) while the reading chosen by
   size is in the other, the first reading in the words' country that finds
   something is the answer, and the page says so: "carer" in "Richmond" finds
   nothing in Richmond, Virginia (ten times the size of Richmond, London) and
   something in Richmond, London, so the page shows that, says Virginia had
   none, and links to it. The readings are counted in one multi-search. A
   reading the visitor chose, or read in their own country, is never changed,
   and words that say no country change nothing (a wrong guess would list
   jobs far from the place they meant).
4. When even that finds nothing, ``offers`` lists searches that do, each with
   its count: the same words without one of the filters (or all of them), a
   wider distance, remote jobs, and the words less one. They are counted in one
   multi-search, only then, with the very query the page runs, and each says
   how the URL changes, so its link lists exactly that many.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from fairsite.search.client import SearchUnavailable

from ..models import Workplace
from .forms import SearchForm, near_place
from .pay import SALARY_BANDS
from .queries import FLAG_TITLES, MAX_QUERY_TERMS, RADII_MILES, PostingQuery, posting_counts
from .results import (
    SearchResults,
    facet_labels,
    run_posting_search,
    search_or_database,
    spelling_correction,
)
from .understanding import ALL, SPELLING, Understanding, understand

MAX_WORD_OFFERS = 3  # "fewer words" offers shown
MAX_WORDS_TRIED = 6  # words tried one by one


@dataclass(frozen=True)
class Offer:
    """A search that finds something, and how the page's URL changes to run it."""

    kind: str  # "remove", "remove_all", "radius", "remote", "words"
    what: str  # the filter removed, the distance, the words left
    count: int
    query: PostingQuery
    changes: dict[str, str | None]  # URL parameter -> new value (None: removed)


def form_search_or_database(form: SearchForm, *, ranking=None) -> SearchResults:
    """The search the form's parameters ask for, or the database's answer when
    Elasticsearch can't answer (jobs.search.results.search_or_database)."""
    return search_or_database(form.to_query(), lambda: search_postings(form, ranking=ranking))


def search_postings(form: SearchForm, *, ranking=None) -> SearchResults:
    """The search the form's parameters ask for; raises SearchUnavailable like
    ``run_posting_search``. Its pay counts are those of the bands the form
    offers (the country's currency), and the chosen band, in the bands' order."""
    results = _search_postings(form, ranking=ranking)
    pay = results.facets.get("salary")
    if pay is not None:
        by_key = {value.value: value for value in pay}
        results.facets["salary"] = [
            by_key[band.key]
            for band in SALARY_BANDS
            if band.key in by_key and (band.key in form.offered_pay or by_key[band.key].selected)
        ]
    return results


def _search_postings(form: SearchForm, *, ranking=None) -> SearchResults:
    query = form.to_query()
    results = run_posting_search(query, ranking=ranking, credentials=form.credential_labels)
    if results.total:
        return results
    base = query
    # Later pages of a corrected search are corrected the same way.
    suggestion = "" if form.kept_readings & {SPELLING, ALL} else spelling_correction(query)
    if suggestion:
        corrected = corrected_query(form, query, suggestion)
        if corrected != query:
            found = run_posting_search(
                corrected, ranking=ranking, credentials=form.credential_labels
            )
            if found.total:
                found.corrected_from = query.text
                found.suggestion = suggestion  # the words shown as searched
                return found
            # Offers start from the corrected words: their links, typed words
            # and all, are corrected the same way when they run.
            base = corrected
    if country := form.words_country():
        # The words as typed first: a correction is a guess too.
        for words in [query] if base == query else [query, base]:
            if found := _at_another_reading(form, words, country, ranking):
                if words != query:
                    found.corrected_from = query.text
                    found.suggestion = words.text
                return found
    results.offers = offers(base, form.understanding, form.chosen_filters, form.chosen_flags)
    return results


def _at_another_reading(
    form: SearchForm, query: PostingQuery, country: str, ranking
) -> SearchResults | None:
    """The search at the first other reading of the place in `country` that
    finds something, when the reading chosen is in another country."""
    reading, near = form.place_reading, query.near
    if near is None or reading is None or reading.chosen.place.country == country:
        return None
    choices = [choice for choice in reading.others if choice.place.country == country]
    if not choices:
        return None
    tries = [
        replace(
            query,
            near=near_place(
                choice.place, radius_miles=near.radius_miles, include_remote=near.include_remote
            ),
        )
        for choice in choices
    ]
    try:
        counts = posting_counts(tries)
    except SearchUnavailable:
        return None
    for choice, other, count in zip(choices, tries, counts, strict=True):
        if count:
            found = run_posting_search(other, ranking=ranking, credentials=form.credential_labels)
            if found.total:
                found.place_reading = reading.choosing(choice)
                return found
    return None


def corrected_query(form: SearchForm, query: PostingQuery, suggestion: str) -> PostingQuery:
    """``query`` with the suggested words, read as if typed."""
    understood = understand(
        suggestion,
        chosen_filters=query.filters,
        chosen_flags=query.flags,
        keep=form.kept_readings,
        credentials=form.credential_names,
    )
    return replace(
        query,
        text=understood.text,
        filters={**query.filters, **understood.filters},
        flags=query.flags | understood.flags,
    )


def offers(
    query: PostingQuery,
    understood: Understanding,
    chosen_filters: dict[str, str],
    chosen_flags: frozenset[str],
) -> list[Offer]:
    """Searches near this one that find something, with their counts ([] if down)."""
    candidates = _candidates(replace(query, page=1), understood, chosen_filters, chosen_flags)
    if not candidates:
        return []
    try:
        counts = posting_counts([offer.query for offer in candidates])
    except SearchUnavailable:
        return []
    counted = [
        replace(offer, count=count)
        for offer, count in zip(candidates, counts, strict=True)
        if count
    ]
    words = sorted((o for o in counted if o.kind == "words"), key=lambda o: -o.count)
    return [o for o in counted if o.kind != "words"] + words[:MAX_WORD_OFFERS]


def _candidates(query, understood, chosen_filters, chosen_flags) -> list[Offer]:
    labels = facet_labels()
    found: list[Offer] = []

    def without(name: str) -> dict[str, str | None]:
        # A filter chosen in the URL is removed from it; one read from the
        # words goes with its words.
        if name in chosen_filters or name in chosen_flags:
            return {name: None}
        return {"q": understood.typed_without(name)}

    chosen = [*query.filters, *sorted(query.flags)]
    for name in chosen:
        if name in query.filters:
            what = labels.get(name, {}).get(query.filters[name], query.filters[name])
            less = replace(query, filters={k: v for k, v in query.filters.items() if k != name})
        else:
            what = FLAG_TITLES.get(name, name)
            less = replace(query, flags=query.flags - {name})
        found.append(Offer("remove", what, 0, less, without(name)))
    if len(chosen) > 1:
        changes = {name: None for name in chosen if name in chosen_filters or name in chosen_flags}
        read = [name for name in chosen if name not in changes]
        if read:
            changes["q"] = understood.typed_without(*read)
        bare = replace(query, filters={}, flags=frozenset())
        found.append(Offer("remove_all", "", 0, bare, changes))
    if query.near is not None:
        for radius in RADII_MILES:
            if radius > query.near.radius_miles:
                wider = replace(query, near=replace(query.near, radius_miles=radius))
                found.append(Offer("radius", str(radius), 0, wider, {"radius": str(radius)}))
    if query.near is not None or query.filters.get("workplace") != Workplace.REMOTE:
        remote = replace(query, near=None, filters={**query.filters, "workplace": Workplace.REMOTE})
        changes = {"place": None, "radius": None, "workplace": Workplace.REMOTE.value}
        if query.sort == "nearest":
            changes["sort"] = None
        if "workplace" in query.filters and "workplace" not in chosen_filters:
            changes["q"] = understood.typed_without("workplace")
        found.append(Offer("remote", "", 0, replace(remote, sort="relevance"), changes))
    # Fewer words: the words less one, with the filters read from the words
    # chosen in the URL, so the link reads nothing more into them.
    words = query.text.split()
    if 1 < len(words) <= MAX_QUERY_TERMS:
        read = {name: value for name, value in query.filters.items() if name not in chosen_filters}
        read |= {name: "on" for name in query.flags if name not in chosen_flags}
        for position in range(min(len(words), MAX_WORDS_TRIED)):
            rest = " ".join(words[:position] + words[position + 1 :])
            fewer = replace(query, text=rest)
            if fewer.terms != query.terms:
                found.append(Offer("words", rest, 0, fewer, {"q": rest, **read}))
    return found
