"""Header rows: one pass over a row says whether it heads an indicator table, a fund table, or neither."""

from __future__ import annotations

from jixiao.readers.headers import header_maps, is_fund_header, is_header_word, is_indicator_header, match

INDICATOR_HEADER = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "分值", "得分",
                    "偏差原因分析及改进措施"]
FUND_HEADER = ["资金（万元）", "年初预算数(A)", "全年预算数(B)", "全年执行数(C)", "分值", "执行率(C/B)", "得分"]
DATA_ROW = ["产出指标", "数量指标", "巡逻里程", "≥", "1000", "公里", "1020", "10", "10", ""]


def test_indicator_header() -> None:
    imap, fmap = header_maps(INDICATOR_HEADER)
    assert imap == {"level1": 0, "level2": 1, "name": 2, "operator": 3, "target": 4, "unit": 5, "actual": 6,
                    "weight": 7, "score": 8, "reason": 9}
    assert fmap is None
    assert is_indicator_header(INDICATOR_HEADER) == imap
    assert is_fund_header(INDICATOR_HEADER) is None


def test_fund_header() -> None:
    imap, fmap = header_maps(FUND_HEADER)
    assert imap is None
    assert fmap == {"initial": 1, "annual": 2, "executed": 3, "weight": 4, "rate": 5, "score": 6}
    assert is_fund_header(FUND_HEADER) == fmap


def test_data_row_heads_nothing() -> None:
    assert header_maps(DATA_ROW) == (None, None)


def test_a_row_naming_indicators_is_no_fund_header() -> None:
    row = ["指标名称", "年初预算数", "全年预算数", "全年执行数"]
    assert header_maps(row) == (None, None)


def test_first_column_of_a_field_wins() -> None:
    imap, _ = header_maps(["三级指标", "指标名称", "年度指标值", "实际完成值", "实际值"])
    assert imap == {"name": 0, "target": 2, "actual": 3}


def test_longest_contained_synonym_and_long_cells() -> None:
    assert match("全年预算数(A)", "fund") == "annual"
    assert match("预算执行率（%）", "fund") == "rate"
    assert match("年度 指标值", "indicator") == "target"
    assert match("本项目年度指标值均已按计划全部完成并通过验收", "indicator") is None  # a sentence, not a header
    assert match("1000", "indicator") is None


def test_header_words() -> None:
    assert is_header_word("\t实际完成值")
    assert is_header_word("度量单位")
    assert not is_header_word("巡逻里程")
    assert not is_header_word("")
