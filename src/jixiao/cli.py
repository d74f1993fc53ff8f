"""The ``jixiao`` command line (Typer + Rich). Adapters only: the work is in ``jixiao.app``."""

from __future__ import annotations

import contextlib
import errno
import gc
import json
import os
import signal
import stat
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from multiprocessing import get_context
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from jixiao import __version__
from jixiao.app import check_file
from jixiao.escape import escape_controls, json_safe
from jixiao.model import CheckResult, ReadError
from jixiao.policy import DEFAULT_POLICY, PolicyError, load_policy, shipped_policies
from jixiao.readers import WALK_EXTS, format_of
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
    """One line on stderr, never wrapped: scripts and reviewers grep it."""
    line = escape_controls((f"jixiao：{zh}" + (f" ({en})" if en else "")).replace("\n", " "), keep_newlines=False)
    if console.is_terminal:
        console.print(line, style="red", markup=False, highlight=False, soft_wrap=True)
    else:
        print(line, file=sys.stderr, flush=True)


def _json_number(obj: Any) -> Any:
    """Decimals as serialize.to_jsonable writes them, converted while dumping (a third faster than
    converting the whole tree first)."""
    if isinstance(obj, Decimal):
        return to_jsonable(obj)
    raise TypeError(f"{type(obj).__name__} is not JSON serialisable")


def _dumps(result: CheckResult, indent: int | None = None) -> str:
    # C1 controls and bidirectional overrides stay raw with ensure_ascii=False: escape them (same JSON)
    return json_safe(json.dumps(result_to_dict(result), ensure_ascii=False, indent=indent, default=_json_number))


# ------------------------------------------------------------------------------------ batch checking
#
# Several documents are checked in worker processes, one document in flight per worker: the parent
# sends a path, the worker reads, scores, reviews and (for --json) serialises it, and sends back a
# small ``Outcome``. Nothing accumulates: the parent writes each outcome as it arrives and keeps only
# counters. A worker that dies (a crash in a parsing library, the kernel's OOM killer) or exceeds the
# time limit costs only its document, which is reported as unreadable; a fresh worker takes its place.
# Workers are replaced after ``RECYCLE_AFTER`` documents so a slow leak in a library cannot grow.
# The parent has no threads (the progress display is refreshed by hand), so forking is safe.

RECYCLE_AFTER = 1000
# The parsing libraries leave reference cycles (lxml proxies, pdfminer layout trees) that pile up
# between the collector's own full collections. With the modules frozen before the fork (see
# _prepare_fork) a full collection costs about a millisecond; one every few documents keeps a worker
# near its start size (measured on the benchmark corpus: peak 76 MB instead of 90-180 MB).
COLLECT_EVERY = 4
# What survives in a worker (the value and header caches, pdfminer's font caches) would otherwise be
# traversed by every one of those collections, whose cost then grows to 3-6 ms as the caches fill. So
# every FREEZE_EVERY documents, right after a collection (nothing unreachable is left), what is alive
# is frozen too. Measured on the benchmark corpus: collections 1.5 -> 0.5 ms per document, same peak
# memory. Whatever frozen object later becomes cyclic garbage stays until the worker is recycled.
FREEZE_EVERY = 64
DEFAULT_TIMEOUT = 120.0
DEFAULT_MAX_MEMORY = 2048  # MB of address space per worker
_TICK = 0.25  # seconds between progress refreshes while waiting


@dataclass
class Outcome:
    """One document's result as the parent needs it."""

    source: str
    line: str | None = None  # the JSON text (--json)
    result: CheckResult | None = None  # the full result (terminal output)
    error: ReadError | None = None
    grade: str | None = None
    codes: tuple[str, ...] = ()
    severities: frozenset[str] = frozenset()


