"""The fiscal year of a form whose title stands in a table cell: 部门预算项目支出绩效自评表(2023年度)."""

from jixiao.readers import report_from_text
from tests.layout_docs import NUMBERED_INTERLEAVED, SICHUAN_LEADING_CELL


def test_year_in_brackets_after_the_form_title():
    assert report_from_text(SICHUAN_LEADING_CELL).fiscal_year == 2023
    assert report_from_text(NUMBERED_INTERLEAVED).fiscal_year == 2021
