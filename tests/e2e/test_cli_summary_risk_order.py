"""`jixiao summary` sorts reports riskiest first: unreadable, most errors, most warnings, lowest score."""

from __future__ import annotations

import json

import openpyxl

from tests.e2e.test_cli_check_sample import run


def _result(source: str, total: float, errors: int, warnings: int, infos: int = 0) -> dict:
    sev = ["error"] * errors + ["warning"] * warnings + ["info"] * infos
    return {
        "source": source, "format": "text",
        "report": {"title": f"{source}报告", "organization": "某单位", "fiscal_year": 2023,
                   "budget": {"annual": 100, "executed": 90, "execution_rate": 90.0}, "indicators": []},
        "score": {"total": total, "grade": "良"},
        "findings": [{"code": f"X{k:02d}", "severity": s, "message": "问题", "where": "document"}
                     for k, s in enumerate(sev)],
    }


def test_riskiest_first_and_findings_follow(tmp_path):
    lines = [
        _result("clean-high", 98.5, 0, 0, 3),
        _result("clean-low", 71.25, 0, 0),
        _result("one-warning", 90, 0, 1),
        _result("two-errors", 99, 2, 0),
        _result("one-error-many-warnings", 95, 1, 5),
        _result("one-error-one-warning-low", 60, 1, 1),
        _result("one-error-one-warning-high", 88, 1, 1),
        {"source": "broken.docx", "format": "docx", "error": {"code": "damaged", "message": "broken.docx：文件已损坏"}},
    ]
    src = tmp_path / "r.jsonl"
    src.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    out = tmp_path / "s.xlsx"
    p = run("summary", str(src), "-o", str(out))
    assert p.returncode == 0, p.stderr
    wb = openpyxl.load_workbook(out)
    order = [r[0] for r in wb["报告汇总"].iter_rows(min_row=2, values_only=True)]
    assert order == [
        "broken.docx", "two-errors", "one-error-many-warnings", "one-error-one-warning-low",
        "one-error-one-warning-high", "one-warning", "clean-low", "clean-high",
    ]
    row = next(r for r in wb["报告汇总"].iter_rows(min_row=2, values_only=True) if r[0] == "one-error-many-warnings")
    assert row[8:13] == (95, "良", 1, 5, 0)
    sources = [r[0] for r in wb["全部问题"].iter_rows(min_row=2, values_only=True)]
    firsts = list(dict.fromkeys(sources))
    assert firsts == [s for s in order if s not in ("broken.docx", "clean-low")]
    assert len(sources) == 2 + 6 + 2 + 2 + 1 + 3
