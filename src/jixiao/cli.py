"""The ``jixiao`` command line (Typer + Rich). Adapters only: the work is in ``jixiao.app``."""

from __future__ import annotations

import contextlib
import errno
import gc
import itertools
import os
import signal
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from jixiao import __version__
from jixiao.batch import (
    DEFAULT_MAX_MEMORY,
    DEFAULT_TIMEOUT,
    TICK,
    Pool,
    dumps_result,
    read_in_worker,
    run_items,
    walk,
)
from jixiao.escape import escape_controls
from jixiao.model import ReadError
from jixiao.os_reasons import os_reason
from jixiao.output_files import atomic_output, overwritten_input
from jixiao.policy import DEFAULT_POLICY, PolicyError, load_policy, shipped_policies

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
    """One line on stderr, never wrapped: scripts and reviewers grep it."""
    line = escape_controls((f"jixiao：{zh}" + (f" ({en})" if en else "")).replace("\n", " "), keep_newlines=False)
    if console.is_terminal:
        console.print(line, style="red", markup=False, highlight=False, soft_wrap=True)
    else:
        print(line, file=sys.stderr, flush=True)


class _Terminated(Exception):
    """SIGTERM during a batch (``kill``, ``timeout``, a service stopping): stop like Ctrl-C."""


def _terminate(signum: int, frame: Any) -> None:
    raise _Terminated


_DEFERRED_SIGNALS = {signal.SIGINT, signal.SIGTERM}


def _write_line(text: str) -> None:
    """Write one JSON line whole. Ctrl-C or ``kill`` arriving meanwhile take effect right after it:
    raised in the middle of the write, they left half a line in the output (seen under load)."""
    mask = getattr(signal, "pthread_sigmask", None)
    old = mask(signal.SIG_BLOCK, _DEFERRED_SIGNALS) if mask is not None else None
    try:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    finally:
        if mask is not None and old is not None:
            mask(signal.SIG_SETMASK, old)


