"""The MoF 10号文 form in Excel: merged cells filled, typed numbers and percents as text."""

from __future__ import annotations

import pytest

from jixiao.readers.blocks import Document
from jixiao.readers.xlsx import read_xlsx
from tests.fixtures_office import MOF10_INDICATOR_HEADER, PROJECT_NAME, build_mof10_xlsx, mof10_form


@pytest.fixture(scope="module")
def doc(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return read_xlsx(build_mof10_xlsx(tmp_path_factory.mktemp("mof10x")))


def test_one_table_named_after_the_sheet(doc: Document) -> None:
    assert len(doc.blocks) == 1
    assert doc.tables[0].name == "项目支出绩效自评表"


def test_merged_title_rows_fill_every_column(doc: Document) -> None:
    rows = doc.tables[0].rows
    assert rows[0] == ["项目支出绩效自评表"] * 9
    assert rows[1] == ["（2023年度）"] * 9
    assert rows[2] == ["项目名称"] + [PROJECT_NAME] * 8


def test_numbers_and_percent_format_become_plain_text(doc: Document) -> None:
    rows = doc.tables[0].rows
    # 1070.07 and 838.41 stored as numbers, 10 as an integer, 0.7835 with 0.00%
    assert rows[5] == ["项目资金（万元）", "年度资金总额", "年度资金总额", "1070.07", "1070.07", "838.41", "10",
                       "78.35%", "7.84"]
    assert rows[7][3:6] == ["0", "0", "0"]


def test_indicator_block_after_merges(doc: Document) -> None:
    rows = doc.tables[0].rows
    start = rows.index(MOF10_INDICATOR_HEADER)
    inds = rows[start + 1 : -1]
    assert [r[1] for r in inds] == ["产出指标"] * 8 + ["效益指标"] * 3 + ["满意度指标"] * 2
    assert inds[7] == ["绩效指标", "产出指标", "成本指标", "信息系统维保成本", "≤236.87万元", "164.07万元", "5", "5",
                       "公安交通管理综合应用平台维保项目因招投标流程慢，需等结算审计后支付"]
    assert rows[-1] == ["总分"] * 6 + ["100", "97.84", ""]


def test_grid_equals_the_form(doc: Document) -> None:
    assert doc.tables[0].rows == mof10_form(excel=True).grid()
