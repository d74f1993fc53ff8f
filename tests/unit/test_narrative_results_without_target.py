"""Results units tell in prose without a target: a standard reached under a level heading, counts listed
after one verb, satisfaction stated as a percent. And the sentences that look like them but are not
indicators: budgets, dates, goals, bounds, policy quotes."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.readers.narrative import read_prose_indicators, words


def read(*paragraphs: str) -> list[tuple[str, str, D | None, str, str | None, str]]:
    return [(i.name, i.operator, i.actual, i.actual_text, i.unit, i.target_text)
            for i in read_prose_indicators(list(paragraphs))]


# --- a standard reached under a level heading --------------------------------------------------------

def test_standard_reached_under_a_quality_heading() -> None:
    text = ("产出指标完成情况。一是数量指标：2023年，我校享受营养餐补助学生人数1250人，实际补助1250人。"
            "二是质量指标：全年补助惠及所有低保家庭学生、残疾学生，家庭经济困难学生达到应助尽助。")
    inds = read_prose_indicators([text])
    assert [i.name for i in inds] == ["享受营养餐补助学生人数", "家庭经济困难学生达到应助尽助"]
    q = inds[1]
    assert (q.operator, q.target_text, q.actual_text, q.actual) == ("qualitative", "应助尽助", "达到应助尽助", None)
    assert (q.level1, q.level2, q.levels_inferred) == ("output", "quality", False)
    assert q.provenance["actual"].how == "prose" and "应助尽助" in q.provenance["actual"].where


def test_standard_reached_keeps_its_subject_when_other_names_share_it() -> None:
    # the subject repeated by the cost indicators is no project name to strip from the reached one
    text = ("二是质量指标：困难学生生活补助对象达到应助尽助。三是成本指标：困难学生生活补助对象小学寄宿生补助标准"
            "指标值1000元/生.年，全年实际完成值1000元/生.年；困难学生生活补助对象初中寄宿生补助标准指标值1250元/生.年，"
            "全年实际完成值1250元/生.年。")
    names = [i.name for i in read_prose_indicators([text])]
    assert names[0] == "困难学生生活补助对象达到应助尽助"
    assert names[1:] == ["小学寄宿生补助标准", "初中寄宿生补助标准"]


@pytest.mark.parametrize("text", [
    "全县困难学生达到应助尽助。",  # no level heading before it: a summary, not an indicator
    "二是质量指标：力争实现应助尽助。",  # a goal
    "二是质量指标：做好资助工作，确保达到应助尽助。",  # a goal
    "二是质量指标：达到应助尽助。",  # no subject
    "二是质量指标：资助工作达到较好水平。",  # not a stated standard
    "二是质量指标：补助资金已发放。下一步困难学生将实现应助尽助。",  # what is to come
])
def test_no_standard_reached(text: str) -> None:
    assert read(text) == []


# --- timeliness told as a clause under a 时效 heading ------------------------------------------------

def test_timeliness_clause_under_a_timeliness_heading() -> None:
    text = ("三是时效指标：2023年收到补助资金合计60万元，实际发放45万元，实际执行率为75%，2023年秋季学期未及时发放。"
            "四是成本指标：营养膳食补助标准指标值5元/生.天，全年实际完成值5元/生.天。")
    inds = read_prose_indicators([text])
    t = inds[0]
    assert (t.name, t.operator, t.target, t.target_text, t.actual_text) == (
        "补助资金及时发放", "qualitative", None, "", "2023年秋季学期未及时发放")
    assert (t.level1, t.level2) == ("output", "timeliness")
    assert [i.name for i in inds[1:]] == ["营养膳食补助标准"]


def test_timeliness_with_the_money_in_its_own_clause() -> None:
    assert read("（三）时效指标：2023年，各项补助资金均按时拨付到位。") == [
        ("补助资金按时拨付", "qualitative", None, "各项补助资金均按时拨付到位", None, "")]


@pytest.mark.parametrize("text", [
    "收到资金合计60万元，2023年秋季学期未及时发放。",  # no 时效 heading
    "三是时效指标：2023年秋季学期未及时发放。",  # no money named: what was not paid?
    "三是时效指标：收到资金60万元，下一步将及时发放。",  # what is to come
    "二是质量指标：收到资金60万元，全部及时发放。",  # not under a 时效 heading
])
def test_no_timeliness(text: str) -> None:
    assert read(text) == []


# --- counts listed after one verb --------------------------------------------------------------------

def test_counts_listed_with_semicolons_after_one_verb() -> None:
    text = "甲区、乙县、丙县共计资助小学生120人；初中生85人；高中生30人。小学生300元/年、初中生500元/年。"
    assert read(text) == [
        ("资助小学生", ">=", D(120), "120人", "人", ""),
        ("资助初中生", ">=", D(85), "85人", "人", ""),
        ("资助高中生", ">=", D(30), "30人", "人", ""),
    ]
    for ind in read_prose_indicators([text]):
        assert ind.target is None and (ind.level1, ind.level2) == ("output", "quantity")


def test_counts_listed_with_commas_and_a_second_verb() -> None:
    text = "全年累计培训村医45人次、慰问困难户12户。"
    assert [(n, a, u) for n, _, a, _, u, _ in read(text)] == [("培训村医", D(45), "人次"), ("慰问困难户", D(12), "户")]


def test_two_counts_without_a_total_word() -> None:
    assert [n for n, *_ in read("本年度走访老党员26人，慰问困难职工18人。")] == ["走访老党员", "慰问困难职工"]


@pytest.mark.parametrize("text", [
    "救助小学生140人。",  # one count, no total word: could be anything
    "共计发放补助资金13.2万元；初中生96人。",  # money is no count
    "计划资助小学生120人；初中生85人。",  # a plan
    "绩效目标：共计资助小学生不少于120人；初中生85人。",  # a goal with a bound
    "共计资助小学生120人以上；初中生85人。",  # a bound
    "我局共有在职人员25人、退休人员8人。",  # no verb of the list
    "2023年12月共计开展培训2023年。",  # a date
    "共计救助困难群众320人，其中老年人120人。",  # a part of the total is not a sibling
    "根据《社会救助暂行办法》第十二条，共计救助对象应当在30日内审批。",  # a policy quote
    "今后将累计培训村医45人次、慰问困难户12户。",  # what is to come
])
def test_no_counts(text: str) -> None:
    names = [n for n, *_ in read(text)]
    if text.startswith("共计救助困难群众"):
        assert names == ["救助困难群众"]
    else:
        assert names == []


# --- satisfaction stated as a percent ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "name", "actual"), [
    ("被救助困难家庭学生的满意度达100%。", "被救助困难家庭学生的满意度", D(100)),
    ("经问卷调查，服务对象满意率为98.5%。", "服务对象满意率", D("98.5")),
    ("群众满意度达到96％。", "群众满意度", D(96)),
])
def test_satisfaction_in_prose(text: str, name: str, actual: D) -> None:
    [ind] = read_prose_indicators([text])
    assert (ind.name, ind.actual, ind.unit, ind.target, ind.target_text) == (name, actual, "%", None, "")
    assert ind.level1 == "satisfaction" and ind.operator == ">="


@pytest.mark.parametrize("text", [
    "群众满意度达95%以上。",  # a bound
    "群众满意度目标值为90%。",  # a target
    "群众满意度不低于90%。",  # a bound
    "满意度调查问卷回收率为98%。",  # not a satisfaction
    "满意度达100%。",  # no one's satisfaction
    "预计群众满意度达到95%。",  # a forecast
    "去年群众满意度为85%。",  # another year
    "今年满意度提高，上年服务对象满意度为88%。",  # another year
])
def test_no_satisfaction(text: str) -> None:
    assert read(text) == []


def test_budget_and_date_sentences_are_not_results() -> None:
    text = ("2017年，财政预算项目资金16万元，支付16万元。项目资金于2017年12月31日前全部到位。"
            "三是时效指标：2023年收到资金合计149.63万元，实际发放107.78万元，实际执行率为72.03%。")
    assert read(text) == []


# --- properties ---------------------------------------------------------------------------------------

_W = words()["indicators"]
RESULT_WORDS = [*_W["change_phrases"], *_W["met_phrases"], *_W["reached_results"], *_W["timely_words"]]
PIECES = ["共计", "累计", "救助", "培训", "慰问", "小学生", "初中生", "困难户", "满意度", "满意率", "达", "达到", "为",
          "、", "，", "；", ";", "。", "人", "人次", "户", "%", "万元", "元/年", "年", "月", "二是质量指标：",
          "三是时效指标：", "社会效益指标：", "应助尽助", "全覆盖", "计划", "其中", "以上", "《办法》", "资金", "未",
          "及时", "发放", "\n"]
NUMBER = st.integers(min_value=0, max_value=100000).map(str)
TOKENS = st.one_of(st.sampled_from(PIECES), NUMBER, st.text(max_size=3))
PARAGRAPH = st.lists(TOKENS, max_size=25).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(PARAGRAPH, max_size=5))
def test_never_raises_and_reads_only_numbers_or_result_words(paragraphs: list[str]) -> None:
    text = "".join(paragraphs)
    for ind in read_prose_indicators(paragraphs):
        sentence = ind.provenance["actual"].where
        assert sentence.startswith("句：")
        # every indicator comes from a sentence that holds a number or a qualitative result word
        assert any(c.isdigit() for c in ind.actual_text) or any(w in ind.actual_text for w in RESULT_WORDS)
        assert ind.actual_text in text
        if ind.actual is not None:
            assert f"{ind.actual:f}" in ind.actual_text
        if ind.target is None and not ind.target_text:
            assert ind.operator in (">=", "<=", "qualitative")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([p for p in PIECES if p not in ("应助尽助", "全覆盖", "及时")]).filter(
    lambda p: not any(c.isdigit() for c in p)), max_size=30).map("".join))
def test_no_indicator_without_a_number_or_a_result_word(text: str) -> None:
    assert read_prose_indicators([text]) == []
