"""`jixiao summary` on real `check --json` output: the three sheets, their values and their styling."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import openpyxl

from jixiao.writers.summary_xlsx import CODE_HEADER, FINDING_HEADER, REPORT_HEADER
from tests import text_docs
from tests.conftest import SAMPLE
from tests.e2e.test_cli_check_sample import run


def _results(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SAMPLE, docs / "交管局.txt")
    (docs / "水利厅.txt").write_text(text_docs.PIPES_TRANSFER, encoding="utf-8")
    (docs / "空白.txt").write_bytes(b"")
    p = run("check", str(docs), "--json", "--quiet")
    assert p.returncode == 2, p.stderr
    out = tmp_path / "results.jsonl"
    out.write_text(p.stdout, encoding="utf-8")
    return out


def test_three_sheets_with_the_reports_findings_and_counts(tmp_path):
    results = _results(tmp_path)
    xlsx = tmp_path / "out" / "汇总.xlsx"
    p = run("summary", str(results), "-o", str(xlsx))
    assert p.returncode == 0, p.stderr
    assert "已汇总 3 份报告" in p.stdout
    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames == ["报告汇总", "全部问题", "问题统计"]

    rows = list(wb["报告汇总"].iter_rows(values_only=True))
    assert rows[0] == REPORT_HEADER
    by_file = {Path(r[0]).name: r for r in rows[1:]}
    assert set(by_file) == {"交管局.txt", "水利厅.txt", "空白.txt"}
    sample = by_file["交管局.txt"]
    assert sample[1:5] == ("西藏自治区公安厅公安交通管理局", None, "公安厅交管局转移支付2023年度绩效自评报告", 2023)
    assert sample[5:10] == (1070.07, 838.41, 0.7835, 97.84, "优")
    assert sample[13] is None
    blank = by_file["空白.txt"]
    assert blank[1:13] == (None,) * 12
    assert "空白.txt" in blank[13] and "空" in blank[13]
    water = by_file["水利厅.txt"]
    assert water[1] == "某省水利厅" and water[5:8] == (2000, 1900, 0.95)

    findings = list(wb["全部问题"].iter_rows(values_only=True))
    assert findings[0] == FINDING_HEADER
    mine = [r for r in findings[1:] if Path(r[0]).name == "交管局.txt"]
    assert len(mine) == sum(sample[10:13])  # errors + warnings + infos
    b03 = next(r for r in mine if r[1] == "B03")
    assert b03[2:4] == ("警告", "预算执行") and "78.35%" in b03[4]
    n01 = [r for r in mine if r[1] == "N01"]
    assert n01 and all(r[2] == "警告" for r in n01)
    levels = [r[2] for r in mine]
    assert levels == sorted(levels, key=["错误", "警告", "提示"].index)  # errors first within a report

    counts = list(wb["问题统计"].iter_rows(values_only=True))
    assert counts[0] == CODE_HEADER
    by_code = {r[0]: r for r in counts[1:]}
    assert by_code["N01"][1:4] == ("警告", len(n01), 1)
    assert by_code["B03"][4]  # the rule's description from the catalogue
    totals = [r[2] for r in counts[1:]]
    assert totals == sorted(totals, reverse=True)
    assert sum(totals) == len(findings) - 1


def test_header_styled_frozen_filtered_and_sized(tmp_path):
    results = _results(tmp_path)
    xlsx = tmp_path / "汇总.xlsx"
    assert run("summary", str(results), "-o", str(xlsx)).returncode == 0
    wb = openpyxl.load_workbook(xlsx)
    for ws, header in zip(wb.worksheets, (REPORT_HEADER, FINDING_HEADER, CODE_HEADER), strict=True):
        assert ws.freeze_panes == "A2"
        last = openpyxl.utils.get_column_letter(len(header))
        assert ws.auto_filter.ref == f"A1:{last}{ws.max_row}"
        first = ws["A1"]
        assert first.font.b and first.fill.fgColor.rgb.endswith("1F4E78")
        assert all(ws.column_dimensions[openpyxl.utils.get_column_letter(k)].width >= 6
                   for k in range(1, len(header) + 1))
    ws = wb["报告汇总"]
    assert ws["H2"].number_format == "0.00%" or ws["H3"].number_format == "0.00%"
    assert ws.column_dimensions["D"].width > ws.column_dimensions["E"].width  # titles wider than years


def test_several_inputs_and_a_pretty_printed_single_result(tmp_path):
    results = _results(tmp_path)
    single = tmp_path / "single.json"
    p = run("check", str(SAMPLE), "--json")
    assert p.returncode == 0
    single.write_text(p.stdout, encoding="utf-8")  # `check FILE --json` is indented over many lines
    xlsx = tmp_path / "汇总.xlsx"
    p = run("summary", str(results), str(single), "-o", str(xlsx))
    assert p.returncode == 0, p.stderr
    assert "已汇总 4 份报告" in p.stdout and p.stderr == ""
    names = [r[0] for r in openpyxl.load_workbook(xlsx)["报告汇总"].iter_rows(min_row=2, values_only=True)]
    assert names.count(str(SAMPLE)) == 1 and len(names) == 4


def test_output_is_an_ordinary_file(tmp_path):
    results = _results(tmp_path)
    xlsx = tmp_path / "汇总.xlsx"
    assert run("summary", str(results), "-o", str(xlsx)).returncode == 0
    mask = os.umask(0)
    os.umask(mask)
    assert xlsx.stat().st_mode & 0o777 == 0o666 & ~mask
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".jixiao")] == []


def test_missing_input_exit_2_and_no_output(tmp_path):
    xlsx = tmp_path / "汇总.xlsx"
    p = run("summary", str(tmp_path / "nope.jsonl"), "-o", str(xlsx))
    assert p.returncode == 2
    assert "找不到文件" in p.stderr and "Traceback" not in p.stderr
    assert not xlsx.exists() and list(tmp_path.iterdir()) == []
