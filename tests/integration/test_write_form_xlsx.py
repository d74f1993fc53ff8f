"""The filled 项目支出绩效自评表 (.xlsx, 10号文 layout) reads back with its headers, numbers and merges.

The sample is a transfer payment (its form is the 转移支付区域绩效自评表: test_write_transfer_form.py);
here it is made a project, whose form is this one."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from jixiao.model import Budget, CheckResult, FundSource, Report
from jixiao.writers.form_xlsx import write_form_xlsx
from tests.write_factory import ORG, project_result


@pytest.fixture()
def ws(tmp_path: Path) -> Worksheet:
    out = tmp_path / "form.xlsx"
    write_form_xlsx(project_result(), out)
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    return sheet


def row(ws: Worksheet, r: int) -> list[object]:
    return [c.value for c in ws[r]][:10]


def find(ws: Worksheet, text: str) -> int:
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, 1).value == text or ws.cell(r, 2).value == text:
            return r
    raise AssertionError(text)


def test_title_year_and_identification(ws: Worksheet) -> None:
    assert ws["A1"].value == "项目支出绩效自评表"
    assert ws["A2"].value == "（2023年度）"
    assert (ws["A3"].value, ws["B3"].value) == ("项目名称", "公安厅交管局转移支付")
    assert (ws["A4"].value, ws["F4"].value, ws["G4"].value) == ("主管部门", "实施单位", ORG)


def test_fund_block_header_and_execution_rate(ws: Worksheet) -> None:
    assert row(ws, 5)[3:9] == ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    assert ws["A5"].value == "项目资金（万元）"
    total = find(ws, "年度资金总额")
    # 分值 10 as stated; no 得分 stated, so none printed (the computed 7.84 is on the 复核 sheet)
    assert row(ws, total)[3:9] == [1070.07, 1070.07, 838.41, 10, 78.35, None]
    assert ws.cell(total, 8).number_format == '0.00"%"'
    assert row(ws, total + 1)[1:6] == ["其中：当年财政拨款", None, 1000, 1000, 800]
    assert row(ws, total + 2)[1:6] == ["上年结转资金", None, 70.07, 70.07, 38.41]
    assert row(ws, total + 3)[1:9] == ["其他资金", None, None, None, None, "—", "—", "—"]
    assert "A5:A9" in {str(m) for m in ws.merged_cells.ranges}


def test_overall_goal(ws: Worksheet) -> None:
    r = find(ws, "年度总体目标")
    assert (ws.cell(r, 2).value, ws.cell(r, 7).value) == ("预期目标", "实际完成情况")
    assert ws.cell(r + 1, 2).value == "为全区交通管理业务系统提供安全、稳定、快捷、通畅的线路服务。"
    assert ws.cell(r + 1, 7).value == "总体绩效目标完成良好。"


def test_indicator_header_rows_and_scores(ws: Worksheet) -> None:
    h = find(ws, "一级指标")
    assert row(ws, h) == [
        "一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "度量单位", "实际完成值", "分值", "得分",
        "偏差原因分析及改进措施",
    ]
    # the sample states no 分值/得分: the form's cells stay blank, never the computed 10/10
    assert row(ws, h + 1) == ["产出指标", "数量指标", "监控网络链路", "≥", 23, "条", 23, None, None, None]
    assert row(ws, h + 5)[2:9] == ["交管局链路每年线路租用成本", "≤", 35.5, "万元", 35.5, None, None]
    # a qualitative target keeps its text
    assert row(ws, h + 6) == [
        "效益指标", "社会效益指标", "保障我局办公网络畅通", "定性", "作用明显", None, "作用明显", None, None, None,
    ]
    assert row(ws, h + 8)[9] == "问卷样本偏少，下年扩大调查范围"


def test_level_cells_merged(ws: Worksheet) -> None:
    h = find(ws, "一级指标")
    merged = {str(m) for m in ws.merged_cells.ranges}
    assert f"A{h + 1}:A{h + 5}" in merged  # 产出指标 × 5
    assert f"B{h + 1}:B{h + 2}" in merged  # 数量指标 × 2
    assert f"A{h + 6}:A{h + 7}" in merged  # 效益指标 × 2
    assert not any(m.startswith(f"A{h + 8}:") for m in merged)  # a single 满意度指标


def test_total_and_grade(ws: Worksheet) -> None:
    r = find(ws, "总分")
    # no 总分 or 评价等级 stated: blank on the form (the computed 97.84 / 优 are on the 复核 sheet)
    assert (ws.cell(r, 8).value, ws.cell(r, 9).value) == (100, None)
    assert (ws.cell(r + 1, 1).value, ws.cell(r + 1, 8).value) == ("评价等级", None)


def test_operator_drop_down_on_indicator_rows(ws: Worksheet) -> None:
    h = find(ws, "一级指标")
    (dv,) = ws.data_validations.dataValidation
    assert dv.formula1 == '"≥,≤,＝,＞,＜,定性"'
    assert str(dv.sqref) == f"D{h + 1}:D{h + 8}"


def test_unmatched_sources_get_their_own_rows_and_text_targets_stay_text(tmp_path: Path) -> None:
    result = project_result()
    assert result.report is not None
    result.report.budget = Budget(
        annual=result.report.budget.annual if result.report.budget else None,
        executed=result.report.budget.executed if result.report.budget else None,
        sources=[FundSource("中央补助", None, Decimal("500"), Decimal("480"))],
    )
    ind = result.report.indicators[0]
    ind.target_text, ind.actual_text = "100M", "100M"
    out = tmp_path / "f.xlsx"
    write_form_xlsx(result, out)
    ws = openpyxl.load_workbook(out).active
    assert ws is not None
    total = find(ws, "年度资金总额")
    assert row(ws, total + 4)[1:6] == ["中央补助", None, None, 500, 480]
    h = find(ws, "一级指标")
    assert (ws.cell(h + 1, 5).value, ws.cell(h + 1, 7).value) == ("100M", "100M")


def test_empty_report_writes_a_form(tmp_path: Path) -> None:
    out = tmp_path / "e.xlsx"
    write_form_xlsx(CheckResult(source="x", format="text", report=Report(title="某项目2024年度绩效自评报告")), out)
    ws = openpyxl.load_workbook(out).active
    assert ws is not None
    assert ws["B3"].value == "某项目"
    assert ws["A2"].value == "（    年度）"


def test_rows_tall_enough_for_wrapped_text(tmp_path: Path) -> None:
    result = project_result()
    assert result.report is not None
    result.report.indicators[1].name = "互联网交通安全管理服务平台、综合应用平台、全区各地市考试监管系统维保" * 2
    out = tmp_path / "tall.xlsx"
    write_form_xlsx(result, out)
    ws = openpyxl.load_workbook(out).active
    assert ws is not None
    h = find(ws, "一级指标")
    # 68 CJK characters in a 26-wide column: about 5 lines of 13.5 pt
    assert ws.row_dimensions[h + 2].height >= 5 * 13.5
    assert ws.row_dimensions[h + 1].height == 18


def _stated(result: CheckResult) -> CheckResult:
    """The sample with the unit's own 分值/得分, 总分 and 等级, unlike what the tool computes."""
    assert result.report is not None and result.report.budget is not None
    for ind in result.report.indicators:
        ind.weight = Decimal(10)
        ind.stated_score = Decimal("9.5")
    result.report.budget.stated_score = Decimal(8)
    result.report.stated_total, result.report.stated_grade = Decimal(88), "良"
    return result


