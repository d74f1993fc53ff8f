"""PDF pages: prose lines, borderless tables, tables continuing without a repeated header, page numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.readers.blocks import Paragraph, Table
from jixiao.readers.pdf import join_wrapped, read_pdf
from tests.fixtures_office import (
    BORDERLESS_ROWS,
    borderless_table_html,
    build_pdf_from_html,
    cjk_font_available,
    indicator_rows_html,
    weasyprint_available,
)

needs_pdf = pytest.mark.skipif(
    not (weasyprint_available() and cjk_font_available()),
    reason="needs WeasyPrint and a CJK font (fc-list :lang=zh), e.g. Debian fonts-wqy-microhei",
)

PROSE = (
    "信息系统维保项目预算批复于2023年1月下达，全年预算数1070.07万元，全年执行数838.41万元，预算执行率78.35%。"
    "其中全区80个智能卡口及拉林智能卡口链路租赁项目和交管局链路网络租赁项目为合同续签。"
)


@needs_pdf
def test_borderless_table_between_prose_paragraphs(tmp_path: Path) -> None:
    body = f"<p>一、绩效目标分解下达情况</p><p>{PROSE}</p>{borderless_table_html()}<p>二、绩效情况分析</p>"
    doc = read_pdf(build_pdf_from_html(tmp_path, "无框线.pdf", body))
    assert isinstance(doc.blocks[0], Paragraph) and doc.blocks[0].text == "一、绩效目标分解下达情况"
    prose = [b.text for b in doc.blocks[1:-2] if isinstance(b, Paragraph)]
    assert prose == [PROSE]  # the printed lines of one paragraph are joined back into it
    assert isinstance(doc.blocks[-2], Table)
    assert doc.blocks[-2].rows == [list(r) for r in BORDERLESS_ROWS]
    assert isinstance(doc.blocks[-1], Paragraph) and doc.blocks[-1].text == "二、绩效情况分析"


@needs_pdf
def test_prose_only_page_has_no_table(tmp_path: Path) -> None:
    doc = read_pdf(build_pdf_from_html(tmp_path, "正文.pdf", f"<p>{PROSE}</p>" * 3))
    assert doc.tables == []
    assert all(isinstance(b, Paragraph) for b in doc.blocks)
    assert all("页" not in b.text for b in doc.paragraphs)  # "第 1 页" footer dropped


@needs_pdf
def test_continuation_without_repeated_header_is_appended(tmp_path: Path) -> None:
    doc = read_pdf(build_pdf_from_html(tmp_path, "长表.pdf", indicator_rows_html(60, header=False)))
    assert len(doc.tables) == 1
    rows = doc.tables[0].rows
    assert rows[0] == ["序号", "三级指标", "指标值", "实际完成值"]
    assert [r[0] for r in rows[1:]] == [str(k) for k in range(1, 61)]
    assert rows[60] == ["60", "监控网络链路第60段", "≥60条", "60条"]


@needs_pdf
def test_continuation_with_repeated_header_keeps_one_header(tmp_path: Path) -> None:
    body = "<p>绩效指标完成情况如下：</p>" + indicator_rows_html(60, header=True)
    doc = read_pdf(build_pdf_from_html(tmp_path, "表头重复.pdf", body))
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Table"]
    rows = doc.tables[0].rows
    assert len(rows) == 61
    assert rows.count(["序号", "三级指标", "指标值", "实际完成值"]) == 1


@needs_pdf
def test_two_tables_on_one_page_stay_apart(tmp_path: Path) -> None:
    body = indicator_rows_html(3, header=False) + "<p>说明</p>" + indicator_rows_html(2, header=False)
    doc = read_pdf(build_pdf_from_html(tmp_path, "两表.pdf", body))
    assert [type(b).__name__ for b in doc.blocks] == ["Table", "Paragraph", "Table"]
    assert [len(t.rows) for t in doc.tables] == [4, 3]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("系统验收\n合格率", "系统验收合格率"),
        ("≤815.31\n万元", "≤815.31万元"),
        ("一级\n指标", "一级指标"),
        ("Windows\nServer", "Windows Server"),
        ("100\n%", "100%"),  # a number wrapped before its unit stays whole
        ("  \n", ""),
        ("（一）\n资金", "（一）资金"),
    ],
)
def test_join_wrapped(cell: str, expected: str) -> None:
    assert join_wrapped(cell) == expected


def test_wrapped_lines_join_without_breaking_numbers() -> None:
    assert join_wrapped("预算执行率83\n.75%") == "预算执行率83.75%"
    assert join_wrapped("全年预算数1,070\n.07万元") == "全年预算数1,070.07万元"
    assert join_wrapped("系统验收\n合格率") == "系统验收合格率"
    assert join_wrapped("annual\nreport") == "annual report"
