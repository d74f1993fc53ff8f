"""The model to and from plain JSON-ready data (shared/spec/check-json.md), without loss.

Decimals become JSON numbers (``to_json_number``); reading back uses ``Decimal`` for every number
(``json.loads(..., parse_float=Decimal, parse_int=Decimal)``), so a report survives the round trip
exactly. Scores are rounded half-up to 2 decimals in the output, as the contract says; the report's
own values (amounts, targets, actuals, weights) are written exactly.
"""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from jixiao.model import (
    Budget,
    CheckResult,
    Finding,
    FundSource,
    Indicator,
    Provenance,
    ReadError,
    Report,
    ScoreCard,
    Section,
    Unplaced,
)

CENT = Decimal("0.01")


def r2(value: Decimal | None) -> Decimal | None:
    """Half-up to 2 decimals, for display and for the JSON scores."""
    return None if value is None else value.quantize(CENT, rounding=ROUND_HALF_UP)


# Numbers a results file or a JSON report may hold. Nothing in a report is over 10^15 (an amount in
# 元 of a whole province is about 10^11) or needs more than 40 characters; a number beyond that
# (1e99999999, a 5 000-digit integer) or not a number at all (NaN, Infinity) is bad input, refused
# with a reason, before any arithmetic on it can overflow or take long.
MAX_NUMBER_CHARS = 40
MAX_EXPONENT = 15
MIN_EXPONENT = -20


class BadNumber(ValueError):
    """A JSON number jixiao does not accept; ``reason`` is Chinese, one line."""

    def __init__(self, text: str) -> None:
        shown = text if len(text) <= 24 else f"{text[:12]}…（共 {len(text)} 个字符）"
        self.reason = f"数字“{shown}”无效或超出范围"
        super().__init__(f"number out of range or not finite: {text[:24]!r}")


def checked_number(value: Decimal, text: str | None = None) -> Decimal:
    """``value`` when finite and within ``MIN_EXPONENT``..``MAX_EXPONENT``; else ``BadNumber``."""
    if not value.is_finite() or (value != 0 and not MIN_EXPONENT <= value.adjusted() <= MAX_EXPONENT):
        raise BadNumber(text if text is not None else str(value))
    return value


def _json_float(text: str) -> Decimal:
    if len(text) > MAX_NUMBER_CHARS:
        raise BadNumber(text)
    try:
        return checked_number(Decimal(text), text)
    except InvalidOperation as exc:
        raise BadNumber(text) from exc


