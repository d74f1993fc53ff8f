"""Totals and grade (scoring.md, "Totals and grade"): exact totals, half-up display, grade from the exact total."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from jixiao.scoring import score_report
from tests.scoring_factory import (
    budget,
    full_budget,
    met_benefit,
    met_output,
    met_satisfaction,
    policy,
    quant,
    report,
    shown,
)

P = policy()


def total_of(output_score_ratio: tuple[str, str]) -> object:
    """Budget 10 (full) + one stated-90 output indicator scoring 90 × actual / target."""
    target, actual = output_score_ratio
    return score_report(report([quant(">=", target, actual, weight="90")], full_budget()), P)


@pytest.mark.parametrize(("target", "actual", "total", "grade"), [
    ("9000", "9000", D(100), "优"),
    ("9000", "8000", D(90), "优"),
    ("9000", "7999", D("89.99"), "良"),
    ("9000", "7000", D(80), "良"),
    ("9000", "6999", D("79.99"), "中"),
    ("9000", "5000", D(60), "中"),
    ("9000", "4999", D("59.99"), "差"),
    ("9000", "0", D(10), "差"),
])
def test_grade_boundaries(target: str, actual: str, total: D, grade: str) -> None:
    card = total_of((target, actual))
    assert card.total == total
    assert card.grade == grade


def test_grade_from_exact_total_not_the_shown_one() -> None:
    card = total_of(("18000", "15999"))  # 10 + 79.995
    assert card.total == D("89.995")
    assert shown(card.total) == D("90.00")
    assert card.grade == "良"


def test_division_residue_does_not_cost_a_grade() -> None:
    # 23 × (50 / 23) is 50 exactly; no budget: 0 + 50 + 30 + 10 = 90 → 优
    card = score_report(report(met_output(23) + met_benefit(3) + met_satisfaction(1)), P)
    assert shown(card.total) == D("90.00")
    assert card.grade == "优"


def test_total_is_budget_plus_pools_exactly() -> None:
    inds = [quant(">=", "3", "1"), quant(">=", "3", "2"), *met_benefit(1), *met_satisfaction(1)]
    card = score_report(report(inds, budget("1070.07", "838.41")), P)
    assert card.total == card.budget + sum(card.pools.values(), D(0))
    assert card.pools["output"] == D(25) * D(1) / D(3) + D(25) * D(2) / D(3)
    assert shown(card.total) == D("72.84")  # 7.835… + 25 + 30 + 10
    assert card.grade == "中"


def test_seed_like_report_97_84() -> None:
    inds = met_output(23) + met_benefit(5) + met_satisfaction(2)
    card = score_report(report(inds, budget("1070.07", "838.41")), P)
    assert shown(card.budget) == D("7.84")
    assert {k: shown(v) for k, v in card.pools.items()} == {"output": D("50.00"), "benefit": D("30.00"),
                                                            "satisfaction": D("10.00")}
    assert shown(card.total) == D("97.84")
    assert card.grade == "优"
    assert card.policy == "mof-2020"


def test_values_are_exact_decimals_not_rounded() -> None:
    card = score_report(report([quant(">=", "7", "3"), *met_benefit(1), *met_satisfaction(1)],
                               budget("3", "1")), P)
    for v in (card.total, card.budget, *card.pools.values(), *(s.score for s in card.indicators)):
        assert isinstance(v, D)
    assert card.budget.as_tuple().exponent < -2  # kept exact, rounded only when shown


def test_half_up_display() -> None:
    card = total_of(("9000", "8005"))  # 90 × 8005 / 9000 = 80.05 → total 90.05
    assert shown(card.total) == D("90.05")
    card = total_of(("36000", "32018"))  # 90 × 32018 / 36000 = 80.045 → 90.045 shows 90.05 (half-up, not even)
    assert card.total == D("90.045")
    assert shown(card.total) == D("90.05")


def test_stated_total_and_grade_are_carried_not_used() -> None:
    r = report(met_output(1) + met_benefit(1) + met_satisfaction(1), budget("100", "50"))
    r.stated_total, r.stated_grade = D("100"), "优"
    card = score_report(r, P)
    assert card.stated_total == D(100)
    assert card.stated_grade == "优"
    assert card.total == D(95)
    assert card.grade == "优"


def test_policy_grade_bounds_are_settings(tmp_path) -> None:
    f = tmp_path / "strict.toml"
    f.write_text('name = "strict"\nextends = "mof-2020"\n[grades]\n"优" = "95"\n', encoding="utf-8")
    card = score_report(report(met_output(1) + met_benefit(1) + met_satisfaction(1), budget("100", "50")),
                        policy(str(f)))
    assert card.total == D(95)
    assert card.grade == "优"
    card = score_report(report(met_output(1) + met_benefit(1) + met_satisfaction(1), budget("100", "40")),
                        policy(str(f)))
    assert card.grade == "良"


SEED = Path("/work/shared/samples/seed-report-2023-traffic-police.txt")
if not SEED.is_file():
    SEED = Path(__file__).resolve().parents[3] / "shared" / "samples" / "seed-report-2023-traffic-police.txt"


@pytest.mark.skipif(not SEED.is_file(), reason="shared seed sample not available")
def test_worked_example_seed_report() -> None:
    from jixiao.readers import read_report

    _, r = read_report(SEED)
    card = score_report(r, P)
    assert len(r.indicators) == 30
    assert shown(card.execution_rate) == D("78.35")
    assert shown(card.budget) == D("7.84")
    assert {k: shown(v) for k, v in card.pools.items()} == {"output": D("50.00"), "benefit": D("30.00"),
                                                            "satisfaction": D("10.00")}
    assert shown(card.total) == D("97.84")
    assert card.grade == "优"


def test_absurd_stated_weights_score_without_crashing() -> None:
    # a misread 分值 column (e.g. an amount in 元) must not stop the check; S02 reports the weights
    card = score_report(report([quant(">=", "1", "1", weight="1e17"), quant(">=", "2", "1", weight="3e16")],
                               full_budget()), P)
    assert card.total == D("1e17") + D("1.5e16") + D(10)
    assert card.grade == "优"
