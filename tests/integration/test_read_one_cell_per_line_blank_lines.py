"""A web page's table as text: one cell per line and a blank line after every cell."""

from decimal import Decimal

from jixiao.readers import report_from_text
from tests.layout_docs import ONE_CELL_PER_LINE


def test_budget_and_indicators():
    r = report_from_text(ONE_CELL_PER_LINE)
    b = r.budget
    assert (b.initial, b.annual, b.executed) == (Decimal(80), Decimal(80), Decimal("72.5"))
    assert b.stated_execution_rate_text == "90.6%"
    assert [(i.name, i.target, i.actual, i.weight, i.stated_score) for i in r.indicators] == [
        ("举办活动场次", Decimal(40), Decimal(42), Decimal(20), Decimal(20)),
        ("活动完成时间", None, None, Decimal(20), Decimal(20)),
        ("群众满意度", Decimal(90), Decimal(93), Decimal(20), Decimal(20)),
    ]
    assert r.indicators[1].target_text == "2023年12月底前"
    assert r.stated_total == Decimal(89)
