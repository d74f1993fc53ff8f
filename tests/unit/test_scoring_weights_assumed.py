"""A form that states no weights or scores (transfer-payment forms) is scored with the policy's
default weights, and says so: score.weights_assumed in the JSON and a marked line on the scorecard."""

from __future__ import annotations

from decimal import Decimal as D

from rich.console import Console

from jixiao.model import CheckResult
from jixiao.policy import load_policy
from jixiao.scoring import score_report
from jixiao.serialize import score_to_dict
from jixiao.writers.terminal import WEIGHTS_ASSUMED_NOTE, scorecard
from tests.review_factory import clean_report


def test_transfer_payment_without_weights_is_assumed() -> None:
    r = clean_report()
    r.kind = "transfer_payment"
    card = score_report(r, load_policy())
    assert card.weights_assumed is True and score_to_dict(card)["weights_assumed"] is True


def test_form_without_any_stated_score_is_assumed() -> None:
    card = score_report(clean_report(), load_policy())
    assert card.weights_assumed is True


def test_stated_weights_are_not_assumed() -> None:
    r = clean_report()
    for ind in r.indicators:
        ind.weight = D(90) / len(r.indicators)
    assert score_report(r, load_policy()).weights_assumed is False


def test_a_stated_total_alone_means_a_scored_form() -> None:
    r = clean_report()
    r.stated_total = D(95)
    assert score_report(r, load_policy()).weights_assumed is False


def test_scorecard_marks_an_assumed_score() -> None:
    r = clean_report()
    r.kind = "transfer_payment"
    result = CheckResult("a.docx", "docx", report=r, score=score_report(r, load_policy()))
    console = Console(record=True, width=200)
    console.print(scorecard(result))
    assert WEIGHTS_ASSUMED_NOTE in console.export_text()
    r.stated_total = D(90)
    r.kind = "project"
    result = CheckResult("a.docx", "docx", report=r, score=score_report(r, load_policy()))
    console = Console(record=True, width=200)
    console.print(scorecard(result))
    assert WEIGHTS_ASSUMED_NOTE not in console.export_text()
