"""score_indicator on quantitative operators (scoring.md, "One indicator"): met, unmet, edges, exact values."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao.scoring import score_indicator
from tests.scoring_factory import policy, quant

W = D(10)


def score(op: str, target: object, actual: object, name: str = "mof-2020", weight: D = W):
    return score_indicator(quant(op, target, actual), weight, policy(name), 3)


# --- >= and > ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("op", "target", "actual"), [
    (">=", "23", "23"), (">=", "23", "24"), (">", "23", "24"), (">=", "98.5", "98.50"), (">=", "0.5", "0.75"),
])
def test_greater_met_scores_full_weight(op: str, target: str, actual: str) -> None:
    s = score(op, target, actual)
    assert s.score == W
    assert s.met is True
    assert s.max_score == W
    assert s.index == 3
    assert s.basis == "met"


@pytest.mark.parametrize("op", [">=", ">"])
@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("100", "80", D("8")),
    ("23", "20", D(10) * D(20) / D(23)),
    ("90", "85.5", D("9.5")),
    ("4", "1", D("2.5")),
    ("100", "0", D(0)),
])
def test_greater_unmet_scores_w_times_b_over_a(op: str, target: str, actual: str, expected: D) -> None:
    s = score(op, target, actual)
    assert s.score == expected
    assert s.met is False
    assert s.basis == "ratio"


def test_greater_than_strict_equal_is_not_met_but_ratio_is_one() -> None:
    # B > A is required; with B = A the rule "W × B / A" gives W
    s = score(">", "5", "5")
    assert s.met is False
    assert s.score == W


def test_greater_negative_actual_counts_as_zero() -> None:
    s = score(">=", "50", "-20")
    assert s.met is False
    assert s.score == D(0)


@pytest.mark.parametrize(("actual", "met"), [("0", True), ("3", True), ("-1", False)])
def test_greater_target_zero_met_when_actual_not_negative(actual: str, met: bool) -> None:
    s = score(">=", "0", actual)
    assert s.met is met
    assert s.score == (W if met else D(0))


@pytest.mark.parametrize("actual", ["120", "200", "1000"])
def test_overachievement_score_unchanged(actual: str) -> None:
    s = score(">=", "100", actual)
    assert s.met is True
    assert s.score == W


# --- <= and < -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("op", "target", "actual"), [
    ("<=", "2", "2"), ("<=", "2", "1.5"), ("<", "2", "1.9"), ("<=", "35.5", "0"),
])
@pytest.mark.parametrize("name", ["mof-2020", "mof-2020-deviation"])
def test_less_met_scores_full_weight(op: str, target: str, actual: str, name: str) -> None:
    s = score(op, target, actual, name)
    assert s.met is True
    assert s.score == W


@pytest.mark.parametrize("op", ["<=", "<"])
@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("2", "4", D("5")),
    ("35.5", "40", D("8.875")),
    ("3", "7", D(10) * D(3) / D(7)),
    ("1", "100", D("0.1")),
])
def test_less_unmet_ratio_is_w_times_a_over_b(op: str, target: str, actual: str, expected: D) -> None:
    s = score(op, target, actual)
    assert s.met is False
    assert s.score == expected
    assert s.basis == "ratio"


@pytest.mark.parametrize("op", ["<=", "<"])
@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("2", "3", D("5")),          # 1 − (3 − 2) / 2 = 0.5
    ("35.5", "40", D(10) * (1 - D("4.5") / D("35.5"))),
    ("10", "12.5", D("7.5")),    # 1 − 0.25
    ("2", "4", D(0)),            # 1 − 1 = 0
    ("2", "5", D(0)),            # max(0, 1 − 1.5) = 0
    ("2", "100", D(0)),
])
def test_less_unmet_deviation_policy(op: str, target: str, actual: str, expected: D) -> None:
    s = score(op, target, actual, "mof-2020-deviation")
    assert s.met is False
    assert s.score == expected
    assert s.basis == "deviation"


def test_less_strict_equal_is_not_met_but_ratio_is_one() -> None:
    s = score("<", "2", "2")
    assert s.met is False
    assert s.score == W


@pytest.mark.parametrize("name", ["mof-2020", "mof-2020-deviation"])
@pytest.mark.parametrize(("actual", "met", "expected"), [("0", True, W), ("-1", True, W), ("1", False, D(0)),
                                                         ("0.01", False, D(0))])
def test_less_target_zero_met_when_actual_not_positive_else_zero(name: str, actual: str, met: bool,
                                                                  expected: D) -> None:
    s = score("<=", "0", actual, name)
    assert s.met is met
    assert s.score == expected


def test_deviation_and_ratio_differ_only_for_reverse_operators() -> None:
    for op, a, b in [(">=", "100", "80"), ("=", "100", "80"), ("=", "80", "100")]:
        assert score(op, a, b).score == score(op, a, b, "mof-2020-deviation").score


# --- = ------------------------------------------------------------------------------------------------------------

def test_equal_met() -> None:
    s = score("=", "98", "98.0")
    assert s.met is True
    assert s.score == W


@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("100", "80", D("8")),     # B < A: W × B / A
    ("80", "100", D("8")),     # B > A: W × A / B
    ("98", "99", D(10) * D(98) / D(99)),
    ("3", "1", D(10) / D(3)),
])
def test_equal_unmet_min_over_max(target: str, actual: str, expected: D) -> None:
    s = score("=", target, actual)
    assert s.met is False
    assert s.score == expected


def test_equal_target_zero_actual_positive_scores_zero() -> None:
    s = score("=", "0", "5")
    assert s.met is False
    assert s.score == D(0)


# --- missing values -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("op", [">=", ">", "<=", "<", "="])
def test_no_actual_scores_zero_met_none(op: str) -> None:
    s = score(op, "10", None)
    assert s.score == D(0)
    assert s.met is None
    assert s.max_score == W


def test_weight_scales_exactly() -> None:
    s = score(">=", "4", "1", weight=D("2.5"))
    assert s.score == D("0.625")
    assert s.max_score == D("2.5")
    # a repeating quotient is kept to Decimal's 28 digits, never a binary float
    s = score(">=", "3", "1", weight=D("2.5"))
    assert abs(s.score - D("2.5") / D(3)) < D("1e-26")
    assert str(s.score).startswith("0.83333333333333333333333333")


def test_zero_weight_scores_zero() -> None:
    assert score(">=", "3", "1", weight=D(0)).score == D(0)
    assert score(">=", "3", "3", weight=D(0)).score == D(0)


def test_scores_are_decimal() -> None:
    for op, a, b in [(">=", "3", "1"), ("<=", "3", "7"), ("=", "3", "1"), (">=", "3", "3")]:
        s = score(op, a, b)
        assert isinstance(s.score, D)
        assert isinstance(s.max_score, D)
