"""Value cells with a short label before an operator symbol, brackets, or too much text."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.values import parse_value

D = Decimal


@pytest.mark.parametrize(
    ("text", "operator", "number", "unit"),
    [
        ("合格率≥95%", ">=", D("95"), "%"),
        ("满意度>=90%", ">=", D("90"), "%"),
        ("综合满意度≥90%以上", ">=", D("90"), "%"),
        ("故障响应时间≤15分钟", "<=", D("15"), "分钟"),
        ("（≥95%）", ">=", D("95"), "%"),
        ("(98%)", None, D("98"), "%"),
        ("23（条）", None, D("23"), "条"),
        ("≥90（%）", ">=", D("90"), "%"),
        ("≥95%（含95%）", ">=", D("95"), "%"),
        ("95%以上（含95%）", ">=", D("95"), "%"),
        ("10〜20个", None, D("10"), "个"),
    ],
)
def test_labelled_and_bracketed_values(text: str, operator: str | None, number: Decimal, unit: str) -> None:
    pv = parse_value(text)
    assert (pv.operator, pv.number, pv.unit) == (operator, number, unit)


@pytest.mark.parametrize(
    "text",
    [
        "合格率大于95%",  # only operator symbols end a label
        "这是一个超过十个字的很长的标签≥5",
        "满意度≥",
        "1≥2",
        "全年共完成监控网络链路建设23条，系统运行正常，达到预期效果",
        "23" + "条" * 60,
    ],
)
def test_text_that_is_not_a_value_cell(text: str) -> None:
    assert parse_value(text).number is None


def test_a_long_paragraph_is_read_quickly_and_not_cached() -> None:
    text = "内" * 100_000
    assert parse_value(text).number is None
    assert parse_value(text) is not parse_value(text)
