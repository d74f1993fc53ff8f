"""Checks run before a reader hands a file to a parsing library.

Everything here looks at a bounded number of bytes: the first bytes of the file (its magic), the
zip central directory (sizes as declared, nothing is inflated) or a streamed scan of an OLE file.
Each problem becomes a ``ReadError`` whose ``message`` is one Chinese line naming the file.

Error codes used by the office readers:

``not_found``  the path does not exist or is not a regular file
``permission`` the file cannot be opened for reading
``empty``      the file has zero bytes
``too_large``  the file, its uncompressed content or its compression ratio is over the limits (zip bomb)
``encrypted``  a password-protected office file (OLE container with ``EncryptionInfo``) or PDF
``legacy``     an old binary format (.doc/.xls/.wps/.et) where a .docx/.xlsx was expected
``not_office`` a zip that is not the expected kind of office document
``damaged``    a truncated or corrupt file
``scanned``    a PDF without a text layer (see ``pdf.py``)
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Literal

from jixiao.model import ReadError

OfficeKind = Literal["docx", "xlsx"]

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_ZIP_MEMBERS = 10_000
# XML compresses well (10-30x is normal); a zip bomb is in the thousands.
MAX_COMPRESSION_RATIO = 200
RATIO_CHECK_MIN_BYTES = 1024 * 1024  # small members may have any ratio
# One XML part is parsed whole into memory (lxml / openpyxl take several times its size).
MAX_XML_PART_BYTES = 64 * 1024 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
PDF_MAGIC = b"%PDF-"

_KIND_NAME = {"docx": "Word 文档", "xlsx": "Excel 工作簿"}
_KIND_NAME_EN = {"docx": "Word document", "xlsx": "Excel workbook"}
_MAIN_PART = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
_LEGACY_EXT = {"docx": ".doc", "xlsx": ".xls"}

_SCAN_CHUNK = 1024 * 1024


def fail(path: Path, code: str, what: str, what_en: str) -> ReadError:
    """A ``ReadError`` whose message is "<file name>：<what>"."""
    return ReadError(code, f"{path.name}：{what}", f"{path.name}: {what_en}")


def read_head(path: Path, size: int = 8) -> bytes:
    """The first ``size`` bytes of the file (never more)."""
    with path.open("rb") as f:
        return f.read(size)


def check_file(path: Path) -> int:
    """Exists, is a regular file, is not empty, not over ``MAX_FILE_BYTES`` and can be opened. Returns its size."""
    try:
        if not path.is_file():
            raise fail(path, "not_found", "文件不存在或不是普通文件，无法读取", "file not found")
        size = path.stat().st_size
    except OSError as e:
        raise fail(path, "not_found", "文件无法访问，无法读取", f"cannot access file ({e})") from e
    if size == 0:
        raise fail(path, "empty", "文件是空的（0 字节），无法读取", "the file is empty")
    if size > MAX_FILE_BYTES:
        raise fail(
            path,
            "too_large",
            f"文件过大（{size // (1024 * 1024)} MB，上限 {MAX_FILE_BYTES // (1024 * 1024)} MB），无法读取",
            "file too large",
        )
    try:
        with path.open("rb"):
            pass
    except PermissionError as e:
        raise fail(path, "permission", "没有读取权限，无法读取", "permission denied") from e
    except OSError as e:
        raise fail(path, "not_found", "文件无法打开，无法读取", f"cannot open file ({e})") from e
    return size


def is_encrypted_ole(path: Path) -> bool:
    """Whether an OLE compound file holds an ``EncryptionInfo`` stream (an encrypted OOXML file).

    Streams the file in 1 MB chunks (memory stays bounded); directory entry names are UTF-16LE.
    """
    needles = ("EncryptionInfo".encode("utf-16-le"), b"EncryptionInfo")
    keep = max(len(n) for n in needles)
    tail = b""
    with path.open("rb") as f:
        while chunk := f.read(_SCAN_CHUNK):
            window = tail + chunk
            if any(n in window for n in needles):
                return True
            tail = window[-keep:]
    return False


def check_office_zip(path: Path, kind: OfficeKind) -> None:
    """Raise ``ReadError`` unless ``path`` looks like a sound, reasonably sized ``kind`` file.

    Reads the first bytes and the zip central directory only; nothing is decompressed.
    """
    check_file(path)
    head = read_head(path, 8)
    label, label_en = _KIND_NAME[kind], _KIND_NAME_EN[kind]
    if head.startswith(OLE_MAGIC):
        if is_encrypted_ole(path):
            raise fail(
                path,
                "encrypted",
                "文件设置了密码保护（已加密），无法读取，请取消密码后另存再提交",
                "the file is password-protected (encrypted)",
            )
        old = _LEGACY_EXT[kind]
        raise fail(
            path,
            "legacy",
            f"文件实际是旧版 {old} 格式，请用 Office/WPS 另存为 .{kind} 后再读取（或安装 LibreOffice 自动转换）",
            f"the file is in the old binary {old} format; save it as .{kind}",
        )
    if head.startswith(PDF_MAGIC):
        raise fail(path, "not_office", f"文件实际是 PDF，不是 {label}", f"the file is a PDF, not a {label_en}")
    if not head.startswith(ZIP_MAGICS):
        raise fail(
            path,
            "damaged",
            f"文件已损坏或不是 {label}（文件头不对），无法读取",
            f"not a {label_en} (bad file signature)",
        )
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as e:
        raise fail(
            path,
            "damaged",
            f"文件已损坏（不是完整的 {label}），无法读取",
            f"the file is damaged (not a complete {label_en}): {e}",
        ) from e
    _check_zip_sizes(path, infos)
    names = {i.filename for i in infos}
    if _MAIN_PART[kind] not in names and not _has_main_part(names, kind):
        other = "docx" if kind == "xlsx" else "xlsx"
        if _MAIN_PART[other] in names:
            what = f"文件实际是 {_KIND_NAME[other]}，不是 {label}，无法按 {label}读取"
        elif "ppt/presentation.xml" in names:
            what = f"文件实际是 PowerPoint 演示文稿，不是 {label}"
        else:
            what = f"文件是压缩包，但不是 {label}，无法读取"
        raise fail(path, "not_office", what, f"a zip file but not a {label_en}")


def _has_main_part(names: set[str], kind: OfficeKind) -> bool:
    """A main part under another name (some generators write e.g. word/document2.xml)."""
    stem = _MAIN_PART[kind].removesuffix(".xml")
    return "[Content_Types].xml" in names and any(n.startswith(stem) and n.endswith(".xml") for n in names)


def _check_zip_sizes(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    too_large = (
        "文件解压后过大或压缩比异常（疑似压缩炸弹），已拒绝读取",
        "uncompressed size or compression ratio over the limit (zip bomb?)",
    )
    if len(infos) > MAX_ZIP_MEMBERS:
        raise fail(path, "too_large", *too_large)
    total = 0
    for info in infos:
        total += info.file_size
        if total > MAX_UNCOMPRESSED_BYTES:
            raise fail(path, "too_large", *too_large)
        if info.filename.endswith((".xml", ".rels")) and info.file_size > MAX_XML_PART_BYTES:
            raise fail(
                path,
                "too_large",
                f"文件内容过大（{info.filename} 解压后超过 {MAX_XML_PART_BYTES // (1024 * 1024)} MB），无法读取",
                f"part {info.filename} is over the size limit",
            )
        if (
            info.file_size > RATIO_CHECK_MIN_BYTES
            and info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1)
        ):
            raise fail(path, "too_large", *too_large)


def check_pdf_file(path: Path) -> None:
    """Raise ``ReadError`` unless ``path`` starts like a PDF and ends with ``%%EOF`` (not truncated)."""
    size = check_file(path)
    head = read_head(path, 1024)
    if PDF_MAGIC not in head:
        if head.startswith(ZIP_MAGICS) or head.startswith(OLE_MAGIC):
            what, what_en = "文件实际是 Office 文档，不是 PDF", "an office document, not a PDF"
            raise fail(path, "damaged", what, what_en)
        raise fail(path, "damaged", "文件不是有效的 PDF（文件头不对），无法读取", "not a PDF (bad signature)")
    tail_size = min(size, 16 * 1024)
    with path.open("rb") as f:
        f.seek(size - tail_size)
        tail = f.read(tail_size)
    if b"%%EOF" not in tail:
        raise fail(
            path,
            "damaged",
            "PDF 文件不完整（可能下载或复制时被截断），无法读取",
            "the PDF is truncated (no %%EOF marker)",
        )
