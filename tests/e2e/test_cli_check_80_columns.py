"""`jixiao check` as printed for an 80-column terminal (COLUMNS=80): every line fits, the indicator
table is stacked with every figure on screen; piped without COLUMNS, the wide table as before."""

from __future__ import annotations

import os
import subprocess
import sys

from rich.cells import cell_len

from tests.conftest import ROOT, SAMPLE


def _check(columns: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    if columns is not None:
        env["COLUMNS"] = columns
    p = subprocess.run([sys.executable, "-m", "jixiao", "check", str(SAMPLE)], capture_output=True, text=True,
                       cwd=ROOT, timeout=120, env=env)
    assert p.returncode == 0, p.stderr
    return p.stdout


def test_80_columns() -> None:
    out = _check("80")
    assert [line for line in out.splitlines() if cell_len(line) > 80] == []
    header = next(line for line in out.splitlines() if "三级指标" in line)
    assert header.split() == ["#", "三级指标", "指标值", "完成值", "达成", "分值", "得分"]
    row = next(line for line in out.splitlines() if "系统故障修复响应时间" in line)
    assert row.split() == ["20", "系统故障修复响应时间", "≤15分钟", "15分钟", "✓", "2.17", "2.17"]
    for text in ("1,070.07", "838.41", "78.35%", "97.84", "评价等级：优", "[B03]"):
        assert text in out, text


def test_piped_without_columns_keeps_the_wide_table() -> None:
    out = _check(None)
    header = next(line for line in out.splitlines() if "三级指标" in line)
    wide_only = ("一级", "二级", "性质", "单位")
    assert [c for c in header.replace("┃", " ").split() if c in wide_only] == list(wide_only)
    assert max(cell_len(line) for line in out.splitlines()) <= 132
