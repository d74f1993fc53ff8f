"""What the narrative states: values claimed for indicators, and claims of (in)complete work.

Pure: reads a ``Report`` and the review word lists, returns plain data.

- :func:`extract_value_claims` finds ``<term><comparator?><number><unit>`` in the prose
  (系统验收合格率100%, 满意度不低于95%, 修复时间小于2小时, A和B不低于95% — one value for two terms).
- :func:`indicator_claims` attaches each claim to the table's indicator it names — by the name,
  by a synonym (使用年限 ↔ 可持续使用) or by shared key terms (same metric head such as 合格率 and a
  shared qualifier) — and says whether the stated value agrees with the target or the actual.
  A claim that could name two indicators equally well is dropped rather than guessed.
- :func:`completion_claims` finds statements of partial completion (完成绩效目标的90%, 完成率低,
  未完成, 偏离), of full completion (全部完成, 均已完成) and of "no problems" (暂无问题, 未偏离).
- :func:`mentions` says whether a text names an indicator (for the deviation section).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cached_property, lru_cache
from typing import Literal

from jixiao.model import Indicator, Report
from jixiao.values import parse_value
from jixiao.words import Words

CompletionKind = Literal["partial", "full", "no_problem"]

_QUOTES = "“”\"'‘’《》「」"
_SENTENCE_BREAKS = "。；;！!？?\n"
_SENTENCE_RE = re.compile(f"[^{re.escape(_SENTENCE_BREAKS)}]+")
_SQUASH = str.maketrans("", "", _QUOTES)


@dataclass(frozen=True)
class ValueClaim:
    """One value the prose states: ``subject`` + ``text`` (e.g. 社会公众满意度和网络使用人员满意度 + 不低于95%)."""

    subject: str
    terms: tuple[str, ...]  # the subject split at 和/及/、 into the names it covers
    operator: str  # ">=", "<=", ">", "<", or "" for a plain statement of the value
    number: Decimal
    unit: str | None
    text: str  # the value as written: "不低于95%" ("为100%" is shown as "100%")
    quote: str  # subject and value as written: "要求系统可持续使用不低于5年"
    sentence: str  # the sentence it was read from
    section: str | None  # title of the section it was read from


@dataclass(frozen=True)
class IndicatorClaim:
    """A value claim attached to one indicator of the table."""

    index: int
    indicator: str
    claim: ValueClaim
    term: str  # the part of the subject that named the indicator
    how: Literal["name", "synonym", "key_terms"]
    consistent: bool
    value: Decimal  # the stated number in the indicator's unit


@dataclass(frozen=True)
class CompletionClaim:
    kind: CompletionKind
    phrase: str  # the words that make it a claim ("完成率低", "完成绩效目标的90%", "暂无问题")
    clause: str  # the clause around the phrase (for a message)
    sentence: str
    section: str | None
    # What an exception clause of the sentence names (除森林抚育面积外，其余指标均已完成 → 森林抚育面积):
    # those indicators are not part of a claim of full completion.
    excepted: tuple[str, ...] = ()


# --------------------------------------------------------------------------------------------
# the word lists, compiled


@dataclass(frozen=True)
class _Compiled:
    value_re: re.Pattern[str]
    comparators: dict[str, str]
    comparator_words: dict[str, tuple[str, ...]]  # by their last character, longest first
    chinese: str  # the characters of a Chinese numeral
    followers: tuple[str, ...]  # words that may follow a stated value in its clause
    approximate: tuple[str, ...]  # words before a value that make it approximate
    range_before_re: re.Pattern[str]  # a value is the upper bound of a range (90%-95%)
    range_after_re: re.Pattern[str]  # a value is the lower bound of a range
    suffixes: dict[str, str]
    clause_breaks: str
    conjunction_re: re.Pattern[str]
    markers: tuple[str, ...]
    leading: tuple[str, ...]
    trailing: tuple[str, ...]
    verbs: tuple[str, ...]  # statement verbs after a name (全年实际完成), longest first
    actual_markers: tuple[str, ...]  # a plain value stated with these is what was achieved
    target_markers: tuple[str, ...]  # ... unless the sentence before it speaks of the plan
    weak: tuple[str, ...]
    heads: tuple[str, ...]
    synonym_re: re.Pattern[str] | None
    synonym_of: dict[str, str]
    unit_groups: dict[str, dict[str, Decimal]]
    name_forms: dict[str, _NameForm | None]  # memo: indicator name as written -> its form
    partial: tuple[str, ...]  # longest first
    partial_share: tuple[re.Pattern[str], ...]
    partial_exclusions: tuple[str, ...]
    full: tuple[str, ...]  # longest first
    negations: tuple[str, ...]
    intent: tuple[str, ...]
    no_problem: tuple[str, ...]
    completion_re: re.Pattern[str]  # any completion phrase or share pattern: sentences without one make no claim
    double_negations: tuple[str, ...]  # 不存在 + 未完成: a claim that nothing is unmet (full)
    double_window: int  # characters before a phrase searched for one: the longest negation + 3
    exception_res: tuple[re.Pattern[str], ...]  # 除…外 / 仅…未: group "x" names what is excepted
    total_res: tuple[re.Pattern[str], ...]  # a total score stated in the prose
    grade_res: tuple[re.Pattern[str], ...]  # a grade stated in the prose


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True) if w)


def _dec(text: str) -> Decimal:
    return Decimal(str(text))


@lru_cache(maxsize=8)
def _compile(words: Words) -> _Compiled:
    n = words.narrative
    claims = n["claims"]
    comparators = {str(k): str(v) for k, v in n["comparators"].items()}
    suffixes = {str(k): str(v) for k, v in n["suffix_comparators"].items()}
    digits, cn_units = str(claims["chinese_digits"]), str(claims["chinese_units"])
    cn_chars = re.escape(digits + cn_units)
    cn_lead = re.escape(digits + str(claims["chinese_leading_units"]))
    cn = rf"[{cn_lead}][{cn_chars}]*(?:{re.escape(str(claims['chinese_point']))}[{re.escape(digits)}]+)?"
    num = r"\d+(?:\.\d+)?"
    ordinals = "".join(re.escape(str(w)) for w in claims["ordinal_markers"])
    # The number first (a comparator before it is looked up behind it: cheaper than trying every
    # comparator at every character). [^\S\n]: spaces that do not end a sentence (the pattern runs
    # over whole texts, not sentences).
    value_re = re.compile(
        rf"(?<![\d.{ordinals}])"
        rf"(?:(?P<pre>{_alt(claims['percent_prefixes'])})(?P<pnum>{num}|{cn})"
        rf"|(?:(?P<num>{num})|(?<![{cn_chars}])(?P<cn>{cn}))[^\S\n]*(?P<unit>{_alt(claims['units'])}))"
        rf"(?P<suf>{_alt(suffixes)})?"
    )
    seps = _alt(claims["range_separators"])
    any_num = rf"(?:\d|[{cn_chars}])"
    by_last: dict[str, list[str]] = {}
    for w in sorted(comparators, key=len, reverse=True):
        by_last.setdefault(w[-1], []).append(w)
    groups = [tuple(str(t) for t in g) for g in n["synonyms"]["groups"]]
    synonym_of = {variant: g[0] for g in groups for variant in g}
    synonym_re = re.compile(_alt(synonym_of)) if synonym_of else None
    completion = n["completion"]
    phrases = [*completion["partial"], *completion["full"], *completion["no_problem"]]
    completion_re = re.compile("|".join([_alt(phrases), *(f"(?:{p})" for p in completion["partial_share_patterns"])]))
    return _Compiled(
        value_re=value_re,
        comparators=comparators,
        comparator_words={k: tuple(v) for k, v in by_last.items()},
        chinese=digits + cn_units,
        followers=tuple(str(w) for w in claims["value_followers"]),
        approximate=tuple(str(w) for w in claims["approximate_words"]),
        range_before_re=re.compile(rf"{any_num}[^\S\n]*(?:{_alt(claims['units'])})?[^\S\n]*(?:{seps})[^\S\n]*$"),
        range_after_re=re.compile(rf"[^\S\n]*(?:{seps})[^\S\n]*{any_num}"),
        suffixes=suffixes,
        clause_breaks=str(n["clause_breaks"]),
        conjunction_re=re.compile(_alt(n["conjunctions"])),
        markers=tuple(claims["not_indicator_markers"]),
        leading=tuple(sorted(claims["leading_fillers"], key=len, reverse=True)),
        trailing=tuple(sorted(claims["trailing_fillers"], key=len, reverse=True)),
        verbs=tuple(sorted(claims["statement_verbs"], key=len, reverse=True)),
        actual_markers=tuple(claims["actual_markers"]),
        target_markers=tuple(claims["target_markers"]),
        weak=tuple(claims["weak_qualifiers"]),
        heads=tuple(sorted(claims["heads"], key=len, reverse=True)),
        synonym_re=synonym_re,
        synonym_of=synonym_of,
        unit_groups={g: {str(u): _dec(f) for u, f in units.items()} for g, units in n["unit_factors"].items()},
        name_forms={},
        partial=tuple(sorted(completion["partial"], key=len, reverse=True)),
        partial_share=tuple(re.compile(p) for p in completion["partial_share_patterns"]),
        partial_exclusions=tuple(sorted(completion["partial_exclusions"], key=len, reverse=True)),
        full=tuple(sorted(completion["full"], key=len, reverse=True)),
        negations=tuple(sorted(completion["negations"], key=len, reverse=True)),
        intent=tuple(completion["intent"]),
        no_problem=tuple(completion["no_problem"]),
        completion_re=completion_re,
        double_negations=tuple(sorted(completion.get("double_negations", ()), key=len, reverse=True)),
        double_window=max((len(str(d)) for d in completion.get("double_negations", ())), default=0) + 3,
        exception_res=tuple(re.compile(p) for p in completion.get("exception_patterns", ())),
        total_res=tuple(re.compile(p) for p in n.get("scores", {}).get("total_patterns", ())),
        grade_res=tuple(re.compile(p) for p in n.get("scores", {}).get("grade_patterns", ())),
    )


# --------------------------------------------------------------------------------------------
# text helpers


# Full-width digits and the full-width point read as their ASCII forms (服务人口２．５万人 is 2.5 万人,
# not 5 万人). One character for one: positions in the text do not move.
_HALF_WIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")


def half_width(text: str) -> str:
    """``text`` with full-width digits and points as ASCII (same length)."""
    return text.translate(_HALF_WIDTH)


def narrative_parts(report: Report) -> list[tuple[str | None, str]]:
    """(section title, body) for every part of the prose, plus the form's goal texts (numbers
    written in full-width digits read as ASCII)."""
    parts: list[tuple[str | None, str]] = [(s.title or None, half_width(s.text)) for s in report.sections if s.text]
    if report.overall_goal:
        parts.append(("年度总体目标", half_width(report.overall_goal)))
    if report.overall_goal_actual:
        parts.append(("全年实际完成情况", half_width(report.overall_goal_actual)))
    return parts


def _sentences(text: str) -> Iterator[str]:
    for start, end in _sentence_spans(text):
        yield text[start:end]


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence of ``text``, without the spaces around it."""
    spans: list[tuple[int, int]] = []
    for m in _SENTENCE_RE.finditer(text):
        raw = m.group()
        body = raw.strip()
        if body:
            start = m.start() + len(raw) - len(raw.lstrip())
            spans.append((start, start + len(body)))
    return spans


