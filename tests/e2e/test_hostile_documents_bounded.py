"""Every hostile PDF and zip construction is refused by a single-file `jixiao check` within 10 s and
500 MB, with a Chinese reason, and the file is left as it was.

Before the bounds (docs/hardening.md): a self-referencing /Contents spun for ever, a 1 MB flate bomb
took 44 s and 2.1 GB, a glyph bomb and a ruling-line grid over 90 s and 1.8-1.9 GB, a 100 000-page
PDF over 90 s, a zip whose directory lies 15 s and 2.1 GB, 9.5 M empty paragraphs over 90 s and
1.3 GB. The files here are smaller versions of the same constructions, each still over its bound.
The time is that of the whole command (start-up included), the memory the peak of its processes."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests import hostile as h
from tests.conftest import ROOT

MEASURE = """
import json, resource, subprocess, sys, time
start = time.monotonic()
p = subprocess.run([sys.executable, "-m", "jixiao", *sys.argv[1:]], capture_output=True, text=True, timeout=120)
print(json.dumps({"seconds": time.monotonic() - start, "rc": p.returncode, "stderr": p.stderr,
                  "mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""

CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "contents-reference-loop": (h.pdf_contents_ref_loop, "引用成环或过深"),
    "resources-reference-loop": (h.pdf_resources_ref_loop, "引用成环或过深"),
    "deep-reference-chain": (lambda d: h.pdf_deep_reference_chain(d, depth=100), "引用成环或过深"),
    "flate-bomb": (lambda d: h.pdf_flate_bomb(d, megabytes=128), "压缩炸弹"),
    "glyph-bomb": (lambda d: h.pdf_glyph_bomb(d, glyphs=2_000_000), "对象过多"),
    "ruling-grid": (h.pdf_ruling_grid, "表格线过多"),
    "page-bomb": (lambda d: h.pdf_many_pages(d, pages=20_000), "页数过多"),
    "zip-lying-sizes": (lambda d: h.zip_lying_sizes(d, actual_mb=128), "大小与数据不符"),
    "zip-many-entries": (lambda d: h.zip_many_entries(d, entries=120_000), "目录过大"),
    "docx-empty-paragraphs": (lambda d: h.docx_empty_paragraphs(d, count=3_000_000), "元素过多"),
}


def measured(*args: str) -> dict[str, object]:
    p = subprocess.run([sys.executable, "-c", MEASURE, *args], capture_output=True, text=True, cwd=ROOT,
                       timeout=180)
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


@pytest.mark.parametrize("case", list(CASES))
def test_refused_within_10_s_and_500_mb(tmp_path: Path, case: str):
    build, reason = CASES[case]
    path = build(tmp_path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    m = measured("check", str(path))
    assert m["rc"] == 2, m
    stderr = str(m["stderr"])
    assert reason in stderr and path.name in stderr and "Traceback" not in stderr, stderr
    assert m["seconds"] < 10, m
    assert m["mb"] < 500, m
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


@pytest.mark.parametrize("case", ["contents-reference-loop", "ruling-grid"])
def test_render_is_bounded_too(tmp_path: Path, case: str):
    build, reason = CASES[case]
    path = build(tmp_path)
    m = measured("render", str(path), "-o", str(tmp_path / "out.docx"))
    assert m["rc"] == 2 and reason in str(m["stderr"]), m
    assert m["seconds"] < 10 and m["mb"] < 500, m
    assert not (tmp_path / "out.docx").exists()


def test_a_read_over_the_time_limit_is_stopped(tmp_path: Path):
    """The worker's limits back the bounds up for one document as for a batch.

    The page holds just under the per-page object bound, so no bound refuses it first: reading it takes
    about a second, well over the 0.3 s limit given here."""
    path = h.pdf_glyph_bomb(tmp_path, glyphs=39_000)
    m = measured("check", str(path), "--timeout", "0.3", "--json")
    assert m["rc"] == 2 and "读取超时" in str(m["stderr"]), m


def test_damaged_template_is_refused_with_a_reason(tmp_path: Path):
    template = h.zip_lying_sizes(tmp_path, actual_mb=128)
    m = measured("render", str(ROOT / "examples" / "seed-report-2023-traffic-police.txt"), "--template",
                 str(template), "-o", str(tmp_path / "out.docx"))
    assert m["rc"] == 2 and "模板不可用" in str(m["stderr"]) and "大小与数据不符" in str(m["stderr"]), m
    assert m["seconds"] < 10 and m["mb"] < 500, m
