"""A worker that dies or hangs costs only its document: reported as unreadable, the batch goes on."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

from typer.testing import CliRunner

import jixiao.batch
from jixiao.cli import app
from tests.conftest import SAMPLE

real_check_file = jixiao.batch.check_file


def _hostile_check_file(path: Path, policy, source=None):
    if "崩溃" in path.name:
        os._exit(9)  # a crash inside a parsing library
    if "卡死" in path.name:
        time.sleep(60)  # a pathological file
    return real_check_file(path, policy, source)


def test_crash_and_hang_are_reported_others_checked(tmp_path, monkeypatch):
    monkeypatch.setattr(jixiao.batch, "check_file", _hostile_check_file)  # inherited by forked workers
    for name in ("a.txt", "崩溃.txt", "b.txt", "卡死.txt", "c.txt", "d.txt"):
        shutil.copy(SAMPLE, tmp_path / name)
    start = time.monotonic()
    r = CliRunner().invoke(app, ["check", str(tmp_path), "--json", "--jobs", "2", "--timeout", "2"])
    assert time.monotonic() - start < 30
    assert r.exit_code == 2, r.output
    docs = {Path(d["source"]).name: d for d in map(json.loads, r.stdout.splitlines())}
    assert set(docs) == {"a.txt", "b.txt", "c.txt", "d.txt", "崩溃.txt", "卡死.txt"}
    assert docs["崩溃.txt"]["error"]["code"] == "crashed"
    assert "异常退出" in docs["崩溃.txt"]["error"]["message"]
    assert docs["卡死.txt"]["error"]["code"] == "timeout"
    assert "超时" in docs["卡死.txt"]["error"]["message"]
    assert all(docs[n]["score"]["total"] == 97.84 for n in ("a.txt", "b.txt", "c.txt", "d.txt"))
