"""Rules of jixiao.values that mutation testing found unstated (docs/mutation.md).

Each test states one rule a survivor of ``scripts/mutation.py values`` broke: boundaries of lengths and
ranges, the operator a non-number cell still reports, prefixes that disagree with the unit, the
loader's checks of values.toml. A few tests call a private helper: those helpers run only at import
time (word lists compiled into patterns), so only a direct call can state their rule.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao import values
from jixiao.values import ParsedValue, fmt, is_percent_unit, normalize, parse_value, to_wan

MAX = values._MAX_CELL


# --- the data file and what is compiled from it at import ------------------------------------------


def test_spellings_are_read_from_the_packaged_values_toml() -> None:
    data = values._load()
    assert data == values._DATA
    assert ">=" in data["operators"] and "万元" in data["money_units"]


def test_alternation_tries_longer_spellings_first_each_once_and_escaped() -> None:
    # 及以上 must be tried before 以上, or 95%及以上 leaves 及 behind as a unit
    assert values._alternation(["b", "ab", "b"]) == "ab|b"
    assert values._alternation(["以上", "及以上", "或以上"]).split("|")[0] in ("及以上", "或以上")
    assert values._alternation(["a.b", "+"]) == r"a\.b|\+"


@pytest.mark.parametrize("spelling", ["一", "\u9fff", "不低于", "≥一"])
def test_a_spelling_with_a_chinese_character_is_a_word(spelling: str) -> None:
    assert values._is_symbolic(spelling) is False


@pytest.mark.parametrize("spelling", ["≥", ">=", "＜", "="])
def test_a_spelling_without_chinese_characters_is_a_symbol(spelling: str) -> None:
    assert values._is_symbolic(spelling) is True


@pytest.mark.parametrize(("factor", "exp"), [("10000", 4), ("1", 0), ("0.0001", -4), ("1E+8", 8)])
def test_money_factors_are_powers_of_ten(factor: str, exp: int) -> None:
    assert values._power_of_ten(Decimal(factor)) == exp


@pytest.mark.parametrize("factor", ["3", "20", "-10", "0.5"])
def test_a_money_factor_that_is_not_a_power_of_ten_is_refused(factor: str) -> None:
    with pytest.raises(ValueError, match="not a power of ten"):
        values._power_of_ten(Decimal(factor))


# --- what is not a string ----------------------------------------------------------------------


def test_what_is_not_a_string_reads_as_empty_text() -> None:
    assert normalize(None) == ""  # type: ignore[arg-type]
    assert values._canon(None) == ""  # type: ignore[arg-type]
    assert parse_value(None) == ParsedValue(text="", operator=None, number=None, unit=None, percent=False)  # type: ignore[arg-type]


# --- lengths -------------------------------------------------------------------------------------


def test_a_long_text_keeps_its_text_and_has_no_number() -> None:
    sentence = "本项目" + "资金" * MAX + "95%"
    assert parse_value(sentence) == ParsedValue(text=sentence, operator=None, number=None, unit=None, percent=False)
    paragraph = "本项目" + "资金" * (2 * MAX) + "95%"
    assert parse_value(paragraph).text == paragraph
    assert parse_value(paragraph).number is None


def test_a_cell_is_read_up_to_four_times_the_cell_length_counting_its_spaces() -> None:
    # padded cells (a value centred with spaces) are still cells up to 4 × max_length characters
    at_limit = " " * (4 * MAX - 3) + "95%"
    assert len(at_limit) == 4 * MAX
    assert parse_value(at_limit).number == Decimal("95")
    over = " " + at_limit
    assert parse_value(over).number is None
    assert parse_value(over).text == over


def test_a_percent_may_be_followed_by_up_to_six_characters_of_words() -> None:
    # "%" + 6 characters: the percent is read and the words dropped; longer is a sentence
    assert parse_value("100%完成情况良好").number == Decimal("100")
    assert parse_value("100%完成情况良好").unit == "%"
    assert parse_value("100%完成情况非常好").number is None


# --- Chinese numerals ----------------------------------------------------------------------------


def test_two_chinese_digits_read_digit_by_digit() -> None:
    assert parse_value("九五%").number == Decimal("95")
    assert parse_value("五%").number == Decimal("5")


@pytest.mark.parametrize(("text", "number"), [("一亿", 100000000), ("三亿", 300000000), ("一亿二千万", 120000000)])
def test_a_numeral_of_hundreds_of_millions(text: str, number: int) -> None:
    assert parse_value(text).number == Decimal(number)


def test_an_amount_scaled_to_wan_is_written_without_exponent() -> None:
    assert str(to_wan(Decimal("1.007"), "亿元")) == "10070"
    assert str(to_wan(Decimal("1"), "十万元")) == "10"


# --- operators around numbers --------------------------------------------------------------------


def test_fillers_and_an_operator_may_come_in_either_order() -> None:
    for text in ("约≥5", "累计≥5", "≥约5", "≥累计5"):
        pv = parse_value(text)
        assert (pv.operator, pv.number) == (">=", Decimal("5")), text


def test_a_suffix_word_right_after_a_one_digit_number_is_the_operator() -> None:
    expected = ParsedValue(text="5以上", operator=">=", number=Decimal("5"), unit=None, percent=False)
    assert parse_value("5以上") == expected
    assert parse_value("9以内").operator == "<="
    assert parse_value("9以内").unit is None


def test_an_operator_word_alone_is_not_an_operator() -> None:
    # Chinese operator words count only in front of / behind a number; the symbols count alone
    assert parse_value("不低于").operator is None
    assert parse_value("以上").operator is None
    assert parse_value("≥").operator == ">="


@pytest.mark.parametrize("text", ["≥5~待定", "≥5,6", "≥5-一般", "≥百分之五十万元"])
def test_a_cell_that_is_not_a_number_still_reports_its_operator_symbol(text: str) -> None:
    assert parse_value(text) == ParsedValue(text=text, operator=">=", number=None, unit=None, percent=False)


def test_a_label_before_the_operator_symbol_is_read() -> None:
    assert parse_value("合格率≥95%").number == Decimal("95")
    assert parse_value("合格率≥95%").operator == ">="


# --- ranges --------------------------------------------------------------------------------------


def test_a_range_below_one_and_a_range_down_to_zero() -> None:
    assert (parse_value("0.5-0.8").number, parse_value("0.5-0.8").upper) == (Decimal("0.5"), Decimal("0.8"))
    assert (parse_value("100-0").number, parse_value("100-0").upper) == (Decimal("0"), Decimal("100"))


def test_a_range_never_ends_at_a_negative_number() -> None:
    assert parse_value("5~-3").number is None


def test_a_range_with_its_unit_after_the_first_bound_only() -> None:
    pv = parse_value("90%~95")
    assert (pv.number, pv.upper, pv.unit, pv.percent) == (Decimal("90"), Decimal("95"), "%", True)


@pytest.mark.parametrize("text", ["一般至三次", "5-一般", "三般至五个"])
def test_a_chinese_bound_of_a_range_needs_a_known_measure_word(text: str) -> None:
    # 一般 is not "1 般": a Chinese numeral counts only before a known measure word, in ranges too
    assert parse_value(text).number is None


# --- prefixes that name the unit ----------------------------------------------------------------


@pytest.mark.parametrize("text", ["百分之五十万元", "千分之五%"])
def test_a_percent_prefix_and_a_different_unit_are_not_a_value(text: str) -> None:
    assert parse_value(text).number is None


def test_a_percent_prefix_with_the_percent_written_again() -> None:
    pv = parse_value("百分之九十五%")
    assert (pv.number, pv.unit) == (Decimal("95"), "%")


# --- units, display --------------------------------------------------------------------------------


def test_percent_units_in_any_spelling() -> None:
    assert is_percent_unit("（%）") is True
    assert is_percent_unit("百分比") is True
    assert is_percent_unit("万元") is False
    assert is_percent_unit(None) is False


def test_fmt_accepts_numbers_given_as_int_or_text_and_never_raises() -> None:
    assert fmt(50) == "50.00"  # type: ignore[arg-type]
    assert fmt("7.835") == "7.84"  # type: ignore[arg-type]
    assert fmt(Decimal("1"), None) == ""  # type: ignore[arg-type]
    assert fmt(Decimal("1"), "两位") == ""  # type: ignore[arg-type]


# --- the cell memo -------------------------------------------------------------------------------


def test_cell_functions_are_memoised_for_the_last_4096_cells_and_skip_paragraphs() -> None:
    calls: list[str] = []

    def upper(text: str) -> str:
        calls.append(text)
        return text.upper()

    f = values._cell_cached(upper)
    assert f("ab") == "AB" and f("ab") == "AB"
    assert calls == ["ab"]
    assert f(None) is None
    long = "x" * (4 * MAX + 1)
    f(long)
    f(long)
    assert calls.count(long) == 2  # a paragraph is computed, not cached
    for i in range(4096):
        f(f"c{i}")
    calls.clear()
    f("ab")  # 4096 newer cells pushed it out
    assert calls == ["ab"]
    f("c4095")
    assert calls == ["ab"]
