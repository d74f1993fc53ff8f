"""The blank official forms (.xlsx): headers, pre-labelled indicator rows, the 指标性质 drop-down, print setup."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from jixiao.writers.blank_forms import BLANK_FORM_KINDS, write_blank_form

OPERATOR_LIST = '"≥,≤,＝,＞,＜,定性"'
LEVEL2_COLUMN = [
    "数量指标", None, "质量指标", None, "时效指标", "成本指标",
    "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标", None,
]


def blank(kind: str, tmp_path: Path) -> Worksheet:
    out = tmp_path / f"{kind}.xlsx"
    write_blank_form(kind, out)
    ws = openpyxl.load_workbook(out).active
    assert ws is not None
    return ws


def values(ws: Worksheet, r: int) -> list[object]:
    return [c.value for c in ws[r]]


def header_row(ws: Worksheet) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "一级指标")


def test_kinds() -> None:
    assert BLANK_FORM_KINDS == ("self-eval-form", "sichuan-form", "transfer-form")


def test_unknown_kind_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="未知的表格类型"):
        write_blank_form("nope", tmp_path / "x.xlsx")


def test_self_eval_form(tmp_path: Path) -> None:
    ws = blank("self-eval-form", tmp_path)
    assert (ws["A1"].value, ws["A2"].value, ws["A3"].value) == ("项目支出绩效自评表", "（    年度）", "项目名称")
    assert values(ws, 5)[3:9] == ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    fund_rows = ["年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金"]
    assert [ws.cell(r, 2).value for r in range(6, 10)] == fund_rows
    assert ws["G6"].value == 10
    h = header_row(ws)
    assert values(ws, h) == [
        "一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "度量单位", "实际完成值", "分值", "得分",
        "偏差原因分析及改进措施",
    ]
    assert [ws.cell(h + 1 + i, 2).value for i in range(12)] == LEVEL2_COLUMN
    (dv,) = ws.data_validations.dataValidation
    assert (dv.type, dv.formula1, str(dv.sqref)) == ("list", OPERATOR_LIST, f"D{h + 1}:D{h + 12}")
    assert values(ws, h + 13)[0] == "总分" and ws.cell(h + 13, 8).value == 100


def test_sichuan_form(tmp_path: Path) -> None:
    ws = blank("sichuan-form", tmp_path)
    assert ws["A1"].value == "部门预算项目支出绩效自评表"
    assert values(ws, 5)[:9] == [
        "预算执行情况（10分）", None, None, "年初预算", "调整后预算数", "预算执行数", "执行率", "分值", "得分",
    ]
    assert [ws.cell(r, 2).value for r in (6, 7, 8)] == ["年度资金总额", "其中：财政拨款", "其他资金"]
    assert [ws.cell(r, 8).value for r in (6, 7, 8)] == [10, "—", "—"]
    assert "A5:A8" in {str(m) for m in ws.merged_cells.ranges}
    h = header_row(ws)
    assert values(ws, h) == [
        "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "全年实际完成值", "分值", "得分",
        "未完成原因和改进措施",
    ]
    (dv,) = ws.data_validations.dataValidation
    assert (dv.formula1, str(dv.sqref)) == (OPERATOR_LIST, f"D{h + 1}:D{h + 12}")
    merged = {str(m) for m in ws.merged_cells.ranges}
    assert f"A{h + 1}:A{h + 6}" in merged and f"A{h + 7}:A{h + 10}" in merged and f"A{h + 11}:A{h + 12}" in merged


def test_transfer_form(tmp_path: Path) -> None:
    ws = blank("transfer-form", tmp_path)
    assert ws["A1"].value == "中央对地方转移支付区域绩效自评表"
    funds = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "资金情况（万元）")
    assert values(ws, funds)[3:6] == ["全年预算数(A)", "全年执行数(B)", "执行率（B/A）"]
    fund_rows = ["年度资金总额", "其中：中央补助", "地方资金", "其他资金"]
    assert [ws.cell(funds + 1 + i, 2).value for i in range(4)] == fund_rows
    h = header_row(ws)
    assert values(ws, h) == ["一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值", "未完成原因分析"]
    assert [ws.cell(h + 1 + i, 1).value for i in (0, 6, 10)] == ["产出指标", "效益指标", "满意度指标"]


@pytest.mark.parametrize("kind", ["self-eval-form", "sichuan-form", "transfer-form"])
def test_prints_on_a4_with_wrapped_cells(kind: str, tmp_path: Path) -> None:
    ws = blank(kind, tmp_path)
    assert ws.page_setup.paperSize == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    h = header_row(ws)
    assert ws.print_title_rows == f"${h}:${h}"
    assert ws.cell(h, 3).alignment.wrap_text is True
    assert ws.column_dimensions["C"].width >= 26
