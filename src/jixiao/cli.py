"""The ``jixiao`` command line (Typer + Rich). Adapters only: the work is in ``jixiao.app``."""

from __future__ import annotations

import json
import os
import signal
import sys
from collections import Counter
from collections.abc import Iterator
from enum import StrEnum
from multiprocessing import get_context
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from jixiao import __version__
from jixiao.app import check_file, iter_documents
from jixiao.model import CheckResult
from jixiao.policy import DEFAULT_POLICY, PolicyError, load_policy, shipped_policies
from jixiao.serialize import result_to_dict, to_jsonable

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="jixiao 绩效 — 预算绩效自评报告的读取、评分与复核。",
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


class FailOn(StrEnum):
    error = "error"
    warning = "warning"


def _err(console: Console, zh: str, en: str = "") -> None:
    console.print(f"jixiao：{zh}" + (f" ({en})" if en else ""), style="red", markup=False, highlight=False)


def _dumps(result: CheckResult, indent: int | None = None) -> str:
    return json.dumps(to_jsonable(result_to_dict(result)), ensure_ascii=False, indent=indent)


# Worker processes: the policy is loaded once per process (load_policy is cached).
_POLICY_ARG = DEFAULT_POLICY


def _init_worker(policy_arg: str) -> None:
    global _POLICY_ARG
    _POLICY_ARG = policy_arg
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C


def _check_one(path: str) -> CheckResult:
    return check_file(Path(path), load_policy(_POLICY_ARG))


def _run(paths: list[Path], policy_arg: str, jobs: int) -> Iterator[CheckResult]:
    if jobs <= 1 or len(paths) <= 1:
        policy = load_policy(policy_arg)
        for p in paths:
            yield check_file(p, policy)
        return
    ctx = get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with ctx.Pool(processes=jobs, initializer=_init_worker, initargs=(policy_arg,), maxtasksperchild=500) as pool:
        yield from pool.imap(_check_one, [str(p) for p in paths], chunksize=4)


def _fails(result: CheckResult, fail_on: FailOn | None) -> bool:
    if fail_on is None:
        return False
    bad = {"error"} if fail_on is FailOn.error else {"error", "warning"}
    return any(f.severity in bad for f in result.findings)


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="报告文件或目录（目录下的 .txt/.docx/.xlsx/.pdf 等全部检查）")],
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON（多份文档时为 JSON Lines）")] = False,
    policy: Annotated[str, typer.Option("--policy", "-p", help="评分规则名称或 .toml 路径")] = DEFAULT_POLICY,
    fail_on: Annotated[FailOn | None, typer.Option("--fail-on", help="存在该级别（或更严重）的问题时以 1 退出")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="并行进程数（默认：CPU 核数）")] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="不显示进度和汇总")] = False,
) -> None:
    """读取、评分并复核自评报告，显示评分表和复核发现。"""
    out = Console(highlight=False, soft_wrap=False)
    if not out.is_terminal:
        out = Console(highlight=False, soft_wrap=False, width=132)
    err = Console(stderr=True, highlight=False)
    try:
        load_policy(policy)
    except PolicyError as exc:
        _err(err, str(exc), "bad policy")
        raise typer.Exit(EXIT_UNREADABLE) from None
    files = list(iter_documents(paths))
    if not files:
        _err(err, "没有找到可检查的文件（支持 .txt .docx .xlsx .pdf .doc .xls .json 等）", "no supported files")
        raise typer.Exit(EXIT_UNREADABLE)
    jobs = jobs or (os.cpu_count() or 1)
    single = len(files) == 1 and not any(p.is_dir() for p in paths)
    show_progress = not quiet and err.is_terminal and len(files) > 1
    unreadable = failing = 0
    grades: Counter[str] = Counter()
    codes: Counter[str] = Counter()
    progress = Progress(TextColumn("检查中"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.fields[rate]} 份/秒"), TextColumn("剩余"), TimeRemainingColumn(),
                        console=err, transient=True, disable=not show_progress)
    task = progress.add_task("check", total=len(files), rate="0.0")
    done = 0
    try:
        with progress:
            for result in _run(files, policy, jobs):
                done += 1
                if result.error is not None:
                    unreadable += 1
                    _err(err, result.error.message, result.error.message_en)
                else:
                    assert result.score is not None
                    grades[result.score.grade] += 1
                    codes.update(f.code for f in result.findings)
                    failing += _fails(result, fail_on)
                if as_json:
                    print(_dumps(result, indent=2 if single else None), flush=True)
                elif result.error is None:
                    from jixiao.writers.terminal import print_result

                    print_result(out, result)
                    if not single:
                        out.rule()
                elapsed = progress.tasks[0].elapsed or 0.0
                progress.update(task, advance=1, rate=f"{done / elapsed:.1f}" if elapsed else "—")
    except KeyboardInterrupt:
        _err(err, f"已中断：已完成 {done} / {len(files)} 份，已输出的结果保留", "interrupted")
        raise typer.Exit(130) from None
    if len(files) > 1 and not quiet:
        _summary(err, len(files), unreadable, grades, codes)
    if unreadable:
        raise typer.Exit(EXIT_UNREADABLE)
    if failing:
        raise typer.Exit(EXIT_FINDINGS)


def _summary(err: Console, total: int, unreadable: int, grades: Counter[str], codes: Counter[str]) -> None:
    g = "，".join(f"{k} {grades[k]}" for k in ("优", "良", "中", "差") if grades[k]) or "—"
    top = "，".join(f"{c}×{n}" for c, n in codes.most_common(5)) or "无"
    err.print(f"共 {total} 份：可读 {total - unreadable} 份，无法读取 {unreadable} 份；等级：{g}；最常见问题：{top}",
              markup=False)


@app.command()
def rules() -> None:
    """列出复核规则目录（代码、级别、检查内容）。"""
    from rich.table import Table

    from jixiao.review import catalogue
    from jixiao.writers.terminal import SEVERITY_ZH

    t = Table(title="复核规则目录")
    t.add_column("代码")
    t.add_column("级别")
    t.add_column("检查内容")
    for r in catalogue():
        t.add_row(r.code, SEVERITY_ZH.get(r.severity, r.severity), r.description)
    Console(highlight=False).print(t)


@app.command()
def policies() -> None:
    """列出内置评分规则。"""
    console = Console(highlight=False)
    for name in shipped_policies():
        p = load_policy(name)
        console.print(f"{name}\t{p.description}", markup=False)


def _version(value: bool) -> None:
    if value:
        print(f"jixiao {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="显示版本")] = False,
) -> None:
    """jixiao 绩效 — 预算绩效自评报告的读取、评分与复核。"""


def main(argv: list[str] | None = None) -> Any:
    return app(args=argv, prog_name="jixiao")


if __name__ == "__main__":
    main()
