"""One slip, many findings: an inverted operator is scored and reviewed with the direction the
indicator's meaning implies; findings that follow from another carry caused_by and are not counted
again in summaries."""

from __future__ import annotations

import pytest

from jixiao.model import Finding
from jixiao.policy import load_policy
from jixiao.review.base import link_causes, split_causes
from jixiao.scoring import score_report
from jixiao.words import implied_operator, load_words
from tests.review_factory import clean_report, codes, of, q, run


@pytest.mark.parametrize(
    ("name", "op", "implied"),
    [("群众满意度", "<=", ">="), ("设备验收合格率", "<", ">"), ("设备采购成本", ">=", "<="),
     ("故障修复时长", ">", "<")],
)
def test_implied_operator(name: str, op: str, implied: str) -> None:
    assert implied_operator(name, op) == implied


@pytest.mark.parametrize(("name", "op"), [("群众满意度", ">="), ("设备采购成本", "<="), ("不合格率", "<="),
                                          ("培训人次", "<=")])
def test_no_implied_operator(name: str, op: str) -> None:
    assert implied_operator(name, op) is None


def inverted_satisfaction():
    r = clean_report()
    r.indicators[-1] = q("群众满意度", "<=", "85", "93", "%", "satisfaction", "satisfaction", operator_text="≤")
    return r


def test_inverted_satisfaction_is_scored_as_meant() -> None:
    r = inverted_satisfaction()
    card = score_report(r, load_policy())
    s = card.indicators[-1]
    assert s.met is True and s.score == s.max_score and s.scored_operator == ">="


def test_inverted_satisfaction_gives_i04_only() -> None:
    fs = run(inverted_satisfaction())
    assert "I02" not in codes(fs)
    [i04] = of(fs, "I04")
    assert i04.evidence["stated_operator"] == "<=" and i04.evidence["implied_operator"] == ">="
    assert "≤≤" not in i04.message and "已按“≥”评分和复核" in i04.message


def test_direction_by_meaning_can_be_switched_off() -> None:
    from dataclasses import replace

    base = load_policy()
    raw = {**base.raw, "operators": {**base.raw.get("operators", {}), "direction_by_meaning": False}}
    card = score_report(inverted_satisfaction(), replace(base, raw=raw))
    assert card.indicators[-1].met is False and card.indicators[-1].scored_operator is None


def f(code: str, where: str, severity: str = "warning") -> Finding:
    return Finding(code, severity, f"{code} 消息", where)  # type: ignore[arg-type]


def test_effects_at_the_same_place_are_linked() -> None:
    fs = link_causes([f("I02", "indicator:3", "error"), f("I04", "indicator:3"), f("S01", "indicator:3"),
                      f("S01", "indicator:4")], load_words())
    assert [x.caused_by for x in fs] == [{"code": "I04", "where": "indicator:3"}, None,
                                         {"code": "I04", "where": "indicator:3"}, None]


def test_b06_explains_b01_and_budget_s01() -> None:
    fs = link_causes([f("B01", "budget", "error"), f("B06", "budget", "error"), f("S01", "budget"),
                      f("S01", "indicator:1")], load_words())
    assert [x.caused_by["code"] if x.caused_by else None for x in fs] == ["B06", None, "B06", None]


def test_without_the_cause_nothing_is_linked() -> None:
    fs = link_causes([f("I02", "indicator:3", "error"), f("S01", "budget")], load_words())
    assert all(x.caused_by is None for x in fs)


def test_split_causes_puts_effects_under_their_cause() -> None:
    fs = link_causes([f("I02", "indicator:3", "error"), f("I04", "indicator:3")], load_words())
    roots, children = split_causes(fs)
    assert [r.code for r in roots] == ["I04"]
    assert [c.code for c in children[id(roots[0])]] == ["I02"]


def test_summary_does_not_count_effects_again(tmp_path) -> None:
    import openpyxl

    from jixiao.writers.summary_xlsx import write_summary

    rec = {"source": "a.docx", "report": {"indicators": [{"name": "群众满意度"}]}, "score": {"total": "90"},
           "findings": [
               {"code": "I04", "severity": "warning", "message": "方向", "where": "indicator:0"},
               {"code": "I02", "severity": "error", "message": "未完成", "where": "indicator:0",
                "caused_by": {"code": "I04", "where": "indicator:0"}},
           ]}
    out = tmp_path / "s.xlsx"
    write_summary([rec], out)
    wb = openpyxl.load_workbook(out)
    header = [c.value for c in wb["报告汇总"][1]]
    row = [c.value for c in wb["报告汇总"][2]]
    assert row[header.index("错误数")] == 0 and row[header.index("警告数")] == 1
    stats = [[c.value for c in r] for r in wb["问题统计"].iter_rows(min_row=2)]
    assert [s[0] for s in stats] == ["I04"]
    listed = [[c.value for c in r] for r in wb["全部问题"].iter_rows(min_row=2)]
    assert [x[1] for x in listed] == ["I04", "└I02"]
