"""N rules stated for mutation testing (issue 10): how a message shows the table's value and lists
unmet indicators, and which clauses say the money was all paid."""

from __future__ import annotations

from decimal import Decimal as D

from jixiao.model import Budget, Finding, Indicator, Section
from jixiao.policy import load_policy
from jixiao.review import ReviewContext, load_words
from jixiao.review.narrative import _money_full_claims, _names, _table_value
from jixiao.scoring import score_report
from tests.review_factory import clean_report, of, q, run
from tests.unit.test_rules_narrative import narrated


def test_the_table_value_shows_the_operator_once() -> None:
    written = Indicator(name="故障修复时间", operator="<=", target=D(24), target_text="≤24", actual=D(30),
                        actual_text="30", unit="小时")
    assert _table_value(written) == "表中目标值≤24小时、完成值30小时"
    bare = Indicator(name="故障修复时间", operator="<=", target=D(24), target_text="24", actual=D(30),
                     actual_text="30", unit="小时")
    assert _table_value(bare) == "表中目标值≤24小时、完成值30小时"
    worded = Indicator(name="故障修复时间", operator="<=", target=D(24), target_text="不超过24", actual=D(30),
                       actual_text="30", unit="小时")
    assert _table_value(worded) == "表中目标值不超过24小时、完成值30小时"
    equal = Indicator(name="监测覆盖乡镇", operator="=", target=D(30), target_text="30", actual=D(28),
                      actual_text="28", unit="个")
    assert _table_value(equal) == "表中目标值30个、完成值28个"  # "=" is not printed


def test_unmet_indicators_are_listed_up_to_five_then_counted() -> None:
    items = [(i, q(f"指标{i}", ">=", "10", "8", "个")) for i in range(6)]
    assert _names(items[:5]) == "“指标0”、“指标1”、“指标2”、“指标3”、“指标4”"
    assert _names(items) == "“指标0”、“指标1”、“指标2”、“指标3”、“指标4”等6个指标"


def _ctx(title: str, body: str) -> ReviewContext:
    report = clean_report()
    report.sections = [Section("一", title, 1, body)]
    policy = load_policy()
    return ReviewContext(report=report, card=score_report(report, policy), policy=policy, words=load_words())


def test_a_clause_that_opens_with_all_paid_is_a_claim_and_a_negated_one_is_not() -> None:
    claims = _money_full_claims(_ctx("一、资金投入情况", "项目资金年初下达，全部拨付到位。"))
    assert [(c.kind, c.phrase, c.clause, c.section) for c in claims] == [
        ("full", "全部拨付", "全部拨付到位", "一、资金投入情况")
    ]
    assert _money_full_claims(_ctx("一、资金投入情况", "截至年底，未全部拨付到位。")) == []
    assert _money_full_claims(_ctx("一、资金投入情况", "截至年底，资金没有全部拨付到位。")) == []
    assert _money_full_claims(_ctx("一、资金投入情况", "下一步，确保资金全部拨付到位。")) == []  # an intent


# --- whole findings -----------------------------------------------------------------------------

def whole(f: Finding) -> tuple[str, str, str, dict[str, object]]:
    return f.severity, f.where, f.message, f.evidence


def test_n01_whole_with_the_other_statements_of_the_same_indicator() -> None:
    r = narrated("系统验收合格率100%，系统正常使用率100%。系统验收合格率达到100%。",
                 q("系统验收合格率", "=", "98", "98", "%"))
    [f] = of(run(r), "N01")
    assert whole(f) == (
        "warning", "narrative", "指标“系统验收合格率”：报告正文称100%，表中目标值98%、完成值98%，前后矛盾。",
        {"indicator": "系统验收合格率", "index": 0, "stated": "100%", "stated_value": D(100), "stated_unit": "%",
         "stated_term": "系统验收合格率", "matched_by": "name", "target": D(98), "actual": D(98), "unit": "%",
         "sentence": "系统验收合格率100%，系统正常使用率100%", "section": "二、绩效情况分析",
         "other_statements": ["系统验收合格率达到100%"]},
    )


def test_n01_quotes_the_claim_when_it_names_the_indicator_otherwise() -> None:
    r = narrated("要求系统可持续使用不低于5年。", q("正常使用年限", ">=", "1", "1", "年", "benefit", "sustainability"))
    [f] = of(run(r), "N01")
    assert f.message == ("指标“正常使用年限”：报告正文称“要求系统可持续使用不低于5年”，"
                         "表中目标值≥1年、完成值1年，前后矛盾。")
    assert f.evidence["stated_term"] == "系统可持续使用" and f.evidence["matched_by"] == "synonym"


