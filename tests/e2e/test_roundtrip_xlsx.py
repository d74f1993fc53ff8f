"""The seed report (a transfer payment), written as its 自评表 (.xlsx: the 中央对地方转移支付区域绩效自评表) and read
back, keeps its indicators, budget and scores; the tool's computed scores stay on the 复核 sheet and are not read
back as the unit's."""

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
    assert back.report.title == "公安厅交管局转移支付"  # the form's 转移支付（项目）名称
    assert back.report.kind == "transfer_payment" and back.report.layout == "transfer"
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
    # the unit stated no weights: the form carries none, so the read-back form is scored the same way, with
    # the policy's weights (a reference score), not with the tool's figures taken as stated
    assert back.score.weights_assumed and first.score.weights_assumed
    assert scores_of(back.score) == scores_of(first.score)
    assert shown_scores(first)[8:10] == ["2.18", "2.17"]  # the 复核 sheet shows weights that add up to 50


def test_no_total_or_grade_put_in_the_units_mouth(both: tuple[CheckResult, CheckResult]) -> None:
    _, back = both
    assert back.report is not None
    # the report stated no 总分/等级: the written form states none (the computed 97.84 is on the 复核 sheet)
    assert (back.report.stated_total, back.report.stated_grade) == (None, None)
    assert not {f.code for f in back.findings} & {"S01", "S02", "S03", "B01", "B06"}
