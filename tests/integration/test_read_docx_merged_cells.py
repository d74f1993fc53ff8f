"""A Word form with horizontal and vertical merges comes back on its grid, merged text repeated."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.readers.blocks import Document, Paragraph, Table
from jixiao.readers.docx import read_docx
from tests.fixtures_office import (
    GOAL,
    GOAL_2,
    MOF10_FUND_HEADER,
    MOF10_INDICATOR_HEADER,
    ORGANIZATION,
    PROJECT_NAME,
    build_mof10_docx,
    mof10_form,
)


@pytest.fixture(scope="module")
def doc(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return read_docx(build_mof10_docx(tmp_path_factory.mktemp("mof10")))


@pytest.fixture(scope="module")
def rows(doc: Document) -> list[list[str]]:
    assert len(doc.tables) == 1
    return doc.tables[0].rows


def test_title_paragraphs_before_the_table_and_note_after(doc: Document) -> None:
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Paragraph", "Paragraph", "Table", "Paragraph"]
    assert isinstance(doc.blocks[0], Paragraph) and doc.blocks[0].text == "项目支出绩效自评表"
    assert isinstance(doc.blocks[1], Paragraph) and doc.blocks[1].text == "（2023年度）"
    assert isinstance(doc.blocks[3], Paragraph) and doc.blocks[3].text == "填报说明：金额单位为万元。"


def test_every_row_has_one_entry_per_grid_column(rows: list[list[str]]) -> None:
    assert {len(r) for r in rows} == {9}
    assert len(rows) == 24


def test_horizontal_merge_repeats_text_in_each_covered_column(rows: list[list[str]]) -> None:
    assert rows[0] == ["项目名称"] + [PROJECT_NAME] * 8
    assert rows[1][4:6] == ["实施单位", "实施单位"]
    assert rows[1][6:] == [ORGANIZATION] * 3
    assert rows[-1] == ["总分"] * 6 + ["100", "97.84", ""]


def test_fund_block_values_stay_in_their_columns(rows: list[list[str]]) -> None:
    assert rows[2] == MOF10_FUND_HEADER
    assert rows[3] == ["项目资金（万元）", "年度资金总额", "年度资金总额", "1070.07", "1070.07", "838.41", "10",
                       "78.35%", "7.84"]
    assert rows[6][1] == "其他资金"


def test_vertical_merge_carries_the_text_of_the_cell_above(rows: list[list[str]]) -> None:
    indicator_rows = rows[rows.index(MOF10_INDICATOR_HEADER) + 1 : -1]
    assert len(indicator_rows) == 13
    assert all(r[0] == "绩效指标" for r in indicator_rows)
    assert [r[1] for r in indicator_rows] == ["产出指标"] * 8 + ["效益指标"] * 3 + ["满意度指标"] * 2
    assert [r[2] for r in indicator_rows[:3]] == ["数量指标"] * 3
    assert indicator_rows[3] == ["绩效指标", "产出指标", "质量指标", "系统验收合格率", "98%", "98%", "6", "6", ""]
    assert indicator_rows[12][1:6] == ["满意度指标", "服务对象满意度指标", "网络使用人员满意度", "≥95%", "97%"]


def test_cell_with_two_paragraphs_is_joined_with_newline(rows: list[list[str]]) -> None:
    goal_row = rows[8]
    assert goal_row[0] == "年度总体目标"
    assert goal_row[1] == GOAL + "\n" + GOAL_2


def test_whole_grid_matches_the_form(rows: list[list[str]]) -> None:
    assert rows == mof10_form().grid()


def test_accepts_a_str_path(tmp_path: Path) -> None:
    doc = read_docx(str(build_mof10_docx(tmp_path)))  # type: ignore[arg-type]
    assert isinstance(doc.blocks[2], Table)
