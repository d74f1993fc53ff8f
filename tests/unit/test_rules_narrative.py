"""N rules and the claims they read: values stated in the prose against the table (N01), claims of
partial or full completion (N02), claims of no problems (N03)."""

from __future__ import annotations

from decimal import Decimal as D

from jixiao.claims import completion_claims, extract_value_claims, indicator_claims, mentions
from jixiao.model import Budget, Indicator, Report, Section
from jixiao.review import load_words
from tests.review_factory import clean_report, codes, of, q, run

WORDS = load_words()


def narrated(text: str, *indicators: Indicator, budget: Budget | None = None) -> Report:
    """The clean report with ``indicators`` as its table and ``text`` as the only prose about them."""
    r = clean_report()
    if indicators:
        r.indicators = [*indicators, *(i for i in r.indicators if i.level2 == "cost")]  # keep a cost indicator
    if budget is not None:
        r.budget = budget
    r.sections = [
        Section("一", "一、绩效目标分解下达情况", 1, "预算年初分解下达。"),
        Section("二", "二、绩效情况分析", 1, text),
        Section("三", "三、偏离绩效目标的原因和下一步改进措施", 1, ""),
        Section("四", "四、绩效自评结果应用和公开情况", 1, "自评结果在部门网站公开。"),
        Section("五", "五、其他需要说明的问题", 1, "无"),
    ]
    return r


# ---------------------------------------------------------------- value claims


def test_value_claims_read_term_comparator_number_unit() -> None:
    claims = extract_value_claims(
        "产出目标为：电路租用及售后服务保障采购，政府采购率为100%，系统验收合格率100%,系统故障修复相应时间小于2小时。",
        WORDS,
    )
    got = [(c.subject, c.operator, c.number, c.unit) for c in claims]
    assert got == [
        ("政府采购率", "", D(100), "%"),
        ("系统验收合格率", "", D(100), "%"),
        ("系统故障修复相应时间", "<", D(2), "小时"),
    ]


def test_value_claims_split_one_value_for_two_names() -> None:
    [claim] = extract_value_claims("社会公众满意度和网络使用人员满意度不低于95%。", WORDS)
    assert claim.terms == ("社会公众满意度", "网络使用人员满意度")
    assert claim.operator == ">=" and claim.number == D(95) and claim.text == "不低于95%"


def test_value_claims_skip_shares_of_goals_money_and_years() -> None:
    text = ("其中链路租赁项目完成绩效目标的90%。截止2023年底已投入90%。全年预算数1070.07万元。"
            "于12月前按合同约定已支付90%，剩余10%需等结算审计后支付。")
    assert extract_value_claims(text, WORDS) == []


def test_indicator_claims_match_by_name_synonym_and_key_terms() -> None:
    r = narrated(
        "系统验收合格率100%，系统故障修复相应时间小于2小时，系统故障响应时间小于15分钟。要求系统可持续使用不低于5年。",
        q("系统验收合格率", "=", "98", "98", "%"),
        q("项目维保验收合格率", "=", "98", "98", "%"),
        q("系统故障修复时间", "<=", "2", "2", "小时"),
        q("系统故障修复响应时间", "<=", "15", "15", "分钟"),
        q("正常使用年限", ">=", "1", "1", "年", "benefit", "sustainability"),
    )
    got = {(ic.indicator, ic.how, ic.consistent) for ic in indicator_claims(r, WORDS)}
    assert got == {
        ("系统验收合格率", "name", False),
        ("系统故障修复时间", "key_terms", True),  # 相应时间 (a typo) in 小时 goes to the 小时 indicator
        ("系统故障修复响应时间", "key_terms", True),
        ("正常使用年限", "synonym", False),
    }


def test_indicator_claims_do_not_match_a_different_metric() -> None:
    r = narrated("政府采购率为100%。", q("系统正常使用率", ">=", "98", "98", "%"))
    assert indicator_claims(r, WORDS) == []


