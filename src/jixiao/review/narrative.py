"""N rules: what the prose says against what the tables show."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from jixiao.claims import CompletionClaim, IndicatorClaim, mentions
from jixiao.model import Finding, Indicator
from jixiao.review.base import ReviewContext, pct, results_only, rule, value_text
from jixiao.values import fmt

_SIGN = {">=": "≥", "<=": "≤", ">": ">", "<": "<"}


def _table_value(ind: Indicator) -> str:
    target = value_text(ind.target_text, ind.target, ind.unit)
    sign = _SIGN.get(ind.operator, "")
    if sign and target.startswith(("≥", "≤", ">", "<", "不")):
        sign = ""
    return f"表中目标值{sign}{target}、完成值{value_text(ind.actual_text, ind.actual, ind.unit)}"


def _stated(ic: IndicatorClaim) -> str:
    if ic.term == ic.indicator and ic.claim.subject == ic.term:
        return ic.claim.text
    return f"“{ic.claim.quote}”"


def n01_value_contradicts_table(ctx: ReviewContext) -> Iterable[Finding]:
    by_index: dict[int, list[IndicatorClaim]] = {}
    for ic in ctx.narrative.indicator_claims:
        if not ic.consistent:
            by_index.setdefault(ic.index, []).append(ic)
    for index in sorted(by_index):
        claims = by_index[index]
        first = claims[0]
        ind = ctx.report.indicators[index]
        yield Finding(
            code="N01",
            severity="warning",
            message=f"指标“{ind.name}”：报告正文称{_stated(first)}，{_table_value(ind)}，前后矛盾。",
            where="narrative",
            evidence={
                "indicator": ind.name,
                "index": index,
                "stated": first.claim.text,
                "stated_value": first.claim.number,
                "stated_unit": first.claim.unit,
                "stated_term": first.term,
                "matched_by": first.how,
                "target": ind.target,
                "actual": ind.actual,
                "unit": ind.unit,
                "sentence": first.claim.sentence,
                "section": first.claim.section,
                "other_statements": [ic.claim.sentence for ic in claims[1:]],
            },
        )


rule("N01", "warning", "报告正文对某指标所述数值与指标表中的目标值、完成值矛盾")(n01_value_contradicts_table)


def _quotes(claims: list[CompletionClaim], limit: int = 3) -> str:
    seen: list[str] = []
    for c in claims:
        if c.clause not in seen:
            seen.append(c.clause)
    return "".join(f"“{q}”" for q in seen[:limit])


def _unmet(ctx: ReviewContext) -> list[tuple[int, Indicator]]:
    # an indicator with no target (a result told without one: 有所提高) is not "unmet": nothing to miss
    return [(i, ind) for i, ind, sc in ctx.indicators() if sc is not None and sc.met is False
            and (ind.target is not None or ind.target_text.strip())]


def _names(items: list[tuple[int, Indicator]], limit: int = 5) -> str:
    shown = "、".join(f"“{ind.name}”" for _, ind in items[:limit])
    return shown + (f"等{len(items)}个指标" if len(items) > limit else "")


def _n02_prose_only(ctx: ReviewContext) -> Iterable[Finding]:
    """No indicator table: the prose claims full completion (活动完成率达到100%) and admits a shortfall
    elsewhere (部分项目未能按照设定的时效指标完成)."""
    claims = ctx.narrative.completion_claims
    full = [c for c in claims if c.kind == "full" and not c.excepted]
    partial = [c for c in claims if c.kind == "partial" and all(c.sentence != f.sentence for f in full)]
    if not full or not partial:
        return
    yield Finding(
        code="N02",
        severity="warning",
        message=f"报告正文称{_quotes(full)}，又称{_quotes(partial)}，完成情况前后矛盾，请核实并如实表述。",
        where="narrative",
        evidence={
            "claim": "both",
            "phrases": [c.phrase for c in full + partial],
            "sentences": list(dict.fromkeys(c.sentence for c in full + partial)),
            "indicators": 0,
        },
    )


def n02_completion_contradicts_table(ctx: ReviewContext) -> Iterable[Finding]:
    report = ctx.report
    if not report.indicators or results_only(report):  # no table: the prose against itself
        yield from _n02_prose_only(ctx)
        return
    claims = ctx.narrative.completion_claims
    partial = [c for c in claims if c.kind == "partial"]
    full = [c for c in claims if c.kind == "full"]
    scored = list(ctx.indicators())
    all_met = all(sc is not None and sc.met is True for _, _, sc in scored)
    if partial and all_met:
        yield Finding(
            code="N02",
            severity="warning",
            message=(
                f"报告正文称{_quotes(partial)}，但指标表中{len(report.indicators)}个指标全部完成，"
                "正文与指标完成情况前后矛盾。"
            ),
            where="narrative",
            evidence={
                "claim": "partial",
                "phrases": [c.phrase for c in partial],
                "sentences": list(dict.fromkeys(c.sentence for c in partial)),
                "indicators": len(report.indicators),
                "unmet": 0,
            },
        )
    unmet = _unmet(ctx)
    if full and unmet:
        # A claim with an exception (除X外，其余均已完成) does not cover what it excepts.
        overlap = int(ctx.setting("name_overlap"))
        others = [ind.name for ind in report.indicators]
        contradicted: list[CompletionClaim] = []
        left: dict[int, Indicator] = {}
        excepted_names: list[str] = []
        for c in full:
            rest = [(i, ind) for i, ind in unmet
                    if not any(mentions(x, ind.name, ctx.words, overlap, others) for x in c.excepted)]
            excepted_names += [ind.name for i, ind in unmet if (i, ind) not in rest]
            if rest:
                contradicted.append(c)
                left.update(rest)
        if contradicted:
            items = sorted(left.items())
            yield Finding(
                code="N02",
                severity="warning",
                message=f"报告正文称{_quotes(contradicted)}，但指标{_names(items)}未完成，正文与指标完成情况前后矛盾。",
                where="narrative",
                evidence={
                    "claim": "full",
                    "phrases": [c.phrase for c in contradicted],
                    "sentences": list(dict.fromkeys(c.sentence for c in contradicted)),
                    "unmet_indicators": [ind.name for _, ind in items],
                    "excepted": sorted(set(excepted_names)),
                },
            )


rule("N02", "warning",
     "报告正文称目标部分未完成而指标全部完成，或称全部完成而有指标未完成")(n02_completion_contradicts_table)


_NEGATIONS = ("未", "没有", "尚未", "不能", "无法", "不")


def _money_full_claims(ctx: ReviewContext) -> list[CompletionClaim]:
    """Clauses that say the money was all paid (资金全部拨付到位), not negated (未全部拨付)."""
    completion = ctx.words.narrative["completion"]
    phrases = tuple(completion.get("money_full", ()))
    intent = (*completion.get("intent", ()), *completion.get("money_intent", ()))
    out: list[CompletionClaim] = []
    for title, text in ctx.narrative.parts:
        if not any(p in text for p in phrases):
            continue
        for sentence in re.split(r"[。；;！!？?\n]", text):
            for clause in re.split(r"[，,]", sentence):
                for p in phrases:
                    k = clause.find(p)
                    if k >= 0 and not clause[max(0, k - 2):k].endswith(_NEGATIONS) and not any(
                        w in clause for w in intent
                    ):
                        out.append(CompletionClaim("full", p, clause.strip(), sentence.strip(), title))
                        break
    return out


def n03_no_problem_claimed(ctx: ReviewContext) -> Iterable[Finding]:
    claims = [c for c in ctx.narrative.completion_claims if c.kind == "no_problem"]
    b = ctx.report.budget
    rate = b.execution_rate if b is not None else None
    threshold = ctx.threshold("low_execution")
    low = rate is not None and rate < threshold
    if low:
        # 资金全部拨付到位 / 预算全部执行完成: a claim of full completion about the money is one too
        money = tuple(ctx.words.narrative["completion"].get("money_words", ()))
        claims += [c for c in ctx.narrative.completion_claims
                   if c.kind == "full" and any(w in c.clause for w in money)]
        claims += _money_full_claims(ctx)
    if not claims:
        return
    problems: list[str] = []
    if low:
        problems.append(f"预算执行率仅{pct(rate)}（低于{fmt(threshold, 0)}%）")
    unmet = _unmet(ctx) if any(c.kind == "no_problem" for c in claims) else []
    if unmet:
        problems.append(f"指标{_names(unmet)}未完成")
    if not problems:
        return
    yield Finding(
        code="N03",
        severity="warning",
        message=f"报告称{_quotes(claims, 2)}，但{'，'.join(problems)}，与实际情况不符。",
        where="narrative",
        evidence={
            "phrases": [c.phrase for c in claims],
            "sentences": list(dict.fromkeys(c.sentence for c in claims)),
            "execution_rate": rate.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) if rate is not None else None,
            "threshold": threshold,
            "unmet_indicators": [ind.name for _, ind in unmet],
        },
    )


rule("N03", "warning", "报告称不存在问题（暂无问题、未偏离），但执行率偏低或有指标未完成")(n03_no_problem_claimed)


def n04_transfer_funded_locally(ctx: ReviewContext) -> Iterable[Finding]:
    table = ctx.words.raw.get("funding_level", {})
    ranks: dict[str, int] = {str(k): int(v) for k, v in table.get("ranks", {}).items()}
    if not ranks:
        return
    transfer_re = re.compile(str(table["transfer"]))
    own_re = re.compile(str(table["own"]))
    transfer = own = None
    for _, text in ctx.narrative.parts:
        compact = "".join(text.split())
        transfer = transfer or transfer_re.search(compact)
        own = own or own_re.search(compact)
    if transfer is None or own is None:
        return
    high, low = transfer.group("level"), own.group("level")
    if low != "本" and ranks.get(low, 0) <= ranks.get(high, 0):
        return  # the money came from the transferring level or above: no contradiction
    yield Finding(
        code="N04",
        severity="warning",
        message=(
            f"报告称本项目为“{transfer.group(0)}”项目，又称资金“{own.group(0)}”，资金来源与项目性质前后矛盾，"
            "请核实资金来源（上级转移支付资金与本级财政资金）并如实填报。"
        ),
        where="narrative",
        evidence={"transfer": transfer.group(0), "own_funds": own.group(0), "transfer_level": high, "funds_level": low},
    )


rule("N04", "warning",
     "报告称项目为上级转移支付，又称资金全部为本级（或更低一级）财政资金")(n04_transfer_funded_locally)
