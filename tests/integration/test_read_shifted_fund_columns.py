"""Three amount headings over two amounts (a blank cell dropped), amounts in 元 stated once in the
heading, the indicator header buried in a long row: read by content and arithmetic."""

from decimal import Decimal

from jixiao.readers import report_from_text
from tests.layout_docs import SHIFTED_FUND_BURIED_HEADER


def test_budget_placed_by_arithmetic_and_converted_from_yuan():
    b = report_from_text(SHIFTED_FUND_BURIED_HEADER).budget
    assert b.initial is None
    assert b.annual == Decimal("25")
    assert b.executed == Decimal("24")
    assert b.stated_execution_rate == Decimal("96")
    assert (b.weight, b.stated_score) == (Decimal("10"), Decimal("9"))
    assert b.provenance["annual"].how == "realigned"


def test_indicators_under_a_buried_header():
    r = report_from_text(SHIFTED_FUND_BURIED_HEADER)
    got = [(i.name, i.operator, i.target_text, i.unit, i.actual_text, i.weight, i.stated_score) for i in r.indicators]
    assert got == [
        ("维修校舍栋数", ">=", "2", "栋", "2", Decimal(20), Decimal(20)),
        ("维修工程验收合格率", "=", "100", "%", "100%", Decimal(20), Decimal(20)),
        ("改善学生学习环境", "qualitative", "明显改善", None, "明显改善", Decimal(20), Decimal(18)),
        ("师生满意度", ">=", "90", "%", "88%", Decimal(20), Decimal(17)),
    ]
    assert (r.stated_total, r.stated_grade) == (Decimal(84), "良")


def test_levels_from_cells_on_a_groups_first_row_only():
    r = report_from_text(SHIFTED_FUND_BURIED_HEADER)
    assert [(i.level1, i.level2) for i in r.indicators] == [
        ("output", "quantity"), ("output", "quality"), ("benefit", "social"), ("satisfaction", "satisfaction")]
