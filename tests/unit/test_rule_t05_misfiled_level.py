"""T05: a cost-control/administration name under 经济效益/生态效益, a 满意度 indicator outside the
satisfaction level, a cost indicator under 数量指标."""

from __future__ import annotations

import pytest

from tests.review_factory import clean_report, of, q, ql, run


def with_row(ind):
    r = clean_report()
    r.indicators.append(ind)
    return r


@pytest.mark.parametrize(
    "ind",
    [
        ql("成本控制", "不超过预算", "未超过预算", "benefit", "economic"),
        ql("资金专款专用", "专款专用", "已做到专款专用", "benefit", "ecological"),
        q("社会公众满意度", ">=", "90", "95", "%", "benefit", "social"),
        q("受益群众满意率", ">=", "90", "95", "%", "output", "quality"),
        ql("成本控制", "不超过预算", "未超过预算", "output", "quantity"),
        q("每亩补助标准", "=", "300", "300", "元/亩", "output", "quantity"),
    ],
)
def test_misfiled_fires(ind) -> None:
    [f] = of(run(with_row(ind)), "T05")
    assert f.evidence["indicator"] == ind.name


@pytest.mark.parametrize(
    "ind",
    [
        q("农户生产成本降低", ">=", "5", "6", "%", "benefit", "economic"),  # an economic benefit
        q("社会公众满意度", ">=", "90", "95", "%", "satisfaction", "satisfaction"),
        q("每亩补助标准", "=", "300", "300", "元/亩", "output", "cost"),
        q("培训人次", ">=", "100", "120", "人次", "output", "quantity"),
    ],
)
def test_rightly_filed_does_not_fire(ind) -> None:
    assert of(run(with_row(ind)), "T05") == []


def test_inferred_levels_are_not_judged() -> None:
    ind = q("社会公众满意度", ">=", "90", "95", "%", "benefit", "social", levels_inferred=True)
    assert of(run(with_row(ind)), "T05") == []