def test_indicator_claims_drop_ambiguous_matches() -> None:
    r = narrated("验收合格率100%。", q("系统验收合格率", "=", "98", "98", "%"),
                 q("项目维保验收合格率", "=", "98", "98", "%"))
    assert indicator_claims(r, WORDS) == []


# ---------------------------------------------------------------- N01


def test_n01_fires_on_contradicting_value() -> None:
    r = narrated("系统验收合格率100%，系统正常使用率100%。", q("系统验收合格率", "=", "98", "98", "%"),
                 q("系统正常使用率", ">=", "98", "98", "%"))
    found = of(run(r), "N01")
    assert [f.evidence["indicator"] for f in found] == ["系统验收合格率", "系统正常使用率"]
    assert found[0].message == "指标“系统验收合格率”：报告正文称100%，表中目标值98%、完成值98%，前后矛盾。"
    assert found[0].where == "narrative"
    assert found[0].evidence["sentence"] == "系统验收合格率100%，系统正常使用率100%"


def test_n01_one_value_two_indicators_gives_two_findings() -> None:
    r = narrated("社会公众满意度和网络使用人员满意度不低于95%。",
                 q("社会公众满意度", ">=", "80", "80", "%", "satisfaction", "satisfaction"),
                 q("网络使用人员满意度", ">=", "85", "85", "%", "satisfaction", "satisfaction"))
    found = of(run(r), "N01")
    assert [(f.evidence["indicator"], f.evidence["actual"]) for f in found] == [
        ("社会公众满意度", D(80)), ("网络使用人员满意度", D(85))]
    assert "社会公众满意度和网络使用人员满意度不低于95%" in found[1].message
    assert "目标值≥85%、完成值85%" in found[1].message


def test_n01_fires_through_synonym_and_unit_conversion() -> None:
    r = narrated("要求系统可持续使用不低于5年。故障修复时间不超过2小时。",
                 q("正常使用年限", ">=", "1", "1", "年", "benefit", "sustainability"),
                 q("故障修复时间", "<=", "60", "180", "分钟", level2="timeliness",
                   deviation_reason="偏远站点路途远"))
    found = of(run(r), "N01")
    assert [f.evidence["indicator"] for f in found] == ["正常使用年限", "故障修复时间"]
    assert found[0].evidence["matched_by"] == "synonym"
    assert "系统可持续使用不低于5年" in found[0].message


def test_n01_silent_when_prose_agrees() -> None:
    r = narrated("群众满意度超过90%，故障修复时间平均2天，设备验收合格率97%。",
                 q("群众满意度", ">=", "90", "95", "%", "satisfaction", "satisfaction"),
                 q("故障修复时间", "<=", "48", "48", "小时", level2="timeliness"),
                 q("设备验收合格率", ">=", "95", "97", "%", level2="quality"))
    assert "N01" not in codes(run(r))


def test_n01_silent_on_last_year_and_changes() -> None:
    r = narrated("去年群众满意度为85%，今年满意度提高了3%。",
                 q("群众满意度", ">=", "90", "93", "%", "satisfaction", "satisfaction"))
    assert "N01" not in codes(run(r))


def test_n01_silent_on_clean_report_and_unrelated_values() -> None:
    assert "N01" not in codes(run(clean_report()))
    r = narrated("政府采购率为100%。项目完成绩效目标的90%。2023年投入使用。",
                 q("系统正常使用率", ">=", "98", "98", "%"), q("设备使用年限", ">=", "5", "5", "年"))
    assert "N01" not in codes(run(r))


# ---------------------------------------------------------------- N02


def test_completion_claims_kinds() -> None:
    r = narrated("链路项目完成绩效目标的90%，维保项目因招投标流程慢导致完成率低。各项任务均已完成。本项目暂无问题。")
    kinds = [(c.kind, c.phrase) for c in completion_claims(r, WORDS)]
    assert ("partial", "完成绩效目标的90%") in kinds
    assert ("partial", "完成率低") in kinds
    assert ("full", "均已完成") in kinds
    assert ("no_problem", "暂无问题") in kinds


