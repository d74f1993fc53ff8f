"""The 绩效自评报告 written as .docx reads back with the standard outline, indicator table and scores."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from jixiao.model import CheckResult, Report
from jixiao.writers.report_docx import make_template, write_report_docx
from tests.write_factory import ORG, TITLE, project_result

HEADINGS = [
    "一、绩效目标分解下达情况",
    "二、绩效情况分析",
    "（一）资金投入情况分析",
    "（二）资金管理情况分析",
    "（三）总体绩效目标完成情况分析",
    "（四）绩效指标完成情况分析",
    "三、偏离绩效目标的原因和下一步改进措施",
    "四、绩效自评结果拟应用和公开情况",
    "五、其他需要说明的问题",
]


@pytest.fixture()
def written(tmp_path: Path) -> docx.document.Document:
    out = tmp_path / "report.docx"
    write_report_docx(project_result(), out)
    return docx.Document(str(out))


def texts(d: docx.document.Document) -> list[str]:
    return [p.text for p in d.paragraphs if p.text.strip()]


def test_title_recipient_and_signature(written: docx.document.Document) -> None:
    t = texts(written)
    assert t[0] == TITLE
    assert written.paragraphs[0].style.name == "Title"
    assert t[1] == "自治区财政厅："
    assert t[-1] == ORG


def test_headings_in_order_with_heading_styles(written: docx.document.Document) -> None:
    heads = [p.text for p in written.paragraphs if p.style.name in ("Heading 1", "Heading 2")]
    assert heads == HEADINGS
    levels = {p.text: p.style.name for p in written.paragraphs if p.text in HEADINGS}
    assert levels["二、绩效情况分析"] == "Heading 1"
    assert levels["（三）总体绩效目标完成情况分析"] == "Heading 2"


def test_section_texts_and_budget_sentence(written: docx.document.Document) -> None:
    t = texts(written)
    i = t.index("一、绩效目标分解下达情况")
    assert t[i + 1] == "信息系统维保、网络租赁、智能卡口链路租赁项目预算批复于2023年1月下达。"
    assert t[i + 3] == "全年预算数1070.07万元，全年执行数838.41万元，预算执行率78.35%。"
    assert t[t.index("（二）资金管理情况分析") + 1] == "本项目严格按照资金管理相关要求，资金支付按照合同约定支付。"
    assert t[t.index("五、其他需要说明的问题") + 1] == "无"
    # the table cells a text reader left in the indicator section are not repeated as prose
    assert "指标性质" not in t


def test_indicator_table_header_and_rows(written: docx.document.Document) -> None:
    table = written.tables[0]
    header = [c.text for c in table.rows[0].cells]
    assert header == [
        "一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "度量单位", "实际完成值", "分值", "得分",
        "偏差原因分析及改进措施",
    ]
    assert len(table.rows) == 1 + 8
    # the unit stated no 分值/得分: none is printed in its table (the computed ones are in the 复核 table)
    assert [c.text for c in table.rows[1].cells] == [
        "产出指标", "数量指标", "监控网络链路", "≥", "23", "条", "23", "", "", "",
    ]
    assert [c.text for c in table.rows[6].cells][1:9] == [
        "社会效益指标", "保障我局办公网络畅通", "定性", "作用明显", "", "作用明显", "", "",
    ]
    last = [c.text for c in table.rows[8].cells]
    assert last[0] == "满意度指标" and last[3] == "≥" and last[9] == "问卷样本偏少，下年扩大调查范围"
    assert [table.rows[r].cells[3].text for r in (3, 4)] == ["＝", "≤"]


def test_level_cells_merged_vertically(written: docx.document.Document) -> None:
    table = written.tables[0]
    # python-docx returns the same cell object for every row a vertical merge covers
    assert table.cell(1, 0)._tc is table.cell(5, 0)._tc
    assert table.cell(1, 1)._tc is table.cell(2, 1)._tc
    assert table.cell(6, 0)._tc is table.cell(7, 0)._tc
    assert table.cell(5, 0)._tc is not table.cell(6, 0)._tc


def test_score_table(written: docx.document.Document) -> None:
    rows = [[c.text for c in r.cells] for r in written.tables[1].rows]
    assert rows == [
        ["评分项目", "分值", "自评得分", "复核得分"],
        ["预算执行", "10.00", "", "7.84"],
        ["产出指标", "50.00", "", "50.00"],
        ["效益指标", "30.00", "", "30.00"],
        ["满意度指标", "10.00", "", "10.00"],
        ["总分", "100.00", "", "97.84"],
        ["评价等级", "", "", "优"],
    ]
    review = [[c.text for c in r.cells] for r in written.tables[2].rows]
    assert review[0] == ["序号", "三级指标", "复核分值", "复核得分", "复核说明"]
    assert review[1] == ["1", "监控网络链路", "10.00", "10.00", "已完成"]


def test_missing_sections_listed_once_not_filled_and_title_is_built(tmp_path: Path) -> None:
    result = CheckResult(source="x.txt", format="text", report=Report(organization="某某局", fiscal_year=2024))
    out = tmp_path / "bare.docx"
    write_report_docx(result, out)
    t = texts(docx.Document(str(out)))
    assert t[0] == "某某局2024年度绩效自评报告"
    assert "无" not in t and "（一）资金投入情况分析" not in t
    missing = [line for line in t if line.startswith("注：原报告未见以下部分")]
    assert missing == ["注：原报告未见以下部分：绩效目标分解下达情况、资金投入情况分析、资金管理情况分析、"
                       "总体绩效目标完成情况分析、绩效指标完成情况分析、偏离绩效目标的原因和下一步改进措施、"
                       "绩效自评结果拟应用和公开情况、其他需要说明的问题。"]
    assert not docx.Document(str(out)).tables


def test_user_template_styles_are_used(tmp_path: Path) -> None:
    tpl = tmp_path / "mine.docx"
    make_template(tpl)
    d = docx.Document(str(tpl))
    d.styles["Heading 1"].font.size = docx.shared.Pt(20)
    d.add_paragraph("模板示例文字，不应出现在报告中")
    d.save(str(tpl))
    out = tmp_path / "r.docx"
    write_report_docx(project_result(), out, template=tpl)
    written = docx.Document(str(out))
    assert written.styles["Heading 1"].font.size == docx.shared.Pt(20)
    assert "模板示例文字，不应出现在报告中" not in texts(written)
    assert texts(written)[0] == TITLE
