"""Chinese numerals in value cells: positional, abbreviated, financial (大写), digit-by-digit, ill-formed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.values import parse_amount, parse_number, parse_value

D = Decimal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("零", D("0")),
        ("〇", D("0")),
        ("一", D("1")),
        ("两", D("2")),
        ("十", D("10")),
        ("十五", D("15")),
        ("二十", D("20")),
        ("一百零五", D("105")),
        ("一百五", D("150")),  # abbreviated: 一百五 = 150
        ("一千二", D("1200")),
        ("一千二百", D("1200")),
        ("一千零七十", D("1070")),
        ("一千零一十", D("1010")),
        ("一万二千", D("12000")),
        ("两万五", D("25000")),
        ("十万八千", D("108000")),
        ("五十万", D("500000")),
        ("一千万", D("10000000")),
        ("三亿五千万", D("350000000")),
        ("一亿零五百万", D("105000000")),
        ("二〇二三", D("2023")),  # digit by digit
        ("九十五点五", D("95.5")),
        ("三点一四", D("3.14")),
        ("壹仟零柒拾", D("1070")),
        ("贰拾", D("20")),
    ],
)
def test_parse_number_reads_chinese_numerals(text: str, expected: Decimal) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["十十", "百千", "万万", "一二百", "万", "千", "点五", "一般", "一致", "统一"])
def test_ill_formed_or_non_numeral_words_are_not_numbers(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        ("三套", D("3"), "套"),
        ("两个", D("2"), "个"),
        ("五年", D("5"), "年"),
        ("三个工作日", D("3"), "个工作日"),
        ("两万亩", D("2"), "万亩"),  # like 2万亩: the unit the document used
        ("三万人次", D("3"), "万人次"),
        ("一千零七十万元", D("1070"), "万元"),
        ("十二个月", D("12"), "个月"),
    ],
)
def test_chinese_numeral_before_a_measure_word(text: str, number: Decimal, unit: str) -> None:
    pv = parse_value(text)
    assert (pv.number, pv.unit) == (number, unit)


@pytest.mark.parametrize("text", ["一次性", "一流", "三方协议", "十分明显", "百姓满意"])
def test_chinese_numeral_before_other_words_is_not_a_number(text: str) -> None:
    assert parse_value(text).number is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("壹仟零柒拾万元整", D("1070")),
        ("人民币壹仟零柒拾万元整", D("1070")),
        ("叁拾伍万柒仟元", D("35.7")),
        ("伍佰圆整", D("0.05")),
        ("一亿元", D("10000")),
    ],
)
def test_parse_amount_reads_chinese_amounts(text: str, expected: Decimal) -> None:
    assert parse_amount(text) == expected


def test_bare_chinese_numeral_amount_is_in_the_column_unit() -> None:
    # 两万 alone is the number 20000, in the unit of the column
    assert parse_amount("两万", "元") == D("2")
    assert parse_amount("两万", "万元") == D("20000")
