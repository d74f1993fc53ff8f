"""D04-D06: what the reader could not read is a finding of its own, and no error rests on it."""

from __future__ import annotations

from decimal import Decimal as D

from jixiao.model import Budget, Report, Unplaced
from tests.review_factory import clean_report, codes, of, run


def test_d04_fires_when_no_indicator_was_read() -> None:
    r = clean_report()
    r.indicators = []
    found = of(run(r), "D04")
    assert len(found) == 1
    assert found[0].severity == "warning"
    assert "未能从文档中读取到绩效指标" in found[0].message


def test_d04_silent_with_indicators() -> None:
    assert "D04" not in codes(run(clean_report()))


def test_d05_names_the_figures_not_found_in_prose() -> None:
    r = clean_report()
    r.budget = Budget(annual=D("29.6"), origin="prose")
    found = of(run(r), "D05")
    assert len(found) == 1
    assert found[0].evidence["missing"] == ["全年执行数"]
    assert "“全年执行数”" in found[0].message and "“全年预算数”" not in found[0].message
    assert "B07" not in codes(run(r))


def test_d05_without_any_budget() -> None:
    r = clean_report()
    r.budget = None
    found = of(run(r), "D05")
    assert found[0].evidence["missing"] == ["全年预算数", "全年执行数"]
    assert not [f for f in run(r) if f.severity == "error"]


def test_incomplete_fund_table_is_b07_not_d05() -> None:
    r = clean_report()
    r.budget = Budget(annual=D("100"), origin="table")
    assert "B07" in codes(run(r)) and "D05" not in codes(run(r))


def test_d06_lists_the_unplaced_values() -> None:
    r = clean_report()
    r.unplaced = [Unplaced("194.9194.9100%", "第5行", "无法拆分"), Unplaced("87", "表1第9行")]
    found = of(run(r), "D06")
    assert len(found) == 1
    assert "“194.9194.9100%”（第5行，无法拆分）" in found[0].message
    assert "“87”（表1第9行）" in found[0].message and "共2个数值" in found[0].message
    assert [u["text"] for u in found[0].evidence["unplaced"]] == ["194.9194.9100%", "87"]


def test_d06_shows_five_and_counts_the_rest() -> None:
    r = clean_report()
    r.unplaced = [Unplaced(str(i)) for i in range(8)]
    msg = of(run(r), "D06")[0].message
    assert "“4”" in msg and "“5”" not in msg and "等8个数值" in msg


def test_nothing_read_gives_no_score_comparison() -> None:
    """A stated total against a total computed from nothing is no finding (S03 would rest on the gap)."""
    r = Report(stated_total=D("95"), stated_grade="优")
    assert codes(run(r)) == ["D04", "D05"]
