"""Who and when from the lines real documents carry: page chrome is no title, a file name loses its
extension, a bracketed 年度 is the fiscal year (not the publication date), units named in labels run
together with the next label, a unit named at the head of the title."""

from __future__ import annotations

import pytest

from jixiao.readers import report_from_text
from jixiao.readers.assemble import assemble
from jixiao.readers.blocks import Document, Table

WEB_PAGE = """\
索引号 | 11530000-X/20230410-00021 | 发布机构 | 某县农业农村局 |
公开目录 | 绩效自评报告 | 发布日期 | 2023-04-10 |
某县植保植检站2022年度项目支出绩效自评报告
一、自评结论
2022年，我站收到上级下达农作物病虫害防治资金合计12万元，实际支出12万元，实际执行率为100%。
"""


def test_page_chrome_is_not_the_title_and_the_year_is_not_the_publication_date() -> None:
    r = report_from_text(WEB_PAGE)
    assert r.title == "某县植保植检站2022年度项目支出绩效自评报告"
    assert r.fiscal_year == 2022
    assert r.organization == "某县植保植检站"
    assert not any("索引号" in s.text or "发布日期" in s.text for s in r.sections)


VIEWER = """\
2019年度部门项目支出绩效自评表单位名称某市第三人民医院填报日期2020年4月2日.docx
2019年度部门项目支出绩效自评表单位名称:某市第三人民医院填报日期:2020年4月2日项目名称发热门诊改造主管部门某市卫生健康委员会
全年预算数为300万元，执行数为288万元，执行率96%。
"""


def test_viewer_file_name_line_and_labels_run_together() -> None:
    r = report_from_text(VIEWER)
    assert r.title is not None and not r.title.endswith(".docx") and "填报日期" not in r.title
    assert r.organization == "某市第三人民医院"
    assert r.fiscal_year == 2019


@pytest.mark.parametrize(
    ("cell", "year"),
    [("部门预算项目支出绩效自评表(2023年度)", 2023), ("项目支出绩效自评表（2020年度）", 2020)],
)
def test_year_in_brackets_in_a_table_title(cell: str, year: int) -> None:
    doc = Document([Table([[cell, ""], ["项目名称", "道路养护"], ["年初预算数", "全年预算数", "全年执行数"],
                           ["10", "10", "9"]])])
    assert assemble(doc).fiscal_year == year


def test_a_row_of_cells_is_no_title() -> None:
    text = "2021年度项目支出绩效自评表 | 部门:某县第一中学 |\n全年预算数为20万元，执行数为20万元。\n"
    r = report_from_text(text)
    assert r.title == "2021年度项目支出绩效自评表"
    assert r.organization == "某县第一中学"


def test_supervisor_label_is_not_the_unit() -> None:
    text = "某项目绩效自评报告\n主管部门：某县教育局  实施单位：某县实验小学\n全年预算数为20万元，执行数为18万元。\n"
    r = report_from_text(text)
    assert (r.organization, r.supervising_department) == ("某县实验小学", "某县教育局")
