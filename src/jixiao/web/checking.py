"""Turning input into the stored check object, with the core doing all the work.

- an uploaded file: written to a private temporary folder and read, scored and reviewed in a separate
  worker process (``jixiao.batch.Pool``) with a time limit and a memory cap, so a hostile document costs
  its uploader a refusal, never a stuck or swollen server;
- a report as JSON (the ``report`` object of ``jixiao check --json``): re-scored and re-reviewed here.

Either way the result is the object ``jixiao check --json`` prints, parsed back from that same text.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import threading
from pathlib import Path
from typing import Any

from django.conf import settings

from jixiao.app import evaluate
from jixiao.batch import Pool, dumps_result
from jixiao.model import CheckResult, ReadError
from jixiao.policy import DEFAULT_POLICY, PolicyError, load_policy
from jixiao.readers import SUPPORTED_EXTS
from jixiao.serialize import loads, report_from_dict


class CheckFailed(Exception):
    """The input could not be read as a report: ``code`` and a Chinese one-line ``message``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


# at most this many uploads are read at once (each in a worker that may use UPLOAD_MAX_MEMORY_MB)
_readers = threading.BoundedSemaphore(int(os.environ.get("JIXIAO_UPLOAD_CONCURRENCY", "2")))
_UNSAFE = re.compile(r"[\x00-\x1f/\\:*?\"<>|]+")


def safe_name(name: str) -> str:
    """The file's own name without any directory part or control characters (kept in the check's source)."""
    base = _UNSAFE.sub("_", Path(name.replace("\\", "/")).name).strip(". ") or "upload"
    if len(base) > 120:
        stem, dot, ext = base.rpartition(".")
        base = (stem[:100] + dot + ext[:15]) if dot else base[:120]
    return base


def _parse(line: str) -> dict[str, Any]:
    return json.loads(line)


def check_upload(name: str, data: bytes, policy: str = DEFAULT_POLICY) -> dict[str, Any]:
    """The check object of an uploaded document; raises ``CheckFailed`` with the reader's reason."""
    fname = safe_name(name)
    if Path(fname).suffix.lower() not in SUPPORTED_EXTS:
        exts = " ".join(sorted(SUPPORTED_EXTS))
        raise CheckFailed("unsupported", f"{fname}：不支持的文件类型（支持 {exts}）")
    if not data:
        raise CheckFailed("empty", f"{fname}：文件是空的")
    if not _readers.acquire(timeout=settings.UPLOAD_TIMEOUT):
        raise CheckFailed("busy", "服务器正忙于读取其他上传的文件，请稍后再试")
    try:
        return _check_upload(fname, data, policy)
    finally:
        _readers.release()


def _check_upload(fname: str, data: bytes, policy: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="jixiao-upload-") as tmp:
        path = Path(tmp) / fname
        path.write_bytes(data)
        if getattr(settings, "UPLOAD_WORKERS", True):
            pool = Pool(1, policy, True, settings.UPLOAD_TIMEOUT, settings.UPLOAD_MAX_MEMORY_MB,
                        start_method=getattr(settings, "UPLOAD_START_METHOD", "forkserver"), prepare=False)
            out = None
            for o in pool.run([str(path)]):
                if o is not None:
                    out = o
            if out is None or out.line is None:  # pragma: no cover - the pool always answers
                raise CheckFailed("internal", f"{fname}：读取失败，请重试")
            check = _parse(out.line)
        else:
            from jixiao.app import check_file

            check = _parse(dumps_result(check_file(path, load_policy(policy))))
    if "error" in check:
        err = check["error"]
        msg = str(err.get("message") or f"{fname}：无法读取")
        raise CheckFailed(str(err.get("code") or "unreadable"), msg.replace(str(path), fname))
    check["source"] = fname
    return check


def check_report(report: Any, source: str = "", policy: str | None = None) -> dict[str, Any]:
    """The check object of a report given as JSON data (re-scored and re-reviewed; scores are not trusted)."""
    if not isinstance(report, dict) or not isinstance(report.get("indicators"), list):
        raise CheckFailed("bad_input", "报告数据不完整：需要 report 对象，其中包含 indicators 列表")
    try:
        # numbers as Decimal, NaN / Infinity / absurd exponents refused, as the JSON reader does
        rep = report_from_dict(loads(json.dumps(report)))
    except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
        raise CheckFailed("bad_input", f"报告数据有误（{exc}）") from exc
    try:
        pol = load_policy(policy or DEFAULT_POLICY)
    except PolicyError as exc:
        raise CheckFailed("bad_input", str(exc)) from exc
    try:
        result = evaluate(rep, pol, source, "json")
        return _parse(dumps_result(result))
    except (RecursionError, MemoryError) as exc:
        raise CheckFailed("too_large", "报告数据过大或嵌套过深，无法处理") from exc
    except Exception as exc:  # a bug must not become a traceback page
        raise CheckFailed("internal", f"评分时出现内部错误（{type(exc).__name__}），请报告此问题") from exc


def result_of(check: dict[str, Any]) -> CheckResult:
    """A full ``CheckResult`` from a stored check object (recomputed by the core, for the writers)."""
    report_d = check.get("report")
    if not isinstance(report_d, dict):
        raise CheckFailed("bad_input", "该版本没有报告数据")
    data = loads(json.dumps(report_d))
    policy = (check.get("score") or {}).get("policy") or DEFAULT_POLICY
    try:
        pol = load_policy(policy)
    except PolicyError:
        pol = load_policy(DEFAULT_POLICY)
    return evaluate(report_from_dict(data), pol, str(check.get("source") or ""), str(check.get("format") or "json"))


__all__ = ["CheckFailed", "ReadError", "check_report", "check_upload", "result_of", "safe_name"]
