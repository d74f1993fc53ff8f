"""The review engine's machinery: the rule catalogue, the context a rule reads, the word lists.

Pure core: no file, network or terminal I/O. The word lists are ``jixiao.words`` (shared with the
narrative reader ``jixiao.claims``).
A rule is a small function ``(ctx) -> Iterable[Finding]`` registered with ``rule(code, severity,
description)(fn)`` right after its definition; ``review()`` runs every registered rule, turns a
crashing rule into an ``X00`` info finding, and sorts the findings (error, warning, info, then code).
The rule modules call ``rule(...)(fn)`` rather than decorate with ``@rule(...)``: mutmut does not
mutate decorated functions, and the rule bodies are what mutation testing must reach
(docs/mutation.md). ``@rule(...)`` still works (the tests use it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cached_property, lru_cache
from typing import Any

from jixiao.claims import Narrative
from jixiao.model import SEVERITIES, Finding, Indicator, IndicatorScore, Report, ScoreCard, Section, Severity
from jixiao.policy import Policy
from jixiao.values import fmt
from jixiao.words import Words, load_words, words_from_dict


@dataclass(frozen=True)
class RuleInfo:
    code: str
    severity: Severity
    description: str  # Chinese: what the rule checks


@dataclass
class ReviewContext:
    report: Report
    card: ScoreCard
    policy: Policy
    words: Words

    def threshold(self, key: str) -> Decimal:
        """A review threshold: the policy's ``[review]`` value, else the data file's default."""
        if key in self.policy.review:
            return self.policy.review_decimal(key)
        return Decimal(str(self.words.defaults[key]))

    def setting(self, key: str) -> Any:
        if key in self.policy.review:
            return self.policy.review[key]
        return self.words.defaults[key]

    def score_of(self, index: int) -> IndicatorScore | None:
        return self._scores_by_index.get(index)

    @cached_property
    def _scores_by_index(self) -> dict[int, IndicatorScore]:
        """Each indicator's score by its index (the first, should the card list one twice)."""
        out: dict[int, IndicatorScore] = {}
        for s in self.card.indicators:
            out.setdefault(s.index, s)
        return out

    def indicators(self) -> Iterable[tuple[int, Indicator, IndicatorScore | None]]:
        by_index = self._scores_by_index
        for i, ind in enumerate(self.report.indicators):
            yield i, ind, by_index.get(i)

    def section_text(self, keywords: Iterable[str]) -> tuple[Section | None, str]:
        """The first section whose title contains any of ``keywords``, with its sub-sections' bodies."""
        return section_with_children(self.report.sections, tuple(keywords))

    @cached_property
    def narrative(self) -> Narrative:
        """The prose's claims (values, completion), read once per report and shared by the N rules."""
        return Narrative(self.report, self.words)


RuleFn = Callable[[ReviewContext], Iterable[Finding]]


@dataclass(frozen=True)
class _Registered:
    info: RuleInfo
    fn: RuleFn


_REGISTRY: dict[str, _Registered] = {}


def rule(code: str, severity: Severity, description: str) -> Callable[[RuleFn], RuleFn]:
    """Register a rule function in the catalogue under ``code``."""
    if severity not in SEVERITIES:
        raise ValueError(f"unknown severity {severity!r} for rule {code}")

    def register(fn: RuleFn) -> RuleFn:
        if code in _REGISTRY and _REGISTRY[code].fn.__qualname__ != fn.__qualname__:
            raise ValueError(f"rule code {code} registered twice")
        _REGISTRY[code] = _Registered(RuleInfo(code, severity, description), fn)
        return fn

    return register


def catalogue() -> list[RuleInfo]:
    """Every registered rule, sorted by code."""
    return [r.info for _, r in sorted(_REGISTRY.items())]


_SEVERITY_ORDER = {s: i for i, s in enumerate(SEVERITIES)}


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (_SEVERITY_ORDER.get(f.severity, 9), f.code))


def run_rules(ctx: ReviewContext) -> list[Finding]:
    findings: list[Finding] = []
    for code, reg in sorted(_REGISTRY.items()):
        try:
            findings.extend(list(reg.fn(ctx)))
        except Exception as exc:  # a broken rule must never break the review
            findings.append(
                Finding(
                    code="X00",
                    severity="info",
                    message=f"复核规则{code}（{reg.info.description}）运行出错，本项未能检查，请人工复核。",
                    where="document",
                    evidence={"rule": code, "error": f"{type(exc).__name__}: {exc}"},
                )
            )
    return link_causes(sort_findings([_honour_provenance(ctx.report, f) for f in findings]), ctx.words)


