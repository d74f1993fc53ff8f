"""`write_summary` streams: memory does not grow with the number of reports and findings."""

from __future__ import annotations

import tracemalloc
from collections.abc import Iterator
from decimal import Decimal

import openpyxl

from jixiao.writers.summary_xlsx import write_summary


def _records(n: int) -> Iterator[dict]:
    for i in range(n):
        yield {
            "source": f"第{i}份.docx", "format": "docx",
            "report": {"title": "某县2023年度项目支出绩效自评报告", "organization": "某县农业农村局",
                       "fiscal_year": 2023,
                       "budget": {"annual": Decimal("1070.07"), "executed": Decimal("838.41"),
                                  "execution_rate": Decimal("78.35")},
                       "indicators": [{"name": f"指标{k}"} for k in range(10)]},
            "score": {"total": Decimal(60 + i % 40), "grade": "中"},
            "findings": [{"code": f"B0{k}", "severity": "warning", "where": f"indicator:{k}",
                          "message": "预算执行率78.35%（全年执行数838.41万元÷全年预算数1070.07万元），低于90%。" * 3}
                         for k in range(8)],
        }


def _peak(n: int, tmp_path) -> int:
    tracemalloc.start()
    try:
        assert write_summary(_records(n), tmp_path / f"s{n}.xlsx") == n
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_peak_memory_flat_from_60_to_600_reports(tmp_path):
    _peak(5, tmp_path)  # imports and caches first
    small = _peak(60, tmp_path)
    large = _peak(600, tmp_path)  # ten times the reports, 4 800 findings (about 1.5 MB of text)
    per_report = (large - small) / 540
    assert per_report < 1000, (small, large)  # a sort key and a file offset, not its 2.4 KB of findings
    wb = openpyxl.load_workbook(tmp_path / "s600.xlsx", read_only=True)
    assert sum(1 for _ in wb["全部问题"].iter_rows(values_only=True)) == 600 * 8 + 1
    first = next(wb["报告汇总"].iter_rows(min_row=2, max_row=2, values_only=True))
    assert first[8] == 60  # lowest score first among equals
