"""Scoring rules that mutation testing found unstated (docs/mutation.md): how a qualitative text is
graded, when a stated qualitative score is accepted, where cost weights go, an indicator scored with
the direction its meaning implies (issue 10, I04), and which scores rest on assumed weights."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D

import pytest

from jixiao.model import Budget, Indicator, Report
from jixiao.scoring import grade_text, score_indicator, score_report, weights_assumed
from tests.scoring_factory import policy, quant

POLICY = policy("mof-2020")


def text_ind(target: str, actual: str, *, stated: str | None = None) -> Indicator:
    return Indicator(name="社会效益", operator="qualitative", target_text=target, actual_text=actual,
                     level1="benefit", stated_score=None if stated is None else D(stated))


# --- grading a qualitative actual ---------------------------------------------------------------------------------

@pytest.mark.parametrize("actual", ["", "   ", "\t\n"])
def test_an_empty_actual_is_unclear(actual: str) -> None:
    assert grade_text(actual, "群众出行便利", POLICY) == "unclear"


def test_the_target_repeated_with_other_spacing_is_achieved() -> None:
    # no word of the lists in it: only "same text as the target" can make it achieved
    assert grade_text("群众 出行 便利", "群众出行便利", POLICY) == "achieved"
    assert grade_text("群众出行便利", "群众 出行便利", POLICY) == "achieved"


def test_an_actual_that_holds_the_target_or_is_held_by_it_is_achieved() -> None:
    assert grade_text("群众出行便利，交通秩序井然", "群众出行便利", POLICY) == "achieved"
    assert grade_text("群众出行便利", "群众出行便利，交通秩序井然", POLICY) == "achieved"


def test_an_unrelated_actual_without_achievement_words_is_unclear() -> None:
    assert grade_text("按计划推进", "群众出行便利", POLICY) == "unclear"


def test_ignored_compounds_are_removed_before_looking_for_failure_words() -> None:
    # 不低于 / 未发生 hold 不 / 未 but say nothing of failure
    assert grade_text("满意率不低于九成", "群众认可", POLICY) == "unclear"
    assert grade_text("全年未发生安全事故", "安全生产", POLICY) == "achieved"


def test_a_policy_without_word_lists_grades_by_the_target_text_only() -> None:
    bare = replace(POLICY, raw={k: v for k, v in POLICY.raw.items() if k != "qualitative"})
    assert grade_text("已完成", "群众出行便利", bare) == "unclear"
    assert grade_text("群众出行便利", "群众出行便利", bare) == "achieved"
    no_words = replace(POLICY, raw={**POLICY.raw, "qualitative": {}})
    assert grade_text("部分完成", "群众出行便利", no_words) == "unclear"


# --- a stated qualitative score inside its grade's band is accepted -----------------------------------------------

def test_a_stated_score_in_the_band_is_kept_even_for_a_weight_of_one() -> None:
    s = score_indicator(text_ind("群众出行便利", "群众出行便利", stated="0.9"), D(1), POLICY)
    assert (s.score, s.basis) == (D("0.9"), "stated")


def test_a_zero_weight_with_a_stated_score_scores_zero_without_dividing_by_it() -> None:
    s = score_indicator(text_ind("群众出行便利", "群众出行便利", stated="0"), D(0), POLICY)
    assert (s.score, s.basis) == (D(0), "band")


# --- cost weights -------------------------------------------------------------------------------------------------

def test_cost_weight_moves_into_the_output_pool_when_cost_scores_there() -> None:
    pol = replace(POLICY, pool_weights={**POLICY.pool_weights, "output": D(40), "cost": D(10)}, cost_pool="output")
    report = Report(indicators=[quant(">=", 1, 1, level1="output"), quant(">=", 1, 1, level1="benefit"),
                                quant(">=", 1, 1, level1="satisfaction")],
                    budget=Budget(annual=D(100), executed=D(100)))
    card = score_report(report, pol)
    assert card.pool_weights["output"] == D(50)
    assert "cost" not in card.pool_weights
    assert card.total == D(100)


# --- I04: scored with the direction the meaning implies ----------------------------------------------------------

def satisfaction(op: str, target: str, actual: str) -> Report:
    return Report(indicators=[quant(op, target, actual, name="群众满意度", level1="satisfaction", weight=10),
                              quant(">=", 5, 5, name="培训人次", weight=80)],
                  budget=Budget(annual=D(100), executed=D(100), weight=D(10)))


def test_a_satisfaction_rate_stated_with_le_is_scored_as_ge() -> None:
    card = score_report(satisfaction("<=", "90", "95"), POLICY)
    s = card.indicators[0]
    assert (s.index, s.met, s.score, s.max_score) == (0, True, D(10), D(10))
    assert s.scored_operator == ">="
    assert card.indicators[1].scored_operator is None
    assert card.indicators[1].index == 1


def test_a_satisfaction_rate_below_target_is_scored_by_ratio_as_ge() -> None:
    s = score_report(satisfaction("<=", "90", "81"), POLICY).indicators[0]
    assert (s.met, s.score) == (False, D(9))


def test_the_policy_can_score_the_stated_direction() -> None:
    pol = replace(POLICY, raw={**POLICY.raw, "operators": {**POLICY.raw.get("operators", {}),
                                                           "direction_by_meaning": False}})
    s = score_report(satisfaction("<=", "90", "95"), pol).indicators[0]
    assert s.met is False and s.scored_operator is None
    assert s.score == D(10) * D(90) / D(95)


# --- score.weights_assumed ----------------------------------------------------------------------------------------

def test_weights_are_assumed_when_the_document_states_no_score_at_all() -> None:
    assert weights_assumed(Report(indicators=[quant()]), POLICY) is True


def test_weights_are_assumed_on_a_transfer_form_even_with_some_scores() -> None:
    r = Report(kind="transfer_payment", indicators=[quant(stated_score=5)])
    assert weights_assumed(r, POLICY) is True


@pytest.mark.parametrize("report", [
    Report(indicators=[quant(weight=10)]),  # one stated weight (not all): scores were stated
    Report(indicators=[quant(stated_score=5)]),
    Report(indicators=[quant()], budget=Budget(annual=D(1), executed=D(1), weight=D(10))),
    Report(indicators=[quant()], budget=Budget(annual=D(1), executed=D(1), stated_score=D(9))),
    Report(indicators=[quant()], stated_total=D(90)),
])
def test_weights_are_not_assumed_when_any_score_is_stated(report: Report) -> None:
    assert weights_assumed(report, POLICY) is False


def test_weights_stated_for_every_indicator_are_the_units_own_even_on_a_transfer_form() -> None:
    r = Report(kind="transfer_payment", indicators=[quant(weight=50), quant(weight=40)])
    assert weights_assumed(r, POLICY) is False
    assert weights_assumed(r, replace(POLICY, use_stated_weights=False)) is True


# --- what each score rests on (basis, kept in the JSON) and which row it is --------------------------------------

@pytest.mark.parametrize(("ind", "basis", "met"), [
    (quant(">=", 10, None), "no-actual", None),
    (Indicator(name="效益", operator="qualitative", target_text="有效", actual_text=" "), "no-actual", None),
    (quant(">=", 0, -1), "target-not-positive", False),
    (quant("<=", 0, 3), "target-zero", False),
    (quant("<=", 24, 18), "met", True),
    (quant("=", 30, 30), "met", True),
    (quant("=", 30, 27), "ratio", False),
    (quant(">=", 10, None, actual_text="已完成"), "band", True),
])
def test_each_path_says_what_the_score_rests_on_and_keeps_the_row(ind: Indicator, basis: str, met: bool | None) -> None:
    s = score_indicator(ind, D(10), POLICY, 7)
    assert (s.basis, s.met, s.index, s.max_score) == (basis, met, 7, D(10))


def test_a_text_target_is_judged_like_a_qualitative_indicator() -> None:
    ind = quant(">=", None, 5, target_text="按期完成", actual_text="5")
    s = score_indicator(ind, D(10), POLICY, 4)
    assert (s.basis, s.index, s.grade) == ("band", 4, "unclear")
    assert s.score == D(8)  # unclear: 0.80 of the weight


def test_a_target_of_one_still_scores_by_ratio() -> None:
    assert score_indicator(quant(">=", 1, "0.5"), D(10), POLICY).score == D(5)


def test_an_unmet_le_with_a_small_actual_scores_by_ratio() -> None:
    assert score_indicator(quant("<=", "0.5", "0.8"), D(10), POLICY).score == D(10) * D("0.5") / D("0.8")


def test_a_pool_with_weight_is_shown_even_when_it_scores_nothing() -> None:
    report = Report(indicators=[quant(">=", 10, 10, level1="output"), quant(">=", 10, 0, level1="benefit"),
                                quant(">=", 90, 95, level1="satisfaction")],
                    budget=Budget(annual=D(100), executed=D(100)))
    card = score_report(report, POLICY)
    assert card.pools["benefit"] == D(0)
    assert card.pool_weights["benefit"] == D(30)