def _squash(text: str) -> str:
    return "".join(text.translate(_SQUASH).split())


_FILLER_MEMO: dict[tuple[int, str], str] = {}


def _strip_fillers(term: str, c: _Compiled) -> str:
    """``term`` without leading/trailing filler words (memoised: indicator names recur per claim)."""
    key = (id(c), term)
    hit = _FILLER_MEMO.get(key)
    if hit is None:
        if len(_FILLER_MEMO) > 50_000:
            _FILLER_MEMO.clear()
        hit = _FILLER_MEMO[key] = _strip_fillers_uncached(term, c)
    return hit


def _strip_fillers_uncached(term: str, c: _Compiled) -> str:
    changed = True
    while changed and term:
        changed = False
        for f in c.leading:
            if term.startswith(f) and len(term) > len(f):
                term, changed = term[len(f):], True
        for f in c.trailing:
            if term.endswith(f) and len(term) > len(f):
                term, changed = term[: -len(f)], True
    return term


def _canon(text: str, c: _Compiled) -> str:
    if c.synonym_re is None:
        return text
    return c.synonym_re.sub(lambda m: c.synonym_of[m.group(0)], text)


def _head(text: str, c: _Compiled) -> str | None:
    for h in c.heads:
        if text.endswith(h):
            return h
    return None


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def _unit_factor(unit: str | None, c: _Compiled) -> tuple[str, Decimal] | None:
    if unit is None:
        return None
    for group, units in c.unit_groups.items():
        if unit in units:
            return group, units[unit]
    return None


