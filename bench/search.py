"""The job search benchmark, in one run (``make bench``, or ``python -m bench.search``).

    python -m bench.search                  # 100,000 postings -> bench/results/search-100k.json
    python -m bench.search --postings 5000  # a quick look -> bench/results/search-5k.json

It starts its own Elasticsearch (1 GB heap) and an empty database, loads the
generated postings, rebuilds the postings index and times it, warms up, then
measures a fixed query set through the search page, Elasticsearch's own
``took`` and the database answer, and the delay from publishing a posting to
finding it with a real worker running, and the memory of one production web
worker over 1,000 searches (``bench.web_memory``). It writes a results file
and prints a table. The targets are the issue's; they are reported, not asserted.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from bench import web_memory
from bench.environment import (
    benchmark_environment,
    git_commit,
    index_layout,
    load_average,
    machine,
    results_file,
    run_and_report,
    running_worker,
    sampled_load,
    versions,
)
from bench.report import check_targets, size_label, table, targets_table, write_results

WARM_UP_QUERIES = 25  # per class, from another seed: warm caches without replaying the set
WARM_UP_DATABASE_QUERIES = 8
# The first on a server just started, then three whose median is reported.
REBUILD_RUNS = 4

# (figure, how it is read from the results, target, "max" or "min")
TARGETS = [
    ("search page p95 (ms)", ("search", "overall", "page_ms", "p95"), 60, "max"),
    ("page p95 / took p95", ("search", "overall", "page_to_took_p95"), 3, "max"),
    ("database p95 / page p95", ("search", "overall", "database_to_page_p95"), 10, "min"),
    ("rebuild (postings/s)", ("rebuild", "per_second"), 5_000, "min"),
    ("publish -> searchable p95 (s)", ("publish", "p95"), 2, "max"),
    ("web worker RSS after 1,000 searches (MB)", ("web_memory", "rss_mb_after"), 150, "max"),
    ("web worker RSS growth after warm-up (MB)", ("web_memory", "growth_mb"), 5, "max"),
]


def run(*, postings: int, per_class: int, publish: int, output: Path, note: str = "") -> dict:
    results: dict = {
        "benchmark": "search",
        "postings": postings,
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "git": git_commit(),
        "machine": {**machine(), "note": note, "load_average_before": load_average()},
    }
    with sampled_load() as load, benchmark_environment() as environment:
        # Only now is Django configured, on the server just started.
        from django.db import connection

        from bench.loading import load_dataset
        from bench.queries import query_set
        from bench.search_measures import (
            measure_publish_delay,
            measure_queries,
            measure_rebuild,
            summarise_queries,
        )
        from jobs.search.index import postings_index

        results["versions"] = versions()
        results["elasticsearch"] = {"heap": environment.heap}
        results["database"] = connection.vendor
        print(f"Generating and loading {postings:,} postings...", flush=True)
        loaded = load_dataset(postings)
        results["dataset"] = {
            "employers": loaded.employers,
            "postings_written": loaded.postings,
            "live_postings": loaded.live_postings,
            "load_seconds": loaded.seconds,
        }
        print(f"Rebuilding the postings index {REBUILD_RUNS} times...", flush=True)
        results["rebuild"] = measure_rebuild(
            runs=REBUILD_RUNS, elasticsearch_pid=environment.elasticsearch_pid
        )
        results["elasticsearch"]["indices"] = index_layout(postings_index)
        print("Warming up...", flush=True)
        warm_up = query_set(per_class=WARM_UP_QUERIES, seed=1)
        measure_queries(warm_up, database=False)
        measure_queries(warm_up[:WARM_UP_DATABASE_QUERIES])
        queries = query_set(per_class=per_class)
        print(f"Measuring {len(queries)} searches (page, took, database)...", flush=True)
        results["machine"]["load_average_searches_start"] = load_average()
        timings = measure_queries(queries)
        results["search"] = summarise_queries(timings)
        # So far, should a later step fail (at a million postings, the measures
        # above take most of an hour).
        write_results(output, results)
        print(f"Publishing {publish} postings one at a time, with a worker running...", flush=True)
        with running_worker():
            results["publish"] = measure_publish_delay(publish)
        print(
            f"A web worker's memory over {len(queries)} searches, then "
            f"{web_memory.REQUESTS:,} more...",
            flush=True,
        )
        results["web_memory"] = web_memory.measure_web_memory(
            [query.url for query in queries], environment.elasticsearch_url
        )
        results["queries"] = [
            [
                t.kind,
                t.url,
                t.page_ms,
                t.engine_ms,
                t.took_ms,
                t.database_ms,
                t.total,
                t.database_total,
            ]
            for t in timings
        ]
        results["queries_columns"] = [
            "class", "url", "page_ms", "engine_ms", "took_ms", "database_ms", "results",
            "database_results",
        ]  # fmt: skip
    results["machine"]["load_during_run"] = load
    results["machine"]["load_average_after"] = load_average()
    results["finished_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    results["targets"] = targets(results)
    write_results(output, results)
    return results


def targets(results: dict) -> list[dict]:
    return check_targets(results, TARGETS)


def print_report(results: dict) -> None:
    search = results["search"]
    rows = []
    for kind, figures in search.items():
        for measure in ("page_ms", "engine_ms", "took_ms", "database_ms"):
            if measure in figures:
                f = figures[measure]
                rows.append(
                    [f"{kind} {measure[:-3]}", f["n"], f["p50"], f["p95"], f["p99"], f["max"]]
                )
    print()
    print(table(["search (ms)", "n", "p50", "p95", "p99", "max"], rows))
    print()
    print(targets_table(results["targets"]))
    memory = results["web_memory"]
    print(
        f"\nOne web worker: {memory['rss_mb_after_warm_up']} MB after {memory['warm_up_requests']} "
        f"searches, {memory['rss_mb_after']} MB after {memory['requests']:,} more "
        f"({memory['errors']} errors)."
    )
    dataset, rebuild = results["dataset"], results["rebuild"]
    m = results["machine"]
    load = m["load_during_run"]
    print(
        f"\n{dataset['live_postings']:,} live postings ({dataset['postings_written']:,} written) "
        f"from {dataset['employers']:,} employers; rebuild {rebuild['documents']:,} documents "
        f"in {rebuild['seconds']} s (median of {len(rebuild['runs']) - 1} after the first, "
        f"which took {rebuild['first_run']['seconds']} s).\n"
        f"{m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB; "
        f"load average before {m['load_average_before']}, after {m['load_average_after']}; "
        f"1-minute load during the run {load['one_minute_min']} to {load['one_minute_max']} "
        f"(mean {load['one_minute_mean']})."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postings", type=int, default=100_000, help="live postings (100,000)")
    parser.add_argument("--per-class", type=int, default=50, help="queries per class (50)")
    parser.add_argument("--publish", type=int, default=50, help="postings to publish (50)")
    parser.add_argument(
        "--output", type=Path, help="results file (bench/results/search-<N>[-postgresql].json)"
    )
    parser.add_argument(
        "--note", default="", help="what else the machine was doing, for the results file"
    )
    args = parser.parse_args(argv)
    output = args.output or results_file(f"search-{size_label(args.postings)}")
    return run_and_report(
        lambda: run(
            postings=args.postings,
            per_class=args.per_class,
            publish=args.publish,
            output=output,
            note=args.note,
        ),
        print_report,
        output,
    )


if __name__ == "__main__":
    sys.exit(main())
