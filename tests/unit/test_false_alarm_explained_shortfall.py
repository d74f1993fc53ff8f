"""I03 becomes info quoting the reason when the report says payment waits (settlement audit,
质保金/尾款, payment on acceptance); B03/B08 messages quote a stated reason."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao.model import Budget
from tests.review_factory import clean_report, of, run, with_sections


def low_rate_report(reason: str):
    r = clean_report()
    r.budget = Budget(initial=D(1000), annual=D(1000), executed=D(700), origin="table")
    # every output met
    for ind in r.indicators:
        if ind.level1 == "output" and ind.actual is not None and ind.target is not None and ind.actual < ind.target:
            ind.actual, ind.actual_text = ind.target, ind.target_text
    return with_sections(r, ("六、资金支付情况说明", reason)) if reason else r


@pytest.mark.parametrize(
    "reason",
    [
        "项目已完工，剩余资金需等结算审计后支付。",
        "按合同约定预留10%质保金，质保期满后支付。",
        "设备已安装调试，尾款待验收合格后支付。",
        "工程已完工，按合同约定支付，余款次年支付。",
    ],
)
def test_payment_waiting_makes_i03_info_with_the_reason(reason: str) -> None:
    [f] = of(run(low_rate_report(reason)), "I03")
    assert f.severity == "info"
    assert f.evidence["stated_reason"] and f.evidence["stated_reason"] in f.message


@pytest.mark.parametrize("reason", ["", "项目按计划实施，效果良好。", "下一步将加快资金支付进度。"])
def test_without_a_payment_reason_i03_stays_a_warning(reason: str) -> None:
    [f] = of(run(low_rate_report(reason)), "I03")
    assert f.severity == "warning" and f.evidence["stated_reason"] is None


def test_b03_quotes_a_stated_reason() -> None:
    [f] = of(run(low_rate_report("由于疫情影响，部分资金未支付。")), "B03")
    assert f.severity == "warning"
    assert "由于疫情影响，部分资金未支付" in f.message


def test_b03_without_reason_keeps_its_message() -> None:
    [f] = of(run(low_rate_report("")), "B03")
    assert f.evidence["stated_reason"] is None and f.message.endswith("低于90%。")


def test_b08_quotes_a_stated_adjustment_reason() -> None:
    r = clean_report()
    r.budget = Budget(initial=D(1000), annual=D(900), executed=D(880), origin="table")
    r = with_sections(r, ("六、预算调整说明", "根据财政局通知，年中调减预算100万元。"))
    [f] = of(run(r), "B08")
    assert "根据财政局通知，年中调减预算100万元" in f.message
