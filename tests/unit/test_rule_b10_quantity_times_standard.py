"""B10: quantity × unit standard (人数 × 补助标准) against the money spent."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao.model import Budget
from tests.review_factory import clean_report, of, q, run


def subsidy(count: str, standard: str, executed: str, count_unit: str = "人", standard_unit: str = "元/人",
            count_target: str | None = None):
    r = clean_report()
    r.indicators = [
        q("参保人数", ">=", count_target or count, count, count_unit),
        q("配套资金每人每年", "=", standard, standard, standard_unit, level2="cost"),
        q("群众满意度", ">=", "90", "95", "%", "satisfaction", "satisfaction"),
    ]
    r.budget = Budget(annual=D(executed), executed=D(executed))
    return r


@pytest.mark.parametrize(
    ("count", "standard", "executed", "product"),
    [
        ("8676", "75", "80", D("65.07")),  # 8676 × 75 元 = 65.07 万元, 80 spent
        ("1000", "300", "20", D(30)),  # 30 万元 owed, 20 spent
        ("500", "1000", "60", D(50)),
    ],
)
def test_product_off_the_money_fires(count: str, standard: str, executed: str, product: D) -> None:
    [f] = of(run(subsidy(count, standard, executed)), "B10")
    assert f.evidence["product"] == product and f.evidence["executed"] == D(executed)


@pytest.mark.parametrize(
    ("count", "standard", "executed", "count_unit", "standard_unit"),
    [
        ("8676", "75", "65.07", "人", "元/人"),
        ("8676", "75", "66", "人次", "元/人"),  # within 5 %
        ("1000", "300", "20", "个", "元/人"),  # units do not pair
        ("1000", "300", "20", "人", "%"),  # no standard
    ],
)
def test_product_matching_or_no_pair_does_not_fire(count, standard, executed, count_unit, standard_unit) -> None:
    assert of(run(subsidy(count, standard, executed, count_unit, standard_unit)), "B10") == []


def test_money_paid_for_the_planned_quantity_does_not_fire() -> None:
    # 8755 planned × 75 = 65.66; 8676 reached; 65.66 paid (paid as planned)
    assert of(run(subsidy("8676", "75", "65.66", count_target="8755")), "B10") == []