def test_n02_fires_when_prose_says_partly_missed_but_all_met() -> None:
    r = narrated("链路项目完成绩效目标的90%。维保项目因招投标流程慢导致完成率低。",
                 q("站点", ">=", "10", "10", "个"), q("培训", ">=", "5", "6", "期"))
    found = of(run(r), "N02")
    assert len(found) == 1
    assert found[0].evidence["claim"] == "partial"
    assert "“链路项目完成绩效目标的90%”" in found[0].message and "3个指标全部完成" in found[0].message


def test_n02_fires_when_prose_says_all_done_but_some_unmet() -> None:
    r = narrated("本年度各项绩效目标均已完成。", q("站点", ">=", "10", "10", "个"),
                 q("培训", ">=", "5", "3", "期", deviation_reason="师资不足"))
    found = of(run(r), "N02")
    assert len(found) == 1
    assert found[0].evidence["claim"] == "full"
    assert found[0].evidence["unmet_indicators"] == ["培训"]
    assert "“培训”未完成" in found[0].message


def test_n02_silent_when_partial_claim_matches_unmet_indicator() -> None:
    assert "N02" not in codes(run(clean_report()))  # 数据上报及时率未完成, and it is unmet


def test_n02_silent_on_section_title_words_and_intent() -> None:
    r = narrated("偏离绩效目标的原因：无。下一步力争全部完成。", q("站点", ">=", "10", "10", "个"),
                 q("培训", ">=", "5", "3", "期", deviation_reason="师资不足"))
    assert "N02" not in codes(run(r))
    r2 = narrated("项目未偏离绩效目标。", q("站点", ">=", "10", "10", "个"))
    assert "N02" not in codes(run(r2))


# ---------------------------------------------------------------- N03


def test_n03_fires_on_no_problem_claim_with_low_execution() -> None:
    r = narrated("项目实施顺利，暂无问题。", q("站点", ">=", "10", "10", "个"),
                 budget=Budget(annual=D("1070.07"), executed=D("838.41")))
    found = of(run(r), "N03")
    assert len(found) == 1
    assert "“项目实施顺利”" not in found[0].message and "“暂无问题”" in found[0].message
    assert "78.35%" in found[0].message


def test_n03_fires_on_no_deviation_claim_with_unmet_indicator() -> None:
    r = narrated("本项目未偏离绩效目标。", q("站点", ">=", "10", "10", "个"),
                 q("培训", ">=", "5", "3", "期", deviation_reason="师资不足"))
    found = of(run(r), "N03")
    assert len(found) == 1
    assert found[0].evidence["unmet_indicators"] == ["培训"]
    assert "“培训”未完成" in found[0].message and "本项目未偏离绩效目标" in found[0].message


def test_n03_silent_on_bare_none_under_other_matters() -> None:
    r = clean_report()  # its 其他需要说明的问题 says 无, and one indicator is unmet
    r.budget = Budget(annual=D("1000"), executed=D("700"))
    assert "N03" not in codes(run(r))


def test_n03_silent_when_nothing_is_wrong() -> None:
    r = narrated("项目实施顺利，暂无问题。", q("站点", ">=", "10", "10", "个"))
    assert "N03" not in codes(run(r))


# ---------------------------------------------------------------- mentions (I02)


def test_mentions_by_name_or_a_run_of_its_characters() -> None:
    assert mentions("巡检次数未达目标", "巡检次数", WORDS)
    assert mentions("应急演练因疫情取消两次", "应急演练次数", WORDS)
    assert not mentions("资金拨付较慢", "应急演练次数", WORDS)
    assert mentions("群众满意度不高", "社会公众满意度", WORDS)  # lenient on purpose: I02 is an error
    assert not mentions("满意度调查样本偏少", "社会公众满意度", WORDS)
