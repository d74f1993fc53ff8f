"""Application service: read a document, score it, review it. Used by the CLI (and the web app later).

No terminal output here; the CLI decides how to show a ``CheckResult``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from jixiao.model import CheckResult, ReadError, Report
from jixiao.policy import Policy
from jixiao.readers import WALK_EXTS, format_of, read_report
from jixiao.review import review
from jixiao.scoring import score_report


def evaluate(report: Report, policy: Policy, source: str = "", fmt: str = "text") -> CheckResult:
    """Score and review a report already read."""
    card = score_report(report, policy)
    findings = review(report, card, policy)
    return CheckResult(source=source, format=fmt, report=report, score=card, findings=findings)


def check_file(path: Path, policy: Policy, source: str | None = None) -> CheckResult:
    """Read, score and review one file. Never raises: a failure is a result with ``error`` set."""
    src = source if source is not None else str(path)
    fmt = format_of(path)
    try:
        fmt, report = read_report(path)
        return evaluate(report, policy, src, fmt)
    except ReadError as exc:
        return CheckResult(source=src, format=fmt, error=exc)
    except RecursionError:
        err = ReadError("damaged", f"{path.name}：文件结构嵌套过深，无法读取", "structure nested too deeply")
        return CheckResult(source=src, format=fmt, error=err)
    except MemoryError:
        err = ReadError("too_large", f"{path.name}：文件过大，内存不足以读取", "out of memory")
        return CheckResult(source=src, format=fmt, error=err)
    except Exception as exc:  # a bug must not stop a batch: report it as this document's failure
        err = ReadError("internal", f"{path.name}：读取时出现内部错误（{type(exc).__name__}），请报告此问题",
                        f"internal error: {type(exc).__name__}: {exc}")
        return CheckResult(source=src, format=fmt, error=err)


def iter_documents(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given, and supported files under directories (sorted, hidden files skipped)."""
    for p in paths:
        if p.is_dir():
            found: list[Path] = []
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in files:
                    if f.startswith((".", "~$")):
                        continue
                    fp = Path(root) / f
                    if fp.suffix.lower() in WALK_EXTS:
                        found.append(fp)
            yield from sorted(found)
        else:
            yield p
