"""A flattened sheet numbering its indicators (指标1：…) with other cells interleaved, and the values
of its last rows given before their names: the extra value groups go to the rows without values."""

from decimal import Decimal

from jixiao.readers import report_from_text
from tests.layout_docs import NUMBERED_INTERLEAVED


def test_budget_two_amounts_under_three_headings():
    b = report_from_text(NUMBERED_INTERLEAVED).budget
    assert (b.initial, b.annual, b.executed) == (None, Decimal(30), Decimal("28.5"))
    assert (b.weight, b.stated_score) == (Decimal(10), Decimal(9))


def test_rows_and_their_value_groups():
    r = report_from_text(NUMBERED_INTERLEAVED)
    got = [(i.name, i.target_text, i.actual_text, i.weight, i.stated_score) for i in r.indicators]
    assert got == [
        ("康复训练人数", "300", "280", Decimal(25), Decimal(22)),
        ("康复服务达标率", "98%", "98%", Decimal(25), Decimal(25)),
        ("人均康复补助", "1000元", "1000元", Decimal(30), Decimal(30)),
        ("服务对象满意度", "95%", "96%", Decimal(10), Decimal(10)),
    ]
    assert r.indicators[0].deviation_reason == "部分对象外出务工"
    assert r.indicators[2].provenance["target"].how == "realigned"
