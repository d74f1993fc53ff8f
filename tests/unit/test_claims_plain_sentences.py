"""N01 on values stated in plain sentences (全年实际完成…, 累计完成…, 达到…), in Chinese numerals
(百分之九十五, 三座), and on the numbers in such sentences that are not values of the indicator
(dates, money, ordinals, ranges, parts, changes, approximations)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao.claims import extract_value_claims, indicator_claims
from jixiao.model import Indicator
from jixiao.review import load_words
from tests.review_factory import of, q, run
from tests.unit.test_rules_narrative import narrated

WORDS = load_words()


def table() -> list[Indicator]:
    """A table like the generated reports': rates, counts in 座/户/人次, a cost per 亩, numbered names."""
    return [
        q("资金拨付及时率", ">=", "95", "76", "%", level2="timeliness", deviation_reason="审批流程较长"),
        q("污水处理设施", ">=", "3", "3", "座"),
        q("社会公众满意度", ">=", "90", "92", "%", "satisfaction", "satisfaction"),
        q("亩均投资", "<=", "3000", "2670", "元/亩", level2="cost"),
        q("培训农民", ">=", "500", "520", "人次"),
        q("设备完好率", "=", "95", "96", "%", level2="quality"),
        q("危房改造", ">=", "100", "80", "户", deviation_reason="实际需求少于预期"),
        q("开工及时率", ">=", "90", "95", "%", level2="timeliness"),
        q("开工及时率（2）", ">=", "94", "100", "%", level2="timeliness"),
    ]


def n01(text: str) -> list[tuple[str, D]]:
    """(indicator, stated value) of every N01 finding on ``text`` against :func:`table`."""
    return [(f.evidence["indicator"], f.evidence["stated_value"]) for f in of(run(narrated(text, *table())), "N01")]


def claimed(text: str) -> list[tuple[str, D, bool]]:
    """(indicator, value, consistent) of every claim ``text`` makes about :func:`table`."""
    return [(ic.indicator, ic.value, ic.consistent) for ic in indicator_claims(narrated(text, *table()), WORDS)]


# ---------------------------------------------------------------- fires


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("其中资金拨付及时率全年实际完成60%。", [("资金拨付及时率", D(60))]),  # 资金/拨付 are inside the name
        ("其中污水处理设施全年实际完成7座。", [("污水处理设施", D(7))]),  # 座 is a unit
        ("全年累计完成污水处理设施七座。", [("污水处理设施", D(7))]),
        ("本年度共完成危房改造90户，群众反映良好。", [("危房改造", D(90))]),
        ("完成了培训农民600人次。", [("培训农民", D(600))]),
        ("亩均投资全年实际完成4501元/亩。", [("亩均投资", D(4501))]),
        ("设备完好率完成率达到98%。", [("设备完好率", D(98))]),
    ],
)
def test_plain_statement_of_another_value_fires(text: str, expected: list[tuple[str, D]]) -> None:
    assert n01(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("资金拨付及时率全年实际完成百分之六十。", [("资金拨付及时率", D(60))]),
        ("设备完好率达到百分之九十八。", [("设备完好率", D(98))]),
        ("社会公众满意度达到九十五个百分点。", [("社会公众满意度", D(95))]),
        ("危房改造全年实际完成一百二十户。", [("危房改造", D(120))]),
    ],
)
def test_chinese_numerals_fire(text: str, expected: list[tuple[str, D]]) -> None:
    assert n01(text) == expected


def test_numbered_name_is_matched_to_its_own_indicator() -> None:
    # the table has 开工及时率 (95 %) and 开工及时率（2）(100 %): the counter names the second
    [finding] = of(run(narrated("其中开工及时率（2）全年实际完成75%。", *table())), "N01")
    assert finding.evidence["indicator"] == "开工及时率（2）"
    assert finding.message == (
        "指标“开工及时率（2）”：报告正文称“其中开工及时率（2）全年实际完成75%”，表中目标值≥94%、完成值100%，前后矛盾。"
    )
    assert n01("其中开工及时率全年实际完成75%。") == [("开工及时率", D(75))]


def test_message_quotes_the_plain_sentence() -> None:
    [finding] = of(run(narrated("其中污水处理设施全年实际完成7座。", *table())), "N01")
    assert finding.message == (
        "指标“污水处理设施”：报告正文称“其中污水处理设施全年实际完成7座”，表中目标值≥3座、完成值3座，前后矛盾。"
    )
    assert finding.evidence["stated_unit"] == "座"


