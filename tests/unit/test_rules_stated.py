"""S rules: stated indicator scores (S01), stated weights (S02), stated total and grade (S03)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao.model import Budget, Report
from jixiao.policy import load_policy
from jixiao.scoring import score_report
from tests.review_factory import clean_report, codes, of, q, ql, run


def weighted(stated: dict[str, str] | None = None, weights: tuple[str, str, str, str] = ("50", "30", "10", "10"),
             qual_actual: str = "已达成") -> Report:
    """Three weighted indicators (output 50, benefit 30, satisfaction 10) and the budget line (10)."""
    stated = stated or {}
    r = clean_report()
    out = q("站点", ">=", "100", "80", "个", weight=D(weights[0]), deviation_reason="征地延误")
    ben = ql("社会效益", "全年开展宣传不少于4次", qual_actual, weight=D(weights[1]),
             deviation_reason="部分宣传活动推迟")
    sat = q("群众满意度", ">=", "90", "93", "%", "satisfaction", "satisfaction", weight=D(weights[2]))
    for ind in (out, ben, sat):
        if ind.name in stated:
            ind.stated_score = D(stated[ind.name])
    cost = q("采购成本", "<=", "600", "585", "万元", level2="cost", weight=D("0"))
    r.indicators = [out, ben, sat, cost]
    assert r.budget is not None
    r.budget.weight = D(weights[3])
    return r


# ---------------------------------------------------------------- S01 stated indicator score


def test_s01_fires_when_stated_score_differs() -> None:
    found = of(run(weighted({"站点": "45"})), "S01")  # 50 × 80 / 100 = 40
    assert len(found) == 1
    f = found[0]
    assert f.evidence["computed_score"] == D(40) and f.evidence["stated_score"] == D(45)
    assert f.where == "indicator:0"
    assert "“站点”填报得分45分" in f.message and "应为40.00分" in f.message and "相差5.00分" in f.message


def test_s01_fires_when_qualitative_score_outside_band() -> None:
    found = of(run(weighted({"社会效益": "27"}, qual_actual="基本完成")), "S01")  # partial: [18, 24)
    assert len(found) == 1
    f = found[0]
    assert f.evidence["grade"] == "partial"
    assert f.evidence["band"] == [D("18.00"), D("24.00")]
    assert "部分达成" in f.message and "18.00–24.00分" in f.message and "“社会效益”" in f.message


@pytest.mark.parametrize("stated", [{"站点": "40.05"}, {"站点": "40"}, {"社会效益": "25"}, {"群众满意度": "10"}])
def test_s01_silent_within_tolerance_or_band(stated: dict[str, str]) -> None:
    assert "S01" not in codes(run(weighted(stated)))


def test_s01_budget_line_stated_score() -> None:
    r = clean_report()  # 97 % of 10
    assert r.budget is not None
    r.budget.stated_score = D("10")
    found = of(run(r), "S01")
    assert len(found) == 1 and found[0].where == "budget"
    assert "预算执行率一项填报得分10分" in found[0].message and "9.70分" in found[0].message
    r.budget.stated_score = D("9.7")
    assert "S01" not in codes(run(r))


# ---------------------------------------------------------------- S02 stated weights


@pytest.mark.parametrize(
    ("weights", "total"), [(("50", "30", "15", "10"), D(105)), (("40", "30", "10", "10"), D(90))]
)
def test_s02_fires_when_weights_do_not_add_up(weights: tuple[str, str, str, str], total: D) -> None:
    found = of(run(weighted(weights=weights)), "S02")
    assert len(found) == 1
    assert found[0].severity == "error"
    assert found[0].evidence["total"] == total
    assert f"共{total}分" in found[0].message


def test_s02_silent_when_pools_move_but_total_is_100() -> None:
    assert "S02" not in codes(run(weighted(weights=("60", "20", "10", "10"))))
    assert "S02" not in codes(run(weighted()))


def test_s02_silent_without_complete_weights() -> None:
    r = weighted(weights=("40", "30", "10", "10"))
    r.indicators[0].weight = None
    assert "S02" not in codes(run(r))
    assert "S02" not in codes(run(clean_report()))


# ---------------------------------------------------------------- S03 stated total and grade


def computed_total(r: Report) -> D:
    return score_report(r, load_policy()).total


def test_s03_fires_on_stated_total() -> None:
    r = clean_report()
    r.stated_total = D("90")
    found = of(run(r), "S03")
    assert len(found) == 1
    assert found[0].evidence["stated_total"] == D(90)
    assert found[0].evidence["computed_total"] == computed_total(r)
    assert "自评总分90分" in found[0].message


def test_s03_fires_on_stated_grade() -> None:
    r = clean_report()
    r.stated_grade = "良"
    found = of(run(r), "S03")
    assert len(found) == 1
    assert found[0].evidence["computed_grade"] == "优"
    assert "“良”" in found[0].message and "“优”" in found[0].message


@pytest.mark.parametrize(("delta", "grade"), [("0.4", "优"), ("-0.5", "优秀")])
def test_s03_silent_when_stated_agrees(delta: str, grade: str) -> None:
    r = clean_report()
    r.stated_total = computed_total(r) + D(delta)
    r.stated_grade = grade
    assert "S03" not in codes(run(r))


def test_s03_silent_when_nothing_stated() -> None:
    r = clean_report()
    r.budget = Budget(annual=D("1000"), executed=D("500"))
    assert "S03" not in codes(run(r))


def test_s03_is_only_a_reference_when_the_weights_are_assumed() -> None:
    """No stated 分值: the computed total uses the policy's default weights, so a different stated total is
    information for the reviewer, not a warning that the unit's total is wrong."""
    r = clean_report()
    for ind in r.indicators:
        ind.weight = None
    r.stated_total = D("80")
    found = of(run(r), "S03")
    assert len(found) == 1 and found[0].severity == "info"
    assert found[0].evidence["weights_assumed"] is True
    assert "默认权重" in found[0].message and "仅供参考" in found[0].message


def test_s03_warns_when_every_weight_is_stated() -> None:
    r = clean_report()
    weights = score_report(r, load_policy()).indicators
    for ind, s in zip(r.indicators, weights, strict=True):
        ind.weight = s.max_score
    r.stated_total = D("80")
    found = of(run(r), "S03")
    assert len(found) == 1 and found[0].severity == "warning"
    assert found[0].evidence["weights_assumed"] is False
    assert "默认权重" not in found[0].message
