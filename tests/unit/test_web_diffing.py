"""The difference between two versions: figures, indicator rows (matched by name), narrative sentences,
score and findings."""

from __future__ import annotations

import copy

from jixiao.web.diffing import diff_checks


def _check() -> dict:
    return {
        "report": {"title": "t", "organization": "o", "fiscal_year": 2023,
                   "budget": {"annual": 1070.07, "executed": 838.41, "stated_execution_rate": 78.35,
                              "sources": [{"name": "中央补助", "annual": 500, "executed": 480}]},
                   "indicators": [{"name": "甲", "target_text": "23", "actual_text": "23", "unit": "条", "score": 2.17},
                                  {"name": "乙", "target_text": "31", "actual_text": "31", "unit": "条", "score": 2.17},
                                  {"name": "丙", "target_text": "1", "actual_text": "1", "unit": "套", "score": 2.17}],
                   "sections": [{"number": "一", "title": "一、概况", "text": "第一句。第二句。"}]},
        "score": {"total": 97.84, "grade": "优", "budget": 7.84, "pools": {"output": 50.0}},
        "findings": [{"code": "B03", "severity": "warning", "where": "budget", "message": "执行率低。"}],
    }


def test_identical_versions_have_no_difference() -> None:
    assert diff_checks(_check(), _check()).empty


def test_changed_figures_rows_text_score_and_findings() -> None:
    a, b = _check(), _check()
    b["report"]["budget"]["executed"] = 1000
    b["report"]["budget"]["sources"][0]["executed"] = 500
    b["report"]["indicators"][0].update(actual_text="20", score=1.89)
    del b["report"]["indicators"][1]
    b["report"]["indicators"].append({"name": "丁", "target_text": "≥90%", "actual_text": "95%"})
    b["report"]["sections"][0]["text"] = "第一句。改过的第二句。"
    b["score"].update(total=99.06, budget=9.35)
    b["findings"] = [{"code": "I02", "severity": "error", "where": "indicator:0", "message": "未说明原因。"}]
    d = diff_checks(a, b)
    assert [(c.label, c.old, c.new) for c in d.budget] == [("全年执行数（万元）", "838.41", "1000"),
                                                           ("中央补助：全年执行数（万元）", "480", "500")]
    assert [(c.label, c.old, c.new) for c in d.score] == [("总分", "97.84", "99.06"), ("预算执行得分", "7.84", "9.35")]
    kinds = [(i.kind, i.name) for i in d.indicators]
    assert kinds == [("changed", "甲"), ("removed", "乙"), ("added", "丁")]
    assert [(c.label, c.old, c.new) for c in d.indicators[0].changes] == [("实际完成值", "23", "20"),
                                                                         ("得分（计算）", "2.17", "1.89")]
    assert d.texts[0].title == "一、概况"
    assert d.texts[0].lines == [("-", "第二句。"), ("+", "改过的第二句。")]
    assert [f.code for f in d.findings_added] == ["I02"] and [f.code for f in d.findings_resolved] == ["B03"]


def test_a_renamed_row_in_place_is_a_change_of_name() -> None:
    a = _check()
    b = copy.deepcopy(a)
    b["report"]["indicators"][1]["name"] = "乙（修订）"
    d = diff_checks(a, b)
    assert [(i.kind, i.old_index, i.new_index) for i in d.indicators] == [("changed", 1, 1)]
    assert d.indicators[0].changes[0].label == "三级指标"


def test_numbers_equal_as_decimals_are_not_differences() -> None:
    a, b = _check(), _check()
    b["report"]["budget"]["annual"] = 1070.070
    b["score"]["pools"]["output"] = 50
    assert diff_checks(a, b).empty
