"""Checks a finance reviewer made by hand on the real development set (issue 10), as general rules:
T06 a name that restates its target, T07 a percentage on a name that is not a rate, I17 money spent in
full while a quantity output falls short, B10 across sentences (categories × standards), N02 with no
table, N04 a transfer funded by a lower level, T08 level percentages only — and the false alarms that
rested on reader gaps (S01 without 分值, I11 on a “—” target, T04 on 制度执行率, label-only reasons,
rows cut off after their target, unplaced values in a row)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao.model import Budget, Indicator, Section, Unplaced
from tests.review_factory import clean_report, of, q, ql, run


def with_rows(*rows):
    r = clean_report()
    r.indicators.extend(rows)
    return r


N = len(clean_report().indicators)


# --- T06 ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "target", "unit"),
                         [("每年财政补助1000万元", "1000万元", "万元"), ("1年", "1年", "年"),
                          ("建成20个监测站点", "20", "个")])
def test_t06_name_restates_target(name: str, target: str, unit: str) -> None:
    ind = q(name, ">=", target.removesuffix(unit), target.removesuffix(unit), unit)
    ind.target_text = target  # the cell as written, unit and all
    [f] = of(run(with_rows(ind)), "T06")
    assert f.where == f"indicator:{N}" and f.severity == "warning"
    assert f"三级指标名称“{name}”照搬了指标值" in f.message


@pytest.mark.parametrize(("name", "target", "unit"), [("5G基站建设数量", "5", "个"), ("新建监测站点数量", "20", "个"),
                                                     ("建成20个站点", "30", "个")])
def test_t06_not_when_the_name_does_not_hold_the_target(name: str, target: str, unit: str) -> None:
    assert of(run(with_rows(q(name, ">=", target, target, unit))), "T06") == []


# --- T07 ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "word"), [("是否满意", "是否"), ("是否解决群众看病难问题", "是否"),
                                            ("促进学校教育事业健康发展", None)])
def test_t07_percent_on_a_name_that_is_not_a_rate(name: str, word: str | None) -> None:
    [f] = of(run(with_rows(q(name, ">=", "95", "95", "%", "benefit", "social"))), "T07")
    assert f.where == f"indicator:{N}" and f.evidence["question_word"] == word
    assert ("“是否”式的问句" in f.message) is (word is not None)


@pytest.mark.parametrize("name", ["学生资助覆盖率", "受助学生占比", "群众满意度", "空气质量优良天数比例", "亩产提高"])
def test_t07_not_on_rates(name: str) -> None:
    assert of(run(with_rows(q(name, ">=", "95", "96", "%", "benefit", "social"))), "T07") == []


def test_t07_not_on_counts() -> None:
    assert of(run(with_rows(q("是否新建站点", ">=", "3", "3", "个"))), "T07") == []


# --- I17 ------------------------------------------------------------------------------------------

def full_money(*rows):
    r = with_rows(*rows)
    r.budget = Budget(annual=D("100"), executed=D("100"))
    return r


def test_i17_money_full_quantity_short() -> None:
    [f] = of(run(full_money(q("补贴发放人次", ">=", "180", "164", "人次"))), "I17")
    assert f.where == f"indicator:{N}" and "164人次" in f.message and "91.11%" in f.message
    assert f.evidence["execution_rate"] == D(100)


@pytest.mark.parametrize(("executed", "actual"), [("97", "164"), ("100", "172")])  # money not all spent; short < 5 %
def test_i17_not_when_money_left_or_shortfall_small(executed: str, actual: str) -> None:
    r = full_money(q("补贴发放人次", ">=", "180", actual, "人次"))
    r.budget = Budget(annual=D("100"), executed=D(executed))
    assert of(run(r), "I17") == []


def test_i17_not_on_benefit_or_cost_rows() -> None:
    assert of(run(full_money(q("受益人数", ">=", "180", "150", "人", "benefit", "social"))), "I17") == []


# --- B10 across sentences -------------------------------------------------------------------------

def prose_budget(text: str, executed: str):
    r = clean_report()
    r.budget = Budget(annual=D(executed), executed=D(executed), origin="table")
    r.sections.append(Section("六", "六、资金使用情况", 1, text))
    return r


CATEGORIES = ("共计救助小学生140人;初中生96人;高中生42人。小学生300元/年、初中生500元/年、高中生1000元/年;"
              "受助学生满意度达100%。")


def test_b10_categories_times_standards_against_executed() -> None:
    [f] = of(run(prose_budget(CATEGORIES, "16")), "B10")
    assert f.where == "budget" and "13.20万元" in f.message and "少2.80万元" in f.message
    assert [c["category"] for c in f.evidence["categories"]] == ["小学生", "初中生", "高中生"]


def test_b10_categories_that_add_up() -> None:
    assert of(run(prose_budget(CATEGORIES, "13.2")), "B10") == []


def test_b10_one_category_is_not_enough() -> None:
    assert of(run(prose_budget("共计救助小学生140人。小学生300元/年。", "16")), "B10") == []


# --- N02 without a table, N04, T08 -----------------------------------------------------------------

def narrative_only(*texts: str):
    r = clean_report()
    r.indicators = []
    r.sections = [Section(None, "", 0, t) for t in texts]
    return r


def test_n02_prose_claims_full_and_admits_shortfall() -> None:
    [f] = of(run(narrative_only("活动完成率达到100%。", "因受疫情影响，部分项目未能按照设定的时效指标完成。")), "N02")
    assert f.evidence["claim"] == "both" and "活动完成率达到100%" in f.message


def test_n02_prose_claim_alone_is_fine() -> None:
    assert of(run(narrative_only("活动完成率达到100%。", "下一步将继续加强管理。")), "N02") == []


def test_n02_an_plan_claim_is_a_claim() -> None:
    r = clean_report()
    r.indicators[3].deviation_reason = None
    r.sections = [Section(None, "", 0, "对照总体绩效目标，该资金项目已按照计划完成目标，达到预期效果。")]
    [f] = of(run(r), "N02")
    assert "数据上报及时率" in f.message


@pytest.mark.parametrize(("transfer", "own", "fires"), [
    ("省对下专项转移支付项目", "全部为市级财政资金", True),
    ("中央对地方转移支付项目", "均由县级财政安排", True),
    ("中央对地方转移支付项目", "全部为中央财政资金", False),
    ("市对下转移支付项目", "全部为市级财政资金", False),
])
def test_n04_transfer_funded_by_a_lower_level(transfer: str, own: str, fires: bool) -> None:
    r = clean_report()
    r.sections.append(Section("六", "六、其他", 1, f"本项目为{transfer}。资金{own}。"))
    found = of(run(r), "N04")
    assert len(found) == int(fires)
    if fires:
        assert found[0].where == "narrative" and transfer[:-2] in found[0].message


def test_t08_level_percentages_only() -> None:
    r = narrative_only("1.产出指标完成情况:100%。", "2.效益指标完成情况:100%。", "3.满意度指标完成情况:100%。")
    [f] = of(run(r), "T08")
    assert f.evidence["statements"] == ["产出指标完成情况:100%", "效益指标完成情况:100%", "满意度指标完成情况:100%"]


def test_t08_not_with_indicators() -> None:
    r = clean_report()
    r.sections.append(Section("六", "六、其他", 1, "产出指标完成情况:100%。"))
    assert of(run(r), "T08") == []


def test_t08_when_every_indicator_read_is_a_result_without_target() -> None:
    r = narrative_only("1.产出指标完成情况:100%。", "2.满意度指标完成情况:100%。")
    r.indicators = [Indicator(name="救助小学生", operator=">=", actual=D(140), actual_text="140人", unit="人"),
                    Indicator(name="学生满意度", operator=">=", actual=D(100), actual_text="100%", unit="%")]
    [f] = of(run(r), "T08")
    assert f.evidence == {"statements": ["产出指标完成情况:100%", "满意度指标完成情况:100%"],
                          "results_without_target": 2}
    assert "正文所述2项完成情况均未列出年度指标值" in f.message
    r.indicators[0].target, r.indicators[0].target_text = D(100), "100人"  # one result with a target: not T08
    assert of(run(r), "T08") == []


# --- false alarms removed --------------------------------------------------------------------------

def test_s01_not_without_a_stated_weight() -> None:
    assert of(run(with_rows(q("巡检次数", ">=", "12", "12", "次", stated_score=D(10)))), "S01") == []


def test_s01_not_on_ungradable_words() -> None:
    r = with_rows(ql("项目目标完整性", "—", "目标明确、内容细化", weight=D(4), stated_score=D(4)))
    findings = run(r)
    assert of(findings, "S01") == [] and of(findings, "I11") == []


def test_t04_policy_execution_rate_is_not_a_budget_measure() -> None:
    findings = run(with_rows(q("管理制度严格执行率", ">=", "100", "100", "%", level2="quality"),
                             q("项目资金执行率", ">=", "90", "95", "%", level2="quality")))
    assert [f.evidence["indicator"] for f in of(findings, "T04")] == ["项目资金执行率"]


@pytest.mark.parametrize(("reason", "fires"), [("指标2:", True), ("项目", True), ("投入管理", True),
                                               ("受降雨影响推迟", False)])
def test_a_label_left_in_the_reason_cell_is_no_reason(reason: str, fires: bool) -> None:
    r = with_rows(q("巡检次数", ">=", "12", "8", "次", deviation_reason=reason))
    assert len([f for f in of(run(r), "I02") if f.where == f"indicator:{N}"]) == int(fires)


def test_a_row_cut_off_after_its_target_is_a_warning() -> None:
    r = clean_report()
    for ind in r.indicators:
        ind.weight, ind.stated_score = D(8), D(8)
    r.indicators.append(q("完成设备购买并支付资金", "=", "100", "", None))
    findings = run(r)
    [f] = of(findings, "I08")
    assert f.severity == "warning" and f.evidence["row_cut_off"] is True and "可能是表格截断" in f.message
    assert of(findings, "I07") == []


def test_an_empty_actual_in_a_full_row_is_still_an_error() -> None:
    r = with_rows(q("巡检次数", ">=", "12", "", "次"))
    [f] = of(run(r), "I08")
    assert f.severity == "error" and f.evidence["row_cut_off"] is False


def test_an_unplaced_value_in_a_row_makes_its_error_a_warning() -> None:
    r = with_rows(q("绿化成本", "<=", "8", "14.8", "万元", level2="cost"))
    r.unplaced.append(Unplaced("M.", "正文第2段", "绿化成本：无法确定所属的列"))
    [f] = [f for f in of(run(r), "I02") if f.where == f"indicator:{N}"]
    assert f.severity == "warning" and "从含未归栏数值的一行中读出" in f.message


def test_budget_row_among_indicators_docked_at_full_execution_is_s05() -> None:
    r = with_rows(q("预算执行率", ">=", "—", "100", "%", weight=D(10), stated_score=D(9)))
    r.budget = Budget(annual=D("64.8"), executed=D("64.8"), origin="table")
    findings = run(r)
    [f] = [f for f in of(findings, "S05") if f.where == f"indicator:{N}"]
    assert "应得满分10分" in f.message and f.evidence["deduction"] == D(1)
    assert [x for x in of(findings, "I06") if x.where == f"indicator:{N}"] == []


def test_t03_is_info_when_the_document_names_the_category() -> None:
    r = clean_report()
    r.indicators = r.indicators[:-1]  # no 满意度 indicator
    assert [f.severity for f in of(run(r), "T03")] == ["warning"]
    r.sections.append(Section("六", "六、其他", 1, "服务对象满意度指标(10分)学生和老"))
    [f] = of(run(r), "T03")
    assert f.severity == "info" and f.evidence["category_named"] is True
