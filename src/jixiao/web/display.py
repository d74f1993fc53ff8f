"""A check-JSON object arranged for the pages: indicator rows with their findings, findings by place
and severity, counts. Pure; shows what ``jixiao.app`` computed and nothing else."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass
class Row:
    index: int
    ind: dict[str, Any]
    findings: list[dict[str, Any]] = field(default_factory=list)

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
    return Scorecard(check=check, report=report, score=check.get("score") or {}, budget=report.get("budget"),
                     rows=rows, findings=findings, counts=counts_of(findings), budget_findings=budget_findings,
                     other_findings=other)
