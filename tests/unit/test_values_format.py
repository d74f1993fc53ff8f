"""Display rounding (half-up, only for display), decimal places, and normalisation of text."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.values import decimal_places, fmt, normalize

D = Decimal


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (D("7.835"), 2, "7.84"),
        (D("50"), 2, "50.00"),
        (D("2.5"), 0, "3"),
        (D("3.5"), 0, "4"),
        (D("-2.5"), 0, "-3"),
        (D("1.005"), 2, "1.01"),
        (D("0.125"), 2, "0.13"),
        (D("9.995"), 2, "10.00"),
        (D("123.456"), 1, "123.5"),
        (D("-0.004"), 2, "0.00"),  # no "-0.00"
        (D("1E+3"), 2, "1000.00"),
        (D("78.35"), 2, "78.35"),
        (D(10) * D("838.41") / D("1070.07"), 2, "7.84"),
        (D(50) / D(23) * D(23), 2, "50.00"),
    ],
)
def test_fmt_rounds_half_up(value: Decimal, places: int, expected: str) -> None:
    assert fmt(value, places) == expected


def test_fmt_default_places_is_two() -> None:
    assert fmt(D("7.835")) == "7.84"


@pytest.mark.parametrize("value", [None, D("NaN"), D("Infinity"), D("-Infinity")])
def test_fmt_is_empty_for_none_and_non_finite(value: Decimal | None) -> None:
    assert fmt(value) == ""


def test_fmt_large_value_does_not_raise() -> None:
    assert fmt(D("1E+40")) == "1" + "0" * 40 + ".00"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("78.35%", 2), ("78%", 0), ("78.350%", 3), ("1,070.07", 2), ("１０７０．０７", 2), ("0.10", 2),
     ("≥95.5%", 1), ("", 0), ("完成", 0), ("一千", 0), ("百分之九十五点五", 1)],
)
def test_decimal_places(text: str, expected: int) -> None:
    assert decimal_places(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("１２３４５６７８９０", "1234567890"),
        ("ＡＢＣ ａｂｃ", "ABC abc"),
        ("１，２５０．５０", "1,250.50"),
        ("９８％", "98%"),
        ("＋５ －５", "+5 -5"),
        ("＝＞＜", "=><"),
        ("a\u3000\u3000b", "a b"),
        ("  a \t\n b  ", "a b"),
        ("系统正常使用率", "系统正常使用率"),
        ("（万元）", "（万元）"),
        ("单位：万元", "单位：万元"),
        ("甲、乙", "甲、乙"),
        ("", ""),
    ],
)
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected
