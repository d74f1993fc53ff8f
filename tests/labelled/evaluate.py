"""Judge the review over the labelled set: true findings, false alarms and misses, per rule.

A finding is **true** when it matches a label of ``raise_`` (same code; same place when the label
names one). It is a **false alarm** when its code (or code at its severity) is in ``not_``, or when it
is a warning or an error that no label asks for. An unlabelled info finding is advice and counts
neither way. A finding that carries ``caused_by`` is shown under its cause and is not counted again.
A label of ``raise_`` that no finding matches is a **miss**. Messages must not print an operator twice.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from jixiao.model import Finding, Report
from jixiao.policy import Policy, load_policy
from jixiao.readers import report_from_text
from jixiao.review import review
from jixiao.scoring import score_report
from tests.labelled.docs import LABELLED, Labelled

DOUBLED = ("≤≤", "≥≥", "＜＜", "＞＞", "<<", ">>", "≤≥", "≥≤")


@dataclass
class DocResult:
    item: Labelled
    findings: list[Finding]
    true: list[Finding] = field(default_factory=list)
    false: list[Finding] = field(default_factory=list)
    neutral: list[Finding] = field(default_factory=list)
    caused: list[Finding] = field(default_factory=list)
    missed: list[tuple[str, str | None]] = field(default_factory=list)
    found: list[tuple[str, str | None]] = field(default_factory=list)
    doubled_operator: list[Finding] = field(default_factory=list)
    weights_assumed: bool | None = None
    crashed: list[Finding] = field(default_factory=list)


def _place(f: Finding, report: Report) -> set[str]:
    """The names a finding's place goes by: its ``where`` and the indicator it points at."""
    names = {f.where}
    if f.where.startswith("indicator:"):
        with contextlib.suppress(ValueError, IndexError):
            names.add(report.indicators[int(f.where.split(":", 1)[1])].name)
    ind = f.evidence.get("indicator") if isinstance(f.evidence, dict) else None
    if isinstance(ind, str):
        names.add(ind)
    return names


def _matches(f: Finding, label: tuple[str, str | None], report: Report) -> bool:
    code, where = label
    if f.code != code:
        return False
    return where is None or where in _place(f, report)


def _forbidden(f: Finding, not_: tuple[str, ...]) -> bool:
    return f.code in not_ or f"{f.code}:{f.severity}" in not_


def _caused_by(f: Finding) -> Any:
    return getattr(f, "caused_by", None) or (f.evidence.get("caused_by") if isinstance(f.evidence, dict) else None)


def judge(item: Labelled, policy: Policy) -> DocResult:
    report = report_from_text(item.text)
    card = score_report(report, policy)
    findings = review(report, card, policy)
    res = DocResult(item, findings)
    res.weights_assumed = getattr(card, "weights_assumed", None)
    matched: set[int] = set()
    for label in item.raise_:
        hits = [i for i, f in enumerate(findings) if _matches(f, label, report)]
        if hits:
            res.found.append(label)
            matched.update(hits)
        else:
            res.missed.append(label)
    for i, f in enumerate(findings):
        if any(op in f.message for op in DOUBLED):
            res.doubled_operator.append(f)
        if f.code == "X00":
            res.crashed.append(f)
        if i in matched and not _forbidden(f, item.not_):
            res.true.append(f)
        elif (_caused_by(f) or f.code in item.ok) and not _forbidden(f, item.not_):
            res.caused.append(f)
        elif _forbidden(f, item.not_) or f.severity in ("warning", "error"):
            res.false.append(f)
        else:
            res.neutral.append(f)
    return res


def judge_all(policy: Policy | None = None, items: list[Labelled] | None = None) -> list[DocResult]:
    policy = policy or load_policy()
    return [judge(item, policy) for item in (items if items is not None else LABELLED)]


@dataclass
class Totals:
    true: Counter[str]
    false: Counter[str]
    found: Counter[str]
    missed: Counter[str]
    error_false: list[tuple[str, Finding]]

    @property
    def precision(self) -> float:
        t, f = sum(self.true.values()), sum(self.false.values())
        return t / (t + f) if t + f else 1.0

    @property
    def recall(self) -> float:
        t, m = sum(self.found.values()), sum(self.missed.values())
        return t / (t + m) if t + m else 1.0


def totals(results: list[DocResult]) -> Totals:
    t = Totals(Counter(), Counter(), Counter(), Counter(), [])
    for r in results:
        t.true.update(f.code for f in r.true)
        t.false.update(f.code for f in r.false)
        t.found.update(code for code, _ in r.found)
        t.missed.update(code for code, _ in r.missed)
        t.error_false += [(r.item.name, f) for f in r.false if f.severity == "error"]
    return t
