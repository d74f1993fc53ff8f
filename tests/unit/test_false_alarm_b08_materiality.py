"""B08: a mid-year change below the policy's materiality thresholds (absolute and relative) is no
finding; above either one it is."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao.model import Budget
from tests.review_factory import clean_report, of, run


def adjusted(initial: str, annual: str, executed: str):
    r = clean_report()
    r.budget = Budget(initial=D(initial), annual=D(annual), executed=D(executed), origin="table")
    return r


@pytest.mark.parametrize(
    ("initial", "annual", "executed"),
    [("50", "49.97", "49.97"), ("80", "79.6", "79.6"), ("30", "30.04", "29"), ("100", "99.6", "99.6")],
)
def test_immaterial_change_is_no_finding(initial: str, annual: str, executed: str) -> None:
    assert of(run(adjusted(initial, annual, executed)), "B08") == []


@pytest.mark.parametrize(
    ("initial", "annual", "executed", "severity"),
    [
        ("50", "45", "45", "warning"),  # 5 万元, 10 %: cut to the executed amount
        ("5000", "4999", "4999", "warning"),  # 1 万元 is above the absolute threshold
        ("2", "1.9", "1.9", "warning"),  # 0.1 万元 but 5 %
        ("50", "60", "55", "info"),
    ],
)
def test_material_change_is_a_finding(initial: str, annual: str, executed: str, severity: str) -> None:
    [f] = of(run(adjusted(initial, annual, executed)), "B08")
    assert f.severity == severity


def test_thresholds_are_policy_settings() -> None:
    from dataclasses import replace

    from jixiao.policy import load_policy

    base = load_policy()
    strict = replace(base, review={**base.review, "adjust_material_abs": "0", "adjust_material_share": "0"})
    [f] = of(run(adjusted("50", "49.97", "49.97"), strict), "B08")
    assert f.severity == "warning"