def _json_int(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise BadNumber(text)
    return int(text)


def _json_constant(text: str) -> Any:
    raise BadNumber(text)


def loads(text: str | bytes) -> Any:
    """JSON as jixiao reads it: fractions as ``Decimal``; ``BadNumber`` (a ``ValueError``) for NaN,
    Infinity and numbers out of range (see ``MAX_EXPONENT``)."""
    return json.loads(text, parse_float=_json_float, parse_int=_json_int, parse_constant=_json_constant)


def _dec(value: Any) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise TypeError("boolean where a number was expected")
    if isinstance(value, Decimal):
        return checked_number(value)
    if isinstance(value, str) and len(value) > MAX_NUMBER_CHARS:
        raise BadNumber(value)
    return checked_number(Decimal(str(value)))


def _source(s: FundSource) -> dict[str, Any]:
    return {"name": s.name, "initial": s.initial, "annual": s.annual, "executed": s.executed}


def _source_from(d: dict[str, Any]) -> FundSource:
    return FundSource(name=str(d.get("name", "")), initial=_dec(d.get("initial")), annual=_dec(d.get("annual")),
                      executed=_dec(d.get("executed")))


def provenance_to_dict(p: dict[str, Provenance]) -> dict[str, Any]:
    return {k: {"how": v.how, "where": v.where} for k, v in p.items()}


def provenance_from_dict(d: Any) -> dict[str, Provenance]:
    if not isinstance(d, dict):
        return {}
    return {str(k): Provenance(how=v.get("how", "cell"), where=str(v.get("where") or ""))
            for k, v in d.items() if isinstance(v, dict)}


def budget_to_dict(b: Budget) -> dict[str, Any]:
    rate = b.execution_rate
    return {
        "unit": "万元",
        "initial": b.initial,
        "annual": b.annual,
        "executed": b.executed,
        "execution_rate": r2(rate),
        "stated_execution_rate": b.stated_execution_rate,
        "stated_execution_rate_text": b.stated_execution_rate_text,
        "sources": [_source(s) for s in b.sources],
        "stated_total": _source(b.stated_total) if b.stated_total else None,
        "totals_from_sources": b.totals_from_sources,
        "weight": b.weight,
        "stated_score": b.stated_score,
        "origin": b.origin,
        "provenance": provenance_to_dict(b.provenance),
    }


def budget_from_dict(d: dict[str, Any]) -> Budget:
    st = d.get("stated_total")
    return Budget(
        initial=_dec(d.get("initial")),
        annual=_dec(d.get("annual")),
        executed=_dec(d.get("executed")),
        stated_execution_rate=_dec(d.get("stated_execution_rate")),
        stated_execution_rate_text=d.get("stated_execution_rate_text"),
        sources=[_source_from(s) for s in d.get("sources") or []],
        stated_total=_source_from(st) if st else None,
        totals_from_sources=bool(d.get("totals_from_sources", False)),
        weight=_dec(d.get("weight")),
        stated_score=_dec(d.get("stated_score")),
        origin=d.get("origin"),
        provenance=provenance_from_dict(d.get("provenance")),
    )


def indicator_to_dict(ind: Indicator) -> dict[str, Any]:
    return {
        "name": ind.name,
        "level1": ind.level1,
        "level2": ind.level2,
        "levels_inferred": ind.levels_inferred,
        "operator": ind.operator,
        "operator_text": ind.operator_text,
        "target": ind.target,
        "target_text": ind.target_text,
        "unit": ind.unit,
        "actual": ind.actual,
        "actual_text": ind.actual_text,
        "weight": ind.weight,
        "stated_score": ind.stated_score,
        "deviation_reason": ind.deviation_reason,
        "provenance": provenance_to_dict(ind.provenance),
    }


def indicator_from_dict(d: dict[str, Any]) -> Indicator:
    return Indicator(
        name=str(d["name"]),
        operator=d.get("operator") or "qualitative",
        target=_dec(d.get("target")),
        target_text=str(d.get("target_text") or ""),
        actual=_dec(d.get("actual")),
        actual_text=str(d.get("actual_text") or ""),
        unit=d.get("unit"),
        level1=d.get("level1"),
        level2=d.get("level2"),
        levels_inferred=bool(d.get("levels_inferred", False)),
        weight=_dec(d.get("weight")),
        stated_score=_dec(d.get("stated_score")),
        deviation_reason=d.get("deviation_reason"),
        operator_text=str(d.get("operator_text") or ""),
        provenance=provenance_from_dict(d.get("provenance")),
    )


def report_to_dict(report: Report) -> dict[str, Any]:
    return {
        "title": report.title,
        "organization": report.organization,
        "supervising_department": report.supervising_department,
        "project": report.project,
        "central_department": report.central_department,
        "recipient": report.recipient,
        "fiscal_year": report.fiscal_year,
        "kind": report.kind,
        "layout": report.layout,
        "budget": budget_to_dict(report.budget) if report.budget else None,
        "indicators": [indicator_to_dict(i) for i in report.indicators],
        "sections": [{"number": s.number, "title": s.title, "level": s.level, "text": s.text}
                     for s in report.sections],
        "overall_goal": report.overall_goal,
        "overall_goal_actual": report.overall_goal_actual,
        "stated_total": report.stated_total,
        "stated_grade": report.stated_grade,
        "unplaced": [{"text": u.text, "where": u.where, "reason": u.reason} for u in report.unplaced],
    }


def report_from_dict(d: dict[str, Any]) -> Report:
    fy = d.get("fiscal_year")
    return Report(
        title=d.get("title"),
        organization=d.get("organization"),
        supervising_department=d.get("supervising_department"),
        project=d.get("project"),
        central_department=d.get("central_department"),
        recipient=d.get("recipient"),
        fiscal_year=int(fy) if fy is not None else None,
        kind=d.get("kind"),
        budget=budget_from_dict(d["budget"]) if d.get("budget") else None,
        indicators=[indicator_from_dict(i) for i in d.get("indicators") or []],
        sections=[Section(number=s.get("number"), title=str(s.get("title") or ""), level=int(s.get("level") or 0),
                          text=str(s.get("text") or "")) for s in d.get("sections") or []],
        overall_goal=d.get("overall_goal"),
        overall_goal_actual=d.get("overall_goal_actual"),
        stated_total=_dec(d.get("stated_total")),
        stated_grade=d.get("stated_grade"),
        layout=d.get("layout"),
        unplaced=[Unplaced(text=str(u.get("text") or ""), where=str(u.get("where") or ""),
                           reason=str(u.get("reason") or "")) for u in d.get("unplaced") or [] if isinstance(u, dict)],
    )


def finding_to_dict(f: Finding) -> dict[str, Any]:
    out = {"code": f.code, "severity": f.severity, "message": f.message, "where": f.where, "evidence": f.evidence}
    if f.caused_by:
        out["caused_by"] = dict(f.caused_by)
    return out


def finding_from_dict(d: dict[str, Any]) -> Finding:
    cause = d.get("caused_by")
    caused_by = ({"code": str(cause.get("code", "")), "where": str(cause.get("where", ""))}
                 if isinstance(cause, dict) and cause.get("code") else None)
    return Finding(code=str(d["code"]), severity=d["severity"], message=str(d.get("message", "")),
                   where=str(d.get("where", "document")), evidence=dict(d.get("evidence") or {}),
                   caused_by=caused_by)


def score_to_dict(card: ScoreCard) -> dict[str, Any]:
    return {
        "policy": card.policy,
        "budget": r2(card.budget),
        "budget_weight": r2(card.budget_weight),
        "execution_rate": r2(card.execution_rate),
        "pools": {k: r2(v) for k, v in card.pools.items()},
        "pool_weights": {k: r2(v) for k, v in card.pool_weights.items()},
        "total": r2(card.total),
        "grade": card.grade,
        "stated_total": card.stated_total,
        "stated_grade": card.stated_grade,
        "weights_assumed": card.weights_assumed,
    }


def result_to_dict(result: CheckResult) -> dict[str, Any]:
    """The object `jixiao check --json` prints for one document."""
    out: dict[str, Any] = {"source": result.source, "format": result.format}
    if result.error is not None:
        out["error"] = {"code": result.error.code, "message": result.error.message,
                        "message_en": result.error.message_en}
        return out
    assert result.report is not None and result.score is not None
    report = report_to_dict(result.report)
    for d, s in zip(report["indicators"], result.score.indicators, strict=True):
        d["met"] = s.met
        d["score"] = r2(s.score)
        d["max_score"] = r2(s.max_score)
        d["grade"] = s.grade
        d["basis"] = s.basis
        if s.scored_operator is not None:
            d["scored_operator"] = s.scored_operator
    out["report"] = report
    out["score"] = score_to_dict(result.score)
    out["findings"] = [finding_to_dict(f) for f in result.findings]
    return out


def result_from_dict(d: dict[str, Any]) -> tuple[Report | None, list[Finding], ReadError | None]:
    """The report, findings and error of a `check --json` object (scores are recomputed, not trusted)."""
    err = d.get("error")
    error = ReadError(str(err.get("code", "")), str(err.get("message", "")), str(err.get("message_en", ""))) \
        if err else None
    report_d = d.get("report")
    report = report_from_dict(report_d) if report_d else None
    findings = [finding_from_dict(f) for f in d.get("findings") or []]
    return report, findings, error


def to_jsonable(obj: Any) -> Any:
    """Decimals → int/float JSON numbers (exact for the ≤ 15 significant digits reports carry)."""
    if isinstance(obj, Decimal):
        if obj == obj.to_integral_value() and abs(obj) < 10**15:
            return int(obj)
        return float(obj)
    if isinstance(obj, dict):
        return {k: to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [to_jsonable(v) for v in obj]
    return obj
