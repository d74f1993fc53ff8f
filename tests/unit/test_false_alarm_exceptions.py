"""N02: an exception clause (除…外 / 除…以外 / 仅…未 / …未完成，其余) takes the named indicators out of a
claim of full completion, also when it names them by a short form."""

from __future__ import annotations

import pytest

from tests.review_factory import of, q, run
from tests.unit.test_rules_narrative import narrated


def table():
    return [
        q("年度森林抚育面积", ">=", "5000", "4200", "亩", deviation_reason="雨季延长，部分地块无法进场"),
        q("苗木成活率", ">=", "90", "93", "%", level2="quality"),
        q("林区群众满意度", ">=", "90", "95", "%", "satisfaction", "satisfaction"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "除森林抚育面积外，其余指标均已完成。",
        "除森林抚育面积以外，其他指标全部完成。",
        "除了年度森林抚育面积之外，各项指标均已完成。",
        "仅森林抚育面积未完成，其余指标均已达到。",
        "森林抚育面积未完成，其余各项均已完成。",
    ],
)
def test_exception_naming_the_unmet_indicator_is_no_contradiction(text: str) -> None:
    assert of(run(narrated(text, *table())), "N02") == []


@pytest.mark.parametrize(
    "text",
    [
        "除苗木成活率外，其余指标均已完成。",  # excepts a met one: the unmet one is still claimed
        "各项指标均已完成。",
        "除满意度以外，其他指标全部完成。",
    ],
)
def test_exception_naming_another_indicator_still_contradicts(text: str) -> None:
    [f] = of(run(narrated(text, *table())), "N02")
    assert f.evidence["unmet_indicators"] == ["年度森林抚育面积"]