def _outcome(result: CheckResult, as_json: bool, indent: int | None) -> Outcome:
    try:
        line = _dumps(result, indent) if as_json else None
    except Exception as exc:  # a finding whose evidence cannot be serialised: the document's failure
        err = ReadError("internal", f"{Path(result.source).name}：结果无法输出（{type(exc).__name__}），请报告此问题",
                        f"cannot serialise the result: {exc!r}")
        return _error_outcome(result.source, result.format, err, as_json)
    return Outcome(
        source=result.source,
        line=line,
        result=None if as_json else result,
        error=result.error,
        grade=result.score.grade if result.score is not None else None,
        codes=tuple(f.code for f in result.findings),
        severities=frozenset(f.severity for f in result.findings),
    )


def _error_outcome(source: str, fmt: str, error: ReadError, as_json: bool) -> Outcome:
    result = CheckResult(source=source, format=fmt, error=error)
    return Outcome(source=source, line=_dumps(result) if as_json else None, result=None if as_json else result,
                   error=error)


def _die_with_parent() -> None:
    """Linux: the kernel sends SIGTERM to this worker when the parent dies (even by SIGKILL)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:
        pass


def _limit_memory(megabytes: int) -> None:
    """Cap this worker's address space: a document that needs more fails with MemoryError (reported
    as too large) instead of pushing the machine into swap or the OOM killer. A worker uses about
    100 MB; LibreOffice (legacy formats, a child of the worker) converts within 1 GB."""
    if megabytes <= 0:
        return
    try:
        import resource

        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = megabytes * 1024 * 1024
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError):
        pass


def _worker_main(conn: Connection, policy_arg: str, as_json: bool, max_memory: int = 0,
                 parent_pid: int = 0) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent handles it
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent's handler is not for workers
    _die_with_parent()
    if parent_pid and os.getppid() != parent_pid:
        # the parent died between fork and prctl: no death signal will come, and this process still
        # holds the parent's end of its pipe, so recv() would never see EOF. Leave now.
        return
    _limit_memory(max_memory)
    policy = load_policy(policy_arg)
    done = 0
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        path: str = task
        out = _outcome(check_file(Path(path), policy), as_json, None)
        if out.error is not None:
            gc.collect()  # a failed read (MemoryError above all) leaves its half-built objects in cycles
        if not _send(conn, out, path, as_json):
            return  # the parent reports the document as lost
        del out
        done += 1
        if done % COLLECT_EVERY == 0:
            gc.collect()
            if done % FREEZE_EVERY == 0:
                gc.freeze()


def _send(conn: Connection, out: Outcome, path: str, as_json: bool) -> bool:
    """Send an outcome; a result that cannot be pickled is sent as an internal error instead.
    False when nothing could be sent: the worker ends quietly (no traceback on the user's stderr)."""
    for _ in range(2):
        try:
            conn.send(out)
            return True
        except (BrokenPipeError, EOFError, OSError):
            return False
        except MemoryError:
            gc.collect()
        except Exception as exc:  # an unpicklable result
            err = ReadError("internal", f"{Path(path).name}：结果无法传回（{type(exc).__name__}），请报告此问题",
                            f"cannot send the result: {exc!r}")
            out = _error_outcome(path, format_of(Path(path)), err, as_json)
    return False


def _prepare_fork(paths: list[str]) -> None:
    """Before forking the workers: import the readers the batch needs, load the word lists, and
    freeze every object so far out of the collector's reach (the gc.freeze recipe for fork: children
    share these pages, and their collections do not traverse them)."""
    import importlib

    formats = {format_of(Path(p)) for p in paths}
    for fmt in ("docx", "xlsx", "pdf"):
        if fmt in formats or "legacy" in formats:
            with contextlib.suppress(ImportError):
                importlib.import_module(f"jixiao.readers.{fmt}")
    with contextlib.suppress(Exception):
        from jixiao.review import load_words

        load_words()
    gc.collect()
    gc.freeze()


@dataclass
class _Worker:
    proc: Any  # multiprocessing Process
    conn: Connection
    task: str | None = None
    started: float = 0.0
    done: int = 0


class _Pool:
    """``jobs`` worker processes, one document each at a time; see the comment above."""

    def __init__(self, jobs: int, policy_arg: str, as_json: bool, timeout: float | None,
                 max_memory: int = 0) -> None:
        self.jobs = jobs
        self.policy_arg = policy_arg
        self.as_json = as_json
        self.timeout = timeout
        self.max_memory = max_memory
        self.ctx = get_context("fork" if sys.platform.startswith("linux") else "spawn")
        self.workers: list[_Worker] = []

    def _spawn(self) -> _Worker:
        parent, child = self.ctx.Pipe(duplex=True)
        proc = self.ctx.Process(target=_worker_main,
                                args=(child, self.policy_arg, self.as_json, self.max_memory, os.getpid()),
                                daemon=True)
        proc.start()
        child.close()
        w = _Worker(proc, parent)
        self.workers.append(w)
        return w

    def _retire(self, w: _Worker, kill: bool = False) -> None:
        self.workers.remove(w)
        with contextlib.suppress(OSError):
            if kill:
                w.proc.kill()
            else:
                w.conn.send(None)
        w.proc.join(timeout=5)
        if w.proc.is_alive():
            w.proc.kill()
            w.proc.join(timeout=5)
        w.conn.close()

    def close(self) -> None:
        """Stop every worker now (also on Ctrl-C): nothing is left running."""
        for w in list(self.workers):
            with contextlib.suppress(Exception):
                w.proc.terminate()
        for w in list(self.workers):
            with contextlib.suppress(Exception):
                w.proc.join(timeout=5)
                if w.proc.is_alive():
                    w.proc.kill()
                    w.proc.join(timeout=5)
                w.conn.close()
        self.workers.clear()

    def _give(self, w: _Worker, todo: Iterator[str]) -> bool:
        path = next(todo, None)
        if path is None:
            return False
        w.task, w.started = path, time.monotonic()
        w.conn.send(path)
        return True

    def run(self, paths: list[str]) -> Iterator[Outcome | None]:
        """Outcomes as documents finish; ``None`` now and then while waiting (to refresh progress)."""
        todo = iter(paths)
        _prepare_fork(paths)
        try:
            for _ in range(min(self.jobs, len(paths))):
                self._give(self._spawn(), todo)
            while any(w.task is not None for w in self.workers):
                busy = [w for w in self.workers if w.task is not None]
                ready = set(wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], timeout=_TICK))
                yielded = False
                for w in busy:
                    out: Outcome | None = None
                    replace = False
                    if w.conn in ready:
                        try:
                            out = w.conn.recv()
                            w.done += 1
                        except (EOFError, OSError):
                            out, replace = self._lost(w, "crashed"), True
                    elif w.proc.sentinel in ready:
                        out, replace = self._lost(w, "crashed"), True
                    elif self.timeout and time.monotonic() - w.started > self.timeout:
                        out, replace = self._lost(w, "timeout"), True
                    if out is None:
                        continue
                    w.task = None
                    yielded = True
                    yield out
                    if replace:
                        self._retire(w, kill=True)
                        w = self._spawn()
                    elif w.done >= RECYCLE_AFTER:
                        self._retire(w)
                        w = self._spawn()
                    self._give(w, todo)
                if not yielded:
                    yield None
        finally:
            self.close()

    def _lost(self, w: _Worker, why: str) -> Outcome:
        assert w.task is not None
        path = Path(w.task)
        if why == "timeout":
            err = ReadError("timeout", f"{path.name}：读取超时（超过 {self.timeout:g} 秒），已跳过",
                            f"timed out after {self.timeout:g} s")
        else:
            code = w.proc.exitcode
            err = ReadError("crashed", f"{path.name}：读取时处理进程异常退出（文件可能损坏或过大），已跳过",
                            f"the worker process died (exit code {code})")
        return _error_outcome(w.task, format_of(path), err, self.as_json)


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