def test_stated_scores_printed_as_stated_computed_only_on_the_review_sheet(tmp_path: Path) -> None:
    out = tmp_path / "stated.xlsx"
    write_form_xlsx(_stated(project_result()), out)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["项目支出绩效自评表", "复核（工具计算）"]
    ws = wb["项目支出绩效自评表"]
    h = find(ws, "一级指标")
    assert [ws.cell(h + k, 8).value for k in range(1, 9)] == [10] * 8
    assert [ws.cell(h + k, 9).value for k in range(1, 9)] == [9.5] * 8
    assert ws.cell(find(ws, "年度资金总额"), 9).value == 8
    r = find(ws, "总分")
    assert (ws.cell(r, 9).value, ws.cell(r + 1, 8).value) == (88, "良")
    values = {c.value for row_ in ws.iter_rows() for c in row_}
    assert 97.84 not in values and 7.84 not in values  # no computed figure on the unit's form
    review = wb["复核（工具计算）"]
    texts = [str(c.value) for row_ in review.iter_rows() for c in row_ if c.value is not None]
    assert texts[0] == "复核计算表（非单位填报）"
    assert texts[1].startswith("注：本表“复核分值”“复核得分”由 jixiao 按评分规则（财预〔2020〕10号）计算，非单位填报")
    header = [c.value for c in review[find_in(review, "序号")]]
    assert header[:7] == ["序号", "三级指标", "填报分值", "自评得分", "复核分值（工具计算）", "复核得分（工具计算）",
                          "复核说明"]
    first = [c.value for c in review[find_in(review, "序号") + 1]][:6]
    assert first == ["1", "监控网络链路", "10.00", "9.50", "10.00", "10.00"]
    total = [c.value for c in review[find_in(review, "总分")]][:5]
    assert total == ["总分", None, "100.00", "88.00", "97.84"]  # stated beside computed, each labelled


def find_in(ws: Worksheet, text: str) -> int:
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, 1).value == text:
            return r
    raise AssertionError(text)


def test_form_written_by_the_tool_reads_back_as_the_units(tmp_path: Path) -> None:
    """The 复核 sheet is the tool's: reading the written form back takes the unit's figures only."""
    from jixiao.app import check_file
    from jixiao.policy import load_policy

    out = tmp_path / "back.xlsx"
    write_form_xlsx(_stated(project_result()), out)
    back = check_file(out, load_policy())
    assert back.report is not None and back.error is None
    assert len(back.report.indicators) == 8
    assert [i.stated_score for i in back.report.indicators] == [Decimal("9.5")] * 8
    assert back.report.stated_total == Decimal(88)


def test_project_name_never_a_form_title_or_the_unit() -> None:
    from jixiao.writers.form_xlsx import project_name

    assert project_name(Report(title="2022年度项目支出绩效自评表")) == ""
    assert project_name(Report(title="银川市本级部门项目支出绩效自评表")) == ""
    assert project_name(Report(title="某县中心学校2023年度项目支出绩效自评报告", organization="某县中心学校")) == ""
    assert project_name(Report(title="某区残联中央转移支付2023年度绩效自评报告(残疾人事业发展补助资金)")) == \
        "残疾人事业发展补助资金"
    assert project_name(Report(title="公安厅交管局转移支付2023年度绩效自评报告")) == "公安厅交管局转移支付"
    assert project_name(Report(title="2022年度项目支出绩效自评表", project="学生资助专项资金")) == "学生资助专项资金"
