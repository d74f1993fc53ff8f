"""Pipe tables in the 中央对地方转移支付区域绩效自评表 layout: operators inside values, no weights."""

from __future__ import annotations

from decimal import Decimal as D

from jixiao.policy import load_policy
from jixiao.readers import report_from_text
from jixiao.scoring import score_report
from jixiao.serialize import r2
from tests.text_docs import PIPES_TRANSFER


def test_fund_block_with_sources():
    b = report_from_text(PIPES_TRANSFER).budget
    assert (b.annual, b.executed, b.stated_execution_rate) == (D("2000"), D("1900"), D("95"))
    assert [(s.name, s.annual, s.executed) for s in b.sources] == [
        ("中央补助", D("1500"), D("1450")), ("地方资金", D("500"), D("450")), ("其他资金", D("0"), D("0"))]


def test_operators_and_units_inside_value_cells():
    inds = report_from_text(PIPES_TRANSFER).indicators
    assert [(i.name, i.operator, i.target, i.unit, i.actual) for i in inds[:4]] == [
        ("新建供水工程", ">=", D("23"), "处", D("23")),
        ("水质达标率", ">=", D("95"), "%", D("97")),
        ("工程建设成本", "<=", D("2000"), "万元", D("1900")),
        ("受益人口", ">=", D("5"), "万人", D("4.8")),
    ]
    assert inds[4].operator == "qualitative" and inds[4].target_text == "长期"


def test_budget_row_and_total_row_are_not_indicators():
    r = report_from_text(PIPES_TRANSFER)
    assert [i.name for i in r.indicators] == ["新建供水工程", "水质达标率", "工程建设成本", "受益人口", "工程长效运行",
                                              "受益群众满意度"]
    assert r.organization == "某省水利厅" and r.fiscal_year == 2023 and r.kind == "transfer_payment"


def test_unmet_indicator_scored_by_ratio():
    card = score_report(report_from_text(PIPES_TRANSFER), load_policy())
    assert card.indicators[3].met is False
    assert r2(card.indicators[3].score) == D("14.40")  # 15 × 4.8 / 5
    assert r2(card.total) == D("98.90")
