"""Checking many documents: worker processes with a time limit and a memory cap, and finding files.

Used by the command line (``jixiao check`` on several documents) and the web application (an upload
is read in a worker so a hostile file costs its uploader a refusal, never a stuck or swollen server).
No terminal output here.
"""

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
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from multiprocessing import get_context
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from jixiao.app import check_file
from jixiao.escape import json_safe
from jixiao.model import CheckResult, ReadError
from jixiao.os_reasons import os_reason
from jixiao.policy import load_policy
from jixiao.readers import WALK_EXTS, format_of
from jixiao.serialize import result_to_dict, to_jsonable


def _json_number(obj: Any) -> Any:
    """Decimals as serialize.to_jsonable writes them, converted while dumping (a third faster than
    converting the whole tree first)."""
    if isinstance(obj, Decimal):
        return to_jsonable(obj)
    raise TypeError(f"{type(obj).__name__} is not JSON serialisable")


def dumps_result(result: CheckResult, indent: int | None = None) -> str:
    # C1 controls and bidirectional overrides stay raw with ensure_ascii=False: escape them (same JSON)
    return json_safe(json.dumps(result_to_dict(result), ensure_ascii=False, indent=indent, default=_json_number))


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
# what a forkserver imports once, so that each worker forked from it starts ready
FORKSERVER_PRELOAD = ["jixiao.batch", "jixiao.readers.docx", "jixiao.readers.xlsx", "jixiao.readers.pdf",
                      "jixiao.review"]
DEFAULT_MAX_MEMORY = 2048  # MB of address space per worker
TICK = 0.25  # seconds between progress refreshes while waiting


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


def outcome_of(result: CheckResult, as_json: bool, indent: int | None) -> Outcome:
    try:
        line = dumps_result(result, indent) if as_json else None
    except Exception as exc:  # a finding whose evidence cannot be serialised: the document's failure
        err = ReadError("internal", f"{Path(result.source).name}：结果无法输出（{type(exc).__name__}），请报告此问题",
                        f"cannot serialise the result: {exc!r}")
        return error_outcome(result.source, result.format, err, as_json)
    return Outcome(
        source=result.source,
        line=line,
        result=None if as_json else result,
        error=result.error,
        grade=result.score.grade if result.score is not None else None,
        codes=tuple(f.code for f in result.findings),
        severities=frozenset(f.severity for f in result.findings),
    )


def error_outcome(source: str, fmt: str, error: ReadError, as_json: bool) -> Outcome:
    result = CheckResult(source=source, format=fmt, error=error)
    return Outcome(source=source, line=dumps_result(result) if as_json else None, result=None if as_json else result,
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
        out = outcome_of(check_file(Path(path), policy), as_json, None)
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
            out = error_outcome(path, format_of(Path(path)), err, as_json)
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


class Pool:
    """``jobs`` worker processes, one document each at a time; see the comment above."""

    def __init__(self, jobs: int, policy_arg: str, as_json: bool, timeout: float | None,
                 max_memory: int = 0, start_method: str | None = None, prepare: bool = True) -> None:
        """``start_method`` "forkserver" suits a threaded parent (the web server): workers are forked
        from a small server process, not from the parent; ``prepare=False`` leaves the parent's
        collector alone (see ``_prepare_fork``, meant for a short-lived CLI process)."""
        self.jobs = jobs
        self.policy_arg = policy_arg
        self.as_json = as_json
        self.timeout = timeout
        self.max_memory = max_memory
        self.prepare = prepare
        if start_method is None or (start_method == "forkserver" and not sys.platform.startswith("linux")):
            start_method = "fork" if sys.platform.startswith("linux") else "spawn"
        self.ctx = get_context(start_method)
        # a forked worker checks that its parent is this process; a forkserver's child has another parent
        self._parent_pid = os.getpid() if start_method == "fork" else 0
        if start_method == "forkserver":
            self.ctx.set_forkserver_preload(FORKSERVER_PRELOAD)
        self.workers: list[_Worker] = []

    def _spawn(self) -> _Worker:
        parent, child = self.ctx.Pipe(duplex=True)
        proc = self.ctx.Process(target=_worker_main,
                                args=(child, self.policy_arg, self.as_json, self.max_memory, self._parent_pid),
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
        if self.prepare:
            _prepare_fork(paths)
        try:
            for _ in range(min(self.jobs, len(paths))):
                self._give(self._spawn(), todo)
            while any(w.task is not None for w in self.workers):
                busy = [w for w in self.workers if w.task is not None]
                ready = set(wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], timeout=TICK))
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
        return error_outcome(w.task, format_of(path), err, self.as_json)


