"""项目支出绩效自评表 (财预〔2020〕10号 附表) as .xlsx, filled from a ``CheckResult``, through openpyxl.

Ten columns A–J. Numbers are written as numbers (Decimals, rounded to 2 places for rates and
scores); targets and actuals that are not plain numbers keep their text. The sheet builder is shared
with the blank form (``blank_forms``): ``build_mof10_sheet(ws, None)`` draws the empty form.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from jixiao.model import CheckResult, FundSource, Report
from jixiao.writers._common import (
    BLANK_LEVEL_ROWS,
    INDICATOR_HEADER,
    OPERATOR_CHOICES,
    IndicatorRow,
    indicator_rows,
    is_transfer,
    round2,
    runs,
    section_text,
    stated_rate,
)
from jixiao.writers.xlsx_cells import set_value

CellValue = str | int | Decimal | None

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
FONT = Font(name="宋体", size=10)
BOLD = Font(name="宋体", size=10, bold=True)
TITLE_FONT = Font(name="宋体", size=16, bold=True)
MONEY = "0.00"
RATE = '0.00"%"'
SCORE = "0.00"
STATED = "General"  # a figure the unit wrote, shown as written (96, 7.5, 9.91), not padded to 2 places
DASH = "—"

# --- sheet helpers (shared with blank_forms) ------------------------------------------------------


def put(
    ws: Worksheet,
    row: int,
    col: int,
    value: CellValue,
    *,
    to_col: int | None = None,
    to_row: int | None = None,
    bold: bool = False,
    align: Alignment = CENTER,
    number_format: str | None = None,
    border: bool = True,
) -> None:
    """Write a cell (merged over ``to_row``×``to_col`` when given), bordered, wrapped."""
    last_row, last_col = to_row or row, to_col or col
    cell = ws.cell(row=row, column=col)
    set_value(cell, value)  # text from a document stays text (never a formula)
    cell.font = BOLD if bold else FONT
    cell.alignment = align
    if number_format is not None:
        cell.number_format = number_format
    for r in range(row, last_row + 1):
        for c in range(col, last_col + 1):
            if border:
                ws.cell(row=r, column=c).border = BORDER
    if (last_row, last_col) != (row, col):
        ws.merge_cells(start_row=row, start_column=col, end_row=last_row, end_column=last_col)


def title_rows(ws: Worksheet, title: str, year: int | None, width: int) -> None:
    put(ws, 1, 1, title, to_col=width, border=False)
    ws.cell(row=1, column=1).font = TITLE_FONT
    ws.row_dimensions[1].height = 30
    year_text = f"（{year}年度）" if year else "（    年度）"
    put(ws, 2, 1, year_text, to_col=width, border=False)


def set_widths(ws: Worksheet, widths: tuple[float, ...]) -> None:
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


def print_setup(ws: Worksheet, header_row: int | None = None, landscape: bool = True) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    if header_row is not None:
        ws.print_title_rows = f"{header_row}:{header_row}"


LINE_HEIGHT = 13.5  # points per line of 10-pt text


def _text_units(text: str) -> float:
    """Width of a 10-pt text in column units (the width of "0" in the default font): a CJK
    character is a little under two."""
    return sum(1.85 if ord(ch) > 0x2E7F else 1.0 for ch in text)


def autofit_rows(ws: Worksheet, first: int, last: int, minimum: float = 18.0) -> None:
    """Set row heights so wrapped text shows whole (Excel and LibreOffice do not grow rows that a
    generated file gives no height; a merged cell's text is spread over its rows)."""
    spans: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    for rng in ws.merged_cells.ranges:
        spans[(rng.min_row, rng.min_col)] = (rng.min_row, rng.min_col, rng.max_row, rng.max_col)
    need: dict[int, float] = {}
    for r in range(first, last + 1):
        for c in range(1, ws.max_column + 1):
            value = ws.cell(row=r, column=c).value
            if value is None or value == "":
                continue
            _, _, r2, c2 = spans.get((r, c), (r, c, r, c))
            width = sum(ws.column_dimensions[get_column_letter(k)].width or 9.0 for k in range(c, c2 + 1))
            lines = 0
            for part in str(value).split("\n"):
                lines += max(1, math.ceil(_text_units(part) / max(width - 1.5, 1.0)))
            per_row = lines * LINE_HEIGHT / (r2 - r + 1) + 4
            for k in range(r, r2 + 1):
                need[k] = max(need.get(k, minimum), per_row)
    for r, height in need.items():
        current = ws.row_dimensions[r].height
        if current is None or current < height:
            ws.row_dimensions[r].height = min(height, 409)


def operator_validation(ws: Worksheet, col: int, first_row: int, last_row: int) -> DataValidation:
    """A drop-down list ≥ ≤ ＝ ＞ ＜ 定性 on the 指标性质 column."""
    dv = DataValidation(
        type="list",
        formula1='"' + ",".join(OPERATOR_CHOICES) + '"',
        allow_blank=True,
        showDropDown=False,  # False shows the in-cell arrow (the attribute name is inverted in OOXML)
        showErrorMessage=True,
        showInputMessage=True,
        errorTitle="指标性质",
        error="请从下拉列表选择：≥、≤、＝、＞、＜、定性",
        promptTitle="指标性质",
        prompt="≥ ≤ ＝ ＞ ＜ 定性",
    )
    letter = get_column_letter(col)
    dv.add(f"{letter}{first_row}:{letter}{last_row}")
    ws.add_data_validation(dv)
    return dv


def merge_levels(ws: Worksheet, first_row: int, levels: list[tuple[str, str]], col1: int = 1, col2: int = 2) -> None:
    """Merge equal consecutive 一级 cells, and 二级 cells inside one 一级 run, vertically."""
    for start, end in runs([lv[0] for lv in levels]):
        if end - start > 1:
            ws.merge_cells(start_row=first_row + start, start_column=col1, end_row=first_row + end - 1, end_column=col1)
    keyed = [f"{lv[0]}\x00{lv[1]}" if lv[1] else "" for lv in levels]
    for start, end in runs(keyed):
        if end - start > 1:
            ws.merge_cells(start_row=first_row + start, start_column=col2, end_row=first_row + end - 1, end_column=col2)


# --- the data the 10号文 form shows ---------------------------------------------------------------

STANDARD_SOURCES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("其中：当年财政拨款", ("财政拨款", "当年")),
    ("上年结转资金", ("结转",)),
    ("其他资金", ("其他",)),
)


