"""Rules of the narrative reader's value claims that mutation testing found unstated (docs/mutation.md):
which ``N年`` is a year, how long a part of a name must be to name the indicator, which units agree."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao import claims as claims_mod
from jixiao.claims import extract_value_claims, indicator_claims, mentions, narrative_parts
from jixiao.review import load_words
from tests.review_factory import q
from tests.unit.test_rules_narrative import narrated

WORDS = load_words()


def subjects(text: str) -> list[tuple[str, D, str | None]]:
    return [(c.subject, c.number, c.unit) for c in extract_value_claims(text, WORDS)]


# ---------------------------------------------------------------- years


@pytest.mark.parametrize("year", ["1900", "1949", "2023", "2100"])
def test_a_whole_number_of_years_from_1900_to_2100_is_a_date_not_a_value(year: str) -> None:
    assert subjects(f"项目建成时间{year}年。") == []


@pytest.mark.parametrize("number", ["1899", "2101", "1950.5", "5"])
def test_other_numbers_of_years_are_values(number: str) -> None:
    assert subjects(f"项目建成时间{number}年。") == [("项目建成时间", D(number), "年")]


# ---------------------------------------------------------------- names


def test_four_characters_of_a_longer_name_name_the_indicator() -> None:
    r = narrated("养护里程120公里。", q("农村公路养护里程", ">=", "100", "100", "公里"))
    [ic] = indicator_claims(r, WORDS)
    assert (ic.indicator, ic.how, ic.term, ic.value) == ("农村公路养护里程", "name", "养护里程", D(120))


def test_three_characters_of_a_longer_name_do_not() -> None:
    r = narrated("养护里120公里。", q("农村公路养护里程", ">=", "100", "100", "公里"))
    assert indicator_claims(r, WORDS) == []


# ---------------------------------------------------------------- which indicator a claim names

A = ("项目维保验收合格率", "=", "98", "98", "%")


def named(text: str, *indicators: tuple[str, str, str, str, str | None]) -> list[tuple[str, str, D]]:
    """(indicator, how, value) of every claim ``text`` makes about ``indicators``."""
    r = narrated(text, *(q(*i) for i in indicators))
    return [(ic.indicator, ic.how, ic.value) for ic in indicator_claims(r, WORDS)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a qualifier sharing two characters with the name's qualifier (维保, 项目): the same metric
        ("维保项目合格率100%。", [("项目维保验收合格率", "key_terms", D(100))]),
        ("维保合格率100%。", [("项目维保验收合格率", "key_terms", D(100))]),
        # statement verbs after the name are not part of it, however many
        ("维保合格率全年实际完成98%。", [("项目维保验收合格率", "key_terms", D(98))]),
        ("维保合格率全年完成了98%。", [("项目维保验收合格率", "key_terms", D(98))]),
    ],
)
def test_key_terms_name_the_indicator_with_the_same_head_and_a_shared_qualifier(
    text: str, expected: list[tuple[str, str, D]]
) -> None:
    assert named(text, A, ("系统验收合格率", "=", "98", "98", "%")) == expected


def test_a_qualifier_sharing_nothing_with_the_name_names_nothing() -> None:
    assert named("项目维保合格率100%。", ("系统验收合格率", "=", "98", "98", "%")) == []


def test_a_part_of_a_name_outranks_a_key_term_match() -> None:
    # 维保验收合格率 is inside 项目维保验收合格率 (by name); 维保合格率 only shares key terms with it
    assert named("维保验收合格率100%。", A, ("维保合格率", "=", "98", "98", "%")) == [
        ("项目维保验收合格率", "name", D(100))
    ]


def test_a_synonym_names_the_indicator() -> None:
    assert named("系统维修时间2小时。", ("系统修复时间", "<=", "3", "2", "小时")) == [("系统修复时间", "synonym", D(2))]


def test_units_convert_within_a_quantity_and_never_across_quantities() -> None:
    assert named("修复时间120分钟。", ("修复时间", "<=", "2", "2", "小时")) == [("修复时间", "name", D(2))]
    assert named("修复时间2座。", ("修复时间", "<=", "2", "2", "小时")) == []
    assert named("修复时间2小时。", ("修复时间", "<=", "2", "2", "次")) == []
    # an indicator without a unit takes the claim's number as it is
    assert named("培训农民600人次。", ("培训农民", ">=", "500", "520", None)) == [("培训农民", "name", D(600))]


def test_an_indicator_with_only_a_target_or_only_an_actual_can_be_named() -> None:
    assert named("培训农民600人次。", ("培训农民", ">=", "", "520", "人次")) == [("培训农民", "name", D(600))]
    assert named("培训农民600人次。", ("培训农民", ">=", "500", "", "人次")) == [("培训农民", "name", D(600))]


def test_indicators_without_values_or_names_are_skipped_not_the_end_of_the_table() -> None:
    assert named("培训农民600人次。", ("其他", ">=", "", "", "人次"), ("培训农民", ">=", "500", "520", "人次")) == [
        ("培训农民", "name", D(600))
    ]
    assert named("某某指标100%。", ("", "=", "98", "98", "%")) == []


def test_an_indicator_whose_unit_cannot_take_the_value_is_passed_over() -> None:
    money = ("农民培训", ">=", "5", "5", "万元")
    assert named("农民培训600人次。", money, ("农民培训人次", ">=", "500", "520", "人次")) == [
        ("农民培训人次", "name", D(600))
    ]


def test_a_money_word_inside_the_longest_name_does_not_make_the_claim_about_money() -> None:
    longer = ("资金拨付及时率", ">=", "95", "95", "%")
    assert named("资金拨付及时率100%。", longer, ("拨付及时率", ">=", "95", "95", "%")) == [
        ("资金拨付及时率", "name", D(100))
    ]


def test_the_full_width_percent_is_the_indicators_percent() -> None:
    # both names hold 验收合格率; the one in % is meant by 95％
    in_percent = ("系统验收合格率", "=", "98", "98", "%")
    assert named("验收合格率95％。", in_percent, ("项目验收合格率", "=", "98", "98", None)) == [
        ("系统验收合格率", "name", D(95))
    ]


def test_value_claims_keep_their_section() -> None:
    [claim] = extract_value_claims("系统验收合格率100%。", WORDS, "二、绩效情况分析")
    assert claim.section == "二、绩效情况分析"


# ---------------------------------------------------------------- consistency


@pytest.mark.parametrize(
    ("operator", "actual", "value", "met"),
    [
        (">=", "95", "95", True), (">=", "94", "95", False),
        (">", "96", "95", True), (">", "95", "95", False),
        ("<=", "2", "2", True), ("<=", "3", "2", False),
        ("<", "1", "2", True), ("<", "2", "2", False),
        ("", "95", "90", False),
    ],
)
def test_a_bound_is_true_when_the_actual_meets_it(operator: str, actual: str, value: str, met: bool) -> None:
    assert claims_mod._bound_met(operator, D(actual), D(value)) is met


def test_consistency_of_a_claim_with_the_table() -> None:
    ind = q("满意度", ">=", "90", "95", "%")
    assert claims_mod._consistent(D(92), ">=", ind) is True  # a bound the actual meets
    assert claims_mod._consistent(D(92), ">=", ind, True) is True  # stated as achieved: a bound met
    assert claims_mod._consistent(D(92), "", ind, True) is False  # stated as achieved: not the actual
    assert claims_mod._consistent(D(90), "", ind, True) is False  # the target is not what was achieved
    assert claims_mod._consistent(D(90), "", ind) is True  # the target
    no_actual = q("满意度", ">=", "90", "", "%")
    assert claims_mod._consistent(D(80), ">=", no_actual) is False
    assert claims_mod._consistent(D(90), ">=", no_actual) is True


# ---------------------------------------------------------------- mentions

OTHERS = ["标准化村卫生室（3）", "新建标准化村卫生室", "标准化村卫生室"]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("标准化村卫生室（3）未完成", "标准化村卫生室", False),
        ("标准化村卫生室（3）未完成", "标准化村卫生室（3）", True),
        ("新建标准化村卫生室未完成", "标准化村卫生室", False),
        ("新建标准化村卫生室未完成", "新建标准化村卫生室", True),
        ("标准化村卫生室未完成", "标准化村卫生室", True),
        ("新建标准化村卫生室和标准化村卫生室（3）均未完成", "标准化村卫生室", False),
    ],
)
def test_mentions_take_out_the_other_names_first(text: str, name: str, expected: bool) -> None:
    assert mentions(text, name, WORDS, others=OTHERS) is expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("系统维修时间超出", "系统修复时间", True),  # a synonym form
        ("森林抚育未完成", "森林抚育面积", True),  # four characters of the name
        ("林抚育面", "森林抚育面积", True),
        ("抚育", "森林抚育面积", False),
        ("资金到位", "森林抚育面积", False),
        ("面积", "面积", True),  # a short name: the whole name
        ("“森林 抚育”面积", "森林抚育面积", True),  # quotes and spaces do not count
        ("", "森林", False),
        ("森林", "", False),
    ],
)
def test_mentions_by_name_synonym_or_a_run_of_four(text: str, name: str, expected: bool) -> None:
    assert mentions(text, name, WORDS) is expected


# ---------------------------------------------------------------- subjects and what was achieved


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("全年本项目合格率95%。", "合格率"),  # fillers stripped until none is left at either end
        ("满意度实际已达到95%。", "满意度"),
        ("目前95%。", "目前"),  # a subject that is only a filler word stays as written
    ],
)
def test_subjects_without_their_filler_words(text: str, subject: str) -> None:
    assert [c.subject for c in extract_value_claims(text, WORDS)] == [subject]


def test_a_value_stated_as_achieved_is_compared_with_the_actual_unless_the_sentence_speaks_of_the_plan() -> None:
    training = ("培训农民", ">=", "500", "520", "人次")
    r = narrated("共完成培训农民500人次。", q(*training))
    assert [ic.consistent for ic in indicator_claims(r, WORDS)] == [False]  # 500 achieved, the table says 520
    r = narrated("按计划，共完成培训农民500人次。", q(*training))
    assert [ic.consistent for ic in indicator_claims(r, WORDS)] == [True]  # the plan: the target 500


def test_a_value_followed_by_a_listed_word_still_ends_its_clause() -> None:
    assert [(c.subject, c.number) for c in extract_value_claims("系统验收合格率达到100%了。", WORDS)] == [
        ("系统验收合格率", D(100))
    ]


def test_both_bounds_of_a_range_are_skipped_and_the_sentence_read_on() -> None:
    assert [(c.subject, c.number) for c in extract_value_claims("合格率90%-95%，满意度98%。", WORDS)] == [
        ("满意度", D(98))
    ]


def test_a_comparator_before_spaces_and_the_number() -> None:
    [claim] = extract_value_claims("满意度不低于 95%。", WORDS)
    assert (claim.subject, claim.operator, claim.number, claim.text) == ("满意度", ">=", D(95), "不低于 95%")


def test_a_plain_wei_is_not_shown_in_the_quote() -> None:
    [claim] = extract_value_claims("满意度为95%。", WORDS)
    assert (claim.operator, claim.text, claim.quote) == ("", "95%", "满意度95%")
    [claim] = extract_value_claims("满意度95%以上。", WORDS)
    assert (claim.operator, claim.text, claim.quote) == (">=", "95%以上", "满意度95%以上")


def test_a_bracket_that_is_not_a_counter_ends_the_subject() -> None:
    assert extract_value_claims("验收合格率（含复检）100%。", WORDS) == []


def test_a_money_word_left_outside_the_longest_name_drops_the_claim_only_then() -> None:
    # 投入资金到位率 holds 资金到位率: taking the longer name out first leaves no 投入 behind
    longer = ("投入资金到位率", ">=", "95", "95", "%")
    assert named("投入资金到位率100%。", longer, ("资金到位率", ">=", "95", "95", "%")) == [
        ("投入资金到位率", "name", D(100))
    ]


def test_mentions_across_a_space_inside_the_name() -> None:
    assert mentions("森林抚 育面", "森林抚育面积", WORDS) is True


def test_the_forms_goal_texts_are_part_of_the_prose() -> None:
    r = narrated("正文。")
    r.overall_goal = "完成造林１０００亩。"
    r.overall_goal_actual = "完成造林９５０亩。"
    assert narrative_parts(r)[-2:] == [("年度总体目标", "完成造林1000亩。"), ("全年实际完成情况", "完成造林950亩。")]


@pytest.mark.parametrize(
    "text",
    [
        "项目于2023年开工，2座已开工，合格率90%-95%，约2800元/亩，满意度98%。",  # a year, a description, a range, about
        "100%，满意度98%。",  # a value without a subject
        "百分之九十点五五五，满意度98%。",  # a numeral values cannot read
        "合格率100%满意度98%。",  # a value that does not end its clause; the next subject starts after it
    ],
)
def test_a_value_that_is_not_a_claim_is_skipped_and_the_text_read_on(text: str) -> None:
    assert [(c.subject, c.number) for c in extract_value_claims(text, WORDS)] == [("满意度", D(98))]


def test_a_number_followed_by_another_number_is_not_a_value() -> None:
    assert extract_value_claims("工期1年2个月。", WORDS) == []


def test_a_counter_after_a_name_is_part_of_the_subject() -> None:
    assert [c.subject for c in extract_value_claims("完成率（3）100%，满意度98%。", WORDS)] == ["完成率（3）", "满意度"]


def test_a_subject_that_is_only_a_trailing_filler_stays_as_written() -> None:
    assert [c.subject for c in extract_value_claims("全部95%。", WORDS)] == ["全部"]


def test_a_claim_about_money_is_skipped_and_the_next_one_read() -> None:
    assert named("投入资金90%，系统验收合格率100%。", ("系统验收合格率", "=", "98", "98", "%")) == [
        ("系统验收合格率", "name", D(100))
    ]


def test_a_stated_bound_the_actual_meets_is_consistent() -> None:
    r = narrated("满意度不低于92%。", q("满意度", ">=", "90", "95", "%"))
    assert [ic.consistent for ic in indicator_claims(r, WORDS)] == [True]


def test_a_percent_claim_prefers_the_indicator_in_percent_over_one_in_percentage_points() -> None:
    in_percent = ("系统验收合格率", "=", "98", "98", "%")
    assert named("验收合格率95％。", in_percent, ("项目验收合格率", "=", "98", "98", "个百分点")) == [
        ("系统验收合格率", "name", D(95))
    ]


def test_a_synonym_holding_the_whole_name_outranks_a_shorter_name() -> None:
    # 系统维修时间 is 系统修复时间 in full (by synonym) and holds the name 维修时间: the longer wins
    synonym = ("系统修复时间", "<=", "3", "2", "小时")
    assert named("系统维修时间2小时。", synonym, ("维修时间", "<=", "3", "2", "小时")) == [
        ("系统修复时间", "synonym", D(2))
    ]
