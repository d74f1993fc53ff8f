"""The 年度总体目标 row is read in the layouts units publish, its 实际完成情况 kept even when it is the
预期目标 word for word (what I15 looks for): texts on the row under the 预期目标 | 实际完成情况 header,
texts after that header in the same row, and a flattened form whose goal row is also the indicator
header."""

from __future__ import annotations

from jixiao.readers import report_from_text

GOAL = "完成森林抚育2万亩、新造林3000亩，提高森林质量"
DONE = "完成森林抚育2.1万亩、新造林3050亩，造林成活率90%"

INDICATORS = (
    "一级指标\t二级指标\t三级指标\t指标性质\t年度指标值\t度量单位\t实际完成值\n"
    "产出指标\t数量指标\t新造林面积\t≥\t3000\t亩\t3050\n"
)


def test_goal_texts_on_the_row_under_the_header_tabs() -> None:
    for actual in (GOAL, DONE):
        r = report_from_text(f"某县林业局\n年度总体目标\t预期目标\t实际完成情况\n\t{GOAL}\t{actual}\n\n{INDICATORS}")
        assert (r.overall_goal, r.overall_goal_actual) == (GOAL, actual)


def test_goal_texts_after_the_header_in_the_same_row_of_the_indicator_header() -> None:
    # a flattened form: the goal row runs on into the indicator header, all in one table row
    text = ("2023年度项目支出绩效自评表 | 部门:某县林业局 |\n"
            "| 项目名称 | 森林抚育项目 | 主管部门 | 某县林业局 | 实施单位 | 某县林业局 |\n"
            f"| — | 年度 总体 目标 | 预期目标 | 实际完成情况 | {GOAL} | {GOAL} | 一级指标 | 二级指标 | 三级指标 | "
            "指标性质 | 指标值 | 度量单位 | 实际完成值 |\n"
            "| 产出指标 | 数量指标 | 新造林面积 | ≥ | 3000 | 亩 | 3050 |\n")
    r = report_from_text(text)
    assert (r.overall_goal, r.overall_goal_actual) == (GOAL, GOAL)


def test_a_copied_actual_in_the_goal_row_itself_is_kept() -> None:
    r = report_from_text(f"某县林业局\n年度总体目标\t{GOAL}\t{GOAL}\n\n{INDICATORS}")
    assert (r.overall_goal, r.overall_goal_actual) == (GOAL, GOAL)


def test_a_paragraph_between_header_and_texts_ends_the_wait() -> None:
    text = "某县林业局\n年度总体目标\t预期目标\t实际完成情况\n说明：见附件。\n项目资金\t年初预算数\t全年预算数\n"
    r = report_from_text(f"{text}\n{INDICATORS}")
    assert r.overall_goal is None