def _convert(number: Decimal, claim_unit: str | None, ind_unit: str | None, c: _Compiled) -> Decimal | None:
    """The stated number in the indicator's unit; None when the units cannot be the same quantity."""
    if not ind_unit or not claim_unit or claim_unit == ind_unit:
        return number
    a, b = _unit_factor(claim_unit, c), _unit_factor(ind_unit, c)
    if a is None or b is None or a[0] != b[0]:
        return None
    try:
        return number * a[1] / b[1]
    except (InvalidOperation, ZeroDivisionError):
        return None


# --------------------------------------------------------------------------------------------
# value claims


def extract_value_claims(text: str, words: Words, section: str | None = None) -> list[ValueClaim]:
    """Every ``<term><comparator?><number><unit>`` of ``text`` whose term may name an indicator."""
    return [claim for claim, marked in _value_claims(half_width(text), _compile(words), section) if not marked]


_COUNTER_RE = re.compile(r"[（(][^\S\n]*(?:\d{1,2}|[一二三四五六七八九十]{1,3})[^\S\n]*[）)]$")


def _value_claims(text: str, c: _Compiled, section: str | None) -> list[tuple[ValueClaim, bool]]:
    """The value claims of ``text``, each with whether its subject holds a not-an-indicator marker
    (资金, 拨付 …): such a claim counts only when the marker is inside the name of the indicator it names."""
    # One pass of the pattern over the whole text; only texts with a value are cut into sentences.
    matches = list(c.value_re.finditer(text))
    if not matches:
        return []
    spans: list[tuple[int, int]] | None = None
    starts: list[int] = []
    out: list[tuple[ValueClaim, bool]] = []
    last_end = 0
    for m in matches:
        number, unit = _number_and_unit(m, c)
        if number is None:
            continue  # a Chinese numeral values cannot read
        before, last_end = last_end, m.end()
        if unit == "年" and _is_year(number):
            continue
        nxt = text[m.end("unit"):m.end("unit") + 1] if m.group("unit") else ""
        if nxt.isdigit():
            continue
        if not _ends_clause(text, m.end(), c):
            continue  # a description, not a statement (2座已开工, 达到95%的目标, 一户一档)
        if c.range_after_re.match(text, m.end()):
            continue  # the lower bound of a range
        if spans is None:
            spans = _sentence_spans(text)
            starts = [a for a, _ in spans]
        k = bisect_right(starts, m.start()) - 1
        if k < 0:
            continue  # pragma: no cover - a number is always inside a sentence
        s_start, s_end = spans[k]
        prev_end = max(before, s_start)  # a value earlier in the same sentence bounds the subject
        # a comparator right before the number (达到95%, 不低于 95%)
        j = m.start()
        while j > prev_end and text[j - 1] != "\n" and text[j - 1].isspace():
            j -= 1
        cmp_word = ""
        if j > prev_end:
            for w in c.comparator_words.get(text[j - 1], ()):
                if j - len(w) >= prev_end and text.startswith(w, j - len(w)):
                    cmp_word = w
                    break
        start = j - len(cmp_word)
        if not cmp_word and c.range_before_re.search(text, max(s_start, start - 12), start):
            continue  # the upper bound of a range (90%-95%)
        # the subject: back to the previous clause break or value, over a counter (名称（2）)
        i = start
        while i > prev_end:
            ch = text[i - 1]
            if ch in "）)":
                counter = _COUNTER_RE.search(text, max(prev_end, i - 8), i)
                if counter and counter.start() > prev_end and text[counter.start() - 1] not in c.clause_breaks:
                    i = counter.start()
                    continue
            if ch in c.clause_breaks:
                break
            i -= 1
        raw_subject = text[i:start].strip()
        squashed = _squash(raw_subject)
        if squashed.endswith(c.approximate):
            continue  # 约2800元/亩: an approximate value
        subject = _strip_fillers(squashed, c)
        if not subject or subject.endswith("的"):
            continue
        marked = any(mk in subject for mk in c.markers)
        operator = c.comparators.get(cmp_word, "")
        if m.group("suf"):
            operator = c.suffixes.get(m.group("suf"), operator)
        # as written, for messages: the subject and the value, without a plain 为/是
        value_start = m.start() if operator == "" and not m.group("suf") and cmp_word else start
        quote = (raw_subject + text[value_start:m.end()]).strip()
        text_shown = text[value_start:m.end()].strip()
        terms = tuple(t for t in (_strip_fillers(p, c) for p in c.conjunction_re.split(subject)) if t)
        claim = ValueClaim(
            subject=subject,
            terms=terms or (subject,),
            operator=operator,
            number=number,
            unit=unit,
            text=text_shown,
            quote=quote,
            sentence=text[s_start:s_end],
            section=section,
        )
        out.append((claim, marked))
    return out


