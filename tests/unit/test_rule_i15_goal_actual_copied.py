"""I15: the year's goal 实际完成情况 copied from 预期目标, or only 完成."""

from __future__ import annotations

import pytest

from tests.review_factory import clean_report, of, run

GOAL = "保障735名学生享受营养改善计划补助，减轻家庭经济负担。"


def goal_report(goal: str | None, actual: str | None):
    r = clean_report()
    r.overall_goal, r.overall_goal_actual = goal, actual
    return r


@pytest.mark.parametrize(("goal", "actual", "kind"), [
    (GOAL, GOAL, "copied"),
    (GOAL, " 保障735名学生享受营养改善计划补助,减轻家庭经济负担 ", "copied"),
    (GOAL, "完成", "boilerplate"),
    ("购买安可替代产品", "已完成。", "boilerplate"),
])
def test_copied_or_bare_goal_actual_fires(goal: str, actual: str, kind: str) -> None:
    [f] = of(run(goal_report(goal, actual)), "I15")
    assert f.evidence["kind"] == kind and f.where == "document"


@pytest.mark.parametrize(("goal", "actual"), [
    (GOAL, "全年共有742名学生享受营养改善计划补助，人均减负800元。"),
    (GOAL, None),
    (None, "全年共有742名学生享受补助。"),
])
def test_real_goal_actual_does_not_fire(goal, actual) -> None:
    assert of(run(goal_report(goal, actual)), "I15") == []
