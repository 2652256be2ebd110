"""Two ways of asking Elasticsearch the same searches, timed side by side (the
one-off comparisons ``bench.facets_ab`` and ``bench.shards_ab``).

Each way gets every query of the set ``REPEAT`` times, the two in alternating
order so neither always meets the caches warmed by the other; ``same`` checks
each pair of answers agree. ``took`` is collected by query class and overall.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from bench.report import percentile

if TYPE_CHECKING:  # bench.queries reads the models: only once Django is set up
    from bench.queries import BenchQuery

REPEAT = 5
WARM_UP = 40  # queries asked both ways before timing


def compare_took(
    queries: Sequence[BenchQuery],
    ways: dict[str, Callable[[BenchQuery], dict]],
    same: Callable[[BenchQuery, dict, dict], None],
) -> dict[str, dict[str, list[int]]]:
    """``took`` of each way's answers, by class and under "all"."""
    (first, ask_first), (second, ask_second) = ways.items()
    for query in queries[:WARM_UP]:
        ask_first(query)
        ask_second(query)
    took: dict[str, dict[str, list[int]]] = {first: {}, second: {}}
    for run in range(REPEAT):
        for query in queries:
            order = [first, second] if run % 2 == 0 else [second, first]
            answers = {label: ways[label](query) for label in order}
            for label, answer in answers.items():
                took[label].setdefault(query.kind, []).append(answer["took"])
                took[label].setdefault("all", []).append(answer["took"])
            same(query, answers[first], answers[second])
    return took


def print_took(took: dict[str, dict[str, list[int]]]) -> None:
    """p50 and p95 of ``took`` by class, the ways side by side."""
    first = next(iter(took.values()))
    for kind in first:
        line = [f"{kind:16}"]
        for label, by_kind in took.items():
            p50, p95 = (percentile(by_kind[kind], f) for f in (0.5, 0.95))
            line.append(f"{label} p50 {p50:6.1f} p95 {p95:6.1f}")
        print("   ".join(line), flush=True)