def _ends_clause(text: str, end: int, c: _Compiled) -> bool:
    """Whether a value ending at ``end`` ends its clause: no word follows it but a listed one (了)."""
    after = text[end:end + 1]
    if not after or not ("\u4e00" <= after <= "\u9fff" or after in c.chinese):
        return True
    return any(text.startswith(w, end) for w in c.followers)


def _number_and_unit(m: re.Match[str], c: _Compiled) -> tuple[Decimal | None, str | None]:
    """The number and unit of a value match: Arabic numbers as written, the rest through jixiao.values
    (百分之九十五 → 95 %, 九十五个百分点 → 95 个百分点, 三座 → 3 座, 两万亩 → 2 万亩)."""
    if m.group("num") is not None:
        try:
            return Decimal(m.group("num")), m.group("unit")
        except InvalidOperation:  # pragma: no cover - the pattern only matches numbers
            return None, None
    start = m.start("pre") if m.group("pre") is not None else m.start("cn")
    end = m.end("pnum") if m.group("pre") is not None else m.end("unit")
    pv = parse_value(m.string[start:end])
    if pv.number is None or pv.upper is not None:
        return None, None
    return pv.number, pv.unit


def _is_year(number: Decimal) -> bool:
    return number == number.to_integral_value() and 1900 <= number <= 2100


