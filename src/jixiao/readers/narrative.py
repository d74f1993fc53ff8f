"""Narrative-only reports: the budget and the indicators as units write them in prose.

Budget: "收到上级下拨……资金合计149.63万元，实际发放107.78万元，实际执行率为72.03%", "投入……资金29.6万，
执行数29.6万", amounts in 元 or 万 without 元. Each amount belongs to the nearest keyword before it in its
clause (data/narrative.toml); two different amounts for one field and nothing to tell which is the total:
neither is taken.

Indicators: "…人次数年初指标值为不低于180人，全年实际完成值164人", "…指标值1000元/生.年，全年实际完成值
1000元/生.年", "…人次940人次，实际发放940人次", and qualitative results stated as a change under an
效益/满意度 heading ("残疾人康复服务水平有所提高"). Their 一级/二级 come from the heading the sentence sits
under ("产出数量指标：", "（一）产出指标完成情况", "二是质量指标："). A sentence whose number could be the
target or something else is not read: every target and actual is a piece of its sentence.

Results told without a target are read when their phrasing leaves no doubt: a standard reached under a
level heading ("二是质量指标：…学生达到应助尽助"), counts listed after one verb ("共计救助小学生140人；初中生
96人；高中生42人": 救助小学生 140人, 救助初中生 96人 …), satisfaction stated as a percent ("满意度达100%").
They carry no target, so no rule can find them unmet; a sentence that states a goal, a plan or a bound
(计划, 目标, 不低于 …) gives none of them.

Each figure records ``Provenance("prose", "句：…")``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib import resources
from typing import Any

from jixiao.levels import level1_from_text, level2_from_text, levels_of
from jixiao.model import Budget, Indicator, Operator, Provenance, Unplaced
from jixiao.readers.headers import data as header_data
from jixiao.values import is_money_unit, normalize_unit, parse_operator

_MAX_RATE_SENTENCE = 200  # a stated execution rate is read from a sentence at most this long that states money
_MAX_SENTENCE = 400  # longer "sentences" are not read for indicators (a run-on page, not a statement)


@cache
def words() -> dict[str, Any]:
    text = resources.files("jixiao.data").joinpath("narrative.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _alt(items: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True))


def _where(sentence: str) -> str:
    s = " ".join(sentence.split())
    return "句：" + (s if len(s) <= 80 else s[:80] + "…")


# ------------------------------------------------------------------------------------------ budget

_NUM = r"(?<![\d.．])(\d+(?:[.．]\d+)?)"
_MONEY = re.compile(_NUM + r"\s*(亿元|万元|元|万(?![\u4e00-\u9fff]))(?![/／每])")
_YUAN_PER = {"亿元": Decimal(10000), "万元": Decimal(1), "万": Decimal(1), "元": Decimal("0.0001")}


@dataclass(frozen=True)
class _Amount:
    field: str
    value: Decimal
    sentence: str
    total: bool


@cache
def _budget_patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str], re.Pattern[str], re.Pattern[str]]:
    b = words()["budget"]
    fields: dict[str, str] = {}
    for field in ("executed", "annual", "initial", "balance"):  # later lists win a keyword listed twice
        for w in b[field]:
            fields[w] = field
    keyword = re.compile(_alt(list(fields)))
    mask = re.compile(_alt(b["masks"]))
    rate = re.compile(r"(?:" + _alt(b["rate"]) + r")\s*(?:为|是|达到|达|:|：)?\s*" + _NUM + r"\s*[%％]")
    breaks = re.compile("[" + re.escape(b["clause_breaks"]) + "]")
    return keyword, mask, fields, rate, breaks


def _masked(text: str, mask: re.Pattern[str]) -> str:
    return mask.sub(lambda m: "□" * len(m.group(0)), text)


def _amounts(paragraph: str) -> list[_Amount]:
    keyword, mask, fields, _, breaks = _budget_patterns()
    b = words()["budget"]
    out: list[_Amount] = []
    start = 0
    for piece in [*breaks.split(paragraph)]:
        clause = piece
        start += len(piece) + 1
        if not clause.strip() or not _MONEY.search(clause):
            continue
        m_clause = _masked(clause, mask)
        for m in _MONEY.finditer(clause):
            before = m_clause[: m.start()]
            kws = list(keyword.finditer(before))
            if not kws:
                continue
            k = max(kws, key=lambda x: (x.end(), len(x.group(0))))
            if m.start() - k.end() > 40:
                continue
            between = before[k.start():]
            if any(w in between for w in b["part_words"]) or any(w in before[: k.start()][-4:] for w in ("其中",)):
                continue
            try:
                value = Decimal(m.group(1).replace("．", ".")) * _YUAN_PER[m.group(2)]
            except InvalidOperation:
                continue
            total = any(w in before for w in b["total_words"])
            value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
            out.append(_Amount(fields[k.group(0)], value, clause.strip(), total))
    return out


def _one(cands: list[_Amount], unplaced: list[Unplaced], label: str) -> _Amount | None:
    """The amount a field has when the prose gives one value (or one total); None when it disagrees."""
    if not cands:
        return None
    values = {c.value for c in cands}
    if len(values) == 1:
        return cands[0]
    totals = [c for c in cands if c.total]
    if len({c.value for c in totals}) == 1:
        return totals[0]
    for c in cands:
        unplaced.append(Unplaced(f"{c.value}万元", _where(c.sentence), f"叙述中的{label}有多个不同金额，无法确定"))
    return None


def read_prose_budget(paragraphs: list[str], unplaced: list[Unplaced] | None = None) -> Budget | None:
    """The budget the prose states, or None when it states no amount the reader can place."""
    unplaced = unplaced if unplaced is not None else []
    by_field: dict[str, list[_Amount]] = {}
    rates: list[tuple[Decimal, str, str]] = []
    _, _, _, rate_rx, _ = _budget_patterns()
    for p in paragraphs:
        for a in _amounts(p):
            by_field.setdefault(a.field, []).append(a)
        if not rate_rx.search(p):
            continue
        for _, sentence in _sentences(p):
            # a budget's rate sits in a short sentence that states money (an indicator's 执行率 does not)
            if len(sentence) > _MAX_RATE_SENTENCE or not _MONEY.search(sentence):
                continue
            for m in rate_rx.finditer(sentence):
                try:
                    rates.append((Decimal(m.group(1).replace("．", ".")), m.group(1) + "%", sentence))
                except InvalidOperation:
                    continue
    labels = {"initial": "年初预算数", "annual": "全年预算数", "executed": "全年执行数", "balance": "结余"}
    chosen = {f: _one(by_field.get(f, []), unplaced, labels[f]) for f in labels}
    budget = Budget(origin="prose")
    for f in ("initial", "annual", "executed"):
        a = chosen[f]
        if a is not None:
            setattr(budget, f, a.value)
            budget.provenance[f] = Provenance("prose", _where(a.sentence))
    bal = chosen["balance"]
    if budget.executed is None and budget.annual is not None and bal is not None \
            and len(by_field.get("balance", [])) == 1 and bal.value <= budget.annual:
        budget.executed = budget.annual - bal.value
        budget.provenance["executed"] = Provenance("prose", _where(bal.sentence))
    if len({r[0] for r in rates}) == 1:
        value, text, sentence = rates[0]
        budget.stated_execution_rate, budget.stated_execution_rate_text = value, text
        budget.provenance["stated_execution_rate"] = Provenance("prose", _where(sentence))
    if budget.initial is None and budget.annual is None and budget.executed is None \
            and budget.stated_execution_rate is None:
        return None
    return budget


def merge_prose_budget(budget: Budget | None, prose: Budget | None) -> Budget | None:
    """The table's budget, its missing figures filled from the prose; the prose budget when there is none."""
    if prose is None:
        return budget
    if budget is None:
        return prose
    fields = ("stated_execution_rate",) if budget.usable else ("initial", "annual", "executed",
                                                                "stated_execution_rate")
    for f in fields:
        if getattr(budget, f) is None and getattr(prose, f) is not None:
            setattr(budget, f, getattr(prose, f))
            if f == "stated_execution_rate":
                budget.stated_execution_rate_text = prose.stated_execution_rate_text
            budget.provenance[f] = prose.provenance[f]
    budget.origin = budget.origin or "prose"
    return budget