def _run(items: list[Path | _Problem], policy_arg: str, pool: _Pool | None, as_json: bool,
         indent: int | None) -> Iterator[Outcome | None]:
    """Outcomes of every item: problems found while walking at once, then the documents."""
    paths: list[str] = []
    for item in items:
        if isinstance(item, _Problem):
            yield _error_outcome(str(item.path), format_of(item.path), item.error, as_json)
        else:
            paths.append(str(item))
    if pool is None:
        policy = load_policy(policy_arg)
        for p in paths:
            yield _outcome(check_file(Path(p), policy), as_json, indent)
    else:
        yield from pool.run(paths)


# ------------------------------------------------------------------------------------ finding files


@dataclass
class _Problem:
    """A path found while walking that is not a readable regular file."""

    path: Path
    error: ReadError


def _problem(path: Path, code: str, zh: str, en: str) -> _Problem:
    return _Problem(path, ReadError(code, f"{path.name}：{zh}", f"{path.name}: {en}"))


def _not_regular(path: Path) -> _Problem | None:
    """Why ``path`` (not a directory) cannot be read as a file, without opening it; None when it can."""
    try:
        st = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            return _problem(path, "not_found", "是指向不存在文件的符号链接，无法读取", "dangling symbolic link")
        return None  # the reader reports a missing file
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return _problem(path, "not_found", "符号链接循环，无法读取", "symbolic link loop")
        return _problem(path, "io", f"无法访问（{exc.strerror or exc}）", f"cannot stat: {exc}")
    if stat.S_ISDIR(st.st_mode):
        return _problem(path, "unsupported", "是目录而不是文件，已跳过", "is a directory")
    if not stat.S_ISREG(st.st_mode):
        return _problem(path, "unsupported", "不是普通文件（设备、管道或套接字），已跳过", "not a regular file")
    return None


