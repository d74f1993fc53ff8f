"""T rules: the quality of the targets (指标设置质量)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from jixiao.model import Finding, Indicator
from jixiao.review.base import ReviewContext, contains_any, pct, results_only, rule
from jixiao.values import fmt

_DIGIT = re.compile(r"\d")


def t01_vague_target(ctx: ReviewContext) -> Iterable[Finding]:
    for i, ind in enumerate(ctx.report.indicators):
        if ind.quantitative:
            continue
        text = ind.target_text.strip()
        if not text or _DIGIT.search(text):
            continue
        word = contains_any(text, ctx.words.vague_words)
        if word is None:
            continue
        yield Finding(
            code="T01",
            severity="info",
            message=(
                f"定性指标“{ind.name}”的年度指标值“{text}”表述笼统（“{word}”），没有可衡量的标准，"
                "建议细化、量化绩效目标。"
            ),
            where=f"indicator:{i}",
            evidence={"indicator": ind.name, "target_text": ind.target_text, "vague_word": word},
        )


rule("T01", "info", "定性指标的目标表述笼统（作用明显、效果明显、有效、良好等），无可衡量的标准")(t01_vague_target)


def t02_too_many_qualitative(ctx: ReviewContext) -> Iterable[Finding]:
    total = len(ctx.report.indicators)
    if total == 0:
        return
    qualitative = [ind for ind in ctx.report.indicators if not ind.quantitative]
    share = Decimal(len(qualitative)) / Decimal(total)
    limit = ctx.threshold("qualitative_share")
    if share <= limit:
        return
    yield Finding(
        code="T02",
        severity="warning",
        message=(
            f"定性指标{len(qualitative)}个，占全部{total}个指标的{pct(share * 100)}，超过{fmt(limit * 100, 0)}%，"
            "绩效指标应以定量指标为主。"
        ),
        where="document",
        evidence={
            "qualitative": len(qualitative),
            "indicators": total,
            "share": (share * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
            "threshold": limit * 100,
        },
    )


rule("T02", "warning", "定性指标占全部指标的比例过高（默认超过30%）")(t02_too_many_qualitative)


def _in_category(ctx: ReviewContext, ind: Indicator, category: str) -> bool:
    if ind.level1 == category:
        return True
    return ind.level2 is not None and ind.level2 in ctx.words.category_level2.get(category, ())


def _document_text(ctx: ReviewContext) -> str:
    """Everything the reader kept as text: the sections, the prose, what it could not place."""
    parts = [s.title + s.text for s in ctx.report.sections] + [t for _, t in ctx.narrative.parts]
    parts += [u.reason + u.text for u in ctx.report.unplaced]
    return "".join("".join(parts).split())


def t03_missing_category(ctx: ReviewContext) -> Iterable[Finding]:
    indicators = ctx.report.indicators
    if not indicators or all(ind.level1 is None and ind.level2 is None for ind in indicators):
        return  # no levels at all: nothing to judge the categories by
    if results_only(ctx.report):
        return  # results told in prose without targets are no indicator system (T08 says so)
    for category in ctx.setting("required_categories"):
        if any(_in_category(ctx, ind, category) for ind in indicators):
            continue
        name = ctx.words.category_names.get(category, category)
        # the document names the category (a heading 满意度指标 the table was cut off or not read after)
        named = name[:-1] in _document_text(ctx)
        yield Finding(
            code="T03",
            severity="info" if named else "warning",
            message=f"绩效指标中没有{name}（全部{len(indicators)}个指标均不属于{name}），指标体系不完整，应按规定设置。"
            + (f"（文档中出现了{name}栏目，但未读到其下的指标，可能是表格截断或未能读取，请人工核对）"
               if named else ""),
            where="document",
            evidence={"category": category, "indicators": len(indicators), "category_named": named},
        )


rule("T03", "warning", "缺少必设的指标类别（满意度指标、效益指标或成本指标）")(t03_missing_category)


def t04_budget_measure_as_indicator(ctx: ReviewContext) -> Iterable[Finding]:
    for i, ind in enumerate(ctx.report.indicators):
        term = contains_any(ind.name, ctx.words.budget_measures)
        if term is None:
            continue
        targets = ctx.words.raw.get("targets", {})
        if term in targets.get("budget_measure_needs_money", ()) and not contains_any(
                ind.name, tuple(targets.get("money_words", ()))):
            continue  # 制度执行率, 收购价格执行率: a policy carried out, not a budget spent
        yield Finding(
            code="T04",
            severity="info",
            message=f"指标“{ind.name}”（{term}）属于预算管理要求，不宜作为绩效指标，建议改为反映产出或效益的指标。",
            where=f"indicator:{i}",
            evidence={"indicator": ind.name, "term": term},
        )


rule("T04", "info", "把预算管理要求（执行率、支付进度、结余率等）当作绩效指标")(t04_budget_measure_as_indicator)


_LEVEL2_NAMES = {"economic": "经济效益指标", "ecological": "生态效益指标", "quantity": "数量指标"}
_LEVEL1_NAMES = {"output": "产出指标", "benefit": "效益指标", "cost": "成本指标"}


def t05_misfiled_level(ctx: ReviewContext) -> Iterable[Finding]:
    table = ctx.words.raw.get("misfiled", {})
    admin = tuple(str(w) for w in table.get("admin_terms", ()))
    benefit_l2 = {str(w) for w in table.get("benefit_level2", ())}
    satisfaction = tuple(str(w) for w in table.get("satisfaction_terms", ()))
    cost = tuple(str(w) for w in table.get("cost_terms", ()))
    for i, ind in enumerate(ctx.report.indicators):
        if ind.levels_inferred:
            continue  # the reader inferred the levels from the name: nothing the unit filed
        why = None
        term = None
        if ind.level2 in benefit_l2 and (term := contains_any(ind.name, admin)):
            why = f"名称含“{term}”，属于成本控制或管理要求，不是{_LEVEL2_NAMES[ind.level2]}"
        elif ind.level1 is not None and ind.level1 != "satisfaction" and (term := contains_any(ind.name, satisfaction)):
            where = _LEVEL2_NAMES.get(ind.level2 or "", _LEVEL1_NAMES.get(ind.level1, ind.level1))
            why = f"名称含“{term}”，应归入满意度指标，却放在{where}下"
        elif ind.level2 == "quantity" and (term := contains_any(ind.name, cost)):
            why = f"名称含“{term}”，属于成本指标，却放在数量指标下"
        if why is None:
            continue
        yield Finding(
            code="T05",
            severity="warning",
            message=f"指标“{ind.name}”归类不当：{why}，请按指标性质调整所属的一级、二级指标。",
            where=f"indicator:{i}",
            evidence={"indicator": ind.name, "level1": ind.level1, "level2": ind.level2, "term": term},
        )


rule("T05", "warning",
     "指标归类不当：管理类指标在经济/生态效益下，满意度指标不在满意度下，成本指标在数量指标下")(t05_misfiled_level)


_NUMBER_UNIT = re.compile(r"\d+(?:\.\d+)?\s*[^\d\s，,。；;、]{0,4}")
_UNIT_AFTER = re.compile(r"\d[^\d.]+$")


def _bare_value(text: str) -> str:
    """A target as a value: no operator words, no spaces (“≥1000万元” → “1000万元”)."""
    s = "".join(text.split())
    for w in (">=", "<=", "≥", "≤", "＞", "＜", ">", "<", "=", "＝", "不低于", "不少于", "不高于", "不超过", "达到",
              "约"):
        s = s.replace(w, "")
    return s


def t06_name_restates_target(ctx: ReviewContext) -> Iterable[Finding]:
    for i, ind in enumerate(ctx.report.indicators):
        if not ind.quantitative or ind.target is None:
            continue
        value = _bare_value(ind.target_text)
        if value and not _UNIT_AFTER.search(value) and ind.unit:
            value += ind.unit  # "100" in one cell, "万元" in the next
        name = "".join(ind.name.split())
        if not value or not _NUMBER_UNIT.fullmatch(value) or not _UNIT_AFTER.search(value):
            continue  # a bare number in a name (5G基站) is no restated target: the unit must be there too
        if value not in name:
            continue
        yield Finding(
            code="T06",
            severity="warning",
            message=(
                f"三级指标名称“{ind.name}”照搬了指标值“{value}”，未写明考核的内容，"
                "指标名称应说明衡量什么（对象、事项），目标数值填在指标值栏。"
            ),
            where=f"indicator:{i}",
            evidence={"indicator": ind.name, "target_text": ind.target_text, "value": value},
        )


rule("T06", "warning",
     "三级指标名称照搬指标值（如“每年财政补助1000万元”“1年”），未写明考核内容")(t06_name_restates_target)


def _is_percent(ind: Indicator) -> bool:
    return (ind.unit or "") in ("%", "％") or "%" in ind.target_text or "％" in ind.target_text


def t07_percent_on_non_rate(ctx: ReviewContext) -> Iterable[Finding]:
    targets = ctx.words.raw.get("targets", {})
    rate_words = tuple(str(w) for w in targets.get("rate_words", ()))
    questions = tuple(str(w) for w in targets.get("question_words", ()))
    for i, ind in enumerate(ctx.report.indicators):
        if not ind.quantitative or ind.target is None or not _is_percent(ind):
            continue
        question = contains_any(ind.name, questions)
        if question is None and contains_any(ind.name, rate_words):
            continue
        why = (f"是“{question}”式的问句，只能回答是或否" if question
               else "不是比率或比例，看不出百分比是什么与什么之比")
        yield Finding(
            code="T07",
            severity="warning",
            message=(
                f"指标“{ind.name}”以百分比（{_bare_value(ind.target_text) or fmt(ind.target, 2)}"
                f"{'' if '%' in ind.target_text else '%'}）为指标值，但指标名称{why}，"
                "应改为可衡量的比率指标（写明分子、分母，如“……覆盖率”“……达标率”）或改为定性指标。"
            ),
            where=f"indicator:{i}",
            evidence={"indicator": ind.name, "target_text": ind.target_text, "unit": ind.unit,
                      "question_word": question},
        )


rule("T07", "warning", "百分比指标值用在不是比率的指标名称上（口号式名称、“是否……”问句）")(t07_percent_on_non_rate)


def t08_level_percentages_only(ctx: ReviewContext) -> Iterable[Finding]:
    # results told in the prose without a target (共计救助小学生140人, 满意度达100%) are no 三级指标 with a
    # 年度指标值 either: the report still gives its indicators only as level percentages
    if ctx.report.indicators and not results_only(ctx.report):
        return
    untargeted = ctx.report.indicators
    pattern = ctx.words.raw.get("level_results", {}).get("pattern")
    if not pattern:
        return
    found: list[str] = []
    for _, text in ctx.narrative.parts:
        for m in re.finditer(str(pattern), "".join(text.split())):
            if m.group(0) not in found:
                found.append(m.group(0))
    if not found:
        return
    shown = "、".join(f"“{x}”" for x in found[:3])
    yield Finding(
        code="T08",
        severity="warning",
        message=(
            f"报告对绩效指标只写了{shown}这样的总体完成百分比，"
            + (f"正文所述{len(untargeted)}项完成情况均未列出年度指标值，" if untargeted
               else "未列出具体的三级指标、年度指标值和实际完成值，")
            + "无法核实完成情况，应按绩效指标逐项填报。"
        ),
        where="document",
        evidence={"statements": found, **({"results_without_target": len(untargeted)} if untargeted else {})},
    )


rule("T08", "warning", "绩效指标只写了产出/效益/满意度指标的总体完成百分比，未列出具体指标")(t08_level_percentages_only)
