"""`jixiao check DIR --json | head -1`: the batch stops quietly when its reader goes away."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from tests.conftest import ROOT, SAMPLE


def test_stops_quietly_when_stdout_closes(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for k in range(200):
        shutil.copy(SAMPLE, docs / f"{k:03d}.txt")
    p = subprocess.Popen([sys.executable, "-m", "jixiao", "check", str(docs), "--json", "-j", "2", "-q"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    first = p.stdout.readline()
    p.stdout.close()  # like `head -1` exiting
    _, err = p.communicate(timeout=60)
    assert json.loads(first)["score"]["total"] == 97.84
    assert p.returncode == 141
    assert b"Traceback" not in err and b"BrokenPipe" not in err
