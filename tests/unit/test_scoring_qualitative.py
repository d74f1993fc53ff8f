"""Qualitative scoring (scoring.md, "Qualitative grades"): grade from the actual text, band fractions, stated
scores inside the band, and text actuals on quantitative indicators (I06)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao.scoring import grade_text, score_indicator
from tests.scoring_factory import policy, qual, quant, text_actual

W = D(10)
P = policy()


# --- grade_text ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("actual", "target"), [
    ("作用明显", "作用明显"),
    ("逐步提高", "逐步提高"),
    ("稳步推进", "稳步推进"),            # same text as the target, whatever the words
    ("未发生重大安全事故", "未发生重大安全事故"),
    (" 作用 明显 ", "作用明显"),          # whitespace does not matter
    ("达成", "作用明显"),
    ("已完成", "按期完成"),
    ("完成", "按期完成"),
    ("实现", "实现全覆盖"),
    ("符合要求", "符合国家标准"),
    ("效果明显", "有所改善"),
    ("服务质量不断提高", "逐步提高"),     # 不断 is not a negation
    ("未发生安全事故", "安全运行"),       # 未发生 is not a negation
    ("全年无事故", "安全运行"),
])
def test_achieved(actual: str, target: str) -> None:
    assert grade_text(actual, target, P) == "achieved"


@pytest.mark.parametrize("actual", ["部分完成", "基本完成", "基本达成", "一定程度提高", "部分实现", "初步建成"])
def test_partial(actual: str) -> None:
    assert grade_text(actual, "作用明显", P) == "partial"


@pytest.mark.parametrize("actual", ["未完成", "未达成", "没有达到预期", "效果较差", "作用不明显", "尚未建成",
                                    "无法完成"])
def test_not_achieved(actual: str) -> None:
    assert grade_text(actual, "作用明显", P) == "not_achieved"


@pytest.mark.parametrize(("actual", "target"), [("稳步推进", "逐步提高"), ("持续开展", "作用明显"),
                                                ("见附件", "逐步提高")])
def test_unclear(actual: str, target: str) -> None:
    assert grade_text(actual, target, P) == "unclear"


# --- qualitative indicator scores ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("actual", "grade", "met", "expected"), [
    ("作用明显", "achieved", True, D("10.00")),
    ("已完成", "achieved", True, D("10.00")),
    ("部分完成", "partial", False, D("7.000")),
    ("基本达成", "partial", False, D("7.000")),
    ("未完成", "not_achieved", False, D("3.000")),
    ("没有达到", "not_achieved", False, D("3.000")),
    ("效果较差", "not_achieved", False, D("3.000")),
    ("稳步推进", "unclear", None, D("8.000")),
])
def test_band_fraction_of_weight(actual: str, grade: str, met: bool | None, expected: D) -> None:
    target = "逐步提高" if actual == "稳步推进" else "作用明显"
    s = score_indicator(qual(target, actual), W, P, 5)
    assert s.grade == grade
    assert s.met is met
    assert s.score == expected
    assert s.max_score == W
    assert s.index == 5
    assert s.basis == "band"


def test_unequal_weight_fractions_exact() -> None:
    assert score_indicator(qual("作用明显", "部分完成"), D("2.17"), P).score == D("1.519")
    assert score_indicator(qual("作用明显", "未完成"), D("7.5"), P).score == D("2.25")
    assert score_indicator(qual("逐步提高", "稳步推进"), D("3.75"), P).score == D("3")


def test_no_actual_text_scores_zero_met_none() -> None:
    # no actual at all is I08 (no actual value), not I11: nothing is claimed, nothing is scored
    for blank in ("", "  ", "\n"):
        s = score_indicator(qual("作用明显", blank), W, P)
        assert s.score == D(0)
        assert s.met is None
        assert s.max_score == W


# --- stated scores inside / outside the band ------------------------------------------------------------------------

@pytest.mark.parametrize(("actual", "stated", "expected", "basis"), [
    # achieved: [80 %, 100 %]
    ("作用明显", "9", D("9"), "stated"),
    ("作用明显", "8", D("8"), "stated"),          # band bottom is inside
    ("作用明显", "10", D("10"), "stated"),        # band top is inside
    ("作用明显", "7.99", D("10.00"), "band"),     # below the band: computed fraction
    ("作用明显", "11", D("10.00"), "band"),       # above the weight
    ("作用明显", "0", D("10.00"), "band"),
    # partial: [60 %, 80 %)
    ("部分完成", "6.5", D("6.5"), "stated"),
    ("部分完成", "6", D("6"), "stated"),
    ("部分完成", "8", D("7.000"), "band"),        # 80 % belongs to 达成, not 部分达成
    ("部分完成", "5", D("7.000"), "band"),
    ("部分完成", "10", D("7.000"), "band"),
    # not achieved: [0, 60 %)
    ("未完成", "5", D("5"), "stated"),
    ("未完成", "0", D("0"), "stated"),
    ("未完成", "6", D("3.000"), "band"),
    ("未完成", "9", D("3.000"), "band"),
])
def test_stated_score_in_band(actual: str, stated: str, expected: D, basis: str) -> None:
    s = score_indicator(qual("作用明显", actual, stated_score=stated), W, P)
    assert s.score == expected
    assert s.basis == basis


def test_stated_score_band_is_relative_to_the_weight() -> None:
    s = score_indicator(qual("作用明显", "作用明显", stated_score="4.5"), D(5), P)
    assert (s.score, s.basis) == (D("4.5"), "stated")
    s = score_indicator(qual("作用明显", "作用明显", stated_score="3.9"), D(5), P)
    assert (s.score, s.basis) == (D("5.00"), "band")


def test_unclear_ignores_stated_score() -> None:
    s = score_indicator(qual("逐步提高", "稳步推进", stated_score="10"), W, P)
    assert s.score == D("8.000")
    assert s.grade == "unclear"


def test_stated_score_not_accepted_when_policy_says_so(tmp_path) -> None:
    f = tmp_path / "strict.toml"
    f.write_text('name = "strict"\nextends = "mof-2020"\n[qualitative]\naccept_stated_in_band = false\n',
                 encoding="utf-8")
    s = score_indicator(qual("作用明显", "作用明显", stated_score="9"), W, policy(str(f)))
    assert (s.score, s.basis) == (D("10.00"), "band")


# --- text actual on a quantitative indicator (I06) ------------------------------------------------------------------

@pytest.mark.parametrize(("op", "text", "grade", "met", "expected"), [
    (">=", "完成", "achieved", True, D("10.00")),
    ("<=", "已完成", "achieved", True, D("10.00")),
    ("=", "达标", "achieved", True, D("10.00")),
    (">=", "基本完成", "partial", False, D("7.000")),
    (">=", "未完成", "not_achieved", False, D("3.000")),
    (">=", "持续开展", "unclear", None, D("8.000")),
])
def test_text_actual_on_quantitative_scored_like_qualitative(op: str, text: str, grade: str, met: bool | None,
                                                             expected: D) -> None:
    s = score_indicator(text_actual(op, "100", text), W, P)
    assert s.grade == grade
    assert s.met is met
    assert s.score == expected


def test_text_actual_stated_score_in_band_accepted() -> None:
    s = score_indicator(text_actual(">=", "100", "完成", stated_score="9"), W, P)
    assert (s.score, s.basis) == (D("9"), "stated")


def test_numeric_quantitative_ignores_stated_score() -> None:
    s = score_indicator(quant(">=", "100", "80", stated_score="10"), W, P)
    assert s.score == D("8")
