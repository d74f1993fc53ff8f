"""The Sichuan form in Excel: several sheets, a form starting at B3, percents and numbers stored as text."""

from __future__ import annotations

import pytest

from jixiao.readers.blocks import Document
from jixiao.readers.xlsx import read_xlsx
from tests.fixtures_office import (
    GOAL,
    SICHUAN_INDICATOR_HEADER,
    SICHUAN_NOTES,
    SICHUAN_SHEET,
    build_sichuan_xlsx,
    sichuan_form,
)


@pytest.fixture(scope="module")
def doc(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return read_xlsx(build_sichuan_xlsx(tmp_path_factory.mktemp("sichuan")))


def test_one_table_per_non_empty_sheet_in_order(doc: Document) -> None:
    assert [t.name for t in doc.tables] == ["说明", SICHUAN_SHEET]  # the empty sheet "空白" is skipped
    assert doc.tables[0].rows == [[line] for line in SICHUAN_NOTES]


def test_form_at_b3_is_trimmed_to_its_content(doc: Document) -> None:
    rows = doc.tables[1].rows
    assert rows[0] == ["部门预算项目支出绩效自评表"] * 10  # no leading empty column A, no rows 1-2
    assert {len(r) for r in rows} == {10}
    assert rows == sichuan_form().grid()


def test_budget_block_percent_and_number_stored_as_text(doc: Document) -> None:
    rows = doc.tables[1].rows
    assert rows[4][:8] == [
        "预算执行情况（10分）", "", "年初预算", "调整后预算数", "预算执行数", "执行率", "分值", "得分",
    ]
    assert rows[5][:8] == ["预算执行情况（10分）", "年度资金总额", "1070.07", "1070.07", "838.41", "78.35%", "10",
                           "7.84"]


def test_long_goal_text_spans_the_merged_columns(doc: Document) -> None:
    rows = doc.tables[1].rows
    assert rows[8] == ["年度总体目标"] + [GOAL] * 9


def test_indicator_rows_with_percent_formats(doc: Document) -> None:
    rows = doc.tables[1].rows
    start = rows.index(SICHUAN_INDICATOR_HEADER)
    by_name = {r[2]: r for r in rows[start + 1 : -1]}
    assert by_name["监控网络链路"] == ["产出指标", "数量指标", "监控网络链路", "≥", "23", "条", "23", "8", "8", ""]
    # 0.98 with format 0.00%
    assert by_name["系统验收合格率"][3:7] == ["＝", "98.00%", "%", "98.00%"]
    # 0.95 / 0.96 with format 0%
    assert by_name["社会公众满意度"] == ["满意度指标", "服务对象满意度指标", "社会公众满意度", "≥", "95%", "%", "96%",
                                   "5", "5", ""]
    assert by_name["交管局链路每年线路租用成本"][4] == "35.5"
    assert by_name["维护道路交通安全"][3:7] == ["定性", "作用明显", "", "作用明显"]
    assert rows[-1] == ["总分"] * 7 + ["100", "97.84", ""]
