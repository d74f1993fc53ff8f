"""The seed report, written as the 10号文 自评表 (.xlsx) and read back, keeps its indicators, budget and scores."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.model import CheckResult
from jixiao.writers.form_xlsx import write_form_xlsx
from tests.write_factory import indicator_key, roundtrip_sample, score_key, scores_of, shown_scores


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[CheckResult, CheckResult]:
    return roundtrip_sample(write_form_xlsx, tmp_path_factory.mktemp("rt") / "form.xlsx")


def test_read_back_without_error(both: tuple[CheckResult, CheckResult]) -> None:
    first, back = both
    assert first.error is None and back.error is None
    assert back.format == "xlsx"


def test_identification_from_the_form(both: tuple[CheckResult, CheckResult]) -> None:
    _, back = both
    assert back.report is not None
    assert back.report.title == "公安厅交管局转移支付"  # the form's 项目名称
    assert back.report.organization == "西藏自治区公安厅公安交通管理局"
    assert back.report.fiscal_year == 2023


def test_same_indicators(both: tuple[CheckResult, CheckResult]) -> None:
    first, back = both
    assert first.report is not None and back.report is not None
    assert len(back.report.indicators) == 30
    assert [indicator_key(i) for i in back.report.indicators] == [indicator_key(i) for i in first.report.indicators]


def test_same_budget_and_scores(both: tuple[CheckResult, CheckResult]) -> None:
    first, back = both
    assert back.report is not None and back.report.budget is not None and back.score is not None
    assert (back.report.budget.annual, back.report.budget.executed) == (Decimal("1070.07"), Decimal("838.41"))
    assert back.report.budget.stated_execution_rate == Decimal("78.35")
    assert first.score is not None
    assert score_key(back.score) == score_key(first.score)
    # the 23 output weights were shown as 9 × 2.18 + 14 × 2.17 so that they add up to 50: read back as stated
    assert scores_of(back.score) == shown_scores(first)
    assert scores_of(back.score)[8:10] == ["2.18", "2.17"]


def test_stated_total_and_grade_read_from_the_form(both: tuple[CheckResult, CheckResult]) -> None:
    _, back = both
    assert back.report is not None
    assert (back.report.stated_total, back.report.stated_grade) == (Decimal("97.84"), "优")
    assert not {f.code for f in back.findings} & {"S01", "S02", "S03", "B01", "B06"}
