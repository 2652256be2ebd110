"""The cost curve: the scale benchmarks' figures at each size, side by side
(``make bench-curve``, or ``python -m bench.curve``).

    python -m bench.curve                       # 10k, 100k and 1M
    python -m bench.curve --sizes 10000 100000  # the sizes you have
    python -m bench.curve --database postgresql # the runs on PostgreSQL

It reads the results files the benchmarks wrote for each size:

    make bench BENCH_ARGS="--postings N"                              -> search-<N>.json
    make bench-matching BENCH_ARGS="--postings N --candidates N"      -> matching-<N>-<N>.json
    make bench-alerts BENCH_ARGS="--alerts N"                         -> alerts-<N>.json

(with ``BENCH_DATABASE_URL=postgres://...``, the same names ending in
``-postgresql.json``, read with ``--database postgresql``)

and prints, for every figure, its value at each size, how much it grew from the
last size but one to the last (100k -> 1M by default), and whether the largest
size meets the targets set for a million: a ceiling or floor for the figure
itself, and one for its growth.
"Flat" is read as no more than a fifth worse (FLAT): a time that grows at
most 1.2 times, a rate that falls to no less than 1/1.2 of what it was. A size whose file
is missing shows "-": nothing is filled in. Each file's commit and start time are printed under the
table, since a curve means most from one commit on one quiet machine.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.environment import RESULTS_DIR, results_file
from bench.report import meets, read, size_label, table

SIZES = (10_000, 100_000, 1_000_000)
FLAT = 1.2  # "flat": no more than a fifth worse than at the size before


@dataclass(frozen=True)
class Figure:
    name: str
    file: str  # the results file's name, "{size}" standing for the size as the benchmarks write it
    path: tuple[str, ...]  # where the figure is in the file
    target: float  # at the largest size
    kind: str  # "max": the figure may be at most target; "min": at least
    growth: float | None  # the most it may grow from the size before; None: no target
    # A rate ("min" figures): the growth target is how far it may fall (1/growth).

    def file_for(self, size: int, database: str = "sqlite") -> str:
        # The benchmarks name their files with size_label (1,000,000 -> "1000k")
        # and the database (bench.environment.results_file).
        stem = self.file.format(size=size_label(size)).removesuffix(".json")
        return results_file(stem, database).name


FIGURES = (
    Figure(
        "search page p95 (ms)",
        "search-{size}.json",
        ("search", "overall", "page_ms", "p95"),
        80,
        "max",
        1.5,
    ),
    Figure(
        "candidate -> top 20 postings p95 (ms)",
        "matching-{size}-{size}.json",
        ("candidate_to_postings", "end_to_end_ms", "p95"),
        70,
        "max",
        1.5,
    ),
    Figure(
        "posting -> top 20 candidates p95 (ms)",
        "matching-{size}-{size}.json",
        ("posting_to_candidates", "end_to_end_ms", "p95"),
        70,
        "max",
        1.5,
    ),
    Figure(
        "one new posting against all alerts p95 (ms)",
        "alerts-{size}.json",
        ("matching", "end_to_end_ms", "p95"),
        80,
        "max",
        1.5,
    ),
    Figure(
        "daily digest, every alert (s)",
        "alerts-{size}.json",
        ("digest", "seconds_for_every_alert"),
        600,
        "max",
        None,
    ),
    Figure(
        "full rebuild (postings/s)",
        "search-{size}.json",
        ("rebuild", "per_second"),
        5_000,
        "min",
        FLAT,
    ),
    Figure(
        "publish -> searchable p95 (s)",
        "search-{size}.json",
        ("publish", "p95"),
        2,
        "max",
        FLAT,
    ),
    Figure(
        "web worker RSS after 1,000 searches (MB)",
        "search-{size}.json",
        ("web_memory", "rss_mb_after"),
        150,
        "max",
        FLAT,
    ),
    Figure(
        "web worker RSS growth after warm-up (MB)",
        "search-{size}.json",
        ("web_memory", "growth_mb"),
        5,
        "max",
        None,
    ),
)


def label(size: int) -> str:
    """How the curve names a size: 10k, 100k, 1M."""
    return f"{size // 1_000_000}M" if size % 1_000_000 == 0 else size_label(size)


def load(
    results_dir: Path, sizes: tuple[int, ...], database: str = "sqlite"
) -> dict[str, dict | None]:
    """Every results file the figures need, by file name (None where missing)."""
    files: dict[str, dict | None] = {}
    for figure in FIGURES:
        for size in sizes:
            name = figure.file_for(size, database)
            if name not in files:
                path = results_dir / name
                files[name] = json.loads(path.read_text()) if path.exists() else None
    return files


def curve(
    files: dict[str, dict | None], sizes: tuple[int, ...], database: str = "sqlite"
) -> list[dict]:
    """Each figure at each size, its growth over the last step and whether the
    targets at the largest size are met (None when it cannot be told)."""
    rows = []
    for figure in FIGURES:
        values: list[float | None] = []
        for size in sizes:
            results = files.get(figure.file_for(size, database))
            value = read(results, figure.path) if results else None
            values.append(value)
        last, before = values[-1], values[-2] if len(values) > 1 else None
        growth = round(last / before, 2) if last is not None and before else None
        if growth is None or figure.growth is None:
            growth_met = None
        elif figure.kind == "min":
            growth_met = growth >= 1 / figure.growth
        else:
            growth_met = growth <= figure.growth
        rows.append(
            {
                "figure": figure.name,
                "values": values,
                "growth": growth,
                "target": figure.target,
                "kind": figure.kind,
                "growth_target": figure.growth,
                "met": None if last is None else meets(last, figure.target, figure.kind),
                "growth_met": growth_met,
            }
        )
    return rows


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:,}"


def render(rows: list[dict], sizes: tuple[int, ...]) -> str:
    yes_no = {True: "yes", False: "NO", None: "?"}
    step = f"{label(sizes[-2])} -> {label(sizes[-1])}" if len(sizes) > 1 else "growth"
    headers = ["figure", *(label(s) for s in sizes), step, "target (at 1M)"]
    headers += ["met", "growth target", "met"]
    body = []
    for row in rows:
        sign = "<=" if row["kind"] == "max" else ">="
        if row["growth_target"] is None:
            growth_target = "-"
        elif row["kind"] == "min":
            growth_target = f">= x{round(1 / row['growth_target'], 2)}"
        else:
            growth_target = f"<= x{row['growth_target']}"
        body.append(
            [
                row["figure"],
                *(_cell(v) for v in row["values"]),
                "-" if row["growth"] is None else f"x{row['growth']}",
                f"{sign} {row['target']:,}",
                yes_no[row["met"]],
                growth_target,
                yes_no[row["growth_met"]],
            ]
        )
    return table(headers, body)


def provenance(files: dict[str, dict | None]) -> list[str]:
    """Where each figure comes from: file, commit and start time."""
    lines = []
    for name, results in sorted(files.items()):
        if results is None:
            lines.append(f"{name}: not run")
            continue
        git = results.get("git") or {}
        commit = (git.get("commit") or "?")[:7] + (" (dirty)" if git.get("dirty") else "")
        lines.append(f"{name}: {commit}, started {results.get('started_at', '?')}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=list(SIZES), help="sizes, smallest first"
    )
    parser.add_argument("--results", type=Path, default=RESULTS_DIR, help="results folder")
    parser.add_argument(
        "--database",
        choices=("sqlite", "postgresql"),
        default="sqlite",
        help="the runs on this database (sqlite)",
    )
    args = parser.parse_args(argv)
    sizes = tuple(sorted(args.sizes))
    files = load(args.results, sizes, args.database)
    print(render(curve(files, sizes, args.database), sizes))
    print()
    print("\n".join(provenance(files)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
