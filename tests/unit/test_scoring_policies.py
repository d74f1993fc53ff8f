"""The same report under different policies: every difference comes from policy data, never a code branch."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from jixiao.scoring import grade_text, score_indicator, score_report
from tests.scoring_factory import full_budget, met_benefit, met_output, met_satisfaction, policy, qual, quant, report


def custom(tmp_path: Path, body: str, name: str = "custom") -> str:
    f = tmp_path / f"{name}.toml"
    f.write_text(f'name = "{name}"\nextends = "mof-2020"\n{body}', encoding="utf-8")
    return str(f)


def mixed_report():
    """Output: one met, one unmet ≤ (2 → 3), one cost (≤ 35.5 → 40); benefit: one 部分完成; satisfaction met."""
    return report([
        quant(">=", "10", "10", level2="quantity"),
        quant("<=", "2", "3", level2="timeliness"),
        quant("<=", "35.5", "40", level1="cost", level2="economic_cost"),
        qual("作用明显", "部分完成"),
        *met_satisfaction(1),
    ], full_budget())


def test_mixed_report_under_mof_2020() -> None:
    card = score_report(mixed_report(), policy("mof-2020"))
    assert card.policy == "mof-2020"
    w = D(50) / 3
    assert [s.max_score for s in card.indicators] == [w, w, w, D(30), D(10)]
    assert card.indicators[1].score == w * (D(2) / D(3))
    assert card.indicators[2].score == w * (D("35.5") / D(40))
    assert card.indicators[3].score == D("21.00")
    assert card.pools["benefit"] == D("21.00")
    assert card.total == D(10) + w + w * (D(2) / D(3)) + w * (D("35.5") / D(40)) + D("21.00") + D(10)


def test_mixed_report_under_deviation() -> None:
    card = score_report(mixed_report(), policy("mof-2020-deviation"))
    assert card.policy == "mof-2020-deviation"
    w = D(50) / 3
    assert card.indicators[1].score == w * D("0.5")                     # 1 − (3 − 2) / 2
    assert card.indicators[2].score == w * (1 - D("4.5") / D("35.5"))    # 1 − (40 − 35.5) / 35.5
    assert card.indicators[0].score == w
    assert card.pools["benefit"] == D("21.00")


def test_mixed_report_under_2021_cost() -> None:
    card = score_report(mixed_report(), policy("mof-2021-cost"))
    assert card.policy == "mof-2021-cost"
    assert [s.max_score for s in card.indicators] == [D(20), D(20), D(10), D(30), D(10)]
    assert card.pools == {"output": D(20) + D(20) * (D(2) / D(3)), "benefit": D("21.00"), "satisfaction": D(10),
                          "cost": D("8.875")}


def test_custom_pool_weights(tmp_path: Path) -> None:
    p = policy(custom(tmp_path, '[pools]\noutput = "60"\nbenefit = "20"\n'))
    card = score_report(report(met_output(3) + met_benefit(2) + met_satisfaction(1), full_budget()), p)
    assert card.pool_weights == {"output": D(60), "benefit": D(20), "satisfaction": D(10)}
    assert [s.max_score for s in card.indicators] == [D(20)] * 3 + [D(10)] * 3
    assert card.total == D(100)


def test_custom_budget_weight(tmp_path: Path) -> None:
    p = policy(custom(tmp_path, '[pools]\nbudget = "20"\noutput = "40"\n'))
    card = score_report(report(met_output(1) + met_benefit(1) + met_satisfaction(1), full_budget()), p)
    assert card.budget_weight == D(20)
    assert card.budget == D(20)
    assert card.total == D(100)


def test_custom_qualitative_fractions(tmp_path: Path) -> None:
    p = policy(custom(tmp_path, '[qualitative]\npartial = "0.65"\nnot_achieved = "0.2"\nunclear = "0.6"\n'))
    assert score_indicator(qual(actual_text="部分完成"), D(10), p).score == D("6.50")
    assert score_indicator(qual(actual_text="未完成"), D(10), p).score == D("2.0")
    assert score_indicator(qual("逐步提高", "稳步推进"), D(10), p).score == D("6.0")
    assert score_indicator(qual(), D(10), p).score == D("10.00")


def test_custom_bands(tmp_path: Path) -> None:
    p = policy(custom(tmp_path, '[qualitative]\nachieved_band = ["0.9", "1"]\n'))
    s = score_indicator(qual(stated_score="8.5"), D(10), p)
    assert (s.score, s.basis) == (D("10.00"), "band")
    s = score_indicator(qual(stated_score="9.5"), D(10), p)
    assert (s.score, s.basis) == (D("9.5"), "stated")


def test_custom_words(tmp_path: Path) -> None:
    body = ('[qualitative.words]\nachieved = ["稳步推进"]\n')
    p = policy(custom(tmp_path, body))
    assert grade_text("稳步推进", "逐步提高", policy()) == "unclear"
    assert grade_text("稳步推进", "逐步提高", p) == "achieved"
    # the other word lists are inherited
    assert grade_text("部分完成", "作用明显", p) == "partial"


def test_custom_grade_names_and_bounds(tmp_path: Path) -> None:
    p = policy(custom(tmp_path, '[grades]\n"优" = "85"\n'))
    card = score_report(report([quant(">=", "100", "75", weight="90")], full_budget()), p)  # 10 + 67.5
    assert card.total == D("77.5")
    assert card.grade == "中"
    card = score_report(report([quant(">=", "100", "84", weight="90")], full_budget()), p)  # 10 + 75.6
    assert card.total == D("85.6")
    assert card.grade == "优"


@pytest.mark.parametrize("name", ["mof-2020", "mof-2020-deviation", "mof-2021-cost"])
def test_all_met_scores_100_under_every_shipped_policy(name: str) -> None:
    inds = [*met_output(4), quant("<=", "35", "30", level1="cost", level2="economic_cost"), *met_benefit(3),
            qual(), *met_satisfaction(2)]
    card = score_report(report(inds, full_budget()), policy(name))
    assert abs(card.total - D(100)) < D("1e-24")
    assert card.grade == "优"
    assert all(s.met is True for s in card.indicators)
