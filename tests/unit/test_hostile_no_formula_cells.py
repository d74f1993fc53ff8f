"""Every workbook writer writes text from documents and results files as text, never as a formula.

Each text field of the model is set to a formula (a phoning-home HYPERLINK, a DDE command, an error
value); the filled form, the three blank forms and the summary workbook must hold no ``<f>`` element,
and every hostile string must be there, shown exactly as it was.
"""

from __future__ import annotations

import dataclasses
import json
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from jixiao.model import CheckResult
from jixiao.serialize import result_to_dict, to_jsonable
from jixiao.writers.blank_forms import write_blank_form
from jixiao.writers.form_xlsx import write_form_xlsx
from jixiao.writers.summary_xlsx import read_results, write_summary
from jixiao.writers.xlsx_cells import Formula, set_value, write_only_cell
from tests.write_factory import sample_result

ATTACKS = (
    '=HYPERLINK("http://evil.example/x","点击查看")',
    "=cmd|' /C calc'!A0",
    "=1+1",
    "#REF!",
    "@SUM(A1:A2)",
    "+cmd|' /C calc'!A0",
)
# Fields that hold codes the writers translate (operator, level names), not text shown as written.
_CODES = {"operator", "level1", "level2", "kind", "origin", "layout", "code", "severity", "where", "basis", "policy",
          "format", "source", "grade", "stated_execution_rate_text"}


def _poison(obj: object, counter: list[int]) -> None:
    """Replace every text field under ``obj`` (dataclasses and lists) with one of ``ATTACKS``."""
    if isinstance(obj, list):
        for item in obj:
            _poison(item, counter)
        return
    if not dataclasses.is_dataclass(obj) or isinstance(obj, type):
        return
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if isinstance(value, str) and f.name not in _CODES:
            setattr(obj, f.name, ATTACKS[counter[0] % len(ATTACKS)] + f"（{f.name}）")
            counter[0] += 1
        else:
            _poison(value, counter)


def hostile_result() -> CheckResult:
    result = sample_result()
    _poison(result.report, [0])
    _poison(result.findings, [0])
    result.source = ATTACKS[0]
    return result


def formulas(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as zf:
        return [m for name in zf.namelist() if name.startswith("xl/worksheets/")
                for m in re.findall(r"<f[ >].*?</f>", zf.read(name).decode())]


def texts(path: Path) -> list[str]:
    wb = openpyxl.load_workbook(path)
    return [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


def test_filled_form_holds_document_text_as_text(tmp_path):
    result = hostile_result()
    out = tmp_path / "form.xlsx"
    write_form_xlsx(result, out)
    assert formulas(out) == []
    shown = texts(out)
    for name in ("name", "deviation_reason"):
        expected = next(getattr(i, name) for i in result.report.indicators if getattr(i, name))
        assert expected in shown, name
    assert result.report.organization in shown
    assert sum(1 for t in shown if t.startswith(("=", "#", "@", "+"))) >= 10


@pytest.mark.parametrize("kind", ["self-eval-form", "sichuan-form", "transfer-form"])
def test_blank_forms_have_no_formulas(tmp_path, kind):
    out = tmp_path / f"{kind}.xlsx"
    write_blank_form(kind, out)
    assert formulas(out) == []


def test_summary_holds_codes_severities_and_messages_as_text(tmp_path):
    line = result_to_dict(hostile_result())
    line["findings"][0]["code"] = "=cmd|' /C calc'!A0"
    line["findings"][0]["severity"] = '=HYPERLINK("http://evil.example/s")'
    line["score"] = {"total": 80, "grade": "#REF!"}
    src = tmp_path / "r.jsonl"
    src.write_text(json.dumps(line, ensure_ascii=False, default=to_jsonable) + "\n", encoding="utf-8")
    out = tmp_path / "s.xlsx"
    write_summary(read_results([src], warn=lambda _: None), out)
    assert formulas(out) == []
    shown = texts(out)
    for text in ("=cmd|' /C calc'!A0", '=HYPERLINK("http://evil.example/s")', "#REF!", ATTACKS[0]):
        assert text in shown, text


def test_helper_keeps_text_and_tool_formulas_apart():
    wb = openpyxl.Workbook()
    ws = wb.active
    set_value(ws["A1"], "=SUM(B1:B2)")
    set_value(ws["A2"], Formula("=SUM(B1:B2)"))
    set_value(ws["A3"], "单位\x0b名称\x00")
    set_value(ws["A4"], Decimal("1.5"))
    assert (ws["A1"].data_type, ws["A1"].value) == ("s", "=SUM(B1:B2)")
    assert ws["A2"].data_type == "f"
    assert ws["A3"].value == "单位名称"
    assert ws["A4"].data_type == "n"
    wo = openpyxl.Workbook(write_only=True).create_sheet()
    assert write_only_cell(wo, "普通文字") == "普通文字"
    assert write_only_cell(wo, "=1+1").data_type == "s"
    assert write_only_cell(wo, "#N/A").data_type == "s"
