"""An indicator whose name holds a summary-row word (等级, 合计, 总分, 预算执行) is still an indicator;
the summary rows themselves are recognised with their notes and colons."""

from __future__ import annotations

import pytest

from jixiao.readers import report_from_text
from jixiao.readers.assemble import _special_label
from tests.conftest import SAMPLE


def _sample_with(name: str):
    return report_from_text(SAMPLE.read_text(encoding="utf-8").replace("系统验收合格率", name))


@pytest.mark.parametrize("name", ["安全等级达标率", "合计节约资金", "总分析报告数", "预算执行进度"])
def test_renamed_indicator_is_read(name: str) -> None:
    report = _sample_with(name)
    assert len(report.indicators) == 30
    ind = next(i for i in report.indicators if i.name == name)
    assert (ind.operator, ind.target, ind.actual, ind.unit) == ("=", 98, 98, "%")
    assert report.stated_total is None and report.stated_grade is None


@pytest.mark.parametrize(
    ("cell", "kind"),
    [
        ("合计", "total"), ("总 计", "total"), ("总分（100分）", "total"), ("自评总分：", "total"),
        ("项目总分", "total"), ("评价等级：", "grade"), ("等级", "grade"), ("预算执行率(%)", "budget"),
        ("预算执行率（10分）", "budget"),
        ("安全等级达标率", None), ("合计节约资金", None), ("等级公路里程", None), ("预算执行进度", None),
        ("", None),
    ],
)
def test_summary_row_labels(cell: str, kind: str | None) -> None:
    assert _special_label(cell) == kind
