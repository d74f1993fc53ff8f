"""I13: a qualitative actual that only says it was done (达成预期指标 / 已完成 / 完成 / 良好)."""

from __future__ import annotations

import pytest

from tests.review_factory import clean_report, of, ql, run


def with_row(ind):
    r = clean_report()
    r.indicators.append(ind)
    return r


@pytest.mark.parametrize("actual", ["达成预期指标", "已完成。", "完成", "良好", "达到预期目标"])
def test_boilerplate_actual_fires(actual: str) -> None:
    [f] = of(run(with_row(ql("改善群众出行条件", "群众出行时间缩短10分钟以上", actual))), "I13")
    assert f.where == f"indicator:{len(clean_report().indicators)}" and actual.strip("。") in f.message


@pytest.mark.parametrize(
    ("target", "actual"),
    [
        ("群众出行时间缩短10分钟以上", "群众平均出行时间缩短12分钟，已完成"),
        ("是", "是"),  # a yes/no target answered in kind
        ("群众出行时间缩短10分钟以上", "部分路段未完工，出行时间缩短5分钟"),
    ],
)
def test_actual_with_content_does_not_fire(target: str, actual: str) -> None:
    assert of(run(with_row(ql("改善群众出行条件", target, actual))), "I13") == []
