"""Row per line, tab-separated, GB18030 with full-width digits, amounts in 元, weights and stated scores."""

from __future__ import annotations

from decimal import Decimal as D

from jixiao.policy import load_policy
from jixiao.readers import read_report
from jixiao.scoring import score_report
from jixiao.serialize import r2
from tests.text_docs import ROWS_TABS_GB


def _read(tmp_path, encoding):
    p = tmp_path / "report.txt"
    p.write_bytes(ROWS_TABS_GB.encode(encoding))
    return read_report(p)[1]


def test_gb18030_amounts_in_yuan_become_wan(tmp_path):
    r = _read(tmp_path, "gb18030")
    b = r.budget
    assert (b.initial, b.annual, b.executed) == (D("1200"), D("1250"), D("1187.5"))
    assert [s.name for s in b.sources] == ["中央补助", "地方资金"]
    assert b.sources[1].annual == D("450")
    assert b.stated_execution_rate == D("95") and b.weight == D("10") and b.stated_score == D("9.5")


def test_levels_stated_and_carried_down_merged_cells(tmp_path):
    r = _read(tmp_path, "gb18030")
    assert [(i.level1, i.level2) for i in r.indicators] == [
        ("output", "quantity"), ("output", "quality"), ("output", "timeliness"), ("output", "cost"),
        ("benefit", "economic"), ("benefit", "sustainability"), ("satisfaction", "satisfaction")]
    assert not any(i.levels_inferred for i in r.indicators)


def test_values_keep_document_units(tmp_path):
    r = _read(tmp_path, "gb18030")
    farmland = r.indicators[0]
    assert (farmland.target, farmland.unit, farmland.actual) == (D("2"), "万亩", D("2.1"))
    cost = r.indicators[3]
    assert (cost.operator, cost.target, cost.unit) == ("<=", D("1500"), "元/亩")


def test_weights_scores_reason_and_total_row(tmp_path):
    r = _read(tmp_path, "gb18030")
    assert [i.weight for i in r.indicators] == [D(x) for x in ("20", "10", "10", "10", "15", "15", "10")]
    assert r.indicators[4].stated_score == D("13.5")
    assert r.indicators[4].deviation_reason.startswith("受旱情影响")
    assert r.indicators[0].deviation_reason is None
    assert r.stated_total == D("98")
    assert len(r.indicators) == 7  # the 总分 row is not an indicator


def test_stated_weights_drive_the_score(tmp_path):
    card = score_report(_read(tmp_path, "gb18030"), load_policy())
    assert r2(card.budget) == D("9.50")
    assert {k: r2(v) for k, v in card.pools.items()} == {"output": D("50.00"), "benefit": D("28.50"),
                                                         "satisfaction": D("10.00")}
    assert r2(card.total) == D("98.00")


def test_metadata(tmp_path):
    r = _read(tmp_path, "gb18030")
    assert r.title == "某县农业农村局2023年度项目支出绩效自评报告"
    assert r.recipient == "县财政局"
    assert r.organization == "某县农业农村局"
    assert r.fiscal_year == 2023 and r.kind == "project"
