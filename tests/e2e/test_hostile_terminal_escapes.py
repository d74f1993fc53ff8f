"""Control characters in report text and file names reach the terminal escaped, never raw.

The report's title, unit name and an indicator carry a clear-screen, a window-title change, an OSC 52
clipboard write, a C1 CSI and a right-to-left override; a second file's name carries escapes too.
Run piped and with a forced terminal (Rich then writes its own colour codes, which are allowed)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.text_docs import ROWS_TABS_GB

CLEAR = "\x1b[2J"
TITLE = "\x1b]0;pwned\x07"
CLIPBOARD = "\x1b]52;c;ZWNobyBwd25lZA==\x07"
CSI_C1 = "\x9b2J"
RLO = "\u202e"
RAW = (CLEAR, "\x1b]", "\x07", "\x9b", RLO)


def hostile_report() -> str:
    return (ROWS_TABS_GB
            .replace("实施单位\t某县农业农村局", f"实施单位\t某县{TITLE}农业{CSI_C1}农村局{CLIPBOARD}")
            .replace("新建高标准农田", f"新建{CLEAR}高标准{RLO}农田")
            .replace("受旱情影响，部分地块减产", f"受旱情影响{CLIPBOARD}，部分地块减产"))


def run(*args: str, terminal: bool = False) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    env.pop("FORCE_COLOR", None)
    if terminal:
        env["FORCE_COLOR"] = "1"
        env["TERM"] = "xterm-256color"
    return subprocess.run([sys.executable, "-m", "jixiao", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=120, env=env)


@pytest.mark.parametrize("terminal", [False, True], ids=["piped", "terminal"])
def test_report_text_is_escaped(tmp_path, terminal):
    path = tmp_path / "报告.txt"
    path.write_text(hostile_report(), encoding="utf-8")
    p = run("check", str(path), terminal=terminal)
    assert p.returncode == 0, p.stderr
    for raw in RAW:
        assert raw not in p.stdout and raw not in p.stderr, repr(raw)
    assert "某县\\x1b]0;pwned\\x07农业\\x9b2J农村局" in p.stdout
    assert "新建\\x1b[2J" in p.stdout  # the name column is cut to its width


def test_file_names_are_escaped_in_messages(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / f"坏{TITLE}名字{CLEAR}.txt").write_text("你好", encoding="utf-8")
    (folder / "报告.txt").write_text(hostile_report(), encoding="utf-8")
    for args in (["check", str(folder), "-j", "1"], ["check", str(folder / f"坏{TITLE}名字{CLEAR}.txt")]):
        p = run(*args, terminal=True)
        assert p.returncode == 2
        for raw in RAW:
            assert raw not in p.stdout and raw not in p.stderr, (args, repr(raw))
        assert "坏\\x1b]0;pwned\\x07名字\\x1b[2J.txt" in p.stderr


def test_json_keeps_the_text_and_escapes_what_json_leaves_raw(tmp_path):
    path = tmp_path / "报告.txt"
    path.write_text(hostile_report(), encoding="utf-8")
    p = run("check", str(path), "--json")
    assert p.returncode == 0, p.stderr
    for raw in RAW:
        assert raw not in p.stdout, repr(raw)
    report = json.loads(p.stdout)["report"]
    assert report["organization"] == f"某县{TITLE}农业{CSI_C1}农村局{CLIPBOARD}"  # the value itself is kept
    assert any(i["name"] == f"新建{CLEAR}高标准{RLO}农田" for i in report["indicators"])
