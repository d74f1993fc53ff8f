"""One cell per line without tab prefixes: rows separated by blank lines, empty cells as blank lines."""

from __future__ import annotations

from decimal import Decimal as D

from jixiao.readers import report_from_text
from tests.text_docs import CELLS_PLAIN


def test_rows_and_empty_cells():
    inds = report_from_text(CELLS_PLAIN).indicators
    assert [(i.name, i.operator, i.target, i.unit, i.actual) for i in inds] == [
        ("健身路径建设", ">=", D("30"), "个", D("30")),
        ("器材验收合格率", "=", D("100"), "%", D("100")),
        ("群众健身意识", "qualitative", None, None, None),
        ("群众满意度", ">=", D("90"), "%", D("92")),
    ]
    assert inds[2].target_text == "明显提高" and inds[2].actual_text == "明显提高"


def test_narrative_after_the_table_is_a_section():
    r = report_from_text(CELLS_PLAIN)
    assert r.section("偏离绩效目标").text == "无。"
