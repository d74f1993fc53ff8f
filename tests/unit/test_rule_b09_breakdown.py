"""B09: a breakdown in the prose (总额X，其中a、b) whose parts do not add up to its total, or an
allocation (用于a、b) whose parts exceed the annual budget."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from tests.review_factory import clean_report, of, run, with_sections


def said(text: str):
    return with_sections(clean_report(), ("六、资金安排情况", text))  # annual budget 1000 万元


@pytest.mark.parametrize(
    ("text", "difference"),
    [
        ("项目总投资1000万元，其中设备购置600万元，安装调试300万元。", D(-100)),
        ("下达资金共计120万元，其中设备购置80万元、人员培训30万元、宣传20万元。", D(10)),
        ("全年支出970万元，其中：设备购置5000000元，运维3000000元。", D(-170)),
    ],
)
def test_parts_off_their_total_fire(text: str, difference: D) -> None:
    [f] = of(run(said(text)), "B09")
    assert f.evidence["difference"] == difference and f.evidence["kind"] == "total"


def test_allocation_above_the_budget_fires() -> None:
    [f] = of(run(said("资金主要用于设备购置800万元、系统运维300万元。")), "B09")
    assert f.evidence["kind"] == "use" and f.evidence["difference"] == D(100)


@pytest.mark.parametrize(
    "text",
    [
        "项目资金总额1000万元，其中中央补助600万元，地方资金400万元。",
        "下达资金共计120万元，其中设备购置80万元、人员培训40万元。",
        "资金主要用于设备购置600万元、系统运维300万元。",  # within the budget
        "项目资金总额1000万元，其中中央补助600万元。",  # one part: no breakdown
        "全年预算1000万元，执行970万元，执行率97%。",
    ],
)
def test_consistent_or_no_breakdown_does_not_fire(text: str) -> None:
    assert of(run(said(text)), "B09") == []


@pytest.mark.parametrize(
    ("text", "difference"),
    [("项目资金总额1000万元，其中中央补助600万元，地方资金300万元。", D(-100)),
     ("全年预算数1200万元，其中中央补助800万元、地方资金300万元；全年执行数1164万元。", D(-100))],
)
def test_fund_sources_in_prose_are_b06(text: str, difference: D) -> None:
    fs = run(said(text))
    assert of(fs, "B09") == []
    [f] = [x for x in of(fs, "B06") if x.evidence.get("from") == "prose"]
    assert f.severity == "error" and f.evidence["difference"] == difference


@pytest.mark.parametrize("text", ["全年预算数1200万元，其中中央补助800万元、地方资金400万元。",
                                  "项目资金总额1000万元，其中设备购置600万元。"])
def test_fund_sources_in_prose_adding_up_are_no_b06(text: str) -> None:
    assert [x for x in of(run(said(text)), "B06") if x.evidence.get("from") == "prose"] == []
