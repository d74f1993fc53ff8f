"""The Sichuan 510000_0013zp form exported with its merged cells lost: the header rows carry
leading cells ("绩效指标(90分)", "年度预算数(万元)") that the data rows do not have."""

from decimal import Decimal

from jixiao.readers import report_from_text
from tests.layout_docs import SICHUAN_LEADING_CELL


def test_fund_block_with_a_group_heading_cell():
    b = report_from_text(SICHUAN_LEADING_CELL).budget
    assert (b.initial, b.annual, b.executed) == (Decimal("12.00"), Decimal("12.00"), Decimal("11.40"))
    assert b.stated_execution_rate == Decimal("95.00")
    assert (b.weight, b.stated_score) == (Decimal(10), Decimal("9.5"))


def test_indicator_rows_not_shifted_by_the_extra_header_cell():
    r = report_from_text(SICHUAN_LEADING_CELL)
    assert [(i.name, i.operator, i.target, i.unit, i.actual, i.weight) for i in r.indicators] == [
        ("垃圾转运车辆购置数", ">=", Decimal(3), "辆", Decimal(3), Decimal(30)),
        ("车辆交付时间", "<=", Decimal(12), "月", Decimal(12), Decimal(30)),
        ("居民满意度", ">=", Decimal(90), "%", Decimal(95), Decimal(30)),
    ]
    assert r.stated_total == Decimal("99.5")
