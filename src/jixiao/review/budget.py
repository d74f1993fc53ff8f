"""B rules: the fund block (预算数, 执行数, 执行率, 资金来源)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from jixiao.model import Finding, FundSource, Indicator
from jixiao.review.base import ReviewContext, fmt_num, pct, reason_words, rule, short, stated_reason
from jixiao.values import decimal_places, fmt, is_money_unit, to_wan

_COLUMNS = (("initial", "年初预算数"), ("annual", "全年预算数"), ("executed", "全年执行数"))


def _wan(value: Decimal | None) -> str:
    return f"{fmt(value, 2)}万元"


def _places(value: Decimal, text: str | None) -> int:
    if text and text.strip():
        return decimal_places(text)
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def b01_stated_rate(ctx: ReviewContext) -> Iterable[Finding]:
    b = ctx.report.budget
    if b is None or b.stated_execution_rate is None or not b.usable:
        return
    rate = b.execution_rate
    assert rate is not None
    stated = b.stated_execution_rate
    places = _places(stated, b.stated_execution_rate_text)
    quantum = Decimal(1).scaleb(-places)
    stated_q = stated.quantize(quantum, rounding=ROUND_HALF_UP)
    # Half-up is the rule; a rate truncated at the stated precision is not called wrong either.
    if stated_q in (rate.quantize(quantum, rounding=ROUND_HALF_UP), rate.quantize(quantum, rounding=ROUND_DOWN)):
        return
    stated_shown = (b.stated_execution_rate_text or "").strip() or pct(stated)
    yield Finding(
        code="B01",
        severity="error",
        message=(
            f"预算执行率填报为{stated_shown}，按全年执行数{_wan(b.executed)}÷全年预算数{_wan(b.annual)}计算应为"
            f"{pct(rate)}，填报的执行率有误。"
        ),
        where="budget",
        evidence={
            "stated_execution_rate": stated,
            "stated_text": b.stated_execution_rate_text,
            "execution_rate": rate.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
            "annual": b.annual,
            "executed": b.executed,
            "compared_places": places,
        },
    )


rule("B01", "error", "填报的预算执行率与“全年执行数÷全年预算数”不符（按填报精度比较）")(b01_stated_rate)


def b02_overspent(ctx: ReviewContext) -> Iterable[Finding]:
    b = ctx.report.budget
    if b is None or b.annual is None or b.executed is None or b.executed <= b.annual:
        return
    yield Finding(
        code="B02",
        severity="error",
        message=f"全年执行数{_wan(b.executed)}超过全年预算数{_wan(b.annual)}，超出{_wan(b.executed - b.annual)}。",
        where="budget",
        evidence={"annual": b.annual, "executed": b.executed, "excess": b.executed - b.annual},
    )


rule("B02", "error", "全年执行数超过全年预算数")(b02_overspent)


def b03_low_execution(ctx: ReviewContext) -> Iterable[Finding]:
    b = ctx.report.budget
    rate = b.execution_rate if b is not None else None
    if rate is None:
        return
    threshold = ctx.threshold("low_execution")
    if rate >= threshold:
        return
    reason = stated_reason(ctx, reason_words(ctx, "execution_topics"), extra=reason_words(ctx, "payment_timing"))
    said = f"；报告说明的原因为“{reason}”，请核实原因是否属实并督促支出。" if reason else "。"
    yield Finding(
        code="B03",
        severity="warning",
        message=(
            f"预算执行率{pct(rate)}（全年执行数{_wan(b.executed if b else None)}÷全年预算数"
            f"{_wan(b.annual if b else None)}），低于{fmt(threshold, 0)}%{said}"
        ),
        where="budget",
        evidence={
            "execution_rate": rate.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
            "threshold": threshold,
            "annual": b.annual if b else None,
            "executed": b.executed if b else None,
            "stated_reason": reason,
        },
    )


rule("B03", "warning", "预算执行率低于规定的下限（默认90%）")(b03_low_execution)


def _is_cost(ctx: ReviewContext, ind: Indicator) -> bool:
    cost_level2 = ctx.words.category_level2.get("cost", ())
    return ind.level1 == "cost" or (ind.level2 is not None and ind.level2 in cost_level2)


def _money_cost_indicators(ctx: ReviewContext) -> Iterator[tuple[int, Indicator]]:
    for i, ind in enumerate(ctx.report.indicators):
        if ind.quantitative and _is_cost(ctx, ind) and is_money_unit(ind.unit):
            yield i, ind


def _cost_sum(ctx: ReviewContext, attr: str) -> tuple[Decimal, list[dict[str, object]]]:
    total = Decimal(0)
    rows: list[dict[str, object]] = []
    for i, ind in _money_cost_indicators(ctx):
        value = getattr(ind, attr)
        if value is None:
            continue
        wan = to_wan(value, ind.unit)
        if wan is None:
            continue
        total += wan
        rows.append({"index": i, "name": ind.name, "value": value, "unit": ind.unit, "wan": wan})
    return total, rows


def _names(rows: list[dict[str, object]]) -> str:
    return "、".join(f"“{short(str(r['name']))}”{fmt(r['wan'], 2)}万元" for r in rows)  # type: ignore[arg-type]


def b04_cost_targets_exceed_budget(ctx: ReviewContext) -> Iterable[Finding]:
    b = ctx.report.budget
    if b is None or b.annual is None or b.annual <= 0:
        return
    total, rows = _cost_sum(ctx, "target")
    tolerance = ctx.threshold("cost_tolerance")
    if not rows or total <= b.annual * (1 + tolerance):
        return
    yield Finding(
        code="B04",
        severity="warning",
        message=(
            f"成本指标（{_names(rows)}）年度指标值合计{_wan(total)}，超过全年预算数{_wan(b.annual)}，"
            "成本指标与预算不匹配。"
        ),
        where="budget",
        evidence={
            "cost_targets_total": total,
            "annual": b.annual,
            "tolerance": tolerance,
            "indicators": rows,
        },
    )


rule("B04", "warning", "以金额计量的成本指标目标值合计超过全年预算数")(b04_cost_targets_exceed_budget)


def b05_cost_actuals_exceed_executed(ctx: ReviewContext) -> Iterable[Finding]:
    b = ctx.report.budget
    if b is None or b.executed is None:
        return
    total, rows = _cost_sum(ctx, "actual")
    tolerance = ctx.threshold("cost_tolerance")
    if not rows or total <= b.executed * (1 + tolerance):
        return
    yield Finding(
        code="B05",
        severity="warning",
        message=(
            f"成本指标（{_names(rows)}）完成值合计{_wan(total)}，超过全年执行数{_wan(b.executed)}，"
            "实际花费的成本多于实际支出，数据不实。"
        ),
        where="budget",
        evidence={
            "cost_actuals_total": total,
            "executed": b.executed,
            "tolerance": tolerance,
            "indicators": rows,
        },
    )


rule("B05", "warning", "以金额计量的成本指标完成值合计超过全年执行数")(b05_cost_actuals_exceed_executed)


def b06_sources_do_not_add_up(ctx: ReviewContext) -> Iterable[Finding]:
    b = ctx.report.budget
    tolerance = ctx.threshold("source_tolerance")
    yield from _b06_in_prose(ctx, tolerance)
    if b is None or not b.sources:
        return
    names = "、".join(s.name for s in b.sources)
    if b.totals_from_sources:
        sums = {attr: _sum_sources(b.sources, attr) for attr, _ in _COLUMNS}
        shown = "，".join(f"{label}合计{_wan(sums[attr])}" for attr, label in _COLUMNS if sums[attr] is not None)
        yield Finding(
            code="B06",
            severity="error",
            message=f"资金总额行为空或为0，而资金来源（{names}）填有金额（{shown}），总额未填写。",
            where="budget",
            evidence={"sources": [_source_dict(s) for s in b.sources], "totals_from_sources": True},
        )
        return
    total_row = b.stated_total
    if total_row is None:
        return
    for attr, label in _COLUMNS:
        total = getattr(total_row, attr)
        summed = _sum_sources(b.sources, attr)
        if total is None or summed is None or abs(total - summed) <= tolerance:
            continue
        yield Finding(
            code="B06",
            severity="error",
            message=(
                f"资金来源（{names}）的{label}合计{_wan(summed)}，与资金总额{_wan(total)}不符，"
                f"{'多' if summed > total else '少'}{_wan(abs(summed - total))}。"
            ),
            where="budget",
            evidence={
                "column": attr,
                "total": total,
                "sum_of_sources": summed,
                "difference": summed - total,
                "sources": [_source_dict(s) for s in b.sources],
            },
        )


rule("B06", "error", "资金来源各行之和与资金总额不符，或总额为空/为零而来源行有金额")(b06_sources_do_not_add_up)


def _b06_in_prose(ctx: ReviewContext, tolerance: Decimal) -> Iterator[Finding]:
    """Fund sources against their total when both are in the prose (全年预算数1200万元，其中中央补助800万元、
    地方资金300万元)."""
    seen: set[str] = set()
    for sentence, total, parts, kind in _breakdowns(ctx):
        if kind != "sources" or sentence in seen:
            continue
        seen.add(sentence)
        summed = sum((w for w, _ in parts), Decimal(0))
        if abs(summed - total) <= tolerance:
            continue
        yield Finding(
            code="B06",
            severity="error",
            message=(
                f"报告所述“{sentence[:60]}{'…' if len(sentence) > 60 else ''}”中，"
                f"资金来源（{'+'.join(t for _, t in parts)}）合计{_wan(summed)}，与所述总额{_wan(total)}不符，"
                f"{'多' if summed > total else '少'}"
                f"{_wan(abs(summed - total))}。"
            ),
            where="budget",
            evidence={"sentence": sentence, "total": total, "sum_of_sources": summed, "difference": summed - total,
                      "sources": [t for _, t in parts], "from": "prose"},
        )


def _sum_sources(sources: list[FundSource], attr: str) -> Decimal | None:
    values = [getattr(s, attr) for s in sources if getattr(s, attr) is not None]
    return sum(values, Decimal(0)) if values else None


def _source_dict(s: FundSource) -> dict[str, object]:
    return {"name": s.name, **{attr: getattr(s, attr) for attr, _ in _COLUMNS}}


def b07_no_budget(ctx: ReviewContext) -> Iterable[Finding]:
    b = ctx.report.budget
    # No budget block at all, or figures looked for in prose and not found: a reading gap (D05), not an error.
    if b is None or b.usable or b.origin == "prose":
        return
    missing = []
    if b is None or b.annual is None or b.annual <= 0:
        missing.append("全年预算数")
    if b is None or b.executed is None:
        missing.append("全年执行数")
    yield Finding(
        code="B07",
        severity="error",
        message=f"报告未提供可用的资金数据（缺少{'、'.join(missing)}），无法计算预算执行率。",
        where="budget",
        evidence={
            "missing": missing,
            "annual": b.annual if b else None,
            "executed": b.executed if b else None,
        },
    )


rule("B07", "error", "资金表不完整（读到了资金表，但全年预算数或全年执行数缺失）")(b07_no_budget)


def b08_budget_adjusted(ctx: ReviewContext) -> Iterable[Finding]:
    b = ctx.report.budget
    if b is None or b.initial is None or b.annual is None or b.initial == b.annual:
        return
    change = b.annual - b.initial
    material_abs = ctx.threshold("adjust_material_abs")
    material_share = ctx.threshold("adjust_material_share")
    share = abs(change) / b.initial if b.initial > 0 else None
    if abs(change) < material_abs and share is not None and share < material_share:
        return  # a few hundred 元 on tens of 万元: no sense of scale would call this an adjustment
    evidence = {
        "initial": b.initial, "annual": b.annual, "executed": b.executed, "change": change,
        "material_abs": material_abs, "material_share": material_share,
    }
    reason = stated_reason(ctx, reason_words(ctx, "adjustment_topics"), causes_key="adjustment_causes")
    evidence["stated_reason"] = reason
    said = f"报告说明“{reason}”，请核实调整依据是否充分。" if reason else "请核实调整依据。"
    if b.annual < b.initial and b.executed is not None and b.executed == b.annual:
        yield Finding(
            code="B08",
            severity="warning",
            message=(
                f"年初预算数{_wan(b.initial)}，全年预算数调减至{_wan(b.annual)}，恰好等于全年执行数，"
                f"预算执行率因调减而虚高，{said}"
            ),
            where="budget",
            evidence={**evidence, "cut_to_executed": True},
        )
        return
    direction = "调增" if b.annual > b.initial else "调减"
    yield Finding(
        code="B08",
        severity="info",
        message=(
            f"全年预算数{_wan(b.annual)}与年初预算数{_wan(b.initial)}不一致（年中{direction}"
            f"{_wan(abs(change))}），{said}"
        ),
        where="budget",
        evidence={**evidence, "cut_to_executed": False},
    )


rule("B08", "info",
     "全年预算数与年初预算数不同（年中调整）；调减至恰等于执行数时为警告；调整额不重要时不提示")(b08_budget_adjusted)


_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(亿元|万元|元)(?![/／])")
_SENT = re.compile(r"[^。；;！!？?\n]+")


def _amounts(text: str) -> list[tuple[int, Decimal, str]]:
    """(position, amount in 万元, as written) of every money amount of ``text`` (not 元/亩 standards)."""
    out = []
    for m in _AMOUNT.finditer(text):
        wan = to_wan(Decimal(m.group(1)), m.group(2))
        if wan is not None:
            out.append((m.start(), wan, m.group(0)))
    return out


def _breakdowns(ctx: ReviewContext) -> Iterator[tuple[str, Decimal, list[tuple[Decimal, str]], str]]:
    """(sentence, total, parts, kind) for each breakdown in the prose: kind "total" (总额X，其中a、b)
    or "use" (用于a、b: parts of the annual budget)."""
    table = ctx.words.raw.get("amounts", {})
    parts_marker = tuple(table.get("parts_marker", ()))
    use_marker = tuple(table.get("use_marker", ()))
    stops = tuple(table.get("parts_stop", ()))
    texts = [text for _, text in ctx.narrative.parts]
    for text in texts:
        if "元" not in text:
            continue
        for m in _SENT.finditer(text):
            sentence = m.group().strip()
            if sentence.count("元") < 2:
                continue
            for marker in parts_marker:
                k = sentence.find(marker)
                if k < 0:
                    continue
                before = _amounts(sentence[:k])
                rest = sentence[k + len(marker):]
                end = min([j for j in (rest.find(s) for s in stops) if j >= 0], default=len(rest))
                found = _amounts(rest[:end])
                parts = [(w, t) for _, w, t in found]
                if before and len(parts) >= 2:
                    kind = "sources" if _all_sources(ctx, sentence[:k], rest[:end], found, before[-1][0]) else "total"
                    yield sentence, before[-1][1], parts, kind
                break
            else:
                for marker in use_marker:
                    k = sentence.find(marker)
                    if k < 0:
                        continue
                    rest = sentence[k + len(marker):]
                    end = min([j for j in (rest.find(s) for s in stops) if j >= 0], default=len(rest))
                    parts = [(w, t) for _, w, t in _amounts(rest[:end])]
                    if len(parts) >= 2 and not _amounts(sentence[:k]):
                        yield sentence, Decimal(0), parts, "use"
                    break


def _all_sources(ctx: ReviewContext, head: str, rest: str, found: list[tuple[int, Decimal, str]],
                 total_at: int) -> bool:
    """Whether a breakdown splits a budget total (预算数, 资金总额 …) into fund sources (中央补助, 地方资金 …)."""
    table = ctx.words.raw.get("amounts", {})
    sources = tuple(table.get("source_words", ()))
    totals = tuple(table.get("total_words", ()))
    if not any(w in head[max(0, total_at - 12):total_at] for w in totals):
        return False
    labels, start = [], 0
    for pos, _, text in found:
        labels.append(rest[start:pos])
        start = pos + len(text)
    return all(any(w in label for w in sources) for label in labels)


def b09_breakdown_does_not_add_up(ctx: ReviewContext) -> Iterable[Finding]:
    b = ctx.report.budget
    share = ctx.threshold("breakdown_share")
    absolute = ctx.threshold("source_tolerance")
    seen: set[str] = set()
    for sentence, total, parts, kind in _breakdowns(ctx):
        if sentence in seen:
            continue
        seen.add(sentence)
        summed = sum((w for w, _ in parts), Decimal(0))
        shown = "+".join(t for _, t in parts)
        if kind == "sources":
            continue  # fund sources against a total in the prose: B06
        if kind == "total":
            if abs(summed - total) <= max(absolute, total * share):
                continue
            message = (f"报告所述“{sentence[:60]}{'…' if len(sentence) > 60 else ''}”中，分项金额（{shown}）合计"
                       f"{_wan(summed)}，与所述总额{_wan(total)}不符，{'多' if summed > total else '少'}"
                       f"{_wan(abs(summed - total))}。")
        else:
            if b is None or b.annual is None or b.annual <= 0 or summed <= b.annual * (1 + share) + absolute:
                continue
            total = b.annual
            message = (f"报告所述资金用途“{sentence[:60]}{'…' if len(sentence) > 60 else ''}”分项合计{_wan(summed)}"
                       f"（{shown}），超过全年预算数{_wan(total)}，多{_wan(summed - total)}。")
        yield Finding(
            code="B09",
            severity="warning",
            message=message,
            where="narrative",
            evidence={"sentence": sentence, "total": total, "parts": [t for _, t in parts], "sum_of_parts": summed,
                      "difference": summed - total, "kind": kind},
        )


rule("B09", "warning", "正文或目标中的分项金额之和与所述总额（或全年预算数）不符")(b09_breakdown_does_not_add_up)


_STANDARD_UNIT = re.compile(r"^(?:元|万元)\s*[/／每]\s*([\u4e00-\u9fff]+)")


def _count_units(ctx: ReviewContext) -> dict[str, tuple[str, ...]]:
    table = ctx.words.raw.get("amounts", {}).get("count_units", {})
    return {str(k): tuple(str(x) for x in v) for k, v in table.items()}


def _standard_pairs(ctx: ReviewContext) -> tuple[Indicator, Indicator] | None:
    """The one per-unit standard (元/人 …) and the one count in its unit, when the table has exactly one each."""
    units = _count_units(ctx)
    table = ctx.words.raw.get("amounts", {})
    names = tuple(table.get("standard_names", ()))
    denominators = tuple(table.get("standard_denominators", ()))
    standards: list[tuple[Indicator, str]] = []
    for ind in ctx.report.indicators:
        m = _STANDARD_UNIT.match(ind.unit or "")
        if ind.quantitative and m:
            denom = m.group(1)[:2]
            denom = next((k for k in sorted(units, key=len, reverse=True) if denom.startswith(k)), denom)
            if denom in denominators and any(w in ind.name for w in names):
                standards.append((ind, denom))
    if len(standards) != 1:
        return None
    standard, denom = standards[0]
    accepted = units.get(denom, (denom,))
    counts = [ind for ind in ctx.report.indicators
              if ind.quantitative and ind.unit in accepted and ind is not standard]
    if len(counts) != 1:
        return None
    return standard, counts[0]


_PROSE_STANDARD = re.compile(r"(?:每人|人均|每户|户均|亩均|每亩|生均)[^，,。；;\d]{0,8}?(\d+(?:\.\d+)?)\s*元"
                             r"|(\d+(?:\.\d+)?)\s*元\s*/\s*(?:人|户|亩|生)")
_PROSE_COUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(人次|人|名|户|亩)(?![/／\d])")
_PROSE_SPENT = re.compile(r"(?:支出|支付|发放|使用|花费)[^，,。；;\d]{0,10}?(\d+(?:\.\d+)?)\s*(万元|元)")


def _prose_standard(ctx: ReviewContext) -> Iterator[tuple[str, Decimal, Decimal, Decimal]]:
    """(sentence, standard 元, count, money spent 万元) when one sentence states all three
    (按人均培训成本1500元的标准，全年培训养老护理员600人，共支出培训经费93.1万元)."""
    for _, text in ctx.narrative.parts:
        if "元" not in text:
            continue
        for m in _SENT.finditer(text):
            sentence = m.group()
            standards = list(_PROSE_STANDARD.finditer(sentence))
            counts = list(_PROSE_COUNT.finditer(sentence))
            spent = list(_PROSE_SPENT.finditer(sentence))
            if len(standards) != 1 or len(counts) != 1 or len(spent) != 1:
                continue
            per = Decimal(standards[0].group(1) or standards[0].group(2))
            wan = to_wan(Decimal(spent[0].group(1)), spent[0].group(2))
            if wan is not None and wan > 0:
                yield sentence.strip(), per, Decimal(counts[0].group(1)), wan


_CAT_COUNT = re.compile(r"(?P<label>[\u4e00-\u9fff]{1,12}?)(?P<n>\d+)\s*(?P<unit>人次|人|名|户|亩)(?![/／\d])")
_CAT_STANDARD = re.compile(r"(?P<label>[\u4e00-\u9fff]{1,12}?)(?P<per>\d+(?:\.\d+)?)\s*元\s*[/／每]\s*"
                           r"(?:人|生|户|亩|年|学期|期|次)")
_CAT_CUT = re.compile(r"[，,。；;、:：（）()\s]")


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _categories(ctx: ReviewContext) -> tuple[str, list[tuple[str, Decimal, Decimal]]] | None:
    """(paragraph, [(category, count, standard 元)]) when one paragraph of the prose gives per-category
    counts (小学生140人；初中生96人) and, in another sentence, per-category standards (小学生300元/年、初中生
    500元/年) for at least two categories, every standard matching one count by its category name."""
    for _, text in ctx.narrative.parts:
        if "元" not in text:
            continue
        standards = [(m.group("label"), Decimal(m.group("per"))) for m in _CAT_STANDARD.finditer(text)]
        if len(standards) < 2:
            continue
        counts: list[tuple[str, Decimal]] = []
        for m in _CAT_COUNT.finditer(text):
            before = _CAT_CUT.split(text[: m.start("n")])[-1]
            counts.append((before, Decimal(m.group("n"))))
        pairs: list[tuple[str, Decimal, Decimal]] = []
        used: set[int] = set()
        for label, per in standards:
            label = _CAT_CUT.split(label)[-1]
            # the count whose words end like the standard's (初级护理员400人 ↔ …初级护理员1000元/人)
            shared = [_common_suffix(before, label) for before, _ in counts]
            best = max(shared, default=0)
            if best < 2 or shared.count(best) != 1:
                break
            k = shared.index(best)
            if k in used:
                break
            used.add(k)
            pairs.append((label[-best:], counts[k][1], per))
        else:
            if len(pairs) >= 2:
                return text, pairs
    return None


def _b10_categories(ctx: ReviewContext) -> Iterable[Finding]:
    b = ctx.report.budget
    if b is None or b.executed is None or b.executed <= 0:
        return
    found = _categories(ctx)
    if found is None:
        return
    _, pairs = found
    product = to_wan(sum((n * per for _, n, per in pairs), Decimal(0)), "元")
    if product is None:
        return
    share = ctx.threshold("standard_share")
    if abs(product - b.executed) <= b.executed * share:
        return
    shown = "＋".join(f"{label}{fmt(n, 0)}×{fmt_num(per)}元" for label, n, per in pairs)
    yield Finding(
        code="B10",
        severity="warning",
        message=(
            f"报告所述各类对象人数×补助标准：{shown}＝{_wan(product)}，与全年执行数{_wan(b.executed)}不符，"
            f"{'多' if product > b.executed else '少'}{_wan(abs(product - b.executed))}，"
            "请核实补助对象数量、标准及资金去向。"
        ),
        where="budget",
        evidence={"categories": [{"category": label, "count": n, "standard": per} for label, n, per in pairs],
                  "product": product, "executed": b.executed, "tolerance_share": share, "from": "prose"},
    )


def b10_quantity_times_standard(ctx: ReviewContext) -> Iterable[Finding]:
    # per-category counts and standards told in different sentences of one paragraph
    yield from _b10_categories(ctx)
    # one sentence states all three: its own arithmetic, held to the breakdown tolerance
    exact = ctx.threshold("breakdown_share")
    for sentence, per, n, spent in _prose_standard(ctx):
        product = to_wan(per * n, "元")
        if product is None or abs(product - spent) <= max(spent * exact, ctx.threshold("source_tolerance")):
            continue
        yield Finding(
            code="B10",
            severity="warning",
            message=(
                f"报告所述“{sentence[:60]}{'…' if len(sentence) > 60 else ''}”：{fmt(n, 0)}×{fmt(per, 2)}元="
                f"{_wan(product)}，与所述支出{_wan(spent)}不符，{'多' if product > spent else '少'}"
                f"{_wan(abs(product - spent))}，请核实数量、标准及资金去向。"
            ),
            where="narrative",
            evidence={"sentence": sentence, "count": n, "standard": per, "product": product, "spent": spent,
                      "tolerance_share": exact, "from": "prose"},
        )
    share = ctx.threshold("standard_share")
    b = ctx.report.budget
    if b is None or b.executed is None or b.executed <= 0:
        return
    pair = _standard_pairs(ctx)
    if pair is None:
        return
    standard, count = pair
    unit_money = "万元" if (standard.unit or "").startswith("万元") else "元"
    per = standard.actual if standard.actual is not None else standard.target
    n = count.actual if count.actual is not None else count.target
    if per is None or n is None or per <= 0 or n <= 0:
        return
    product = to_wan(per * n, unit_money)
    if product is None:
        return
    share = ctx.threshold("standard_share")
    if abs(product - b.executed) <= b.executed * share:
        return
    if b.annual is not None and count.target is not None and standard.target is not None:
        planned = to_wan(standard.target * count.target, unit_money)
        if planned is not None and abs(planned - b.executed) <= b.executed * share:
            return  # the executed amount follows the plan's quantity (paid for what was planned)
    yield Finding(
        code="B10",
        severity="warning",
        message=(
            f"“{short(count.name)}”{fmt(n, 0)}{count.unit}×“{short(standard.name)}”{fmt(per, 2)}{standard.unit}"
            f"={_wan(product)}，与全年执行数{_wan(b.executed)}不符，{'多' if product > b.executed else '少'}"
            f"{_wan(abs(product - b.executed))}，请核实补助对象数量、标准及资金去向。"
        ),
        where="budget",
        evidence={"count_indicator": count.name, "count": n, "count_unit": count.unit,
                  "standard_indicator": standard.name, "standard": per, "standard_unit": standard.unit,
                  "product": product, "executed": b.executed, "tolerance_share": share},
    )


rule("B10", "warning", "数量×单位标准（如人数×补助标准）与支出金额或预算金额不符")(b10_quantity_times_standard)
