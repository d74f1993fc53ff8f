"""N02: "不存在未完成的指标" / "无未完成情况" says nothing is unmet (a claim of full completion)."""

from __future__ import annotations

import pytest

from jixiao.claims import completion_claims
from jixiao.review import load_words
from tests.review_factory import of, q, run
from tests.unit.test_rules_narrative import narrated

WORDS = load_words()

PHRASINGS = [
    "本年度不存在未完成的指标。",
    "各项指标无未完成情况。",
    "项目没有未完成的绩效指标。",
    "全年未出现未完成的任务。",
    "本项目不存在任何未完成的指标。",
]


def met_table():
    return [q("培训人次", ">=", "500", "520", "人次"), q("群众满意度", ">=", "90", "93", "%", "satisfaction",
                                                          "satisfaction")]


@pytest.mark.parametrize("text", PHRASINGS)
def test_double_negation_is_a_claim_of_full_completion(text: str) -> None:
    kinds = [c.kind for c in completion_claims(narrated(text, *met_table()), WORDS)]
    assert kinds == ["full"]


@pytest.mark.parametrize("text", PHRASINGS)
def test_double_negation_with_all_met_is_no_contradiction(text: str) -> None:
    assert of(run(narrated(text, *met_table())), "N02") == []


@pytest.mark.parametrize("text", PHRASINGS[:3])
def test_double_negation_with_an_unmet_indicator_contradicts(text: str) -> None:
    table = [*met_table(), q("新建站点", ">=", "12", "10", "个", deviation_reason="征地未完成")]
    [f] = of(run(narrated(text, *table)), "N02")
    assert f.evidence["claim"] == "full" and f.evidence["unmet_indicators"] == ["新建站点"]


def test_plain_unmet_is_still_partial() -> None:
    kinds = [c.kind for c in completion_claims(narrated("新建站点未完成。", *met_table()), WORDS)]
    assert kinds == ["partial"]
