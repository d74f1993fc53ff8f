"""An output in a place that takes no files (/proc): one Chinese line and exit 2 from render, template
and summary alike, never "文件或目录不存在" for a folder that exists."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE
from tests.e2e.test_cli_check_sample import run

pytestmark = pytest.mark.skipif(not Path("/proc/self").exists() or sys.platform != "linux", reason="needs /proc")


def test_proc_is_no_place_for_outputs(tmp_path: Path) -> None:
    results = tmp_path / "results.jsonl"
    results.write_text(json.dumps({"source": "a.txt", "format": "text", "report": {"indicators": []},
                                   "score": {"total": 90, "grade": "优"}, "findings": []}) + "\n", encoding="utf-8")
    for args in (("render", str(SAMPLE), "-o", "/proc/报告.docx"),
                 ("template", "--kind", "transfer-form", "-o", "/proc/空白表.xlsx"),
                 ("summary", str(results), "-o", "/proc/汇总.xlsx")):
        p = run(*args)
        assert p.returncode == 2, args
        lines = p.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("jixiao：无法写入 /proc/"), (args, lines)
        assert "无法在该位置创建文件" in lines[0] or "没有在 /proc 中写入的权限" in lines[0], lines
        assert "不存在" not in lines[0] and "Traceback" not in p.stderr
