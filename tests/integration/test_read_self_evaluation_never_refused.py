"""A document that names itself a self-evaluation is read, whatever could not be read in it; a document
that is none is still refused."""

from __future__ import annotations

import pytest

from jixiao.model import ReadError
from jixiao.readers import report_from_text
from jixiao.readers.assemble import assemble
from jixiao.readers.blocks import Document, Paragraph, Table


@pytest.mark.parametrize(
    "text",
    [
        "某县农业农村局2022年度耕地保护补助资金绩效自评报告\n一、基本情况\n本项目主要用于耕地保护。\n",
        "城乡社区服务项目绩效自评综述：根据年初设定的绩效目标，项目按计划实施。\n",
        "项目支出绩效自评表\n（2021年度）\n项目名称：道路养护\n",
        "关于某某专项资金的自评报告\n\n该资金用于……（以下内容缺失）\n",
    ],
)
def test_self_evaluation_without_figures_is_read(text: str) -> None:
    report = report_from_text(text)
    assert report.indicators == []
    assert report.budget is None or not report.budget.usable


def test_title_in_a_table_cell_is_enough() -> None:
    doc = Document([Table([["部门整体支出绩效自评表"], ["部门名称", "某某局"]])])
    assert assemble(doc).indicators == []


@pytest.mark.parametrize(
    "text",
    [
        "从前有座山，山里有座庙。\n庙里有个老和尚。\n",
        "关于开展2023年度项目支出绩效自评工作的通知\n各单位：请于3月底前报送绩效自评报告。\n",
        "项目绩效自评报告模板\n一、基本情况\n（填写说明）\n",
    ],
)
def test_other_documents_are_still_refused(text: str) -> None:
    with pytest.raises(ReadError) as err:
        report_from_text(text)
    assert err.value.code == "not_a_report"


def test_the_name_deep_in_a_long_paragraph_does_not_count() -> None:
    filler = "\n".join(f"第{i}条 本办法适用于各类财政资金的管理工作。" for i in range(20))
    late = "各单位应当在每年三月底前完成上一年度项目的绩效自评报告编制并报送财政部门审核备案。"
    text = f"财政资金管理办法\n{filler}\n{late}\n"
    with pytest.raises(ReadError):
        report_from_text(text)


def test_paragraph_blocks_are_read_too() -> None:
    doc = Document([Paragraph("某某中心2023年度项目支出绩效自评报告"), Paragraph("一、项目概况")])
    assert assemble(doc).title == "某某中心2023年度项目支出绩效自评报告"


def test_a_blank_form_is_refused_with_its_own_reason() -> None:
    doc = Document([Table([["项目支出绩效自评表"], ["（    年度）"], ["项目名称", ""], ["实施单位", ""]])])
    with pytest.raises(ReadError) as err:
        assemble(doc, "空表.xlsx")
    assert err.value.code == "not_a_report" and "空白" in err.value.message