# ------------------------------------------------------------------------------------------ check


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(
        metavar="文件或目录", help="报告文件或目录（目录下的 .txt/.docx/.xlsx/.pdf 等全部检查）")],
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON（多份文档时为 JSON Lines）")] = False,
    policy: Annotated[str, typer.Option("--policy", "-p", help="评分规则名称或 .toml 路径")] = DEFAULT_POLICY,
    fail_on: Annotated[FailOn | None, typer.Option("--fail-on", help="存在该级别（或更严重）的问题时以 1 退出")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="并行进程数（默认：CPU 核数）")] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="不显示进度和汇总")] = False,
    timeout: Annotated[float, typer.Option(
        "--timeout", help="每份文档的读取时限（秒），超时的记为无法读取；0 为不限")] = DEFAULT_TIMEOUT,
    max_memory: Annotated[int, typer.Option(
        "--max-memory", help="读取文档的工作进程的内存上限（MB），超出的文档记为无法读取；0 为不限")
    ] = DEFAULT_MAX_MEMORY,
) -> None:
    """读取、评分并复核自评报告，显示评分表和复核发现。"""
    out = Console(highlight=False, soft_wrap=False)
    if not out.is_terminal and not os.environ.get("COLUMNS", "").strip().isdigit():
        out = Console(highlight=False, soft_wrap=False, width=132)  # piped: the wide tables (COLUMNS= to narrow)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    try:
        load_policy(policy)
    except PolicyError as exc:
        _err(err, str(exc), "bad policy")
        raise typer.Exit(EXIT_UNREADABLE) from None
    items = walk(paths)
    if not items:
        _err(err, "没有找到可检查的文件（支持 .txt .docx .xlsx .pdf .doc .xls .json 等）", "no supported files")
        raise typer.Exit(EXIT_UNREADABLE)
    total = len(items)
    jobs = max(1, jobs or (os.cpu_count() or 1))
    single = total == 1 and not any(p.is_dir() for p in paths)
    documents = sum(1 for i in items if isinstance(i, Path))
    # Even one document is read in a worker process, under the same time limit and memory cap as a
    # batch: a hostile file costs a refusal, never a hung or swollen command. (One document's JSON is
    # pretty-printed here, from the result the worker sends back.)
    pool = Pool(min(jobs, documents), policy, as_json and not single, timeout or None, max_memory) \
        if documents else None
    show_progress = not quiet and err.is_terminal and total > 1
    unreadable = failing = done = 0
    shown = 0.0
    grades: Counter[str] = Counter()
    codes: Counter[str] = Counter()
    progress = Progress(TextColumn("检查中"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.fields[rate]} 份/秒"), TextColumn("剩余"), TimeRemainingColumn(),
                        console=err, transient=True, auto_refresh=False, disable=not show_progress)
    task = progress.add_task("check", total=total, rate="—")
    bad = {"error"} if fail_on is FailOn.error else {"error", "warning"}
    old_term = signal.signal(signal.SIGTERM, _terminate) if pool is not None else None
    try:
        with progress:
            for result in run_items(items, policy, pool, as_json, 2 if single else None):
                if result is not None:
                    done += 1
                    if result.error is not None:
                        unreadable += 1
                        _err(err, result.error.message, result.error.message_en)
                    else:
                        if result.grade:
                            grades[result.grade] += 1
                        codes.update(result.codes)
                        failing += fail_on is not None and bool(result.severities & bad)
                    if as_json and result.line is None and result.result is not None:
                        result.line = dumps_result(result.result, 2)
                    if result.line is not None:
                        _write_line(result.line)
                    elif result.result is not None and result.error is None:
                        from jixiao.writers.terminal import print_result

                        print_result(out, result.result)
                        if not single:
                            out.rule()
                if show_progress and (time.monotonic() - shown >= TICK / 2 or done == total):
                    shown = time.monotonic()
                    elapsed = progress.tasks[0].elapsed or 0.0
                    progress.update(task, completed=done, rate=f"{done / elapsed:.1f}" if elapsed else "—")
                    progress.refresh()
    except (KeyboardInterrupt, _Terminated) as exc:
        if pool is not None:
            pool.close()
        _err(err, f"已中断：已完成 {done} / {total} 份，已输出的结果保留", "interrupted")
        raise typer.Exit(143 if isinstance(exc, _Terminated) else 130) from None
    except BrokenPipeError:  # `jixiao check dir --json | head`: the reader went away
        if pool is not None:
            pool.close()
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(141) from None
    finally:
        if pool is not None:
            pool.close()
        if old_term is not None:
            signal.signal(signal.SIGTERM, old_term)
    if total > 1 and not quiet:
        _summary(err, total, unreadable, grades, codes)
    if unreadable:
        raise typer.Exit(EXIT_UNREADABLE)
    if failing:
        raise typer.Exit(EXIT_FINDINGS)


def _summary(err: Console, total: int, unreadable: int, grades: Counter[str], codes: Counter[str]) -> None:
    g = "，".join(f"{k} {grades[k]}" for k in ("优", "良", "中", "差") if grades[k]) or "—"
    top = "，".join(f"{c}×{n}" for c, n in codes.most_common(5)) or "无"
    line = f"共 {total} 份：可读 {total - unreadable} 份，无法读取 {unreadable} 份；等级：{g}；最常见问题：{top}"
    line = escape_controls(line)
    if err.is_terminal:
        err.print(line, markup=False, highlight=False, soft_wrap=True)
    else:
        print(line, file=sys.stderr, flush=True)


@app.command()
def rules() -> None:
    """列出复核规则目录（代码、级别、检查内容）。"""
    from rich.table import Table

    from jixiao.review import catalogue
    from jixiao.writers.terminal import SEVERITY_ZH

    t = Table(title="复核规则目录")
    t.add_column("代码", no_wrap=True)
    t.add_column("级别", no_wrap=True)
    t.add_column("检查内容", overflow="fold")
    for r in catalogue():
        t.add_row(r.code, SEVERITY_ZH.get(r.severity, r.severity), r.description)
    console = Console(highlight=False)
    if not console.is_terminal:
        console = Console(highlight=False, width=160)  # piped into a file: whole descriptions, no "…"
    console.print(t)


@app.command()
def policies() -> None:
    """列出内置评分规则。"""
    console = Console(highlight=False)
    for name in shipped_policies():
        p = load_policy(name)
        console.print(f"{name}\t{p.description}", markup=False)


class RenderTo(StrEnum):
    docx = "docx"
    xlsx = "xlsx"
    pdf = "pdf"
    html = "html"


class RenderKind(StrEnum):
    report = "report"
    form = "form"
    review = "review"


