"""Narrative-only reports: budget and indicators read from the sentences units really write, with their
levels from the paragraph headings and the sentence each figure came from."""

from __future__ import annotations

from decimal import Decimal as D

from jixiao.app import evaluate
from jixiao.policy import load_policy
from jixiao.readers import report_from_text

TRANSFER = """\
某区民政局2022年度中央财政困难群众救助补助资金绩效自评报告
一、绩效目标分解下达情况
2022年下达我区中央转移支付资金（困难群众救助补助资金）85.4万元，用于特困人员供养和临时救助。
二、绩效情况分析
（一）资金投入情况分析。
投入中央直达资金85.4万，执行数80.2万，执行率93.91%。
（二）绩效指标完成情况分析。
1、产出数量指标：第一，特困人员救助供养人数年初指标值为不低于120人，全年实际完成值126人。第二，临时救助人次年初指标值为不少于300人次，全年实际完成值288人次。
2、产出时效指标：救助资金发放时间年初指标值为2022年12月底，实际在规定时间内完成。
3、产出成本指标：特困人员基本生活补助标准年初指标值为650元/人·月，实际按该标准发放。
4、社会效益指标：困难群众基本生活保障水平有所提高；社会救助兜底作用明显提升。
"""

SCHOOL = """\
某县第二中心学校2023年度项目支出绩效自评报告
（农村义务教育学生营养改善计划专项资金）
一、自评结论
通过自评，我校营养改善计划专项资金全年支付资金56.2万元，自评得分92分。
（二）绩效目标完成情况
1. 执行率情况。
2023年，我校收到上级拨付营养改善计划专项资金合计60万元，实际支付56.2万元，实际执行率为93.67%。
2. 完成的绩效目标。
产出指标完成情况。一是数量指标：2023年，我校享受营养改善计划补助学生人数1250人，实际补助1250人。二是成本指标：营养改善计划学生营养膳食补助标准指标值5元/生.天，全年实际完成值5元/生.天；营养改善计划学生营养膳食补助天数指标值200天，全年实际完成值200天。
"""

YUAN = """\
某镇卫生院基本公共卫生服务项目绩效自评报告
一、项目资金情况
该项目年初预算资金为364000元，全部为县级财政资金，全年支出364000元。
二、绩效目标完成情况
1.产出指标：65岁以上老年人健康管理人数目标值为不低于900人，实际完成值935人。
"""


def test_transfer_report_budget_and_indicators() -> None:
    r = report_from_text(TRANSFER)
    b = r.budget
    assert b is not None and b.origin == "prose"
    assert (b.annual, b.executed, b.stated_execution_rate) == (D("85.4"), D("80.2"), D("93.91"))
    assert b.provenance["executed"].how == "prose" and "执行数80.2万" in b.provenance["executed"].where
    got = [(i.name, i.operator, i.target, i.actual, i.unit, i.level1, i.level2) for i in r.indicators]
    assert got[:3] == [
        ("特困人员救助供养人数", ">=", D(120), D(126), "人", "output", "quantity"),
        ("临时救助人次", ">=", D(300), D(288), "人次", "output", "quantity"),
        ("救助资金发放时间", "qualitative", None, None, None, "output", "timeliness"),
    ]
    assert (r.indicators[2].target_text, r.indicators[2].actual_text) == ("2022年12月底", "在规定时间内完成")
    cost = r.indicators[3]
    assert (cost.name, cost.target_text, cost.actual_text, cost.level2) == (
        "特困人员基本生活补助标准", "650元/人·月", "按该标准发放", "cost")
    social = [(i.name, i.actual_text, i.level1) for i in r.indicators[4:]]
    assert social == [("困难群众基本生活保障水平", "有所提高", "benefit"), ("社会救助兜底作用", "明显提升", "benefit")]
    assert all(i.provenance["name"].how == "prose" for i in r.indicators)
    assert r.indicators[1].provenance["actual"].where.startswith("句：")


def test_transfer_report_findings_rest_on_what_it_says() -> None:
    result = evaluate(report_from_text(TRANSFER), load_policy())
    errors = [(f.code, f.where) for f in result.findings if f.severity == "error"]
    # the one real problem: 288 of 300 临时救助人次, no reason given
    assert errors == [("I02", "indicator:1")]


