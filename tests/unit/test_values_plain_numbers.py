"""A bare number or percent cell ("1070.07", "95%") is read by a shortcut: the same value as the full cell reader."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.values import _parse_cell, parse_amount, parse_percent, parse_value

plain = st.from_regex(r"\A[0-9]{1,25}(\.[0-9]{1,20})?%?\Z", fullmatch=True)


@pytest.mark.parametrize("text,number,unit,percent", [
    ("1070.07", Decimal("1070.07"), None, False),
    ("95%", Decimal("95"), "%", True),
    ("100.00%", Decimal("100.00"), "%", True),
    ("0", Decimal("0"), None, False),
    ("007", Decimal("7"), None, False),
    ("2023", Decimal("2023"), None, False),
])
def test_plain_numbers(text: str, number: Decimal, unit: str | None, percent: bool) -> None:
    pv = parse_value(text)
    assert (pv.text, pv.operator, pv.number, pv.unit, pv.percent, pv.upper) == (text, None, number, unit, percent, None)
    assert str(pv.number) == str(number)


def test_plain_number_longer_than_a_cell_is_not_a_number() -> None:
    assert parse_value("1" * 41).number is None
    assert parse_value("1" * 40).number == Decimal("1" * 40)


def test_plain_numbers_as_amounts_and_rates() -> None:
    assert parse_amount("10700700", "元") == Decimal("1070.07")
    assert parse_percent("78.35%") == Decimal("78.35")


@settings(max_examples=500)
@given(plain)
def test_shortcut_reads_what_the_cell_reader_reads(text: str) -> None:
    assert repr(parse_value(text)) == repr(_parse_cell(text))


@pytest.mark.parametrize("text", ["1" * 39 + "%", "1" * 40 + "%", "1" * 40, "1" * 41, "12." + "3" * 36, "0.5%"])
def test_shortcut_at_the_length_limit(text: str) -> None:
    assert repr(parse_value(text)) == repr(_parse_cell(text))
