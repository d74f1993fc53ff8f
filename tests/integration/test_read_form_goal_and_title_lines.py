"""The 年度总体目标 texts, the project's name and the title, read from the lines forms carry: never a label
(项目支出绩效自评表's 预期目标/实际完成情况 header, 附件2, 填报单位：…) in their place."""

from __future__ import annotations

from jixiao.readers import report_from_text

FORM_ROWS = "\n".join([
    "项目名称\t乡镇卫生院设备购置项目",
    "主管部门\t某县卫生健康局\t实施单位\t某县人民医院",
    "年度总体目标\t预期目标\t实际完成情况",
    "\t购置DR设备2台，提升基层影像诊断能力。\t购置DR设备2台，已投入使用。",
    "一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
    "产出指标\t数量指标\t购置设备数量\t≥\t2\t台\t2\t50\t50\t",
    "",
])


def test_goal_texts_from_the_row_under_their_header() -> None:
    r = report_from_text("附件2\n项目支出绩效自评表\n（2023年度）\n填报单位：某县人民医院\n" + FORM_ROWS)
    assert r.overall_goal == "购置DR设备2台，提升基层影像诊断能力。"
    assert r.overall_goal_actual == "购置DR设备2台，已投入使用。"
    assert r.project == "乡镇卫生院设备购置项目"
    assert r.title == "乡镇卫生院设备购置项目"  # the generic form title gives way to the project
    assert (r.organization, r.supervising_department, r.fiscal_year) == ("某县人民医院", "某县卫生健康局", 2023)


def test_same_words_in_both_goal_cells_kept_in_both() -> None:
    same = FORM_ROWS.replace("购置DR设备2台，已投入使用。", "购置DR设备2台，提升基层影像诊断能力。")
    r = report_from_text("项目支出绩效自评表\n" + same)
    assert r.overall_goal == r.overall_goal_actual == "购置DR设备2台，提升基层影像诊断能力。"  # (I15 reports it)


def test_attachment_mark_never_in_the_title_or_the_unit() -> None:
    r = report_from_text("附件1：\n某县农业农村局2022年度项目支出绩效自评报告\n县财政局：\n一、基本情况\n"
                         "2022年预算100万元，执行98万元。\n")
    assert r.title == "某县农业农村局2022年度项目支出绩效自评报告"
    assert r.organization == "某县农业农村局"
    assert not any("附件" in s.text for s in r.sections)


def test_label_line_ends_the_title() -> None:
    r = report_from_text("附件2\n项目支出绩效自评表\n填报单位：某县人民医院\n" + FORM_ROWS.split("\n", 1)[1])
    assert r.title == "项目支出绩效自评表"  # no 项目名称 cell here: the form's title, without the 填报单位 line
    assert r.organization == "某县人民医院"


def test_flattened_form_gives_project_supervisor_and_goal() -> None:
    """A form exported one row per line with | between cells (as web pages publish them)."""
    text = "\n".join([
        "2022年度项目支出绩效自评表 | 部门:某县第二中学 |",
        "| 项目名称 | 学生资助专项资金 | 主管部门 | 某县教育体育局 | 实施单位 | 某县第二中学 | 项目资金 (元) |",
        "| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 年度资金总额 |",
        "| 100000 | 100000 | 10 | 100% | 10 | 其中:当年财政 拨款 |",
        "| 100000 | 100000 | — |",
        "| — | 年度 总体 目标 | 预期目标 | 实际完成情况 | 资助困难学生200人 | 资助困难学生200人 | 绩效指标 |"
        " 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | 一级指标 | 二级指标 | 三级指标 |"
        " 指标性质 | 指标值 | 度量单位 | 产出指标 | 数量指标 | 资助学生人数 | ≧ | 200 | 人 | 200 | 50 | 50 |",
        "| 满意度指标 | 服务对象满意度指标 | 学生满意度 | ≧ | 95 | % | 98% | 40 | 40 |",
        "| 总分 | 100 | 100 | 优 |",
        "",
    ])
    r = report_from_text(text)
    assert r.project == "学生资助专项资金"
    assert r.title == "学生资助专项资金"
    assert r.supervising_department == "某县教育体育局"
    assert (r.overall_goal, r.overall_goal_actual) == ("资助困难学生200人", "资助困难学生200人")
