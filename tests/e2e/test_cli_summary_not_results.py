"""`jixiao summary` given something that is not `check --json` output: one line saying so and exit 2,
not a warning for each of its lines; in a results file, junk lines are named up to five, then counted."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import SAMPLE
from tests.e2e.test_cli_check_sample import run

GOOD = {"source": "a.txt", "format": "text", "report": {"title": "甲", "indicators": []},
        "score": {"total": 90, "grade": "优"}, "findings": []}


def test_a_report_given_instead_of_results(tmp_path: Path) -> None:
    out = tmp_path / "汇总.xlsx"
    p = run("summary", str(SAMPLE), "-o", str(out))
    assert p.returncode == 2 and p.stdout == ""
    assert p.stderr.splitlines() == [
        f"jixiao：{SAMPLE.name} 中没有 check --json 的检查结果（应为 jixiao check … --json 输出的 JSON Lines 文件），"
        "未生成汇总 (no results in the input)"]
    assert not out.exists()


def test_a_report_beside_a_results_file(tmp_path: Path) -> None:
    results = tmp_path / "results.jsonl"
    results.write_text(json.dumps(GOOD, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "汇总.xlsx"
    p = run("summary", str(SAMPLE), str(results), "-o", str(out))
    assert p.returncode == 0, p.stderr
    lines = p.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"jixiao：{SAMPLE.name} 不是 check --json 输出的 JSON Lines 文件（")
    assert lines[0].endswith("行都不是检查结果），已跳过")
    assert "已汇总 1 份报告" in p.stdout


def test_junk_lines_named_up_to_five_then_counted(tmp_path: Path) -> None:
    results = tmp_path / "results.jsonl"
    good = json.dumps(GOOD, ensure_ascii=False)
    junk = [f"jixiao：第{k}份.docx：文件为空，没有可读的内容" for k in range(8)]  # `2>&1` mixed stderr in
    results.write_text("\n".join([good, *junk, good]) + "\n", encoding="utf-8")
    p = run("summary", str(results), "-o", str(tmp_path / "汇总.xlsx"))
    assert p.returncode == 0, p.stderr
    assert p.stderr.splitlines() == [
        *[f"jixiao：results.jsonl 第 {n} 行不是有效的 JSON，已跳过" for n in range(2, 7)],
        "jixiao：results.jsonl 另有 3 行无效，已跳过",
    ]
    assert "已汇总 2 份报告" in p.stdout
