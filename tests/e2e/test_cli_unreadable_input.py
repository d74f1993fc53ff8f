"""Unreadable input: exit 2, one Chinese line naming the file, an `error` object in JSON, others still checked."""

from __future__ import annotations

import json
import shutil

from tests.conftest import SAMPLE
from tests.e2e.test_cli_check_sample import run


def _bad_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "novel.txt").write_text("从前有座山，山里有座庙。\n庙里有个老和尚。\n", encoding="utf-8")
    shutil.copy(SAMPLE, tmp_path / "good.txt")


def test_each_bad_file_has_a_reason_and_good_one_is_checked(tmp_path):
    _bad_files(tmp_path)
    p = run("check", str(tmp_path), "--json")
    assert p.returncode == 2
    lines = [json.loads(x) for x in p.stdout.splitlines()]
    by_name = {d["source"].rsplit("/", 1)[-1]: d for d in lines}
    assert set(by_name) == {"binary.txt", "empty.txt", "good.txt", "novel.txt"}
    assert by_name["empty.txt"]["error"]["code"] == "empty"
    assert by_name["binary.txt"]["error"]["code"] == "binary"
    assert by_name["novel.txt"]["error"]["code"] == "not_a_report"
    assert "report" not in by_name["empty.txt"]
    assert by_name["good.txt"]["score"]["total"] == 97.84
    assert "Traceback" not in p.stderr
    err_lines = [x for x in p.stderr.splitlines() if x.startswith("jixiao：")]
    assert len(err_lines) == 3
    assert any("empty.txt" in x and "为空" in x for x in err_lines)


def test_single_bad_file_exit_2_one_line(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    p = run("check", str(tmp_path / "empty.txt"))
    assert p.returncode == 2
    assert p.stderr.strip().count("\n") == 0
    assert "empty.txt" in p.stderr and "Traceback" not in p.stderr


def test_missing_file(tmp_path):
    p = run("check", str(tmp_path / "nope.txt"))
    assert p.returncode == 2 and "不存在" in p.stderr


def test_input_files_are_not_modified(tmp_path):
    shutil.copy(SAMPLE, tmp_path / "good.txt")
    before = (tmp_path / "good.txt").read_bytes()
    run("check", str(tmp_path), "--json")
    assert (tmp_path / "good.txt").read_bytes() == before
    assert sorted(x.name for x in tmp_path.iterdir()) == ["good.txt"]
