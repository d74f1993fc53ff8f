"""S05: a met indicator (or a budget executed in full) docked without a reason."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao.model import Budget
from tests.review_factory import clean_report, of, q, run, with_sections


def scored(*rows, budget=None):
    r = clean_report()
    r.indicators = list(rows)
    if budget is not None:
        r.budget = budget
    return r


@pytest.mark.parametrize(
    "ind",
    [
        q("资金到位及时率", ">=", "100", "100", "%", weight=D(10), stated_score=D(7)),
        q("是否解决看病难问题", ">=", "95", "95", "%", weight=D(30), stated_score=D(27)),
        q("公用经费完成时间", "<=", "12", "12", "月", weight=D(5), stated_score=D(4)),
    ],
)
def test_met_and_docked_without_reason_fires(ind) -> None:
    [f] = of(run(scored(ind)), "S05")
    assert f.evidence["deduction"] == ind.weight - ind.stated_score


@pytest.mark.parametrize(
    "ind",
    [
        q("资金到位及时率", ">=", "100", "100", "%", weight=D(10), stated_score=D(10)),
        q("资金到位及时率", ">=", "100", "100", "%", weight=D(10), stated_score=D(7),
          deviation_reason="部分资金到位时间晚于计划"),
        q("资金到位及时率", ">=", "100", "90", "%", weight=D(10), stated_score=D(7)),  # unmet: docking is right
    ],
)
def test_full_marks_or_reason_or_unmet_does_not_fire(ind) -> None:
    assert of(run(scored(ind)), "S05") == []


def test_reason_in_the_deviation_section_counts() -> None:
    r = scored(q("资金到位及时率", ">=", "100", "100", "%", weight=D(10), stated_score=D(7)))
    r = with_sections(r, ("六、偏离绩效目标的原因", "资金到位及时率扣3分，原因是第三季度资金晚到两周。"))
    r.sections = [s for s in r.sections if "偏离绩效目标的原因和" not in s.title]
    assert of(run(r), "S05") == []


def test_budget_executed_in_full_but_docked_fires() -> None:
    b = Budget(annual=D("64.8"), executed=D("64.8"), weight=D(10), stated_score=D(9))
    fs = run(scored(q("保障人数", ">=", "2370", "2370", "人"), budget=b))
    [f] = [x for x in of(fs, "S05") if x.where == "budget"]
    assert f.evidence["stated_score"] == D(9)
    [s01] = [x for x in of(fs, "S01") if x.where == "budget"]
    assert s01.caused_by == {"code": "S05", "where": "budget"}


def test_budget_below_full_execution_docked_does_not_fire() -> None:
    b = Budget(annual=D("65.66"), executed=D("65.07"), weight=D(10), stated_score=D(9))
    assert [x for x in of(run(scored(q("保障人数", ">=", "2370", "2370", "人"), budget=b)), "S05")
            if x.where == "budget"] == []
