"""`jixiao summary`: a bad line is skipped with a one-line Chinese warning naming its line number."""

from __future__ import annotations

import json

import openpyxl

from tests.e2e.test_cli_check_sample import run

GOOD = {"source": "a.txt", "format": "text", "report": {"title": "甲", "indicators": []},
        "score": {"total": 90, "grade": "优"}, "findings": []}


def test_bad_lines_are_named_and_the_rest_summarised(tmp_path):
    src = tmp_path / "results.jsonl"
    good = json.dumps(GOOD, ensure_ascii=False)
    second = json.dumps({**GOOD, "source": "b.txt"}, ensure_ascii=False)
    src.write_bytes(
        ("\ufeff" + good + "\n").encode()          # 1: a BOM before the first line
        + b"\n"                                     # 2: blank, ignored silently
        + b'{"source": "c.txt", "rep\n'             # 3: cut short
        + b"\xff\xfe garbage\n"                     # 4: not UTF-8
        + b"[1, 2, 3]\n"                            # 5: JSON, not a result
        + (second + "\n").encode()                  # 6
        + good[:-1].encode()                        # 7: last line truncated, no newline
    )
    out = tmp_path / "s.xlsx"
    p = run("summary", str(src), "-o", str(out))
    assert p.returncode == 0, p.stderr
    assert "已汇总 2 份报告" in p.stdout
    warnings = p.stderr.splitlines()
    assert warnings == [
        "jixiao：results.jsonl 第 3 行不是有效的 JSON，已跳过",
        "jixiao：results.jsonl 第 4 行不是有效的 JSON，已跳过",
        "jixiao：results.jsonl 第 5 行不是 check --json 的检查结果，已跳过",
        "jixiao：results.jsonl 第 7 行不是有效的 JSON，已跳过",
    ]
    names = [r[0] for r in openpyxl.load_workbook(out)["报告汇总"].iter_rows(min_row=2, values_only=True)]
    assert sorted(names) == ["a.txt", "b.txt"]


def test_empty_input_is_refused_with_the_reason(tmp_path):
    src = tmp_path / "empty.jsonl"
    src.write_bytes(b"")
    out = tmp_path / "s.xlsx"
    p = run("summary", str(src), "-o", str(out))
    assert p.returncode == 2 and "empty.jsonl 中没有 check --json 的检查结果" in p.stderr
    assert not out.exists()