# -------------------------------------------------------------------------------------- indicators

_VALUE = re.compile(r"^\s*(?P<op>[^\d\s]{0,6}?)\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>[^\d，,。；;：:（）()]{0,10})\s*$")
_HEADING = re.compile(r"(?P<h>[\u4e00-\u9fff]{0,8}指标)(?:完成情况|方面|情况)?\s*[：:。]")


@dataclass
class _Value:
    text: str
    number: Decimal | None
    unit: str | None
    operator: Operator | None
    op_text: str


def _value(text: str) -> _Value | None:
    """A target or actual as written: a number with an operator word and a unit, or plain text (2023年12月底).
    None when the piece holds more than one number (it could be several things)."""
    t = text.strip().rstrip("。；;，,")
    if not t or len(t) > 30:
        return None
    m = _VALUE.match(t)
    if m:
        op_text = m.group("op")
        op = parse_operator(op_text) if op_text else None
        if op_text and op is None:
            return _Value(t, None, None, None, "") if not re.search(r"\d", t.replace(m.group("num"), "", 1)) \
                else None
        unit = normalize_unit(m.group("unit")) if m.group("unit").strip() else None
        if m.group("unit").strip() and unit is None:
            unit = m.group("unit").strip()
        return _Value(t, Decimal(m.group("num")), unit, op, op_text)
    return _Value(t, None, None, None, "")


