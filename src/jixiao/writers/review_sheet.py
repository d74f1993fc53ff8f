"""The 复核 sheet of a written form: the scores the tool computed, beside the unit's own, marked as
the tool's. The form sheet itself carries only what the unit wrote.

The xlsx reader leaves this sheet out (its name is listed in ``data/meta.toml`` [page] tool_sheets): a
form written by the tool and read back is the unit's form again, never the tool's figures as stated.
"""

from __future__ import annotations

from decimal import Decimal

from openpyxl import Workbook

from jixiao.model import CheckResult
from jixiao.values import fmt
from jixiao.writers._common import indicator_rows, review_note, review_rows, stated_score_rows
from jixiao.writers.form_xlsx import CENTER, LEFT, TITLE_FONT, autofit_rows, print_setup, put, set_widths

REVIEW_SHEET = "复核（工具计算）"
SCORE_HEADER = ("评分项目", "分值", "自评得分（单位填报）", "复核得分（工具计算）")
INDICATOR_HEADER = ("序号", "三级指标", "填报分值", "自评得分", "复核分值（工具计算）", "复核得分（工具计算）",
                    "复核说明")
WIDTHS = (7.0, 34.0, 10.0, 10.0, 13.0, 13.0, 26.0)


def _shown(value: Decimal | None) -> str | None:
    return fmt(value) if value is not None else None  # two places, like every table of scores


def add_review_sheet(wb: Workbook, result: CheckResult) -> None:
    """Append the 复核 sheet when the tool scored the report (nothing otherwise)."""
    if result.score is None or result.report is None:
        return
    ws = wb.create_sheet(REVIEW_SHEET)
    width = len(INDICATOR_HEADER)
    set_widths(ws, WIDTHS)
    put(ws, 1, 1, "复核计算表（非单位填报）", to_col=width, border=False)
    ws.cell(row=1, column=1).font = TITLE_FONT
    ws.row_dimensions[1].height = 30
    put(ws, 2, 1, review_note(result, "本表“复核分值”“复核得分”"), to_col=width, border=False, align=LEFT)

    r = 4  # 评分项目 (A–B) | 分值 | 自评得分 | 复核得分
    put(ws, r, 1, SCORE_HEADER[0], to_col=2, bold=True)
    for c, text in enumerate(SCORE_HEADER[1:], start=3):
        put(ws, r, c, text, bold=True)
    for label, weight, stated, computed in stated_score_rows(result):
        r += 1
        put(ws, r, 1, label, to_col=2, align=LEFT)
        put(ws, r, 3, weight or None)
        put(ws, r, 4, stated or None)
        put(ws, r, 5, computed or None)

    r += 2
    header_row = r
    for c, text in enumerate(INDICATOR_HEADER, start=1):
        put(ws, r, c, text, bold=True)
    rows = indicator_rows(result)
    for shown, (number, name, weight, score, note) in zip(rows, review_rows(result, rows), strict=True):
        r += 1
        cells = [number, name, _shown(shown.weight), _shown(shown.score), weight or None, score or None, note or None]
        for c, value in enumerate(cells, start=1):
            put(ws, r, c, value, align=LEFT if c in (2, 7) else CENTER)
    autofit_rows(ws, 2, r)
    print_setup(ws, header_row, landscape=False)
