"""An unmet indicator whose target cannot be (满意度 ≥ 290 %, a garbled figure: I05) is no error-level
I02: it is a warning caused by the I05 on the same row."""

from __future__ import annotations

import pytest

from tests.review_factory import clean_report, of, q, run


@pytest.mark.parametrize(("target", "actual"), [("290", "100"), ("950", "96"), ("195", "98")])
def test_unmet_against_an_impossible_target_is_a_warning_under_i05(target: str, actual: str) -> None:
    r = clean_report()
    r.indicators[-1] = q("市民满意度", ">=", target, actual, "%", "satisfaction", "satisfaction")
    fs = run(r)
    [i02] = [f for f in of(fs, "I02") if f.evidence["indicator"] == "市民满意度"]
    assert i02.severity == "warning" and i02.caused_by == {"code": "I05", "where": i02.where}


@pytest.mark.parametrize(("target", "actual"), [("95", "90"), ("100", "98")])
def test_unmet_against_a_possible_target_stays_an_error(target: str, actual: str) -> None:
    r = clean_report()
    r.indicators[-1] = q("市民满意度", ">=", target, actual, "%", "satisfaction", "satisfaction")
    [i02] = [f for f in of(run(r), "I02") if f.evidence["indicator"] == "市民满意度"]
    assert i02.severity == "error" and i02.caused_by is None