class FormKind(StrEnum):
    self_eval_form = "self-eval-form"
    sichuan_form = "sichuan-form"
    transfer_form = "transfer-form"


_KIND_ZH = {"report": "自评报告", "form": "自评表", "review": "复核意见书"}


@app.command()
def render(
    source: Annotated[Path, typer.Argument(metavar="报告文件", help="任一可读取的报告文件，或 check --json 的输出")],
    to: Annotated[RenderTo, typer.Option("--to", "-t", help="输出格式")] = RenderTo.docx,
    kind: Annotated[RenderKind | None, typer.Option(
        "--kind", "-k", help="report=绩效自评报告，form=绩效自评表（xlsx），review=复核意见书（docx/pdf）")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="输出文件（默认：当前目录下 <文件名>-<类型>.<格式>）")] = None,
    template: Annotated[Path | None, typer.Option("--template", help="自定义 Word 模板（.docx）")] = None,
    policy: Annotated[str, typer.Option("--policy", "-p", help="评分规则名称或 .toml 路径")] = DEFAULT_POLICY,
    recipient: Annotated[str | None, typer.Option(
        "--recipient", help="自评报告的主送机关（报告未写明时留空待填）")] = None,
    issuer: Annotated[str | None, typer.Option(
        "--issuer", help="复核意见书的发文机关（默认留空待填）")] = None,
) -> None:
    """把报告写成 Word / Excel / PDF / HTML：自评报告、自评表或复核意见书。"""
    err = Console(stderr=True, highlight=False)
    k = kind or (RenderKind.form if to is RenderTo.xlsx else RenderKind.report)
    allowed = {RenderKind.report: {RenderTo.docx, RenderTo.pdf, RenderTo.html}, RenderKind.form: {RenderTo.xlsx},
               RenderKind.review: {RenderTo.docx, RenderTo.pdf}}
    if to not in allowed[k]:
        ok = "、".join(sorted(t.value for t in allowed[k]))
        _err(err, f"{_KIND_ZH[k.value]}只能输出为 {ok}", f"--kind {k.value} supports --to {ok}")
        raise typer.Exit(EXIT_UNREADABLE)
    if template is not None and not template.is_file():
        _err(err, f"找不到模板文件 {template}", "template not found")
        raise typer.Exit(EXIT_UNREADABLE)
    out = output or Path(f"{source.stem}-{_KIND_ZH[k.value]}.{to.value}")
    problem = _unwritable_output(out)
    if problem:
        _err(err, f"无法写入 {out}：{problem}", "cannot write output")
        raise typer.Exit(EXIT_UNREADABLE)
    if overwritten_input(out, (source, template)) is not None:  # same path, hard link or symbolic link
        _err(err, f"输出文件不能与输入文件相同：{out}", "output would overwrite the input")
        raise typer.Exit(EXIT_UNREADABLE)
    try:
        load_policy(policy)
    except PolicyError as exc:
        _err(err, str(exc), "bad policy")
        raise typer.Exit(EXIT_UNREADABLE) from None
    if to is RenderTo.pdf:
        from jixiao.writers.report_html import cjk_font_available
        if cjk_font_available() is False:
            _err(err, "未安装中文字体，无法生成 PDF（汉字会显示为方框）；请先安装中文字体，"
                      "如 Debian/Ubuntu：apt-get install fonts-noto-cjk 或 fonts-wqy-microhei", "no CJK font installed")
            raise typer.Exit(EXIT_UNREADABLE)
    result = read_in_worker(source, policy)
    if result.error is not None:
        _err(err, result.error.message, result.error.message_en)
        raise typer.Exit(EXIT_UNREADABLE)
    if recipient is not None and result.report is not None:
        result.report.recipient = recipient.strip() or None
    try:
        with tempfile.TemporaryDirectory(prefix="jixiao-render-") as work, \
                atomic_output(out) as tmp:  # written whole, then renamed: a link at `out` is replaced
            if template is not None:  # untrusted like any document: checked, links and fetching fields removed
                from jixiao.readers.template import clean_template

                template = clean_template(template, Path(work) / "template.docx")
            if k is RenderKind.form:
                from jixiao.writers.form_xlsx import write_form_xlsx
                write_form_xlsx(result, tmp)
            elif k is RenderKind.review and to is RenderTo.pdf:
                from jixiao.writers.review_docx import write_review_pdf
                write_review_pdf(result, tmp, issuer=issuer)
            elif k is RenderKind.review:
                from jixiao.writers.review_docx import write_review_docx
                write_review_docx(result, tmp, issuer=issuer, template=template)
            elif to is RenderTo.docx:
                from jixiao.writers.report_docx import write_report_docx
                write_report_docx(result, tmp, template=template)
            elif to is RenderTo.html:
                from jixiao.writers.report_html import write_report_html
                write_report_html(result, tmp)
            else:
                from jixiao.writers.report_html import write_report_pdf
                write_report_pdf(result, tmp)
    except ReadError as exc:  # the template
        _err(err, f"模板不可用：{exc.message}", exc.message_en)
        raise typer.Exit(EXIT_UNREADABLE) from None
    except OSError as exc:
        _err(err, f"无法写入 {out}：{_write_reason(exc)}", f"cannot write {out}")
        raise typer.Exit(EXIT_UNREADABLE) from None
    except Exception as exc:  # a damaged template and the like: one line, no traceback
        _err(err, f"生成 {out} 失败（{type(exc).__name__}：{exc}）", f"rendering failed: {exc}")
        raise typer.Exit(EXIT_UNREADABLE) from None
    Console(highlight=False).print(escape_controls(f"已生成 {out}"), markup=False, soft_wrap=True)


