"""S06: a stated total above what the stated weights allow given the visible deductions; S03 also
reads a total stated only in the prose."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao.model import Budget, Provenance
from tests.review_factory import clean_report, of, q, run, with_sections


def form(total: str | None, *scores: tuple[str, str], budget: tuple[str, str] = ("10", "9")):
    r = clean_report()
    r.indicators = [q(f"指标{k}", ">=", "10", "10", "个", weight=D(w), stated_score=D(s))
                    for k, (w, s) in enumerate(scores)]
    r.budget = Budget(annual=D(100), executed=D(100), weight=D(budget[0]), stated_score=D(budget[1]))
    r.stated_total = D(total) if total is not None else None
    return r


@pytest.mark.parametrize(
    ("total", "scores", "ceiling"),
    [
        ("98", [("5", "4"), ("15", "13"), ("10", "8"), ("60", "60")], D(94)),
        ("100", [("45", "45"), ("45", "44")], D(98)),
    ],
)
def test_total_above_ceiling_fires(total: str, scores, ceiling: D) -> None:
    [f] = of(run(form(total, *scores)), "S06")
    assert f.severity == "error" and f.evidence["ceiling"] == ceiling


@pytest.mark.parametrize(
    ("total", "scores"),
    [("94", [("5", "4"), ("15", "13"), ("10", "8"), ("60", "60")]), ("90", [("45", "45"), ("45", "44")]), (None, [])],
)
def test_total_within_ceiling_does_not_fire(total, scores) -> None:
    assert of(run(form(total, *scores)), "S06") == []


def test_unsure_score_makes_it_a_warning() -> None:
    r = form("100", ("45", "45"), ("45", "44"))
    r.indicators[1].provenance["stated_score"] = Provenance("ocr", "第3行")
    [f] = of(run(r), "S06")
    assert f.severity == "warning" and f.evidence["rests_on_unsure_figure"] is True


@pytest.mark.parametrize("text", ["经综合评定，本项目自评得分为100分。", "项目自评总分：100分，评价等级为优。"])
def test_total_in_prose_counts(text: str) -> None:
    r = with_sections(form(None, ("45", "45"), ("45", "40")), ("六、自评结论", text))
    [f] = of(run(r), "S06")
    assert f.evidence["stated_total_from"] == "prose" and f.evidence["stated_total"] == D(100)


@pytest.mark.parametrize("text", ["本项目自评得分为80分。", "经评价，项目综合得分80分，评价等级为良。"])
def test_s03_reads_a_total_in_prose(text: str) -> None:
    r = with_sections(form(None, ("45", "45"), ("45", "45"), budget=("10", "10")), ("六、自评结论", text))
    [s03] = [x for x in of(run(r), "S03") if "stated_total" in x.evidence]
    assert s03.evidence["stated_total_from"] == "prose" and s03.evidence["stated_total"] == D(80)
    assert "报告正文所述自评总分80分" in s03.message


@pytest.mark.parametrize("text", ["自评结果应用于下年度预算安排。", "得分率较高的指标占多数。"])
def test_prose_without_a_total_is_no_total(text: str) -> None:
    r = with_sections(form(None, ("45", "45"), ("45", "40")), ("六、自评结论", text))
    assert of(run(r), "S06") == [] and of(run(r), "S03") == []
