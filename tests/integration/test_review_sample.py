"""The seed report through reader → scoring → review shows exactly what review-rules.md asks: B03,
B04, B05, I01, I03, N01 (×5), N02, T01, D02 and no error. Edited copies of it show single rules."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal as D

import pytest

from jixiao.model import Finding, Report
from jixiao.policy import load_policy
from jixiao.readers import read_report, report_from_text
from jixiao.scoring import score_report
from tests.conftest import SAMPLE
from tests.review_factory import review_strict

POLICY = load_policy("mof-2020")


def reviewed(report: Report) -> list[Finding]:
    return review_strict(report, score_report(report, POLICY), POLICY)


@pytest.fixture(scope="module")
def findings() -> list[Finding]:
    _, report = read_report(SAMPLE)
    return reviewed(report)


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def by_code(findings: list[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.code == code]


def test_seed_shows_exactly_the_expected_codes(findings: list[Finding]) -> None:
    assert Counter(f.code for f in findings) == {
        "B03": 1, "B04": 1, "B05": 1, "I01": 1, "I03": 1, "N01": 5, "N02": 1, "T01": 3, "D02": 1,
        # four qualitative actuals repeat their targets word for word (作用明显 → 作用明显): issue 10's
        # boilerplate check (I14), beyond the spec's minimum list
        "I14": 4,
    }


def test_seed_has_no_error_and_no_crash(findings: list[Finding]) -> None:
    assert [f for f in findings if f.severity == "error"] == []
    assert "X00" not in {f.code for f in findings}
    assert "T03" not in {f.code for f in findings}  # cost indicators exist at level 2 (output / cost)


def test_seed_budget_findings(findings: list[Finding]) -> None:
    [b03] = by_code(findings, "B03")
    # the seed says why (payment waits for the settlement audit): the message quotes it (issue 10)
    assert b03.message.startswith("预算执行率78.35%（全年执行数838.41万元÷全年预算数1070.07万元），低于90%；")
    assert b03.evidence["stated_reason"] == "公安交通管理综合应用平台维保项目需等结算审计后支付"
    assert b03.evidence["execution_rate"] == D("78.35")
    [b04] = by_code(findings, "B04")
    assert b04.evidence["cost_targets_total"] == D("1087.68")
    assert b04.evidence["annual"] == D("1070.07")
    assert len(b04.evidence["indicators"]) == 3
    [b05] = by_code(findings, "B05")
    assert b05.evidence["cost_actuals_total"] == D("1014.88")
    assert b05.evidence["executed"] == D("838.41")


def test_seed_indicator_findings(findings: list[Finding]) -> None:
    [i01] = by_code(findings, "I01")
    assert (i01.evidence["equal"], i01.evidence["quantitative"]) == (25, 26)
    [i03] = by_code(findings, "I03")
    assert i03.evidence["output_indicators"] == 23
    assert i03.severity == "info" and "需等结算审计后支付" in i03.message  # an explained shortfall


def test_seed_narrative_contradictions(findings: list[Finding]) -> None:
    n01 = {f.evidence["indicator"]: f for f in by_code(findings, "N01")}
    assert set(n01) == {"系统验收合格率", "系统正常使用率", "正常使用年限", "社会公众满意度", "网络使用人员满意度"}
    assert n01["系统验收合格率"].message == "指标“系统验收合格率”：报告正文称100%，表中目标值98%、完成值98%，前后矛盾。"
    assert (n01["系统正常使用率"].evidence["stated_value"], n01["系统正常使用率"].evidence["actual"]) == (D(100), D(98))
    assert n01["正常使用年限"].evidence["matched_by"] == "synonym"
    assert "可持续使用不低于5年" in n01["正常使用年限"].message
    assert n01["社会公众满意度"].evidence["actual"] == D(80)
    assert n01["网络使用人员满意度"].evidence["actual"] == D(85)
    assert "不低于95%" in n01["网络使用人员满意度"].message
    assert all(f.evidence["sentence"] for f in n01.values())
    # 政府采购率为100% agrees with its row; the repair times agree with theirs
    assert "政府采购率" not in n01 and "系统故障修复时间" not in n01 and "系统故障修复响应时间" not in n01


def test_seed_partial_completion_claim(findings: list[Finding]) -> None:
    [n02] = by_code(findings, "N02")
    assert n02.evidence["claim"] == "partial"
    assert "完成绩效目标的90%" in n02.evidence["phrases"] and "完成率低" in n02.evidence["phrases"]
    assert "30个指标全部完成" in n02.message


def test_seed_vague_targets_and_inferred_levels(findings: list[Finding]) -> None:
    assert {f.where for f in by_code(findings, "T01")} == {"indicator:23", "indicator:25", "indicator:26"}
    [d02] = by_code(findings, "D02")
    assert d02.evidence["by_level1"] == {"output": 23, "benefit": 5, "satisfaction": 2}


# ---------------------------------------------------------------- edited copies of the seed


def test_wrong_stated_rate_gives_b01(seed_text: str) -> None:
    found = reviewed(report_from_text(seed_text.replace("预算执行率78.35%", "预算执行率87.35%")))
    [b01] = by_code(found, "B01")
    assert b01.severity == "error"
    assert "87.35%" in b01.message and "78.35%" in b01.message


def test_unmet_satisfaction_without_reason_gives_i02_and_drops_n02(seed_text: str) -> None:
    edited = seed_text.replace("\t社会公众满意度\n\t≥\n\t80\n\t%\n\t80", "\t社会公众满意度\n\t≥\n\t80\n\t%\n\t70")
    assert edited != seed_text
    found = reviewed(report_from_text(edited))
    [i02] = by_code(found, "I02")
    assert i02.evidence["indicator"] == "社会公众满意度"
    assert "N02" not in {f.code for f in found}  # the prose's 完成率低 is now true


def test_missing_section_gives_d01(seed_text: str) -> None:
    start = seed_text.index("    四、绩效自评结果拟应用和公开情况")
    end = seed_text.index("    五、其他需要说明的问题")
    found = reviewed(report_from_text(seed_text[:start] + seed_text[end:]))
    [d01] = by_code(found, "D01")
    assert d01.evidence["section"] == "results_use"


def test_prose_that_agrees_removes_n01(seed_text: str) -> None:
    edited = (seed_text.replace("系统验收合格率100%", "系统验收合格率98%")
              .replace("系统正常使用率100%", "系统正常使用率98%")
              .replace("系统可持续使用不低于5年", "系统可持续使用不低于1年")
              .replace("社会公众满意度和网络使用人员满意度不低于95%", "社会公众满意度和网络使用人员满意度不低于80%"))
    assert "N01" not in {f.code for f in reviewed(report_from_text(edited))}
