"""The seed report, written as a PDF 绩效自评报告 and read back, keeps its indicators, budget and scores."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.model import CheckResult
from jixiao.writers.report_html import write_report_pdf
from tests.fonts import needs_cjk_font
from tests.write_factory import indicator_key, roundtrip_sample, score_key, scores_of

pytestmark = needs_cjk_font


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[CheckResult, CheckResult]:
    return roundtrip_sample(write_report_pdf, tmp_path_factory.mktemp("rt") / "report.pdf")


def test_read_back_without_error(both: tuple[CheckResult, CheckResult]) -> None:
    first, back = both
    assert first.error is None and back.error is None
    assert back.format == "pdf"


def test_same_identification(both: tuple[CheckResult, CheckResult]) -> None:
    first, back = both
    assert first.report is not None and back.report is not None
    assert back.report.title == first.report.title == "公安厅交管局转移支付2023年度绩效自评报告"
    assert back.report.organization == first.report.organization == "西藏自治区公安厅公安交通管理局"
    assert back.report.fiscal_year == 2023


def test_same_indicators(both: tuple[CheckResult, CheckResult]) -> None:
    first, back = both
    assert first.report is not None and back.report is not None
    assert len(back.report.indicators) == 30
    assert [indicator_key(i, squeeze=True) for i in back.report.indicators] == [
        indicator_key(i, squeeze=True) for i in first.report.indicators]


def test_same_budget_and_scores(both: tuple[CheckResult, CheckResult]) -> None:
    first, back = both
    assert back.report is not None and back.report.budget is not None and back.score is not None
    assert (back.report.budget.annual, back.report.budget.executed) == (Decimal("1070.07"), Decimal("838.41"))
    assert first.score is not None
    assert score_key(back.score) == score_key(first.score)
    # the report states no 分值: none is written in the unit's table (the computed ones are in the 复核 table),
    # so reading it back scores the same way again
    assert scores_of(back.score) == scores_of(first.score)
    assert score_key(back.score)[2:4] == ("97.84", "优")


def test_same_findings_but_levels_now_stated(both: tuple[CheckResult, CheckResult]) -> None:
    first, back = both
    codes = {f.code for f in first.findings}
    assert {f.code for f in back.findings} == codes - {"D02"}  # the written table states 一级/二级
