"""B rules: stated rate (B01), overspending (B02), low execution (B03), cost indicators against the
budget (B04, B05), fund sources (B06), missing budget (B07), mid-year adjustment (B08)."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from jixiao.model import Budget, FundSource, Report
from jixiao.policy import load_policy
from tests.review_factory import clean_report, codes, of, q, run


def with_budget(**kw: object) -> Report:
    r = clean_report()
    r.budget = Budget(**kw)  # type: ignore[arg-type]
    return r


# ---------------------------------------------------------------- B01 stated execution rate


@pytest.mark.parametrize(
    ("annual", "executed", "stated", "text", "computed"),
    [
        ("1070.07", "838.41", "78.53", "78.53%", D("78.35")),  # digits swapped
        ("1000", "970", "98", "98%", D("97.00")),  # integer precision, off by one
        ("1070.07", "838.41", "78.2", "78.2%", D("78.35")),  # one decimal: 78.35… is 78.4 (or 78.3 cut)
    ],
)
def test_b01_fires_when_stated_rate_differs(annual: str, executed: str, stated: str, text: str, computed: D) -> None:
    r = with_budget(annual=D(annual), executed=D(executed), stated_execution_rate=D(stated),
                    stated_execution_rate_text=text)
    found = of(run(r), "B01")
    assert len(found) == 1
    f = found[0]
    assert f.severity == "error"
    assert f.where == "budget"
    assert f.evidence["execution_rate"] == computed
    assert f.evidence["stated_execution_rate"] == D(stated)
    assert text in f.message and f"{computed}%" in f.message


@pytest.mark.parametrize(
    ("annual", "executed", "stated", "text"),
    [
        ("1070.07", "838.41", "78.35", "78.35%"),  # exact at 2 decimals
        ("1070.07", "838.41", "78", "78%"),  # stated without decimals: compared at 0 decimals
        ("1070.07", "838.41", "78.4", "78.4%"),  # 78.351… at 1 decimal, half-up
        ("1070.07", "838.41", "78.3", "78.3%"),  # …and truncated: not called wrong either
        ("3", "2", "66.67", "66.67%"),
    ],
)
def test_b01_silent_at_the_stated_precision(annual: str, executed: str, stated: str, text: str) -> None:
    r = with_budget(annual=D(annual), executed=D(executed), stated_execution_rate=D(stated),
                    stated_execution_rate_text=text)
    assert "B01" not in codes(run(r))


def test_b01_silent_without_stated_rate() -> None:
    r = with_budget(annual=D("1000"), executed=D("500"))
    assert "B01" not in codes(run(r))


# ---------------------------------------------------------------- B02 overspending


@pytest.mark.parametrize(("annual", "executed", "excess"), [("1000", "1000.01", D("0.01")), ("500", "620", D("120"))])
def test_b02_fires_when_executed_exceeds_annual(annual: str, executed: str, excess: D) -> None:
    found = of(run(with_budget(annual=D(annual), executed=D(executed))), "B02")
    assert len(found) == 1
    assert found[0].severity == "error"
    assert found[0].evidence["excess"] == excess
    assert f"{D(executed):.2f}万元" in found[0].message and f"{D(annual):.2f}万元" in found[0].message


@pytest.mark.parametrize(("annual", "executed"), [("1000", "1000"), ("1000", "999.99")])
def test_b02_silent_within_budget(annual: str, executed: str) -> None:
    assert "B02" not in codes(run(with_budget(annual=D(annual), executed=D(executed))))


# ---------------------------------------------------------------- B03 low execution


@pytest.mark.parametrize(
    ("annual", "executed", "shown"), [("1070.07", "838.41", "78.35%"), ("1000", "899.99", "90.00%")]
)
def test_b03_fires_below_threshold(annual: str, executed: str, shown: str) -> None:
    found = of(run(with_budget(annual=D(annual), executed=D(executed))), "B03")
    assert len(found) == 1
    f = found[0]
    assert f.severity == "warning"
    assert f.evidence["threshold"] == D(90)
    assert shown in f.message and "低于90%" in f.message


@pytest.mark.parametrize(("annual", "executed"), [("1000", "900"), ("1000", "1000")])
def test_b03_silent_at_or_above_threshold(annual: str, executed: str) -> None:
    assert "B03" not in codes(run(with_budget(annual=D(annual), executed=D(executed))))


def test_b03_threshold_comes_from_policy(tmp_path: Path) -> None:
    policy_file = tmp_path / "strict.toml"
    policy_file.write_text('extends = "mof-2020"\nname = "strict"\n[review]\nlow_execution = "98"\n', encoding="utf-8")
    policy = load_policy(str(policy_file))
    found = of(run(clean_report(), policy), "B03")  # 97 % < 98 %
    assert len(found) == 1
    assert found[0].evidence["threshold"] == D(98)


# ---------------------------------------------------------------- B04 / B05 cost indicators


def cost_report(targets: list[tuple[str, str, str]], annual: str, executed: str) -> Report:
    r = clean_report()
    r.indicators = [i for i in r.indicators if i.level2 != "cost"]
    for n, (target, actual, unit) in enumerate(targets):
        r.indicators.append(q(f"租用成本{n + 1}", "<=", target, actual, unit, level2="cost"))
    r.budget = Budget(annual=D(annual), executed=D(executed))
    return r


def test_b04_b05_fire_on_the_seed_figures() -> None:
    r = cost_report([("815.31", "815.31", "万元"), ("35.5", "35.5", "万元"), ("236.87", "164.07", "万元")],
                    "1070.07", "838.41")
    found = run(r)
    b04, b05 = of(found, "B04"), of(found, "B05")
    assert len(b04) == 1 and len(b05) == 1
    assert b04[0].evidence["cost_targets_total"] == D("1087.68")
    assert b05[0].evidence["cost_actuals_total"] == D("1014.88")
    assert "1087.68万元" in b04[0].message and "1070.07万元" in b04[0].message
    assert "1014.88万元" in b05[0].message and "838.41万元" in b05[0].message


def test_b04_converts_yuan_and_yiyuan() -> None:
    # 6,000,000 元 = 600 万元 plus 0.05 亿元 = 500 万元 → 1100 万元 > 1000
    r = cost_report([("6000000", "5000000", "元"), ("0.05", "0.04", "亿元")], "1000", "950")
    b04 = of(run(r), "B04")
    assert len(b04) == 1
    assert b04[0].evidence["cost_targets_total"] == D("1100")
    assert "B05" not in codes(run(r))  # 500 + 400 = 900 ≤ 950


def test_b04_silent_within_tolerance_and_b05_silent_within_executed() -> None:
    # 1005 万元 against 1000: inside 0.5 %
    r = cost_report([("1005", "900", "万元")], "1000", "950")
    assert "B04" not in codes(run(r)) and "B05" not in codes(run(r))


def test_b04_ignores_non_money_and_non_cost_indicators() -> None:
    r = cost_report([("2000", "2000", "元/亩")], "1000", "950")  # a unit cost, not an amount
    r.indicators.append(q("带动农户增收", ">=", "5000", "5200", "万元", "benefit", "economic"))
    found = codes(run(r))
    assert "B04" not in found and "B05" not in found


def test_b05_fires_with_tolerance_exceeded() -> None:
    r = cost_report([("500", "480", "万元"), ("400", "400", "万元")], "1000", "800")
    b05 = of(run(r), "B05")
    assert len(b05) == 1 and b05[0].evidence["cost_actuals_total"] == D("880")


# ---------------------------------------------------------------- B06 fund sources


def test_b06_fires_when_sources_do_not_add_up() -> None:
    r = clean_report()
    assert r.budget is not None
    r.budget.sources = [FundSource("中央补助", annual=D("600"), executed=D("590")),
                        FundSource("地方资金", annual=D("300"), executed=D("380"))]
    found = of(run(r), "B06")
    assert len(found) == 1
    f = found[0]
    assert f.severity == "error"
    assert f.evidence["column"] == "annual"
    assert f.evidence["sum_of_sources"] == D("900") and f.evidence["total"] == D("1000")
    assert "900.00万元" in f.message and "1000.00万元" in f.message and "全年预算数" in f.message


def test_b06_fires_when_totals_were_blank() -> None:
    r = clean_report()
    assert r.budget is not None
    r.budget.totals_from_sources = True
    r.budget.stated_total = FundSource("年度资金总额")
    found = of(run(r), "B06")
    assert len(found) == 1
    assert found[0].evidence["totals_from_sources"] is True
    assert "中央补助" in found[0].message and "1000.00万元" in found[0].message


def test_b06_silent_when_sources_add_up_or_no_total_row() -> None:
    r = clean_report()
    assert "B06" not in codes(run(r))
    assert r.budget is not None
    r.budget.stated_total = None  # budget from prose, sources listed without a total row
    assert "B06" not in codes(run(r))


def test_b06_tolerates_rounding_of_a_cent() -> None:
    r = clean_report()
    assert r.budget is not None
    r.budget.sources = [FundSource("中央补助", annual=D("600.005"), executed=D("590")),
                        FundSource("地方资金", annual=D("400"), executed=D("380"))]
    assert "B06" not in codes(run(r))


# ---------------------------------------------------------------- B07 no budget


@pytest.mark.parametrize(
    ("budget", "missing"),
    [
        (Budget(annual=D("100")), ["全年执行数"]),
        (Budget(annual=D("0"), executed=D("0")), ["全年预算数"]),
    ],
)
def test_b07_fires_without_usable_budget(budget: Budget | None, missing: list[str]) -> None:
    r = clean_report()
    r.budget = budget
    found = of(run(r), "B07")
    assert len(found) == 1
    assert found[0].severity == "error"
    assert found[0].evidence["missing"] == missing
    assert all(m in found[0].message for m in missing)


def test_b07_silent_when_no_budget_block_was_read() -> None:
    """No fund block at all, or figures looked for in prose and not found: D05 says so, B07 stays silent."""
    for budget in (None, Budget(annual=D("100"), origin="prose")):
        r = clean_report()
        r.budget = budget
        assert "B07" not in codes(run(r))
        assert "D05" in codes(run(r))


def test_b07_silent_with_usable_budget() -> None:
    assert "B07" not in codes(run(clean_report()))
    assert "B07" not in codes(run(with_budget(annual=D("1"), executed=D("0"))))


# ---------------------------------------------------------------- B08 mid-year adjustment


def test_b08_info_when_budget_adjusted() -> None:
    found = of(run(with_budget(initial=D("1200"), annual=D("1000"), executed=D("970"))), "B08")
    assert len(found) == 1
    assert found[0].severity == "info"
    assert found[0].evidence["change"] == D("-200")
    assert "调减200.00万元" in found[0].message


def test_b08_info_when_budget_raised() -> None:
    found = of(run(with_budget(initial=D("800"), annual=D("1000"), executed=D("970"))), "B08")
    assert [f.severity for f in found] == ["info"]
    assert "调增200.00万元" in found[0].message


def test_b08_warning_when_cut_to_the_executed_amount() -> None:
    found = of(run(with_budget(initial=D("1200"), annual=D("970"), executed=D("970"))), "B08")
    assert len(found) == 1
    assert found[0].severity == "warning"
    assert found[0].evidence["cut_to_executed"] is True
    assert "1200.00万元" in found[0].message and "970.00万元" in found[0].message


@pytest.mark.parametrize("initial", [None, "1000"])
def test_b08_silent_without_adjustment(initial: str | None) -> None:
    r = with_budget(initial=D(initial) if initial else None, annual=D("1000"), executed=D("970"))
    assert "B08" not in codes(run(r))
