"""The transfer-payment form as a text PDF: merged cells, wrapped cells and a table split over two pages."""

from __future__ import annotations

import time

import pytest

from jixiao.readers.blocks import Document, Paragraph
from jixiao.readers.pdf import read_pdf
from tests.fixtures_office import (
    GOAL,
    GOAL_2,
    LONG_COST_NAME,
    ORGANIZATION,
    PROJECT_NAME,
    TRANSFER_INDICATOR_HEADER,
    TRANSFER_INDICATORS,
    build_transfer_pdf,
    cjk_font_available,
    transfer_indicator_form,
    weasyprint_available,
)

pytestmark = pytest.mark.skipif(
    not (weasyprint_available() and cjk_font_available()),
    reason="needs WeasyPrint and a CJK font (fc-list :lang=zh), e.g. Debian fonts-wqy-microhei",
)


@pytest.fixture(scope="module")
def doc(tmp_path_factory: pytest.TempPathFactory) -> Document:
    path = build_transfer_pdf(tmp_path_factory.mktemp("pdf"))
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) == 2  # the indicator table really is split
    start = time.perf_counter()
    document = read_pdf(path)
    assert time.perf_counter() - start < 2
    return document


def test_blocks_in_reading_order_without_page_numbers(doc: Document) -> None:
    summary = [b.text if isinstance(b, Paragraph) else "<table>" for b in doc.blocks]
    assert summary == [
        "中央对地方转移支付区域绩效自评表",
        "（2023年度）",
        "<table>",
        "绩效指标完成情况如下：",
        "<table>",  # one table although it runs over two pages
        f"填报单位：{ORGANIZATION}",
    ]


def test_fund_table_with_merged_and_wrapped_label_cells(doc: Document) -> None:
    rows = doc.tables[0].rows
    assert rows[0] == ["转移支付（项目）名称"] + [PROJECT_NAME] * 4  # label wrapped over 4 lines
    assert rows[2] == ["资金情况（万元）", "", "全年预算数(A)", "全年执行数(B)", "执行率(B/A)"]
    assert rows[3] == ["资金情况（万元）", "年度资金总额", "1070.07", "838.41", "78.35%"]
    assert rows[4][1:] == ["其中：中央补助", "1070.07", "838.41", "78.35%"]
    assert rows[6][1:] == ["其他资金", "0", "0", "—"]
    # paragraph breaks inside a PDF cell cannot be told from wrapping: the lines are joined
    assert rows[8][1] == GOAL + GOAL_2


def test_split_table_is_one_table_with_the_repeated_header_dropped(doc: Document) -> None:
    rows = doc.tables[1].rows
    assert rows[0] == TRANSFER_INDICATOR_HEADER  # "一级\n指标" joined
    assert len(rows) == 1 + len(TRANSFER_INDICATORS)
    assert rows.count(TRANSFER_INDICATOR_HEADER) == 1
    assert [r[2] for r in rows[1:]] == [i.name for i in TRANSFER_INDICATORS]


def test_wrapped_cjk_cells_are_joined_without_newlines(doc: Document) -> None:
    by_name = {r[2]: r for r in doc.tables[1].rows[1:]}
    assert by_name[LONG_COST_NAME] == [
        "产出指标", "成本指标", LONG_COST_NAME, "≤236.87万元", "164.07万元",
        "公安交通管理综合应用平台维保项目因招投标流程慢，需等结算审计后支付",
    ]
    assert by_name["80+拉林卡口链路每年线路租用成本"][3:5] == ["≤815.31万元", "815.31万元"]
    assert by_name["采用节能环保设备及材料，项目生产期间减少废气、废料排放"][1:5] == [
        "生态效益指标", "采用节能环保设备及材料，项目生产期间减少废气、废料排放", "符合国家标准", "符合国家标准",
    ]


def test_merged_level_cells_carry_over_the_page_break(doc: Document) -> None:
    rows = doc.tables[1].rows
    # 产出指标 spans 23 rows, 12 on page 1 and 11 on page 2 (where the cut cell is empty)
    assert [r[0] for r in rows[1:]] == [i.level1 for i in TRANSFER_INDICATORS]
    assert [r[1] for r in rows[1:]] == [i.level2 for i in TRANSFER_INDICATORS]


def test_same_cells_as_the_word_version_except_joined_spaces(doc: Document) -> None:
    expected = transfer_indicator_form().grid()
    got = doc.tables[1].rows
    differ = [(e, g) for e, g in zip(expected, got, strict=True) if e != g]
    # the only difference: "有效节约 作用明显" wrapped at its space comes back as one CJK run
    assert differ == [(
        ["效益指标", "社会效益指标", TRANSFER_INDICATORS[23].name, "作用明显", "有效节约 作用明显", ""],
        ["效益指标", "社会效益指标", TRANSFER_INDICATORS[23].name, "作用明显", "有效节约作用明显", ""],
    )]
