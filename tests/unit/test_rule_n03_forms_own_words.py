"""N03 in the forms' own words: 不存在执行数偏离预算数较多的情况, 无偏差, and a claim that the money
was all spent (资金全部拨付到位) next to a rate below the threshold."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao.model import Budget
from tests.review_factory import of, q, run
from tests.unit.test_rules_narrative import narrated

LOW = Budget(initial=D(100), annual=D(100), executed=D(72), origin="table")
FULL = Budget(initial=D(100), annual=D(100), executed=D(98), origin="table")


def table():
    return [q("培训人次", ">=", "500", "520", "人次")]


@pytest.mark.parametrize(
    "text",
    ["本项目不存在执行数偏离预算数较多的情况。", "项目实施无偏差。", "资金全部拨付到位。", "预算资金均已支付完成。",
     "执行数未偏离预算数。"],
)
def test_claim_with_low_rate_fires(text: str) -> None:
    [f] = of(run(narrated(text, *table(), budget=LOW)), "N03")
    assert f.evidence["execution_rate"] == D("72.00")


@pytest.mark.parametrize("text", ["本项目不存在执行数偏离预算数较多的情况。", "资金全部拨付到位。"])
def test_claim_with_full_rate_does_not_fire(text: str) -> None:
    assert of(run(narrated(text, *table(), budget=FULL)), "N03") == []


@pytest.mark.parametrize("text", ["培训任务全部完成。", "各项指标均已完成。"])
def test_full_completion_not_about_money_is_not_n03(text: str) -> None:
    assert of(run(narrated(text, *table(), budget=LOW)), "N03") == []


@pytest.mark.parametrize("text", ["能提前支出尽量提前足额拨付。", "资金应全额支付给施工单位。", "部分资金未全部拨付。"])
def test_intent_or_negated_money_claim_is_no_claim(text: str) -> None:
    assert of(run(narrated(text, *table(), budget=LOW)), "N03") == []
