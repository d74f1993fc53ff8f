"""Readers: documents (text, Word, Excel, PDF, legacy office, check JSON) → the domain model.

``read_report(path)`` picks the reader by extension (and by content for text), returns the format
name and the ``Report``, and raises ``ReadError`` with a one-line Chinese reason for anything it
cannot read. Nothing here modifies the input file.
"""

from __future__ import annotations

import json
from pathlib import Path

from jixiao.model import ReadError, Report
from jixiao.readers.assemble import assemble
from jixiao.readers.blocks import Document
from jixiao.readers.text import parse_text, read_text_bytes

TEXT_EXTS = {".txt", ".text", ".md", ".csv", ".tsv"}
WORD_EXTS = {".docx", ".docm"}
EXCEL_EXTS = {".xlsx", ".xlsm"}
PDF_EXTS = {".pdf"}
LEGACY_EXTS = {".doc", ".wps", ".xls", ".et"}
JSON_EXTS = {".json", ".jsonl"}
SUPPORTED_EXTS = TEXT_EXTS | WORD_EXTS | EXCEL_EXTS | PDF_EXTS | LEGACY_EXTS | JSON_EXTS
# What a directory walk picks up: not .jsonl, the results of `check --json` (often written into the
# very folder being checked), which is read only when named explicitly.
WALK_EXTS = SUPPORTED_EXTS - {".jsonl"}

MAX_TEXT_BYTES = 20 * 1024 * 1024  # a self-evaluation report is a few dozen KB; refuse huge text


def format_of(path: Path) -> str:
    ext = path.suffix.lower()
    if ext in WORD_EXTS:
        return "docx"
    if ext in EXCEL_EXTS:
        return "xlsx"
    if ext in PDF_EXTS:
        return "pdf"
    if ext in LEGACY_EXTS:
        return "legacy"
    if ext in JSON_EXTS:
        return "json"
    return "text"


def _fail(path: Path, code: str, what: str, what_en: str) -> ReadError:
    return ReadError(code, f"{path.name}：{what}", f"{path.name}: {what_en}")


def _read_bytes(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise _fail(path, "too_large", f"文件过大（{size // (1024 * 1024)} MB），不像是一份自评报告，已跳过",
                        f"file too large ({size} bytes)")
        with path.open("rb") as fh:
            # read(n) allocates n bytes up front: ask for the size stat gave, not the limit (20 MB)
            data = fh.read(size + 1)
            if len(data) > size:  # the file grew since stat: read on, up to the limit
                data += fh.read(limit + 1 - len(data))
            return data
    except PermissionError as exc:
        raise _fail(path, "permission", "没有读取权限", "permission denied") from exc
    except IsADirectoryError as exc:
        raise _fail(path, "unsupported", "是目录而不是文件", "is a directory") from exc
    except FileNotFoundError as exc:
        raise _fail(path, "not_found", "文件不存在", "file not found") from exc
    except OSError as exc:
        raise _fail(path, "io", f"读取失败（{exc.strerror or exc}）", f"read failed: {exc}") from exc


def read_document(path: Path) -> tuple[str, Document]:
    """(format, Document) of a document file. JSON is not a document: use ``read_report``."""
    fmt = format_of(path)
    if fmt == "docx":
        from jixiao.readers.docx import read_docx
        return fmt, read_docx(path)
    if fmt == "xlsx":
        from jixiao.readers.xlsx import read_xlsx
        return fmt, read_xlsx(path)
    if fmt == "pdf":
        from jixiao.readers.pdf import read_pdf
        return fmt, read_pdf(path)
    if fmt == "legacy":
        from jixiao.readers.legacy import LEGACY_FORMATS, read_legacy
        return LEGACY_FORMATS[path.suffix.lower()][1], read_legacy(path)
    data = _read_bytes(path, MAX_TEXT_BYTES)
    return "text", read_text_bytes(data, path.name)


def read_json_report(path: Path) -> Report:
    from jixiao.serialize import BadNumber, loads, report_from_dict

    data = _read_bytes(path, MAX_TEXT_BYTES)
    try:
        obj = loads(data.decode("utf-8-sig"))
    except BadNumber as exc:
        raise _fail(path, "damaged", f"JSON 中的{exc.reason}，无法读取", f"invalid JSON number: {exc}") from exc
    except RecursionError as exc:
        raise _fail(path, "damaged", "JSON 嵌套过深，无法读取", "JSON nested too deeply") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _fail(path, "damaged", "不是有效的 JSON", f"invalid JSON: {exc}") from exc
    if isinstance(obj, dict) and isinstance(obj.get("report"), dict):
        obj = obj["report"]
    if not isinstance(obj, dict) or "indicators" not in obj:
        raise _fail(path, "not_a_report", "JSON 中没有报告（缺少 report/indicators）", "no report in JSON")
    try:
        return report_from_dict(obj)
    except BadNumber as exc:
        raise _fail(path, "damaged", f"JSON 中的报告数据有误：{exc.reason}", f"invalid number: {exc}") from exc
    except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
        raise _fail(path, "damaged", f"JSON 中的报告数据不完整（{exc}）", f"malformed report JSON: {exc}") from exc


def read_report(path: Path) -> tuple[str, Report]:
    """(format, Report) of any supported file. Raises ReadError."""
    fmt = format_of(path)
    if fmt == "json":
        return fmt, read_json_report(path)
    fmt, doc = read_document(path)
    return fmt, assemble(doc, path.name)


def report_from_text(text: str) -> Report:
    """A Report from text already in memory (tests, the web application's paste box)."""
    return assemble(parse_text(text))


__all__ = ["SUPPORTED_EXTS", "WALK_EXTS", "ReadError", "format_of", "read_document", "read_report", "report_from_text"]
