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


@rule("D01", "warning", "报告缺少规定的组成部分（目标分解下达、绩效情况分析、偏离原因及改进措施、结果应用和公开）")
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


@rule("D02", "info", "指标的一级、二级分类在文档中缺失，系按指标名称推断")
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


@rule("D03", "warning", "保留了表格自带的填写说明（如“（100字以内）”“结合自评情况，说明……”），未填写实际内容")
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