# ---------------------------------------------------------------- agrees: a claim, but consistent


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("资金拨付及时率全年实际完成76%。", ("资金拨付及时率", D(76), True)),
        ("其中污水处理设施全年实际完成三座。", ("污水处理设施", D(3), True)),
        ("资金拨付及时率全年实际完成百分之七十六。", ("资金拨付及时率", D(76), True)),
        ("社会公众满意度达到百分之九十以上。", ("社会公众满意度", D(90), True)),  # a bound the actual meets
        ("累计完成危房改造80户。", ("危房改造", D(80), True)),
        ("共完成培训农民520人次。", ("培训农民", D(520), True)),
        ("设备完好率为九十六%。", ("设备完好率", D(96), True)),
    ],
)
def test_plain_statement_of_the_table_value_is_a_consistent_claim(
    text: str, expected: tuple[str, D, bool]
) -> None:
    assert claimed(text) == [expected]
    assert n01(text) == []


# ---------------------------------------------------------------- numbers that are not values


@pytest.mark.parametrize(
    "text",
    [
        "2023年共完成污水处理设施建设任务。",  # a year
        "二〇二三年完成污水处理设施建设。",  # a year in Chinese numerals
        "危房改造工作于十二月全部完成。",  # a month
        "项目总投资500万元，其中污水处理设施投入资金300万元。",  # money, and 投入资金 is no indicator
        "危房改造资金100万元，户均补助1万元。",  # money for a count
        "第3季度完成污水处理设施主体工程，第2座于10月开工。",  # ordinals
        "社会公众满意度在90%-95%之间。",  # a range
        "社会公众满意度为90%～95%。",
        "污水处理设施覆盖3个乡镇、12个行政村。",  # other things counted (个, not 座)
        "改造危房80户，占计划的80%。",
    ],
)
def test_dates_money_ordinals_ranges_make_no_claim(text: str) -> None:
    assert claimed(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "污水处理设施中有2座已投入运行。",  # a part of the whole
        "污水处理设施其中2座已投入运行。",
        "污水处理设施2座已开工，1座正在建设。",  # the value does not end its clause: a description
        "新建污水处理设施1座，改造污水处理设施2座。",  # two values for one indicator in one sentence
        "危房改造实行一户一档管理。",  # a Chinese numeral inside a phrase
        "本项目包含四个部分，污水处理设施按一县一座布局。",
        "社会公众满意度95%以上的目标已实现。",  # 的: a target named, not a value stated
        "资金拨付及时率低于95%的原因是审批流程较长。",
    ],
)
def test_parts_breakdowns_and_phrases_make_no_claim(text: str) -> None:
    assert claimed(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "社会公众满意度提高2个百分点。",  # a change, not a level
        "社会公众满意度较年初提升3%。",
        "社会公众满意度比上年提高两个百分点。",
        "资金拨付及时率较上年提高了5个百分点。",
        "设备完好率由90%提高到98%。",
        "资金拨付及时率从95%下降至76%。",
        "亩均投资约2800元/亩。",  # approximate
        "亩均投资大约2800元/亩左右。",
        "培训农民近600人次。",
        "去年社会公众满意度为85%。",  # another year
    ],
)
def test_changes_approximations_and_other_years_make_no_claim(text: str) -> None:
    assert n01(text) == []


def test_ambiguous_plain_claim_is_dropped() -> None:
    # 及时率 could be 资金拨付及时率 or 开工及时率: no guess
    assert claimed("及时率全年实际完成60%。") == []


def test_value_claims_read_chinese_numerals_through_values() -> None:
    text = "污水处理设施全年实际完成三座，满意度达到百分之九十五，覆盖率提高二十个百分点。"
    claims = extract_value_claims(text, WORDS)
    got = [(c.subject, c.operator, c.number, c.unit) for c in claims]
    assert got == [("污水处理设施全年实际完成", "", D(3), "座"), ("满意度", ">=", D(95), "%")]


# ---------------------------------------------------------------- achieved, not planned: must be the actual


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the target restated as what was done, while the table says 80 of 100 (and 76 % of 95 %)
        ("本年度共完成危房改造100户。", [("危房改造", D(100))]),
        ("危房改造已完成100户，全面完成年度任务。", [("危房改造", D(100))]),
        ("资金拨付及时率实际达到95%。", [("资金拨付及时率", D(95))]),
    ],
)
def test_the_target_stated_as_achieved_fires(text: str, expected: list[tuple[str, D]]) -> None:
    assert n01(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "计划完成危房改造100户。",  # the plan, not the result
        "年度目标为完成危房改造100户。",
        "危房改造100户，资金拨付及时率95%。",  # no verb of achievement: may restate the targets
        "按照要求，共完成危房改造任务100户中的80户。",
    ],
)
def test_the_target_stated_as_planned_does_not_fire(text: str) -> None:
    assert n01(text) == []
