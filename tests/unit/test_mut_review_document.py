"""D rules stated whole for mutation testing (issue 10): each finding's severity, place, message and
evidence, so a changed word, place or figure in any of them is noticed."""

from __future__ import annotations

from jixiao.model import Finding, Section, Unplaced
from tests.review_factory import clean_report, of, run


def whole(f: Finding) -> tuple[str, str, str, dict[str, object]]:
    return f.severity, f.where, f.message, f.evidence


def test_d01_names_the_missing_part_and_the_titles_it_looked_at() -> None:
    r = clean_report()
    r.sections = [s for s in r.sections if not s.title.startswith("四")]
    [f] = of(run(r), "D01")
    assert whole(f) == (
        "warning", "document", "报告缺少“自评结果应用和公开情况”部分，不符合绩效自评报告的规定格式。",
        {"section": "results_use", "name": "自评结果应用和公开情况",
         "titles": ["一、绩效目标分解下达情况", "二、绩效情况分析", "（一）资金投入情况分析",
                    "（二）总体绩效目标完成情况分析", "三、偏离绩效目标的原因和下一步改进措施",
                    "五、其他需要说明的问题"]},
    )


def test_d02_counts_the_inferred_indicators_by_first_level_and_unclassified() -> None:
    r = clean_report()
    for k in (0, 7, 10):
        r.indicators[k].levels_inferred = True
    r.indicators[10].level1 = None
    [f] = of(run(r), "D02")
    assert whole(f) == (
        "info", "document",
        "指标表未列明一级、二级指标，3个指标的分类系按指标名称推断（产出1个、效益1个、未分类1个），请核实分类，并按规定格式填报。",
        {"inferred": 3, "indicators": 11, "by_level1": {"output": 1, "benefit": 1, "unknown": 1}},
    )


def test_d03_quotes_the_instruction_and_its_line_once_per_line_wherever_it_is() -> None:
    r = clean_report()
    r.sections = [*r.sections, Section("六", "六、附件", 1,
                                       "第一行内容\n结合自评情况，说明偏离绩效目标的原因（100字以内）\n第三行")]
    r.overall_goal = "（100字以内）"
    r.overall_goal_actual = "请简要说明"
    found = [whole(f) for f in of(run(r), "D03")]
    assert found == [
        ("warning", "narrative",
         "报告保留了表格的填写说明“（100字以内）”（“结合自评情况，说明偏离绩效目标的原因（100字以内）”），未替换为实际内容。",
         {"instruction": "（100字以内）", "text": "结合自评情况，说明偏离绩效目标的原因（100字以内）"}),
        ("warning", "document", "报告保留了表格的填写说明“（100字以内）”（“（100字以内）”），未替换为实际内容。",
         {"instruction": "（100字以内）", "text": "（100字以内）"}),
        ("warning", "document", "报告保留了表格的填写说明“请简要说明”（“请简要说明”），未替换为实际内容。",
         {"instruction": "请简要说明", "text": "请简要说明"}),
    ]


def test_d03_cuts_a_long_line_to_sixty_characters_in_the_message_only() -> None:
    line = "请简要说明" + "项目实施情况" * 12
    r = clean_report()
    r.sections = [*r.sections, Section("六", "六、附件", 1, line)]
    [f] = of(run(r), "D03")
    assert f.message == f"报告保留了表格的填写说明“请简要说明”（“{line[:60]}”），未替换为实际内容。"
    assert f.evidence["text"] == line


def test_d04_says_no_indicator_was_read_and_which_layout_was_seen() -> None:
    r = clean_report()
    r.indicators = []
    r.layout = "prose"
    [f] = of(run(r), "D04")
    assert whole(f) == (
        "warning", "document",
        "未能从文档中读取到绩效指标：既没有可识别的“绩效指标”表，叙述中也没有“年初指标值……实际完成值……”"
        "形式的指标，指标相关的检查均未执行，请人工核对。",
        {"indicators": 0, "layout": "prose"},
    )


def test_d05_names_both_budget_figures_when_no_budget_was_read() -> None:
    r = clean_report()
    r.budget = None
    [f] = of(run(r), "D05")
    assert whole(f) == (
        "warning", "budget",
        "未能从文档中读取到“全年预算数”、“全年执行数”（没有可识别的资金表，叙述中也未找到相应金额），"
        "预算执行率相关的检查均未执行，请人工核对。",
        {"missing": ["全年预算数", "全年执行数"], "annual": None, "executed": None, "origin": None},
    )


def test_d06_is_a_document_warning_quoting_the_value_and_where_it_was() -> None:
    r = clean_report()
    r.unplaced = [Unplaced("87", "表1第9行"), Unplaced("12.5", "第5行", "无法确定所属列")]
    [f] = of(run(r), "D06")
    assert whole(f) == (
        "warning", "document",
        "文档中“87”（表1第9行）；“12.5”（第5行，无法确定所属列）共2个数值未能确定所属栏目，未参与检查，请人工核对。",
        {"unplaced": [{"text": "87", "where": "表1第9行", "reason": ""},
                      {"text": "12.5", "where": "第5行", "reason": "无法确定所属列"}]},
    )
