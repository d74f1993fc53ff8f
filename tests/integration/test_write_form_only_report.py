"""A document that is only a filled 项目支出绩效自评表, rendered as the 自评报告: the form's cells are not
printed as prose under the title (no "| 项目名称 | … |" rows, no one-cell-a-line 项目名称 / 主管部门 …), the
unit's own sentences and its "填报单位：…" line stay, the goal goes into the 年度总体目标 table; and in the
HTML/PDF transfer table the unit's 100.00 in 分值/得分 stays on one line. Read back from the .docx, the
HTML and the PDF text.

The documents imitate form pages as published web pages give them: a table turned into pipe rows, a
form whose cells come one a line, and a form flattened into one line of space-separated cells."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import docx
import pdfplumber

from jixiao.model import CheckResult
from jixiao.writers.report_docx import write_report_docx
from jixiao.writers.report_html import render_report_html, write_report_pdf
from tests.fonts import needs_cjk_font
from tests.write_factory import check_text as _check
from tests.write_factory import sample_result

GOAL = "保障全镇200名困难学生按时领取生活补助，减轻家庭负担"
FORM_CELLS = ("项目名称", "主管部门", "实施单位", "年初预算数", "全年预算数", "年度资金总额", "预期目标")

PIPES = "\n".join([
    "2023年度项目支出绩效自评表 | 单位:某县第二中学 |",
    "|",
    "|",
    "| 项目名称 | 困难学生生活补助 | 主管部门 | 某县教育局 | 实施单位 | 某县第二中学 | 项目资金 (万元) |",
    "| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 年度资金总额 |",
    "| 60 | 60 | 58.5 | 10 | 97.5% | 9 |",
    "| — |",
    "| — | 其他资金 | — | — | — | — |",
    f"| 年度总体目标 | 预期目标 | 实际完成情况 | {GOAL} | 已按时发放 |",
    "| 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 实际完成值 | 分值 | 得分 "
    "| 偏差原因分析及改进措施 |",
    "| 产出指标 | 数量指标 | 受助学生人数 | ≥ | 200 | 人 | 195 | 20 | 19 | 5人转学 |",
    "| 产出指标 | 质量指标 | 补助发放准确率 | = | 100 | % | 100% | 20 | 20 | |",
    "| 效益指标 | 社会效益指标 | 学生辍学率 | ≤ | 1 | % | 0.5% | 30 | 30 | |",
    "| 满意度指标 | 服务对象满意度指标 | 家长满意度 | ≥ | 90 | % | 95% | 20 | 20 | |",
    "| 总分 | 100 | 98 | 优 |",
    "",
])

STREAM = "\n".join([
    "某县第二中学2023年困难学生生活补助资金绩效自评情况",
    "填报单位：某县第二中学",
    "项目绩效自评综述：根据年初设定的绩效目标，项目自评得分为98分，全年预算数60万元，执行数58.5万元。",
    "项目支出绩效自评表",
    "（2023年度）",
    "项目名称", "困难学生生活补助", "主管部门", "某县教育局", "实施单位", "某县第二中学",
    "项目资金", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
    "年度资金总额", "60", "60", "58.5", "10", "97.5%", "9",
    "年度总体目标", "预期目标", "实际完成情况", GOAL, "已按时发放",
    "",
])

FLAT = ("某县项目支出绩效自评表 (2023年度) 项目名称 困难学生生活补助 主管部门 某县教育局 实施单位 某县第二中学 "
        "项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额 60 60 58.5 10 97.5% 9\n")


def _paragraphs(result: CheckResult, tmp_path: Path) -> list[str]:
    out = tmp_path / "report.docx"
    write_report_docx(result, out)
    return [p.text.strip() for p in docx.Document(str(out)).paragraphs if p.text.strip()]


def _no_form_cells_as_prose(paragraphs: list[str]) -> None:
    assert not [p for p in paragraphs if "|" in p or p in FORM_CELLS or p in ("—", "60", "58.5", "（2023年度）")]


def test_pipe_rows_are_not_printed_as_prose(tmp_path: Path) -> None:
    result = _check(tmp_path, PIPES)
    paragraphs = _paragraphs(result, tmp_path)
    _no_form_cells_as_prose(paragraphs)
    html = render_report_html(result)
    assert "| 项目名称" not in html and "<p>|</p>" not in html
    d = docx.Document(str(tmp_path / "report.docx"))  # the indicators still in their table
    names = {c.text for t in d.tables for r in t.rows for c in r.cells}
    assert {"受助学生人数", "家长满意度"} <= names


def test_one_cell_a_line_form_keeps_the_units_sentences_and_its_goal(tmp_path: Path) -> None:
    result = _check(tmp_path, STREAM)
    paragraphs = _paragraphs(result, tmp_path)
    _no_form_cells_as_prose(paragraphs)
    assert "填报单位：某县第二中学" in paragraphs  # the unit's own line under the title, not the tool's
    assert any(p.startswith("项目绩效自评综述：根据年初设定的绩效目标") for p in paragraphs)
    assert GOAL not in paragraphs  # in the form's 年度总体目标 table instead
    assert "项目支出绩效自评表" not in paragraphs  # the form's own title under the document's
    if result.report is not None and result.report.overall_goal:
        d = docx.Document(str(tmp_path / "report.docx"))
        goal = next(t for t in d.tables if t.rows[0].cells[0].text == "年度总体目标")
        assert goal.rows[1].cells[0].text == result.report.overall_goal


def test_a_form_flattened_into_one_line_is_not_prose(tmp_path: Path) -> None:
    result = _check(tmp_path, FLAT)
    paragraphs = _paragraphs(result, tmp_path)
    assert not [p for p in paragraphs if "项目名称" in p and "主管部门" in p]


@needs_cjk_font
def test_transfer_table_holds_100_00_on_one_line_in_the_pdf(tmp_path: Path) -> None:
    result = sample_result()  # a transfer payment: the 中央对地方转移支付区域绩效自评表's columns
    assert result.report is not None
    for ind in result.report.indicators:
        ind.weight = ind.stated_score = Decimal("100.00")
    out = tmp_path / "transfer.pdf"
    write_report_pdf(result, out)
    with pdfplumber.open(str(out)) as pdf:
        words = [{**w, "page": page.page_number} for page in pdf.pages for w in page.extract_words()]
    whole = [w for w in words if w["text"] == "100.00"]
    assert len(whole) >= 2 * len(result.report.indicators)
    assert not [w for w in words if re.fullmatch(r"100\.0?", w["text"])]  # never "100." / "00" on two lines
    # inside its cell: between the 分值 and the 得分 of a row at least both cells' padding (2 pt each side),
    # where "100.00" (0.96 cm here) used to overrun its 1.07 cm column into the border (0.11 cm apart)
    rows: dict[tuple[int, int], list[dict]] = {}
    for w in whole:
        rows.setdefault((w["page"], round(w["top"])), []).append(w)
    pairs = [sorted(r, key=lambda w: w["x0"]) for r in rows.values() if len(r) == 2]
    assert pairs
    for left, right in pairs:
        assert right["x0"] - left["x1"] >= 4  # pt (PDF units)


def test_one_note_a_row_for_the_fields_a_correction_touched(tmp_path: Path) -> None:
    """Four fields of one row moved from misplaced cells make one note naming the four (not four notes)."""
    from jixiao.model import Provenance

    result = sample_result()
    assert result.report is not None and result.report.budget is not None
    ind = result.report.indicators[0]
    for k, name in enumerate(("target", "actual", "weight", "stated_score")):
        ind.provenance[name] = Provenance("realigned", f"表2第{6 + (k > 0)}行第{max(k, 1)}列")
    ind.provenance["target"] = Provenance("realigned", "表2第6行第1列")
    result.report.budget.provenance["annual"] = Provenance("realigned", "表1第2行第1列")
    result.report.budget.provenance["executed"] = Provenance("realigned", "表1第2行第2列")
    paragraphs = _paragraphs(result, tmp_path)
    notes = [p for p in paragraphs if p.startswith("注：") and "请对照原件核实" in p]
    assert notes == [
        f"注：第1行“{ind.name}”的年度指标值、实际完成值、分值、得分从错位的单元格移入"
        "（原件表2第6行第1列、表2第7行第1列、表2第7行第2列、表2第7行第3列），请对照原件核实。",
        "注：全年预算数、全年执行数从错位的单元格移入（原件表1第2行第1列、表1第2行第2列），请对照原件核实。",
    ]


def test_review_without_a_unit_leaves_the_addressee_blank(tmp_path: Path) -> None:
    """The 复核意见书 of a document that names no unit: 主送 a blank to fill, no unit (or 财政厅) invented."""
    from jixiao.writers.review_docx import write_review_docx

    result = sample_result()
    assert result.report is not None
    result.report.organization = None
    result.report.recipient = "自治区财政厅"  # the report's own addressee is not the opinion's 主送
    out = tmp_path / "review.docx"
    write_review_docx(result, out, issuer="某市财政局")
    t = [p.text for p in docx.Document(str(out)).paragraphs if p.text.strip()]
    assert t[3] == "________________："
    assert not any("财政厅" in x or "交通管理局" in x for x in t)


def test_a_project_forms_funds_block_as_the_unit_filled_it(tmp_path: Path) -> None:
    """The 10号文 form's 项目资金 as a table (the cells no longer printed as prose): the unit's amounts, its
    分值, its 执行率 as written (97.5%, not 97.50%) and its 得分; read back from the .docx and the HTML.
    (STREAM, a form cut off before its indicators, is read as the transfer layout: its 资金情况 table.)"""
    result = _check(tmp_path, PIPES)
    _paragraphs(result, tmp_path)
    d = docx.Document(str(tmp_path / "report.docx"))
    funds = next(t for t in d.tables if t.rows[0].cells[0].text == "项目资金（万元）")
    rows = [[c.text for c in r.cells] for r in funds.rows]
    assert rows[0] == ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    assert rows[1] == ["年度资金总额", "60", "60", "58.5", "10.00", "97.5%", "9.00"]
    html = render_report_html(result)
    assert '<table class="projectfunds">' in html and "<td>97.5%</td>" in html