@dataclass
class FundRow:
    label: str
    initial: Decimal | None = None
    annual: Decimal | None = None
    executed: Decimal | None = None


@dataclass
class FormData:
    year: int | None
    project: str
    supervisor: str
    organization: str
    total: FundRow
    sources: list[FundRow]
    budget_weight: Decimal | None
    execution_rate: Decimal | None
    budget_score: Decimal | None
    goal: str
    goal_actual: str
    indicators: list[IndicatorRow] = field(default_factory=list)
    total_score: Decimal | None = None
    grade: str = ""


_BRACKETED_NAME = re.compile(r"(?:报告|自评表|评价表)\s*[（(]([^（）()]{4,40})[)）]$")
_YEAR_WORD = re.compile(r"(?:20\d{2}|[（(]\s*20\d{2}\s*年度?\s*[)）])\s*年度?")


@cache
def _form_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    from jixiao.readers.meta import words

    w = words()["title"]
    return tuple(sorted(w["form_words"], key=len, reverse=True)), tuple(w["place_suffixes"])


def names_a_form(title: str) -> bool:
    """Whether a title only names a form ("2022年度项目支出绩效自评表", "银川市本级部门项目支出绩效自评表"):
    nothing but a year, a place and the words of a form's title."""
    form_words, places = _form_words()
    rest = _YEAR_WORD.sub("", "".join(title.split()))
    for w in form_words:
        rest = rest.replace(w, "")
    rest = rest.strip("（）()·-—：: ")
    return not rest or (len(rest) <= 8 and rest.endswith(places))


