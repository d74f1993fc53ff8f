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


@pytest.mark.parametrize(
    ("text", "product"),
    [("按人均培训成本1500元的标准，全年培训养老护理员600人，共支出培训经费93.1万元。", D(90)),
     ("全年资助困难学生200人，每人补助500元，共发放资金12万元。", D(10))],
)
def test_prose_quantity_times_standard_fires(text: str, product: D) -> None:
    from tests.review_factory import with_sections

    [f] = of(run(with_sections(clean_report(), ("六、资金使用", text))), "B10")
    assert f.evidence["product"] == product and f.evidence["from"] == "prose"


@pytest.mark.parametrize("text", ["按人均培训成本1500元的标准，全年培训养老护理员600人，共支出培训经费90万元。",
                                  "全年资助困难学生200人，共发放资金10万元。"])
def test_prose_quantity_times_standard_matching_does_not_fire(text: str) -> None:
    from tests.review_factory import with_sections

    assert of(run(with_sections(clean_report(), ("六、资金使用", text))), "B10") == []


def test_construction_unit_cost_is_no_subsidy_standard() -> None:
    r = clean_report()
    r.indicators = [q("改造供水管网", ">=", "37", "37", "公里"),
                    q("管网改造单位成本", "<=", "7.6", "7.6", "万元/公里", level2="cost")]
    r.budget = Budget(annual=D(1164), executed=D(1164))
    assert of(run(r), "B10") == []
