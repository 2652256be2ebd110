"""The matching benchmark, both ways (``make bench-matching``, or ``python -m bench.matching``).

    python -m bench.matching                                   # 100k postings, 100k candidates
    python -m bench.matching --postings 5000 --candidates 5000 # a quick look

It starts its own Elasticsearch (1 GB heap) and an empty database, loads the
generated postings (``bench.loading``) and discoverable candidates
(``bench.candidates_dataset``), rebuilds both indices, warms up, then times a
sample of people and postings through the same code the pages run:

- candidate -> top 20 postings: read the profile and decrypt the preferences
  (``ranking_for``), one query, read the postings back from the database and
  word the reasons (``posting_matches_from``);
- posting -> top 20 candidates: read the posting with its credentials and
  places, one query, read the profiles back and word the reasons.

End to end is that whole path in milliseconds; ``took`` is Elasticsearch's own.
The targets are the issue's; they are reported, not asserted.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
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
from bench.report import size_label, summary, table, write_results

TARGET_P95_MS = 50
WARM_UP = 40


def _time_candidates(user_ids: list[int]) -> list[tuple[float, int, int]]:
    from candidates.matching import posting_matches_from, postings_for_candidate_search, ranking_for
    from fairsite.accounts.models import User

    timings = []
    for user_id in user_ids:
        user = User.objects.get(pk=user_id)
        started = time.perf_counter()
        ranking = ranking_for(user)
        response = postings_for_candidate_search(ranking).execute()
        matches = posting_matches_from(response, ranking)
        elapsed = (time.perf_counter() - started) * 1000
        timings.append((elapsed, response.took, len(matches)))
    return timings


def _time_postings(posting_ids: list[int]) -> list[tuple[float, int, int]]:
    from candidates.employer_matching import candidate_matches_from, candidates_for_posting_search
    from jobs.models import JobPosting

    timings = []
    for posting_id in posting_ids:
        started = time.perf_counter()
        posting = (
            JobPosting.objects.select_related("employer")
            .prefetch_related("locations", "required_credentials", "preferred_credentials")
            .get(pk=posting_id)
        )
        response = candidates_for_posting_search(posting).execute()
        matches = candidate_matches_from(response, posting)
        elapsed = (time.perf_counter() - started) * 1000
        timings.append((elapsed, response.took, len(matches)))
    return timings


def _summarise(timings: list[tuple[float, int, int]]) -> dict:
    results = sorted(t[2] for t in timings)
    return {
        "end_to_end_ms": summary([t[0] for t in timings]),
        "took_ms": summary([float(t[1]) for t in timings]),
        "results_median": results[len(results) // 2] if results else 0,
        "with_no_result": sum(1 for n in results if n == 0),
    }


def run(*, postings: int, candidates: int, sample: int, output: Path) -> dict:
    results: dict = {
        "benchmark": "matching",
        "postings": postings,
        "candidates": candidates,
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "git": git_commit(),
        "machine": {**machine(), "load_average_before": load_average()},
    }
    with benchmark_environment() as environment:
        from django.db import connection

        from bench.candidates_dataset import load_candidates
        from bench.loading import load_dataset
        from candidates.models import CandidateProfile
        from candidates.search import candidates_index
        from fairsite.search.indices import rebuild
        from jobs.models import JobPosting
        from jobs.search.index import postings_index

        results["versions"] = versions()
        results["elasticsearch"] = {"heap": environment.heap}
        results["database"] = connection.vendor
        print(f"Loading {postings:,} postings and {candidates:,} candidates...", flush=True)
        loaded = load_dataset(postings)
        people = load_candidates(candidates)
        results["dataset"] = {
            "employers": loaded.employers,
            "live_postings": loaded.live_postings,
            "candidates": people.candidates,
            "candidates_with_preferences": people.with_preferences,
            "load_seconds": round(loaded.seconds + people.seconds, 1),
        }
        for index in (postings_index, candidates_index):
            print(f"Rebuilding the {index.name} index...", flush=True)
            started = time.monotonic()
            report = rebuild(index)
            seconds = round(time.monotonic() - started, 1)
            results[f"rebuild_{index.name}"] = {"documents": report.documents, "seconds": seconds}
        results["elasticsearch"]["indices"] = index_layout(postings_index, candidates_index)
        rng = random.Random("matching-sample")
        user_ids = list(CandidateProfile.objects.values_list("user_id", flat=True))
        posting_ids = list(JobPosting.objects.visible().values_list("pk", flat=True))
        print("Warming up...", flush=True)
        _time_candidates(rng.sample(user_ids, min(WARM_UP, len(user_ids))))
        _time_postings(rng.sample(posting_ids, min(WARM_UP, len(posting_ids))))
        results["machine"]["load_average_measuring_start"] = load_average()
        print(f"Measuring {sample} people and {sample} postings...", flush=True)
        people_sample = rng.sample(user_ids, min(sample, len(user_ids)))
        postings_sample = rng.sample(posting_ids, min(sample, len(posting_ids)))
        results["candidate_to_postings"] = _summarise(_time_candidates(people_sample))
        results["posting_to_candidates"] = _summarise(_time_postings(postings_sample))
    results["machine"]["load_average_after"] = load_average()
    results["finished_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    results["targets"] = [
        {
            "figure": f"{direction} end to end p95 (ms)",
            "measured": results[direction]["end_to_end_ms"]["p95"],
            "target": TARGET_P95_MS,
            "met": results[direction]["end_to_end_ms"]["p95"] <= TARGET_P95_MS,
        }
        for direction in ("candidate_to_postings", "posting_to_candidates")
    ]
    write_results(output, results)
    return results


def print_report(results: dict) -> None:
    rows = []
    for direction in ("candidate_to_postings", "posting_to_candidates"):
        for measure in ("end_to_end_ms", "took_ms"):
            f = results[direction][measure]
            name = f"{direction.replace('_', ' ')} {measure[:-3].replace('_', ' ')}"
            rows.append([name, f["n"], f["p50"], f["p95"], f["p99"], f["max"]])
    print()
    print(table(["matching (ms)", "n", "p50", "p95", "p99", "max"], rows))
    print()
    for target in results["targets"]:
        met = "yes" if target["met"] else "NO"
        print(f"{target['figure']}: {target['measured']} (target <= {target['target']}): {met}")
    m = results["machine"]
    print(
        f"\n{m['cpu']}, {m['cores']} cores; load average before {m['load_average_before']}, "
        f"after {m['load_average_after']}."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postings", type=int, default=100_000, help="live postings (100,000)")
    parser.add_argument("--candidates", type=int, default=100_000, help="candidates (100,000)")
    parser.add_argument("--sample", type=int, default=200, help="people and postings timed")
    parser.add_argument("--output", type=Path, help="results file")
    args = parser.parse_args(argv)
    label = f"{size_label(args.postings)}-{size_label(args.candidates)}"
    output = args.output or results_file(f"matching-{label}")
    return run_and_report(
        lambda: run(
            postings=args.postings, candidates=args.candidates, sample=args.sample, output=output
        ),
        print_report,
        output,
    )


if __name__ == "__main__":
    sys.exit(main())
