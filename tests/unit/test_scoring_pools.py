"""Pools (scoring.md, "Pools"): default split, equal shares, proportional redistribution, cost placement."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao.scoring import pool_of, score_report
from tests.scoring_factory import (
    full_budget,
    met_benefit,
    met_output,
    met_satisfaction,
    policy,
    qual,
    quant,
    report,
    shown,
)

P = policy()
COST = policy("mof-2021-cost")


def test_default_split_10_50_30_10() -> None:
    card = score_report(report(met_output(5) + met_benefit(3) + met_satisfaction(2), full_budget()), P)
    assert card.budget_weight == D(10)
    assert card.pool_weights == {"output": D(50), "benefit": D(30), "satisfaction": D(10)}
    assert card.pools == {"output": D(50), "benefit": D(30), "satisfaction": D(10)}
    assert card.total == D(100)
    assert [s.max_score for s in card.indicators] == [D(10)] * 5 + [D(10)] * 3 + [D(5)] * 2


def test_23_equal_output_indicators_all_met_give_50_not_49_91() -> None:
    card = score_report(report(met_output(23) + met_benefit(5) + met_satisfaction(2)), P)
    out = card.indicators[:23]
    assert {s.max_score for s in out} == {D(50) / D(23)}
    assert shown(out[0].max_score) == D("2.17")
    assert shown(card.pools["output"]) == D("50.00")
    assert shown(card.pools["output"]) != D("2.17") * 23
    assert abs(card.pools["output"] - D(50)) < D("1e-24")
    assert shown(card.total) == D("90.00")
    assert card.grade == "优"


def test_equal_split_inside_pool_with_mixed_results() -> None:
    inds = [quant(">=", "100", "100"), quant(">=", "100", "50"), quant(">=", "100", "0"), quant(">=", "4", "3")]
    card = score_report(report(inds + met_benefit(2) + met_satisfaction(1)), P)
    assert [s.max_score for s in card.indicators[:4]] == [D("12.5")] * 4
    assert [s.score for s in card.indicators[:4]] == [D("12.5"), D("6.25"), D(0), D("9.375")]
    assert card.pools["output"] == D("28.125")
    assert shown(card.pools["output"]) == D("28.13")  # half-up


def test_missing_satisfaction_pool_redistributed_proportionally() -> None:
    card = score_report(report(met_output(4) + met_benefit(3), full_budget()), P)
    assert card.pool_weights == {"output": D("56.25"), "benefit": D("33.75")}
    assert card.pools == {"output": D("56.25"), "benefit": D("33.75")}
    assert "satisfaction" not in card.pools
    assert card.total == D(100)
    assert [s.max_score for s in card.indicators] == [D("14.0625")] * 4 + [D("11.25")] * 3


def test_missing_benefit_pool_redistributed_proportionally() -> None:
    card = score_report(report(met_output(2) + met_satisfaction(1), full_budget()), P)
    # 30 shared 50 : 10 → output 50 + 25, satisfaction 10 + 5
    assert card.pool_weights == {"output": D(75), "satisfaction": D(15)}
    assert card.pools == {"output": D(75), "satisfaction": D(15)}
    assert card.total == D(100)


def test_only_output_indicators_take_all_90() -> None:
    card = score_report(report(met_output(3), full_budget()), P)
    assert card.pool_weights == {"output": D(90)}
    assert card.total == D(100)
    assert [s.max_score for s in card.indicators] == [D(30)] * 3


def test_no_indicators_scores_budget_only() -> None:
    card = score_report(report([], full_budget()), P)
    assert card.indicators == []
    assert sum(card.pools.values(), D(0)) == D(0)
    assert card.total == D(10)
    assert card.grade == "差"


def test_redistribution_none_leaves_the_weight_unused(tmp_path) -> None:
    f = tmp_path / "none.toml"
    f.write_text('name = "none"\nextends = "mof-2020"\n[pools]\nredistribute = "none"\n', encoding="utf-8")
    card = score_report(report(met_output(4) + met_benefit(3), full_budget()), policy(str(f)))
    assert card.pools["output"] == D(50)
    assert card.pools["benefit"] == D(30)
    assert card.total == D(90)


def test_indicator_without_level_scores_in_output() -> None:
    ind = quant(">=", 1, 1, level1=None)
    assert pool_of(ind, P) == "output"
    card = score_report(report([ind, *met_benefit(1), *met_satisfaction(1)]), P)
    assert card.pools["output"] == D(50)


# --- cost indicators -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("level1", "level2"), [("cost", "economic_cost"), ("cost", None), ("output", "cost")])
def test_cost_in_output_pool_under_mof_2020(level1: str, level2: str | None) -> None:
    ind = quant("<=", "35.5", "30", level1=level1, level2=level2)
    assert pool_of(ind, P) == "output"
    card = score_report(report([*met_output(1), ind, *met_benefit(1), *met_satisfaction(1)], full_budget()), P)
    assert card.pool_weights == {"output": D(50), "benefit": D(30), "satisfaction": D(10)}
    assert [s.max_score for s in card.indicators[:2]] == [D(25), D(25)]
    assert "cost" not in card.pools
    assert card.total == D(100)


@pytest.mark.parametrize(("level1", "level2"), [("cost", "economic_cost"), ("cost", "social_cost"),
                                                ("cost", None), ("output", "cost")])
def test_cost_in_own_pool_under_mof_2021_cost(level1: str, level2: str | None) -> None:
    ind = quant("<=", "35.5", "30", level1=level1, level2=level2)
    assert pool_of(ind, COST) == "cost"
    card = score_report(report([*met_output(2), ind, *met_benefit(1), *met_satisfaction(1)], full_budget()), COST)
    assert card.pool_weights == {"output": D(40), "benefit": D(30), "satisfaction": D(10), "cost": D(10)}
    assert card.pools == {"output": D(40), "benefit": D(30), "satisfaction": D(10), "cost": D(10)}
    assert [s.max_score for s in card.indicators] == [D(20), D(20), D(10), D(30), D(10)]
    assert card.total == D(100)


def test_non_cost_output_stays_in_output_under_mof_2021_cost() -> None:
    assert pool_of(quant(level1="output", level2="quantity"), COST) == "output"
    assert pool_of(quant(level1="benefit", level2="economic"), COST) == "benefit"
    assert pool_of(quant(level1="satisfaction", level2="satisfaction"), COST) == "satisfaction"


def test_mof_2021_cost_without_cost_indicators_redistributes_the_cost_pool() -> None:
    card = score_report(report(met_output(2) + met_benefit(1) + met_satisfaction(1), full_budget()), COST)
    # 10 shared 40 : 30 : 10
    assert card.pool_weights == {"output": D(45), "benefit": D("33.75"), "satisfaction": D("11.25")}
    assert card.total == D(100)


def test_unmet_cost_indicator_lowers_its_own_pool() -> None:
    ind = quant("<=", "30", "40", level1="cost", level2="economic_cost")  # 10 × 30 / 40
    card = score_report(report([*met_output(1), ind, *met_benefit(1), *met_satisfaction(1)], full_budget()), COST)
    assert card.pools["cost"] == D("7.5")
    assert card.pools["output"] == D(40)
    assert card.total == D("97.5")


def test_qualitative_indicators_share_the_pool_equally() -> None:
    inds = [*met_output(1), qual(level1="benefit"), qual(actual_text="部分完成", level1="benefit"),
            quant(">=", 1, 1, level1="benefit"), *met_satisfaction(1)]
    card = score_report(report(inds, full_budget()), P)
    assert [s.max_score for s in card.indicators[1:4]] == [D(10)] * 3
    assert card.pools["benefit"] == D("27.000")
    assert card.total == D("97")
