"""The seed report (one cell per line, tab-prefixed, budget in prose) reads and scores as scoring.md says."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal as D

import pytest

from jixiao.policy import load_policy
from jixiao.readers import read_report
from jixiao.scoring import score_report
from jixiao.serialize import r2
from tests.conftest import SAMPLE


@pytest.fixture(scope="module")
def sample():
    fmt, report = read_report(SAMPLE)
    return fmt, report, score_report(report, load_policy("mof-2020"))


def test_metadata(sample):
    fmt, r, _ = sample
    assert fmt == "text"
    assert r.title == "公安厅交管局转移支付2023年度绩效自评报告"
    assert r.organization == "西藏自治区公安厅公安交通管理局"
    assert r.recipient == "自治区财政厅"
    assert r.fiscal_year == 2023
    assert r.kind == "transfer_payment"


def test_thirty_indicators_with_operators(sample):
    _, r, _ = sample
    assert len(r.indicators) == 30
    assert Counter(i.operator for i in r.indicators) == {">=": 16, "=": 4, "<=": 6, "qualitative": 4}


def test_budget_from_prose(sample):
    _, r, card = sample
    b = r.budget
    assert (b.annual, b.executed, b.stated_execution_rate) == (D("1070.07"), D("838.41"), D("78.35"))
    assert b.origin == "prose"
    assert r2(b.execution_rate) == D("78.35")
    assert r2(card.budget) == D("7.84")


def test_bandwidth_keeps_unit_m(sample):
    _, r, _ = sample
    bw = next(i for i in r.indicators if i.name == "带宽")
    assert (bw.operator, bw.target, bw.unit, bw.actual) == ("=", D("100"), "M", D("100"))
    assert bw.target_text == "100M"


def test_maintenance_cost_row(sample):
    _, r, card = sample
    k, ind = next((k, i) for k, i in enumerate(r.indicators) if i.name.endswith("维保") and i.unit == "万元")
    assert (ind.operator, ind.target, ind.actual) == ("<=", D("236.87"), D("164.07"))
    assert card.indicators[k].met is True


def test_levels_inferred(sample):
    _, r, _ = sample
    assert Counter(i.level1 for i in r.indicators) == {"output": 23, "benefit": 5, "satisfaction": 2}
    assert all(i.levels_inferred for i in r.indicators)
    assert next(i for i in r.indicators if i.name == "正常使用年限").level2 == "sustainability"


def test_scores_pools_total_grade(sample):
    _, _, card = sample
    assert {k: r2(v) for k, v in card.pools.items()} == {"output": D("50.00"), "benefit": D("30.00"),
                                                         "satisfaction": D("10.00")}
    assert r2(card.total) == D("97.84")
    assert card.grade == "优"
    assert all(s.met for s in card.indicators)


def test_narrative_sections(sample):
    _, r, _ = sample
    titles = [s.title for s in r.sections if s.level == 1]
    assert titles[:5] == ["一、绩效目标分解下达情况", "二、绩效情况分析", "三、偏离绩效目标的原因和下一步改进措施",
                          "四、绩效自评结果拟应用和公开情况", "五、其他需要说明的问题"]
    dev = r.section("偏离绩效目标")
    assert dev is not None and "完成绩效目标的90%" in dev.text
    assert r.section("其他需要说明").text.strip() == "无"
