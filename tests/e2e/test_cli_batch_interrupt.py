"""Ctrl-C during a batch: exit 130, every line written is complete JSON, no worker process left."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE


def _children(pid: int) -> set[int]:
    kids: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        kids.update(int(x) for x in (task / "children").read_text().split())
    return kids


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


@pytest.mark.parametrize(("sig", "to_group", "code"), [(signal.SIGINT, False, 130), (signal.SIGINT, True, 130),
                                                       (signal.SIGTERM, False, 143)],
                         ids=["sigint-parent", "sigint-process-group", "sigterm"])
def test_interrupt_stops_cleanly_and_keeps_the_lines_written(tmp_path, sig, to_group, code):
    """Ctrl-C in a terminal signals the whole process group; `kill -INT` only the parent; `kill`
    (SIGTERM) stops the batch the same way."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for k in range(400):  # far more than can be checked before the interrupt
        shutil.copy(SAMPLE, docs / f"报告{k:03d}.txt")
    p = subprocess.Popen([sys.executable, "-m", "jixiao", "check", str(docs), "--json", "--jobs", "2"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                         start_new_session=True)
    try:
        first = [p.stdout.readline() for _ in range(3)]
        workers = _children(p.pid)
        assert len(workers) == 2, workers
        if to_group:
            os.killpg(p.pid, sig)
        else:
            p.send_signal(sig)
        # Read the rest through the same buffered reader: communicate() reads the pipe itself and
        # would miss what readline() has already buffered (the start of the next line).
        watchdog = threading.Timer(30, p.kill)
        watchdog.start()
        try:
            rest = p.stdout.read()
            err = p.stderr.read()
            p.wait()
        finally:
            watchdog.cancel()
    finally:
        if p.poll() is None:
            p.kill()
    assert p.returncode == code, err
    lines = [x for x in first + rest.splitlines(keepends=True) if x]
    assert 3 <= len(lines) < 400
    for line in lines:
        assert line.endswith("\n")
        doc = json.loads(line)
        assert doc["score"]["total"] == 97.84
    assert "已中断" in err and "Traceback" not in err
    deadline = time.monotonic() + 5
    while any(_running(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [w for w in workers if _running(w)]


def test_parent_killed_outright_takes_its_workers_along(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for k in range(400):
        shutil.copy(SAMPLE, docs / f"报告{k:03d}.txt")
    p = subprocess.Popen([sys.executable, "-m", "jixiao", "check", str(docs), "--json", "--jobs", "2"],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT)
    try:
        p.stdout.readline()
        workers = _children(p.pid)
        os.kill(p.pid, signal.SIGKILL)
        p.wait(timeout=10)
    finally:
        if p.poll() is None:
            p.kill()
        p.stdout.close()
    deadline = time.monotonic() + 5
    while any(_running(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert workers and not [w for w in workers if _running(w)]
