"""`jixiao summary` writes document text as text: no formulas, no characters Excel rejects."""

from __future__ import annotations

import json

import openpyxl

from tests.e2e.test_cli_check_sample import run


def test_formula_like_and_control_characters(tmp_path):
    line = {"source": "=HYPERLINK(\"http://x\")", "format": "text",
            "report": {"title": "=1+1", "organization": "单位\x0b名称\x00", "indicators": [{"name": "=SUM(A1)"}]},
            "score": {"total": 80, "grade": "良"},
            "findings": [{"code": "I01", "severity": "warning", "message": "=cmd|' /C calc'!A0",
                          "where": "indicator:0"},
                         {"code": "I02", "severity": "info", "message": "x", "where": "indicator:7"}]}
    src = tmp_path / "r.jsonl"
    src.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "s.xlsx"
    p = run("summary", str(src), "-o", str(out))
    assert p.returncode == 0, p.stderr
    wb = openpyxl.load_workbook(out)
    ws = wb["报告汇总"]
    assert ws["A2"].value == "=HYPERLINK(\"http://x\")" and ws["A2"].data_type == "s"
    assert ws["D2"].value == "=1+1" and ws["D2"].data_type == "s"
    assert ws["B2"].value == "单位名称"
    rows = list(wb["全部问题"].iter_rows(min_row=2))
    assert [c.value for c in rows[0]][3:] == ["指标“=SUM(A1)”", "=cmd|' /C calc'!A0"]
    assert rows[0][4].data_type == "s"
    assert rows[1][3].value == "第 8 个指标"  # an index with no indicator behind it
