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


LEVELS_PLAIN = """2023年度农机购置补贴项目绩效自评报告

全年预算数800万元，全年执行数760万元，预算执行率95%。

一级指标
二级指标
三级指标
年度指标值
实际完成值

产出指标
数量指标
补贴机具数量
≥1200台
1250台



质量指标
机具抽检合格率
≥95%
97%

效益指标
社会效益指标
带动农户增收
≥500万元
520万元



经济效益指标
降低作业成本
定性
明显降低

满意度指标
服务对象满意度指标
购机农户满意度
≥90%
94%

三、偏离绩效目标的原因和下一步改进措施
无。
"""


def test_merged_level_cells_as_blank_lines():
    inds = report_from_text(LEVELS_PLAIN).indicators
    assert [(i.name, i.level1, i.level2, i.operator, i.target, i.actual) for i in inds] == [
        ("补贴机具数量", "output", "quantity", ">=", D("1200"), D("1250")),
        ("机具抽检合格率", "output", "quality", ">=", D("95"), D("97")),
        ("带动农户增收", "benefit", "social", ">=", D("500"), D("520")),
        ("降低作业成本", "benefit", "economic", "qualitative", None, None),
        ("购机农户满意度", "satisfaction", "satisfaction", ">=", D("90"), D("94")),
    ]
    assert not any(i.levels_inferred for i in inds)