def _walk(paths: list[Path]) -> list[Path | _Problem]:
    """Files as given and the supported files under directories, sorted; problems in their place.

    Hidden entries and Office lock files (~$) are skipped; symbolic links to directories are not
    followed (no loops). Under a directory, a subdirectory named like a document (报告.docx/) and a
    supported name that is not a regular file (a link loop, a dangling link, a pipe) are reported,
    as is a subdirectory that cannot be listed.
    """
    items: list[Path | _Problem] = []
    for p in paths:
        if p.is_dir():
            items.extend(_walk_dir(p))
        else:
            items.append(_not_regular(p) or p)
    return items


def _walk_dir(root: Path) -> list[Path | _Problem]:
    out: list[Path | _Problem] = []
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as exc:
        what = "没有读取权限" if isinstance(exc, PermissionError) else f"无法列出（{exc.strerror or exc}）"
        return [_Problem(root, ReadError("permission" if isinstance(exc, PermissionError) else "io",
                                         f"{root}：目录{what}，其中的文件未检查", f"{root}: cannot list: {exc}"))]
    for e in entries:
        if e.name.startswith((".", "~$")):
            continue
        path = Path(e.path)
        supported = path.suffix.lower() in WALK_EXTS
        try:
            is_dir = e.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            if supported:
                out.append(_problem(path, "unsupported", "是目录而不是文件，已跳过", "is a directory"))
            else:
                out.extend(_walk_dir(path))
        elif supported:
            if e.is_symlink() and path.is_dir():
                continue  # a link to a directory: not followed
            out.append(_not_regular(path) or path)
    return out