def test_n02_whole_partial_and_full() -> None:
    [f] = of(run(narrated("项目部分目标未完成。", q("站点", ">=", "10", "10", "个"))), "N02")
    assert whole(f) == (
        "warning", "narrative", "报告正文称“项目部分目标未完成”，但指标表中2个指标全部完成，"
        "正文与指标完成情况前后矛盾。",
        {"claim": "partial", "phrases": ["未完成"], "sentences": ["项目部分目标未完成"], "indicators": 2, "unmet": 0},
    )
    r = narrated("各项任务均已完成。", q("站点", ">=", "10", "8", "个", deviation_reason="征地延误"),
                 q("培训", ">=", "10", "12", "期"))
    [f] = of(run(r), "N02")
    assert whole(f) == (
        "warning", "narrative", "报告正文称“各项任务均已完成”，但指标“站点”未完成，正文与指标完成情况前后矛盾。",
        {"claim": "full", "phrases": ["均已完成"], "sentences": ["各项任务均已完成"], "unmet_indicators": ["站点"],
         "excepted": []},
    )


def test_n03_whole() -> None:
    r = narrated("本项目暂无问题。", q("站点", ">=", "10", "8", "个", deviation_reason="征地延误"),
                 budget=Budget(annual=D(1000), executed=D(800)))
    [f] = of(run(r), "N03")
    assert whole(f) == (
        "warning", "narrative", "报告称“本项目暂无问题”，但预算执行率仅80.00%（低于90%），"
        "指标“站点”未完成，与实际情况不符。",
        {"phrases": ["暂无问题"], "sentences": ["本项目暂无问题"], "execution_rate": D("80.00"), "threshold": D(90),
         "unmet_indicators": ["站点"]},
    )


def test_n02_whole_without_a_table() -> None:
    r = clean_report()
    r.indicators = []
    r.sections = [Section("一", "一、总体情况", 1, "活动完成率达到100%。"),
                  Section("二", "二、问题", 1, "因受疫情影响，部分项目未能按照设定的时效指标完成。")]
    [f] = of(run(r), "N02")
    assert whole(f) == (
        "warning", "narrative",
        "报告正文称“活动完成率达到100%”，又称“部分项目未能按照设定的时效指标完成”，完成情况前后矛盾，请核实并如实表述。",
        {"claim": "both", "phrases": ["完成率达到100%", "未能按照"],
         "sentences": ["活动完成率达到100%", "因受疫情影响，部分项目未能按照设定的时效指标完成"], "indicators": 0},
    )


def test_n04_whole() -> None:
    r = clean_report()
    r.sections.append(Section("六", "六、其他", 1, "本项目为省对下专项转移支付项目，资金全部为市级财政资金。"))
    [f] = of(run(r), "N04")
    assert whole(f) == (
        "warning", "narrative",
        "报告称本项目为“省对下专项转移支付”项目，又称资金“全部为市级财政资金”，资金来源与项目性质前后矛盾，"
        "请核实资金来源（上级转移支付资金与本级财政资金）并如实填报。",
        {"transfer": "省对下专项转移支付", "own_funds": "全部为市级财政资金", "transfer_level": "省",
         "funds_level": "市"},
    )
    r.sections[-1] = Section("六", "六、其他", 1, "本项目为省对下专项转移支付项目，资金全部为本级财政资金。")
    assert of(run(r), "N04")[0].evidence["funds_level"] == "本"  # 本级 is always lower than a transfer


def test_n03_quotes_two_claims_at_most() -> None:
    r = narrated("本项目暂无问题。项目未偏离绩效目标。不存在问题。",
                 q("站点", ">=", "10", "8", "个", deviation_reason="征地延误"),
                 budget=Budget(annual=D(1000), executed=D(800)))
    [f] = of(run(r), "N03")
    assert f.message.startswith("报告称“本项目暂无问题”“项目未偏离绩效目标”，但")
    assert f.evidence["phrases"] == ["暂无问题", "未偏离", "不存在问题"]


def test_an_indicator_without_any_target_is_not_unmet() -> None:
    no_target = q("群众反映问题", ">=", "", "8", "件", deviation_reason="")
    r = narrated("本项目暂无问题。", q("站点", ">=", "10", "12", "个"), no_target)
    assert of(run(r), "N03") == []


def test_n03_an_unmet_indicator_with_a_target_read_as_a_number_is_unmet() -> None:
    ind = q("站点", ">=", "10", "8", "个", deviation_reason="征地延误")
    ind.target_text = ""
    [f] = of(run(narrated("本项目暂无问题。", ind)), "N03")  # the budget is executed at 97 %
    assert f.evidence["unmet_indicators"] == ["站点"]


def test_n02_without_a_table_needs_a_claim_of_partial_completion() -> None:
    r = clean_report()
    r.indicators = []
    r.sections = [Section("一", "一、总体情况", 1, "活动完成率达到100%。"),
                  Section("二", "二、问题", 1, "本项目暂无问题。")]
    assert of(run(r), "N02") == []
