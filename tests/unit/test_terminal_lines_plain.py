"""`check` prints fund rows once prefixed (no 其中：其中:) and the stated grade without stray spaces."""

from __future__ import annotations

from decimal import Decimal as D

from rich.console import Console

from jixiao.model import FundSource
from jixiao.writers.terminal import print_result
from tests.write_factory import sample_result


def _printed(result) -> str:
    console = Console(width=160, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    print_result(console, result)
    return console.export_text()


def test_fund_rows_and_stated_grade() -> None:
    result = sample_result()
    assert result.report is not None and result.report.budget is not None and result.score is not None
    result.report.budget.sources = [FundSource("其中:财政资金", D(1), D(2), D(2)), FundSource("单位资金", D(0))]
    result.score.stated_total, result.score.stated_grade = D("98.5"), "优"
    text = _printed(result)
    assert "其中：其中" not in text and "其中:" not in text
    assert "其中：财政资金" in text and "其中：单位资金" in text
    assert "（报告自评：总分98.50，等级优）" in text
    result.score.stated_total = None
    assert "（报告自评：等级优）" in _printed(result)
