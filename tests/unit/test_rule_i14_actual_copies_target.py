"""I14: a qualitative actual copied word for word from the target."""

from __future__ import annotations

import pytest

from tests.review_factory import clean_report, of, ql, run


def with_row(ind):
    r = clean_report()
    r.indicators.append(ind)
    return r


@pytest.mark.parametrize(
    ("target", "actual"),
    [("不超过预算", "不超过预算"), ("保证财政资金专款专用", "保证财政资金专款专用。"),
     ("服务范围 扩大", "服务范围扩大")],
)
def test_copied_actual_fires(target: str, actual: str) -> None:
    [f] = of(run(with_row(ql("项目管理", target, actual))), "I14")
    assert f.evidence["target_text"] == target


@pytest.mark.parametrize(
    ("target", "actual"),
    [("不超过预算", "实际支出98万元，未超过预算"), ("优", "优"), ("服务范围扩大", "新增服务乡镇3个，服务范围扩大")],
)
def test_different_or_short_actual_does_not_fire(target: str, actual: str) -> None:
    assert of(run(with_row(ql("项目管理", target, actual))), "I14") == []


def test_copied_is_not_also_boilerplate() -> None:
    fs = run(with_row(ql("项目管理", "达到预期目标", "达到预期目标")))
    assert of(fs, "I13") == [] and len(of(fs, "I14")) == 1
