"""Header rows use the column names' usual variants; every variant maps to the same field."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao.readers import report_from_text

BODY = "全年预算数100万元，全年执行数95万元，预算执行率95%。\n"


@pytest.mark.parametrize("name,op,target,unit,actual,weight,score,reason", [
    ("三级指标", "指标性质", "年度指标值", "单位", "完成值", "分值", "得分", "偏差原因分析及改进措施"),
    ("指标名称", "指标性质", "指标值", "度量单位", "实际完成值", "权重", "得分", "未完成原因分析"),
    ("三级指标", "指标方向", "年度目标值", "计量单位", "全年实际完成值", "分值", "自评得分", "未完成原因和改进措施"),
])
def test_header_variants(name, op, target, unit, actual, weight, score, reason):
    header = "\t".join([name, op, target, unit, actual, weight, score, reason])
    rows = ["图书采购数量\t≥\t1000\t册\t900\t45\t40.5\t供应商延迟交货，已督促",
            "读者满意度\t≥\t90\t%\t95\t45\t45\t"]
    r = report_from_text("2023年度图书馆项目绩效自评报告\n" + BODY + header + "\n" + "\n".join(rows) + "\n")
    a, b = r.indicators
    assert (a.name, a.operator, a.target, a.unit, a.actual, a.weight, a.stated_score) == (
        "图书采购数量", ">=", D("1000"), "册", D("900"), D("45"), D("40.5"))
    assert a.deviation_reason == "供应商延迟交货，已督促"
    assert (b.name, b.unit, b.deviation_reason) == ("读者满意度", "%", None)


def test_columns_in_any_order_with_levels():
    text = ("2023年度项目绩效自评报告\n" + BODY
            + "完成值\t三级指标\t二级指标\t一级指标\t年度指标值\t单位\n"
            + "12\t培训场次\t数量指标\t产出指标\t≥10\t场\n"
            + "98\t参训人员满意度\t满意度指标\t满意度指标\t≥95\t%\n")
    r = report_from_text(text)
    assert [(i.name, i.level1, i.level2, i.operator, i.target, i.actual, i.levels_inferred) for i in r.indicators] == [
        ("培训场次", "output", "quantity", ">=", D("10"), D("12"), False),
        ("参训人员满意度", "satisfaction", "satisfaction", ">=", D("95"), D("98"), False),
    ]


def test_budget_rate_row_inside_indicator_table():
    text = ("2023年度项目绩效自评报告\n" + BODY
            + "一级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
            + "预算执行率\t\t100%\t95%\t10\t9.5\n"
            + "产出指标\t培训场次\t≥10场\t12场\t90\t90\n"
            + "合计\t\t\t\t100\t99.5\n")
    r = report_from_text(text)
    assert [i.name for i in r.indicators] == ["培训场次"]
    assert r.budget.weight == D("10") and r.budget.stated_score == D("9.5")
    assert r.stated_total == D("99.5")
