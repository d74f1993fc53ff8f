"""Completion-time targets (完成时间 ≤11月, 12月底前, 年底前) are dates: scored by comparing dates, never
I06 ("not a number") or I07 ("no unit"); an actual with no date is I16; a missed date without reason I02."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao.model import Indicator
from jixiao.policy import load_policy
from jixiao.scoring import score_indicator
from tests.review_factory import clean_report, of, run


def timing(target: str, actual: str, op: str = "<=", reason: str | None = None) -> Indicator:
    return Indicator(name="补助资金发放完成时间", operator=op, target=None, target_text=target,  # type: ignore[arg-type]
                     actual=None, actual_text=actual, unit=None, level1="output", level2="timeliness",
                     deviation_reason=reason)


def with_row(ind: Indicator):
    r = clean_report()
    r.indicators.append(ind)
    return r


WHERE = f"indicator:{len(clean_report().indicators)}"


@pytest.mark.parametrize(
    ("target", "actual", "op"),
    [("≤11月", "11月", "<="), ("12月底前", "11月", "<="), ("2023年12月底", "2023年11月30日", "<="),
     ("年底前", "已于10月完成", "qualitative"), ("年底前", "按时完成", "<=")],
)
def test_met_date_is_met_and_full_marks(target: str, actual: str, op: str) -> None:
    sc = score_indicator(timing(target, actual, op), D(10), load_policy())
    assert (sc.met, sc.score, sc.basis) == (True, D(10), "date")
    findings = run(with_row(timing(target, actual, op)))
    assert [f.code for f in findings if f.where == WHERE] == []


@pytest.mark.parametrize(("target", "actual"), [("≤10月", "12月"), ("12月底前", "次年3月完成")])
def test_missed_date_without_reason_is_i02(target: str, actual: str) -> None:
    policy = load_policy()
    sc = score_indicator(timing(target, actual), D(10), policy)
    # a missed date scores like a qualitative "not achieved" (default policy: 30 %)
    assert (sc.met, sc.score) == (False, D(10) * policy.qualitative_fractions["not_achieved"]) == (False, D("3.00"))
    findings = run(with_row(timing(target, actual)))
    [f] = of(findings, "I02")
    assert f.where == WHERE and f.severity == "error" and actual in f.message
    assert of(findings, "I06") == [] and of(findings, "I07") == []


def test_missed_date_with_reason_is_not_i02() -> None:
    assert of(run(with_row(timing("≤10月", "12月", reason="汛期降雨推迟作业"))), "I02") == []


def test_date_target_without_a_date_in_the_actual_is_i16_not_i06() -> None:
    findings = run(with_row(timing("12月底前", "完成")))
    [f] = of(findings, "I16")
    assert f.where == WHERE and f.severity == "warning"
    assert "“12月底前”" in f.message and "“完成”" in f.message and "未写明实际完成时间" in f.message
    assert f.evidence == {"indicator": "补助资金发放完成时间", "target_text": "12月底前", "actual_text": "完成"}
    assert of(findings, "I06") == [] and of(findings, "I07") == [] and of(findings, "I02") == []


def test_no_actual_is_i08_not_i16() -> None:
    findings = run(with_row(timing("12月底前", "")))
    assert of(findings, "I16") == [] and len(of(findings, "I08")) == 1


def test_a_number_target_that_is_not_a_date_is_still_i06() -> None:
    ind = timing("≥九成", "完成")
    findings = run(with_row(ind))
    assert len(of(findings, "I06")) == 1 and of(findings, "I16") == []
