"""S rules: scores, weights, total and grade as the report states them."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from jixiao.model import Finding
from jixiao.review.base import ReviewContext, fmt_num, rule
from jixiao.values import fmt

_GRADE_NAMES = {"achieved": "达成", "partial": "部分达成", "not_achieved": "未达成"}


def _pts(value: Decimal | None) -> str:
    return f"{fmt(value, 2)}分"


def _in_band(fraction: Decimal, grade: str, band: tuple[Decimal, Decimal]) -> bool:
    low, high = band
    if grade == "achieved":
        return low <= fraction <= high
    return low <= fraction < high


@rule("S01", "warning", "填报的指标得分与按规则计算的得分不符（超过0.1分），或定性指标得分超出其评定档次的分值区间")
def s01_stated_score(ctx: ReviewContext) -> Iterable[Finding]:
    tolerance = ctx.threshold("score_tolerance")
    bands = ctx.policy.qualitative_bands
    for i, ind, sc in ctx.indicators():
        if sc is None or ind.stated_score is None:
            continue
        weight = ind.weight if ind.weight is not None else sc.max_score
        if sc.grade in bands and weight > 0 and (not ind.quantitative or sc.basis in ("band", "stated")):
            band = bands[sc.grade]
            if _in_band(ind.stated_score / weight, sc.grade, band):
                continue
            low, high = band[0] * weight, band[1] * weight
            yield Finding(
                code="S01",
                severity="warning",
                message=(
                    f"指标“{ind.name}”完成情况评定为{_GRADE_NAMES[sc.grade]}，填报得分{fmt_num(ind.stated_score)}分"
                    f"超出该档次的分值区间（{fmt(low, 2)}–{fmt(high, 2)}分，分值{fmt_num(weight)}分）。"
                ),
                where=f"indicator:{i}",
                evidence={
                    "indicator": ind.name,
                    "stated_score": ind.stated_score,
                    "weight": weight,
                    "grade": sc.grade,
                    "band": [low, high],
                },
            )
            continue
        expected = sc.score if sc.max_score == weight or sc.max_score == 0 else sc.score / sc.max_score * weight
        if abs(ind.stated_score - expected) <= tolerance:
            continue
        yield Finding(
            code="S01",
            severity="warning",
            message=(
                f"指标“{ind.name}”填报得分{fmt_num(ind.stated_score)}分，按规则计算应为{_pts(expected)}"
                f"（分值{fmt_num(weight)}分），相差{_pts(abs(ind.stated_score - expected))}。"
            ),
            where=f"indicator:{i}",
            evidence={
                "indicator": ind.name,
                "stated_score": ind.stated_score,
                "computed_score": expected,
                "weight": weight,
                "difference": ind.stated_score - expected,
                "tolerance": tolerance,
            },
        )
    b = ctx.report.budget
    if b is not None and b.stated_score is not None and b.usable:
        expected = ctx.card.budget
        if b.weight is not None and ctx.card.budget_weight not in (0, b.weight):
            expected = ctx.card.budget / ctx.card.budget_weight * b.weight
        if abs(b.stated_score - expected) > tolerance:
            yield Finding(
                code="S01",
                severity="warning",
                message=(
                    f"预算执行率一项填报得分{fmt_num(b.stated_score)}分，按执行率计算应为{_pts(expected)}，"
                    f"相差{_pts(abs(b.stated_score - expected))}。"
                ),
                where="budget",
                evidence={"stated_score": b.stated_score, "computed_score": expected, "tolerance": tolerance},
            )


@rule("S02", "error", "填报的分值（权重）合计不等于100分（预算执行率分值加全部指标分值）")
def s02_weights_do_not_add_up(ctx: ReviewContext) -> Iterable[Finding]:
    inds = ctx.report.indicators
    if not inds or any(ind.weight is None for ind in inds):
        return
    indicator_sum = sum((ind.weight for ind in inds if ind.weight is not None), Decimal(0))
    b = ctx.report.budget
    budget_weight = b.weight if b is not None and b.weight is not None else ctx.policy.budget_weight
    total = budget_weight + indicator_sum
    tolerance = ctx.threshold("weight_tolerance")
    if abs(total - 100) <= tolerance:
        return
    yield Finding(
        code="S02",
        severity="error",
        message=(
            f"各指标分值合计{fmt_num(indicator_sum)}分，加预算执行率分值{fmt_num(budget_weight)}分共"
            f"{fmt_num(total)}分，不等于100分。"
        ),
        where="document",
        evidence={
            "indicator_weights": indicator_sum,
            "budget_weight": budget_weight,
            "total": total,
            "budget_weight_stated": b is not None and b.weight is not None,
        },
    )


@rule("S03", "warning", "报告自评总分或等级与按规则计算的结果不符（总分相差超过0.5分）")
def s03_stated_total_or_grade(ctx: ReviewContext) -> Iterable[Finding]:
    report, card = ctx.report, ctx.card
    if not report.indicators or report.budget is None or (report.budget.origin == "prose" and not report.budget.usable):
        return  # nothing (or no budget) was read: the computed total rests on a reading gap (D04, D05)
    stated_total = report.stated_total if report.stated_total is not None else card.stated_total
    stated_grade = report.stated_grade if report.stated_grade is not None else card.stated_grade
    tolerance = ctx.threshold("total_tolerance")
    total_off = stated_total is not None and abs(stated_total - card.total) > tolerance
    if total_off:
        assert stated_total is not None
        yield Finding(
            code="S03",
            severity="warning",
            message=(
                f"报告自评总分{fmt_num(stated_total)}分，按规则计算应为{_pts(card.total)}"
                f"（{card.grade}），相差{_pts(abs(stated_total - card.total))}。"
            ),
            where="document",
            evidence={
                "stated_total": stated_total,
                "computed_total": card.total,
                "difference": stated_total - card.total,
                "tolerance": tolerance,
                "computed_grade": card.grade,
            },
        )
    if stated_grade:
        key = "".join(stated_grade.split())
        grade = ctx.words.grade_aliases.get(key)
        if grade is None:
            grade = next((g for alias, g in sorted(ctx.words.grade_aliases.items(), key=lambda kv: -len(kv[0]))
                          if alias in key), None)
        if grade is not None and grade != card.grade:
            yield Finding(
                code="S03",
                severity="warning",
                message=f"报告自评等级为“{stated_grade.strip()}”，按计算总分{_pts(card.total)}应为“{card.grade}”。",
                where="document",
                evidence={"stated_grade": stated_grade, "computed_grade": card.grade, "computed_total": card.total},
            )
