"""I rules: the indicator table (三级指标, 指标值, 完成值)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from jixiao.claims import mentions
from jixiao.deadlines import deadline_met, is_deadline
from jixiao.model import Finding, Indicator
from jixiao.review.base import (
    ReviewContext,
    contains_any,
    fmt_num,
    is_reason,
    pct,
    reason_words,
    rule,
    stated_reason,
    value_text,
)
from jixiao.values import fmt
from jixiao.words import direction, implied_operator

_OPERATOR_SIGN = {">=": "≥", "<=": "≤", "=": "=", ">": ">", "<": "<", "qualitative": "定性"}


def _where(i: int) -> str:
    return f"indicator:{i}"


def _sign(ind: Indicator) -> str:
    return _OPERATOR_SIGN.get(ind.operator, ind.operator)


def _target(ind: Indicator) -> str:
    return value_text(ind.target_text, ind.target, ind.unit)


_OPERATOR_CHARS = ("≥", "≤", ">", "<", "＞", "＜", "=", "＝", "不低于", "不高于", "不少于", "不超过", "不大于",
                   "不小于", "大于", "小于", "高于", "低于")


def _target_with_sign(ind: Indicator) -> str:
    """The target with its operator, the operator printed once (a target text that already holds one
    is shown as written: "≤85%", not "≤≤85%")."""
    target = _target(ind)
    if target.lstrip().startswith(_OPERATOR_CHARS):
        return target
    return f"{_sign(ind)}{target}"


def _actual(ind: Indicator) -> str:
    return value_text(ind.actual_text, ind.actual, ind.unit)


def _has_text(text: str | None) -> bool:
    return bool(text and text.strip())


_PLACEHOLDERS = {"—", "——", "-", "--", "/", "／", "无", "空", "×", "x", "X", "\\"}


def _placeholder(text: str) -> bool:
    """A cell left empty with a dash or slash (“—”, “/”, “无”)."""
    return "".join(text.split()) in _PLACEHOLDERS


def i01_actuals_copy_targets(ctx: ReviewContext) -> Iterable[Finding]:
    numeric = [
        (i, ind) for i, ind in enumerate(ctx.report.indicators)
        if ind.quantitative and ind.target is not None and ind.actual is not None
    ]
    equal = [(i, ind) for i, ind in numeric if ind.actual == ind.target]
    share_min = ctx.threshold("copy_share")
    count_min = int(ctx.threshold("copy_min"))
    if not numeric or len(equal) < count_min or Decimal(len(equal)) / Decimal(len(numeric)) < share_min:
        return
    share = Decimal(len(equal)) / Decimal(len(numeric)) * 100
    yield Finding(
        code="I01",
        severity="warning",
        message=(
            f"{len(numeric)}个定量指标中有{len(equal)}个（{pct(share)}）的完成值与年度指标值完全相同，"
            "完成值疑似照抄目标值，请核实实际完成数据及佐证材料。"
        ),
        where="document",
        evidence={
            "quantitative": len(numeric),
            "equal": len(equal),
            "share": share.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
            "threshold_share": share_min,
            "threshold_count": count_min,
            "indicators": [ind.name for _, ind in equal],
        },
    )


rule("I01", "warning", "完成值照抄目标值：定量指标中完成值与目标值完全相同的占比过高")(i01_actuals_copy_targets)


def i02_unmet_without_reason(ctx: ReviewContext) -> Iterable[Finding]:
    keywords = ctx.words.narrative["completion"]["deviation_section"]
    _, deviation_text = ctx.section_text(keywords)
    overlap = int(ctx.setting("name_overlap"))
    for i, ind, sc in ctx.indicators():
        if sc is None or sc.met is not False:
            continue
        if is_reason(ctx, ind.deviation_reason):
            continue
        if ind.target is None and not _has_text(ind.target_text):
            continue  # no target stated (a result told in prose): "not met" has nothing to rest on
        others = [o.name for k, o in enumerate(ctx.report.indicators) if k != i]
        if deviation_text and mentions(deviation_text, ind.name, ctx.words, overlap, others):
            continue
        # a target that cannot be (满意度 ≥ 290 %: I05) makes "unmet" a reading of a garbled figure
        impossible = _impossible_percent(ctx, ind)
        yield Finding(
            code="I02",
            severity="warning" if impossible else "error",
            message=(
                f"指标“{ind.name}”未完成（年度指标值{_target_with_sign(ind)}，完成值{_actual(ind)}），"
                "报告未说明偏差原因及改进措施。"
            ),
            where=_where(i),
            evidence={
                "indicator": ind.name,
                "operator": ind.operator,
                "target": ind.target,
                "target_text": ind.target_text,
                "actual": ind.actual,
                "actual_text": ind.actual_text,
                "deviation_section_found": bool(deviation_text),
                "target_impossible": impossible,
            },
        )


rule("I02", "error", "指标未完成，但既无偏差原因，偏离原因部分也未提及该指标")(i02_unmet_without_reason)


def _impossible_percent(ctx: ReviewContext, ind: Indicator) -> bool:
    """A percentage that cannot exceed 100 % (满意度, 合格率 …) given outside 0–100 (what I05 reports)."""
    if ind.unit not in ctx.words.percent_units or contains_any(ind.name, ctx.words.percent_capped_terms) is None:
        return False
    return any(v is not None and (v < 0 or v > 100) for v in (ind.target, ind.actual))


def i03_low_execution_all_outputs_met(ctx: ReviewContext) -> Iterable[Finding]:
    b = ctx.report.budget
    rate = b.execution_rate if b is not None else None
    threshold = ctx.threshold("low_execution")
    if rate is None or rate >= threshold:
        return
    outputs = [(i, ind, sc) for i, ind, sc in ctx.indicators() if ind.level1 == "output"]
    if not outputs or not all(sc is not None and sc.met is True for _, _, sc in outputs):
        return
    evidence = {
        "execution_rate": rate.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
        "threshold": threshold,
        "output_indicators": len(outputs),
    }
    # Work finished, payment waiting (settlement audit, 质保金/尾款, payment on acceptance): explained.
    timing = reason_words(ctx, "payment_timing")
    reason = stated_reason(ctx, (), extra=timing)
    if reason is not None:
        yield Finding(
            code="I03",
            severity="info",
            message=(
                f"预算执行率{pct(rate)}（低于{fmt(threshold, 0)}%），{len(outputs)}个产出指标全部完成；"
                f"报告说明“{reason}”，资金支付滞后于产出，原因已说明，请核实后续支付安排。"
            ),
            where="budget",
            evidence={**evidence, "stated_reason": reason},
        )
        return
    yield Finding(
        code="I03",
        severity="warning",
        message=(
            f"预算执行率仅{pct(rate)}（低于{fmt(threshold, 0)}%），但{len(outputs)}个产出指标全部完成，"
            "资金未足额支出而产出全部实现，前后不符，请核实产出完成情况。"
        ),
        where="budget",
        evidence={**evidence, "stated_reason": None},
    )


rule("I03", "warning", "预算执行率偏低，而产出指标全部完成")(i03_low_execution_all_outputs_met)


def i04_inverted_operator(ctx: ReviewContext) -> Iterable[Finding]:
    for i, ind, sc in ctx.indicators():
        implied = implied_operator(ind.name, ind.operator, ctx.words)
        if implied is None:
            continue
        found = direction(ind.name, ctx.words)
        assert found is not None
        kind, term = found
        why = f"“{term}”应越高越好" if kind == "high" else f"“{term}”应越低越好"
        scored = sc is not None and sc.scored_operator == implied
        yield Finding(
            code="I04",
            severity="warning",
            message=(
                f"指标“{ind.name}”的指标性质为“{_sign(ind)}”（{_target_with_sign(ind)}），{why}，方向疑似填反"
                + (f"；已按“{_OPERATOR_SIGN[implied]}”评分和复核。" if scored else "。")
            ),
            where=_where(i),
            evidence={
                "indicator": ind.name,
                "operator": ind.operator,
                "stated_operator": ind.operator,
                "operator_text": ind.operator_text,
                "implied_operator": implied,
                "scored_as_implied": scored,
                "term": term,
                "expected": kind,
            },
        )


rule("I04", "warning", "指标性质方向疑似填反（应越高越好的用了“≤”，应越低越好的用了“≥”）")(i04_inverted_operator)


def i05_percent_out_of_range(ctx: ReviewContext) -> Iterable[Finding]:
    w = ctx.words
    for i, ind in enumerate(ctx.report.indicators):
        if ind.unit not in w.percent_units:
            continue
        term = contains_any(ind.name, w.percent_capped_terms)
        if term is None:
            continue
        bad = {
            label: value for label, value in (("年度指标值", ind.target), ("完成值", ind.actual))
            if value is not None and (value < 0 or value > 100)
        }
        if not bad:
            continue
        shown = "、".join(f"{label}{fmt_num(v)}%" for label, v in bad.items())
        yield Finding(
            code="I05",
            severity="warning",
            message=f"指标“{ind.name}”的{shown}超出0–100%，{term}不可能超过100%或为负。",
            where=_where(i),
            evidence={"indicator": ind.name, "target": ind.target, "actual": ind.actual, "unit": ind.unit},
        )


rule("I05", "warning", "不可能超过100%的百分比指标（满意度、合格率等）取值超出0–100%")(i05_percent_out_of_range)


def _date_target(ind: Indicator) -> bool:
    """A target that is a date (完成时间 ≤11月, 12月底前, 2023年12月底, 年底前), not a count."""
    return ind.target is None and is_deadline(ind.target_text)


def i06_quantitative_not_number(ctx: ReviewContext) -> Iterable[Finding]:
    for i, ind in enumerate(ctx.report.indicators):
        if not ind.quantitative or _date_target(ind):
            continue  # a completion-time target (≤11月, 12月底前) is a date, compared as one (I16)
        if _placeholder(ind.target_text) and contains_any(ind.name, ctx.words.budget_measures):
            continue  # the form's 预算执行率 row has no target (“—”): the rate is scored by its own rule
        bad = []
        if ind.target is None and _has_text(ind.target_text):
            bad.append(("年度指标值", ind.target_text.strip()))
        if ind.actual is None and _has_text(ind.actual_text):
            bad.append(("完成值", ind.actual_text.strip()))
        if not bad:
            continue
        shown = "、".join(f"{label}“{text}”" for label, text in bad)
        yield Finding(
            code="I06",
            severity="error",
            message=f"定量指标“{ind.name}”（{_sign(ind)}）的{shown}不是数值，无法判断是否完成，应填写具体数值。",
            where=_where(i),
            evidence={
                "indicator": ind.name,
                "operator": ind.operator,
                "target_text": ind.target_text,
                "actual_text": ind.actual_text,
            },
        )


rule("I06", "error", "定量指标（≥ ≤ = > <）的年度指标值或完成值不是数字")(i06_quantitative_not_number)


def i07_no_unit(ctx: ReviewContext) -> Iterable[Finding]:
    for i, ind in enumerate(ctx.report.indicators):
        if not ind.quantitative or _has_text(ind.unit) or _date_target(ind) or _cut_off(ctx, ind):
            continue  # a row cut off after its target (I08 says so) has lost its unit cell too
        yield Finding(
            code="I07",
            severity="warning",
            message=f"定量指标“{ind.name}”（{_target_with_sign(ind)}）未填写度量单位。",
            where=_where(i),
            evidence={"indicator": ind.name, "target_text": ind.target_text},
        )


rule("I07", "warning", "定量指标未填写计量单位")(i07_no_unit)


def _cut_off(ctx: ReviewContext, ind: Indicator) -> bool:
    """A row that stops at its target: no unit, actual, 分值, 得分 or reason, while another row of the
    table has 分值 or 得分 — the table was cut off (or not read) after the target, not left blank."""
    if ind.actual is not None or _has_text(ind.actual_text) or _has_text(ind.unit) or _has_text(ind.deviation_reason):
        return False
    if ind.weight is not None or ind.stated_score is not None:
        return False
    return any(o is not ind and (o.weight is not None or o.stated_score is not None) for o in ctx.report.indicators)


_CUT_NOTE = "（该行指标值之后的完成值、分值、得分各栏均为空，可能是表格截断或未能读取，请核对原表）"


def i08_no_actual(ctx: ReviewContext) -> Iterable[Finding]:
    for i, ind in enumerate(ctx.report.indicators):
        if ind.actual is not None or _has_text(ind.actual_text):
            continue
        cut = _cut_off(ctx, ind)
        yield Finding(
            code="I08",
            severity="warning" if cut else "error",
            message=(f"指标“{ind.name}”（年度指标值{_target_with_sign(ind)}）未填写实际完成值。"
                     + (_CUT_NOTE if cut else "")),
            where=_where(i),
            evidence={"indicator": ind.name, "target_text": ind.target_text, "row_cut_off": cut},
        )


rule("I08", "error", "指标没有填写完成值")(i08_no_actual)


def i09_overachievement(ctx: ReviewContext) -> Iterable[Finding]:
    factor = ctx.threshold("overachievement")
    for i, ind in enumerate(ctx.report.indicators):
        if ind.operator not in (">=", ">") or ind.target is None or ind.actual is None or ind.target <= 0:
            continue
        if ind.actual < ind.target * factor:
            continue
        ratio = ind.actual / ind.target * 100
        yield Finding(
            code="I09",
            severity="info",
            message=(
                f"指标“{ind.name}”完成值{_actual(ind)}为年度指标值{_target(ind)}的{pct(ratio)}，"
                "大幅超额完成，目标值可能设定偏低，建议评价时酌情考虑并在以后年度合理设定。"
            ),
            where=_where(i),
            evidence={
                "indicator": ind.name,
                "target": ind.target,
                "actual": ind.actual,
                "ratio": ratio.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
                "threshold": factor,
            },
        )


rule("I09", "info", "完成值超过目标值的120%（目标可能定得偏低）")(i09_overachievement)


def i10_duplicate_names(ctx: ReviewContext) -> Iterable[Finding]:
    seen: dict[str, int] = {}
    for i, ind in enumerate(ctx.report.indicators):
        key = "".join(ind.name.split())
        if not key:
            continue
        if key in seen:
            first = seen[key]
            yield Finding(
                code="I10",
                severity="warning",
                message=f"指标“{ind.name}”重复出现（第{first + 1}行与第{i + 1}行），请核实是否重复填报。",
                where=_where(i),
                evidence={"indicator": ind.name, "first_index": first, "index": i},
            )
        else:
            seen[key] = i


rule("I10", "warning", "两个指标名称相同")(i10_duplicate_names)


def i11_unclear_qualitative(ctx: ReviewContext) -> Iterable[Finding]:
    for i, ind, sc in ctx.indicators():
        if ind.quantitative or sc is None or sc.grade != "unclear" or not _has_text(ind.actual_text):
            continue
        if not _has_text(ind.target_text) or _placeholder(ind.target_text):
            continue  # no target (“—”): nothing the actual could say it reached
        if contains_any(ind.actual_text, tuple(ctx.words.raw.get("indicators", {}).get("refers_to_target", ()))):
            continue  # 按该标准发放: the actual says it kept the target it refers to
        bare = ind.actual_text.strip()
        if bare.isdigit() and ind.stated_score is None and ind.weight is not None and Decimal(bare) == ind.weight:
            continue  # the 得分 shifted into the actual's column (the score is missing from its own)
        yield Finding(
            code="I11",
            severity="warning",
            message=(
                f"定性指标“{ind.name}”的完成情况“{ind.actual_text.strip()}”未说明是否达到目标"
                f"“{ind.target_text.strip()}”，无法判断达成程度，请人工确认。"
            ),
            where=_where(i),
            evidence={"indicator": ind.name, "target_text": ind.target_text, "actual_text": ind.actual_text},
        )


rule("I11", "warning", "定性指标的完成值未说明是否达成目标")(i11_unclear_qualitative)


def _bare(text: str | None) -> str:
    """``text`` without spaces and punctuation (达成预期指标。 → 达成预期指标)."""
    if not text:
        return ""
    return "".join(ch for ch in text if ch.isalnum() or ch in "%％")


def i13_boilerplate_actual(ctx: ReviewContext) -> Iterable[Finding]:
    table = ctx.words.raw.get("boilerplate", {})
    words = {str(w) for w in table.get("actuals", ())}
    for i, ind in enumerate(ctx.report.indicators):
        if ind.quantitative and ind.actual is not None:
            continue
        actual = _bare(ind.actual_text)
        if not actual or actual not in words:
            continue
        if actual == _bare(ind.target_text):
            continue  # a target copied word for word: I14 (or a yes/no target answered in kind)
        yield Finding(
            code="I13",
            severity="warning",
            message=(
                f"指标“{ind.name}”的完成情况只填写了“{ind.actual_text.strip()}”，没有说明实际完成的内容和程度，"
                "应填写具体的完成值或完成情况。"
            ),
            where=_where(i),
            evidence={"indicator": ind.name, "actual_text": ind.actual_text, "target_text": ind.target_text},
        )


rule("I13", "warning", "定性指标的完成情况只写“已完成”“达成预期指标”“良好”等套话，没有具体内容")(i13_boilerplate_actual)


def i14_actual_copies_target(ctx: ReviewContext) -> Iterable[Finding]:
    table = ctx.words.raw.get("boilerplate", {})
    min_chars = int(table.get("copied_min_chars", 4))
    for i, ind in enumerate(ctx.report.indicators):
        if ind.quantitative and ind.target is not None:
            continue  # numbers equal to their targets are I01's business
        target, actual = _bare(ind.target_text), _bare(ind.actual_text)
        if len(target) < min_chars or actual != target:
            continue
        yield Finding(
            code="I14",
            severity="warning",
            message=(
                f"指标“{ind.name}”的完成情况“{ind.actual_text.strip()}”与年度指标值原文完全相同，"
                "疑似照抄目标，未反映实际完成情况，请补充实际完成的内容及佐证。"
            ),
            where=_where(i),
            evidence={"indicator": ind.name, "target_text": ind.target_text, "actual_text": ind.actual_text},
        )


rule("I14", "warning", "定性指标的完成情况照抄目标值原文")(i14_actual_copies_target)


def i15_goal_actual_copied(ctx: ReviewContext) -> Iterable[Finding]:
    report = ctx.report
    goal, actual = _bare(report.overall_goal), _bare(report.overall_goal_actual)
    if not actual:
        return
    table = ctx.words.raw.get("boilerplate", {})
    min_chars = int(table.get("copied_min_chars", 4))
    if goal and actual == goal and len(goal) >= min_chars:
        shown = report.overall_goal_actual.strip() if report.overall_goal_actual else ""
        yield Finding(
            code="I15",
            severity="warning",
            message=(
                f"年度总体目标的实际完成情况与预期目标原文完全相同（“{shown[:40]}{'…' if len(shown) > 40 else ''}”），"
                "疑似照抄目标，未说明实际完成情况。"
            ),
            where="document",
            evidence={"overall_goal": report.overall_goal, "overall_goal_actual": report.overall_goal_actual,
                      "kind": "copied"},
        )
        return
    if actual in {str(w) for w in table.get("goal_actuals", ())}:
        yield Finding(
            code="I15",
            severity="warning",
            message=(
                f"年度总体目标的实际完成情况只填写了“{(report.overall_goal_actual or '').strip()}”，"
                "未说明目标的实际完成内容和程度。"
            ),
            where="document",
            evidence={"overall_goal": report.overall_goal, "overall_goal_actual": report.overall_goal_actual,
                      "kind": "boilerplate"},
        )


rule("I15", "warning", "年度总体目标的实际完成情况照抄预期目标，或只写“完成”等套话")(i15_goal_actual_copied)


def _partly_paid(ctx: ReviewContext) -> str | None:
    """The first clause of the prose that says only part of the money was paid, else None."""
    words = tuple(str(w) for w in ctx.words.raw.get("money_short", {}).get("partly_paid", ()))
    for _, text in ctx.narrative.parts:
        for sentence in re.split(r"[。；;！!？?\n]", text):
            for clause in re.split(r"[，,]", sentence):
                if any(w in clause for w in words):
                    return clause.strip()
    return None


def i12_money_short_outputs_full(ctx: ReviewContext) -> Iterable[Finding]:
    b = ctx.report.budget
    rate = b.execution_rate if b is not None else None
    if b is None or rate is None or rate < ctx.threshold("low_execution"):
        return  # a low rate with outputs met is I03's
    outputs = [(i, ind, sc) for i, ind, sc in ctx.indicators() if ind.level1 == "output"]
    if not outputs or not all(sc is not None and sc.met is True for _, _, sc in outputs):
        return
    why: str | None = None
    evidence: dict[str, object] = {"output_indicators": len(outputs), "execution_rate": rate}
    if b.initial is not None and b.annual is not None and b.initial > 0 and b.annual < b.initial:
        cut = b.initial - b.annual
        explained = stated_reason(ctx, reason_words(ctx, "adjustment_topics"), causes_key="adjustment_causes")
        if (cut >= ctx.threshold("adjust_material_abs") and cut / b.initial >= ctx.threshold("money_short_share")
                and explained is None):  # a cut with its reason stated is B08's (which quotes it)
            why = (f"全年预算数由年初{fmt(b.initial, 2)}万元调减至{fmt(b.annual, 2)}万元"
                   f"（减少{pct(cut / b.initial * 100)}）")
            evidence.update({"initial": b.initial, "annual": b.annual, "cut": cut})
    if why is None:
        clause = _partly_paid(ctx)
        if clause is None or stated_reason(ctx, (), extra=reason_words(ctx, "payment_timing")) is not None:
            return  # nothing said, or the work is done and payment waits (an explained shortfall)
        why = f"报告称“{clause}”"
        evidence["partly_paid"] = clause
    yield Finding(
        code="I12",
        severity="warning",
        message=(
            f"{why}，但{len(outputs)}个产出指标全部足额完成，资金减少而产出未受影响，"
            "请核实产出目标是否随资金调整、产出完成值是否真实。"
        ),
        where="budget",
        evidence=evidence,
    )


rule("I12", "warning",
     "资金减少（预算调减或正文称只支付了部分资金），而产出指标全部足额完成")(i12_money_short_outputs_full)


def i16_deadline_actual_without_date(ctx: ReviewContext) -> Iterable[Finding]:
    for i, ind in enumerate(ctx.report.indicators):
        if not _date_target(ind) or not _has_text(ind.actual_text):
            continue  # no actual at all is I08
        if deadline_met(ind.target_text, ind.actual_text) is not None:
            continue  # a date (or 按时/如期/延期) was given: scored and reviewed as a date (I02 when late)
        yield Finding(
            code="I16",
            severity="warning",
            message=(
                f"时间指标“{ind.name}”的年度指标值为“{ind.target_text.strip()}”，完成值“{ind.actual_text.strip()}”"
                "未写明实际完成时间，无法核实是否按期完成，请填写实际完成的日期（如“11月20日”）。"
            ),
            where=_where(i),
            evidence={"indicator": ind.name, "target_text": ind.target_text, "actual_text": ind.actual_text},
        )


rule("I16", "warning",
     "时间指标（完成时间≤11月、12月底前）的完成值没有写明完成时间，无法核实是否按期完成")(i16_deadline_actual_without_date)



def i17_money_full_output_short(ctx: ReviewContext) -> Iterable[Finding]:
    b = ctx.report.budget
    rate = b.execution_rate if b is not None else None
    table = ctx.words.raw.get("money_full", {})
    if rate is None or rate < Decimal(str(table.get("rate", "99.5"))):
        return
    short_share = Decimal(str(table.get("short_share", "0.05")))
    for i, ind, sc in ctx.indicators():
        if sc is None or sc.met is not False or ind.level2 != "quantity":
            continue
        if ind.target is None or ind.actual is None or ind.target <= 0 or ind.operator not in (">=", ">", "="):
            continue
        if ind.actual >= ind.target * (1 - short_share):
            continue
        yield Finding(
            code="I17",
            severity="warning",
            message=(
                f"预算执行率{pct(rate)}，资金已全部支出，但数量指标“{ind.name}”只完成{_actual(ind)}"
                f"（年度指标值{_target_with_sign(ind)}，完成{pct(ind.actual / ind.target * 100)}），"
                "产出少于计划而资金未减少，请说明未完成部分对应资金的去向。"
            ),
            where=_where(i),
            evidence={"indicator": ind.name, "execution_rate": rate, "target": ind.target, "actual": ind.actual,
                      "short_share": short_share},
        )


rule("I17", "warning", "资金全部支出，但数量指标未完成（产出少于计划而资金未减少）")(i17_money_full_output_short)
