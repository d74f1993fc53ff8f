"""S rules: scores, weights, total and grade as the report states them."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from jixiao.claims import mentions
from jixiao.model import Finding, Indicator, Severity
from jixiao.review.base import ReviewContext, fmt_num, is_reason, rule, short
from jixiao.values import fmt

_GRADE_NAMES = {"achieved": "达成", "partial": "部分达成", "not_achieved": "未达成"}


def _pts(value: Decimal | None) -> str:
    return f"{fmt(value, 2)}分"


def _in_band(fraction: Decimal, grade: str, band: tuple[Decimal, Decimal]) -> bool:
    low, high = band
    if grade == "achieved":
        return low <= fraction <= high
    return low <= fraction < high


def s01_stated_score(ctx: ReviewContext) -> Iterable[Finding]:
    tolerance = ctx.threshold("score_tolerance")
    bands = ctx.policy.qualitative_bands
    for i, ind, sc in ctx.indicators():
        if sc is None or ind.stated_score is None or ind.weight is None:
            continue  # a 得分 without its 分值: the default weight says nothing about what the unit meant
        if sc.grade == "unclear":
            continue  # the words could not be graded (I11 when there is a target): no score to compare with
        weight = ind.weight
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


rule("S01", "warning",
     "填报的指标得分与按规则计算的得分不符（超过0.1分），或定性指标得分超出其评定档次的分值区间")(s01_stated_score)


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


rule("S02", "error", "填报的分值（权重）合计不等于100分（预算执行率分值加全部指标分值）")(s02_weights_do_not_add_up)


def s03_stated_total_or_grade(ctx: ReviewContext) -> Iterable[Finding]:
    report, card = ctx.report, ctx.card
    if not report.indicators or report.budget is None or (report.budget.origin == "prose" and not report.budget.usable):
        return  # nothing (or no budget) was read: the computed total rests on a reading gap (D04, D05)
    stated_total, source = _stated_total(ctx)
    stated_grade = report.stated_grade if report.stated_grade is not None else card.stated_grade
    if not stated_grade and ctx.narrative.stated_grade is not None:
        stated_grade = ctx.narrative.stated_grade
    tolerance = ctx.threshold("total_tolerance")
    total_off = stated_total is not None and abs(stated_total - card.total) > tolerance
    # Without a stated 分值 on every indicator the computed total rests on the policy's default weights,
    # not on the unit's: a difference is then a reference for the reviewer, not evidence of a wrong total.
    assumed = any(ind.weight is None for ind in report.indicators)
    severity: Severity = "info" if assumed else "warning"
    note = "（报告未列全部指标分值，计算总分按评分规则的默认权重，仅供参考）" if assumed else ""
    if total_off:
        assert stated_total is not None
        yield Finding(
            code="S03",
            severity=severity,
            message=(
                f"{'报告正文所述' if source == 'prose' else '报告'}自评总分{fmt_num(stated_total)}分，"
                f"按规则计算应为{_pts(card.total)}"
                f"（{card.grade}），相差{_pts(abs(stated_total - card.total))}{note}。"
            ),
            where="document",
            evidence={
                "stated_total": stated_total,
                "computed_total": card.total,
                "difference": stated_total - card.total,
                "tolerance": tolerance,
                "computed_grade": card.grade,
                "stated_total_from": source,
                "weights_assumed": assumed,
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
                severity=severity,
                message=f"报告自评等级为“{stated_grade.strip()}”，按计算总分{_pts(card.total)}应为“{card.grade}”{note}。",
                where="document",
                evidence={"stated_grade": stated_grade, "computed_grade": card.grade, "computed_total": card.total,
                          "weights_assumed": assumed},
            )


rule("S03", "warning", "报告自评总分或等级与按规则计算的结果不符（总分相差超过0.5分）")(s03_stated_total_or_grade)


def _stated_total(ctx: ReviewContext) -> tuple[Decimal | None, str]:
    """The stated total and where it was read: the form, else the prose (自评得分为95分)."""
    report, card = ctx.report, ctx.card
    if report.stated_total is not None:
        return report.stated_total, "form"
    if card.stated_total is not None:
        return card.stated_total, "form"
    claim = ctx.narrative.stated_total
    return (claim[0], "prose") if claim is not None else (None, "")


def _reason_given(ctx: ReviewContext, i: int, ind: Indicator) -> bool:
    if is_reason(ctx, ind.deviation_reason):
        return True
    keywords = ctx.words.narrative["completion"]["deviation_section"]
    _, text = ctx.section_text(keywords)
    others = [o.name for k, o in enumerate(ctx.report.indicators) if k != i]
    return bool(text) and mentions(text, ind.name, ctx.words, int(ctx.setting("name_overlap")), others)


def s04_unmet_full_marks(ctx: ReviewContext) -> Iterable[Finding]:
    for i, ind, sc in ctx.indicators():
        if sc is None or sc.met is not False or ind.weight is None or ind.stated_score is None or ind.weight <= 0:
            continue
        if ind.stated_score < ind.weight:
            continue
        yield Finding(
            code="S04",
            severity="warning",
            message=(
                f"指标“{ind.name}”未完成（年度指标值{_shown(ind.target_text)}，完成值{_shown(ind.actual_text)}），"
                f"填报得分却为满分{fmt_num(ind.stated_score)}分（分值{fmt_num(ind.weight)}分），应按完成程度扣分。"
            ),
            where=f"indicator:{i}",
            evidence={"indicator": ind.name, "weight": ind.weight, "stated_score": ind.stated_score,
                      "target_text": ind.target_text, "actual_text": ind.actual_text, "computed_score": sc.score},
        )


rule("S04", "warning", "指标未完成，填报得分却为满分")(s04_unmet_full_marks)


def _shown(text: str) -> str:
    return text.strip() or "—"


def _s05_budget_row(ctx: ReviewContext, rate: Decimal | None, tolerance: Decimal) -> Iterable[Finding]:
    """The form's 预算执行率 written as an indicator row (its own 分值/得分, no target): executed in full
    (its actual, or the budget's rate, at least 100 %) yet docked without a reason."""
    b = ctx.report.budget
    if b is not None and b.weight is not None:
        return  # the budget block carries the score: the second loop judges it
    for i, ind in enumerate(ctx.report.indicators):
        if "预算执行率" not in ind.name or ind.weight is None or ind.stated_score is None or ind.weight <= 0:
            continue
        if ind.target is not None:
            continue  # a row with its own target is scored like any indicator (first loop)
        actual = ind.actual if ind.actual is not None else rate
        if actual is None or actual < 100 or ind.stated_score >= ind.weight - tolerance or _reason_given(ctx, i, ind):
            continue
        yield Finding(
            code="S05",
            severity="warning",
            message=(
                f"预算执行率{fmt(actual, 2)}%，预算执行一项（指标“{ind.name}”）应得满分{fmt_num(ind.weight)}分，"
                f"填报得分{fmt_num(ind.stated_score)}分，扣分{_pts(ind.weight - ind.stated_score)}但未说明扣分理由。"
            ),
            where=f"indicator:{i}",
            evidence={"indicator": ind.name, "execution_rate": actual, "weight": ind.weight,
                      "stated_score": ind.stated_score, "deduction": ind.weight - ind.stated_score},
        )


def s05_met_docked(ctx: ReviewContext) -> Iterable[Finding]:
    tolerance = ctx.threshold("score_tolerance")
    for i, ind, sc in ctx.indicators():
        if sc is None or sc.met is not True or ind.weight is None or ind.stated_score is None or ind.weight <= 0:
            continue
        if ind.stated_score >= ind.weight - tolerance or _reason_given(ctx, i, ind):
            continue
        yield Finding(
            code="S05",
            severity="warning",
            message=(
                f"指标“{ind.name}”已完成（年度指标值{_shown(ind.target_text)}，完成值{_shown(ind.actual_text)}），"
                f"填报得分{fmt_num(ind.stated_score)}分（分值{fmt_num(ind.weight)}分），"
                f"扣分{_pts(ind.weight - ind.stated_score)}但未说明扣分理由。"
            ),
            where=f"indicator:{i}",
            evidence={"indicator": ind.name, "weight": ind.weight, "stated_score": ind.stated_score,
                      "deduction": ind.weight - ind.stated_score},
        )
    b = ctx.report.budget
    rate = b.execution_rate if b is not None else None
    yield from _s05_budget_row(ctx, rate, tolerance)
    if b is None or rate is None or b.weight is None or b.stated_score is None or rate < 100:
        return
    if b.stated_score >= b.weight - tolerance:
        return
    yield Finding(
        code="S05",
        severity="warning",
        message=(
            f"预算执行率{fmt(rate, 2)}%，预算执行一项应得满分{fmt_num(b.weight)}分，"
            f"填报得分{fmt_num(b.stated_score)}分，扣分但未说明理由。"
        ),
        where="budget",
        evidence={"execution_rate": rate, "weight": b.weight, "stated_score": b.stated_score},
    )


rule("S05", "warning", "指标已完成（或预算全部执行），填报得分却被扣分且未说明理由")(s05_met_docked)


def s06_total_impossible(ctx: ReviewContext) -> Iterable[Finding]:
    stated_total, source = _stated_total(ctx)
    if stated_total is None:
        return
    deductions: list[dict[str, object]] = []
    unsure = False
    for ind in ctx.report.indicators:
        if ind.weight is None or ind.stated_score is None or ind.stated_score >= ind.weight:
            continue
        deductions.append({"item": ind.name, "weight": ind.weight, "stated_score": ind.stated_score,
                           "deduction": ind.weight - ind.stated_score})
        unsure = unsure or bool(ind.unsure("weight", "stated_score"))
    b = ctx.report.budget
    if b is not None and b.weight is not None and b.stated_score is not None and b.stated_score < b.weight:
        deductions.append({"item": "预算执行率", "weight": b.weight, "stated_score": b.stated_score,
                           "deduction": b.weight - b.stated_score})
        unsure = unsure or bool(b.unsure("weight", "stated_score"))
    full = ctx.threshold("full_marks")
    total_deducted = sum((d["deduction"] for d in deductions), Decimal(0))  # type: ignore[misc]
    ceiling = full - total_deducted
    tolerance = ctx.threshold("total_tolerance")
    if stated_total <= ceiling + tolerance:
        return
    shown = "、".join(f"{short(str(d['item']))}扣{fmt_num(d['deduction'])}分" for d in deductions[:6])  # type: ignore[arg-type]
    where_said = "报告正文" if source == "prose" else "报告"
    yield Finding(
        code="S06",
        severity="warning" if unsure else "error",
        message=(
            f"{where_said}自评总分{fmt_num(stated_total)}分，但表中可见扣分合计{fmt_num(total_deducted)}分"
            + (f"（{shown}）" if shown else "")
            + f"，总分最高只能为{fmt_num(ceiling)}分，自评总分不成立。"
        ),
        where="document",
        evidence={"stated_total": stated_total, "stated_total_from": source, "full_marks": full,
                  "deductions": deductions, "ceiling": ceiling, "rests_on_unsure_figure": unsure},
    )


rule("S06", "error", "自评总分超过填报分值所允许的最高分（满分减去表中可见的扣分）")(s06_total_impossible)
