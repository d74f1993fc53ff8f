"""Files that cannot be opened (no read permission): each reported as such, in a batch, in every format.

Root reads files whatever their mode, so the permission error is simulated by making ``open`` refuse
the files whose name says so (forked worker processes inherit the patch); a real ``chmod 000`` runs
too when the tests do not run as root.
"""

from __future__ import annotations

import builtins
import io
import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jixiao.cli import app
from tests import fixtures_office as fx
from tests.conftest import SAMPLE
from tests.integration.test_fuzz_pdf import plain_pdf

NAMES = ("无权限.txt", "无权限.docx", "无权限.xlsx", "无权限.pdf", "无权限.json")


def _folder(tmp_path: Path) -> Path:
    d = tmp_path / "docs"
    d.mkdir()
    shutil.copy(SAMPLE, d / "无权限.txt")
    fx.build_mof10_docx(d, name="无权限.docx")
    fx.build_mof10_xlsx(d, name="无权限.xlsx")
    (d / "无权限.pdf").write_bytes(plain_pdf())
    (d / "无权限.json").write_text("{}", encoding="utf-8")
    shutil.copy(SAMPLE, d / "可读.txt")
    return d


def _check(d: Path) -> dict[str, dict]:
    r = CliRunner().invoke(app, ["check", str(d), "--json", "--jobs", "2"])
    assert r.exit_code == 2, r.output
    return {Path(x["source"]).name: x for x in map(json.loads, r.stdout.splitlines())}


def _assert_reported(docs: dict[str, dict]) -> None:
    assert set(docs) == {*NAMES, "可读.txt"}
    for name in NAMES:
        error = docs[name]["error"]
        assert error["code"] == "permission", (name, error)
        assert error["message"].startswith(name) and "权限" in error["message"]
    assert docs["可读.txt"]["score"]["total"] == 97.84


def test_open_refused(tmp_path, monkeypatch):
    d = _folder(tmp_path)
    real_open = io.open

    def refusing_open(file, *args, **kwargs):
        if "无权限" in os.fspath(file) if isinstance(file, str | os.PathLike) else False:
            raise PermissionError(13, "Permission denied", os.fspath(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", refusing_open)
    monkeypatch.setattr(builtins, "open", refusing_open)
    _assert_reported(_check(d))


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_chmod_000(tmp_path):
    d = _folder(tmp_path)
    for name in NAMES:
        (d / name).chmod(0)
    try:
        _assert_reported(_check(d))
    finally:
        for name in NAMES:
            (d / name).chmod(0o644)
