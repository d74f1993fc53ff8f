"""Hidden worksheets (lookup lists) are left out unless nothing visible has content."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from jixiao.readers.xlsx import read_xlsx


def test_hidden_lookup_sheet_is_skipped(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    form = wb.active
    form.title = "自评表"
    form["A1"] = "三级指标"
    form["B1"] = "指标性质"
    lists = wb.create_sheet("下拉选项")
    for k, op in enumerate(("≥", "≤", "＝", "定性"), start=1):
        lists.cell(row=k, column=1, value=op)
    lists.sheet_state = "hidden"
    path = tmp_path / "隐藏.xlsx"
    wb.save(path)
    doc = read_xlsx(path)
    assert [t.name for t in doc.tables] == ["自评表"]


def test_hidden_sheets_count_when_nothing_is_visible(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.title = "封面"
    data = wb.create_sheet("数据")
    data["A1"] = "年度资金总额"
    data["B1"] = 1070.07
    data.sheet_state = "veryHidden"
    path = tmp_path / "全隐藏.xlsx"
    wb.save(path)
    doc = read_xlsx(path)
    assert [(t.name, t.rows) for t in doc.tables] == [("数据", [["年度资金总额", "1070.07"]])]
