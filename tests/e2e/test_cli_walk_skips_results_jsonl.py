"""`check reports/ --json > reports/results.jsonl`: the results file in the folder is not checked as a report."""

from __future__ import annotations

import json
import shutil

from tests.conftest import SAMPLE
from tests.e2e.test_cli_check_sample import run


def test_results_jsonl_in_the_checked_folder_is_skipped(tmp_path):
    shutil.copy(SAMPLE, tmp_path / "a.txt")
    first = run("check", str(tmp_path), "--json", "--jobs", "1")
    (tmp_path / "results.jsonl").write_text(first.stdout, encoding="utf-8")
    again = run("check", str(tmp_path), "--json", "--jobs", "1")
    assert again.returncode == 0, again.stderr
    sources = [json.loads(line)["source"] for line in again.stdout.splitlines()]
    assert [s.rsplit("/", 1)[-1] for s in sources] == ["a.txt"]


def test_a_check_json_file_named_explicitly_is_read(tmp_path):
    js = tmp_path / "one.json"
    js.write_text(run("check", str(SAMPLE), "--json").stdout, encoding="utf-8")
    doc = json.loads(run("check", str(js), "--json").stdout)
    assert doc["format"] == "json" and doc["score"]["total"] == 97.84
