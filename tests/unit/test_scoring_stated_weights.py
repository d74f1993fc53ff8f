"""Stated weights (scoring.md, "Stated weights"): honoured when every indicator has one, ignored otherwise."""

from __future__ import annotations

from decimal import Decimal as D

from jixiao.scoring import score_report
from tests.scoring_factory import budget, full_budget, met_benefit, met_output, met_satisfaction, policy, qual, quant
from tests.scoring_factory import report as make_report

P = policy()


def unit_split() -> list:
    """A unit that set its own split: output 60 (3 × 20), benefit 20 (2 × 10), satisfaction 10."""
    return met_output(3, weight="20") + met_benefit(2, weight="10") + met_satisfaction(1, weight="10")


def test_stated_weights_set_the_pools() -> None:
    card = score_report(make_report(unit_split(), full_budget(weight="10")), P)
    assert card.pool_weights == {"output": D(60), "benefit": D(20), "satisfaction": D(10)}
    assert card.pools == {"output": D(60), "benefit": D(20), "satisfaction": D(10)}
    assert [s.max_score for s in card.indicators] == [D(20)] * 3 + [D(10)] * 3
    assert card.budget_weight == D(10)
    assert card.total == D(100)


def test_stated_weights_unequal_inside_a_pool() -> None:
    inds = [quant(">=", "10", "5", weight="30"), quant(">=", "10", "10", weight="15"),
            quant("<=", "2", "4", weight="5"), *met_benefit(1, weight="30"), *met_satisfaction(1, weight="10")]
    card = score_report(make_report(inds, full_budget()), P)
    assert [s.max_score for s in card.indicators] == [D(30), D(15), D(5), D(30), D(10)]
    assert [s.score for s in card.indicators[:3]] == [D(15), D(15), D("2.5")]
    assert card.pools["output"] == D("32.5")
    assert card.total == D("82.5")


def test_stated_weights_ignored_when_only_some_have_one() -> None:
    inds = met_output(3, weight="20") + met_benefit(2) + met_satisfaction(1, weight="10")
    card = score_report(make_report(inds, full_budget()), P)
    assert card.pool_weights == {"output": D(50), "benefit": D(30), "satisfaction": D(10)}
    assert [s.max_score for s in card.indicators] == [D(50) / 3] * 3 + [D(15)] * 2 + [D(10)]


def test_one_missing_weight_is_enough_to_ignore_them() -> None:
    inds = unit_split()
    inds[-1].weight = None
    card = score_report(make_report(inds, full_budget()), P)
    assert card.pool_weights == {"output": D(50), "benefit": D(30), "satisfaction": D(10)}


def test_stated_weights_not_adding_to_100_are_not_rescaled() -> None:
    # 3 × 15 + 2 × 10 + 10 = 75 with the budget's 10: total 85, S02 is the review's business
    inds = met_output(3, weight="15") + met_benefit(2, weight="10") + met_satisfaction(1, weight="10")
    card = score_report(make_report(inds, full_budget()), P)
    assert card.pool_weights == {"output": D(45), "benefit": D(20), "satisfaction": D(10)}
    assert card.total == D(85)


def test_stated_weights_do_not_redistribute_an_empty_pool() -> None:
    inds = met_output(2, weight="30") + met_benefit(1, weight="30")
    card = score_report(make_report(inds, full_budget()), P)
    assert card.pool_weights == {"output": D(60), "benefit": D(30)}
    assert card.total == D(100)


def test_budget_weight_from_the_report() -> None:
    inds = met_output(2, weight="30") + met_benefit(1, weight="40")
    card = score_report(make_report(inds, budget("200", "150", weight="30")), P)
    assert card.budget_weight == D(30)
    assert card.budget == D("22.5")  # 30 × 0.75
    assert card.total == D("122.5")  # stated weights add up to 130: scored as stated, not rescaled


def test_budget_weight_defaults_to_policy() -> None:
    card = score_report(make_report(unit_split(), budget("200", "150")), P)
    assert card.budget_weight == D(10)
    assert card.budget == D("7.5")


def test_stated_zero_weight_scores_zero() -> None:
    inds = [quant(">=", "10", "10", weight="0"), *met_output(1, weight="50"), *met_benefit(1, weight="40")]
    card = score_report(make_report(inds, full_budget()), P)
    assert card.indicators[0].max_score == D(0)
    assert card.indicators[0].score == D(0)
    assert card.total == D(100)


def test_stated_cost_weights_under_mof_2021_cost() -> None:
    inds = [*met_output(2, weight="20"), quant("<=", "35", "30", level1="cost", level2="economic_cost", weight="15"),
            *met_benefit(1, weight="25"), *met_satisfaction(1, weight="10")]
    card = score_report(make_report(inds, full_budget()), policy("mof-2021-cost"))
    assert card.pool_weights == {"output": D(40), "cost": D(15), "benefit": D(25), "satisfaction": D(10)}
    assert card.total == D(100)


def test_stated_cost_weight_joins_output_under_mof_2020() -> None:
    inds = [*met_output(2, weight="20"), quant("<=", "35", "30", level1="cost", weight="15"),
            *met_benefit(1, weight="25"), *met_satisfaction(1, weight="10")]
    card = score_report(make_report(inds, full_budget()), P)
    assert card.pool_weights == {"output": D(55), "benefit": D(25), "satisfaction": D(10)}


def test_policy_may_ignore_stated_weights(tmp_path) -> None:
    f = tmp_path / "equal.toml"
    f.write_text('name = "equal"\nextends = "mof-2020"\n[pools]\nuse_stated_weights = false\n', encoding="utf-8")
    card = score_report(make_report(unit_split(), full_budget()), policy(str(f)))
    assert card.pool_weights == {"output": D(50), "benefit": D(30), "satisfaction": D(10)}


def test_stated_score_band_uses_the_stated_weight() -> None:
    inds = [*met_output(1, weight="60"), qual("作用明显", "作用明显", weight="20", stated_score="17"),
            qual("作用明显", "部分完成", weight="10", stated_score="6.5"), *met_satisfaction(1, weight="0")]
    card = score_report(make_report(inds, full_budget()), P)
    assert [(s.score, s.basis) for s in card.indicators[1:3]] == [(D(17), "stated"), (D("6.5"), "stated")]
    assert card.pools["benefit"] == D("23.5")
