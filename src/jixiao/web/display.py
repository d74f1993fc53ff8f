"""A check-JSON object arranged for the pages: indicator rows with their findings, findings by place
and severity, counts. Pure; shows what ``jixiao.app`` computed and nothing else."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from jixiao.writers._common import apportion, round2

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass
class Row:
    index: int
    ind: dict[str, Any]
    findings: list[dict[str, Any]] = field(default_factory=list)
    # 分值/得分 as every document writer shows them (set by ``scorecard``): a 一级 group's evenly split
    # weights add up to its pool (3 × 50/3 shows 16.67, 16.67, 16.66), not each rounded on its own.
    shown_weight: Any = None
    shown_score: Any = None

    @property
    def number(self) -> int:
        return self.index + 1

    @property
    def worst(self) -> str | None:
        return min((f["severity"] for f in self.findings), key=lambda s: SEVERITY_ORDER.get(s, 9), default=None)


@dataclass
class Scorecard:
    check: dict[str, Any]
    report: dict[str, Any]
    score: dict[str, Any]
    budget: dict[str, Any] | None
    rows: list[Row]
    findings: list[dict[str, Any]]  # all, worst first, in the order the review gave within a severity
    counts: dict[str, int]
    budget_findings: list[dict[str, Any]]
    other_findings: list[dict[str, Any]]  # narrative and document

    @property
    def inferred_levels(self) -> bool:
        return any(r.ind.get("levels_inferred") for r in self.rows)


def finding_index(where: str | None) -> int | None:
    """``indicator:12`` → 12; anything else → None."""
    if where and where.startswith("indicator:"):
        try:
            return int(where.split(":", 1)[1])
        except ValueError:
            return None
    return None


def counts_of(findings: list[dict[str, Any]]) -> dict[str, int]:
    out = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        sev = f.get("severity")
        if sev in out:
            out[sev] += 1
    return out


def scorecard(check: dict[str, Any]) -> Scorecard:
    report = check.get("report") or {}
    findings = sorted(check.get("findings") or [], key=lambda f: SEVERITY_ORDER.get(f.get("severity"), 9))
    rows = [Row(i, ind) for i, ind in enumerate(report.get("indicators") or [])]
    budget_findings, other = [], []
    for f in findings:
        idx = finding_index(f.get("where"))
        if idx is not None and 0 <= idx < len(rows):
            rows[idx].findings.append(f)
        elif f.get("where") == "budget":
            budget_findings.append(f)
        else:
            other.append(f)
    shown_weights(rows, (check.get("score") or {}).get("pool_weights") or {})
    return Scorecard(check=check, report=report, score=check.get("score") or {}, budget=report.get("budget"),
                     rows=rows, findings=findings, counts=counts_of(findings), budget_findings=budget_findings,
                     other_findings=other)


def decimal_or_none(value: Any) -> Decimal | None:
    """A check-JSON number (or a form's text) as a Decimal; None when absent or not a number."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def shown_weights(rows: list[Row], pools: dict[str, Any]) -> None:
    """Set each row's shown 分值/得分 the way the document writers do (``writers._common.apportion``).

    ``pools`` is the check JSON's ``score.pool_weights`` (the weight of each 一级; ``score.pools`` is the
    points earned). The JSON gives each weight rounded on its own, so 23 even shares of 50 read 2.17 each
    (49.91). Where every weight of a 一级 group is its pool's even share, the shares are apportioned as the
    writers apportion them (9 × 2.18 + 14 × 2.17 = 50); anything else is shown as stored. A full score
    shows as its shown weight.
    """
    groups: dict[str, list[Row]] = {}
    for row in rows:
        row.shown_weight = row.ind.get("max_score")
        row.shown_score = row.ind.get("score")
        if decimal_or_none(row.shown_weight) is not None:
            groups.setdefault(row.ind.get("level1") or "", []).append(row)
    for level1, members in groups.items():
        pool = decimal_or_none(pools.get(level1))
        if pool is None:
            continue
        share = pool / len(members)
        stored = [decimal_or_none(r.ind.get("max_score")) for r in members]
        if any(w != round2(share) for w in stored):
            continue
        for row, weight, shown in zip(members, stored, apportion([share] * len(members)), strict=True):
            if decimal_or_none(row.ind.get("score")) == weight:
                row.shown_score = shown
            row.shown_weight = shown
