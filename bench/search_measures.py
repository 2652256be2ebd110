"""What the search benchmark measures, each on whatever database and cluster Django uses.

The script (``bench.search``) runs these on its own 100k dataset; the tests run
them on a handful of postings against the test session's server, so they keep
working as the search code changes.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from urllib.parse import urlencode

from django.db import transaction
from django.http import QueryDict
from django.test import Client

from employers.forms import location_from_place
from employers.models import Employer, FairChancePolicy, MemberRole, Membership
from fairsite.accounts.models import User
from fairsite.search.client import SearchUnavailable
from fairsite.search.indices import rebuild
from jobs import services
from jobs.models import Category, EmploymentType
from jobs.search import recovery as search_recovery
from jobs.search.forms import SearchForm
from jobs.search.index import postings_index
from jobs.search.queries import PostingQuery
from jobs.search.results import database_results, run_posting_search

from .environment import BenchmarkError
from .profiling import cpu_seconds
from .queries import CLASSES, BenchQuery
from .report import percentile, summary
from .towns import resolved_towns


def measure_rebuild(*, runs: int = 1, elasticsearch_pid: int | None = None) -> dict:
    """Rebuild the postings index from the database ``runs`` times (build new, swap the alias).

    Each run's postings/s, and the CPU time this process spent (reading rows
    and building documents in one thread, sending them in another): next to
    the wall time it shows how much of a slow rebuild was this code and how
    much waiting for a CPU or for Elasticsearch; given its process, the CPU
    time Elasticsearch spent meanwhile is beside it. The first rebuild on a
    server just started is slower: its JVM is still compiling the indexing code
    (Elasticsearch spent about twice the CPU on it). A live server has long been
    warm, so with more than one run the figure reported is the median of the
    runs after the first, and the first is kept beside it.
    """
    measured = []
    for _run in range(runs):
        cpu_started = time.process_time()
        engine_started = cpu_seconds([elasticsearch_pid]) if elasticsearch_pid else None
        report = rebuild(postings_index)
        run = {
            "documents": report.documents,
            "seconds": report.seconds,
            "per_second": round(report.documents / report.seconds) if report.seconds else None,
            "python_cpu_seconds": round(time.process_time() - cpu_started, 2),
        }
        if engine_started is not None:
            engine = cpu_seconds([elasticsearch_pid]) - engine_started
            run["elasticsearch_cpu_seconds"] = round(engine, 2)
        measured.append(run)
    warm = measured[1:] or measured
    median = sorted(warm, key=lambda run: run["seconds"])[(len(warm) - 1) // 2]
    return {**median, "first_run": measured[0], "runs": measured}


@dataclass(frozen=True)
class QueryTiming:
    kind: str
    url: str
    page_ms: float  # the search page end to end, in process: form, search, fetch, template
    engine_ms: float  # search_postings: the Elasticsearch requests and the page's postings
    took_ms: int  # what Elasticsearch says it spent on the request
    total: int  # results found
    database_ms: float | None = None  # database_results: the answer when Elasticsearch is down
    database_total: int | None = None


@contextmanager
def _recording_searches() -> Iterator[list]:
    """Time the search page's call to ``search_postings`` (the search, and a corrected
    search or the offers when it finds nothing) and keep what it returned.

    A probe around the view's one call, not a change to it: it reads ``took_ms``
    from the results the page renders, and notices a page that fell back to the
    database (which must not pass for a fast search).
    """
    calls: list = []
    original = search_recovery.search_postings

    def recorded(form, **options):
        # options: what else the view passes (a signed-in person's own ranking).
        started = time.perf_counter()
        try:
            results = original(form, **options)
        except SearchUnavailable:
            calls.append(None)
            raise
        calls.append((results, (time.perf_counter() - started) * 1000))
        return results

    search_recovery.search_postings = recorded
    try:
        yield calls
    finally:
        search_recovery.search_postings = original


def measure_queries(queries: Sequence[BenchQuery], *, database: bool = True) -> list[QueryTiming]:
    """Each query through the search page, then (all of them again) from the database."""
    client = Client()
    timings = []
    with _recording_searches() as calls:
        for query in queries:
            started = time.perf_counter()
            response = client.get(query.url)
            page_ms = (time.perf_counter() - started) * 1000
            if response.status_code != 200:
                raise BenchmarkError(f"{query.url} answered {response.status_code}")
            if not calls or calls[-1] is None:
                raise BenchmarkError(f"{query.url} was answered from the database: search is down")
            results, engine_ms = calls[-1]
            if results.took_ms is None:
                raise BenchmarkError(f"{query.url}: Elasticsearch gave no 'took'")
            timings.append(
                QueryTiming(
                    kind=query.kind,
                    url=query.url,
                    page_ms=round(page_ms, 2),
                    engine_ms=round(engine_ms, 2),
                    took_ms=results.took_ms,
                    total=results.total,
                )
            )
    if not database:
        return timings
    return [
        _with_database_answer(timing, query) for timing, query in zip(timings, queries, strict=True)
    ]


def _with_database_answer(timing: QueryTiming, query: BenchQuery) -> QueryTiming:
    # The same PostingQuery the page ran, so both answer the same question.
    posting_query = SearchForm(QueryDict(urlencode(query.params))).to_query()
    started = time.perf_counter()
    results = database_results(posting_query)
    elapsed = (time.perf_counter() - started) * 1000
    return QueryTiming(
        **{**asdict(timing), "database_ms": round(elapsed, 2), "database_total": results.total}
    )


def summarise_queries(timings: Sequence[QueryTiming]) -> dict:
    """p50/p95/p99 per class and overall, and the two ratios the targets are about (at p95)."""
    figures = {}
    for kind in (*CLASSES, "overall"):
        chosen = [t for t in timings if kind in (t.kind, "overall")]
        if not chosen:
            continue
        page = [t.page_ms for t in chosen]
        took = [float(t.took_ms) for t in chosen]
        database = [t.database_ms for t in chosen if t.database_ms is not None]
        figures[kind] = {
            "page_ms": summary(page),
            "engine_ms": summary([t.engine_ms for t in chosen]),
            "took_ms": summary(took),
            "page_to_took_p95": _ratio(percentile(page, 0.95), percentile(took, 0.95)),
            "results_median": round(percentile([t.total for t in chosen], 0.5)),
        }
        if database:
            figures[kind]["database_ms"] = summary(database)
            figures[kind]["database_to_page_p95"] = _ratio(
                percentile(database, 0.95), percentile(page, 0.95)
            )
    return figures


def _ratio(numerator: float, denominator: float) -> float | None:
    return round(numerator / denominator, 2) if denominator else None


# Publish -> searchable ---------------------------------------------------------


def measure_publish_delay(count: int, *, timeout: float = 30, poll_seconds: float = 0.025) -> dict:
    """Publish ``count`` postings one at a time through the services; seconds until each is found.

    The clock starts when ``posting_approve`` has committed (the posting is live
    in the database) and stops when the site's search first lists it. Whoever
    drains the outbox (the worker, or the tests' immediate task backend) and the
    index's refresh are inside that interval, as they are for a real employer.
    """
    editor, owner, employer = _publishing_accounts()
    place = location_from_place(resolved_towns()[0])
    delays = []
    for number in range(count):
        token = f"publishprobe{number:04d}"
        posting = services.posting_create(
            employer=employer,
            by=owner,
            fields={
                "title": f"Delivery driver {token}",
                "description": "<p>Deliver parcels around town. We train you.</p>",
                "category": Category.DRIVING,
                "employment_type": EmploymentType.FULL_TIME,
            },
            locations=[place],
            credentials={},
        )
        services.posting_submit(posting=posting, by=owner, accept_flags=True)
        services.posting_approve(posting=posting, by=editor)
        published = time.perf_counter()
        while not _is_listed(posting.pk, token):
            if time.perf_counter() - published > timeout:
                raise BenchmarkError(f"A published posting was not searchable after {timeout} s.")
            time.sleep(poll_seconds)
        delays.append(time.perf_counter() - published)
    return {**summary(delays, digits=3), "poll_seconds": poll_seconds}


def _is_listed(pk: int, token: str) -> bool:
    return any(hit.posting.pk == pk for hit in run_posting_search(PostingQuery(text=token)).hits)


@transaction.atomic
def _publishing_accounts() -> tuple[User, User, Employer]:
    """An editor, and an employer (not auto-approved) with its owner, for publishing."""
    editor = User.objects.create_superuser(email="bench-editor@example.org", password=None)
    owner = User.objects.create_user(email="bench-owner@example.org", password=None)
    employer = Employer.objects.create(
        name="Benchmark Couriers", slug="benchmark-couriers", industry="transport", size="10-49"
    )
    FairChancePolicy.objects.create(employer=employer)
    Membership.objects.create(user=owner, employer=employer, role=MemberRole.OWNER)
    return editor, owner, employer