@dataclass(frozen=True)
class _Candidate:
    index: int
    tier: int  # 2 = by name, 1 = by key terms
    unit_same: bool
    score: int
    how: Literal["name", "synonym", "key_terms"]
    value: Decimal

    @property
    def rank(self) -> tuple[int, bool, int]:
        return self.tier, self.unit_same, self.score


class _NameForm:
    """An indicator name as matched against subjects (memoised per name: names recur)."""

    __slots__ = ("cname", "head", "name", "qualifier_bigrams")

    def __init__(self, name: str, c: _Compiled) -> None:
        self.name = name  # squashed, fillers stripped
        self.cname = _canon(name, c)  # synonyms read as their group's first term
        self.head = _head(self.cname, c)  # the metric head of ``cname``
        self.qualifier_bigrams = _bigrams(self.cname[: -len(self.head)]) if self.head else set()


_Form = tuple[int, Indicator, _NameForm]


def _forms(indicators: list[Indicator], c: _Compiled) -> list[_Form]:
    """(index, indicator, name form) of every indicator with a value (computed once per report)."""
    memo = c.name_forms
    if len(memo) > 50_000:
        memo.clear()
    out: list[_Form] = []
    for idx, ind in enumerate(indicators):
        if ind.target is None and ind.actual is None:
            continue
        raw = ind.name
        if raw in memo:
            form = memo[raw]
        else:
            name = _strip_fillers(_squash(raw), c)
            form = memo[raw] = _NameForm(name, c) if name else None
        if form is not None:
            out.append((idx, ind, form))
    return out


def _match_term(term: str, claim: ValueClaim, forms: list[_Form], c: _Compiled) -> tuple[_Candidate | None, int]:
    """The indicator ``term`` names (or None), and how many indicators were candidates."""
    # 资金拨付及时率全年实际完成 is compared as 资金拨付及时率 where the name must hold it or end like it
    term, full = _without_verbs(term, c), term
    cterm = _canon(term, c)
    thead = _head(cterm, c)
    tq_bigrams: set[str] | None = None
    tq_core = ""
    cands: list[_Candidate] = []
    for index, ind, f in forms:
        name, cname = f.name, f.cname
        # by name: the subject holds the whole name (longer names are more specific), or the name
        # holds the subject (then every such name fits equally: two of them are ambiguous)
        if name in full or (len(term) >= 4 and term in name):
            how: Literal["name", "synonym", "key_terms"] = "name"
            tier, score = 2, len(name) if name in full else 0
        elif cname in cterm or (len(cterm) >= 4 and cterm in cname):
            how, tier, score = "synonym", 2, len(cname) if cname in cterm else 0
        else:
            nhead = f.head
            if thead is None or nhead is None or not (thead.endswith(nhead) or nhead.endswith(thead)):
                continue
            if tq_bigrams is None:
                tq = cterm[: -len(thead)]
                tq_bigrams = _bigrams(tq)
                tq_core = tq
                for w in c.weak:
                    tq_core = tq_core.replace(w, "")
            score = len(tq_bigrams & f.qualifier_bigrams)
            if score == 0 and tq_core:
                continue
            how = "synonym" if cterm != term or cname != name else "key_terms"
            tier = 1
        value = _convert(claim.number, claim.unit, ind.unit, c)
        if value is None:
            continue
        unit_same = bool(ind.unit) and _same_unit(claim.unit, ind.unit)
        cands.append(_Candidate(index, tier, unit_same, score, how, value))
    if not cands:
        return None, 0
    cands.sort(key=lambda x: x.rank, reverse=True)
    best = cands[0]
    if len(cands) > 1 and cands[1].rank == best.rank:
        return None, len(cands)  # two indicators fit equally well: do not guess
    return best, len(cands)


