"""T rules: vague qualitative targets (T01), too many qualitative indicators (T02), missing
categories (T03), budget-management measures used as indicators (T04)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao.model import Indicator, Report
from jixiao.policy import load_policy
from tests.review_factory import clean_report, codes, of, q, ql, run


def report_with(*indicators: Indicator) -> Report:
    r = clean_report()
    r.indicators = list(indicators)
    return r


# ---------------------------------------------------------------- T01 vague target


@pytest.mark.parametrize(("target", "word"), [("作用明显", "作用明显"), ("有效节约 作用明显", "作用明显"),
                                              ("进一步提高群众安全感", "进一步"), ("效果良好", "良好")])
def test_t01_fires_on_vague_qualitative_target(target: str, word: str) -> None:
    r = clean_report()
    r.indicators.append(ql("保障我局办公网络畅通", target, target))
    found = of(run(r), "T01")
    assert len(found) == 1
    assert found[0].severity == "info"
    assert found[0].evidence["vague_word"] == word
    assert found[0].where == f"indicator:{len(r.indicators) - 1}"
    assert "保障我局办公网络畅通" in found[0].message and target in found[0].message


@pytest.mark.parametrize(
    "target", ["符合国家标准", "全年为执法提供监测数据不少于50次", "群众安全感提高明显，达到90%以上"]
)
def test_t01_silent_on_measurable_or_concrete_target(target: str) -> None:
    r = clean_report()
    r.indicators.append(ql("社会效益", target, "已达成"))
    assert "T01" not in codes(run(r))


def test_t01_silent_on_quantitative_indicator() -> None:
    r = clean_report()
    r.indicators.append(q("效益明显的站点", ">=", "3", "3", "个"))
    assert "T01" not in codes(run(r))


# ---------------------------------------------------------------- T02 share of qualitative


def mix(n_qual: int, n_quant: int) -> Report:
    inds = [ql(f"社会效益{i}", "全年开展宣传不少于4次", "已达成") for i in range(n_qual)]
    inds += [q(f"站点{i}", ">=", "10", "11", "个") for i in range(n_quant)]
    return report_with(*inds)


@pytest.mark.parametrize(("n_qual", "n_quant", "share"), [(4, 6, D("40.00")), (1, 1, D("50.00"))])
def test_t02_fires_above_share(n_qual: int, n_quant: int, share: D) -> None:
    found = of(run(mix(n_qual, n_quant)), "T02")
    assert len(found) == 1
    assert found[0].evidence["share"] == share
    assert f"定性指标{n_qual}个" in found[0].message and f"{share}%" in found[0].message


@pytest.mark.parametrize(("n_qual", "n_quant"), [(3, 7), (0, 5), (4, 26)])
def test_t02_silent_at_or_below_share(n_qual: int, n_quant: int) -> None:
    assert "T02" not in codes(run(mix(n_qual, n_quant)))


# ---------------------------------------------------------------- T03 missing categories


def test_t03_fires_per_missing_category() -> None:
    r = report_with(q("站点", ">=", "10", "10", "个"), q("培训", ">=", "5", "6", "期"))
    found = of(run(r), "T03")
    assert [f.evidence["category"] for f in found] == ["satisfaction", "benefit", "cost"]
    assert "没有满意度指标" in found[0].message and "没有效益指标" in found[1].message
    assert "没有成本指标" in found[2].message


def test_t03_fires_only_for_satisfaction() -> None:
    r = clean_report()
    r.indicators = [i for i in r.indicators if i.level1 != "satisfaction"]
    found = of(run(r), "T03")
    assert [f.evidence["category"] for f in found] == ["satisfaction"]


def test_t03_cost_at_level2_or_level1_counts() -> None:
    r = clean_report()  # its cost indicator is output / cost (2020 scheme)
    assert "T03" not in codes(run(r))
    for ind in r.indicators:
        if ind.level2 == "cost":
            ind.level1, ind.level2 = "cost", "economic_cost"  # 2021 scheme
    assert "T03" not in codes(run(r, load_policy("mof-2021-cost")))


def test_t03_silent_without_indicators_or_levels() -> None:
    assert "T03" not in codes(run(report_with()))
    bare = q("站点", ">=", "10", "10", "个")
    bare.level1 = None
    bare.level2 = None
    assert "T03" not in codes(run(report_with(bare)))


# ---------------------------------------------------------------- T04 budget measures


@pytest.mark.parametrize(
    ("name", "term"), [("预算执行率", "预算执行率"), ("资金拨付进度", "拨付进度"), ("项目资金结余率", "结余率")]
)
def test_t04_fires_on_budget_measure(name: str, term: str) -> None:
    r = clean_report()
    r.indicators.append(q(name, ">=", "90", "95", "%"))
    found = of(run(r), "T04")
    assert len(found) == 1
    assert found[0].evidence["term"] == term
    assert name in found[0].message


@pytest.mark.parametrize("name", ["设备验收合格率", "执法案件办结率"])
def test_t04_silent_on_performance_indicators(name: str) -> None:
    r = clean_report()
    r.indicators.append(q(name, ">=", "90", "95", "%"))
    assert "T04" not in codes(run(r))
