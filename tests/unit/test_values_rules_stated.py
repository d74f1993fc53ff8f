"""Value-reading rules mutation testing found unstated (docs/mutation.md): the precision a figure was
stated at (B01 compares at it), Chinese numerals with a unit right after a digit, ranges."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao.values import decimal_places, parse_number, parse_value


@pytest.mark.parametrize(("text", "places"), [
    ("78.35%", 2), ("78%", 0), ("100", 0), ("１２.５０%", 2), ("0.5", 1),
    # not a clean number: the first number in the text still says how precisely it was stated
    ("执行率约为78.35%左右", 2), ("约为97.1%", 1), ("七成", 0), ("", 0),
])
def test_decimal_places_is_the_precision_the_figure_was_stated_at(text: str, places: int) -> None:
    assert decimal_places(text) == places


@pytest.mark.parametrize(("text", "expected"), [
    ("十", 10), ("百", 100), ("十万", 100000), ("一十", 10),
    ("一千二", 1200), ("一万二", 12000), ("两千万", 20000000), ("一万零五", 10005),
    ("十二万三千", 123000), ("一亿二千万", 120000000), ("一千零一十", 1010),
])
def test_chinese_numerals(text: str, expected: int) -> None:
    assert parse_number(text) == D(expected)


@pytest.mark.parametrize("text", ["十十", "百千", "万万"])
def test_ill_formed_numerals_are_not_numbers(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(("text", "low", "high", "unit"), [
    ("80%-90%", "80", "90", "%"), ("1-2天", "1", "2", "天"), ("5～10个", "5", "10", "个"),
    ("0-5次", "0", "5", "次"),
])
def test_a_range_keeps_both_ends(text: str, low: str, high: str, unit: str) -> None:
    v = parse_value(text)
    assert (v.number, v.upper, v.unit) == (D(low), D(high), unit)