@app.command("template")
def template_cmd(
    kind: Annotated[FormKind, typer.Option("--kind", "-k", help="self-eval-form=10号文自评表，sichuan-form=四川样式，"
                                                         "transfer-form=转移支付区域绩效自评表")],
    output: Annotated[Path, typer.Option("--output", "-o", help="输出 .xlsx 文件")],
) -> None:
    """生成空白的官方自评表（.xlsx），供单位填写后用 check / render 读取。"""
    from jixiao.writers.blank_forms import write_blank_form

    err = Console(stderr=True, highlight=False)
    problem = _unwritable_output(output)
    if problem:
        _err(err, f"无法写入 {output}：{problem}", "cannot write output")
        raise typer.Exit(EXIT_UNREADABLE)
    try:
        with atomic_output(output) as tmp:
            write_blank_form(kind.value, tmp)
    except OSError as exc:
        _err(err, f"无法写入 {output}：{_write_reason(exc)}", f"cannot write {output}")
        raise typer.Exit(EXIT_UNREADABLE) from None
    Console(highlight=False).print(escape_controls(f"已生成 {output}"), markup=False, soft_wrap=True)


@app.command()
def summary(
    results: Annotated[list[Path], typer.Argument(metavar="结果文件", help="check --json 输出的 JSON Lines 文件")],
    output: Annotated[Path, typer.Option("--output", "-o", help="输出的汇总工作簿（.xlsx）")],
) -> None:
    """把 check --json 的结果汇总成复核工作簿：每份报告一行、全部问题、按问题代码统计。"""
    from jixiao.writers.summary_xlsx import read_results, write_summary

    err = Console(stderr=True, highlight=False)
    for path in results:
        if not path.exists() and not path.is_symlink():
            _err(err, f"找不到文件 {path}", "file not found")
            raise typer.Exit(EXIT_UNREADABLE)
        problem = _unreadable_input(path)
        if problem:
            _err(err, f"无法读取 {path}：{problem}", "cannot read input")
            raise typer.Exit(EXIT_UNREADABLE)
    if overwritten_input(output, results) is not None:  # same path, hard link or symbolic link
        _err(err, f"输出文件不能与输入文件相同：{output}", "output would overwrite the input")
        raise typer.Exit(EXIT_UNREADABLE)
    problem = _unwritable_output(output)
    if problem:
        _err(err, f"无法写入 {output}：{problem}", "cannot write output")
        raise typer.Exit(EXIT_UNREADABLE)
    held: list[str] | None = []  # warnings until the first result: none at all is one line, below

    def warn(line: str) -> None:
        if held is not None:
            held.append(line)
        else:
            _err(err, line)

    try:
        records = read_results(results, warn)
        first = next(records, None)
        if first is None:
            names = "、".join(p.name for p in results)
            _err(err, f"{names} 中没有 check --json 的检查结果（应为 jixiao check … --json 输出的 JSON Lines 文件），"
                      "未生成汇总", "no results in the input")
            raise typer.Exit(EXIT_UNREADABLE)
        for line in held:
            _err(err, line)
        held = None
        with _quiet_unraisable():
            count = write_summary(itertools.chain([first], records), output)
    except OSError as exc:
        if exc.filename and Path(str(exc.filename)) in results:
            _err(err, f"无法读取 {exc.filename}：{os_reason(exc)}", f"errno {exc.errno}")
        else:
            why = _write_reason(exc)
            _err(err, f"无法写入 {output}：{why}", f"errno {exc.errno}")
        raise typer.Exit(EXIT_UNREADABLE) from None
    Console(highlight=False).print(escape_controls(f"已汇总 {count} 份报告 → {output}"), markup=False,
                                  soft_wrap=True)


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="监听地址")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="端口")] = 8000,
    data: Annotated[Path | None, typer.Option(
        "--data", help="数据目录（SQLite 数据库所在；默认 ./jixiao-data 或 $JIXIAO_DATA）")] = None,
    demo: Annotated[bool, typer.Option(
        "--demo", help="演示模式：填入演示单位、账号和示例报告（仅限本机地址）")] = False,
    workers: Annotated[int, typer.Option(
        "--workers", envvar="JIXIAO_WORKERS",
        help="进程数：大于 1 时用 gunicorn 多进程（仅限 Linux 等），一般设为 CPU 核数")] = 1,
    threads: Annotated[int, typer.Option("--threads", envvar="JIXIAO_THREADS", help="每个进程的线程数")] = 8,
) -> None:
    """启动网页应用（填报、复核、审核、公开）。PostgreSQL 用环境变量 DATABASE_URL 指定。"""
    from jixiao.web.server import ServeError, main_error
    from jixiao.web.server import serve as run_server

    try:
        run_server(host, port, data, demo, threads=threads, workers=workers)
    except ServeError as exc:
        raise typer.Exit(main_error(exc)) from None
    except OSError as exc:  # the port is taken, and the like
        raise typer.Exit(main_error(ServeError(f"无法在 {host}:{port} 上启动：{os_reason(exc)}"))) from None
    except KeyboardInterrupt:
        raise typer.Exit(0) from None


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
             add_help_option=False)