def read_in_worker(path: Path, policy_arg: str, timeout: float | None = DEFAULT_TIMEOUT,
                   max_memory: int = DEFAULT_MAX_MEMORY) -> CheckResult:
    """Read, score and review one document in a worker process under the batch limits (``render``
    reads its source this way): never raises; a timeout or a dead worker is a result with ``error``."""
    pool = Pool(1, policy_arg, False, timeout, max_memory)
    try:
        for out in pool.run([str(path)]):
            if out is not None and out.result is not None:
                return out.result
    finally:
        pool.close()
    err = ReadError("internal", f"{path.name}：读取时出现内部错误（没有结果），请报告此问题",
                    "no outcome from the worker")
    return CheckResult(source=str(path), format=format_of(path), error=err)


def run_items(items: list[Path | Problem], policy_arg: str, pool: Pool | None, as_json: bool,
         indent: int | None) -> Iterator[Outcome | None]:
    """Outcomes of every item: problems found while walking at once, then the documents."""
    paths: list[str] = []
    for item in items:
        if isinstance(item, Problem):
            yield error_outcome(str(item.path), format_of(item.path), item.error, as_json)
        else:
            paths.append(str(item))
    if pool is None:
        policy = load_policy(policy_arg)
        for p in paths:
            yield outcome_of(check_file(Path(p), policy), as_json, indent)
    else:
        yield from pool.run(paths)



# ------------------------------------------------------------------------------------ finding files


@dataclass
class Problem:
    """A path found while walking that is not a readable regular file."""

    path: Path
    error: ReadError


def _problem(path: Path, code: str, zh: str, en: str) -> Problem:
    return Problem(path, ReadError(code, f"{path.name}：{zh}", f"{path.name}: {en}"))


def _not_regular(path: Path) -> Problem | None:
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
        return _problem(path, "io", f"无法访问（{os_reason(exc)}）", f"cannot stat: errno {exc.errno}")
    if stat.S_ISDIR(st.st_mode):
        return _problem(path, "unsupported", "是目录而不是文件，已跳过", "is a directory")
    if not stat.S_ISREG(st.st_mode):
        return _problem(path, "unsupported", "不是普通文件（设备、管道或套接字），已跳过", "not a regular file")
    return None


def walk(paths: list[Path]) -> list[Path | Problem]:
    """Files as given and the supported files under directories, sorted; problems in their place.

    Hidden entries and Office lock files (~$) are skipped; symbolic links to directories are not
    followed (no loops). Under a directory, a subdirectory named like a document (报告.docx/) and a
    supported name that is not a regular file (a link loop, a dangling link, a pipe) are reported,
    as is a subdirectory that cannot be listed.
    """
    items: list[Path | Problem] = []
    for p in paths:
        if p.is_dir():
            items.extend(walk_dir(p))
        elif p.suffix.lower() == ".jsonl" and p.is_file():
            items.append(_problem(
                p, "not_a_report",
                f"这是 check --json 输出的结果文件，不是报告；汇总成复核工作簿请用：jixiao summary {p} -o 汇总.xlsx",
                "a results file of check --json: use `jixiao summary`"))
        else:
            items.append(_not_regular(p) or p)
    return items


def walk_dir(root: Path) -> list[Path | Problem]:
    out: list[Path | Problem] = []
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as exc:
        what = "没有读取权限" if isinstance(exc, PermissionError) else f"无法列出（{os_reason(exc)}）"
        return [Problem(root, ReadError("permission" if isinstance(exc, PermissionError) else "io",
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
                out.extend(walk_dir(path))
        elif supported:
            if e.is_symlink() and path.is_dir():
                continue  # a link to a directory: not followed
            out.append(_not_regular(path) or path)
    return out
