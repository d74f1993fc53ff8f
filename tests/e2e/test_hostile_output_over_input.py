"""No command writes over its input, whatever path leads to it (the same path, a hard link, a
symbolic link), and every output is written whole next to its place and renamed: a symbolic link at
the output path is replaced, not written through, and a failure leaves nothing behind."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import SAMPLE
from tests.e2e.test_cli_check_sample import run


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    shutil.copyfile(SAMPLE, tmp_path / "in.txt")
    return tmp_path


def way_to(folder: Path, target: str, how: str) -> Path:
    """A path to ``folder/target``: the same path, another spelling, a hard link or a symbolic link."""
    if how == "same":
        return folder / target
    if how == "spelled":
        (folder / "sub").mkdir(exist_ok=True)
        return folder / "sub" / ".." / target
    out = folder / f"{how}-{target}.out"
    if how == "hard":
        os.link(folder / target, out)
    else:
        out.symlink_to(folder / target)
    return out


@pytest.mark.parametrize("how", ["same", "spelled", "hard", "symbolic"])
@pytest.mark.parametrize("to", ["docx", "html", "xlsx"])
def test_render_refuses_to_write_over_its_source(folder: Path, how: str, to: str):
    before = digest(folder / "in.txt")
    p = run("render", str(folder / "in.txt"), "--to", to, "-o", str(way_to(folder, "in.txt", how)))
    assert p.returncode == 2
    assert "输出文件不能与输入文件相同" in p.stderr and "Traceback" not in p.stderr
    assert digest(folder / "in.txt") == before


@pytest.mark.parametrize("how", ["hard", "symbolic"])
def test_render_refuses_to_write_over_its_template(folder: Path, how: str):
    template = folder / "t.docx"
    assert run("render", str(folder / "in.txt"), "-o", str(template)).returncode == 0
    before = digest(template)
    p = run("render", str(folder / "in.txt"), "--template", str(template), "-o", str(way_to(folder, "t.docx", how)))
    assert p.returncode == 2 and "输出文件不能与输入文件相同" in p.stderr
    assert digest(template) == before


@pytest.mark.parametrize("how", ["same", "hard", "symbolic"])
def test_summary_refuses_to_write_over_its_results(folder: Path, how: str):
    results = folder / "r.jsonl"
    p = run("check", str(folder / "in.txt"), "--json")
    results.write_text(p.stdout, encoding="utf-8")
    before = digest(results)
    p = run("summary", str(results), "-o", str(way_to(folder, "r.jsonl", how)))
    assert p.returncode == 2 and "输出文件不能与输入文件相同" in p.stderr
    assert digest(results) == before


@pytest.mark.parametrize("command", [
    ("render", "{src}", "--to", "docx"), ("render", "{src}", "--to", "xlsx"), ("template", "--kind", "self-eval-form"),
    ("summary", "{results}"),
])
def test_a_link_at_the_output_is_replaced_not_written_through(folder: Path, command: tuple[str, ...]):
    precious = folder / "precious.txt"
    precious.write_text("别处的重要文件", encoding="utf-8")
    link = folder / "out.file"
    link.symlink_to(precious)
    results = folder / "r.jsonl"
    results.write_text(run("check", str(folder / "in.txt"), "--json").stdout, encoding="utf-8")
    args = [a.format(src=folder / "in.txt", results=results) for a in command]
    p = run(*args, "-o", str(link))
    assert p.returncode == 0, p.stderr
    assert precious.read_text(encoding="utf-8") == "别处的重要文件"
    assert not link.is_symlink() and link.stat().st_size > 1000


def test_a_failed_render_leaves_nothing(folder: Path):
    bad_template = folder / "坏模板.docx"
    bad_template.write_bytes(b"PK\x03\x04 not really a zip")
    existing = folder / "out.docx"
    existing.write_bytes(b"the previous output")
    p = run("render", str(folder / "in.txt"), "--template", str(bad_template), "-o", str(existing))
    assert p.returncode == 2 and "Traceback" not in p.stderr
    assert existing.read_bytes() == b"the previous output"
    assert sorted(x.name for x in folder.iterdir()) == ["in.txt", "out.docx", "坏模板.docx"]
