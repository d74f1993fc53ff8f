"""I rules: the indicator table (I01–I11)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao.model import Budget, Indicator, Report, Section
from tests.review_factory import clean_report, codes, of, q, ql, run


def report_with(*indicators: Indicator, budget: Budget | None = None) -> Report:
    r = clean_report()
    r.indicators = list(indicators)
    if budget is not None:
        r.budget = budget
    return r


# ---------------------------------------------------------------- I01 actuals copy targets


def copied(n_equal: int, n_differ: int) -> Report:
    inds = [q(f"建设站点{i}", ">=", "10", "10", "个") for i in range(n_equal)]
    inds += [q(f"培训人次{i}", ">=", "100", "120", "人次") for i in range(n_differ)]
    return report_with(*inds)


@pytest.mark.parametrize(("equal", "differ"), [(25, 1), (5, 0), (9, 1)])
def test_i01_fires_when_actuals_copy_targets(equal: int, differ: int) -> None:
    found = of(run(copied(equal, differ)), "I01")
    assert len(found) == 1
    assert found[0].evidence["equal"] == equal
    assert found[0].evidence["quantitative"] == equal + differ
    assert f"{equal + differ}个定量指标中有{equal}个" in found[0].message


@pytest.mark.parametrize(("equal", "differ"), [(4, 0), (8, 2), (0, 6)])
def test_i01_silent_below_count_or_share(equal: int, differ: int) -> None:
    assert "I01" not in codes(run(copied(equal, differ)))


def test_i01_counts_only_quantitative_numeric_indicators() -> None:
    r = copied(4, 0)
    r.indicators += [ql(f"社会效益{i}", "作用明显", "作用明显") for i in range(5)]
    assert "I01" not in codes(run(r))


# ---------------------------------------------------------------- I02 unmet without reason


def test_i02_fires_for_unmet_without_reason() -> None:
    r = clean_report()
    r.indicators.append(q("系统运行维护次数", ">=", "12", "8", "次"))
    found = of(run(r), "I02")
    assert len(found) == 1
    f = found[0]
    assert f.severity == "error"
    assert f.where == f"indicator:{len(r.indicators) - 1}"
    assert "系统运行维护次数" in f.message and "≥12次" in f.message and "完成值8次" in f.message


def test_i02_fires_for_each_unnamed_unmet_indicator() -> None:
    r = clean_report()
    r.indicators += [q("巡检次数", ">=", "12", "10", "次"), q("应急演练", ">=", "4", "2", "次")]
    assert [f.evidence["indicator"] for f in of(run(r), "I02")] == ["巡检次数", "应急演练"]


def test_i02_silent_when_row_has_reason() -> None:
    r = clean_report()
    r.indicators.append(q("巡检次数", ">=", "12", "10", "次", deviation_reason="两次因道路中断取消"))
    assert "I02" not in codes(run(r))


def test_i02_silent_when_deviation_section_names_indicator() -> None:
    r = clean_report()
    r.indicators.append(q("巡检次数", ">=", "12", "10", "次"))
    r.sections = [*r.sections[:5], Section("三", "三、偏离绩效目标的原因和下一步改进措施", 1,
                                          "巡检次数未达目标，系7月道路中断所致。"), *r.sections[6:]]
    assert "I02" not in codes(run(r))


def test_i02_silent_when_deviation_subsection_names_indicator() -> None:
    r = clean_report()
    r.indicators.append(q("应急演练次数", ">=", "4", "2", "次"))
    r.sections = [*r.sections[:5], Section("三", "三、偏离绩效目标的原因和下一步改进措施", 1, ""),
                  Section("（一）", "（一）偏离原因", 2, "应急演练因疫情取消两次。"), *r.sections[6:]]
    assert "I02" not in codes(run(r))


# ---------------------------------------------------------------- I03 low execution, outputs all met

LOW = Budget(annual=D("1000"), executed=D("700"))


def test_i03_fires_when_outputs_met_and_execution_low() -> None:
    r = report_with(q("站点", ">=", "10", "10", "个"), q("培训", ">=", "5", "6", "期"),
                    q("满意度", ">=", "90", "80", "%", "satisfaction", "satisfaction"), budget=LOW)
    found = of(run(r), "I03")
    assert len(found) == 1
    assert found[0].evidence["output_indicators"] == 2
    assert "70.00%" in found[0].message and "2个产出指标全部完成" in found[0].message


def test_i03_fires_on_seed_like_rate() -> None:
    r = report_with(q("站点", ">=", "10", "10", "个"), budget=Budget(annual=D("1070.07"), executed=D("838.41")))
    assert "78.35%" in of(run(r), "I03")[0].message


def test_i03_silent_when_execution_normal() -> None:
    r = report_with(q("站点", ">=", "10", "10", "个"), budget=Budget(annual=D("1000"), executed=D("950")))
    assert "I03" not in codes(run(r))


def test_i03_silent_when_an_output_unmet() -> None:
    r = report_with(q("站点", ">=", "10", "10", "个"), q("培训", ">=", "5", "3", "期"), budget=LOW)
    assert "I03" not in codes(run(r))


# ---------------------------------------------------------------- I04 inverted operator


@pytest.mark.parametrize(
    ("ind", "expected"),
    [
        (q("设备验收合格率", "<=", "95", "95", "%"), "high"),
        (q("群众满意度", "<", "90", "85", "%", "satisfaction", "satisfaction"), "high"),
        (q("故障修复时间", ">=", "24", "24", "小时"), "low"),
        (q("设备故障发生率", ">=", "2", "2", "%"), "low"),
    ],
)
def test_i04_fires_on_inverted_direction(ind: Indicator, expected: str) -> None:
    found = of(run(report_with(ind)), "I04")
    assert len(found) == 1
    assert found[0].evidence["expected"] == expected
    assert ind.name in found[0].message and "方向疑似填反" in found[0].message


@pytest.mark.parametrize(
    "ind",
    [
        q("产品不合格率", "<=", "2", "1", "%"),
        q("培训时长", ">=", "40", "42", "小时"),
        q("成本节约率", ">=", "5", "6", "%"),
        q("设备可持续使用时间", ">=", "5", "5", "年"),
        q("设备验收合格率", "=", "100", "100", "%"),
        q("设备验收合格率", ">=", "95", "97", "%"),
    ],
)
def test_i04_silent_on_right_direction(ind: Indicator) -> None:
    assert "I04" not in codes(run(report_with(ind)))


# ---------------------------------------------------------------- I05 percent out of range


@pytest.mark.parametrize(
    ("ind", "shown"),
    [
        (q("群众满意度", ">=", "90", "105", "%", "satisfaction", "satisfaction"), "完成值105%"),
        (q("验收合格率", ">=", "120", "120", "%"), "年度指标值120%"),
        (q("设备故障发生率", "<=", "2", "-1", "%"), "完成值-1%"),
    ],
)
def test_i05_fires_on_impossible_percent(ind: Indicator, shown: str) -> None:
    found = of(run(report_with(ind)), "I05")
    assert len(found) == 1
    assert shown in found[0].message and ind.name in found[0].message


@pytest.mark.parametrize(
    "ind",
    [
        q("任务完成率", ">=", "100", "120", "%"),  # a completion rate may exceed 100 %
        q("群众满意度", ">=", "90", "100", "%", "satisfaction", "satisfaction"),
        q("群众满意度", ">=", "90", "105", "分", "satisfaction", "satisfaction"),  # not a percent
    ],
)
def test_i05_silent_within_range_or_uncapped(ind: Indicator) -> None:
    assert "I05" not in codes(run(report_with(ind)))


# ---------------------------------------------------------------- I06 quantitative value is text


@pytest.mark.parametrize(
    ("ind", "shown"),
    [
        (q("系统建设", ">=", "1", "完成", "套"), "完成值“完成”"),
        (q("站点建设", ">=", "按期完成", "12", "个"), "年度指标值“按期完成”"),
    ],
)
def test_i06_fires_on_text_value(ind: Indicator, shown: str) -> None:
    found = of(run(report_with(ind)), "I06")
    assert len(found) == 1
    assert found[0].severity == "error"
    assert shown in found[0].message and ind.name in found[0].message


@pytest.mark.parametrize(
    "ind",
    [
        ql("社会效益", "效益提升10%", "已达成"),
        q("站点建设", ">=", "12", "12", "个"),
        q("站点建设", ">=", "12", "", "个"),
    ],
)
def test_i06_silent_on_numbers_and_qualitative(ind: Indicator) -> None:
    assert "I06" not in codes(run(report_with(ind)))


# ---------------------------------------------------------------- I07 no unit


@pytest.mark.parametrize("unit", [None, "", "  "])
def test_i07_fires_without_unit(unit: str | None) -> None:
    found = of(run(report_with(q("系统联网", ">=", "1", "1", unit))), "I07")
    assert len(found) == 1
    assert "系统联网" in found[0].message


@pytest.mark.parametrize("ind", [q("系统联网", ">=", "1", "1", "套"), ql("社会效益", "作用明显", "作用明显")])
def test_i07_silent_with_unit_or_qualitative(ind: Indicator) -> None:
    assert "I07" not in codes(run(report_with(ind)))


# ---------------------------------------------------------------- I08 no actual


@pytest.mark.parametrize("ind", [q("站点建设", ">=", "12", "", "个"), ql("社会效益", "群众出行更便利", " ")])
def test_i08_fires_without_actual(ind: Indicator) -> None:
    found = of(run(report_with(ind)), "I08")
    assert len(found) == 1
    assert found[0].severity == "error"
    assert ind.name in found[0].message


@pytest.mark.parametrize("ind", [q("事故起数", "<=", "3", "0", "起"), ql("社会效益", "群众出行更便利", "已实现")])
def test_i08_silent_with_actual(ind: Indicator) -> None:
    assert "I08" not in codes(run(report_with(ind)))


# ---------------------------------------------------------------- I09 over-achievement


@pytest.mark.parametrize(("target", "actual", "ratio"), [("100", "120", D("120.00")), ("12", "30", D("250.00"))])
def test_i09_fires_on_overachievement(target: str, actual: str, ratio: D) -> None:
    found = of(run(report_with(q("培训人次", ">=", target, actual, "人次"))), "I09")
    assert len(found) == 1
    assert found[0].severity == "info"
    assert found[0].evidence["ratio"] == ratio
    assert f"{ratio}%" in found[0].message and "培训人次" in found[0].message


@pytest.mark.parametrize(
    "ind",
    [
        q("培训人次", ">=", "100", "119", "人次"),
        q("故障修复时间", "<=", "2", "5", "小时"),
        q("站点", ">=", "0", "5", "个"),
    ],
)
def test_i09_silent_below_threshold_or_other_operator(ind: Indicator) -> None:
    assert "I09" not in codes(run(report_with(ind)))


# ---------------------------------------------------------------- I10 duplicate names


@pytest.mark.parametrize("second", ["培训人次", "培训 人次"])
def test_i10_fires_on_duplicate_names(second: str) -> None:
    found = of(run(report_with(q("培训人次", ">=", "1", "1", "人次"), q(second, ">=", "2", "2", "人次"))), "I10")
    assert len(found) == 1
    assert found[0].where == "indicator:1"
    assert found[0].evidence["first_index"] == 0
    assert "培训" in found[0].message and "第1行与第2行" in found[0].message


def test_i10_silent_on_distinct_names() -> None:
    distinct = report_with(q("培训人次", ">=", "1", "1", "人次"), q("培训期数", ">=", "2", "2", "期"))
    assert "I10" not in codes(run(distinct))
    assert "I10" not in codes(run(clean_report()))


# ---------------------------------------------------------------- I11 unclear qualitative actual


@pytest.mark.parametrize(("target", "actual"), [("逐步提高", "稳步推进"), ("群众出行更便利", "按计划开展")])
def test_i11_fires_on_unclear_actual(target: str, actual: str) -> None:
    found = of(run(report_with(ql("社会效益", target, actual))), "I11")
    assert len(found) == 1
    assert actual in found[0].message and target in found[0].message and "社会效益" in found[0].message


@pytest.mark.parametrize(("target", "actual"), [("群众出行更便利", "群众出行更便利"), ("群众出行更便利", "已达成"),
                                                ("群众出行更便利", "未实现")])
def test_i11_silent_when_actual_says_it(target: str, actual: str) -> None:
    assert "I11" not in codes(run(report_with(ql("社会效益", target, actual))))



# ---------------------------------------------------------------- I02: near-duplicate names


def _deviation(text: str) -> Report:
    r = clean_report()
    r.indicators += [q("新建标准化村卫生室", ">=", "23", "22", "个"), q("标准化村卫生室（3）", ">=", "30", "28", "个")]
    r.sections = [*r.sections[:5], Section("三", "三、偏离绩效目标的原因和下一步改进措施", 1, text), *r.sections[6:]]
    return r


def test_i02_another_indicators_full_name_does_not_explain_this_one() -> None:
    """The section names 标准化村卫生室（3） in full; its 标准化村 is also in 新建标准化村卫生室, which has no
    reason of its own: still unexplained."""
    r = _deviation("标准化村卫生室（3）因设备到货延迟未完成，已督促供应商尽快交付。")
    assert [f.evidence["indicator"] for f in of(run(r), "I02")] == ["新建标准化村卫生室"]


def test_i02_both_named_are_both_explained() -> None:
    r = _deviation("新建标准化村卫生室因冬季停工未完成；标准化村卫生室（3）因设备到货延迟未完成。")
    assert "I02" not in codes(run(r))


def test_i02_a_part_of_the_name_still_explains_when_no_other_indicator_is_named() -> None:
    r = _deviation("村卫生室建设因冬季停工未完成。")  # 卫生室 ... 4 characters: 村卫生室
    assert "I02" not in codes(run(r))


def test_i02_a_longer_name_holding_this_one_does_not_explain_it() -> None:
    r = clean_report()
    r.indicators += [q("新建建档居民", ">=", "5", "4", "户"), q("新建建档居民（2）", ">=", "50", "48", "户")]
    text = "新建建档居民（2）未达到年度目标，主要原因是部分工程年底完工，尚未结算。"
    r.sections = [*r.sections[:5], Section("三", "三、偏离绩效目标的原因和下一步改进措施", 1, text), *r.sections[6:]]
    assert [f.evidence["indicator"] for f in of(run(r), "I02")] == ["新建建档居民"]
