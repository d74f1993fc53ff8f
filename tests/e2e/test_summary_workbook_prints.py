"""The summary workbook prints as a reviewer hands it on: A4 landscape, one page wide, the header row
on every page, long text wrapped in columns that fit; 填报单位 and 主管部门 filled from the results."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter

from jixiao.writers.summary_xlsx import REPORT_HEADER, write_summary

LONG_TITLE = ("某自治区某地区某县农业农村局2023年度中央财政衔接推进乡村振兴补助资金"
              "（巩固拓展脱贫攻坚成果）项目支出绩效自评报告")
LONG_MESSAGE = ("指标“农村供水工程维修养护数量”：报告正文称“全年共完成维修养护工程12处”，"
                "表中目标值≥15处、完成值15处，前后矛盾，请核实实际完成数量并修改报告正文或指标表。")


def _result(i: int, organization: str | None, supervisor: str | None) -> dict[str, Any]:
    return {
        "source": f"/data/2023年度/各县上报材料/第{i}批/某县农业农村局绩效自评报告（定稿）{i}.docx",
        "format": "docx",
        "report": {"title": LONG_TITLE, "organization": organization, "supervising_department": supervisor,
                   "fiscal_year": 2023,
                   "budget": {"annual": Decimal("1070.07"), "executed": Decimal("838.41"),
                              "execution_rate": Decimal("78.35")},
                   "indicators": [{"name": "农村供水工程维修养护数量"}]},
        "score": {"total": Decimal("88.5"), "grade": "良"},
        "findings": [{"code": "N01", "severity": "warning", "where": "indicator:0", "message": LONG_MESSAGE},
                     {"code": "B03", "severity": "warning", "where": "budget",
                      "message": "预算执行率78.35%，低于90%。"}],
    }


def _workbook(tmp_path: Path, n: int = 60) -> openpyxl.Workbook:
    records = [_result(i, "某县农业农村局" if i % 2 else "某县水利局", "某县人民政府" if i % 3 else None)
               for i in range(n)]
    records.append({"source": "/data/坏文件.pdf", "format": "pdf",
                    "error": {"code": "unreadable", "message": "坏文件.pdf：文件已损坏，无法打开（PDF 结构不完整）"}})
    out = tmp_path / "汇总.xlsx"
    assert write_summary(records, out) == n + 1
    return openpyxl.load_workbook(out)


def test_every_sheet_prints_landscape_one_page_wide_with_the_header_repeated(tmp_path: Path) -> None:
    wb = _workbook(tmp_path)
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True
        assert (int(ws.page_setup.fitToWidth), int(ws.page_setup.fitToHeight)) == (1, 0)  # 1 wide, any tall
        assert ws.print_title_rows == "$1:$1"
        assert ws.freeze_panes == "A2"
        assert ws.print_options.gridLines is True
        assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text
        assert ws["A1"].alignment.wrap_text  # header names wrap over narrow number columns


def test_columns_fit_a_landscape_page_at_a_readable_scale(tmp_path: Path) -> None:
    wb = _workbook(tmp_path)
    for ws in wb.worksheets:
        widths = [ws.column_dimensions[get_column_letter(k)].width for k in range(1, ws.max_column + 1)]
        # About 150 character units fit across landscape A4 at 100 %; 220 still prints at about 70 %.
        assert sum(widths) <= 220, (ws.title, widths)
        assert min(widths) >= 5, (ws.title, widths)
    ws = wb["报告汇总"]
    width = {name: ws.column_dimensions[get_column_letter(k)].width for k, name in enumerate(REPORT_HEADER, 1)}
    assert width["标题"] > width["年度"] and width["全年预算数"] >= len("1,070.07") + 3
    assert width["标题"] <= 34  # a long title wraps instead of stretching the page


def test_long_text_wraps_and_its_row_reads_from_the_top(tmp_path: Path) -> None:
    wb = _workbook(tmp_path)
    ws = wb["报告汇总"]
    header = [c.value for c in ws[1]]
    row = next(r for r in ws.iter_rows(min_row=2) if r[header.index("标题")].value == LONG_TITLE)
    title = row[header.index("标题")]
    assert title.alignment.wrap_text and title.alignment.vertical == "top"
    assert row[header.index("总分")].alignment.vertical == "top"  # the number beside the title's first line
    assert row[header.index("总分")].number_format == "0.00" and row[header.index("总分")].value == 88.5
    # Tall enough for the title's lines: spreadsheet programs do not grow a row for wrapped text on opening.
    width = ws.column_dimensions[get_column_letter(header.index("标题") + 1)].width
    lines = -(-2 * len(LONG_TITLE) // int(width - 1))  # at most, a Chinese character being two units wide
    assert ws.row_dimensions[title.row].height >= 15 * min(lines, 3)
    assert ws.row_dimensions[title.row].height <= 15 * lines
    assert ws.row_dimensions[1].height is None  # the header: one line
    findings = wb["全部问题"]
    message = next(r for r in findings.iter_rows(min_row=2) if r[4].value == LONG_MESSAGE)
    assert message[4].alignment.wrap_text and message[1].value == "N01" and message[1].alignment.vertical == "top"
    short = next(r for r in findings.iter_rows(min_row=2) if r[1].value == "B03")
    assert short[0].alignment.wrap_text  # the long file name wraps …
    assert not short[4].alignment.wrap_text and short[4].alignment.vertical == "top"  # … the short message fits


def test_unit_and_supervising_department_filled_where_the_results_have_them(tmp_path: Path) -> None:
    rows = list(_workbook(tmp_path)["报告汇总"].iter_rows(values_only=True))
    assert rows[0][1:3] == ("填报单位", "主管部门")
    readable = [r for r in rows[1:] if r[REPORT_HEADER.index("无法读取原因")] is None]
    assert len(readable) == 60
    assert {r[1] for r in readable} == {"某县农业农村局", "某县水利局"}
    assert sum(1 for r in readable if r[2] == "某县人民政府") == 40  # i % 3 != 0
    assert sum(1 for r in readable if r[2] is None) == 20  # not found: left empty, not invented
    bad = next(r for r in rows[1:] if r[REPORT_HEADER.index("无法读取原因")])
    assert bad[1] is None and bad[2] is None and "已损坏" in bad[REPORT_HEADER.index("无法读取原因")]
