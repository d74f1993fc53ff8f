"""`jixiao check` on the bundled example, as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT, SAMPLE


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "jixiao", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)


def test_scorecard_in_chinese():
    p = run("check", str(SAMPLE))
    assert p.returncode == 0, p.stderr
    out = p.stdout
    for text in ("公安厅交管局转移支付2023年度绩效自评报告", "西藏自治区公安厅公安交通管理局", "1,070.07", "838.41",
                 "78.35%", "7.84", "97.84", "评价等级：优", "监控网络链路", "根据指标名称推断"):
        assert text in out, text
    assert "Traceback" not in p.stderr


def test_json_contract():
    p = run("check", str(SAMPLE), "--json")
    assert p.returncode == 0, p.stderr
    doc = json.loads(p.stdout)
    assert doc["source"] == str(SAMPLE) and doc["format"] == "text"
    r = doc["report"]
    assert r["title"] == "公安厅交管局转移支付2023年度绩效自评报告"
    assert r["fiscal_year"] == 2023
    b = r["budget"]
    assert (b["unit"], b["annual"], b["executed"], b["execution_rate"], b["stated_execution_rate"]) == (
        "万元", 1070.07, 838.41, 78.35, 78.35)
    assert len(r["indicators"]) == 30
    first = r["indicators"][0]
    assert {k: first[k] for k in ("name", "level1", "level2", "levels_inferred", "operator", "target", "target_text",
                                  "unit", "actual", "actual_text", "weight", "stated_score", "met", "score",
                                  "max_score")} == {
        "name": "监控网络链路", "level1": "output", "level2": "quantity", "levels_inferred": True, "operator": ">=",
        "target": 23, "target_text": "23", "unit": "条", "actual": 23, "actual_text": "23", "weight": None,
        "stated_score": None, "met": True, "score": 2.17, "max_score": 2.17}
    s = doc["score"]
    assert (s["policy"], s["budget"], s["total"], s["grade"]) == ("mof-2020", 7.84, 97.84, "优")
    assert s["pools"] == {"output": 50, "benefit": 30, "satisfaction": 10}
    assert isinstance(doc["findings"], list)


def test_policy_option_by_name_and_unknown_policy():
    assert run("check", str(SAMPLE), "--policy", "mof-2020-deviation").returncode == 0
    p = run("check", str(SAMPLE), "--policy", "no-such-policy")
    assert p.returncode == 2
    assert "找不到评分规则" in p.stderr and "Traceback" not in p.stderr