def link_causes(findings: list[Finding], words: Words) -> list[Finding]:
    """Mark the findings that follow from another (one slip, many findings) with ``caused_by``.

    ``[causes]`` of ``data/review.toml``: ``same_place`` effects follow from a cause found at the
    same place (an inverted operator on indicator 3 explains the S01 on indicator 3); ``anywhere``
    effects from a cause anywhere in the report (``S01@budget``: only the S01 found at ``budget``).
    The findings keep their order; a finding is never marked as caused by itself or by a finding
    that is itself caused by it.
    """
    table = words.raw.get("causes", {})
    same_place: dict[str, list[str]] = {str(k): [str(x) for x in v] for k, v in table.get("same_place", {}).items()}
    anywhere: dict[str, list[str]] = {str(k): [str(x) for x in v] for k, v in table.get("anywhere", {}).items()}
    if not same_place and not anywhere:
        return findings
    present = {(f.code, f.where) for f in findings}
    codes_present: dict[str, str] = {}
    for f in findings:
        codes_present.setdefault(f.code, f.where)
    for f in findings:
        if f.caused_by is not None:
            continue
        cause = _cause_of(f, present, codes_present, same_place, anywhere)
        if cause is not None:
            f.caused_by = {"code": cause[0], "where": cause[1]}
    return findings


def _cause_of(
    f: Finding,
    present: set[tuple[str, str]],
    codes_present: dict[str, str],
    same_place: dict[str, list[str]],
    anywhere: dict[str, list[str]],
) -> tuple[str, str] | None:
    for cause, effects in same_place.items():
        if cause != f.code and f.code in effects and (cause, f.where) in present:
            return cause, f.where
    for cause, effects in anywhere.items():
        if cause == f.code or cause not in codes_present:
            continue
        for effect in effects:
            code, _, place = effect.partition("@")
            if code == f.code and (not place or place == f.where):
                return cause, codes_present[cause]
    return None


def split_causes(findings: list[Finding]) -> tuple[list[Finding], dict[int, list[Finding]]]:
    """The findings that stand on their own, and under each (by its position) those caused by it.

    A finding whose cause is not among ``findings`` stands on its own."""
    firsts: dict[tuple[str, str], int] = {}
    for k, f in enumerate(findings):
        firsts.setdefault((f.code, f.where), k)
    roots: list[Finding] = []
    children: dict[int, list[Finding]] = {}
    for f in findings:
        cause = f.caused_by
        key = (cause.get("code", ""), cause.get("where", "")) if cause else None
        if key is not None and key in firsts and findings[firsts[key]] is not f:
            children.setdefault(id(findings[firsts[key]]), []).append(f)
        else:
            roots.append(f)
    return roots, children


_HOW_NAMES = {"split": "拆分连写数字", "ocr": "OCR纠错", "realigned": "按内容重新对齐列",
              "unplaced": "从含未归栏数值的一行中"}


def _unsure_figures(report: Report, where: str, code: str) -> dict[str, str]:
    """field → how, for the figures a finding at ``where`` rests on that the reader was not sure of."""
    out: dict[str, str] = {}
    if where == "budget" or (where == "document" and code.startswith(("S", "B"))):
        b = report.budget
        if b is not None:
            out.update({f"budget.{k}": b.provenance[k].how for k in b.unsure()})
    if where.startswith("indicator:"):
        try:
            ind = report.indicators[int(where.split(":", 1)[1])]
        except (ValueError, IndexError):
            return out
        out.update({k: ind.provenance[k].how for k in ind.unsure()})
        # a value the reader saw in this row but could not place ("M." before 8万元): the row's figures
        # may be missing a part of what was written
        if ind.name and any(ind.name in u.reason or ind.name in u.where for u in report.unplaced):
            out["row"] = "unplaced"
    elif where == "document" and code.startswith("S"):
        for i, ind in enumerate(report.indicators):
            out.update({f"indicator:{i}.{k}": ind.provenance[k].how for k in ind.unsure("weight", "stated_score")})
    return out


def _honour_provenance(report: Report, f: Finding) -> Finding:
    """No error-level finding rests on a figure read by splitting digits, correcting OCR or re-aligning
    columns: such an error becomes a warning that says how the figure was read."""
    if f.severity != "error":
        return f
    unsure = _unsure_figures(report, f.where, f.code)
    if not unsure:
        return f
    hows = "、".join(dict.fromkeys(_HOW_NAMES.get(h, h) for h in unsure.values()))
    evidence = dict(f.evidence)
    evidence["unsure_figures"] = unsure
    return replace(f, severity="warning", evidence=evidence,
                   message=f"{f.message}（所依据的数据系{hows}读出，请人工核对原表）")


# --- helpers shared by the rule modules -------------------------------------------------------

_SENTENCE = re.compile(r"[^。；;！!？?\n]+")
_CLAUSE = re.compile(r"[，,：:]")


