"""Budget amounts are read into 万元; money units convert exactly; percents are read as written."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.values import MONEY_UNITS, is_money_unit, parse_amount, parse_percent, to_wan

D = Decimal


@pytest.mark.parametrize(
    ("text", "default_unit", "expected"),
    [
        ("1070.07万元", "万元", D("1070.07")),
        ("1070.07 万元", "万元", D("1070.07")),
        ("1070.07", "万元", D("1070.07")),
        ("1,070.07", "万元", D("1070.07")),
        ("１０７０．０７", "万元", D("1070.07")),
        ("１，０７０．０７万元", "万元", D("1070.07")),
        ("838.41", "万元", D("838.41")),
        ("10,700,700元", "万元", D("1070.07")),
        ("10700700元", "万元", D("1070.07")),
        ("1.07亿元", "万元", D("10700")),
        ("3千元", "万元", D("0.3")),
        ("5百万元", "万元", D("500")),
        ("1070.07", "元", D("0.107007")),
        ("1070.07", "千元", D("107.007")),
        ("1070.07万元", "元", D("1070.07")),  # the unit in the cell wins over the column's
        ("2万", "元", D("2")),  # a bare magnitude is read as 元: 2万 = 2万元
        ("一千零七十", "万元", D("1070")),
        ("壹仟零柒拾万元", "万元", D("1070")),
        ("人民币10000元", "万元", D("1")),
        ("0", "万元", D("0")),
        ("-5", "万元", D("-5")),
    ],
)
def test_parse_amount_reads_wan(text: str, default_unit: str, expected: Decimal) -> None:
    assert parse_amount(text, default_unit) == expected


@pytest.mark.parametrize("text", ["", " ", "-", "—", "－", "/", "／", "无", "--", "——", "完成", "95%", "3个", "90-100"])
def test_parse_amount_is_none_for_blanks_markers_and_non_money(text: str) -> None:
    assert parse_amount(text) is None


def test_parse_amount_default_unit_is_wan() -> None:
    assert parse_amount("1070.07") == D("1070.07")


def test_parse_amount_non_money_default_unit_gives_none() -> None:
    assert parse_amount("1070.07", "%") is None


def test_parse_amount_conversion_is_exact() -> None:
    amount = parse_amount("12,345,678.91元")
    assert amount == D("1234.567891")


def test_money_units_factors_to_wan() -> None:
    assert MONEY_UNITS["元"] == D("0.0001")
    assert MONEY_UNITS["千元"] == D("0.1")
    assert MONEY_UNITS["万元"] == D("1")
    assert MONEY_UNITS["百万元"] == D("100")
    assert MONEY_UNITS["亿元"] == D("10000")
    assert all(isinstance(v, Decimal) for v in MONEY_UNITS.values())


@pytest.mark.parametrize(
    ("unit", "expected"),
    [("元", True), ("万元", True), ("亿元", True), ("千元", True), ("百万元", True), ("（万元）", True),
     ("万", False), ("%", False), ("个", False), ("元/亩", False), ("", False), (None, False)],
)
def test_is_money_unit(unit: str | None, expected: bool) -> None:
    assert is_money_unit(unit) is expected


@pytest.mark.parametrize(
    ("unit", "expected"),
    [("元", D("1.23456")), ("千元", D("1234.56")), ("万元", D("12345.6")), ("百万元", D("1234560")),
     ("亿元", D("123456000")), ("%", None), ("个", None), (None, None)],
)
def test_to_wan(unit: str | None, expected: Decimal | None) -> None:
    assert to_wan(D("12345.6"), unit) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("78.35%", D("78.35")),
        ("78.35％", D("78.35")),
        ("78.35", D("78.35")),
        ("１００％", D("100")),
        ("百分之七十八", D("78")),
        ("百分之九十五点五", D("95.5")),
        ("0.7835", D("0.7835")),  # no guessing: a fraction stays a fraction
        ("5‰", D("0.5")),
        ("千分之五", D("0.5")),
        ("95%以上", D("95")),
        ("≥95%", D("95")),
        ("90%~95%", D("90")),
        ("100", D("100")),
    ],
)
def test_parse_percent(text: str, expected: Decimal) -> None:
    assert parse_percent(text) == expected


@pytest.mark.parametrize("text", ["", "-", "完成", "3个", "1070.07万元"])
def test_parse_percent_is_none_without_a_rate(text: str) -> None:
    assert parse_percent(text) is None


def test_parse_percent_keeps_written_precision() -> None:
    assert str(parse_percent("78.350%")) == "78.350"