def test_school_report_received_and_paid() -> None:
    r = report_from_text(SCHOOL)
    b = r.budget
    assert b is not None
    assert (b.annual, b.executed, b.stated_execution_rate) == (D("60"), D("56.2"), D("93.67"))
    got = [(i.name, i.target, i.actual, i.unit, i.level2) for i in r.indicators]
    assert got == [
        ("享受营养改善计划补助学生人数", D(1250), D(1250), "人", "quantity"),
        ("营养改善计划学生营养膳食补助标准", D(5), D(5), "元/生.天", "cost"),
        ("营养改善计划学生营养膳食补助天数", D(200), D(200), "天", "cost"),
    ]


def test_amounts_in_yuan_become_wan() -> None:
    r = report_from_text(YUAN)
    assert r.budget is not None
    assert (r.budget.initial, r.budget.executed) == (D("36.4"), D("36.4"))
    assert [(i.name, i.target, i.actual) for i in r.indicators] == [("65岁以上老年人健康管理人数", D(900), D(935))]


def test_two_different_amounts_for_one_figure_are_not_guessed() -> None:
    text = ("某局2023年度项目绩效自评报告\n一、资金情况\n上级下达资金50万元，本级安排资金30万元，实际支出70万元。\n")
    r = report_from_text(text)
    assert r.budget is not None
    assert r.budget.annual is None and r.budget.executed == D("70")
    assert {u.text for u in r.unplaced} == {"50万元", "30万元"}


def test_a_part_of_the_money_is_not_the_total() -> None:
    text = ("某局2023年度项目绩效自评报告\n全年预算数为120万元，其中中央资金80万元，执行数为118万元。\n")
    r = report_from_text(text)
    assert r.budget is not None and (r.budget.annual, r.budget.executed) == (D("120"), D("118"))


def test_figures_of_people_are_not_money() -> None:
    text = ("某馆2021年度项目绩效自评报告\n全年开展活动130场，线下观众达到13万人次，预算数为50万元，支出48万元。\n")
    r = report_from_text(text)
    assert r.budget is not None and (r.budget.annual, r.budget.executed) == (D("50"), D("48"))


def test_balance_gives_the_executed_amount_when_stated_once() -> None:
    text = "某中心2022年度项目绩效自评报告\n2022年收到项目资金40万元，年末结余2.5万元。\n"
    r = report_from_text(text)
    assert r.budget is not None and (r.budget.annual, r.budget.executed) == (D("40"), D("37.5"))


def test_an_indicators_execution_rate_is_not_the_budgets() -> None:
    text = ("某县2020年度专项资金绩效自评表\n质量指标县级储备粮管理制度严格执行率100%100%储备粮管理专户管理率100%100%"
            "县级储备粮库存粮食明显变质比例00时效指标县级储备粮轮换及时率100%100%\n")
    r = report_from_text(text)
    assert r.budget is None or r.budget.stated_execution_rate is None


RESULTS_ONLY = """\
某市关爱困难学生专项资金项目自评报告
一、项目基本情况
市关爱办专项资金项目，分别下达至甲区、乙县，重点用于资助困难家庭学生。
二、项目绩效自评工作开展情况
甲区、乙县共计资助小学生120人；初中生85人；高中生30人。小学生300元/年、初中生500元/年、高中生1000元/年；受资助学生家长的满意度达100%。
三、项目绩效实现情况
（一）项目资金情况
1.项目资金到位情况：该项目年初预算资金为12万元，全部为市级财政资金。
2.项目资金执行情况：2022年，财政预算项目资金12万元，支付12万元。
（二）项目绩效指标完成情况
1.产出指标完成情况：100%。
2.效益指标完成情况：100%。
3.满意度指标完成情况：100%。
"""


def test_results_told_without_targets_are_read_and_never_unmet() -> None:
    r = report_from_text(RESULTS_ONLY)
    got = [(i.name, i.target, i.actual, i.unit, i.level1) for i in r.indicators]
    assert got == [
        ("资助小学生", None, D(120), "人", "output"),
        ("资助初中生", None, D(85), "人", "output"),
        ("资助高中生", None, D(30), "人", "output"),
        ("受资助学生家长的满意度", None, D(100), "%", "satisfaction"),
    ]
    result = evaluate(r, load_policy())
    assert [f for f in result.findings if f.severity == "error"] == []
    assert not any(f.code in ("I02", "N02", "D04") for f in result.findings)
    # the report still states no target: T08 says so, counting the results read without one
    [t08] = [f for f in result.findings if f.code == "T08"]
    assert t08.evidence["results_without_target"] == 4 and "4项完成情况均未列出年度指标值" in t08.message
