"""Budget execution (scoring.md, "Budget execution"): weight × min(rate, 1), adjusted budget, no usable budget."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao.model import Budget
from jixiao.scoring import score_report
from tests.scoring_factory import budget, met_benefit, met_output, met_satisfaction, policy, report, shown

P = policy()


def card_for(b: Budget | None):
    return score_report(report(met_output(1) + met_benefit(1) + met_satisfaction(1), b), P)


def test_seed_budget_7_835_shows_7_84() -> None:
    card = card_for(budget("1070.07", "838.41"))
    assert abs(card.budget - D(10) * D("838.41") / D("1070.07")) < D("1e-25")
    assert str(card.budget).startswith("7.835")
    assert shown(card.budget) == D("7.84")
    assert shown(card.execution_rate) == D("78.35")
    assert shown(card.total) == D("97.84")
    assert card.grade == "优"


@pytest.mark.parametrize(("annual", "executed", "expected"), [
    ("100", "100", D(10)),
    ("100", "90", D(9)),
    ("200", "50", D("2.5")),
    ("100", "0", D(0)),
    ("8", "7", D("8.75")),
])
def test_score_is_weight_times_rate(annual: str, executed: str, expected: D) -> None:
    assert card_for(budget(annual, executed)).budget == expected


@pytest.mark.parametrize("executed", ["100.01", "120", "1000"])
def test_rate_over_100_percent_is_capped(executed: str) -> None:
    card = card_for(budget("100", executed))
    assert card.budget == D(10)
    assert card.execution_rate == D(executed)  # the rate itself is reported as is


def test_negative_executed_scores_zero() -> None:
    assert card_for(budget("100", "-5")).budget == D(0)


def test_adjusted_budget_is_the_denominator_never_the_initial() -> None:
    card = card_for(budget("200", "150", initial="150"))
    assert card.budget == D("7.5")
    assert card.execution_rate == D(75)


@pytest.mark.parametrize("b", [
    None,
    Budget(),
    Budget(annual=D(100)),                       # no executed
    Budget(executed=D(80)),                      # no annual
    Budget(initial=D(100), executed=D(80)),      # only the initial budget: never used
    Budget(annual=D(0), executed=D(80)),
    Budget(annual=D(-10), executed=D(5)),
])
def test_no_usable_budget_scores_zero(b: Budget | None) -> None:
    card = card_for(b)
    assert card.budget == D(0)
    assert card.execution_rate is None
    assert card.total == D(90)


def test_stated_budget_weight_alone_is_not_used() -> None:
    # without stated indicator weights the pools keep the policy's 90 points, so the budget keeps
    # the policy's 10: a stated 分值 of 20 would make the maximum total 110
    card = card_for(budget("100", "50", weight="20"))
    assert (card.budget_weight, card.budget) == (D(10), D(5))


def test_stated_rate_and_score_do_not_change_the_computed_score() -> None:
    b = budget("1070.07", "838.41")
    b.stated_execution_rate = D(100)
    b.stated_score = D(10)
    assert shown(card_for(b).budget) == D("7.84")


def test_budget_from_sources_uses_the_totals_the_reader_filled() -> None:
    b = budget("300", "240")
    b.totals_from_sources = True
    assert card_for(b).budget == D(8)
