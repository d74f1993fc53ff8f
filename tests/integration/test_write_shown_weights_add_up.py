"""Shown 分值 of one 一级 group add up to the group's weight; met indicators show their 分值 as 得分."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import openpyxl

from jixiao.model import CheckResult, IndicatorScore
from jixiao.writers._common import apportion, indicator_rows
from jixiao.writers.form_xlsx import write_form_xlsx
from tests.write_factory import sample_result


def test_apportion_largest_remainder() -> None:
    third = D(50) / D(3)
    assert apportion([third, third, third]) == [D("16.67"), D("16.67"), D("16.66")]
    assert sum(apportion([D(50) / D(23)] * 23)) == D("50.00")
    assert apportion([D("2.17"), D("10"), D("0.5")]) == [D("2.17"), D("10.00"), D("0.50")]
    assert apportion([]) == []


def three_thirds_result() -> CheckResult:
    """The factory's five output indicators re-weighted: three at 50/3 (one of them unmet), two at 0."""
    result = sample_result()
    assert result.score is not None
    third = D(50) / D(3)
    scores = result.score.indicators
    scores[0] = IndicatorScore(0, third, third, True)
    scores[1] = IndicatorScore(1, third, third, True)
    scores[2] = IndicatorScore(2, third, third * D("0.9"), False)
    scores[3] = IndicatorScore(3, D(0), D(0), True)
    scores[4] = IndicatorScore(4, D(0), D(0), True)
    return result


def test_rows_add_up_and_unmet_scores_round_half_up() -> None:
    rows = indicator_rows(three_thirds_result())
    assert [r.review_weight for r in rows[:5]] == [D("16.67"), D("16.67"), D("16.66"), D("0.00"), D("0.00")]
    assert [r.review_score for r in rows[:3]] == [D("16.67"), D("16.67"), D("15.00")]
    assert [r.review_weight for r in rows[5:]] == [D(15), D(15), D(10)]


def test_form_cells_show_the_apportioned_values(tmp_path: Path) -> None:
    # the computed weights are the tool's: shown on the 复核 sheet, never in the unit's 分值/得分 cells
    out = tmp_path / "f.xlsx"
    write_form_xlsx(three_thirds_result(), out)
    ws = openpyxl.load_workbook(out)["复核（工具计算）"]
    h = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "序号")
    assert [ws.cell(h + i, 5).value for i in (1, 2, 3)] == ["16.67", "16.67", "16.66"]
    assert [ws.cell(h + i, 6).value for i in (1, 2, 3)] == ["16.67", "16.67", "15.00"]


def _first_three(texts: list[str]) -> list[str]:
    """The 复核分值 / 复核得分 figures of the first three indicators, in document order."""
    return [t for t in texts if t in ("16.67", "16.66", "15.00")][:6]


def test_every_writer_shows_the_same_rounding(tmp_path: Path) -> None:
    """Word's and HTML's 复核 table and both forms of the terminal table show 16.67 / 16.67 / 16.66 (they
    add up to the pool of 50), as the 复核 sheet does; never 16.67 three times."""
    import io
    import re

    import docx
    from rich.console import Console

    from jixiao.writers.report_docx import write_report_docx
    from jixiao.writers.report_html import render_report_html
    from jixiao.writers.terminal import print_result

    result = three_thirds_result()
    out = tmp_path / "r.docx"
    write_report_docx(result, out)
    review = next(t for t in docx.Document(str(out)).tables if t.rows[0].cells[0].text == "序号")
    cells = [[c.text for c in r.cells] for r in review.rows[1:4]]
    assert [r[2:4] for r in cells] == [["16.67", "16.67"], ["16.67", "16.67"], ["16.66", "15.00"]]

    html = render_report_html(result)
    review_html = html[html.index("复核分值"):]
    assert _first_three(re.findall(r"<td[^>]*>([\d.]+)</td>", review_html)) == \
        ["16.67", "16.67", "16.67", "16.67", "16.66", "15.00"]

    for width in (160, 80):  # the wide table and the stacked one
        buf = io.StringIO()
        print_result(Console(file=buf, width=width, color_system=None, highlight=False, soft_wrap=False), result)
        figures = re.findall(r"(?<![\d.])(16\.6[67]|15\.00)(?![\d.])", buf.getvalue())
        assert figures[:6] == ["16.67", "16.67", "16.67", "16.67", "16.66", "15.00"], (width, figures)
