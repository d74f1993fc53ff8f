"""A form whose amounts the unit wrote in 元 shows them in 元 in the written 自评报告.

The model holds amounts in 万元, converted exactly (387664.62元 → 38.766462万元). Printing "38.766462" under
项目资金（万元） shows a figure the unit never wrote; the table is shown in 元 with the unit's own figures.
A form in 万元 stays in 万元.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx

from jixiao.model import CheckResult
from jixiao.writers._common import amounts_unit
from jixiao.writers.report_docx import write_report_docx
from jixiao.writers.report_html import render_report_html
from tests.write_factory import check_text as _check

YUAN_FORM = "\n".join([
    "2022年度项目支出绩效自评表 | 部门:某县教育体育局 |",
    "| 项目名称 | 学生营养改善计划专项资金 | 主管部门 | 某县教育体育局 | 实施单位 | 某县第一中学 | 项目资金 (元) |",
    "| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 年度资金总额 |",
    "| 387664.62 | 387664.62 | 365000 | 10 | 94.15% | 9.4 |",
    "| 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 实际完成值 | 分值 | 得分 "
    "| 偏差原因分析及改进措施 |",
    "| 产出指标 | 数量指标 | 受益学生人数 | ≥ | 735 | 人 | 735 | 30 | 30 | |",
    "| 效益指标 | 社会效益指标 | 学生营养状况改善率 | ≥ | 90 | % | 95% | 30 | 30 | |",
    "| 满意度指标 | 服务对象满意度指标 | 家长满意度 | ≥ | 95 | % | 98% | 30 | 30 | |",
    "| 总分 | 100 | 99.4 | 优 |",
    "",
])


def _funds_rows(result: CheckResult, tmp_path: Path) -> list[list[str]]:
    out = tmp_path / "report.docx"
    write_report_docx(result, out)
    table = next(t for t in docx.Document(str(out)).tables if t.rows[0].cells[0].text.startswith("项目资金"))
    return [[c.text for c in r.cells] for r in table.rows]


def test_amounts_written_in_yuan_are_shown_in_yuan(tmp_path: Path) -> None:
    result = _check(tmp_path, YUAN_FORM)
    assert result.report is not None and result.report.budget is not None
    assert result.report.budget.annual == Decimal("38.766462")  # the model: 万元, exact
    rows = _funds_rows(result, tmp_path)
    assert rows[0][0] == "项目资金（元）"
    assert rows[1][:4] == ["年度资金总额", "387664.62", "387664.62", "365000"]
    html = render_report_html(result)
    assert "项目资金（元）" in html and "387664.62" in html and "38.766462" not in html


def test_amounts_in_wanyuan_stay_in_wanyuan() -> None:
    assert amounts_unit([Decimal("60"), Decimal("58.5"), None]) == (Decimal(1), "万元")
    assert amounts_unit([Decimal("1070.07"), Decimal("838.4123")]) == (Decimal(1), "万元")
    # more than four decimals but not whole 分 in 元: not from 元, shown as held
    assert amounts_unit([Decimal("1.234567891")]) == (Decimal(1), "万元")
    assert amounts_unit([Decimal("38.766462"), Decimal("36.5")]) == (Decimal(10000), "元")
    assert amounts_unit([]) == (Decimal(1), "万元")
