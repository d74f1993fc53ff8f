"""N01: numbers written in full-width digits (２．５, ９５％) are read as the same number."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao.claims import extract_value_claims, half_width
from jixiao.review import load_words
from tests.review_factory import of, q, run
from tests.unit.test_rules_narrative import narrated

WORDS = load_words()


def test_half_width_keeps_length() -> None:
    assert half_width("服务人口２．５万人") == "服务人口2.5万人"
    assert len(half_width("９５％")) == 3


@pytest.mark.parametrize(
    ("text", "number"),
    [("服务人口２．５万人。", D("2.5")), ("群众满意度９５％。", D(95)), ("培训人次１２０人次。", D(120))],
)
def test_full_width_value_read_whole(text: str, number: D) -> None:
    [claim] = extract_value_claims(text, WORDS)
    assert claim.number == number


@pytest.mark.parametrize("text", ["服务人口２．５万人。", "全年服务人口达到２．５万人。", "服务人口为2.5万人。"])
def test_matching_full_width_value_is_no_contradiction(text: str) -> None:
    r = narrated(text, q("服务人口", ">=", "2.5", "2.5", "万人"))
    assert of(run(r), "N01") == []


def test_different_full_width_value_still_contradicts() -> None:
    r = narrated("服务人口３．５万人。", q("服务人口", ">=", "2.5", "2.5", "万人"))
    [f] = of(run(r), "N01")
    assert f.evidence["stated_value"] == D("3.5")
