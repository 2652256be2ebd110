"""The search page's own links: changing a parameter, undoing a reading of the
words, and the searches offered when nothing matched.

Every link is the page's address with some parameters changed, so it keeps
what was typed and runs exactly the search its words describe.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import QueryDict

from .understanding import ALL, FILLER, Understanding


def _query_string(params: QueryDict, changes: dict[str, list[str]]) -> str:
    """``params`` without its page and with each changed key's values replaced
    (changed keys last, as a QueryDict would put them). A search page makes
    twenty-odd of these: copying the QueryDict for each was over a millisecond."""
    pairs = [
        (key, value)
        for key, values in params.lists()
        if key != "page" and key not in changes
        for value in values
    ]
    pairs += [(key, value) for key, values in changes.items() for value in values]
    return f"?{urlencode(pairs)}"


def url_with(params: QueryDict, **changes: str | None) -> str:
    """This page's address with some parameters set or (None) removed, back on page 1."""
    return _query_string(
        params, {key: [] if value is None else [value] for key, value in changes.items()}
    )


def keeping(params: QueryDict, reading: str) -> str:
    """This page's address with one more reading of the words turned off."""
    kept = params.getlist("keep")
    return _query_string(params, {"keep": kept if reading in kept else [*kept, reading]})


def _jobs(count: int) -> str:
    return f"{count} job" if count == 1 else f"{count} jobs"


def understood_parts(params: QueryDict, results, understanding: Understanding) -> dict | None:
    """What the words were read as, each part with the link that undoes it (None if
    they were searched as typed)."""
    if not understanding.changed or results.from_database:
        return None
    read = {r.key: r for r in understanding.readings}
    kinds = [read[k].label for k in ("workplace", "employment_type") if k in read]
    summary = ", ".join([kinds[0], *(k.lower() for k in kinds[1:])]) + " jobs" if kinds else "Jobs"
    if "category" in read:
        summary += f" in {read['category'].label.lower()}"
    if results.query.text:  # the words searched: corrected, if they were
        summary += f" for “{results.query.text}”"
    if "credential" in read:
        summary += f" that ask for {read['credential'].label}"
    if "after_offer" in read:
        summary += ", from employers who check records only after an offer (or never)"
    parts = []
    for reading in understanding.readings:
        if reading.key == FILLER:
            explain, undo = f"Left out: “{reading.said}”.", "Search with these words"
        else:
            meaning = {
                "credential": f"jobs that ask for the {reading.label} credential",
                "category": f"jobs in {reading.label.lower()}",
                "after_offer": "employers who check records only after an offer, or never",
            }.get(reading.key, f"{reading.label.lower()} jobs")
            explain = f"“{reading.said}”: {meaning}."
            undo = f"Search for “{reading.said}” as words"
        parts.append({"explain": explain, "undo": undo, "url": keeping(params, reading.key)})
    return {"summary": summary, "parts": parts, "as_typed_url": keeping(params, ALL)}


def offer_links(params: QueryDict, results) -> list[dict]:
    """The searches offered when nothing matched, as words and links."""
    links = []
    text = results.query.text
    for offer in results.offers:
        jobs = _jobs(offer.count)
        if offer.kind == "remove":
            label = f"{jobs} if you remove “{offer.what}”"
        elif offer.kind == "remove_all":
            label = f"{jobs} if you remove all the filters"
        elif offer.kind == "radius":
            label = f"{jobs} within {offer.what} miles"
        elif offer.kind == "remote":
            label = f"{offer.count} remote {jobs.split(' ', 1)[1]}"
            label += f" for “{text}”" if text else ""
        else:
            label = f"{jobs} for “{offer.what}”"
        links.append(
            {"label": label, "count": offer.count, "url": url_with(params, **offer.changes)}
        )
    return links
