"""Every mistake on the command line is one Chinese line on stderr and exit 2; `--help` is Chinese."""

from __future__ import annotations

import pytest

from tests.conftest import SAMPLE
from tests.e2e.test_cli_check_sample import run

MISTAKES = [
    (("chek", "x"), "没有命令“chek”"),
    (("check", "--bogus", "x"), "没有选项 --bogus"),
    (("check", "x", "--jobs", "abc"), "--jobs 的取值无效，应为整数"),
    (("check", "x", "--fail-on", "nope"), "--fail-on 的取值“nope”无效，可选：error、warning"),
    (("render", str(SAMPLE), "--to", "odt"), "--to 的取值“odt”无效，可选：docx、xlsx、pdf、html"),
    (("render", str(SAMPLE), "--kind", "memo"), "--kind 的取值“memo”无效，可选：report、form、review"),
    (("render", str(SAMPLE), "--to"), "选项 --to 后面缺少取值"),
    (("render",), "缺少参数 报告文件"),
    (("summary", "x.jsonl"), "缺少选项 --output"),
    (("rules", "extra"), "多余的参数：extra"),
]


@pytest.mark.parametrize(("args", "expected"), MISTAKES, ids=[" ".join(a) for a, _ in MISTAKES])
def test_one_chinese_line_and_exit_2(args, expected):
    p = run(*args)
    assert p.returncode == 2, p.stderr
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1, p.stderr
    assert lines[0].startswith("jixiao：") and expected in lines[0], lines[0]
    assert "--help 查看用法" in lines[0]
    for english in ("Usage", "Error", "Invalid value", "No such", "Missing", "Try '", "╭"):
        assert english not in p.stderr
    assert p.stdout == ""


@pytest.mark.parametrize("args", [("--help",), ("check", "--help"), ("render", "-h"), ("summary", "--help"),
                                  ("template", "--help")])
def test_help_is_chinese(args):
    p = run(*args)
    assert p.returncode == 0, p.stderr
    out = p.stdout
    assert "用法：" in out and "显示本帮助并退出" in out
    for english in ("Usage:", "Options", "Arguments", "Commands", "[default:", "[required]", "Show this message",
                    "<path>", "<bool>", "<str>", "<integer>", "<int>"):
        assert english not in out, english


def test_no_arguments_shows_the_help():
    p = run()
    assert p.returncode == 0 and "用法：" in p.stdout and "render" in p.stdout
