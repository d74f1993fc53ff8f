"""S04: an unmet indicator given full marks."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from tests.review_factory import clean_report, of, q, ql, run


def scored(*rows):
    r = clean_report()
    r.indicators = list(rows)
    return r


@pytest.mark.parametrize(
    "ind",
    [
        q("政策知晓率", "=", "100", "98", "%", weight=D(10), stated_score=D(10), deviation_reason="宣传不足"),
        q("燃油补贴人次", ">=", "180", "164", "人次", weight=D(15), stated_score=D(15)),
        ql("制度建设", "建立健全管理制度", "部分制度尚未建立", weight=D(10), stated_score=D(10)),
    ],
)
def test_unmet_with_full_marks_fires(ind) -> None:
    [f] = of(run(scored(ind)), "S04")
    assert f.evidence["stated_score"] == f.evidence["weight"] and f.where == "indicator:0"
    assert ind.name in f.message


@pytest.mark.parametrize(
    "ind",
    [
        q("政策知晓率", "=", "100", "98", "%", weight=D(10), stated_score=D(9), deviation_reason="宣传不足"),
        q("燃油补贴人次", ">=", "180", "190", "人次", weight=D(15), stated_score=D(15)),
        q("燃油补贴人次", ">=", "180", "164", "人次"),  # no stated score
    ],
)
def test_docked_or_met_or_unscored_does_not_fire(ind) -> None:
    assert of(run(scored(ind)), "S04") == []


def test_s01_on_the_same_row_is_caused_by_s04() -> None:
    fs = run(scored(q("燃油补贴人次", ">=", "180", "164", "人次", weight=D(15), stated_score=D(15))))
    [s01] = of(fs, "S01")
    assert s01.caused_by == {"code": "S04", "where": "indicator:0"}
