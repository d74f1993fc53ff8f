"""Where output cannot be written, or input is not what a command takes, one Chinese line and exit 2."""

from __future__ import annotations

import os

import pytest

from tests.conftest import SAMPLE
from tests.e2e.test_cli_check_sample import run


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    path = tmp_path_factory.mktemp("res") / "results.jsonl"
    p = run("check", str(SAMPLE), "--json")
    path.write_text(p.stdout.replace("\n", " ") + "\n", encoding="utf-8")
    return path


def _one_line(p, *expected):
    assert p.returncode == 2, (p.stdout, p.stderr)
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1, p.stderr
    for text in expected:
        assert text in lines[0], lines[0]
    for english in ("Traceback", "Permission denied", "File exists", "No such file", "Is a directory",
                    "Exception ignored"):
        assert english not in p.stderr
    return lines[0]


def test_summary_into_a_directory(results, tmp_path):
    _one_line(run("summary", str(results), "-o", str(tmp_path)), "无法写入", "这是一个目录")


def test_summary_where_files_cannot_be_created(results):
    _one_line(run("summary", str(results), "-o", "/proc/汇总.xlsx"), "无法写入 /proc/汇总.xlsx")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_summary_into_a_read_only_directory(results, tmp_path):
    d = tmp_path / "ro"
    d.mkdir()
    d.chmod(0o500)
    _one_line(run("summary", str(results), "-o", str(d / "s.xlsx")), "没有在", "写入的权限")


def test_summary_of_a_file_that_is_not_json_lines(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("这不是检查结果\n", encoding="utf-8")
    out = tmp_path / "s.xlsx"
    p = run("summary", str(text), "-o", str(out))
    assert p.returncode == 2
    assert "notes.txt 中没有 check --json 的检查结果" in p.stderr and not out.exists()


def test_summary_of_an_empty_file(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / "s.xlsx"
    _one_line(run("summary", str(empty), "-o", str(out)), "empty.jsonl 中没有 check --json 的检查结果")
    assert not out.exists()


def test_summary_of_a_missing_file(tmp_path):
    _one_line(run("summary", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "s.xlsx")), "找不到文件")


def test_render_into_a_path_under_a_file(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    _one_line(run("render", str(SAMPLE), "-o", str(blocker / "r.docx")), "无法写入", "不是目录")


def test_check_of_a_results_file_says_what_it_is(results):
    p = run("check", str(results))
    line = _one_line(p, "check --json 输出的结果文件", "jixiao summary")
    assert str(results) in line


def test_pdf_without_a_cjk_font_stops(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from jixiao import cli
    from jixiao.writers import report_html

    monkeypatch.setattr(report_html, "cjk_font_available", lambda: False)
    out = tmp_path / "r.pdf"
    r = CliRunner().invoke(cli.app, ["render", str(SAMPLE), "--to", "pdf", "-o", str(out)])
    assert r.exit_code == 2
    assert "未安装中文字体" in r.output and "apt-get install" in r.output
    assert len(r.output.strip().splitlines()) == 1
    assert not out.exists()