@cache
def _indicator_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    w = words()["indicators"]
    a = re.compile(
        r"^(?P<name>.{2,60}?)(?:" + _alt(w["target_words"]) + r")\s*(?:为|是|:|：)?\s*"
        r"(?P<target>[^，,；;。]{1,30})[，,]\s*"
        r"(?:" + _alt(w["actual_words"]) + r")\s*(?:为|是|:|：)?\s*(?P<actual>[^，,；;。]{1,30})$")
    b = re.compile(
        r"^(?P<name>[^，,；;。\d]{2,60}?)(?P<target>\d+(?:\.\d+)?\s*[^\d，,；;。：:]{1,6})[，,]\s*实际"
        r"[\u4e00-\u9fff]{0,4}?(?P<actual>\d+(?:\.\d+)?\s*[^\d，,；;。：:]{1,6})$")
    change = re.compile(r"^(?P<name>[^，,；;。\d]{4,30}?)(?P<actual>" + _alt(w["change_phrases"]) + r")$")
    prefix = re.compile(r"^(?:\s*(?:" + w["ordinals"] + r")\s*)+")
    return a, b, change, prefix


def _clean_name(name: str) -> str:
    _, _, _, prefix = _indicator_patterns()
    subjects = words()["indicators"]["subject_words"]
    n = prefix.sub("", name.strip()).strip("，,：: ")
    changed = True
    while changed:
        changed = False
        for s in subjects:
            if n.startswith(s) and len(n) - len(s) >= 2:
                n, changed = n[len(s):].lstrip("，,：: "), True
    return n


def _implied(name: str) -> Operator:
    lower = header_data()["implied_operator"]["lower_is_better"]
    return "<=" if any(w in name for w in lower) else ">="


def _met_phrase(text: str) -> bool:
    return any(p in text for p in words()["indicators"]["met_phrases"])


