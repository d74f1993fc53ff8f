"""The three official layouts, in Word, Excel and PDF, read into the same Report values."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao.policy import load_policy
from jixiao.readers import read_report
from jixiao.scoring import score_report
from jixiao.serialize import r2
from tests.fixtures_office import (
    build_mof10_docx,
    build_mof10_xlsx,
    build_sichuan_xlsx,
    build_transfer_docx,
    build_transfer_pdf,
    cjk_font_available,
)


@pytest.mark.parametrize("build,fmt", [(build_mof10_docx, "docx"), (build_mof10_xlsx, "xlsx")])
def test_mof10_form(tmp_path, build, fmt):
    got_fmt, r = read_report(build(tmp_path))
    assert (got_fmt, r.layout, r.kind, r.fiscal_year) == (fmt, "mof-10", "project", 2023)
    assert r.organization == "西藏自治区公安厅公安交通管理局"
    assert r.supervising_department == "西藏自治区公安厅"
    b = r.budget
    assert (b.initial, b.annual, b.executed, b.weight) == (D("1070.07"), D("1070.07"), D("838.41"), D("10"))
    assert b.stated_execution_rate == D("78.35")
    assert [s.name for s in b.sources] == ["财政拨款", "上年结转", "其他资金"]
    assert len(r.indicators) == 13 and not any(i.levels_inferred for i in r.indicators)
    first = r.indicators[0]
    assert (first.level1, first.level2, first.name, first.operator, first.target, first.unit, first.weight) == (
        "output", "quantity", "监控网络链路", ">=", D("23"), "条", D("8"))
    assert r.stated_total == D("97.84")
    assert r.overall_goal is not None and r.overall_goal.startswith("本次项目为电路租用")
    card = score_report(r, load_policy())
    assert r2(card.total) == D("97.84") and card.grade == "优"


def test_sichuan_form(tmp_path):
    _, r = read_report(build_sichuan_xlsx(tmp_path))
    assert (r.layout, r.kind) == ("sichuan", "project")
    assert r.supervising_department == "西藏自治区公安厅"
    assert (r.budget.initial, r.budget.annual, r.budget.executed) == (D("1070.07"), D("1070.07"), D("838.41"))
    rate = next(i for i in r.indicators if i.name == "系统验收合格率")
    assert (rate.operator, rate.target, rate.unit) == ("=", D("98"), "%")
    assert len(r.indicators) == 13


@pytest.mark.parametrize("unit", ["万元", "元"])
def test_transfer_form_docx(tmp_path, unit):
    _, r = read_report(build_transfer_docx(tmp_path, unit=unit))
    assert (r.layout, r.kind) == ("transfer", "transfer_payment")
    assert r.supervising_department == "西藏自治区公安厅"  # 地方主管部门, not the ministry (公安部)
    assert (r.budget.annual, r.budget.executed) == (D("1070.07"), D("838.41"))
    assert [s.name for s in r.budget.sources] == ["中央补助", "地方资金", "其他资金"]
    assert len(r.indicators) == 30
    cost = next(i for i in r.indicators if i.name.endswith("维保"))
    assert (cost.operator, cost.target, cost.unit, cost.actual) == ("<=", D("236.87"), "万元", D("164.07"))
    assert all(i.weight is None for i in r.indicators)


@pytest.mark.skipif(not cjk_font_available(), reason="no CJK font to build the PDF (apt install fonts-wqy-microhei)")
def test_transfer_form_pdf_split_across_pages(tmp_path):
    _, r = read_report(build_transfer_pdf(tmp_path))
    assert (r.layout, r.kind) == ("transfer", "transfer_payment")
    assert len(r.indicators) == 30
    assert r.indicators[0].name == "监控网络链路" and r.indicators[-1].name == "网络使用人员满意度"
    assert (r.budget.annual, r.budget.executed) == (D("1070.07"), D("838.41"))
