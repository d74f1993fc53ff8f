"""parse_value on real-world value cells of Chinese self-evaluation forms: exactly what each reads as."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.values import parse_value

D = Decimal

# (cell text, operator, number, unit, percent)
CASES: list[tuple[str, str | None, Decimal | None, str | None, bool]] = [
    # plain counts, as in the traffic-police sample
    ("23", None, D("23"), None, False),
    ("1", None, D("1"), None, False),
    ("0", None, D("0"), None, False),
    ("815.31", None, D("815.31"), None, False),
    ("100M", None, D("100"), "M", False),
    ("23条", None, D("23"), "条", False),
    ("1套", None, D("1"), "套", False),
    # operators inside the cell
    ("≥2万亩", ">=", D("2"), "万亩", False),
    ("≤1500元/亩", "<=", D("1500"), "元/亩", False),
    ("≥100百分比", ">=", D("100"), "%", True),
    ("=8个", "=", D("8"), "个", False),
    ("＝8个", "=", D("8"), "个", False),
    ("＞＝95%", ">=", D("95"), "%", True),
    ("≧90%", ">=", D("90"), "%", True),
    ("≦3%", "<=", D("3"), "%", True),
    (">0", ">", D("0"), None, False),
    ("＜5%", "<", D("5"), "%", True),
    ("<=2", "<=", D("2"), None, False),
    ("≥ 95 %", ">=", D("95"), "%", True),
    ("≥95.00%", ">=", D("95.00"), "%", True),
    ("≤15分钟", "<=", D("15"), "分钟", False),
    ("≥90分", ">=", D("90"), "分", False),
    ("≥1次/年", ">=", D("1"), "次/年", False),
    # operator words
    ("不低于95%", ">=", D("95"), "%", True),
    ("不少于3次", ">=", D("3"), "次", False),
    ("大于等于98%", ">=", D("98"), "%", True),
    ("小于2小时", "<", D("2"), "小时", False),
    ("不超过2小时", "<=", D("2"), "小时", False),
    ("不高于5%", "<=", D("5"), "%", True),
    ("高于80%", ">", D("80"), "%", True),
    ("低于1%", "<", D("1"), "%", True),
    ("等于100%", "=", D("100"), "%", True),
    ("达到98%", ">=", D("98"), "%", True),
    ("控制在5%以内", "<=", D("5"), "%", True),
    # operator suffixes
    ("100%以上", ">=", D("100"), "%", True),
    ("95%及以上", ">=", D("95"), "%", True),
    ("95%（含）以上", ">=", D("95"), "%", True),
    ("5年以上", ">=", D("5"), "年", False),
    ("2小时内", "<=", D("2"), "小时", False),
    ("3个工作日内", "<=", D("3"), "个工作日", False),
    ("5%以下", "<=", D("5"), "%", True),
    # percent in every form
    ("98%", None, D("98"), "%", True),
    ("98％", None, D("98"), "%", True),
    ("78.35%", None, D("78.35"), "%", True),
    ("百分之九十五", None, D("95"), "%", True),
    ("百分之95", None, D("95"), "%", True),
    ("百分之百", None, D("100"), "%", True),
    ("百分之九十五点五", None, D("95.5"), "%", True),
    ("95百分比", None, D("95"), "%", True),
    ("0.5‰", None, D("0.5"), "‰", False),
    ("千分之五", None, D("5"), "‰", False),
    ("100%完成", None, D("100"), "%", True),
    ("提高2个百分点", None, None, None, False),
    ("2个百分点", None, D("2"), "个百分点", False),
    # full-width digits and punctuation, thousands separators
    ("１，２５０．５０", None, D("1250.50"), None, False),
    ("１０７０．０７", None, D("1070.07"), None, False),
    ("1,250.5万元", None, D("1250.5"), "万元", False),
    ("1,070.07", None, D("1070.07"), None, False),
    ("10,700,700元", None, D("10700700"), "元", False),
    ("９８％", None, D("98"), "%", True),
    ("１００Ｍ", None, D("100"), "M", False),
    # signs
    ("-5", None, D("-5"), None, False),
    ("－5", None, D("-5"), None, False),
    ("+5", None, D("5"), None, False),
    ("-0.5%", None, D("-0.5"), "%", True),
    # Chinese numerals
    ("三套", None, D("3"), "套", False),
    ("一千二百", None, D("1200"), None, False),
    ("一千零七十", None, D("1070"), None, False),
    ("两个", None, D("2"), "个", False),
    ("十二", None, D("12"), None, False),
    ("三万人次", None, D("3"), "万人次", False),
    ("一万二千", None, D("12000"), None, False),
    ("壹仟零柒拾万元", None, D("1070"), "万元", False),
    ("一年", None, D("1"), "年", False),
    # money
    ("1070.07万元", None, D("1070.07"), "万元", False),
    ("1.07亿元", None, D("1.07"), "亿元", False),
    ("≤815.31万元", "<=", D("815.31"), "万元", False),
    ("3千元", None, D("3"), "千元", False),
    # fillers and approximate values
    ("约30万人次", None, D("30"), "万人次", False),
    ("共计12个", None, D("12"), "个", False),
    ("累计1.5万人次", None, D("1.5"), "万人次", False),
    ("30人左右", None, D("30"), "人", False),
    ("5年", None, D("5"), "年", False),
    ("6个月", None, D("6"), "个月", False),
    ("1.5倍", None, D("1.5"), "倍", False),
    # ranges: number is the lower bound
    ("90-100", None, D("90"), None, False),
    ("90%~95%", None, D("90"), "%", True),
    ("90%～95%", None, D("90"), "%", True),
    ("1至2天", None, D("1"), "天", False),
    ("2000-3000元", None, D("2000"), "元", False),
    ("九十至一百", None, D("90"), None, False),
    ("0.5-1小时", None, D("0.5"), "小时", False),
    ("5万-10万元", None, D("5"), "万元", False),
    ("≥90%-95%", ">=", D("90"), "%", True),
    # more forms seen in the forms
    ("大于或等于95%", ">=", D("95"), "%", True),
    ("不低于95％（含）", ">=", D("95"), "%", True),
    ("≥ １００ ％", ">=", D("100"), "%", True),
    ("＜＝２", "<=", D("2"), None, False),
    ("98.5%以上", ">=", D("98.5"), "%", True),
    ("≥1.5万人次", ">=", D("1.5"), "万人次", False),
    ("2小时以内", "<=", D("2"), "小时", False),
    ("不超过15分钟", "<=", D("15"), "分钟", False),
    ("3年内", "<=", D("3"), "年", False),
    ("95分以上", ">=", D("95"), "分", False),
    ("完成100%", None, D("100"), "%", True),
    ("100%（已完成）", None, D("100"), "%", True),
    ("约3000人", None, D("3000"), "人", False),
    ("24小时", None, D("24"), "小时", False),
    ("二级", None, D("2"), "级", False),
    # not numbers
    ("7×24小时", None, None, None, False),
    ("1:1", None, None, None, False),
    ("A级", None, None, None, False),
    ("≥B级", ">=", None, None, False),
    ("合格", None, None, None, False),
    ("良好", None, None, None, False),
    ("是", None, None, None, False),
    ("Ⅲ类水质", None, None, None, False),
    ("完成", None, None, None, False),
    ("", None, None, None, False),
    ("   ", None, None, None, False),
    ("有效节约 作用明显", None, None, None, False),
    ("符合国家标准", None, None, None, False),
    ("作用明显", None, None, None, False),
    ("一般", None, None, None, False),
    ("一次性", None, None, None, False),
    ("/", None, None, None, False),
    ("—", None, None, None, False),
    ("无", None, None, None, False),
    ("全区80个智能卡口及拉林智能卡口链路", None, None, None, False),
    ("覆盖14个地市", None, None, None, False),
    ("3个地市完成验收", None, None, None, False),
    ("23条链路正常运行", None, None, None, False),
    ("1/3", None, None, None, False),
    # dates and deadlines are not numbers
    ("2023年12月底前", None, None, None, False),
    ("12月31日前", None, None, None, False),
    ("2023年", None, None, None, False),
    ("12月", None, None, None, False),
    ("2023-12-31", None, None, None, False),
    ("2023.12.31", None, None, None, False),
    ("年底前完成", None, None, None, False),
    # operator cells and qualitative values
    ("≥", ">=", None, None, False),
    ("定性", "qualitative", None, None, False),
]


@pytest.mark.parametrize(
    ("text", "operator", "number", "unit", "percent"), CASES, ids=[c[0] or "<empty>" for c in CASES]
)
def test_parse_value_reads_cell(
    text: str, operator: str | None, number: Decimal | None, unit: str | None, percent: bool
) -> None:
    pv = parse_value(text)
    assert pv.text == text
    assert pv.operator == operator
    assert pv.number == number
    if number is not None:
        assert str(pv.number) == str(number)  # exact, including the written precision
    assert pv.unit == unit
    assert pv.percent is percent


def test_table_has_enough_cases() -> None:
    assert len(CASES) >= 70


@pytest.mark.parametrize(
    ("text", "lower", "upper"),
    [
        ("90-100", D("90"), D("100")),
        ("90%~95%", D("90"), D("95")),
        ("1至2天", D("1"), D("2")),
        ("九十至一百", D("90"), D("100")),
        ("三至五年", D("3"), D("5")),
        ("1-2个工作日", D("1"), D("2")),
        ("2000-3000元", D("2000"), D("3000")),
        ("95%-90%", D("90"), D("95")),
        ("-5~5", D("-5"), D("5")),
        ("95%", D("95"), None),
    ],
)
def test_parse_value_reads_range_bounds(text: str, lower: Decimal, upper: Decimal | None) -> None:
    pv = parse_value(text)
    assert pv.number == lower
    assert pv.upper == upper


def test_parse_value_is_cached_and_frozen() -> None:
    assert parse_value("≥95%") is parse_value("≥95%")
    with pytest.raises(AttributeError):
        parse_value("≥95%").number = D(1)  # type: ignore[misc]