def _build(name: str, tv: _Value, av: _Value, sentence: str) -> Indicator | None:
    if tv.number is not None and av.number is not None:
        if tv.unit and av.unit and tv.unit != av.unit:
            return None  # 180人 against 90%: not one quantity
        operator: Operator = tv.operator or _implied(name)
        ind = Indicator(name=name, operator=operator, target=tv.number, target_text=tv.text,
                        actual=av.number, actual_text=av.text, unit=tv.unit or av.unit, operator_text=tv.op_text)
    elif av.number is None and (tv.number is not None or tv.text) and (_met_phrase(av.text) or tv.number is None):
        # a target and a worded actual ("实际按该标准发放", "在规定时间内完成"): qualitative, texts kept
        ind = Indicator(name=name, operator="qualitative", target_text=tv.text, actual_text=av.text,
                        unit=tv.unit, operator_text=tv.op_text)
    else:
        return None
    where = Provenance("prose", _where(sentence))
    ind.provenance = {f: where for f in ("name", "operator", "target", "actual", "unit")}
    return ind


def _sentences(paragraph: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for piece in re.split(r"(?<=[。；;])", paragraph):
        if piece.strip():
            out.append((start, piece))
        start += len(piece)
    return out


@dataclass
class _Levels:
    level1: str | None = None
    level2: str | None = None

    def see(self, heading: str) -> None:
        l1, l2 = level1_from_text(heading), level2_from_text(heading)
        if l1 is None and l2 is None:
            return
        if l1 is not None:
            self.level1, self.level2 = heading, (heading if l2 is not None else None)
        elif l2 is not None:
            self.level2 = heading


def _strip_heading(sentence: str, levels: _Levels) -> str:
    """Note every level heading in the sentence ("1、产出数量指标：第一，…") and return what follows the last."""
    rest = sentence
    for m in _HEADING.finditer(sentence):
        levels.see(m.group("h"))
        rest = sentence[m.end():]
    return rest


def _strip_common_prefixes(found: list[Indicator]) -> None:
    """Several indicators of one paragraph that open with the same long phrase (the project's name
    repeated): the phrase is not part of their names."""
    groups: dict[str, list[Indicator]] = {}
    for ind in found:
        if len(ind.name) >= 12:
            groups.setdefault(ind.name[:8], []).append(ind)
    for group in groups.values():
        if len(group) < 2:
            continue
        names = [g.name for g in group]
        k = 0
        while all(len(n) > k for n in names) and len({n[k] for n in names}) == 1:
            k += 1
        if k >= 8 and all(len(n) - k >= 6 for n in names):
            for g in group:
                g.name = g.name[k:]


def read_prose_indicators(paragraphs: list[str]) -> list[Indicator]:
    """Indicators stated sentence by sentence in the narrative, with their levels from the headings."""
    a_rx, b_rx, change_rx, _ = _indicator_patterns()
    levels = _Levels()
    out: list[Indicator] = []
    for p in paragraphs:
        found: list[Indicator] = []
        told: list[Indicator] = []  # results without a target: their names are the sentence's own words
        counts = _Counts()
        order: dict[int, int] = {}  # id of an indicator → the sentence it was read in (the document's order)
        for k, (_, sentence) in enumerate(_sentences(p)):
            if len(order) < len(found) + len(told):
                for ind in (*found, *told):
                    order.setdefault(id(ind), k - 1)
            body = _strip_heading(sentence, levels)
            if len(body) > _MAX_SENTENCE:
                counts.close(told, levels)
                continue
            text = body.strip().rstrip("。；;")
            ind = _read_sentence(text, sentence, a_rx, b_rx, change_rx, levels)
            if ind is not None:
                counts.close(told, levels)
                ind.level1, ind.level2, ind.levels_inferred = levels_of(ind, levels.level1, levels.level2)
                found.append(ind)
                continue
            _read_results(text, sentence, levels, counts, told)
            if sentence.rstrip().endswith("。"):
                counts.close(told, levels)
        counts.close(told, levels)
        _strip_common_prefixes(found)
        out.extend(sorted((*found, *told), key=lambda ind: order.get(id(ind), len(p))))
    return out


def _read_sentence(body: str, sentence: str, a_rx: re.Pattern[str], b_rx: re.Pattern[str],
                   change_rx: re.Pattern[str], levels: _Levels) -> Indicator | None:
    if not body:
        return None
    _, _, _, prefix = _indicator_patterns()
    body = prefix.sub("", body)
    m = a_rx.match(body)
    if m:
        tv, av, name = _value(m.group("target")), _value(m.group("actual")), _clean_name(m.group("name"))
        if tv is None or av is None or len(name) < 2:
            return None
        return _build(name, tv, av, sentence)
    # "…人次940人次，实际发放940人次": the last clause pair of the sentence
    clauses = re.split(r"[，,]", body)
    if len(clauses) >= 2:
        pair = "，".join(clauses[-2:])
        m = b_rx.match(pair.strip())
        if m:
            tv, av, name = _value(m.group("target")), _value(m.group("actual")), _clean_name(m.group("name"))
            if tv is None or av is None or tv.number is None or av.number is None or not tv.unit \
                    or tv.unit != av.unit or is_money_unit(tv.unit) or len(name) < 2:
                return None
            return _build(name, tv, av, sentence)
    if level1_from_text(levels.level1 or "") in ("benefit", "satisfaction"):
        m = change_rx.match(body.strip())
        if m:
            name = _clean_name(m.group("name"))
            ind = Indicator(name=name, operator="qualitative", actual_text=m.group("actual"))
            where = Provenance("prose", _where(sentence))
            ind.provenance = {"name": where, "actual": where}
            return ind
    return None


# ------------------------------------------------------------------- results told without a target


@cache
def _result_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str],
                                 re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    w = words()["indicators"]
    units = _alt(w["count_units"])
    verbs = _alt(w["count_verbs"])
    head = re.compile(r"(?P<total>" + _alt(w["count_totals"]) + r")?(?P<verb>" + verbs + r")"
                      r"(?P<obj>[\u4e00-\u9fff]{1,12}?)(?P<count>(?P<num>\d+)\s*(?P<unit>" + units + r"))$")
    item = re.compile(r"^(?P<verb>" + verbs + r")?(?P<obj>[\u4e00-\u9fff]{1,12}?)"
                      r"(?P<count>(?P<num>\d+)\s*(?P<unit>" + units + r"))$")
    satisfaction = re.compile(r"^(?P<name>[^，,；;。、\d]{1,30}?(?:" + _alt(w["satisfaction_words"]) + r"))\s*"
                              r"(?:" + _alt(w["stated_verbs"]) + r")\s*(?P<actual>(?P<num>\d+(?:\.\d+)?)\s*[%％])$")
    reached = re.compile(r"^(?P<subject>[^，,；;。\d]{2,40}?)(?P<actual>(?:" + _alt(w["reached_verbs"]) + r")"
                         r"(?P<result>" + _alt(w["reached_results"]) + r"))$")
    not_result = re.compile(_alt(w["not_result_words"]))
    # what every result needs somewhere: a count, a satisfaction or a standard reached
    timely = re.compile(r"^(?P<when>[^，,；;。]{0,20}?)(?:未能|未|没有)?(?P<words>(?:" + _alt(w["timely_words"]) + r")"
                        r"(?:" + _alt(w["timely_verbs"]) + r"))(?:到位)?$")
    money = re.compile(_alt(w["timely_objects"]))
    any_result = re.compile(r"\d\s*(?:" + units + r")|" + _alt([*w["satisfaction_words"], *w["reached_results"],
                                                                   *w["timely_words"]]))
    return head, item, satisfaction, reached, not_result, any_result, timely, money


