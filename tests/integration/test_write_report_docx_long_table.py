"""A department-overall report of 240 indicators renders to Word row by row (it took minutes when
python-docx laid out the whole table for each cell) and reads back whole: every row, the level
cells merged once per group, widths on every cell. Timing: benchmarks/bench_render_docx.py."""

from __future__ import annotations

import dataclasses
import time
from decimal import Decimal
from pathlib import Path

import docx
from docx.oxml.ns import qn

from jixiao.model import Indicator, IndicatorScore
from jixiao.readers.docx import read_docx
from jixiao.writers.report_docx import INDICATOR_WIDTHS, write_report_docx
from tests.write_factory import project_result

ROWS = 240
GROUPS = (("output", "quantity"), ("output", "quality"), ("benefit", "social"), ("satisfaction", "satisfaction"))


def long_result():
    result = project_result()
    indicators = [
        Indicator(name=f"第{i + 1}项培训覆盖学校数", operator=">=", target=Decimal(100 + i), target_text=str(100 + i),
                  actual=Decimal(100 + i), actual_text=str(100 + i), unit="所",
                  level1=GROUPS[i * len(GROUPS) // ROWS][0], level2=GROUPS[i * len(GROUPS) // ROWS][1])
        for i in range(ROWS)
    ]
    report = dataclasses.replace(result.report, indicators=indicators)
    card = dataclasses.replace(result.score, indicators=[
        IndicatorScore(index=i, max_score=Decimal("0.375"), score=Decimal("0.375"), met=True, basis="met")
        for i in range(ROWS)])
    return dataclasses.replace(result, report=report, score=card)


def test_240_rows_written_and_read_back(tmp_path: Path):
    out = tmp_path / "long.docx"
    start = time.perf_counter()
    write_report_docx(long_result(), out)
    assert time.perf_counter() - start < 60  # generous: about 1 s on a quiet machine, minutes before
    table = next(b for b in read_docx(out).blocks if getattr(b, "rows", None) and len(b.rows) > ROWS)
    names = [row[2] for row in table.rows[1:]]
    assert names == [f"第{i + 1}项培训覆盖学校数" for i in range(ROWS)]

    d = docx.Document(str(out))
    tbl = max(d.tables, key=lambda t: len(t._tbl.tr_lst))._tbl
    first_column = [tr.tc_lst[0] for tr in tbl.tr_lst[1:]]
    restarts = [tc for tc in first_column if tc.vMerge == "restart"]
    continues = [tc for tc in first_column if tc.vMerge == "continue"]
    assert len(restarts) == 3 and len(continues) == ROWS - 3  # 产出 (two groups), 效益, 满意度
    assert all("".join(t.text or "" for t in tc.iter(qn("w:t"))) == "" for tc in continues)
    widths = {c: {tr.tc_lst[c].width for tr in tbl.tr_lst} for c in range(len(INDICATOR_WIDTHS))}
    assert all(len(w) == 1 for w in widths.values())  # the same width down each column, merged cells too