def web(ctx: typer.Context) -> None:
    """网页应用的管理命令（Django）：jixiao web migrate、jixiao web createsuperuser 等。"""
    from jixiao.web.server import ServeError, main_error, manage

    args = list(ctx.args)
    data = None
    if "--data" in args:
        i = args.index("--data")
        if i + 1 < len(args):
            data = Path(args[i + 1])
            del args[i:i + 2]
    try:
        manage(args or ["help"], data)
    except ServeError as exc:
        raise typer.Exit(main_error(exc)) from None


@contextlib.contextmanager
def _quiet_unraisable() -> Iterator[None]:
    """openpyxl's write-only generators, abandoned when saving fails, print "Exception ignored"
    tracebacks when collected; the failure itself is reported in one line."""
    old = sys.unraisablehook
    sys.unraisablehook = lambda _unraisable: None
    try:
        yield
    finally:
        gc.collect()
        sys.unraisablehook = old


def _write_reason(exc: OSError) -> str:
    """Why an output could not be written: "No such file or directory" where the folder exists (a
    place that takes no files, such as /proc) would mislead."""
    return "无法在该位置创建文件" if exc.errno == errno.ENOENT else os_reason(exc)


def _unreadable_input(path: Path) -> str | None:
    if path.is_dir():
        return "是目录而不是文件"
    if not path.exists():
        return "文件不存在"
    if not os.access(path, os.R_OK):
        return "没有读取权限"
    return None


def _unwritable_output(path: Path) -> str | None:
    """Why ``path`` cannot be written, in Chinese, checked before any work; None when it can."""
    if path.is_dir():
        return "这是一个目录，请给出文件名（如 汇总.xlsx）"
    parent = path.parent if str(path.parent) else Path(".")
    probe = parent
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if not probe.is_dir():
        return f"{probe} 不是目录"
    if not os.access(probe, os.W_OK | os.X_OK):
        return f"没有在 {probe} 中写入的权限"
    if path.exists() and not os.access(path, os.W_OK):
        return "文件只读，没有写入权限"
    return None


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
    """The console entry point: usage mistakes become one Chinese line and exit 2 (see cli_usage)."""
    from jixiao.cli_usage import run

    code = run(app, argv, prog_name="jixiao")
    sys.exit(code)


if __name__ == "__main__":
    main()