def _no_target(name: str, actual: str, number: Decimal, unit: str | None, sentence: str) -> Indicator:
    ind = Indicator(name=name, operator=_implied(name), actual=number, actual_text=actual, unit=unit)
    where = Provenance("prose", _where(sentence))
    ind.provenance = {f: where for f in ("name", "actual", "unit")}
    return ind


_LIST_BREAKS = re.compile(r"[、，,]")


@dataclass
class _Counts:
    """Counts listed after one verb, possibly over several sentences cut at ；: kept until the list ends,
    then taken when it opened with a total word (共计救助…) or holds two items or more."""

    verb: str = ""
    total: bool = False
    items: list[Indicator] | None = None

    def open(self, verb: str, total: bool) -> None:
        self.verb, self.total, self.items = verb, total, []

    def add(self, obj: str, count: str, num: str, unit: str, sentence: str) -> None:
        if self.items is not None:
            self.items.append(_no_target(self.verb + obj, count, Decimal(num), normalize_unit(unit) or unit,
                                         sentence))

    def close(self, found: list[Indicator], levels: _Levels) -> None:
        items, self.items = self.items, None
        if not items or not (self.total or len(items) >= 2):
            return
        for ind in items:
            ind.level1, ind.level2, ind.levels_inferred = levels_of(ind, levels.level1, levels.level2)
            found.append(ind)


