"""A transfer-payment regional form flattened by a viewer (operators inside the values, fund sources
run together) and a department-overall form whose fund block heads its amounts with a group cell."""

from decimal import Decimal

from jixiao.readers import report_from_text
from tests.layout_docs import DEPARTMENT_OVERALL, TRANSFER_FLATTENED


def test_transfer_form_budget_and_sources_from_runs_of_digits():
    r = report_from_text(TRANSFER_FLATTENED)
    b = r.budget
    assert (b.annual, b.executed, b.stated_execution_rate) == (Decimal(1200), Decimal(1140), Decimal(95))
    assert [(s.name, s.annual, s.executed) for s in b.sources] == [("中央补助", Decimal(900), Decimal(860))]
    assert r.kind == "transfer_payment"


def test_transfer_form_operators_inside_values():
    r = report_from_text(TRANSFER_FLATTENED)
    assert [(i.name, i.operator, i.target, i.actual) for i in r.indicators] == [
        ("危房改造户数", ">=", Decimal(600), Decimal(580)),
        ("竣工验收合格率", ">=", Decimal(95), Decimal(98)),
        ("困难群众住房安全保障率", ">=", Decimal(100), Decimal(100)),
        ("改造户满意度", ">=", Decimal(90), Decimal(94)),
    ]
    assert r.indicators[0].deviation_reason == "部分农户自行放弃改造"


def test_department_overall_form():
    r = report_from_text(DEPARTMENT_OVERALL)
    b = r.budget
    assert (b.initial, b.annual, b.executed) == (Decimal("520.6"), Decimal("548.2"), Decimal("541.3"))
    assert (b.weight, b.stated_score) == (Decimal(10), Decimal("9.87"))
    assert [i.name for i in r.indicators] == ["人民调解案件数", "法律援助案件受理及时率", "调解成功率", "群众满意度"]
    assert r.kind == "department"
    assert r.stated_total == Decimal("99.87")
