"""Scoring under a policy (shared/spec/scoring.md): budget execution, indicator pools, total, grade.

Pure and exact: every value is a ``Decimal``; nothing is rounded here (display rounds half-up).
The score is what the rules give for what the report claims; review findings never change it.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from jixiao.deadlines import deadline_met
from jixiao.model import HUNDRED, Indicator, IndicatorScore, QualitativeGrade, Report, ScoreCard
from jixiao.policy import INDICATOR_POOLS, Policy
from jixiao.words import implied_operator

ZERO = Decimal(0)
ONE = Decimal(1)
GRADE_QUANTUM = Decimal("1e-12")


def pool_of(ind: Indicator, policy: Policy) -> str:
    """The pool an indicator scores in: its level 1, with cost moved per ``cost_pool``."""
    level1 = ind.level1 or "output"
    if level1 == "cost" and policy.cost_pool == "output":
        return "output"
    if level1 == "output" and ind.level2 == "cost" and policy.cost_pool == "cost":
        return "cost"
    return level1


def _words(policy: Policy) -> dict[str, list[str]]:
    return policy.raw.get("qualitative", {}).get("words", {})


def grade_text(actual_text: str, target_text: str, policy: Policy) -> QualitativeGrade:
    """Grade a qualitative actual: achieved / partial / not_achieved / unclear."""
    actual = "".join(actual_text.split())
    target = "".join(target_text.split())
    if not actual:
        return "unclear"
    if target and actual == target:
        return "achieved"
    words = _words(policy)
    stripped = actual
    for w in words.get("ignore", []):
        stripped = stripped.replace(w, "")
    if any(w in stripped for w in words.get("partial", [])):
        return "partial"
    if any(w in stripped for w in words.get("not_achieved", [])):
        return "not_achieved"
    if any(w in actual for w in words.get("achieved", [])):
        return "achieved"
    if target and (target in actual or actual in target):
        return "achieved"
    return "unclear"


def _in_band(fraction: Decimal, grade: QualitativeGrade, policy: Policy) -> bool:
    if grade == "unclear":
        grade = "achieved"
    low, high = policy.qualitative_bands[grade]
    if grade == "achieved":
        return low <= fraction <= high
    return low <= fraction < high


def _score_text(ind: Indicator, weight: Decimal, policy: Policy, index: int) -> IndicatorScore:
    grade = grade_text(ind.actual_text, ind.target_text, policy)
    score = weight * policy.qualitative_fractions[grade]
    basis = "band"
    if (
        policy.accept_stated_in_band
        and ind.stated_score is not None
        and weight > 0
        and grade != "unclear"
        and _in_band(ind.stated_score / weight, grade, policy)
    ):
        score, basis = ind.stated_score, "stated"
    met = {"achieved": True, "partial": False, "not_achieved": False, "unclear": None}[grade]
    return IndicatorScore(index=index, max_score=weight, score=score, met=met, grade=grade, basis=basis)


def score_indicator(ind: Indicator, weight: Decimal, policy: Policy, index: int = 0) -> IndicatorScore:
    """One indicator's score out of ``weight`` under the policy."""
    if ind.target is None:
        on_time = deadline_met(ind.target_text, ind.actual_text)
        if on_time is not None:  # a completion-time target (≤11月, 12月底前): the dates are compared
            fraction = ONE if on_time else policy.qualitative_fractions["not_achieved"]
            return IndicatorScore(index=index, max_score=weight, score=weight * fraction, met=on_time,
                                  basis="date")
    if ind.operator == "qualitative":
        if not ind.actual_text.strip():  # no actual at all (I08): nothing claimed, nothing scored
            return IndicatorScore(index=index, max_score=weight, score=ZERO, met=None, basis="no-actual")
        return _score_text(ind, weight, policy, index)
    a, b = ind.target, ind.actual
    if b is None:
        if ind.actual_text.strip():
            return _score_text(ind, weight, policy, index)  # text actual on a quantitative indicator (I06)
        return IndicatorScore(index=index, max_score=weight, score=ZERO, met=None, basis="no-actual")
    if a is None:
        # no numeric target: nothing to compare with; judge the words like a qualitative indicator
        return _score_text(ind, weight, policy, index)

    def result(met: bool, fraction: Decimal, basis: str) -> IndicatorScore:
        fraction = min(max(fraction, ZERO), ONE)
        return IndicatorScore(index=index, max_score=weight, score=weight * fraction, met=met, basis=basis)

    op = ind.operator
    if op in (">=", ">"):
        met = b >= a if op == ">=" else b > a
        if met:
            return result(True, ONE, "met")
        if a <= 0:
            return result(False, ZERO, "target-not-positive")
        bb = max(b, ZERO) if policy.negative_actual_as_zero else b
        return result(False, bb / a, "ratio")
    if op in ("<=", "<"):
        met = b <= a if op == "<=" else b < a
        if met:
            return result(True, ONE, "met")
        if a <= 0 or b <= 0:
            return result(False, ZERO, "target-zero")
        if policy.reverse == "deviation":
            return result(False, ONE - (b - a) / a, "deviation")
        return result(False, a / b, "ratio")
    # "="
    if b == a:
        return result(True, ONE, "met")
    hi, lo = max(a, b), min(a, b)
    if hi <= 0 or lo < 0:
        return result(False, ZERO, "ratio")
    return result(False, lo / hi, "ratio")