def _read_results(text: str, sentence: str, levels: _Levels, counts: _Counts, found: list[Indicator]) -> None:
    """Counts, satisfaction and standards reached, told without a target (see the module's docstring)."""
    head, item, satisfaction, reached, not_result, any_result, timely, money = _result_patterns()
    if not any_result.search(text) or not_result.search(sentence):
        counts.close(found, levels)
        return
    out: list[Indicator] = []
    said = ""  # the text of the sentence before the clause
    for piece in _LIST_BREAKS.split(text):
        tok = piece.strip()
        said_before, said = said, said + piece
        if counts.items is not None:
            m = item.match(tok)
            if m and not m.group("obj").startswith(("其中", "含", "包括")):
                if m.group("verb"):
                    counts.verb = m.group("verb")
                counts.add(m.group("obj"), m.group("count"), m.group("num"), m.group("unit"), sentence)
                continue
            counts.close(found, levels)
        m = head.search(tok)
        if m:
            counts.open(m.group("verb"), m.group("total") is not None)
            counts.add(m.group("obj"), m.group("count"), m.group("num"), m.group("unit"), sentence)
            continue
        m = satisfaction.match(tok)
        if m:
            name = _clean_name(m.group("name"))
            if len(name) >= 3:
                out.append(_no_target(name, m.group("actual"), Decimal(m.group("num")), "%", sentence))
            continue
        m = reached.match(tok)
        if m and (levels.level1 is not None or levels.level2 is not None):
            name = _clean_name(m.group("subject")) + m.group("actual")
            if len(name) - len(m.group("actual")) >= 2:
                ind = Indicator(name=name, operator="qualitative", target_text=m.group("result"),
                                actual_text=m.group("actual"))
                where = Provenance("prose", _where(sentence))
                ind.provenance = {f: where for f in ("name", "operator", "target", "actual")}
                out.append(ind)
            continue
        m = timely.match(tok)
        if m and level2_from_text(levels.level2 or "") == "timeliness":
            objects = list(money.finditer(said_before + m.group("when")))
            if objects:
                ind = Indicator(name=objects[-1].group(0) + m.group("words"), operator="qualitative", actual_text=tok)
                where = Provenance("prose", _where(sentence))
                ind.provenance = {f: where for f in ("name", "actual")}
                out.append(ind)
    for ind in out:
        ind.level1, ind.level2, ind.levels_inferred = levels_of(ind, levels.level1, levels.level2)
        found.append(ind)


__all__ = ["merge_prose_budget", "read_prose_budget", "read_prose_indicators", "words"]
