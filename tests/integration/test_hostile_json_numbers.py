"""JSON with numbers no report holds (1e99999999, a 5 000-digit integer, NaN, Infinity) is bad input,
refused with a Chinese reason, never an internal error; the summary skips such a line and says why."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jixiao.app import check_file
from jixiao.policy import load_policy
from jixiao.serialize import BadNumber, loads
from jixiao.writers.summary_xlsx import read_results

HOSTILE = {"exponent": "1e99999999", "digits": "9" * 5000, "nan": "NaN", "infinity": "Infinity",
           "minus_infinity": "-Infinity", "tiny": "1e-99999999"}


def report_json(number: str) -> str:
    return ('{"report": {"title": "某单位2023年度绩效自评报告", "fiscal_year": 2023, '
            f'"budget": {{"annual": {number}, "executed": 5}}, '
            f'"indicators": [{{"name": "培训人次", "operator": ">=", "target": {number}, "actual": 1}}]}}}}')


@pytest.mark.parametrize("number", list(HOSTILE.values()), ids=list(HOSTILE))
def test_check_refuses_with_a_reason(tmp_path: Path, number: str):
    path = tmp_path / "r.json"
    path.write_text(report_json(number), encoding="utf-8")
    result = check_file(path, load_policy("mof-2020"))
    assert result.error is not None
    assert result.error.code == "damaged"
    assert "无效或超出范围" in result.error.message and "请报告" not in result.error.message
    assert len(result.error.message) < 120


@pytest.mark.parametrize("number", ['"1e99999999"', '"NaN"', '"-Infinity"'])
def test_numbers_written_as_strings_are_refused_too(tmp_path: Path, number: str):
    path = tmp_path / "r.json"
    path.write_text(report_json(number), encoding="utf-8")
    error = check_file(path, load_policy("mof-2020")).error
    assert error is not None and error.code == "damaged" and "无效或超出范围" in error.message


def test_ordinary_numbers_still_read(tmp_path: Path):
    path = tmp_path / "r.json"
    path.write_text(report_json("120000000.5"), encoding="utf-8")
    result = check_file(path, load_policy("mof-2020"))
    assert result.error is None, result.error
    assert str(result.report.budget.annual) == "120000000.5"


def test_loads_keeps_decimals_and_refuses_the_rest():
    assert loads('{"a": 1.10, "b": 7}') == {"a": __import__("decimal").Decimal("1.10"), "b": 7}
    for text in HOSTILE.values():
        with pytest.raises(BadNumber):
            loads(f'[{text}]')


def test_summary_skips_the_line_with_a_reason(tmp_path: Path):
    good = {"source": "a.txt", "format": "text", "report": {"title": "甲"}, "score": {"total": 80, "grade": "良"},
            "findings": []}
    lines = [json.dumps(good, ensure_ascii=False)]
    lines += [f'{{"source": "b.txt", "format": "text", "report": {{"title": "乙"}}, "score": {{"total": {n}}}}}'
              for n in HOSTILE.values()]
    path = tmp_path / "r.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    warnings: list[str] = []
    got = list(read_results([path], warn=warnings.append))
    assert [r["source"] for r in got] == ["a.txt"]
    assert len(warnings) == len(HOSTILE)
    assert warnings[0] == "r.jsonl 第 2 行的数字“1e99999999”无效或超出范围，已跳过"
