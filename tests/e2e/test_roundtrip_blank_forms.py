"""A blank form, filled in as a unit would, reads back: identification, budget, indicators, score."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import openpyxl
import pytest

from jixiao.app import check_file
from jixiao.policy import load_policy
from jixiao.writers.blank_forms import write_blank_form

# where each form takes the organisation and the budget (annual, executed) of 年度资金总额
FILL = {
    "self-eval-form": {"G4": "某某局", "D6": 100, "E6": 100, "F6": 95},
    "sichuan-form": {"G4": "某某局", "D6": 100, "E6": 100, "F6": 95},
    "transfer-form": {"E5": "某某局", "D7": 100, "E7": 95},
}
COLUMNS = {  # 指标值 and 实际完成值 headers of each form
    "self-eval-form": ("年度指标值", "实际完成值"),
    "sichuan-form": ("指标值", "全年实际完成值"),
    "transfer-form": ("指标值", "全年实际完成值"),
}


def fill(kind: str, path: Path) -> None:
    write_blank_form(kind, path)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    assert ws is not None
    ws["A2"], ws["B3"] = "（2024年度）", "测试项目"
    for ref, value in FILL[kind].items():
        ws[ref] = value
    h = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "一级指标")
    header = [ws.cell(h, c).value for c in range(1, ws.max_column + 1)]
    target, actual = COLUMNS[kind]

    def put(row: int, values: dict[str, object]) -> None:
        for name, value in values.items():
            ws.cell(h + row, header.index(name) + 1).value = value

    if kind == "transfer-form":  # no 指标性质 / 度量单位 columns: operator and unit inside the value
        put(1, {"三级指标": "培训人次", target: "≥100人次", actual: "120人次"})
        put(11, {"三级指标": "服务对象满意度", target: "≥90%", actual: "95%"})
    else:
        put(1, {"三级指标": "培训人次", "指标性质": "≥", target: 100, "度量单位": "人次", actual: 120})
        put(11, {"三级指标": "服务对象满意度", "指标性质": "≥", target: 90, "度量单位": "%", actual: 95})
    wb.save(path)


@pytest.mark.parametrize("kind", ["self-eval-form", "sichuan-form", "transfer-form"])
def test_filled_blank_form_reads_back(kind: str, tmp_path: Path) -> None:
    path = tmp_path / f"{kind}.xlsx"
    fill(kind, path)
    result = check_file(path, load_policy())
    assert result.error is None
    report = result.report
    assert report is not None and report.budget is not None and result.score is not None
    assert (report.title, report.organization, report.fiscal_year) == ("测试项目", "某某局", 2024)
    assert (report.budget.annual, report.budget.executed) == (D(100), D(95))
    assert [(i.name, i.operator, i.target, i.actual, i.unit, i.level1, i.level2) for i in report.indicators] == [
        ("培训人次", ">=", D(100), D(120), "人次", "output", "quantity"),
        ("服务对象满意度", ">=", D(90), D(95), "%", "satisfaction", "satisfaction"),
    ]
    assert (result.score.total, result.score.grade) == (D("99.50"), "优")
    # the empty pre-labelled rows are not indicators, and the form's money adds up
    assert not {f.code for f in result.findings} & {"B06", "I08", "I06", "B07"}