# ------------------------------------------------------------------------------------------ check


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="报告文件或目录（目录下的 .txt/.docx/.xlsx/.pdf 等全部检查）")],
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON（多份文档时为 JSON Lines）")] = False,
    policy: Annotated[str, typer.Option("--policy", "-p", help="评分规则名称或 .toml 路径")] = DEFAULT_POLICY,
    fail_on: Annotated[FailOn | None, typer.Option("--fail-on", help="存在该级别（或更严重）的问题时以 1 退出")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="并行进程数（默认：CPU 核数）")] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="不显示进度和汇总")] = False,
    timeout: Annotated[float, typer.Option(
        "--timeout", help="多份文档时每份的读取时限（秒），超时的记为无法读取；0 为不限")] = DEFAULT_TIMEOUT,
    max_memory: Annotated[int, typer.Option(
        "--max-memory", help="多份文档时每个工作进程的内存上限（MB），超出的文档记为无法读取；0 为不限")
    ] = DEFAULT_MAX_MEMORY,
) -> None:
    """读取、评分并复核自评报告，显示评分表和复核发现。"""
    out = Console(highlight=False, soft_wrap=False)
    if not out.is_terminal:
        out = Console(highlight=False, soft_wrap=False, width=132)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    try:
        load_policy(policy)
    except PolicyError as exc:
        _err(err, str(exc), "bad policy")
        raise typer.Exit(EXIT_UNREADABLE) from None
    items = _walk(paths)
    if not items:
        _err(err, "没有找到可检查的文件（支持 .txt .docx .xlsx .pdf .doc .xls .json 等）", "no supported files")
        raise typer.Exit(EXIT_UNREADABLE)
    total = len(items)
    jobs = max(1, jobs or (os.cpu_count() or 1))
    single = total == 1 and not any(p.is_dir() for p in paths)
    documents = sum(1 for i in items if isinstance(i, Path))
    pool = _Pool(min(jobs, documents), policy, as_json, timeout or None, max_memory) if documents > 1 else None
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
            for result in _run(items, policy, pool, as_json, 2 if single else None):
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
                    if result.line is not None:
                        _write_line(result.line)
                    elif result.result is not None and result.error is None:
                        from jixiao.writers.terminal import print_result

                        print_result(out, result.result)
                        if not single:
                            out.rule()
                if show_progress and (time.monotonic() - shown >= _TICK / 2 or done == total):
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
    source: Annotated[Path, typer.Argument(help="任一可读取的报告文件，或 check --json 的输出")],
    to: Annotated[RenderTo, typer.Option("--to", "-t", help="输出格式")] = RenderTo.docx,
    kind: Annotated[RenderKind | None, typer.Option(
        "--kind", "-k", help="report=绩效自评报告，form=项目支出绩效自评表（xlsx），review=复核意见书（docx）")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="输出文件（默认：当前目录下 <文件名>-<类型>.<格式>）")] = None,
    template: Annotated[Path | None, typer.Option("--template", help="自定义 Word 模板（.docx）")] = None,
    policy: Annotated[str, typer.Option("--policy", "-p", help="评分规则名称或 .toml 路径")] = DEFAULT_POLICY,
) -> None:
    """把报告写成 Word / Excel / PDF / HTML：自评报告、自评表或复核意见书。"""
    err = Console(stderr=True, highlight=False)
    k = kind or (RenderKind.form if to is RenderTo.xlsx else RenderKind.report)
    allowed = {RenderKind.report: {RenderTo.docx, RenderTo.pdf, RenderTo.html}, RenderKind.form: {RenderTo.xlsx},
               RenderKind.review: {RenderTo.docx}}
    if to not in allowed[k]:
        ok = "、".join(sorted(t.value for t in allowed[k]))
        _err(err, f"{_KIND_ZH[k.value]}只能输出为 {ok}", f"--kind {k.value} supports --to {ok}")
        raise typer.Exit(EXIT_UNREADABLE)
    if template is not None and not template.is_file():
        _err(err, f"找不到模板文件 {template}", "template not found")
        raise typer.Exit(EXIT_UNREADABLE)
    out = output or Path(f"{source.stem}-{_KIND_ZH[k.value]}.{to.value}")
    if out.resolve() == source.resolve():
        _err(err, f"输出文件不能与输入文件相同：{out}", "output would overwrite the input")
        raise typer.Exit(EXIT_UNREADABLE)
    try:
        pol = load_policy(policy)
    except PolicyError as exc:
        _err(err, str(exc), "bad policy")
        raise typer.Exit(EXIT_UNREADABLE) from None
    result = check_file(source, pol)
    if result.error is not None:
        _err(err, result.error.message, result.error.message_en)
        raise typer.Exit(EXIT_UNREADABLE)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if k is RenderKind.form:
            from jixiao.writers.form_xlsx import write_form_xlsx
            write_form_xlsx(result, out)
        elif k is RenderKind.review:
            from jixiao.writers.review_docx import write_review_docx
            write_review_docx(result, out)
        elif to is RenderTo.docx:
            from jixiao.writers.report_docx import write_report_docx
            write_report_docx(result, out, template=template)
        elif to is RenderTo.html:
            from jixiao.writers.report_html import write_report_html
            write_report_html(result, out)
        else:
            from jixiao.writers.report_html import cjk_font_available, write_report_pdf
            if cjk_font_available() is False:
                _err(err, "未找到中文字体，PDF 中的汉字可能显示为方框；请安装中文字体（如 fonts-wqy-microhei）",
                     "no CJK font installed: Chinese text may render as boxes")
            write_report_pdf(result, out)
    except OSError as exc:
        _err(err, f"无法写入 {out}：{exc.strerror or exc}", f"cannot write {out}")
        raise typer.Exit(EXIT_UNREADABLE) from None
    except Exception as exc:  # a damaged template and the like: one line, no traceback
        _err(err, f"生成 {out} 失败（{type(exc).__name__}：{exc}）", f"rendering failed: {exc}")
        raise typer.Exit(EXIT_UNREADABLE) from None
    Console(highlight=False).print(escape_controls(f"已生成 {out}"), markup=False)


