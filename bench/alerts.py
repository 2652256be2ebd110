"""The job alerts benchmark, in one run (``make bench-alerts``, or ``python -m bench.alerts``).

    python -m bench.alerts                 # 100,000 alerts -> bench/results/alerts-100k.json
    python -m bench.alerts --alerts 10000  # a quick look -> bench/results/alerts-10k.json

It starts its own Elasticsearch (1 GB heap) and an empty database, loads the
search benchmark's generated postings (fewer: they are what gets matched, not
what is searched) and the generated alerts (``bench.alert_dataset``), rebuilds
both indices, warms up, then measures matching one new posting against every
alert, whole checks with their instant emails, and one daily digest run over
every alert (``bench.alert_measures``). The targets are the issue's; they are
reported, not asserted.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from bench.environment import (
    benchmark_environment,
    git_commit,
    index_layout,
    load_average,
    machine,
    results_file,
    run_and_report,
    versions,
)
from bench.report import check_targets, size_label, table, targets_table, write_results

WARM_UP_POSTINGS = 30

# (figure, how it is read from the results, target, "max" or "min")
TARGETS = [
    ("match one posting p95 (ms)", ("matching", "end_to_end_ms", "p95"), 60, "max"),
    ("daily digest, every alert (s)", ("digest", "seconds_for_every_alert"), 600, "max"),
]


def run(
    *,
    alerts: int,
    postings: int,
    samples: int,
    checks: int,
    digest_seconds: float | None,
    output: Path,
) -> dict:
    results: dict = {
        "benchmark": "alerts",
        "alerts": alerts,
        "postings": postings,
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "git": git_commit(),
        "machine": {**machine(), "load_average_before": load_average()},
    }
    with benchmark_environment() as environment:
        from django.db import connection

        from bench.alert_dataset import load_alerts
        from bench.alert_measures import (
            measure_alerts_rebuild,
            measure_checks,
            measure_daily_digest,
            measure_matching,
            sample_postings,
        )
        from bench.loading import load_dataset
        from bench.search_measures import measure_rebuild
        from candidates.alerts.search import alerts_index
        from jobs.search.index import postings_index

        results["versions"] = versions()
        results["elasticsearch"] = {"heap": environment.heap}
        results["database"] = connection.vendor
        print(f"Loading {postings:,} postings and {alerts:,} alerts...", flush=True)
        loaded = load_dataset(postings)
        results["dataset"] = {
            "live_postings": loaded.live_postings,
            "alerts": load_alerts(alerts),
            "postings_index": measure_rebuild(),
        }
        print("Rebuilding the alerts index...", flush=True)
        results["rebuild"] = measure_alerts_rebuild()
        results["elasticsearch"]["indices"] = index_layout(postings_index, alerts_index)
        print("Warming up...", flush=True)
        measure_matching(sample_postings(WARM_UP_POSTINGS, offset=7))
        print(f"Matching {samples} postings against every alert...", flush=True)
        results["machine"]["load_average_matching_start"] = load_average()
        results["matching"], matched = measure_matching(sample_postings(samples))
        write_results(output, results)  # so far, should a later step fail
        print(f"Checking {checks} postings (matches recorded, instant emails queued)...")
        results["checks"] = measure_checks(sample_postings(checks, offset=3))
        print("Sending the daily digest of every alert...", flush=True)
        results["machine"]["load_average_digest_start"] = load_average()
        results["digest"] = measure_daily_digest(matched, max_seconds=digest_seconds)
    results["machine"]["load_average_after"] = load_average()
    results["finished_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    results["targets"] = targets(results)
    write_results(output, results)
    return results


def targets(results: dict) -> list[dict]:
    return check_targets(results, TARGETS)


def print_report(results: dict) -> None:
    matching, checks = results["matching"], results["checks"]
    rows = [
        ["match end to end (ms)", *_figures(matching["end_to_end_ms"])],
        ["match took (ms)", *_figures(matching["took_ms"])],
        ["alerts matched per posting", *_figures(matching["matches_per_posting"])],
        ["whole check (ms)", *_figures(checks["ms"])],
        ["instant emails per check", *_figures(checks["instant_emails_per_posting"])],
    ]
    print()
    print(table(["alerts", "n", "p50", "p95", "p99", "max"], rows))
    digest = results["digest"]
    print(
        f"\nDaily digest: {digest['alerts']:,} alerts, {digest['alerts_with_new_postings']:,} "
        f"with new postings; {digest['emails']:,} emails listing {digest['postings_listed']:,} "
        f"postings in {digest['seconds']} s ({digest['emails_per_second']} emails/s)."
    )
    if not digest["complete"]:
        print(
            f"Stopped with {digest['alerts_still_due']:,} alerts still due; every alert "
            f"would take about {digest['seconds_for_every_alert']} s at that rate."
        )
    print()
    print(targets_table(results["targets"]))
    rebuild, m = results["rebuild"], results["machine"]
    print(
        f"\nAlerts index rebuilt: {rebuild['documents']:,} documents in {rebuild['seconds']} s."
        f"\n{m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB; load average before "
        f"{m['load_average_before']}, after {m['load_average_after']}."
    )


def _figures(figures: dict) -> list:
    return [figures["n"], figures["p50"], figures["p95"], figures["p99"], figures["max"]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--alerts", type=int, default=100_000, help="alerts (100,000)")
    parser.add_argument("--postings", type=int, default=5_000, help="live postings (5,000)")
    parser.add_argument("--samples", type=int, default=200, help="postings matched (200)")
    parser.add_argument("--checks", type=int, default=20, help="whole checks (20)")
    parser.add_argument(
        "--digest-seconds",
        type=float,
        help="stop the digest run then and extrapolate to every alert (default: run it all)",
    )
    parser.add_argument(
        "--output", type=Path, help="results file (bench/results/alerts-<N>[-postgresql].json)"
    )
    args = parser.parse_args(argv)
    output = args.output or results_file(f"alerts-{size_label(args.alerts)}")
    return run_and_report(
        lambda: run(
            alerts=args.alerts,
            postings=args.postings,
            samples=args.samples,
            checks=args.checks,
            digest_seconds=args.digest_seconds,
            output=output,
        ),
        print_report,
        output,
    )


if __name__ == "__main__":
    sys.exit(main())
