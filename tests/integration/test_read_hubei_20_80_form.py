"""Hubei's form: budget worth 20 points scored 20 × 执行率, indicators 80; names restating targets."""

from decimal import Decimal

from jixiao.readers import report_from_text
from tests.layout_docs import HUBEI_20_80


def test_budget_run_with_the_budget_score():
    b = report_from_text(HUBEI_20_80).budget
    assert (b.annual, b.executed, b.stated_execution_rate) == (Decimal(500), Decimal(450), Decimal(90))
    assert (b.weight, b.stated_score) == (Decimal(20), Decimal(18))


def test_names_that_restate_their_target():
    r = report_from_text(HUBEI_20_80)
    assert [(i.name, i.target_text, i.actual_text, i.stated_score) for i in r.indicators] == [
        ("购置彩超设备2台", "2台", "2台", Decimal(20)),
        ("设备验收合格", "合格", "合格", Decimal(20)),
        ("1年", "1年", "1年", Decimal(20)),
    ]