def stated_reason(ctx: ReviewContext, topics: Iterable[str], extra: Iterable[str] = (), limit: int = 80,
                  causes_key: str = "cause_words") -> str | None:
    """The first sentence of the prose (or of an indicator's deviation reason) that speaks of one of
    ``topics`` and gives a cause (``[reasons] cause_words``) — or holds one of ``extra`` (words that
    are a reason by themselves, such as 质保金) — cut to ``limit`` characters; None when there is none."""
    reasons = ctx.words.raw.get("reasons", {})
    causes = tuple(str(w) for w in reasons.get(causes_key, ()))
    topics, extra = tuple(topics), tuple(extra)
    texts = [text for _, text in ctx.narrative.parts]
    texts += [ind.deviation_reason for ind in ctx.report.indicators if ind.deviation_reason]
    for text in texts:
        for m in _SENTENCE.finditer(text):
            sentence = m.group().strip()
            if not sentence:
                continue
            clauses = [c.strip() for c in _CLAUSE.split(sentence) if c.strip()]
            hit = next((k for k, c in enumerate(clauses) if any(w in c for w in extra)), None) if extra else None
            if hit is not None:
                first = last = hit
            elif any(w in sentence for w in topics) and any(w in sentence for w in causes):
                cause = next(k for k, c in enumerate(clauses) if any(w in c for w in causes))
                near = [k for k, c in enumerate(clauses) if any(w in c for w in topics)]
                topic = min(near, key=lambda k: abs(k - cause)) if near else cause
                first, last = min(cause, topic), max(cause, topic)
            else:
                continue
            quoted = "，".join(clauses[first:last + 1])  # the clauses that give the reason
            return quoted if len(quoted) <= limit else quoted[: limit - 1] + "…"
    return None


_NOT_REASON_CHARS = re.compile(r"[0-9A-Za-z\s\W_]+")


def is_reason(ctx: ReviewContext, text: str | None) -> bool:
    """A deviation-reason cell that says something: not empty, not only a label, a number or a level name
    left in the cell by the reader ("指标2:", "项目", "投入管理" — `[reasons] not_a_reason`)."""
    if not text or not text.strip():
        return False
    rest = text
    for w in sorted(reason_words(ctx, "not_a_reason"), key=len, reverse=True):
        rest = rest.replace(w, "")
    return bool(_NOT_REASON_CHARS.sub("", rest))


def reason_words(ctx: ReviewContext, key: str) -> tuple[str, ...]:
    return tuple(str(w) for w in ctx.words.raw.get("reasons", {}).get(key, ()))

def fmt_num(value: Decimal | int | None) -> str:
    """A number as written: no trailing zeros (``98``, ``815.31``, ``0.5``)."""
    if value is None:
        return "—"
    d = Decimal(value)
    if d == d.to_integral_value():
        return f"{d.quantize(Decimal(1)):f}"
    return f"{d.normalize():f}"


def pct(value: Decimal | None) -> str:
    """A percentage shown with 2 decimals half-up: ``78.35%``."""
    return f"{fmt(value, 2) or '—'}%"


def rounded(value: Decimal, places: int = 2) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def to_decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def contains_any(text: str, terms: Iterable[str]) -> str | None:
    """The first term found in ``text`` (longest terms first), else None."""
    if isinstance(terms, tuple) and len(text) <= 200:
        return _contains_any(text, terms)
    return _first_in(text, sorted(terms, key=len, reverse=True))


def _first_in(text: str, ordered: Iterable[str]) -> str | None:
    for t in ordered:
        if t and t in text:
            return t
    return None


@lru_cache(maxsize=65536)
def _contains_any(text: str, terms: tuple[str, ...]) -> str | None:
    """Memoised: the rules ask this of the same indicator names against the Words' tuples, again and again."""
    return _first_in(text, _longest_first(terms))


@lru_cache(maxsize=256)
def _longest_first(terms: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(terms, key=len, reverse=True))


def short(name: str, limit: int = 20) -> str:
    """A long indicator name cut for a list in a message (the full name stays in the evidence)."""
    name = " ".join(name.split())
    return name if len(name) <= limit else name[: limit - 2] + "……"


def value_text(text: str, number: Decimal | None, unit: str | None) -> str:
    """An indicator value for a message: the text as written, with its unit when the text lacks it."""
    shown = text.strip() if text and text.strip() else fmt_num(number)
    if unit and not shown.endswith(unit) and shown != "—":
        shown += unit
    return shown


def section_with_children(sections: list[Section], keywords: tuple[str, ...]) -> tuple[Section | None, str]:
    """The first section whose title contains any keyword, and its body including its sub-sections."""
    for i, s in enumerate(sections):
        if s.number is None and not s.title:
            continue
        if any(k in s.title for k in keywords):
            parts = [s.text]
            for sub in sections[i + 1:]:
                if sub.number is not None and sub.level <= s.level:
                    break
                if sub.title:
                    parts.append(sub.title)
                parts.append(sub.text)
            return s, "\n".join(p for p in parts if p)
    return None, ""


def results_only(report: Report) -> bool:
    """Every indicator read is a result the prose tells without a target or a weight (共计救助小学生140人,
    满意度达100%): the report has no indicator table, so rules about its indicator system have nothing
    to rest on and rules about a report without one apply."""
    return bool(report.indicators) and all(
        ind.target is None and not ind.target_text.strip() and ind.weight is None for ind in report.indicators)


__all__ = [
    "ReviewContext",
    "RuleFn",
    "RuleInfo",
    "Words",
    "catalogue",
    "contains_any",
    "fmt",
    "fmt_num",
    "link_causes",
    "load_words",
    "pct",
    "reason_words",
    "results_only",
    "rule",
    "run_rules",
    "section_with_children",
    "short",
    "sort_findings",
    "split_causes",
    "stated_reason",
    "value_text",
    "words_from_dict",
]
