"""`check` in an 80-column terminal: every line fits, and every column a reviewer needs is on screen
(指标, operator, target, actual, 分值, 得分, 达成) with nothing cut off; a wide terminal keeps the wide
table, also without cutting names or values."""

from __future__ import annotations

import io
from decimal import Decimal as D

from rich.cells import cell_len
from rich.console import Console

from jixiao.app import check_file, evaluate
from jixiao.model import CheckResult, FundSource
from jixiao.policy import load_policy
from jixiao.readers import report_from_text
from jixiao.writers.terminal import WEIGHTS_ASSUMED_NOTE, print_result
from tests.conftest import SAMPLE
from tests.layout_docs import FLATTENED


def _printed(result: CheckResult, width: int) -> str:
    buf = io.StringIO()
    print_result(Console(file=buf, width=width, color_system=None, highlight=False, soft_wrap=False), result)
    return buf.getvalue()


def _too_wide(text: str, width: int) -> list[str]:
    return [line for line in text.splitlines() if cell_len(line) > width]


def _sample() -> CheckResult:
    result = check_file(SAMPLE, load_policy())
    assert result.report is not None and result.report.budget is not None and result.score is not None
    return result


def test_every_line_fits_80_cells() -> None:
    result = _sample()
    result.report.budget.sources = [FundSource("其中:中央财政补助资金（车辆购置税收入补助地方资金）",  # type: ignore[union-attr]
                                               D("1000.00"), D("1000.00"), D("800.00"))]
    for width in (80, 72, 100, 127, 128, 132):
        assert _too_wide(_printed(result, width), width) == [], width


def test_the_indicator_columns_all_visible_at_80() -> None:
    text = _printed(_sample(), 80)
    header = next(line for line in text.splitlines() if "三级指标" in line)
    for column in ("#", "三级指标", "指标值", "完成值", "达成", "分值", "得分"):
        assert column in header, column
    assert "…" not in text.split("复核发现")[0]  # nothing cut off: long names and values wrap
    lines = text.splitlines()
    row = next(line for line in lines if "监控网络链路" in line)
    # the operator and the unit written once inside the values, the computed 分值/得分 beside them, rounded as
    # in every writer: the 23 output indicators' 50/23 show as 9 × 2.18 + 14 × 2.17 = 50.00 (the first ones 2.18)
    assert row.split() == ["1", "监控网络链路", "≥23条", "23条", "✓", "2.18", "2.18"]
    assert "≤815.31万元" in text and "164.07万元" in text and "≤15分钟" in text and "＝100%" in text
    assert "定性：作用明显" in text  # a qualitative target says so
    assert "产出 › 数量*" in text and "满意度 › 服务对象满意度*" in text  # the levels as group headings
    # a long name wraps under itself, every character kept
    name = "互联网交通安全管理服务平台、综合应用平台、全区各地市考试监管系统"
    start = next(k for k, line in enumerate(lines) if line.lstrip().startswith("23 "))
    column = lines[start].index("互联网")
    wrapped = "".join(line[column:column + 24].split()[0] for line in lines[start:start + 4]
                      if len(line) > column and line[column:column + 24].strip())
    assert wrapped.startswith(name[:20]), wrapped


def test_notes_keep_their_mark_and_grade_line_is_plain() -> None:
    text = _printed(_sample(), 80)
    lines = text.splitlines()
    assert not any(line.strip() in ("※", "*", "†") for line in lines)  # a mark never alone on its line
    note = next(k for k, line in enumerate(lines) if line.startswith("※ "))
    assert "".join(line.strip() for line in lines[note:note + 3]).startswith("※ " + WEIGHTS_ASSUMED_NOTE[:30])
    grade = next(line for line in lines if line.startswith("评价等级："))
    assert grade.rstrip() == "评价等级：优"


def test_fund_rows_named_in_their_own_column() -> None:
    result = _sample()
    result.report.budget.sources = [FundSource("其中:中央财政补助资金", D("1000.00"), D("1000.00"),  # type: ignore[union-attr]
                                               D("800.00")), FundSource("地方资金", D("70.07"), D("70.07"), D("38.41"))]
    for width in (80, 100, 132):
        lines = _printed(result, width).splitlines()
        assert "其中：其中" not in "".join(lines)
        central = next(line for line in lines if "其中：中央财政补助资金" in line)
        assert [c.strip() for c in central.split("│")[1:5]] == ["其中：中央财政补助资金", "1,000.00", "1,000.00",
                                                                 "800.00"]
        local = next(line for line in lines if "其中：地方资金" in line)
        assert [c.strip() for c in local.split("│")[1:5]] == ["其中：地方资金", "70.07", "70.07", "38.41"]
        total = next(line for line in lines if "年度资金总额" in line)
        assert [c.strip() for c in total.split("│")[1:5]] == ["年度资金总额", "—", "1,070.07", "838.41"]
    lines = _printed(result, 80).splitlines()
    header = next(line for line in lines if "执行率（计算）" in line)
    assert "执行率（报告）" in header and "分值" in header and "得分" in header
    rates = lines[lines.index(header) + 2]
    assert [c.strip() for c in rates.split("│")[1:5]] == ["78.35%", "78.35%", "10.00", "7.84"]


def test_split_figures_keep_their_mark_in_the_narrow_table() -> None:
    result = evaluate(report_from_text(FLATTENED), load_policy("mof-2020"))
    text = _printed(result, 80)
    assert _too_wide(text, 80) == []
    assert "86.40†" in text and "82.30†" in text
    assert "† 该数据系拆分连写数字" in text


def test_wide_terminal_keeps_the_wide_table_without_cutting() -> None:
    text = _printed(_sample(), 132)
    header = next(line for line in text.splitlines() if "三级指标" in line)
    for column in ("一级", "二级", "性质", "单位"):
        assert column in header
    assert "…" not in text.split("复核发现")[0] and _too_wide(text, 132) == []
    assert "有效节约 作用明显" in text or ("有效节约" in text and "作用明显" in text)
