"""Messages print an operator once: a target text that already holds one is shown as written."""

from __future__ import annotations

import pytest

from tests.review_factory import clean_report, of, q, run


@pytest.mark.parametrize(
    ("target_text", "shown"),
    [("≤85%", "≤85%"), ("≥95", "≥95%"), ("不低于95%", "不低于95%"), ("95", "≥95%")],
)
def test_unmet_message_prints_the_operator_once(target_text: str, shown: str) -> None:
    r = clean_report()
    ind = q("入库数量", ">=", "95", "80", "%")
    ind.target_text = target_text
    r.indicators.insert(0, ind)
    [f] = [x for x in of(run(r), "I02") if x.evidence["indicator"] == "入库数量"]
    assert f"年度指标值{shown}，" in f.message
    assert "≥≥" not in f.message and "≤≤" not in f.message and "≥不" not in f.message


@pytest.mark.parametrize("target_text", ["≤85%", "≤ 85%"])
def test_i04_message_prints_the_operator_once(target_text: str) -> None:
    r = clean_report()
    r.indicators[-1] = q("群众满意度", "<=", "85", "93", "%", "satisfaction", "satisfaction")
    r.indicators[-1].target_text = target_text
    [f] = of(run(r), "I04")
    assert "≤≤" not in f.message