def project_name(report: Report) -> str:
    """The project as the form's 项目名称 cell gave it; else the title without the unit, the year and
    绩效自评报告 (公安厅交管局转移支付2023年度绩效自评报告 → 公安厅交管局转移支付; …报告(残疾人事业发展补助资金) →
    残疾人事业发展补助资金); blank when the title only names a form (2022年度项目支出绩效自评表)."""
    if report.project and report.project.strip():
        return report.project.strip()
    title = "".join((report.title or "").split())
    if not title:
        return ""
    m = _BRACKETED_NAME.search(title)
    if m:
        return m.group(1).strip()
    if names_a_form(title):
        return ""
    name = re.sub(r"(项目支出)?(绩效)?(自评)?(报告|自评表)$", "", title)
    name = re.sub(r"\d{4}\s*年度?$", "", name).strip()
    org = "".join((report.organization or "").split())
    if org and name.startswith(org):  # 昌宁县…中心学校2023年度项目支出绩效自评报告 names the unit, not a project
        name = re.sub(r"^\d{4}\s*年度?", "", name[len(org):]).strip()
        return "" if not name or names_a_form(name) else name
    return name or title


def _source_rows(sources: list[FundSource]) -> list[FundRow]:
    rows: list[FundRow] = []
    used: set[int] = set()
    for label, words in STANDARD_SOURCES:
        row = FundRow(label)
        for i, s in enumerate(sources):
            if i not in used and any(w in s.name for w in words):
                row = FundRow(label, s.initial, s.annual, s.executed)
                used.add(i)
                break
        rows.append(row)
    # sources the form has no row for (中央补助, 地方资金, …) get rows of their own: nothing is lost
    rows += [FundRow(s.name, s.initial, s.annual, s.executed) for i, s in enumerate(sources) if i not in used]
    return rows


def form_data(result: CheckResult) -> FormData:
    """What the unit filled in, as it filled it: its 分值, 得分, 总分 and 评价等级 (blank where it gave
    none); the tool's own figures go to the 复核 sheet (``review_sheet``), never into these cells."""
    report = result.report or Report()
    budget = report.budget
    total = FundRow("年度资金总额")
    if budget is not None:
        total = FundRow("年度资金总额", budget.initial, budget.annual, budget.executed)
    goal_actual = report.overall_goal_actual or section_text(report, ("总体", "目标")) or ""
    return FormData(
        year=report.fiscal_year,
        project=project_name(report),
        supervisor=report.supervising_department or "",
        organization=report.organization or "",
        total=total,
        sources=_source_rows(budget.sources if budget is not None else []),
        budget_weight=budget.weight if budget is not None else None,
        execution_rate=stated_rate(budget),
        budget_score=budget.stated_score if budget is not None else None,
        goal=report.overall_goal or "",
        goal_actual=goal_actual,
        indicators=indicator_rows(result),
        total_score=report.stated_total,
        grade=report.stated_grade or "",
    )


# --- the sheet -----------------------------------------------------------------------------------

WIDTHS = (11.0, 14.0, 26.0, 9.0, 12.0, 9.0, 12.0, 9.0, 9.0, 28.0)
WIDTH = len(WIDTHS)


def _num(value: Decimal | None, rounded: bool = False) -> Decimal | None:
    if value is None:
        return None
    return round2(value) if rounded else value


def _value(text: str, number: Decimal | None) -> CellValue:
    return number if number is not None else text


