"""Properties of value parsing: total on any text, round trips, full-width invariance, money scaling."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.values import (
    ParsedValue,
    decimal_places,
    fmt,
    is_money_unit,
    normalize,
    parse_amount,
    parse_number,
    parse_operator,
    parse_percent,
    parse_value,
    to_wan,
)

# Text that looks like the cells of the forms, and anything at all.
CELL_ALPHABET = (
    "0123456789.,%+-=<>~/ 　０１２３４５６７８９．，％＋－＝＞＜≥≤≧≦‰（）()"
    "元万亿千百十一二三四五六七八九零两套个条年月日小时分钟以上以下内约达到不低于高于定性百分之比"
)
cells = st.text(alphabet=CELL_ALPHABET, max_size=20)
anything = st.one_of(st.text(max_size=40), cells)

decimals = st.decimals(allow_nan=False, allow_infinity=False, min_value=-10**12, max_value=10**12, places=4)
positive = st.decimals(allow_nan=False, allow_infinity=False, min_value=0, max_value=10**9, places=4)

FULL_WIDTH = {ord(c): ord(c) + 0xFEE0 for c in "0123456789.,%+-=<>"}


@settings(max_examples=400)
@given(anything)
def test_no_function_raises_on_any_text(text: str) -> None:
    assert isinstance(normalize(text), str)
    pv = parse_value(text)
    assert isinstance(pv, ParsedValue)
    assert pv.text == text
    assert pv.number is None or isinstance(pv.number, Decimal)
    assert pv.percent is (pv.unit == "%")
    parse_operator(text)
    parse_number(text)
    parse_amount(text)
    parse_amount(text, "元")
    parse_percent(text)
    assert decimal_places(text) >= 0
    is_money_unit(text)
    to_wan(Decimal(1), text)


@given(decimals)
def test_parse_number_reads_a_formatted_decimal(value: Decimal) -> None:
    assert parse_number(format(value, "f")) == value
    assert parse_number(fmt(value, 4)) == value


@given(decimals)
def test_parse_number_reads_thousands_separators(value: Decimal) -> None:
    assert parse_number(format(value, ",f")) == value


@given(decimals)
def test_decimal_places_of_a_formatted_decimal(value: Decimal) -> None:
    assert decimal_places(fmt(value, 3)) == 3


@given(cells)
def test_full_width_parses_like_half_width(text: str) -> None:
    half = parse_value(text)
    full = parse_value(text.translate(FULL_WIDTH))
    assert (full.operator, full.number, full.unit, full.percent, full.upper) == (
        half.operator,
        half.number,
        half.unit,
        half.percent,
        half.upper,
    )


@given(decimals, st.sampled_from(["", "%", "万元", "个", "小时"]))
def test_full_width_number_parses_like_half_width(value: Decimal, unit: str) -> None:
    text = format(value, ",f") + unit
    assert parse_value(text.translate(FULL_WIDTH)).number == value


@given(positive)
def test_yuan_amount_is_wan_amount_times_ten_thousand(value: Decimal) -> None:
    in_wan = parse_amount(format(value, "f") + "万元")
    in_yuan = parse_amount(format(value * 10000, "f") + "元")
    assert in_wan == value
    assert in_yuan == in_wan


@given(positive)
def test_default_unit_yuan_scales_like_a_written_unit(value: Decimal) -> None:
    assert parse_amount(format(value, "f"), "元") == parse_amount(format(value, "f") + "元")


@given(decimals)
def test_fmt_has_the_requested_places(value: Decimal) -> None:
    text = fmt(value, 2)
    assert len(text.partition(".")[2]) == 2
    assert abs(Decimal(text) - value) <= Decimal("0.005")


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=0, max_value=100, places=2))
def test_percent_round_trip(value: Decimal) -> None:
    assert parse_percent(format(value, "f") + "%") == value
    assert parse_percent(format(value, "f")) == value


ASCII_FULL_WIDTH = {c: c + 0xFEE0 for c in range(0x21, 0x7F)} | {0x20: 0x3000}


@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=12))
def test_every_full_width_ascii_parses_like_half_width(text: str) -> None:
    half = parse_value(text)
    full = parse_value(text.translate(ASCII_FULL_WIDTH))
    assert (full.operator, full.number, full.unit, full.upper) == (half.operator, half.number, half.unit, half.upper)
    assert parse_operator(text.translate(ASCII_FULL_WIDTH)) == parse_operator(text)


@settings(max_examples=300)
@given(anything)
def test_parsed_value_is_consistent(text: str) -> None:
    pv = parse_value(text)
    if pv.number is None:
        assert pv.unit is None and pv.upper is None and not pv.percent
    if pv.upper is not None:
        assert pv.number is not None and pv.number <= pv.upper
    assert pv.operator is None or pv.operator in (">=", "<=", "=", ">", "<", "qualitative")


@given(anything)
def test_normalize_is_idempotent_and_has_no_space_runs(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert "  " not in once and once == once.strip()
