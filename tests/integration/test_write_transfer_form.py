"""A transfer payment is written in its own form, the 中央对地方转移支付区域绩效自评表, with the unit's own
words and figures: the goal in 年度总体目标, the fund rows, the indicators; no computed score on the form.

The document imitates a county's filled transfer form as officials publish it (附件2, the form's title, a
填报单位 line, then the form's rows as tab-separated cells)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx
import openpyxl
import pdfplumber
import pytest

from jixiao.app import check_file
from jixiao.model import CheckResult, Provenance
from jixiao.policy import load_policy
from jixiao.writers.form_xlsx import write_form_xlsx
from jixiao.writers.report_docx import write_report_docx
from jixiao.writers.report_html import render_report_html, write_report_pdf
from tests.fonts import needs_cjk_font

GOAL = "完成农村危房改造100户，改善困难群众住房条件，户均补助2万元。"
GOAL_ACTUAL = "完成农村危房改造98户，2户因未按期开工结转下年。"

TRANSFER = "\n".join([
    "附件2",
    "中央对地方转移支付区域绩效自评表",
    "（2022年度）",
    "填报单位：某县住房和城乡建设局",
    "转移支付（项目）名称\t农村危房改造补助资金",
    "中央主管部门\t住房和城乡建设部",
    "地方主管部门\t某县住房和城乡建设局\t资金使用单位\t某县住房和城乡建设局",
    "资金情况（万元）\t\t全年预算数(A)\t全年执行数(B)\t执行率（B/A）",
    "年度资金总额\t\t300\t290\t96.67%",
    "其中：中央补助\t\t200\t200\t100%",
    "地方资金\t\t100\t90\t90%",
    "年度总体目标\t预期目标\t实际完成情况",
    f"\t{GOAL}\t{GOAL_ACTUAL}",
    "一级指标\t二级指标\t三级指标\t指标值\t全年实际完成值\t未完成原因分析",
    "产出指标\t数量指标\t改造户数\t≥100户\t98户\t2户未按期开工，已结转下年",
    "产出指标\t质量指标\t竣工验收合格率\t100%\t100%\t",
    "产出指标\t时效指标\t年底前完工率\t≥95%\t98%\t",
    "效益指标\t社会效益指标\t困难群众住房安全保障\t有效保障\t有效保障\t",
    "满意度指标\t服务对象满意度指标\t受益群众满意度\t≥90%\t96%\t",
    "",
])


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> CheckResult:
    path = tmp_path_factory.mktemp("transfer") / "危房改造自评表.txt"
    path.write_text(TRANSFER, encoding="utf-8")
    result = check_file(path, load_policy())
    assert result.error is None and result.report is not None and result.score is not None
    return result


def test_read_as_a_transfer_payment_with_its_goal_and_no_label_as_title(checked: CheckResult) -> None:
    r = checked.report
    assert r is not None and r.kind == "transfer_payment"
    assert (r.title, r.project) == ("农村危房改造补助资金", "农村危房改造补助资金")  # not 附件2, not 填报单位：
    assert (r.central_department, r.supervising_department) == ("住房和城乡建设部", "某县住房和城乡建设局")
    assert (r.overall_goal, r.overall_goal_actual) == (GOAL, GOAL_ACTUAL)
    assert r.fiscal_year == 2022
    assert checked.score is not None and checked.score.weights_assumed


def _xlsx(checked: CheckResult, tmp_path: Path) -> openpyxl.Workbook:
    out = tmp_path / "form.xlsx"
    write_form_xlsx(checked, out)
    return openpyxl.load_workbook(out)


def _find(ws: object, text: str) -> int:
    for row in ws.iter_rows():  # type: ignore[attr-defined]
        for c in row:
            if c.value == text:
                return int(c.row)
    raise AssertionError(text)


def test_xlsx_is_the_transfer_form_filled_with_the_units_words(checked: CheckResult, tmp_path: Path) -> None:
    wb = _xlsx(checked, tmp_path)
    assert wb.sheetnames == ["转移支付区域绩效自评表", "复核（工具计算）"]
    ws = wb["转移支付区域绩效自评表"]
    assert (ws["A1"].value, ws["A2"].value) == ("中央对地方转移支付区域绩效自评表", "（2022年度）")
    assert (ws["A3"].value, ws["B3"].value) == ("转移支付（项目）名称", "农村危房改造补助资金")
    assert (ws["A4"].value, ws["B4"].value) == ("中央主管部门", "住房和城乡建设部")
    assert (ws["A5"].value, ws["B5"].value, ws["D5"].value, ws["E5"].value) == (
        "地方主管部门", "某县住房和城乡建设局", "资金使用单位", "某县住房和城乡建设局")
    assert [ws.cell(6, c).value for c in (1, 4, 5, 6)] == ["资金情况（万元）", "全年预算数(A)", "全年执行数(B)",
                                                           "执行率（B/A）"]
    funds = {ws.cell(r, 2).value: [ws.cell(r, c).value for c in (4, 5, 6)] for r in range(7, 11)}
    assert funds == {"年度资金总额": [300, 290, 96.67], "其中：中央补助": [200, 200, 100],
                     "地方资金": [100, 90, 90], "其他资金": [None, None, None]}
    g = _find(ws, "年度总体目标")
    assert (ws.cell(g, 2).value, ws.cell(g, 4).value) == ("预期目标", "实际完成情况")
    assert (ws.cell(g + 1, 2).value, ws.cell(g + 1, 4).value) == (GOAL, GOAL_ACTUAL)  # the texts, not the labels
    h = _find(ws, "一级指标")
    assert [ws.cell(h, c).value for c in range(1, 8)] == [
        "一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值", "未完成原因分析", None]
    assert [ws.cell(h + 1, c).value for c in range(1, 7)] == [
        "产出指标", "数量指标", "改造户数", "≥100户", "98户", "2户未按期开工，已结转下年"]
    assert [ws.cell(h + 2, c).value for c in range(3, 6)] == ["竣工验收合格率", "100%", "100%"]  # no ≥ added
    assert [ws.cell(h + 4, c).value for c in range(3, 6)] == ["困难群众住房安全保障", "有效保障", "有效保障"]


def test_computed_scores_only_on_the_review_sheet_marked_as_the_tools(checked: CheckResult, tmp_path: Path) -> None:
    wb = _xlsx(checked, tmp_path)
    form = wb["转移支付区域绩效自评表"]
    texts = {str(c.value) for row in form.iter_rows() for c in row if c.value is not None}
    assert not texts & {"分值", "得分", "总分", "评价等级", "复核得分"}  # the unit stated none: the form has none
    review = wb["复核（工具计算）"]
    note = str(review["A2"].value)
    assert note.startswith("注：本表“复核分值”“复核得分”由 jixiao 按评分规则（财预〔2020〕10号）计算，非单位填报")
    assert "参考分" in note and "原报告未填报分值" in note
    assert checked.score is not None
    total = next(r for r in review.iter_rows(values_only=True) if r[0] == "总分")
    assert total[2:5] == ("100.00", None, f"{checked.score.total.quantize(Decimal('0.01'))}")


def test_stated_scores_on_a_transfer_form_kept_in_columns_of_their_own(checked: CheckResult, tmp_path: Path) -> None:
    assert checked.report is not None
    for ind in checked.report.indicators:
        ind.weight, ind.stated_score = Decimal(18), Decimal("17.5")
    try:
        ws = _xlsx(checked, tmp_path)["转移支付区域绩效自评表"]
        h = _find(ws, "一级指标")
        assert [ws.cell(h, c).value for c in (7, 8)] == ["分值", "得分"]
        assert [(ws.cell(h + k, 7).value, ws.cell(h + k, 8).value) for k in range(1, 6)] == [(18, 17.5)] * 5
    finally:
        for ind in checked.report.indicators:
            ind.weight = ind.stated_score = None


def test_docx_indicator_table_in_the_transfer_forms_columns_with_a_reference_note(
        checked: CheckResult, tmp_path: Path) -> None:
    out = tmp_path / "report.docx"
    write_report_docx(checked, out)
    d = docx.Document(str(out))
    tables = [[[c.text for c in r.cells] for r in t.rows] for t in d.tables]
    # the form's parts in its order: 资金情况, 年度总体目标 (the texts, not the labels), the indicators
    assert tables[0] == [["资金情况（万元）", "全年预算数(A)", "全年执行数(B)", "执行率（B/A）"],
                         ["年度资金总额", "300", "290", "96.67%"], ["其中：中央补助", "200", "200", "100.00%"],
                         ["地方资金", "100", "90", "90.00%"]]
    assert tables[1] == [["年度总体目标", "实际完成情况"], [GOAL, GOAL_ACTUAL]]
    table = tables[2]
    assert table[0] == ["一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值", "未完成原因分析"]
    assert table[1] == ["产出指标", "数量指标", "改造户数", "≥100户", "98户", "2户未按期开工，已结转下年"]
    scores = tables[3]
    assert next(r for r in scores if r[0] == "总分")[2] == ""  # no stated total: the 自评得分 column stays blank
    notes = [p.text for p in d.paragraphs if p.text.startswith("注：")]
    assert any("参考分" in n and "原报告未填报分值" in n for n in notes)
    assert d.paragraphs[0].text == "农村危房改造补助资金"  # the title is the form's project, not 附件2
    body = [p.text for p in d.paragraphs]
    assert not any("\t" in t or t.startswith(("转移支付（项目）名称", "（2022年度）")) for t in body)  # not as prose


def test_html_uses_the_transfer_table_and_says_the_score_is_a_reference(checked: CheckResult) -> None:
    html = render_report_html(checked)
    assert '<table class="transfer">' in html and '<table class="indicators">' not in html
    assert "<th>全年实际完成值</th>" in html and "<th>度量单位</th>" not in html
    assert '<table class="funds">' in html and '<table class="goal">' in html
    assert f'<td class="reason">{GOAL}</td><td class="reason">{GOAL_ACTUAL}</td>' in html
    assert "复核得分为参考分" in html
    assert "附件2" not in html


def test_split_figures_make_the_score_a_reference(checked: CheckResult) -> None:
    assert checked.report is not None
    ind = checked.report.indicators[0]
    ind.provenance["actual"] = Provenance("split", "正文第15段")
    try:
        html = render_report_html(checked)
        assert "所依据的部分数字系由粘连的数字拆分得出，未经原件核对" in html
    finally:
        ind.provenance["actual"] = Provenance("cell", "")


@needs_cjk_font
def test_pdf_text_has_the_transfer_table(checked: CheckResult, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    write_report_pdf(checked, out)
    with pdfplumber.open(str(out)) as pdf:
        text = "".join("".join((page.extract_text() or "").split()) for page in pdf.pages)
    assert "三级指标指标值" in text and "未完成原因分析" in text and "度量单位" not in text
    assert "改造户数≥100户98户" in text and "竣工验收合格率100%100%" in text  # no operator the unit did not write
    assert "复核得分为参考分" in text
