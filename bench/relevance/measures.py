"""The figures of a judged search, from a ranked list of posting keys.

Conventions (TREC-style graded judgements): grades 3 ideal, 2 good, 1
plausible, 0 wrong (unlisted = 0); a posting that must never appear gains 0
wherever it is ranked.

    ndcg            nDCG@10: gain 2^grade - 1, log2 discount, the ideal ranking
                    made from every judged grade of the query
    precision       share of the top 5 graded 2 or more (with its ceiling, the
                    best share possible when fewer than 5 postings are graded so)
    recall          share of the postings graded 2 or more found in the top 20
    violations      postings that must never appear, in the top 20
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

NDCG_DEPTH = 10
PRECISION_DEPTH = 5
RECALL_DEPTH = 20
VIOLATION_DEPTH = 20
RELEVANT = 2  # the grade from which a posting counts as a good answer


def gain(grade: int) -> float:
    return 2.0**grade - 1


def dcg(gains: Iterable[float]) -> float:
    """Discounted cumulative gain: the gain at rank r (from 1) divided by log2(r + 1)."""
    return sum(value / math.log2(rank + 1) for rank, value in enumerate(gains, start=1))


def _grade(key: str, grades: Mapping[str, int], never: set[str]) -> int:
    return 0 if key in never else grades.get(key, 0)


def ndcg(
    ranked: Sequence[str], grades: Mapping[str, int], never: set[str] = frozenset(),
    depth: int = NDCG_DEPTH,
) -> float | None:  # fmt: skip
    """nDCG at `depth`; None when the query has no posting graded above 0."""
    ideal = dcg(sorted((gain(g) for g in grades.values() if g > 0), reverse=True)[:depth])
    if ideal == 0:
        return None
    return dcg(gain(_grade(key, grades, never)) for key in ranked[:depth]) / ideal


def relevant_count(grades: Mapping[str, int]) -> int:
    return sum(1 for grade in grades.values() if grade >= RELEVANT)


def precision(
    ranked: Sequence[str], grades: Mapping[str, int], never: set[str] = frozenset(),
    depth: int = PRECISION_DEPTH,
) -> float:  # fmt: skip
    """Share of the top `depth` places holding a posting graded 2 or more."""
    good = sum(1 for key in ranked[:depth] if _grade(key, grades, never) >= RELEVANT)
    return good / depth


def precision_ceiling(grades: Mapping[str, int], depth: int = PRECISION_DEPTH) -> float:
    """The best precision possible: below 1 when fewer than `depth` postings are relevant."""
    return min(relevant_count(grades), depth) / depth


def recall(
    ranked: Sequence[str], grades: Mapping[str, int], never: set[str] = frozenset(),
    depth: int = RECALL_DEPTH,
) -> float | None:  # fmt: skip
    """Share of the postings graded 2 or more found in the top `depth`; None if there are none."""
    total = relevant_count(grades)
    if total == 0:
        return None
    found = sum(1 for key in ranked[:depth] if _grade(key, grades, never) >= RELEVANT)
    return found / total


def violations(ranked: Sequence[str], never: set[str], depth: int = VIOLATION_DEPTH) -> list[str]:
    """The postings in the top `depth` that must never appear there."""
    return [key for key in ranked[:depth] if key in never]


def is_dead_end(ranked: Sequence[str], grades: Mapping[str, int]) -> bool:
    """Nothing found for a query that has a good answer (the zero-result rate counts these)."""
    return not ranked and relevant_count(grades) > 0


@dataclass(frozen=True)
class QueryFigures:
    ndcg: float | None
    precision: float
    precision_ceiling: float
    recall: float | None
    dead_end: bool
    violations: list[str]


def figures(ranked: Sequence[str], grades: Mapping[str, int], never: set[str]) -> QueryFigures:
    return QueryFigures(
        ndcg=ndcg(ranked, grades, never),
        precision=precision(ranked, grades, never),
        precision_ceiling=precision_ceiling(grades),
        recall=recall(ranked, grades, never),
        dead_end=is_dead_end(ranked, grades),
        violations=violations(ranked, never),
    )


def mean(values: Iterable[float | None]) -> float | None:
    """The mean of the values that are defined; None if none is."""
    defined = [value for value in values if value is not None]
    return sum(defined) / len(defined) if defined else None
