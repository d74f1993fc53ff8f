"""D rules: the document as a whole (sections, inferred levels, left-over form instructions)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from jixiao.model import Finding, Report
from jixiao.review.base import ReviewContext, rule

_LEVEL1_NAMES = {"output": "产出", "benefit": "效益", "satisfaction": "满意度", "cost": "成本"}


def _has_narrative(report: Report) -> bool:
    """A report with numbered sections (a 自评报告 text); form-only reports have none."""
    return sum(1 for s in report.sections if s.number is not None and s.level == 1) >= 2


def d01_missing_section(ctx: ReviewContext) -> Iterable[Finding]:
    report = ctx.report
    if not _has_narrative(report):
        return
    titles = [s.title for s in report.sections if s.number is not None and s.title]
    for key, (name, alternatives) in ctx.words.sections.items():
        if any(all(w in t for w in alt) for t in titles for alt in alternatives):
            continue
        yield Finding(
            code="D01",
            severity="warning",
            message=f"报告缺少“{name}”部分，不符合绩效自评报告的规定格式。",
            where="document",
            evidence={"section": key, "name": name, "titles": titles},
        )


rule("D01", "warning",
     "报告缺少规定的组成部分（目标分解下达、绩效情况分析、偏离原因及改进措施、结果应用和公开）")(d01_missing_section)


def d02_levels_inferred(ctx: ReviewContext) -> Iterable[Finding]:
    inferred = [ind for ind in ctx.report.indicators if ind.levels_inferred]
    if not inferred:
        return
    counts: dict[str, int] = {}
    for ind in inferred:
        key = ind.level1 or "unknown"
        counts[key] = counts.get(key, 0) + 1
    parts = "、".join(f"{_LEVEL1_NAMES.get(k, '未分类')}{v}个" for k, v in counts.items())
    yield Finding(
        code="D02",
        severity="info",
        message=(
            f"指标表未列明一级、二级指标，{len(inferred)}个指标的分类系按指标名称推断（{parts}），"
            "请核实分类，并按规定格式填报。"
        ),
        where="document",
        evidence={"inferred": len(inferred), "indicators": len(ctx.report.indicators), "by_level1": counts},
    )


rule("D02", "info", "指标的一级、二级分类在文档中缺失，系按指标名称推断")(d02_levels_inferred)


@lru_cache(maxsize=4)
def _patterns(patterns: tuple[str, ...]) -> tuple[tuple[re.Pattern[str], ...], re.Pattern[str]]:
    """Each pattern (in the list's order of preference) and all of them as one alternation."""
    return tuple(re.compile(p) for p in patterns), re.compile("|".join(f"(?:{p})" for p in patterns))


def _texts(report: Report) -> Iterable[tuple[str, str]]:
    for s in report.sections:
        if s.title:
            yield "narrative", s.title
        if s.text:
            yield "narrative", s.text
    if report.overall_goal:
        yield "document", report.overall_goal
    if report.overall_goal_actual:
        yield "document", report.overall_goal_actual
    for i, ind in enumerate(report.indicators):
        for text in (ind.deviation_reason, ind.actual_text, ind.target_text):
            if text:
                yield f"indicator:{i}", text


def _line(text: str, start: int, end: int) -> str:
    i = text.rfind("\n", 0, start) + 1
    j = text.find("\n", end)
    return text[i: j if j >= 0 else len(text)].strip()


def d03_form_instructions_left(ctx: ReviewContext) -> Iterable[Finding]:
    seen: set[str] = set()
    patterns, any_of = _patterns(ctx.words.instruction_patterns)
    for where, text in _texts(ctx.report):
        if not any_of.search(text):  # most texts: one scan instead of one per pattern
            continue
        for pattern in patterns:
            for m in pattern.finditer(text):
                line = _line(text, m.start(), m.end())
                if line in seen:
                    continue
                seen.add(line)
                yield Finding(
                    code="D03",
                    severity="warning",
                    message=f"报告保留了表格的填写说明“{m.group(0)}”（“{line[:60]}”），未替换为实际内容。",
                    where=where,
                    evidence={"instruction": m.group(0), "text": line},
                )


rule("D03", "warning",
     "保留了表格自带的填写说明（如“（100字以内）”“结合自评情况，说明……”），未填写实际内容")(d03_form_instructions_left)


# D04-D06: what the reader could not read. A document that names itself a self-evaluation is never
# refused; the gaps are reported here instead, so the reviewer sees them and no check rests on them.


def d04_no_indicators(ctx: ReviewContext) -> Iterable[Finding]:
    if ctx.report.indicators:
        return
    yield Finding(
        code="D04",
        severity="warning",
        message=(
            "未能从文档中读取到绩效指标：既没有可识别的“绩效指标”表，叙述中也没有“年初指标值……实际完成值……”"
            "形式的指标，指标相关的检查均未执行，请人工核对。"
        ),
        where="document",
        evidence={"indicators": 0, "layout": ctx.report.layout},
    )


rule("D04", "warning",
     "未读到绩效指标（文档中没有可识别的指标表，叙述中也没有可识别的指标值），指标相关检查未执行")(d04_no_indicators)


_BUDGET_FIELDS = {"annual": "全年预算数", "executed": "全年执行数"}


def _budget_not_read(report: Report) -> list[str] | None:
    """The budget figures the reader did not find, or None when the budget is usable or a budget block
    was read but is incomplete (that is B07's error, not a reading gap)."""
    b = report.budget
    if b is not None and (b.usable or b.origin != "prose"):
        return None
    if b is None:
        return list(_BUDGET_FIELDS)
    return [k for k in _BUDGET_FIELDS if getattr(b, k) is None or (k == "annual" and getattr(b, k) <= 0)]


def d05_budget_not_read(ctx: ReviewContext) -> Iterable[Finding]:
    missing = _budget_not_read(ctx.report)
    if not missing:
        return
    names = "、".join(f"“{_BUDGET_FIELDS[k]}”" for k in missing)
    b = ctx.report.budget
    yield Finding(
        code="D05",
        severity="warning",
        message=(
            f"未能从文档中读取到{names}（没有可识别的资金表，叙述中也未找到相应金额），"
            "预算执行率相关的检查均未执行，请人工核对。"
        ),
        where="budget",
        evidence={
            "missing": [_BUDGET_FIELDS[k] for k in missing],
            "annual": b.annual if b else None,
            "executed": b.executed if b else None,
            "origin": b.origin if b else None,
        },
    )


rule("D05", "warning",
      "未读到预算资金数据（文档中没有可识别的资金表，叙述中也未读到全年预算数或执行数），执行率相关检查未执行")(d05_budget_not_read)


_UNPLACED_SHOWN = 5


def d06_unplaced_values(ctx: ReviewContext) -> Iterable[Finding]:
    unplaced = ctx.report.unplaced
    if not unplaced:
        return
    shown = "；".join(
        f"“{u.text[:30]}”" + (f"（{u.where}" + (f"，{u.reason}" if u.reason else "") + "）" if u.where or u.reason
                              else "")
        for u in unplaced[:_UNPLACED_SHOWN])
    more = f"等{len(unplaced)}个数值" if len(unplaced) > _UNPLACED_SHOWN else f"共{len(unplaced)}个数值"
    yield Finding(
        code="D06",
        severity="warning",
        message=f"文档中{shown}{more}未能确定所属栏目，未参与检查，请人工核对。",
        where="document",
        evidence={"unplaced": [{"text": u.text, "where": u.where, "reason": u.reason} for u in unplaced]},
    )


rule("D06", "warning", "文档中有数值未能归入任何栏目（列错位、表格断裂等），未参与检查")(d06_unplaced_values)
