"""Paragraphs and several tables of a Word file come back interleaved in document order."""

from __future__ import annotations

import pytest

from jixiao.readers.blocks import Document, Paragraph, Table
from jixiao.readers.docx import read_docx
from tests.fixtures_office import (
    GOAL_ACTUAL,
    LONG_COST_NAME,
    ORGANIZATION,
    TRANSFER_INDICATOR_HEADER,
    build_transfer_docx,
    transfer_indicator_form,
)


@pytest.fixture(scope="module")
def doc(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return read_docx(build_transfer_docx(tmp_path_factory.mktemp("transfer")))


def test_blocks_interleave_in_document_order(doc: Document) -> None:
    summary = [b.text if isinstance(b, Paragraph) else f"<table {len(b.rows)}>" for b in doc.blocks]
    assert summary == [
        "中央对地方转移支付区域绩效自评表",
        "（2023年度）",
        "<table 9>",
        "绩效指标完成情况如下：",  # the empty paragraph after it is not emitted
        "<table 31>",
        f"填报单位：{ORGANIZATION}",
    ]


def test_fund_table_has_a_b_columns(doc: Document) -> None:
    fund = doc.tables[0].rows
    assert fund[2] == ["资金情况（万元）", "", "全年预算数(A)", "全年执行数(B)", "执行率(B/A)"]
    assert fund[3] == ["资金情况（万元）", "年度资金总额", "1070.07", "838.41", "78.35%"]
    assert fund[4][1:] == ["其中：中央补助", "1070.07", "838.41", "78.35%"]
    assert fund[8][3:] == [GOAL_ACTUAL, GOAL_ACTUAL]


def test_indicator_table_keeps_operators_inside_value_cells(doc: Document) -> None:
    rows = doc.tables[1].rows
    assert rows[0] == TRANSFER_INDICATOR_HEADER
    assert rows[1] == ["产出指标", "数量指标", "监控网络链路", "≥23条", "23条", ""]
    by_name = {r[2]: r for r in rows[1:]}
    assert by_name[LONG_COST_NAME][3:5] == ["≤236.87万元", "164.07万元"]
    assert by_name["政府采购率"][3:5] == ["100%", "100%"]
    assert by_name["保障我局办公网络畅通"] == [
        "效益指标", "社会效益指标", "保障我局办公网络畅通", "作用明显", "作用明显", "",
    ]
    assert rows == transfer_indicator_form().grid()


def test_amounts_in_yuan_are_read_as_written(tmp_path_factory: pytest.TempPathFactory) -> None:
    doc = read_docx(build_transfer_docx(tmp_path_factory.mktemp("yuan"), unit="元"))
    fund = doc.tables[0]
    assert isinstance(fund, Table)
    assert fund.rows[2][0] == "资金情况（元）"
    assert fund.rows[3][1:] == ["年度资金总额", "10700700.00", "8384100.00", "78.35%"]
