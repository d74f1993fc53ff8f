"""An indicator header over two rows: the columns the lower row leaves out come from the upper one."""

from decimal import Decimal

from jixiao.readers import report_from_text
from tests.layout_docs import HEADER_TWO_ROWS


def test_actual_weight_score_and_reason_from_the_upper_header_row():
    r = report_from_text(HEADER_TWO_ROWS)
    got = [(i.name, i.operator, i.target, i.unit, i.actual, i.weight, i.stated_score, i.deviation_reason)
           for i in r.indicators]
    assert got == [
        ("养护公路里程", ">=", Decimal(30), "公里", Decimal(32), Decimal(30), Decimal(30), None),
        ("群众满意度", ">=", Decimal(90), "%", Decimal(88), Decimal(30), Decimal(28), "调查样本偏少"),
    ]
    assert r.stated_total == Decimal("97.6")