def _without_verbs(term: str, c: _Compiled) -> str:
    """``term`` without the statement verbs at its end (资金拨付及时率全年实际完成 → 资金拨付及时率)."""
    changed = True
    while changed:
        changed = False
        for v in c.verbs:
            if term.endswith(v) and len(term) > len(v):
                term, changed = term[: -len(v)], True
                break
    return term


def _marker_outside_names(subject: str, forms: list[_Form], c: _Compiled) -> bool:
    """Whether a not-an-indicator marker of ``subject`` is left once the indicator names it holds are
    taken out (资金拨付及时率 names an indicator; 投入资金 does not)."""
    rest = subject
    for name in sorted((f.name for _, _, f in forms if f.name in subject), key=len, reverse=True):
        rest = rest.replace(name, "|")
    return any(mk in rest for mk in c.markers)


def _same_unit(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return False
    pct = ("%", "％")
    return a == b or (a in pct and b in pct)


def _about_actual(claim: ValueClaim, c: _Compiled) -> bool:
    """A value stated as achieved (共完成危房改造100户, 实际达到95%), not as planned (计划完成100户)."""
    if not any(w in claim.quote for w in c.actual_markers):
        return False
    end = claim.sentence.find(claim.quote)
    lead = claim.sentence[: end + len(claim.quote)] if end >= 0 else claim.quote
    return not any(w in lead for w in c.target_markers)


def _consistent(value: Decimal, operator: str, ind: Indicator, about_actual: bool = False) -> bool:
    a = ind.actual
    if about_actual and a is not None:  # what was achieved: the actual, or a bound the actual meets
        return value == a or _bound_met(operator, a, value)
    if value in (ind.target, a):
        return True
    if a is None:
        return False
    # A bound the actual satisfies is a true statement (满意度超过90% with 95% achieved).
    return _bound_met(operator, a, value)


def _bound_met(operator: str, actual: Decimal, value: Decimal) -> bool:
    return (
        (operator == ">=" and actual >= value)
        or (operator == ">" and actual > value)
        or (operator == "<=" and actual <= value)
        or (operator == "<" and actual < value)
    )


def indicator_claims(report: Report, words: Words) -> list[IndicatorClaim]:
    """Every value claim of the prose attached to the indicator it names, with its consistency."""
    return Narrative(report, words).indicator_claims


def _indicator_claims(
    claims: Iterable[tuple[ValueClaim, bool]], indicators: list[Indicator], c: _Compiled
) -> list[IndicatorClaim]:
    out: list[IndicatorClaim] = []
    forms: list[_Form] | None = None
    for claim, marked in claims:
        if forms is None:
            forms = _forms(indicators, c)
        if marked and _marker_outside_names(claim.subject, forms, c):
            continue  # about money or progress (投入资金90%), not about an indicator
        pairs: list[tuple[str, _Candidate]] = []
        if len(claim.terms) > 1:  # A和B不低于95%: one value for each name
            for term in claim.terms:
                cand, _ = _match_term(term, claim, forms, c)
                if cand is not None:
                    pairs.append((term, cand))
            if len(pairs) < 2 or len({cand.index for _, cand in pairs}) < len(pairs):
                pairs = []  # not two names (及时率 holds a 及): read the subject whole
        if not pairs:
            whole, _ = _match_term(claim.subject, claim, forms, c)
            if whole is not None:
                pairs.append((claim.subject, whole))
        for term, cand in pairs:
            ind = indicators[cand.index]
            out.append(
                IndicatorClaim(
                    index=cand.index,
                    indicator=ind.name,
                    claim=claim,
                    term=term,
                    how=cand.how,
                    consistent=_consistent(cand.value, claim.operator, ind, _about_actual(claim, c)),
                    value=cand.value,
                )
            )
    return _drop_breakdowns(out)


def _drop_breakdowns(claims: list[IndicatorClaim]) -> list[IndicatorClaim]:
    """Without the claims of an indicator given two different values in one sentence (新建污水处理设施1座，
    改造污水处理设施2座: parts, not the whole; which one is meant cannot be told)."""
    values: dict[tuple[str, str | None, int], set[Decimal]] = {}
    for ic in claims:
        values.setdefault((ic.claim.sentence, ic.claim.section, ic.index), set()).add(ic.value)
    if all(len(v) == 1 for v in values.values()):
        return claims
    return [ic for ic in claims if len(values[(ic.claim.sentence, ic.claim.section, ic.index)]) == 1]


# --------------------------------------------------------------------------------------------
# completion claims


def _negated(sentence: str, start: int, c: _Compiled) -> bool:
    before = sentence[max(0, start - 4):start]
    return any(before.endswith(n) for n in c.negations)


def _clause(sentence: str, start: int, end: int, c: _Compiled) -> str:
    i = start
    while i > 0 and sentence[i - 1] not in c.clause_breaks:
        i -= 1
    j = end
    while j < len(sentence) and sentence[j] not in c.clause_breaks:
        j += 1
    return sentence[i:j].strip()


def completion_claims(report: Report, words: Words) -> list[CompletionClaim]:
    """Statements of partial completion, full completion and "no problems", in document order."""
    return Narrative(report, words).completion_claims


def _completion_claims(parts: list[tuple[str | None, str]], c: _Compiled) -> list[CompletionClaim]:
    out: list[CompletionClaim] = []
    for title, text in parts:
        if c.completion_re.search(text) is None:
            continue  # no phrase anywhere in the text: no sentence of it makes a claim
        for sentence in _sentences(text):
            if c.completion_re.search(sentence) is not None:
                out.extend(_sentence_claims(sentence, title, c))
    return out


def _sentence_claims(sentence: str, title: str | None, c: _Compiled) -> Iterator[CompletionClaim]:
    found_no_problem = False
    for phrase in c.no_problem:
        pos = sentence.find(phrase)
        if pos >= 0:
            found_no_problem = True
            yield CompletionClaim("no_problem", phrase, _clause(sentence, pos, pos + len(phrase), c), sentence, title)
            break
    # partial: 完成绩效目标的90%
    for pattern in c.partial_share:
        for m in pattern.finditer(sentence):
            try:
                share = Decimal(m.group(1))
            except (InvalidOperation, IndexError):
                continue
            if share < 100:
                yield CompletionClaim("partial", m.group(0), _clause(sentence, m.start(), m.end(), c), sentence, title)
    # partial: 完成率低, 未完成, 偏离 … (but not 未偏离, nor the title words 偏离绩效目标的原因)
    masked = sentence
    for ex in c.partial_exclusions:
        if ex in masked:
            masked = masked.replace(ex, "＃" * len(ex))
    excepted = _excepted(sentence, c)
    full_done = False
    if not found_no_problem:
        for phrase in c.partial:
            pos = masked.find(phrase)
            if pos < 0:
                continue
            if phrase[0] not in "未没不无" and _negated(masked, pos, c):
                continue
            double = _double_negation(masked, pos, c)
            if double:
                # 不存在未完成的指标 / 无未完成情况: nothing is unmet, a claim of full completion
                start = pos - len(double)
                clause = _clause(sentence, start, pos + len(phrase), c)
                if not any(w in clause for w in c.intent):
                    yield CompletionClaim("full", double + phrase, clause, sentence, title, excepted)
                    full_done = True
                break
            yield CompletionClaim("partial", phrase, _clause(sentence, pos, pos + len(phrase), c), sentence, title)
            break
    # full: 全部完成, 均已完成 (not 未全部完成, nor 力争全部完成)
    for phrase in c.full:
        if full_done:
            break
        pos = sentence.find(phrase)
        if pos < 0 or _negated(sentence, pos, c):
            continue
        clause = _clause(sentence, pos, pos + len(phrase), c)
        if any(w in clause.replace(phrase, "") for w in c.intent):
            continue  # 力争全部完成 (but 按计划完成目标 is a claim: the 计划 is the phrase's own)
        yield CompletionClaim("full", phrase, clause, sentence, title, excepted)
        break


def _double_negation(sentence: str, pos: int, c: _Compiled) -> str:
    """The negation right before a negative phrase (不存在 + 未完成), else "": up to three characters may
    stand between them, whatever the negation's length (不存在任何一项未完成)."""
    before = sentence[max(0, pos - c.double_window):pos]
    for d in c.double_negations:
        if before.endswith(d):
            return d
    # 不存在未完成 with words between: 不存在任何未完成, 没有一项未完成
    for d in c.double_negations:
        k = before.rfind(d)
        if k >= 0 and len(before) - (k + len(d)) <= 3 and not any(ch in before[k:] for ch in c.clause_breaks):
            return d
    return ""


def _excepted(sentence: str, c: _Compiled) -> tuple[str, ...]:
    """What the exception clauses of ``sentence`` name (除X外 / 除X以外 / 仅X未完成 / X未完成外，其余)."""
    out: list[str] = []
    for pattern in c.exception_res:
        for m in pattern.finditer(sentence):
            x = m.group("x").strip("，,、 ")
            if x:
                out.append(x)
    return tuple(dict.fromkeys(out))


# --------------------------------------------------------------------------------------------
# per report, once


class Narrative:
    """The claims of one report's prose, each computed once and shared by the rules that read them."""

    def __init__(self, report: Report, words: Words) -> None:
        self.report = report
        self._c = _compile(words)

    @cached_property
    def parts(self) -> list[tuple[str | None, str]]:
        return narrative_parts(self.report)

    @cached_property
    def _claims(self) -> list[tuple[ValueClaim, bool]]:
        return [pair for title, text in self.parts for pair in _value_claims(text, self._c, title)]

    @cached_property
    def value_claims(self) -> list[ValueClaim]:
        """What :func:`extract_value_claims` gives for every part of the prose."""
        return [claim for claim, marked in self._claims if not marked]

    @cached_property
    def indicator_claims(self) -> list[IndicatorClaim]:
        return _indicator_claims(self._claims, self.report.indicators, self._c)

    @cached_property
    def completion_claims(self) -> list[CompletionClaim]:
        return _completion_claims(self.parts, self._c)

    @cached_property
    def stated_total(self) -> tuple[Decimal, str] | None:
        """The total score the prose states (本项目自评得分为95分) and its sentence; None when it states none."""
        for _, text in self.parts:
            for pattern in self._c.total_res:
                m = pattern.search(text)
                if m is None:
                    continue
                try:
                    value = Decimal(m.group(1))
                except (InvalidOperation, IndexError):
                    continue
                if 0 <= value <= 100:
                    return value, m.group(0)
        return None

    @cached_property
    def stated_grade(self) -> str | None:
        """The grade the prose states (评价等级为优); None when it states none."""
        for _, text in self.parts:
            for pattern in self._c.grade_res:
                m = pattern.search(text)
                if m is not None:
                    return m.group(1)
        return None


# --------------------------------------------------------------------------------------------
# names in text


def mentions(text: str, name: str, words: Words, overlap: int = 4, others: Iterable[str] = ()) -> bool:
    """Whether ``text`` names the indicator ``name``: the name itself, a synonym form, or a run of
    at least ``overlap`` characters of the name (the whole name when it is shorter). The names of the
    ``others`` indicators that ``text`` names in full are taken out first: "标准化村卫生室（3）未完成"
    names that indicator, not "标准化村卫生室" nor "新建标准化村卫生室"."""
    c = _compile(words)
    t = _squash(text)
    n = _squash(name)
    if not n or not t:
        return False
    named = [o for o in map(_squash, others) if o and o != n and o in t]
    for o in sorted((o for o in named if n in o), key=len, reverse=True):  # names holding this one
        t = t.replace(o, "\x00")
    if n in t or _canon(n, c) in _canon(t, c):
        return True
    for o in named:
        t = t.replace(o, "\x00")
    k = min(len(n), overlap)
    return any(n[j:j + k] in t for j in range(len(n) - k + 1))


__all__ = [
    "CompletionClaim",
    "IndicatorClaim",
    "Narrative",
    "ValueClaim",
    "completion_claims",
    "extract_value_claims",
    "indicator_claims",
    "mentions",
    "narrative_parts",
]
