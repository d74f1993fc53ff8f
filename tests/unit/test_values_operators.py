"""Operator cells and operator words read as the model's operators."""

from __future__ import annotations

import pytest

from jixiao.values import parse_operator

CASES: list[tuple[str, str | None]] = [
    ("≥", ">="), (">=", ">="), ("＞＝", ">="), ("≧", ">="), ("大于等于", ">="), ("不低于", ">="),
    ("不少于", ">="), ("不小于", ">="), ("正向", ">="), ("正向指标", ">="),
    ("≤", "<="), ("<=", "<="), ("＜＝", "<="), ("≦", "<="), ("小于等于", "<="), ("不高于", "<="),
    ("不超过", "<="), ("不大于", "<="), ("反向", "<="), ("反向指标", "<="),
    ("=", "="), ("＝", "="), ("等于", "="),
    (">", ">"), ("＞", ">"), ("大于", ">"), ("高于", ">"),
    ("<", "<"), ("＜", "<"), ("小于", "<"), ("低于", "<"), ("少于", "<"),
    ("定性", "qualitative"), ("定性指标", "qualitative"),
    (" ≥ ", ">="), ("\t＝\n", "="),
    # a leading operator word of a value
    ("≥95%", ">="), ("不低于95%", ">="), ("小于2小时", "<"), ("＝100", "="),
    # not operators
    ("定量", None), ("定量指标", None), ("", None), ("   ", None), ("完成", None), ("95", None),
    ("作用明显", None), ("条", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_parse_operator(text: str, expected: str | None) -> None:
    assert parse_operator(text) == expected


def test_suffix_operator_of_a_value() -> None:
    assert parse_operator("95%以上") == ">="
