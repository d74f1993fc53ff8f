"""The empty official forms as .xlsx, ready to fill and print.

- ``self-eval-form``: 项目支出绩效自评表 (财预〔2020〕10号 附表), drawn by the same builder as the filled form;
- ``sichuan-form``: 部门预算项目支出绩效自评表 (Sichuan layout: 预算执行情况（10分）);
- ``transfer-form``: 中央对地方转移支付区域绩效自评表 (全年预算数(A) / 全年执行数(B) / 执行率).

Each has a dozen indicator rows pre-labelled with the usual 一级/二级 indicators, and where the form
has a 指标性质 column, a drop-down list ≥ ≤ ＝ ＞ ＜ 定性 on it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from jixiao.writers._common import BLANK_LEVEL_ROWS
from jixiao.writers.form_xlsx import (
    CENTER,
    DASH,
    LEFT,
    autofit_rows,
    build_mof10_sheet,
    merge_levels,
    operator_validation,
    print_setup,
    put,
    set_widths,
    title_rows,
)
from jixiao.writers.transfer_form import build_transfer_sheet

SICHUAN_HEADER: tuple[str, ...] = (
    "一级指标",
    "二级指标",
    "三级指标",
    "指标性质",
    "指标值",
    "度量单位",
    "全年实际完成值",
    "分值",
    "得分",
    "未完成原因和改进措施",
)


def _indicator_block(ws: Worksheet, header_row: int, header: tuple[str, ...], left: tuple[int, ...]) -> int:
    """Header plus the pre-labelled empty rows; returns the last indicator row."""
    for c, text in enumerate(header, start=1):
        put(ws, header_row, c, text, bold=True)
    first = header_row + 1
    for i, (l1, l2) in enumerate(BLANK_LEVEL_ROWS):
        put(ws, first + i, 1, l1)
        put(ws, first + i, 2, l2)
        for c in range(3, len(header) + 1):
            put(ws, first + i, c, None, align=LEFT if c in left else CENTER)
        ws.row_dimensions[first + i].height = 24
    merge_levels(ws, first, list(BLANK_LEVEL_ROWS))
    return first + len(BLANK_LEVEL_ROWS) - 1


def _goal_block(ws: Worksheet, row: int, split: int, width: int) -> None:
    put(ws, row, 1, "年度总体目标", to_row=row + 1, bold=True)
    put(ws, row, 2, "预期目标", to_col=split, bold=True)
    put(ws, row, split + 1, "实际完成情况", to_col=width, bold=True)
    put(ws, row + 1, 2, None, to_col=split, align=LEFT)
    put(ws, row + 1, split + 1, None, to_col=width, align=LEFT)
    ws.row_dimensions[row + 1].height = 90


def build_sichuan_sheet(ws: Worksheet) -> int:
    """部门预算项目支出绩效自评表 (四川). Returns the indicator header row."""
    width = len(SICHUAN_HEADER)
    set_widths(ws, (11.0, 14.0, 26.0, 9.0, 12.0, 9.0, 14.0, 9.0, 9.0, 28.0))
    title_rows(ws, "部门预算项目支出绩效自评表", None, width)
    put(ws, 3, 1, "项目名称", bold=True)
    put(ws, 3, 2, None, to_col=width, align=LEFT)
    put(ws, 4, 1, "主管部门", bold=True)
    put(ws, 4, 2, None, to_col=5, align=LEFT)
    put(ws, 4, 6, "实施单位", bold=True)
    put(ws, 4, 7, None, to_col=width, align=LEFT)
    funds = ("年度资金总额", "其中：财政拨款", "其他资金")
    put(ws, 5, 1, "预算执行情况（10分）", to_row=5 + len(funds), bold=True)
    put(ws, 5, 2, None, to_col=3)
    labels = ("年初预算", "调整后预算数", "预算执行数", "执行率", "分值", "得分")
    for c, text in enumerate(labels, start=4):
        put(ws, 5, c, text, to_col=10 if text == "得分" else None, bold=True)
    for i, label in enumerate(funds):
        r = 6 + i
        put(ws, r, 2, label, to_col=3, align=LEFT)
        for c in (4, 5, 6):
            put(ws, r, c, None, number_format="0.00")
        put(ws, r, 7, None, number_format='0.00"%"')
        put(ws, r, 8, 10 if i == 0 else DASH, number_format="0.00")
        put(ws, r, 9, None if i == 0 else DASH, to_col=10, number_format="0.00")
    goal_row = 6 + len(funds)
    _goal_block(ws, goal_row, 6, width)
    header_row = goal_row + 2
    last = _indicator_block(ws, header_row, SICHUAN_HEADER, (3, 10))
    operator_validation(ws, 4, header_row + 1, last)
    put(ws, last + 1, 1, "总分", to_col=7, bold=True)
    put(ws, last + 1, 8, 100, number_format="0")
    put(ws, last + 1, 9, None)
    put(ws, last + 1, 10, None)
    put(ws, last + 2, 1, "评价等级", to_col=7, bold=True)
    put(ws, last + 2, 8, None, to_col=width)
    autofit_rows(ws, 3, last + 2)
    print_setup(ws, header_row)
    return header_row


def _transfer(ws: Worksheet) -> int:
    return build_transfer_sheet(ws, None)


def _mof10(ws: Worksheet) -> int:
    return build_mof10_sheet(ws, None)


BLANK_FORMS: dict[str, tuple[str, Callable[[Worksheet], int]]] = {
    "self-eval-form": ("项目支出绩效自评表", _mof10),
    "sichuan-form": ("部门预算项目支出绩效自评表", build_sichuan_sheet),
    "transfer-form": ("转移支付区域绩效自评表", _transfer),
}
BLANK_FORM_KINDS: tuple[str, ...] = tuple(BLANK_FORMS)


def write_blank_form(kind: str, out: Path) -> None:
    """Write the empty form ``kind`` (one of ``BLANK_FORM_KINDS``) as .xlsx."""
    if kind not in BLANK_FORMS:
        raise ValueError(f"未知的表格类型：{kind}（可选：{'、'.join(BLANK_FORM_KINDS)}）")
    sheet_name, build = BLANK_FORMS[kind]
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet_name
    build(ws)
    wb.save(str(out))
