"""The judged set's figures, checked against values worked out by hand."""

import math

import pytest

from bench.relevance.measures import (
    dcg,
    figures,
    gain,
    is_dead_end,
    mean,
    ndcg,
    precision,
    precision_ceiling,
    recall,
    violations,
)

GRADES = {"a": 3, "b": 2, "c": 1}
# The ideal order a, b, c: 7/log2(2) + 3/log2(3) + 1/log2(4) = 7 + 1.892789 + 0.5
IDEAL = 9.392789


def test_gain_is_two_to_the_grade_less_one():
    assert [gain(grade) for grade in (0, 1, 2, 3)] == [0, 1, 3, 7]


def test_dcg_discounts_by_log2_of_the_rank_plus_one():
    assert dcg([7, 3, 1]) == pytest.approx(IDEAL, abs=1e-6)
    assert dcg([0, 0, 7]) == pytest.approx(3.5)


def test_ndcg_of_the_ideal_order_is_one_and_of_a_swapped_order_less():
    assert ndcg(["a", "b", "c"], GRADES) == pytest.approx(1)
    # b first, a second, then an unjudged posting: 3/1 + 7/log2(3) = 3 + 4.416508
    assert ndcg(["b", "a", "x"], GRADES) == pytest.approx(7.416508 / IDEAL, abs=1e-6)
    assert ndcg(["b", "a", "x"], GRADES) == pytest.approx(0.789596, abs=1e-6)


def test_the_ideal_uses_every_judged_grade_even_those_not_found():
    # Only c found, at the top: 1 / 9.392789
    assert ndcg(["c"], GRADES) == pytest.approx(0.106465, abs=1e-6)


def test_ndcg_looks_at_the_first_ten_only():
    ranked = [f"x{n}" for n in range(10)] + ["a"]
    assert ndcg(ranked, GRADES) == 0


def test_a_posting_that_must_never_appear_gains_nothing():
    # a gains 0 at rank 1; b gains 3/log2(3) = 1.892789 at rank 2
    assert ndcg(["a", "b"], GRADES, never={"a"}) == pytest.approx(1.892789 / IDEAL, abs=1e-6)


def test_ndcg_is_undefined_when_nothing_is_graded_above_zero():
    assert ndcg(["a"], {}) is None
    assert ndcg(["a"], {"a": 0}) is None


def test_precision_counts_grades_of_two_or_more_in_the_top_five():
    assert precision(["b", "c", "a", "x", "y", "z"], GRADES) == pytest.approx(0.4)
    assert precision(["c", "x", "y", "z", "w", "a"], GRADES) == 0
    assert precision(["a", "b"], GRADES, never={"b"}) == pytest.approx(0.2)
    # With only two good postings the best possible is 2 of 5.
    assert precision_ceiling(GRADES) == pytest.approx(0.4)
    assert precision_ceiling({str(n): 2 for n in range(7)}) == 1


def test_recall_is_the_share_of_good_postings_in_the_top_twenty():
    assert recall(["a"], GRADES) == pytest.approx(0.5)
    assert recall([f"x{n}" for n in range(20)] + ["a", "b"], GRADES) == 0
    assert recall(["a", "b"], GRADES, never={"b"}) == pytest.approx(0.5)
    assert recall(["c"], {"c": 1}) is None


def test_a_dead_end_is_nothing_found_when_something_good_was_there():
    assert is_dead_end([], GRADES)
    assert not is_dead_end(["x"], GRADES)
    assert not is_dead_end([], {"c": 1})


def test_violations_are_must_never_postings_in_the_top_twenty():
    ranked = ["a", "n1"] + [f"x{n}" for n in range(18)] + ["n2"]
    assert violations(ranked, {"n1", "n2"}) == ["n1"]


def test_figures_and_means_together():
    found = figures(["b", "n", "a"], GRADES, never={"n"})
    assert found.ndcg == pytest.approx((3 + 7 / 2) / IDEAL)
    assert found.precision == pytest.approx(0.4)
    assert found.recall == 1
    assert found.violations == ["n"]
    assert not found.dead_end
    assert mean([1.0, None, 0.5]) == pytest.approx(0.75)
    assert mean([None]) is None
    assert math.isclose(dcg([]), 0)
