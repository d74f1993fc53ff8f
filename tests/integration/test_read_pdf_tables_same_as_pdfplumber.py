"""``readers.pdf_tables`` finds the same tables, cells and cell text as pdfplumber's own finder.

Compared page by page on PDFs with merged cells, tables running over pages (a merged cell cut by the
page break), two tables on a page, a table beside prose, and with the closing lines the reader adds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.readers import pdf_tables
from tests.fixtures_office import (
    build_pdf_from_html,
    build_transfer_pdf,
    cjk_font_available,
    indicator_rows_html,
    weasyprint_available,
)

pytestmark = pytest.mark.skipif(
    not (weasyprint_available() and cjk_font_available()),
    reason="needs WeasyPrint and a CJK font (fc-list :lang=zh), e.g. Debian fonts-wqy-microhei",
)

LINES = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}

MERGED_OVER_PAGES = (
    "<p>绩效指标完成情况</p><table>"
    + "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>实际完成值</td></tr>"
    + "".join(
        ("<tr><td rowspan='40'>产出指标</td><td rowspan='25'>数量指标</td>" if k == 1 else
         "<tr><td rowspan='15'>质量指标</td>" if k == 26 else "<tr>")
        + f"<td>监控网络链路第{k}段租赁及运行维护</td><td>≥{k}条</td><td>{k} 条</td></tr>"
        for k in range(1, 41)
    )
    + "</table><p>以上指标均已完成。</p>"
)


def _closing(tables: list[Any]) -> list[dict[str, Any]]:
    lines = []
    for t in tables:
        x0, top, x1, bottom = t.bbox
        for y in (top, bottom):
            lines.append({"object_type": "line", "x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0,
                          "height": 0})
    return lines


def _cells(tables: list[Any]) -> list[list[tuple[float, ...]]]:
    """Each table's cells, sorted, to 1e-6 pt: merging edges already merged averages positions in another
    order, which may move them by a rounding error of the last bit."""
    return [sorted(tuple(round(v, 6) for v in c) for c in t.cells) for t in tables]


def _same_on_every_page(path: Path) -> int:
    """Assert equality on each page of ``path``; the number of tables compared."""
    compared = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            theirs = page.find_tables(LINES)
            edges = pdf_tables.page_edges(page)
            ours = pdf_tables.find_tables(page, edges)
            assert _cells(ours) == _cells(theirs)
            closing = _closing(theirs)
            theirs2 = page.find_tables({**LINES, "explicit_horizontal_lines": closing}) if theirs else []
            ours2 = pdf_tables.find_tables(page, edges, closing) if ours else []
            assert _cells(ours2) == _cells(theirs2)
            for a, b in zip(ours2, theirs2, strict=True):
                assert pdf_tables.extract(a, page.chars) == b.extract()
                compared += 1
    return compared


def test_transfer_form_over_two_pages(tmp_path: Path) -> None:
    assert _same_on_every_page(build_transfer_pdf(tmp_path)) >= 3


def test_merged_cells_cut_by_page_breaks(tmp_path: Path) -> None:
    path = build_pdf_from_html(tmp_path, "合并单元格跨页.pdf", MERGED_OVER_PAGES)
    assert _same_on_every_page(path) >= 2


def test_two_tables_and_prose_on_one_page(tmp_path: Path) -> None:
    body = (
        "<p>一、项目基本情况</p>" + indicator_rows_html(4, header=False)
        + "<p>二、绩效指标完成情况，详见下表。</p>" + indicator_rows_html(6, header=True)
    )
    assert _same_on_every_page(build_pdf_from_html(tmp_path, "两张表.pdf", body)) == 2


def test_page_without_ruling_lines_has_no_table(tmp_path: Path) -> None:
    path = build_pdf_from_html(tmp_path, "无表格.pdf", "<p>全年预算数1070.07万元，全年执行数838.41万元。</p>")
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        assert pdf_tables.find_tables(page, pdf_tables.page_edges(page)) == []


def test_cut_merged_cell_is_a_cell_only_after_closing(tmp_path: Path) -> None:
    """The reason for the second pass: the 一级指标 cell cut at the page's foot has no bottom line."""
    path = build_pdf_from_html(tmp_path, "合并单元格跨页.pdf", MERGED_OVER_PAGES)
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        edges = pdf_tables.page_edges(page)
        first = pdf_tables.find_tables(page, edges)
        second = pdf_tables.find_tables(page, edges, _closing(first))
        assert len(second[0].cells) > len(first[0].cells)
        assert "产出指标" in pdf_tables.extract(second[0], page.chars)[1]


_CHAR_TEXT = st.sampled_from(["系", "统", "合", "格", "率", "9", "8", ".", "%", "a", "ﬁ", " ", "\u3000", ""])


@st.composite
def _chars(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Characters of one cell: mostly one line, sometimes two, now and then rotated."""
    out = []
    line_top = draw(st.floats(100, 110))
    for _ in range(draw(st.integers(1, 14))):
        x0 = draw(st.floats(50, 120))
        width = draw(st.floats(0.5, 11))
        top = line_top + draw(st.sampled_from([0.0, 0.4, -1.2, 2.9, 3.1, 12.0]))
        out.append({
            "text": draw(_CHAR_TEXT), "x0": x0, "x1": x0 + width, "top": top, "bottom": top + 10.5,
            "doctop": top + 842, "upright": draw(st.sampled_from([True] * 9 + [False])), "size": 10.5,
            "height": 10.5, "width": width,
        })
    return out


@given(_chars())
@settings(max_examples=500, deadline=None)
def test_cell_text_is_pdfplumbers_extract_text(chars: list[dict[str, Any]]) -> None:
    assert pdf_tables.cell_text(chars) == pdfplumber.utils.extract_text(chars)
