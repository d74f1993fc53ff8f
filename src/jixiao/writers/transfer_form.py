"""中央对地方转移支付区域绩效自评表 as .xlsx: blank (``build_transfer_sheet(ws, None)``) or filled from a
``CheckResult`` with what the unit wrote.

The form has no 分值/得分 columns and no 总分: a transfer payment is not scored by its unit. When a
report did state weights or scores, the form gets 分值/得分 columns (and 总分/评价等级 rows) so that
nothing the unit wrote is lost; the tool's computed scores never go here (``review_sheet``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl.worksheet.worksheet import Worksheet

from jixiao.model import CheckResult, Report
from jixiao.writers._common import (
    BLANK_LEVEL_ROWS,
    TRANSFER_FUNDS,
    FundLine,
    IndicatorRow,
    actual_cell,
    indicator_rows,
    round2,
    section_text,
    target_cell,
    transfer_fund_lines,
    transfer_header,
)
from jixiao.writers.form_xlsx import (
    CENTER,
    LEFT,
    MONEY,
    RATE,
    STATED,
    CellValue,
    autofit_rows,
    merge_levels,
    print_setup,
    project_name,
    put,
    set_widths,
    title_rows,
)

TITLE = "中央对地方转移支付区域绩效自评表"
WIDTHS = (14.0, 18.0, 30.0, 16.0, 16.0, 30.0)


@dataclass
class TransferData:
    year: int | None
    project: str
    central_department: str
    supervisor: str
    organization: str
    funds: list[FundLine]
    goal: str
    goal_actual: str
    indicators: list[IndicatorRow] = field(default_factory=list)
    stated_scores: bool = False  # the unit stated 分值/得分 on some indicator: the form shows them
    total_score: Decimal | None = None
    grade: str = ""


def transfer_data(result: CheckResult) -> TransferData:
    """What the unit wrote, in the transfer form's parts; blank where it wrote nothing."""
    report = result.report or Report()
    rows = indicator_rows(result)
    return TransferData(
        year=report.fiscal_year,
        project=project_name(report),
        central_department=report.central_department or "",
        supervisor=report.supervising_department or "",
        organization=report.organization or "",
        funds=transfer_fund_lines(report),
        goal=report.overall_goal or "",
        goal_actual=report.overall_goal_actual or section_text(report, ("总体", "目标")) or "",
        indicators=rows,
        stated_scores=any(r.weight is not None or r.score is not None for r in rows),
        total_score=report.stated_total,
        grade=report.stated_grade or "",
    )


def build_transfer_sheet(ws: Worksheet, data: TransferData | None) -> int:
    """Draw the 中央对地方转移支付区域绩效自评表; ``None`` draws the blank form. Returns the indicator header row."""
    scores = data is not None and data.stated_scores
    header = transfer_header(scores)
    width = len(header)
    set_widths(ws, WIDTHS + ((9.0, 9.0) if scores else ()))
    title_rows(ws, TITLE, data.year if data else None, width)
    put(ws, 3, 1, "转移支付（项目）名称", bold=True)
    put(ws, 3, 2, (data.project or None) if data else None, to_col=width, align=LEFT)
    put(ws, 4, 1, "中央主管部门", bold=True)
    put(ws, 4, 2, (data.central_department or None) if data else None, to_col=width, align=LEFT)
    put(ws, 5, 1, "地方主管部门", bold=True)
    put(ws, 5, 2, (data.supervisor or None) if data else None, to_col=3, align=LEFT)
    put(ws, 5, 4, "资金使用单位", bold=True)
    put(ws, 5, 5, (data.organization or None) if data else None, to_col=width, align=LEFT)

    funds = data.funds if data else [FundLine(label) for label in TRANSFER_FUNDS]
    put(ws, 6, 1, "资金情况（万元）", to_row=6 + len(funds), bold=True)
    put(ws, 6, 2, None, to_col=3)
    for c, text in zip((4, 5, 6), ("全年预算数(A)", "全年执行数(B)", "执行率（B/A）"), strict=True):
        put(ws, 6, c, text, bold=True, to_col=width if c == 6 else None)
    for i, line in enumerate(funds):
        r = 7 + i
        put(ws, r, 2, line.label, to_col=3, align=LEFT)
        put(ws, r, 4, line.annual, number_format=MONEY)
        put(ws, r, 5, line.executed, number_format=MONEY)
        put(ws, r, 6, round2(line.rate) if line.rate is not None else None, number_format=RATE,
            to_col=width if width > 6 else None)

    goal_row = 7 + len(funds)
    put(ws, goal_row, 1, "年度总体目标", to_row=goal_row + 1, bold=True)
    put(ws, goal_row, 2, "预期目标", to_col=3, bold=True)
    put(ws, goal_row, 4, "实际完成情况", to_col=width, bold=True)
    put(ws, goal_row + 1, 2, (data.goal or None) if data else None, to_col=3, align=LEFT)
    put(ws, goal_row + 1, 4, (data.goal_actual or None) if data else None, to_col=width, align=LEFT)
    ws.row_dimensions[goal_row + 1].height = 90

    header_row = goal_row + 2
    for c, text in enumerate(header, start=1):
        put(ws, header_row, c, text, bold=True)
    first = header_row + 1
    left = (3, 6)
    if data is not None and data.indicators:
        levels = [(ind.level1, ind.level2) for ind in data.indicators]
        for i, ind in enumerate(data.indicators):
            values: list[CellValue] = [ind.level1 or None, ind.level2 or None, ind.name,
                                       target_cell(ind) or None, actual_cell(ind) or None, ind.reason or None]
            if scores:
                values += [ind.weight, ind.score]
            for c, value in enumerate(values, start=1):
                put(ws, first + i, c, value, align=LEFT if c in left else CENTER,
                    number_format=STATED if c > 6 else None)
    else:
        levels = list(BLANK_LEVEL_ROWS) if data is None else []
        for i, (l1, l2) in enumerate(levels):
            put(ws, first + i, 1, l1)
            put(ws, first + i, 2, l2)
            for c in range(3, width + 1):
                put(ws, first + i, c, None, align=LEFT if c in left else CENTER)
            ws.row_dimensions[first + i].height = 24
    merge_levels(ws, first, levels)
    last = first + len(levels) - 1 if levels else header_row
    if data is not None and (data.total_score is not None or data.grade):  # only what the unit stated
        put(ws, last + 1, 1, "总分", to_col=width - 1 if scores else 5, bold=True)
        put(ws, last + 1, width if scores else 6, data.total_score, number_format=STATED)
        put(ws, last + 2, 1, "评价等级", to_col=width - 1 if scores else 5, bold=True)
        put(ws, last + 2, width if scores else 6, data.grade or None)
        last += 2
    autofit_rows(ws, 3, last)
    print_setup(ws, header_row)
    return header_row
