"""The judged relevance set, measured on the search page (``make relevance``).

    python -m bench.relevance        # -> bench/results/relevance.json

It starts its own Elasticsearch and an empty database (as ``make bench`` does),
writes the judged set through the site's services, rebuilds the postings index,
then asks the search page itself for every query, as a visitor's browser would
(Django's test client, the query's GET parameters), and reads the ranked
postings the page shows. It prints each query's figures and the means, and
writes them to a results file with the commit measured.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from bench.environment import (
    RESULTS_DIR,
    BenchmarkError,
    git_commit,
    load_average,
    machine,
    run_and_report,
)
from bench.report import percentile, table, write_results
from fairsite.devtools.paths import BASE_DIR

from .measures import mean
from .queries import JUDGED_ON, QUERIES
from .shapes import JudgedQuery

OUTPUT = RESULTS_DIR / "relevance.json"
HEAP = "512m"  # a few hundred postings
DATABASE = BASE_DIR / ".cache" / "bench" / "relevance.sqlite3"
WORST_SHOWN = 15


def search_page(params: dict[str, str], client=None) -> tuple[list[int], int, float]:
    """The search page for these GET parameters: the postings it lists in order (first
    page, 20), how many it says it found, and how long it took in milliseconds."""
    from django.test import Client
    from django.urls import reverse

    client = client or Client()
    started = time.perf_counter()
    # Following redirects: a page may send the visitor on to the query it understood.
    response = client.get(reverse("jobs:list"), params, follow=True)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise BenchmarkError(f"The search page answered {response.status_code} for {params}")
    results = response.context["results"]
    if results.from_database:
        raise BenchmarkError(f"The search page answered {params} from the database: is search up?")
    return [hit.posting.pk for hit in results.hits], results.total, elapsed


def measure(queries: list[JudgedQuery], ids: dict[str, int], *, postings=None) -> list[dict]:
    """Each query through the search page, with its figures against the grades."""
    from django.test import Client

    from .measures import figures
    from .postings import POSTINGS
    from .rules import never_keys

    keys = {pk: key for key, pk in ids.items()}
    chosen = postings if postings is not None else POSTINGS
    client = Client()
    measured = []
    for query in queries:
        pks, total, page_ms = search_page(query.params, client)
        ranked = [keys.get(pk, f"unknown-{pk}") for pk in pks]
        result = figures(ranked, query.grades, never_keys(query, chosen))
        measured.append(
            {
                "key": query.key,
                "kind": query.kind,
                "params": query.params,
                "meant_place": query.meant_place,
                **asdict(result),
                "total": total,
                "page_ms": round(page_ms, 2),
                "top": ranked[:10],
            }
        )
    return measured


def summarise(measured: list[dict]) -> dict:
    """Means over the queries (nDCG and recall over those with a graded answer)."""
    with_answer = [m for m in measured if m["recall"] is not None]
    times = [m["page_ms"] for m in measured]
    return {
        "queries": len(measured),
        "queries_with_a_good_answer": len(with_answer),
        "ndcg_at_10": _round(mean(m["ndcg"] for m in measured)),
        "precision_at_5": _round(mean(m["precision"] for m in measured)),
        "precision_at_5_ceiling": _round(mean(m["precision_ceiling"] for m in measured)),
        "recall_at_20": _round(mean(m["recall"] for m in measured)),
        "zero_result_rate": _round(
            sum(m["dead_end"] for m in with_answer) / len(with_answer) if with_answer else None
        ),
        "zero_result_queries": [m["key"] for m in measured if m["dead_end"]],
        "violations": sum(len(m["violations"]) for m in measured),
        "queries_with_violations": [m["key"] for m in measured if m["violations"]],
        "page_ms_p50": round(percentile(times, 0.5), 1),
        "page_ms_p95": round(percentile(times, 0.95), 1),
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def run(*, output: Path) -> dict:
    from bench.environment import benchmark_environment, versions

    # Its own database file, so it never empties the search benchmark's.
    os.environ.setdefault("BENCH_DATABASE_URL", f"sqlite:///{DATABASE}")

    results: dict = {
        "benchmark": "relevance",
        "judged_on": JUDGED_ON,
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "git": git_commit(),
        "machine": {**machine(), "load_average_before": load_average()},
    }
    with benchmark_environment(heap=HEAP):
        from django.test.utils import setup_test_environment

        from fairsite.search.indices import rebuild
        from jobs.search.index import postings_index

        from .loading import load_judged_set
        from .postings import POSTINGS

        # What lets the test client hand back the page's context (the results it showed).
        setup_test_environment()
        results["versions"] = versions()
        print(f"Writing {len(POSTINGS)} postings through the services...", flush=True)
        ids = load_judged_set()
        rebuilt = rebuild(postings_index)
        results["set"] = {
            "postings": len(POSTINGS),
            "live_postings": sum(1 for p in POSTINGS if p.status == "published"),
            "indexed": rebuilt.documents,
            "queries": len(QUERIES),
        }
        print(f"Asking the search page {len(QUERIES)} queries (once to warm up)...", flush=True)
        measure(QUERIES, ids)
        measured = measure(QUERIES, ids)
    by_kind = {
        kind: summarise([m for m in measured if m["kind"] == kind])
        for kind in dict.fromkeys(m["kind"] for m in measured)
    }
    results.update(overall=summarise(measured), by_kind=by_kind, queries=measured)
    results["machine"]["load_average_after"] = load_average()
    results["finished_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    write_results(output, results)
    return results


def _figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def print_report(results: dict) -> None:
    queries = results["queries"]
    rows = [
        [
            m["key"], _figure(m["ndcg"]), f"{m['precision']:.1f}/{m['precision_ceiling']:.1f}",
            _figure(m["recall"]), m["total"], len(m["violations"]), f"{m['page_ms']:.0f}",
        ]
        for m in queries
    ]  # fmt: skip
    print()
    print(table(["query", "nDCG@10", "P@5/ceiling", "R@20", "found", "never", "ms"], rows))
    print()
    rows = [
        [
            name, f["queries"], _figure(f["ndcg_at_10"]),
            f"{_figure(f['precision_at_5'])}/{_figure(f['precision_at_5_ceiling'])}",
            _figure(f["recall_at_20"]), _figure(f["zero_result_rate"]), f["violations"],
            f["page_ms_p50"],
        ]
        for name, f in [*results["by_kind"].items(), ("overall", results["overall"])]
    ]  # fmt: skip
    print(table(["queries", "n", "nDCG@10", "P@5/ceiling", "R@20", "zero", "never", "p50 ms"],
                rows))  # fmt: skip
    worst = sorted((m for m in queries if m["ndcg"] is not None), key=lambda m: m["ndcg"])
    print("\nWorst nDCG@10:", ", ".join(f"{m['key']} {m['ndcg']:.2f}" for m in worst[:WORST_SHOWN]))
    slowest = sorted(queries, key=lambda m: -m["page_ms"])[:5]
    print("Slowest pages:", ", ".join(f"{m['key']} {m['page_ms']:.0f} ms" for m in slowest))
    overall = results["overall"]
    print(f"Zero results with a good answer: {', '.join(overall['zero_result_queries']) or 'none'}")
    print(f"Must-never results: {', '.join(overall['queries_with_violations']) or 'none'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=OUTPUT, help="results file")
    args = parser.parse_args(argv)
    return run_and_report(lambda: run(output=args.output), print_report, args.output)


if __name__ == "__main__":
    sys.exit(main())
