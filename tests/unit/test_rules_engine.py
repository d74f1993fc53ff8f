"""The review engine: the catalogue, ordering of findings, a crashing rule becomes X00, and no rule
crashes on an empty report or on odd values."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal as D
from pathlib import Path

import pytest

from jixiao.model import SEVERITIES, Budget, Finding, Indicator, Report, Section
from jixiao.policy import load_policy
from jixiao.review import ReviewContext, catalogue, review, rule
from jixiao.review import base as review_base
from jixiao.scoring import score_report
from tests.review_factory import RuleCrashed, clean_report, codes, q, ql, run

SPEC_CODES = (
    [f"B0{i}" for i in range(1, 9)]
    + [f"I{i:02d}" for i in range(1, 12)]
    + [f"T0{i}" for i in range(1, 5)]
    + [f"N0{i}" for i in range(1, 4)]
    + [f"S0{i}" for i in range(1, 4)]
    + [f"D0{i}" for i in range(1, 4)]
)


ADDITIONS = Path(__file__).resolve().parents[2] / "docs" / "review-rules-additions.md"


def added_codes() -> list[str]:
    """The codes the project adds to the spec, from the tables of docs/review-rules-additions.md
    (a row ``| B09 | warning | … |`` under a heading that starts with "New codes")."""
    out: list[str] = []
    in_new = False
    for line in ADDITIONS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            in_new = line.lstrip("# ").lower().startswith("new codes")
            continue
        m = re.match(r"\|\s*([A-Z]\d{2})\s*\|", line)
        if in_new and m:
            out.append(m.group(1))
    return out


def test_catalogue_has_every_spec_rule_sorted_with_chinese_description() -> None:
    cat = catalogue()
    assert [r.code for r in cat] == sorted(SPEC_CODES + added_codes())  # every added code is documented
    assert all(r.severity in SEVERITIES for r in cat)
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in r.description) for r in cat)
    severities = {r.code: r.severity for r in cat}
    assert severities["B01"] == "error" and severities["B03"] == "warning" and severities["T01"] == "info"
    assert severities["B08"] == "info"  # may yield a warning (cut to the executed amount)


def test_empty_report_reviews_without_crash() -> None:
    findings = run(Report())
    assert "X00" not in codes(findings)
    assert codes(findings) == ["D04", "D05"]  # nothing read: reading gaps, not errors


@pytest.mark.parametrize(
    "report",
    [
        Report(budget=Budget(annual=D("0"), executed=D("5"))),
        Report(budget=Budget(annual=D("100"), executed=D("50"), stated_execution_rate=D("50"),
                             stated_execution_rate_text="五成")),
        Report(indicators=[Indicator(name="", operator=">=")], sections=[Section(None, "", 0, "")]),
        Report(indicators=[q("站点", ">=", "0", "-3", "个"), q("满意度", "<=", "0", "0", "%"),
                           q("费用", "=", "-1", "1", "万元", level2="cost"), ql("效益", "", "")],
               budget=Budget(annual=D("1"), executed=D("0"), initial=D("0"))),
        Report(sections=[Section("一", "一、绩效分析", 1, "满意度为%，合格率达。完成绩效目标的%。；；\n\n"),
                         Section("二", "二、", 1, "100%100%1000000000000000000000万元")]),
    ],
)
def test_no_rule_crashes_on_odd_reports(report: Report) -> None:
    assert "X00" not in codes(run(report))


def test_findings_sorted_by_severity_then_code() -> None:
    r = clean_report()
    r.budget = Budget(annual=D("1000"), executed=D("700"), initial=D("1200"))
    r.indicators.append(q("系统联网", ">=", "1", "1", None))
    r.indicators.append(q("巡检次数", ">=", "12", "8", "次"))
    findings = run(r)
    order = [(SEVERITIES.index(f.severity), f.code) for f in findings]
    assert order == sorted(order)
    assert codes(findings)[:1] == ["I02"]
    assert {"B03", "B08", "I07"} <= set(codes(findings))


def test_a_crashing_rule_becomes_x00_and_the_others_still_run(monkeypatch: pytest.MonkeyPatch) -> None:
    saved = dict(review_base._REGISTRY)

    def broken(ctx: ReviewContext) -> Iterable[Finding]:
        raise ZeroDivisionError("division by zero")

    try:
        rule("Z99", "warning", "测试用的故障规则")(broken)
        r = clean_report()
        r.budget = Budget(annual=D("1000"), executed=D("700"))
        policy = load_policy()
        findings = review(r, score_report(r, policy), policy)  # the engine itself, not the strict helper
    finally:
        review_base._REGISTRY.clear()
        review_base._REGISTRY.update(saved)
    x00 = [f for f in findings if f.code == "X00"]
    assert len(x00) == 1
    assert x00[0].severity == "info"
    assert x00[0].evidence == {"rule": "Z99", "error": "ZeroDivisionError: division by zero"}
    assert "Z99" in x00[0].message and "测试用的故障规则" in x00[0].message
    assert "B03" in codes(findings)
    assert "Z99" not in [c.code for c in catalogue()]


def test_rule_tests_fail_when_their_rule_raises() -> None:
    """The helper every rule test uses turns an X00 into a failure naming the rule and its exception,
    so "does not fire" tests cannot pass on a crashing rule."""
    saved = dict(review_base._REGISTRY)

    def broken(ctx: ReviewContext) -> Iterable[Finding]:
        raise ZeroDivisionError("division by zero")

    try:
        rule("Z99", "warning", "测试用的故障规则")(broken)
        with pytest.raises(RuleCrashed, match="Z99 raised: ZeroDivisionError") as info:
            run(clean_report())
    finally:
        review_base._REGISTRY.clear()
        review_base._REGISTRY.update(saved)
    assert isinstance(info.value.__cause__, ZeroDivisionError)


def test_review_does_not_change_the_score() -> None:
    r = clean_report()
    r.budget = Budget(annual=D("1000"), executed=D("700"))
    policy = load_policy()
    card = score_report(r, policy)
    total, budget_score = card.total, card.budget
    scores = [s.score for s in card.indicators]
    review(r, card, policy)
    assert (card.total, card.budget, [s.score for s in card.indicators]) == (total, budget_score, scores)


def test_registering_a_code_twice_is_refused() -> None:
    def other(ctx: ReviewContext) -> Iterable[Finding]:
        return []

    with pytest.raises(ValueError, match="B03"):
        rule("B03", "warning", "重复")(other)


def test_unknown_severity_is_refused() -> None:
    with pytest.raises(ValueError, match="severity"):
        rule("Z98", "fatal", "未知级别")  # type: ignore[arg-type]
