"""Runs of spaces (text copied from a PDF), columns in another order, a qualitative row without a unit."""

from __future__ import annotations

from decimal import Decimal as D

from jixiao.readers import report_from_text
from tests.text_docs import SPACES_PDF


def test_columns_mapped_by_name_not_position():
    inds = report_from_text(SPACES_PDF).indicators
    assert [(i.name, i.operator, i.target, i.actual, i.unit) for i in inds if i.operator != "qualitative"] == [
        ("公交线路数量", ">=", D("40"), D("42"), "条"),
        ("车辆准点率", ">=", D("95"), D("92"), "%"),
        ("乘客投诉处理时间", "<=", D("5"), D("3"), "天"),
        ("运营成本", "<=", D("500"), D("480"), "万元"),
        ("乘客满意度", ">=", D("90"), D("91"), "%"),
    ]


def test_qualitative_row_without_unit_realigned():
    q = next(i for i in report_from_text(SPACES_PDF).indicators if i.operator == "qualitative")
    assert (q.name, q.target_text, q.actual_text, q.unit) == ("公共交通出行环境", "有所改善", "明显改善", None)


def test_reason_column_and_empty_reason():
    inds = report_from_text(SPACES_PDF).indicators
    assert inds[1].deviation_reason == "道路施工影响准点，已调整发车间隔"
    assert inds[0].deviation_reason is None  # "无" is no reason


def test_budget_in_prose():
    b = report_from_text(SPACES_PDF).budget
    assert (b.annual, b.executed, b.stated_execution_rate, b.origin) == (D("500"), D("480"), D("96"), "prose")


def test_budget_in_prose_with_chinese_numerals_and_yuan():
    text = ("2023年度某项目绩效自评报告\n全年预算数壹仟零柒拾万元，全年执行数8,384,100元，预算执行率78.35%。\n"
            "三级指标\t年度指标值\t实际完成值\n培训场次\t≥10场\t12场\n")
    b = report_from_text(text).budget
    assert (b.annual, b.executed, b.stated_execution_rate) == (D("1070"), D("838.41"), D("78.35"))
