"""Helpers to build Reports and Indicators for the scoring tests (tests/unit/test_scoring_*.py).

Every number is a ``Decimal``; strings are converted with ``Decimal(str)`` so no binary float sneaks in.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from jixiao.model import Budget, Indicator, Report
from jixiao.policy import Policy, load_policy

D = Decimal
CENT = Decimal("0.01")


def dec(value: Any) -> Decimal | None:
    if value is None or isinstance(value, Decimal):
        return value
    return Decimal(str(value))


def shown(value: Decimal) -> Decimal:
    """A value as the scorecard shows it: rounded half-up to 2 decimals."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def policy(name: str = "mof-2020") -> Policy:
    return load_policy(name)


def quant(
    op: str = ">=",
    target: Any = 100,
    actual: Any = 100,
    *,
    name: str = "指标",
    level1: str | None = "output",
    level2: str | None = None,
    weight: Any = None,
    stated_score: Any = None,
    actual_text: str | None = None,
    target_text: str | None = None,
    unit: str | None = None,
) -> Indicator:
    """A quantitative indicator; ``actual`` may be None (no actual)."""
    t, a = dec(target), dec(actual)
    return Indicator(
        name=name,
        operator=op,  # type: ignore[arg-type]
        target=t,
        target_text=target_text if target_text is not None else ("" if t is None else str(t)),
        actual=a,
        actual_text=actual_text if actual_text is not None else ("" if a is None else str(a)),
        unit=unit,
        level1=level1,  # type: ignore[arg-type]
        level2=level2,
        weight=dec(weight),
        stated_score=dec(stated_score),
    )


def text_actual(op: str, target: Any, actual_text: str, **kw: Any) -> Indicator:
    """A quantitative indicator whose actual is text (完成, 已完成 …): no numeric actual."""
    return quant(op, target, None, actual_text=actual_text, **kw)


def qual(
    target_text: str = "作用明显",
    actual_text: str = "作用明显",
    *,
    name: str = "定性指标",
    level1: str | None = "benefit",
    level2: str | None = "social",
    weight: Any = None,
    stated_score: Any = None,
) -> Indicator:
    return Indicator(
        name=name,
        operator="qualitative",
        target_text=target_text,
        actual_text=actual_text,
        level1=level1,  # type: ignore[arg-type]
        level2=level2,
        weight=dec(weight),
        stated_score=dec(stated_score),
    )


def budget(annual: Any = "1070.07", executed: Any = "838.41", *, initial: Any = None, weight: Any = None) -> Budget:
    return Budget(initial=dec(initial), annual=dec(annual), executed=dec(executed), weight=dec(weight),
                  origin="table")


def met_output(n: int, **kw: Any) -> list[Indicator]:
    return [quant(">=", 10, 10, name=f"产出{i + 1}", level1="output", level2="quantity", **kw) for i in range(n)]


def met_benefit(n: int, **kw: Any) -> list[Indicator]:
    return [quant(">=", 1, 1, name=f"效益{i + 1}", level1="benefit", level2="social", **kw) for i in range(n)]


def met_satisfaction(n: int, **kw: Any) -> list[Indicator]:
    return [quant(">=", 90, 95, name=f"满意度{i + 1}", level1="satisfaction", level2="satisfaction", **kw)
            for i in range(n)]


def report(indicators: list[Indicator] | None = None, budget_: Budget | None = None, **kw: Any) -> Report:
    return Report(title="测试报告", organization="测试单位", budget=budget_, indicators=list(indicators or []), **kw)


def full_budget(weight: Any = None) -> Budget:
    """A budget executed in full (score = budget weight)."""
    return budget("100", "100", weight=weight)


__all__ = [
    "CENT",
    "D",
    "budget",
    "dec",
    "full_budget",
    "met_benefit",
    "met_output",
    "met_satisfaction",
    "policy",
    "qual",
    "quant",
    "report",
    "shown",
    "text_actual",
]
