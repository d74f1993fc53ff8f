"""`check --jobs 1` and `--jobs 2` give the same results on a mixed batch (order aside)."""

from __future__ import annotations

import json
import shutil

from tests import fixtures_office as fx
from tests import text_docs
from tests.conftest import SAMPLE
from tests.e2e.test_cli_check_sample import run


def _batch(tmp_path):
    d = tmp_path / "batch"
    (d / "县区").mkdir(parents=True)
    shutil.copy(SAMPLE, d / "交管局.txt")
    (d / "农业.txt").write_bytes(text_docs.ROWS_TABS_GB.encode("gb18030"))
    (d / "水利.md").write_text(text_docs.PIPES_TRANSFER, encoding="utf-8")
    (d / "县区" / "公交.txt").write_text(text_docs.SPACES_PDF, encoding="utf-16")
    (d / "县区" / "健身.txt").write_text(text_docs.CELLS_PLAIN, encoding="utf-8")
    fx.build_mof10_docx(d)
    fx.build_transfer_docx(d / "县区", unit="元")
    fx.build_mof10_xlsx(d / "县区")
    fx.build_sichuan_xlsx(d)
    (d / "空.txt").write_bytes(b"")
    fx.truncate(fx.build_mof10_docx(tmp_path, name="坏.docx")).rename(d / "坏.docx")
    return d


def _by_source(stdout: str) -> dict[str, dict]:
    docs = [json.loads(x) for x in stdout.splitlines()]
    out = {d["source"]: d for d in docs}
    assert len(out) == len(docs)
    return out


def test_same_results_one_or_two_workers(tmp_path):
    d = _batch(tmp_path)
    one = run("check", str(d), "--json", "--jobs", "1")
    two = run("check", str(d), "--json", "--jobs", "2")
    assert one.returncode == two.returncode == 2
    a, b = _by_source(one.stdout), _by_source(two.stdout)
    assert len(a) == 11
    assert a == b
    assert sorted(one.stderr.splitlines()) == sorted(two.stderr.splitlines())
    totals = {k.rsplit("/", 1)[-1]: v["score"]["total"] for k, v in a.items() if "score" in v}
    assert totals["交管局.txt"] == 97.84 and totals["项目支出绩效自评表.docx"] == 97.84
    assert {k.rsplit("/", 1)[-1] for k, v in a.items() if "error" in v} == {"空.txt", "坏.docx"}