def build_mof10_sheet(ws: Worksheet, data: FormData | None) -> int:
    """Draw the 10号文 自评表 on ``ws``; ``None`` draws the blank form. Returns the indicator header row."""
    set_widths(ws, WIDTHS)
    title_rows(ws, "项目支出绩效自评表", data.year if data else None, WIDTH)
    put(ws, 3, 1, "项目名称", bold=True)
    put(ws, 3, 2, data.project if data else None, to_col=WIDTH, align=LEFT)
    put(ws, 4, 1, "主管部门", bold=True)
    put(ws, 4, 2, data.supervisor if data else None, to_col=5, align=LEFT)
    put(ws, 4, 6, "实施单位", bold=True)
    put(ws, 4, 7, data.organization if data else None, to_col=WIDTH, align=LEFT)

    # fund block
    r = 5
    fund_rows = [data.total, *data.sources] if data else [FundRow("年度资金总额")] + [
        FundRow(label) for label, _ in STANDARD_SOURCES
    ]
    put(ws, r, 1, "项目资金（万元）", to_row=r + len(fund_rows), bold=True)
    put(ws, r, 2, None, to_col=3)
    for c, text in zip((4, 5, 6, 7, 8), ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率"), strict=True):
        put(ws, r, c, text, bold=True)
    put(ws, r, 9, "得分", to_col=10, bold=True)
    for i, fund in enumerate(fund_rows):
        row = r + 1 + i
        put(ws, row, 2, fund.label, to_col=3, align=LEFT if i else CENTER)
        put(ws, row, 4, _num(fund.initial), number_format=MONEY)
        put(ws, row, 5, _num(fund.annual), number_format=MONEY)
        put(ws, row, 6, _num(fund.executed), number_format=MONEY)
        if i == 0:
            # the unit's 分值; the 10 printed on the form when it wrote none
            weight = data.budget_weight if data and data.budget_weight is not None else Decimal(10)
            put(ws, row, 7, _num(weight), number_format=STATED)
            put(ws, row, 8, _num(data.execution_rate, rounded=True) if data else None, number_format=RATE)
            put(ws, row, 9, _num(data.budget_score) if data else None, to_col=10, number_format=STATED)
        else:
            put(ws, row, 7, DASH)
            put(ws, row, 8, DASH)
            put(ws, row, 9, DASH, to_col=10)

    # overall goal
    r = r + 1 + len(fund_rows)
    put(ws, r, 1, "年度总体目标", to_row=r + 1, bold=True)
    put(ws, r, 2, "预期目标", to_col=6, bold=True)
    put(ws, r, 7, "实际完成情况", to_col=WIDTH, bold=True)
    put(ws, r + 1, 2, data.goal if data else None, to_col=6, align=LEFT)
    put(ws, r + 1, 7, data.goal_actual if data else None, to_col=WIDTH, align=LEFT)
    ws.row_dimensions[r + 1].height = 60

    # indicators
    header_row = r + 2
    for c, text in enumerate(INDICATOR_HEADER, start=1):
        put(ws, header_row, c, text, bold=True)
    first = header_row + 1
    if data is not None:
        levels = [(ind.level1, ind.level2) for ind in data.indicators]
        for i, ind in enumerate(data.indicators):
            row = first + i
            cells: list[tuple[CellValue, str | None]] = [
                (ind.level1 or None, None),
                (ind.level2 or None, None),
                (ind.name, None),
                (ind.operator, None),
                (_value(ind.target, ind.target_value), None),
                (ind.unit or None, None),
                (_value(ind.actual, ind.actual_value), None),
                # the unit's 分值/得分 as it stated them, blank where it stated none (computed: the 复核 sheet)
                (_num(ind.weight), STATED),
                (_num(ind.score), STATED),
                (ind.reason or None, None),
            ]
            for c, (value, number_format) in enumerate(cells, start=1):
                put(ws, row, c, value, number_format=number_format, align=LEFT if c in (3, 10) else CENTER)
    else:
        levels = list(BLANK_LEVEL_ROWS)
        for i, (l1, l2) in enumerate(levels):
            row = first + i
            put(ws, row, 1, l1)
            put(ws, row, 2, l2)
            for c in range(3, WIDTH + 1):
                put(ws, row, c, None, align=LEFT if c in (3, 10) else CENTER)
    merge_levels(ws, first, levels)
    last = first + max(len(levels), 1) - 1
    operator_validation(ws, 4, first, last)

    # totals
    r = last + 1
    put(ws, r, 1, "总分", to_col=7, bold=True)
    put(ws, r, 8, 100, number_format="0")
    put(ws, r, 9, _num(data.total_score) if data else None, number_format=STATED)
    put(ws, r, 10, None)
    put(ws, r + 1, 1, "评价等级", to_col=7, bold=True)
    put(ws, r + 1, 8, (data.grade or None) if data else None, to_col=WIDTH)
    autofit_rows(ws, 3, r + 1)
    print_setup(ws, header_row)
    return header_row


def write_form_xlsx(result: CheckResult, out: Path) -> None:
    """Write the filled form: the 转移支付区域绩效自评表 for a transfer payment, the 10号文 项目支出绩效自评表
    otherwise, each with the unit's own figures; the tool's computed scores on a sheet of their own."""
    from jixiao.writers.review_sheet import add_review_sheet
    from jixiao.writers.transfer_form import build_transfer_sheet, transfer_data

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    if is_transfer(result.report):
        ws.title = "转移支付区域绩效自评表"
        build_transfer_sheet(ws, transfer_data(result))
    else:
        ws.title = "项目支出绩效自评表"
        build_mof10_sheet(ws, form_data(result))
    add_review_sheet(wb, result)
    wb.save(str(out))