@app.command("template")
def template_cmd(
    kind: Annotated[FormKind, typer.Option("--kind", "-k", help="self-eval-form=10号文自评表，sichuan-form=四川样式，"
                                                         "transfer-form=转移支付区域绩效自评表")],
    output: Annotated[Path, typer.Option("--output", "-o", help="输出 .xlsx 文件")],
) -> None:
    """生成空白的官方自评表（.xlsx），供单位填写后用 check / render 读取。"""
    from jixiao.writers.blank_forms import write_blank_form

    err = Console(stderr=True, highlight=False)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        write_blank_form(kind.value, output)
    except OSError as exc:
        _err(err, f"无法写入 {output}：{exc.strerror or exc}", f"cannot write {output}")
        raise typer.Exit(EXIT_UNREADABLE) from None
    Console(highlight=False).print(escape_controls(f"已生成 {output}"), markup=False)


@app.command()
def summary(
    results: Annotated[list[Path], typer.Argument(help="check --json 输出的 JSON Lines 文件")],
    output: Annotated[Path, typer.Option("--output", "-o", help="输出的汇总工作簿（.xlsx）")],
) -> None:
    """把 check --json 的结果汇总成复核工作簿：每份报告一行、全部问题、按问题代码统计。"""
    from jixiao.writers.summary_xlsx import read_results, write_summary

    err = Console(stderr=True, highlight=False)
    try:
        count = write_summary(read_results(results), output)
    except FileNotFoundError as exc:
        _err(err, f"找不到文件 {exc.filename}", "file not found")
        raise typer.Exit(EXIT_UNREADABLE) from None
    except OSError as exc:
        _err(err, f"无法读写文件：{exc.strerror or exc}", str(exc))
        raise typer.Exit(EXIT_UNREADABLE) from None
    Console(highlight=False).print(escape_controls(f"已汇总 {count} 份报告 → {output}"), markup=False)


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
