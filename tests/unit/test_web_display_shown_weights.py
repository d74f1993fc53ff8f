"""The web pages show 分值/得分 as every document writer does: a 一级 group's even shares add up to its pool.

The check JSON rounds each weight on its own (23 × 50/23 → 2.17 each, 49.91); the docx/xlsx/html writers and
``check`` show 9 × 2.18 + 14 × 2.17 = 50. ``display.scorecard`` (what the evaluation and public pages render)
must show the same figures, row for row.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal as D
from pathlib import Path

from jixiao.app import check_file, evaluate
from jixiao.policy import load_policy
from jixiao.serialize import result_to_dict
from jixiao.web.display import Row, scorecard, shown_weights
from jixiao.writers._common import indicator_rows

SEED = Path(__file__).resolve().parents[2] / "examples" / "seed-report-2023-traffic-police.txt"


def _dec(value: object) -> D:
    return D(str(value)).quantize(D("0.01"))


def test_web_rows_show_the_writers_weights_for_the_example() -> None:
    result = check_file(SEED, load_policy())
    written = indicator_rows(result)
    sc = scorecard(result_to_dict(result))
    shown = [(_dec(r.shown_weight), _dec(r.shown_score)) for r in sc.rows]
    assert shown == [(w.review_weight, w.review_score) for w in sorted(written, key=lambda r: r.index)]
    outputs = [w for (w, _), r in zip(shown, sc.rows, strict=True) if r.ind["level1"] == "output"]
    assert sum(outputs) == D("50.00")
    assert outputs.count(D("2.18")) == 9 and outputs.count(D("2.17")) == 14


def _row(i: int, level1: str, weight: str, score: str) -> Row:
    return Row(i, {"level1": level1, "max_score": D(weight), "score": D(score)})


def test_three_even_shares_rounded_up_give_the_last_cent_back() -> None:
    rows = [_row(0, "benefit", "16.67", "16.67"), _row(1, "benefit", "16.67", "12.00"),
            _row(2, "benefit", "16.67", "16.67")]
    shown_weights(rows, {"benefit": 50})
    assert [r.shown_weight for r in rows] == [D("16.67"), D("16.67"), D("16.66")]
    # a full score follows its shown weight; a docked score is shown as computed
    assert [r.shown_score for r in rows] == [D("16.67"), D("12.00"), D("16.66")]


def test_weights_that_are_not_even_shares_are_shown_as_stored() -> None:
    rows = [_row(0, "output", "20", "20"), _row(1, "output", "15.5", "15.5"), _row(2, "output", "14.5", "10")]
    shown_weights(rows, {"output": 50})
    assert [r.shown_weight for r in rows] == [D("20"), D("15.5"), D("14.5")]
    assert [r.shown_score for r in rows] == [D("20"), D("15.5"), D("10")]


def test_no_pool_or_no_weight_changes_nothing() -> None:
    rows = [_row(0, "cost", "3.33", "3.33"), _row(1, "cost", "3.33", "3.33"), _row(2, "cost", "3.33", "3.33")]
    shown_weights(rows, {"output": 50})
    assert [r.shown_weight for r in rows] == [D("3.33")] * 3
    bare = [Row(0, {"level1": "output", "max_score": None, "score": None})]
    shown_weights(bare, {"output": 50})
    assert bare[0].shown_weight is None and bare[0].shown_score is None


def test_an_unmet_row_keeps_its_shown_weight_and_the_pool_still_adds_up() -> None:
    policy = load_policy()
    report = check_file(SEED, policy).report
    assert report is not None
    report.indicators[0] = dataclasses.replace(report.indicators[0], actual=D(20), actual_text="20")
    result = evaluate(report, policy)
    sc = scorecard(result_to_dict(result))
    written = sorted(indicator_rows(result), key=lambda r: r.index)
    assert [(_dec(r.shown_weight), _dec(r.shown_score)) for r in sc.rows] == [
        (w.review_weight, w.review_score) for w in written]
    first = sc.rows[0]
    assert _dec(first.shown_weight) == D("2.18") and _dec(first.shown_score) == D("1.89")
    assert sum(_dec(r.shown_weight) for r in sc.rows if r.ind["level1"] == "output") == D("50.00")
