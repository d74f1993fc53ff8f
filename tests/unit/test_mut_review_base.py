"""The review engine's shared helpers, stated as rules (issue 10, mutation testing of review/).

How a name is shortened in a message, how a value and a percentage are shown, which sentence is quoted
as a stated reason and how long the quote may be, which figures an error rests on when the reader was
not sure of them, and which findings are grouped under their cause."""

from __future__ import annotations

from decimal import Decimal as D

from jixiao.model import Budget, Finding, Indicator, Provenance, Report, Section
from jixiao.policy import load_policy
from jixiao.review import ReviewContext, load_words
from jixiao.review.base import (
    _honour_provenance,
    contains_any,
    fmt_num,
    pct,
    reason_words,
    rounded,
    short,
    split_causes,
    stated_reason,
    value_text,
)
from jixiao.scoring import score_report
from tests.review_factory import clean_report


def ctx_of(report: Report) -> ReviewContext:
    policy = load_policy()
    return ReviewContext(report=report, card=score_report(report, policy), policy=policy, words=load_words())


def with_prose(*bodies: str) -> Report:
    report = clean_report()
    report.sections = [Section(str(i), f"{i}、情况说明", 1, body) for i, body in enumerate(bodies, start=1)]
    return report


# --- how names, values and percentages are shown -------------------------------------------------

def test_short_keeps_a_name_of_twenty_characters_and_cuts_a_longer_one_to_eighteen_plus_ellipsis() -> None:
    twenty = "一二三四五六七八九十一二三四五六七八九十"
    assert short(twenty) == twenty
    assert short(twenty + "多") == "一二三四五六七八九十一二三四五六七八" + "……"
    assert len(short(twenty + "多")) == 20


def test_short_collapses_runs_of_white_space_into_one_space() -> None:
    assert short("  设备\n采购   成本 ") == "设备 采购 成本"


def test_value_text_shows_the_text_as_written_and_adds_the_unit_when_it_lacks_it() -> None:
    assert value_text(" 98.50 ", D("98.5"), "%") == "98.50%"  # as written, not the parsed 98.5
    assert value_text("12个", D(12), "个") == "12个"
    assert value_text("", D("98.0"), "%") == "98%"  # no text: the number without trailing zeros
    assert value_text("", None, "个") == "—"  # nothing at all: a dash, never "—个"


def test_fmt_num_and_pct() -> None:
    assert fmt_num(D("815.310")) == "815.31"
    assert fmt_num(D("98.00")) == "98"
    assert fmt_num(None) == "—"
    assert pct(D("78.345")) == "78.35%"  # two decimals, half up
    assert pct(None) == "—%"


def test_rounded_is_half_up_at_the_given_places() -> None:
    assert rounded(D("1.005")) == D("1.01")
    assert rounded(D("2.5"), 0) == D(3)
    assert rounded(D("0.125"), 2) == D("0.13")


def test_contains_any_prefers_the_longest_term_whatever_the_container() -> None:
    terms = ["采购", "设备采购", "成本"]
    assert contains_any("设备采购成本", terms) == "设备采购"  # a list: sorted longest first
    assert contains_any("设备采购成本", tuple(terms)) == "设备采购"  # a tuple: memoised path
    long_text = "说明" * 120 + "设备采购成本"
    assert contains_any(long_text, tuple(terms)) == "设备采购"  # over 200 characters: not memoised
    assert contains_any("群众满意度", terms) is None


# --- the stated reason a rule quotes -----------------------------------------------------------

def test_stated_reason_quotes_the_cause_clause_and_the_nearest_topic_clause_only() -> None:
    ctx = ctx_of(with_prose("今年工作总体平稳，预算执行率偏低，主要原因是设备到货较晚，下一步将加快进度。"))
    got = stated_reason(ctx, reason_words(ctx, "execution_topics"))
    assert got == "预算执行率偏低，主要原因是设备到货较晚"


def test_stated_reason_reads_on_past_sentences_without_a_reason_and_empty_ones() -> None:
    ctx = ctx_of(with_prose("项目进展顺利。 。预算执行率偏低，原因是设备到货较晚。"))
    assert stated_reason(ctx, reason_words(ctx, "execution_topics")) == "预算执行率偏低，原因是设备到货较晚"


