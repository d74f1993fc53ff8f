"""A batch ends with one summary line on stderr; --quiet drops it; no progress bar unless on a terminal."""

from __future__ import annotations

import os
import pty
import select
import shutil
import subprocess
import sys

from tests import text_docs
from tests.conftest import ROOT, SAMPLE
from tests.e2e.test_cli_check_sample import run


def _docs(tmp_path):
    d = tmp_path / "docs"
    d.mkdir()
    shutil.copy(SAMPLE, d / "a.txt")
    shutil.copy(SAMPLE, d / "b.txt")
    (d / "c.txt").write_text(text_docs.PIPES_TRANSFER, encoding="utf-8")
    (d / "d.txt").write_bytes(b"")
    return d


def test_summary_counts_grades_and_frequent_findings(tmp_path):
    p = run("check", str(_docs(tmp_path)), "--json")
    assert p.returncode == 2
    lines = p.stderr.splitlines()
    assert lines[-1].startswith("共 4 份：可读 3 份，无法读取 1 份；等级：优 3；最常见问题：")
    assert "N01×10" in lines[-1]  # 5 contradictions in each copy of the sample
    assert "检查中" not in p.stderr and "\x1b[" not in p.stderr  # not a terminal: no progress bar
    assert len(p.stdout.splitlines()) == 4


def test_quiet_has_only_the_unreadable_line(tmp_path):
    p = run("check", str(_docs(tmp_path)), "--json", "--quiet")
    assert p.returncode == 2
    assert p.stderr.splitlines() == ["jixiao：d.txt：文件为空，没有可读的内容 (the file is empty)"]


def test_progress_on_a_terminal(tmp_path):
    d = _docs(tmp_path)
    master, slave = pty.openpty()
    env = dict(os.environ, COLUMNS="120")
    p = subprocess.Popen([sys.executable, "-m", "jixiao", "check", str(d), "--json"], cwd=ROOT, env=env,
                         stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    seen = b""
    while True:
        ready, _, _ = select.select([master], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    assert p.wait(timeout=30) == 2
    text = seen.decode("utf-8", "replace")
    assert "检查中" in text and "4/4" in text and "份/秒" in text and "剩余" in text
    assert "共 4 份：可读 3 份" in text


def test_quiet_on_a_terminal_shows_no_progress(tmp_path):
    d = _docs(tmp_path)
    master, slave = pty.openpty()
    p = subprocess.Popen([sys.executable, "-m", "jixiao", "check", str(d), "--json", "-q"], cwd=ROOT,
                         stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    seen = b""
    while select.select([master], [], [], 30)[0]:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    p.wait(timeout=30)
    assert "检查中".encode() not in seen and "共 4 份".encode() not in seen
