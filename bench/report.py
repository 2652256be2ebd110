"""Percentiles, the results file and the printed table, for every benchmark script."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path


def size_label(n: int) -> str:
    """How a results file names a size: 100000 -> "100k", 2500 -> "2500"."""
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)


def percentile(values: Sequence[float], fraction: float) -> float:
    """The value below which ``fraction`` of ``values`` lie, interpolated between ranks.

    The same definition as numpy's default ("linear"), so anyone can check a figure.
    """
    if not values:
        return math.nan
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summary(values: Sequence[float], *, digits: int = 1) -> dict:
    """n, p50, p95, p99 and max of ``values``, rounded."""
    return {
        "n": len(values),
        "p50": round(percentile(values, 0.50), digits),
        "p95": round(percentile(values, 0.95), digits),
        "p99": round(percentile(values, 0.99), digits),
        "max": round(max(values), digits) if values else math.nan,
    }


def write_results(path: Path, results: dict) -> None:
    """Write the results file in one go (a run that fails leaves the previous one intact)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(path.suffix + ".tmp")
    partial.write_text(json.dumps(results, indent=2, default=str) + "\n")
    partial.replace(path)


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain-text table: the first column left-aligned, the others right-aligned."""
    cells = [[str(cell) for cell in row] for row in [headers, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        first, *rest = row
        return "  ".join(
            [
                first.ljust(widths[0]),
                *(cell.rjust(width) for cell, width in zip(rest, widths[1:], strict=True)),
            ]
        )

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(cells[0]), rule, *(line(row) for row in cells[1:])])


def read(results: dict, path: tuple[str, ...]):
    """The figure at ``path`` in a results dict, or None where it is missing."""
    value = results
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def meets(value: float, target: float, kind: str) -> bool:
    """Whether ``value`` meets ``target``: at most it ("max"), or at least it ("min")."""
    return value <= target if kind == "max" else value >= target


def check_targets(results: dict, targets: Sequence[tuple]) -> list[dict]:
    """Each (figure, path, target, "max" or "min"), with what was measured and if it was met."""
    found = []
    for name, path, target, kind in targets:
        value = read(results, path)
        met = None if value is None else meets(value, target, kind)
        found.append(
            {"figure": name, "measured": value, "target": target, "kind": kind, "met": met}
        )
    return found


def targets_table(found: Sequence[dict]) -> str:
    """The targets and what was measured, as a printed table."""
    return table(
        ["target", "measured", "target", "met"],
        [
            [
                t["figure"],
                t["measured"],
                f"{'<=' if t['kind'] == 'max' else '>='} {t['target']}",
                {True: "yes", False: "NO", None: "?"}[t["met"]],
            ]
            for t in found
        ],
    )
