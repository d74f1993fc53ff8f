"""How single Excel cell values become text: formulas, float noise, percents, dates, stray far cells."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from jixiao.readers.xlsx import read_xlsx


def _one_sheet(tmp_path: Path, cells: dict[str, object], formats: dict[str, str] | None = None) -> list[list[str]]:
    wb = openpyxl.Workbook()
    ws = wb.active
    for ref, value in cells.items():
        ws[ref] = value
    for ref, fmt in (formats or {}).items():
        ws[ref].number_format = fmt
    path = tmp_path / "cells.xlsx"
    wb.save(path)
    doc = read_xlsx(path)
    assert len(doc.tables) == 1
    return doc.tables[0].rows


def test_formula_without_cached_value_is_empty(tmp_path: Path) -> None:
    rows = _one_sheet(
        tmp_path,
        {"A1": "", "B1": "执行率", "C1": "全年执行数", "D1": "全年预算数",
         "A2": "年度资金总额", "B2": "=C2/D2", "C2": 838.41, "D2": 1070.07},
    )
    assert rows == [["", "执行率", "全年执行数", "全年预算数"], ["年度资金总额", "", "838.41", "1070.07"]]


def test_columns_and_rows_empty_everywhere_are_dropped(tmp_path: Path) -> None:
    rows = _one_sheet(tmp_path, {"B2": "一级指标", "D2": "三级指标", "B5": "产出指标", "D5": "监控网络链路"})
    assert rows == [["一级指标", "三级指标"], ["产出指标", "监控网络链路"]]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.1, "0.1"),
        (1070.07, "1070.07"),
        (23.0, "23"),
        (23, "23"),
        (0.1 + 0.2, "0.3"),
        (838.41 - 0.01, "838.4"),
        (10700700.0, "10700700"),
        (-5.5, "-5.5"),
        (1.5e-7, "0.00000015"),
    ],
)
def test_numbers_are_shortest_exact_text(tmp_path: Path, value: float, expected: str) -> None:
    assert _one_sheet(tmp_path, {"A1": value}) == [[expected]]


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        (0.95, "0%", "95%"),
        (0.9535, "0.00%", "95.35%"),
        (0.7835, "0.0%", "78.4%"),
        (1, "0%", "100%"),
        (0.98, "0.00%", "98.00%"),
        (0.7835, '"执行率"0.00%', "78.35%"),
    ],
)
def test_percent_formats_show_as_excel_shows_them(tmp_path: Path, value: float, fmt: str, expected: str) -> None:
    assert _one_sheet(tmp_path, {"A1": value}, {"A1": fmt}) == [[expected]]


def test_text_numbers_dates_and_booleans(tmp_path: Path) -> None:
    rows = _one_sheet(
        tmp_path,
        {
            "A1": "95%",
            "B1": " 1070.07 ",
            "C1": dt.datetime(2023, 12, 31),
            "D1": True,
            "E1": "第一行\r\n第二行",
        },
    )
    assert rows == [["95%", "1070.07", "2023-12-31", "TRUE", "第一行\n第二行"]]


def test_a_stray_cell_far_away_does_not_build_a_huge_grid(tmp_path: Path) -> None:
    rows = _one_sheet(tmp_path, {"B2": "项目名称", "C2": "维保项目", "XFD1048576": "x"})
    assert rows == [["项目名称", "维保项目", ""], ["", "", "x"]]


def test_merged_range_is_clipped_to_the_content(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "项目支出绩效自评表"
    ws.merge_cells("A1:Z1")
    ws["A2"] = "项目名称"
    ws["B2"] = "维保项目"
    path = tmp_path / "clip.xlsx"
    wb.save(path)
    assert read_xlsx(path).tables[0].rows == [["项目支出绩效自评表", "项目支出绩效自评表"], ["项目名称", "维保项目"]]


def test_macro_enabled_workbook_is_read(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active["A1"] = "三级指标"
    path = tmp_path / "宏.xlsm"
    wb.save(path)
    assert read_xlsx(path).tables[0].rows == [["三级指标"]]


def test_workbook_with_only_empty_sheets_gives_no_tables(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.create_sheet("Sheet2")
    path = tmp_path / "empty.xlsx"
    wb.save(path)
    assert read_xlsx(path).blocks == []