def _weights(report: Report, policy: Policy) -> tuple[list[Decimal], dict[str, Decimal], Decimal]:
    """Per-indicator weights, pool weights and the budget weight."""
    inds = report.indicators
    budget_weight = policy.budget_weight
    pools = [pool_of(i, policy) for i in inds]
    if inds and policy.use_stated_weights and all(i.weight is not None for i in inds):
        # the unit's own split: the budget line's stated 分值 goes with the indicators' stated weights
        if report.budget is not None and report.budget.weight is not None:
            budget_weight = report.budget.weight
        weights = [i.weight or ZERO for i in inds]
        pool_weights = {p: ZERO for p in INDICATOR_POOLS}
        for p, w in zip(pools, weights, strict=True):
            pool_weights[p] += w
        return weights, pool_weights, budget_weight
    pool_weights = {p: policy.pool_weights.get(p, ZERO) for p in INDICATOR_POOLS}
    if policy.cost_pool == "output":
        pool_weights["output"] += pool_weights["cost"]
        pool_weights["cost"] = ZERO
    counts = {p: pools.count(p) for p in INDICATOR_POOLS}
    if policy.redistribute == "proportional":
        filled = [p for p in INDICATOR_POOLS if counts[p] and pool_weights[p] > 0]
        empty_weight = sum((pool_weights[p] for p in INDICATOR_POOLS if not counts[p]), ZERO)
        filled_weight = sum((pool_weights[p] for p in filled), ZERO)
        if filled and empty_weight and filled_weight:
            for p in INDICATOR_POOLS:
                if p in filled:
                    pool_weights[p] += empty_weight * pool_weights[p] / filled_weight
                elif not counts[p]:
                    pool_weights[p] = ZERO
    weights = [pool_weights[p] / counts[p] if counts[p] else ZERO for p in pools]
    return weights, pool_weights, budget_weight


def _grade_total(total: Decimal) -> Decimal:
    """The total the grade is read from: the quantum only absorbs division residue (50/23 × 23)."""
    try:
        return total.quantize(GRADE_QUANTUM, rounding=ROUND_HALF_UP)
    except InvalidOperation:  # a total too large for 12 decimals (absurd stated weights): nothing to absorb
        return total


def score_report(report: Report, policy: Policy) -> ScoreCard:
    """Score a report: budget execution, each indicator, pool sums, total and grade (all exact)."""
    weights, pool_weights, budget_weight = _weights(report, policy)
    rate = report.budget.execution_rate if report.budget is not None and report.budget.usable else None
    budget_score = ZERO
    if rate is not None:
        budget_score = budget_weight * min(max(rate / HUNDRED, ZERO), ONE)
    by_meaning = bool(policy.raw.get("operators", {}).get("direction_by_meaning", True))
    scores = [_score_as_meant(ind, w, policy, i, by_meaning)
              for i, (ind, w) in enumerate(zip(report.indicators, weights, strict=True))]
    pools = {p: ZERO for p in INDICATOR_POOLS}
    for ind, s in zip(report.indicators, scores, strict=True):
        pools[pool_of(ind, policy)] += s.score
    shown_pools = {p: v for p, v in pools.items() if pool_weights.get(p, ZERO) > 0 or v > 0}
    shown_weights = {p: v for p, v in pool_weights.items() if v > 0 or p in shown_pools}
    total = budget_score + sum(pools.values(), ZERO)
    return ScoreCard(
        policy=policy.name,
        budget_weight=budget_weight,
        budget=budget_score,
        execution_rate=rate,
        pool_weights=shown_weights,
        pools=shown_pools,
        indicators=scores,
        total=total,
        grade=policy.grade_for(_grade_total(total)),  # type: ignore[arg-type]
        stated_total=report.stated_total,
        stated_grade=report.stated_grade,
        weights_assumed=weights_assumed(report, policy),
    )


def _score_as_meant(ind: Indicator, weight: Decimal, policy: Policy, index: int, by_meaning: bool) -> IndicatorScore:
    """An indicator scored with the direction its meaning implies (I04: a ≤ on a 满意度 is scored as
    ≥), when the policy says so (``[operators] direction_by_meaning``, default true)."""
    implied = implied_operator(ind.name, ind.operator) if by_meaning else None
    if implied is None:
        return score_indicator(ind, weight, policy, index)
    s = score_indicator(replace(ind, operator=implied), weight, policy, index)  # type: ignore[arg-type]
    s.scored_operator = implied
    return s


def weights_assumed(report: Report, policy: Policy) -> bool:
    """Whether the score rests on the policy's default weights because the document states none:
    a transfer-payment form, or a form with no 分值, 得分 or 总分 anywhere."""
    inds = report.indicators
    if inds and policy.use_stated_weights and all(i.weight is not None for i in inds):
        return False
    if report.kind == "transfer_payment":
        return True
    b = report.budget
    stated_any = (
        any(i.weight is not None or i.stated_score is not None for i in inds)
        or (b is not None and (b.weight is not None or b.stated_score is not None))
        or report.stated_total is not None
    )
    return not stated_any
