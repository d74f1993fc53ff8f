"""I12: after a budget cut, or when the prose says only part of the money was paid, every output
indicator is still reported as fully met."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao.model import Budget
from tests.review_factory import clean_report, of, q, run, with_sections


def outputs_met(budget: Budget, text: str = ""):
    r = clean_report()
    r.indicators = [q("培训人次", ">=", "500", "520", "人次"), q("新建监测站点", ">=", "12", "12", "个"),
                    q("群众满意度", ">=", "90", "93", "%", "satisfaction", "satisfaction")]
    r.budget = budget
    return with_sections(r, ("六、资金使用情况", text)) if text else r


@pytest.mark.parametrize(
    ("budget", "text"),
    [
        (Budget(initial=D(1000), annual=D(700), executed=D(690)), ""),
        (Budget(initial=D(50), annual=D(40), executed=D(40)), ""),
        (Budget(initial=D(1000), annual=D(1000), executed=D(950)), "截至年底，仅拨付省级资金，市级配套资金尚未拨付。"),
        (Budget(annual=D(100), executed=D(100)), "部分资金未到位，项目按计划推进。"),
    ],
)
def test_money_short_outputs_full_fires(budget: Budget, text: str) -> None:
    [f] = of(run(outputs_met(budget, text)), "I12")
    assert f.evidence["output_indicators"] == 2


@pytest.mark.parametrize(
    ("budget", "text"),
    [
        (Budget(initial=D(1000), annual=D(980), executed=D(970)), ""),  # a 2 % cut
        (Budget(initial=D(1000), annual=D(1000), executed=D(970)), "资金全部拨付到位。"),
        (Budget(initial=D(1000), annual=D(1000), executed=D(950)), "项目已完工，尾款尚未支付，待验收合格后支付。"),
        (Budget(initial=D(1000), annual=D(700), executed=D(500)), ""),  # a low rate: I03's
    ],
)
def test_no_shortfall_or_explained_does_not_fire(budget: Budget, text: str) -> None:
    assert of(run(outputs_met(budget, text)), "I12") == []


def test_an_unmet_output_does_not_fire() -> None:
    r = outputs_met(Budget(initial=D(1000), annual=D(700), executed=D(690)))
    r.indicators[0] = q("培训人次", ">=", "500", "400", "人次", deviation_reason="资金调减")
    assert of(run(r), "I12") == []