def test_stated_reason_reads_the_prose_before_the_indicators_deviation_reasons() -> None:
    report = with_prose("资金结余较多，原因是部分设备延期交付。")
    report.indicators[3].deviation_reason = "由于资金未拨付，数据上报延迟"
    ctx = ctx_of(report)
    assert stated_reason(ctx, ("结余", "未拨付")) == "资金结余较多，原因是部分设备延期交付"
    report = with_prose("项目按计划实施。")
    report.indicators[3].deviation_reason = "由于资金未拨付，数据上报延迟"
    assert stated_reason(ctx_of(report), ("未拨付",)) == "由于资金未拨付"


def test_stated_reason_is_cut_to_eighty_characters_with_an_ellipsis() -> None:
    long_reason = "预算执行率偏低，原因是" + "设备供应商因原材料短缺多次推迟交货" * 5
    ctx = ctx_of(with_prose(long_reason + "。"))
    got = stated_reason(ctx, reason_words(ctx, "execution_topics"))
    assert got is not None and len(got) == 80 and got.endswith("…")
    assert got[:-1] == long_reason[:79]
    exactly = "预算执行率偏低，原因是" + "资" * 69  # 80 characters: kept whole
    ctx = ctx_of(with_prose(exactly + "。"))
    assert stated_reason(ctx, reason_words(ctx, "execution_topics")) == exactly


def test_stated_reason_uses_the_cause_words_unless_told_otherwise() -> None:
    ctx = ctx_of(with_prose("预算调减200万元，根据财政局通知办理。"))
    topics = reason_words(ctx, "adjustment_topics")
    assert stated_reason(ctx, topics) is None  # 根据/通知 are adjustment causes, not cause words
    assert stated_reason(ctx, topics, causes_key="adjustment_causes") == "预算调减200万元，根据财政局通知办理"
    ctx = ctx_of(with_prose("预算调减200万元，原因是项目延期。"))
    assert stated_reason(ctx, topics) == "预算调减200万元，原因是项目延期"


def test_a_word_that_is_a_reason_by_itself_is_quoted_with_its_clause_alone() -> None:
    ctx = ctx_of(with_prose("工程已完工，剩余资金为质保金，待验收后支付。"))
    assert stated_reason(ctx, ("资金",), extra=("质保金",)) == "剩余资金为质保金"


# --- an error that rests on a figure the reader was not sure of ---------------------------------

def _unsure_report() -> Report:
    b = Budget(annual=D(100), executed=D(90))
    b.provenance = {"annual": Provenance("split", "正文第1段")}
    ind = Indicator(name="培训人数", operator=">=", target=D(100), actual=D(80), weight=D(10), stated_score=D(8))
    ind.provenance = {"stated_score": Provenance("ocr", "表2第3行第7列"), "weight": Provenance("cell", "表2")}
    return Report(budget=b, indicators=[ind])


def test_a_budget_or_score_error_on_the_whole_document_rests_on_the_unsure_budget_figures() -> None:
    r = _unsure_report()
    b = _honour_provenance(r, Finding("B06", "error", "不符。", "document"))
    assert b.severity == "warning" and b.evidence["unsure_figures"] == {"budget.annual": "split"}
    s = _honour_provenance(r, Finding("S02", "error", "不符。", "document"))
    assert s.severity == "warning"
    assert s.evidence["unsure_figures"] == {"budget.annual": "split", "indicator:0.stated_score": "ocr"}
    assert s.message == "不符。（所依据的数据系拆分连写数字、OCR纠错读出，请人工核对原表）"


def test_an_error_elsewhere_does_not_rest_on_the_indicators_scores() -> None:
    r = _unsure_report()
    r.budget.provenance = {}  # type: ignore[union-attr]
    assert _honour_provenance(r, Finding("S01", "error", "不符。", "narrative")).severity == "error"
    assert _honour_provenance(r, Finding("I02", "error", "未说明。", "document")).severity == "error"


# --- findings grouped under their cause ---------------------------------------------------------

def test_split_causes_puts_a_caused_finding_under_the_first_finding_at_its_cause() -> None:
    cause = Finding("I04", "warning", "方向填反。", "indicator:2")
    other = Finding("I04", "warning", "方向填反。", "indicator:5")
    effect = Finding("S01", "warning", "得分不符。", "indicator:2", caused_by={"code": "I04", "where": "indicator:2"})
    orphan = Finding("S01", "warning", "得分不符。", "indicator:7", caused_by={"code": "I04", "where": "indicator:7"})
    roots, children = split_causes([cause, other, effect, orphan])
    assert roots == [cause, other, orphan]
    assert children == {id(cause): [effect]}
