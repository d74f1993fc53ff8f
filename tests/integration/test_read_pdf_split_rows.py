"""A table row that breaks across pages (Word, LibreOffice) is read back as one row.

The cells whose text fitted are empty on the next page and the long cell goes on; both parts are
ruled. The reader joins the continuation to the row it continues, but not a new row that merely
has empty cells.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from jixiao.readers import read_report
from jixiao.readers.blocks import Table
from jixiao.readers.pdf import _continue_table, _PageTable, read_pdf
from tests.conftest import ROOT
from tests.fixtures_office import SPLIT_ROW_REASON, build_split_row_docx, soffice

SPLIT_PDF = ROOT / "tests" / "data" / "split-row-libreoffice.pdf"


def _check_split_row_pdf(path: Path) -> None:
    tables = [b for b in read_pdf(path).blocks if isinstance(b, Table)]
    assert len(tables) == 1
    rows = tables[0].rows
    assert len(rows) == 31  # header + 30 indicators: no half row
    assert rows[24] == ["产出指标", "监控网络链路第24段", "≥24条", "24条", SPLIT_ROW_REASON]
    assert rows[25][:2] == ["产出指标", "监控网络链路第25段"]
    _, report = read_report(path)
    assert [i.name for i in report.indicators] == [f"监控网络链路第{k}段" for k in range(1, 31)]
    assert report.indicators[23].deviation_reason == SPLIT_ROW_REASON
    assert {i.level1 for i in report.indicators} == {"output"}


def test_row_broken_across_pages_by_libreoffice() -> None:
    _check_split_row_pdf(SPLIT_PDF)


@pytest.mark.skipif(soffice() is None, reason="needs LibreOffice (soffice) on PATH")
def test_same_when_printed_again(tmp_path: Path) -> None:
    docx = build_split_row_docx(tmp_path)
    subprocess.run([str(soffice()), "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
                   check=True, capture_output=True, timeout=120)
    _check_split_row_pdf(tmp_path / "split-row.pdf")


def _part(rows: list[list[str]], boxes: list[list[int]], box_rows: dict[int, int] | None = None) -> _PageTable:
    return _PageTable(rows=rows, boxes=boxes, box_rows=box_rows or {}, top=0.0, bottom=100.0)


HEADER = ["三级指标", "指标值", "实际完成值", "偏差原因"]


def test_continuation_of_the_last_row_is_joined() -> None:
    first = _part([HEADER, ["系统验收合格率", "≥98%", "95%", "部分设备到货"]], [[0, 1, 2, 3], [4, 5, 6, 7]])
    cont = _part([["", "", "", "较晚，已督促供应商"], ["系统正常使用率", "≥98%", "99%", ""]],
                 [[0, 1, 2, 3], [4, 5, 6, 7]])
    _continue_table(first, cont)
    assert first.rows == [
        HEADER,
        ["系统验收合格率", "≥98%", "95%", "部分设备到货较晚，已督促供应商"],
        ["系统正常使用率", "≥98%", "99%", ""],
    ]


def test_new_row_with_empty_cells_is_not_joined() -> None:
    first = _part([HEADER, ["系统验收合格率", "≥98%", "95%", "部分设备到货较晚"]], [[0, 1, 2, 3], [4, 5, 6, 7]])
    cont = _part([["系统正常使用率", "≥98%", "", ""]], [[0, 1, 2, 3]])  # actual not filled in: still a row
    _continue_table(first, cont)
    assert first.rows[-2:] == [
        ["系统验收合格率", "≥98%", "95%", "部分设备到货较晚"],
        ["系统正常使用率", "≥98%", "", ""],
    ]


def test_new_row_under_a_merged_cell_cut_on_the_last_row_is_not_joined() -> None:
    """满意度指标 starts on the page's last row and goes on below (its text on the first page only):
    the next row has only that cell empty, the rest filled: a row of its own."""
    first = _part([["二级", *HEADER], ["满意度指标", "服务对象满意度", "≥95%", "86%", ""]],
                  [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]])
    cont = _part([["", "参训人员满意度", "≥95%", "99%", ""]], [[0, 1, 2, 3, 4]])
    _continue_table(first, cont)
    assert first.rows[-2:] == [
        ["满意度指标", "服务对象满意度", "≥95%", "86%", ""],
        ["", "参训人员满意度", "≥95%", "99%", ""],
    ]


def test_merged_cell_cut_by_the_page_is_carried_not_joined() -> None:
    """产出指标 spans rows on both pages (its text is on the first); the split row's cells are joined."""
    first = _part([["一级", *HEADER], ["产出指标", "监控网络链路", "23条", "23条", "链路"]],
                  [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]], {5: 3})
    cont = _part([["", "", "", "", "已全部开通"], ["", "租用互联网网络", "3条", "3条", ""]],
                 [[0, 1, 2, 3, 4], [0, 5, 6, 7, 8]], {0: 2})
    _continue_table(first, cont)
    assert first.rows == [
        ["一级", *HEADER],
        ["产出指标", "监控网络链路", "23条", "23条", "链路已全部开通"],
        ["产出指标", "租用互联网网络", "3条", "3条", ""],
    ]
