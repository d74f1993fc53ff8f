"""Checks run before a reader hands a file to a parsing library.

Everything here looks at a bounded number of bytes: the first bytes of the file (its magic), the
zip central directory (sizes as declared, nothing is inflated) or a streamed scan of an OLE file.
For a workbook, ``check_office_zip(..., max_cells=N)`` also streams each worksheet part (1 MB at a
time, never a whole part in memory) and counts the cells a parser would create: ``<c>`` elements
plus the area of every ``<mergeCell ref=...>`` (openpyxl makes one object per merged cell, so one
short element can cost millions). The ``<dimension>`` a sheet declares is not trusted.
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

import codecs
import functools
import html
import os
import posixpath
import re
import sysconfig
import zipfile
import zlib
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
# A central directory entry is 46 bytes plus the name: 10 000 entries with long names fit in 4 MB.
# zipfile builds an object per entry before anything can count them (4 M entries: 20 s, 1.5 GB).
MAX_DIRECTORY_BYTES = 4 * 1024 * 1024
# Elements in all the XML parts of a document (python-docx and openpyxl build each one, about 150
# bytes apiece): a long report has a few hundred thousand; 10 M empty paragraphs took 1.5 GB.
MAX_XML_ELEMENTS = 2_000_000

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


_OWN_CODE = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep  # .../jixiao/
_STDLIB = tuple(os.path.abspath(sysconfig.get_paths()[k]) + os.sep for k in ("stdlib", "platstdlib"))


def library_failure(exc: BaseException) -> bool:
    """Whether ``exc`` was raised by a parsing library (the file is malformed: ``damaged``) rather
    than by jixiao's own code (a bug: an ``internal`` error the tests must see, never "damaged").

    The innermost frame of the traceback outside the standard library decides: a frame of jixiao
    means our code raised it (directly, or through the standard library it called)."""
    frames = []
    tb = exc.__traceback__
    while tb is not None:
        frames.append(tb.tb_frame.f_code.co_filename)
        tb = tb.tb_next
    for filename in reversed(frames):
        name = os.path.abspath(filename)
        if name.startswith(_STDLIB) and "site-packages" not in name:
            continue
        return not name.startswith(_OWN_CODE)
    return False


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


def check_office_zip(path: Path, kind: OfficeKind, max_cells: int | None = None) -> None:
    """Raise ``ReadError`` unless ``path`` looks like a sound, reasonably sized ``kind`` file.

    Reads the first bytes and the zip central directory; nothing is decompressed, except with
    ``max_cells`` (workbooks): then the worksheet parts are streamed and their cells counted
    (``too_large`` when the workbook holds more than ``max_cells``, see ``check_workbook_cells``).
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
    check_zip_directory(path)
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as e:
        raise fail(
            path,
            "damaged",
            f"文件已损坏（不是完整的 {label}），无法读取",
            f"the file is damaged (not a complete {label_en}): {e}",
        ) from e
    with zf:
        infos = zf.infolist()
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
        if max_cells is not None:
            check_workbook_cells(path, zf, max_cells)
        check_xml_elements(path, zf, infos)


def check_zip_directory(path: Path) -> None:
    """``too_large`` when the zip's central directory (as its end record states, read from the last
    64 KB) is over ``MAX_DIRECTORY_BYTES`` or lists more than ``MAX_ZIP_MEMBERS`` entries: refused
    before ``zipfile`` builds an object per entry. A zip without an end record is left to zipfile."""
    size = path.stat().st_size
    tail_size = min(size, 65_535 + 22)
    with path.open("rb") as f:
        f.seek(size - tail_size)
        tail = f.read(tail_size)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) < at + 22:
        return
    entries = int.from_bytes(tail[at + 10:at + 12], "little")
    directory = int.from_bytes(tail[at + 12:at + 16], "little")
    if directory > MAX_DIRECTORY_BYTES or (entries > MAX_ZIP_MEMBERS and entries != 0xFFFF):
        what = f"压缩包目录过大（{entries} 个条目、{directory // 1024} KB），不像是 Office 文档，已拒绝读取"
        raise fail(path, "too_large", what, f"zip directory too large: {entries} entries, {directory} bytes")


def check_xml_elements(path: Path, zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> None:
    """``too_large`` when the XML parts hold more than ``MAX_XML_ELEMENTS`` elements in all (start
    tags, counted on the inflated bytes 1 MB at a time; nothing is parsed). A part that cannot be
    inflated is left to the parser, which reports the damage."""
    xml = [i for i in infos if i.filename.endswith((".xml", ".rels", ".vml"))]
    if sum(i.file_size for i in xml) // 4 <= MAX_XML_ELEMENTS:
        return  # an element takes at least 4 bytes ("<a/>"): a document of ordinary size needs no count
    elements = 0
    for info in xml:
        try:
            with zf.open(info) as f:
                while chunk := f.read(_SCAN_CHUNK):
                    elements += chunk.count(b"<") - chunk.count(b"</") - chunk.count(b"<?") - chunk.count(b"<!")
                    if elements > MAX_XML_ELEMENTS:
                        raise fail(path, "too_large",
                                   f"文件内容的元素过多（超过 {MAX_XML_ELEMENTS} 个，疑似恶意构造），无法读取",
                                   f"more than {MAX_XML_ELEMENTS} XML elements ({info.filename})")
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError, RuntimeError, ValueError):
            continue


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
        if _lying_sizes(info):
            raise fail(path, "damaged",
                       f"压缩包目录中 {info.filename} 的大小与数据不符（文件已损坏或被恶意构造），无法读取",
                       f"{info.filename}: {info.compress_size} compressed bytes cannot hold {info.file_size} bytes")


def _lying_sizes(info: zipfile.ZipInfo) -> bool:
    """Whether the directory's sizes cannot both be true: deflate adds at most 5 bytes per 16 KB
    stored block (plus a few), a stored member's sizes are equal. zipfile inflates the whole
    compressed member before it cuts the output to the stated size (1 MB → 1 GiB, then cut)."""
    if info.compress_type == zipfile.ZIP_STORED:
        return info.compress_size != info.file_size
    if info.compress_type == zipfile.ZIP_DEFLATED:
        return info.compress_size > info.file_size + info.file_size // 1000 + 1024
    return False


# --- workbook cell count, before a parser builds the cells --------------------------------------

# openpyxl's order of preference when it looks for the workbook part in [Content_Types].xml
_WORKBOOK_TYPES = tuple(
    t % kind
    for t, kind in (
        ("application/vnd.ms-excel.%s.macroEnabled.main+xml", "template"),
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.%s.main+xml", "template"),
        ("application/vnd.ms-excel.%s.macroEnabled.main+xml", "sheet"),
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.%s.main+xml", "sheet"),
    )
)
_SMALL_PART_BYTES = 1024 * 1024  # content types, workbook and its relationships: a few KB
_MAX_TAG_BYTES = 64 * 1024  # a start tag longer than this is not something Excel writes
_PREFIX = rb"(?:[^\s<>/:=\"'!?]+:)?"  # any namespace prefix: the parser matches the namespace, not the prefix
_CELL_START = re.compile(b"<" + _PREFIX + rb"c[\s/>]")
_MERGE_TAG = re.compile(b"<" + _PREFIX + rb"mergeCell[\s/>][^<>]*")
_MERGE_START = re.compile(b"<" + _PREFIX + rb"mergeCell[\s/>]")
_MERGE_PLAIN = re.compile(rb'<mergeCell ref="([A-Z]{1,3})([0-9]{1,7}):([A-Z]{1,3})([0-9]{1,7})"/>')
_REF_ATTR = re.compile(rb"""(?<![^\s])ref\s*=\s*(?:"([^"<]*)"|'([^'<]*)')""")
_RANGE = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})(?::\$?([A-Za-z]{1,3})\$?([0-9]{1,7}))?")
_ATTR = re.compile(r"""([^\s=<>/"']+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


class _Unusual(Exception):
    """A worksheet part no spreadsheet program writes (DTD, endless merge tag)."""


def check_workbook_cells(path: Path, zf: zipfile.ZipFile, max_cells: int) -> None:
    """``too_large`` when the worksheets hold more than ``max_cells`` cells, merged cells included.

    The worksheet parts are found as openpyxl finds them ([Content_Types].xml → workbook part → its
    relationships → each ``<sheet r:id>``); when that cannot be followed, every part is counted.
    Each part is streamed 1 MB at a time. A part that cannot be inflated is left to the parser
    (which reports the damage); a DTD in a worksheet (entities can hide cells) is ``damaged``.
    """
    names = set(zf.namelist())
    try:
        parts = _sheet_parts(zf, names)
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError, RuntimeError, ValueError):
        parts = None
    if not parts:
        parts = [(name, name) for name in sorted(names)]
    # A cell takes at least 4 bytes ("<c/>"): when the parts are small, only merged areas can be
    # over the limit, and their cells need no counting (a normal workbook: merges only).
    bound = sum(zf.getinfo(target).file_size for target, _ in parts) // 4
    if bound <= max_cells and bound + _tally(path, zf, parts, max_cells, count_cells=False) <= max_cells:
        return
    _tally(path, zf, parts, max_cells, count_cells=True)


def _tally(path: Path, zf: zipfile.ZipFile, parts: list[tuple[str, str]], max_cells: int, count_cells: bool) -> int:
    """Cells (with ``count_cells``, else merged cells only) of all parts; raises once over ``max_cells``."""
    counted: dict[str, int] = {}
    total = 0
    for target, sheet in parts:
        n = counted.get(target)
        if n is None:
            try:
                n = counted[target] = _count_part_cells(zf, target, count_cells, max_cells - total)
            except _Unusual as e:
                raise fail(
                    path,
                    "damaged",
                    f"工作表“{sheet}”{e}（Excel/WPS 不会这样保存，疑似恶意构造的文件），无法读取",
                    f"worksheet {sheet!r}: unusual markup ({e})",
                ) from None
        total += n
        if total > max_cells:
            where = f"工作表“{sheet}”" if total == n else f"到工作表“{sheet}”为止，各工作表"
            raise fail(
                path,
                "too_large",
                f"{where}单元格过多（含合并单元格已数到 {total} 个，超过上限 {max_cells} 个），无法读取",
                f"too many cells: {total} counted up to sheet {sheet!r} (limit {max_cells})",
            )
    return total


def _sheet_parts(zf: zipfile.ZipFile, names: set[str]) -> list[tuple[str, str]] | None:
    """(part, sheet name) of each sheet as openpyxl resolves them; None when that cannot be followed."""
    types = _read_small(zf, names, "[Content_Types].xml")
    if types is None:
        return None
    overrides = {a.get("ContentType"): a.get("PartName", "") for a in _tags(types, "Override", "main")}
    workbook = next((overrides[t] for t in _WORKBOOK_TYPES if t in overrides), None)
    workbook = workbook[1:] if workbook else "xl/workbook.xml"
    folder, base = posixpath.split(workbook)
    rels_path = posixpath.join(folder, "_rels", f"{base}.rels")
    rels = _read_small(zf, names, rels_path)
    book = _read_small(zf, names, workbook)
    if rels is None or book is None:
        return None
    parent = posixpath.split(posixpath.dirname(rels_path))[0]
    targets: dict[str, str] = {}
    for a in _tags(rels, "Relationship"):
        target = a.get("Target", "")
        if a.get("TargetMode") == "External" or not target:
            continue
        targets[a.get("Id", "")] = target[1:] if target.startswith("/") else posixpath.normpath(
            posixpath.join(parent, target))
    parts = []
    for a in _tags(book, "sheet"):
        name = a.get("name", "")
        for key, value in a.items():
            if key.endswith(":id") and targets.get(value) in names:
                parts.append((targets[value], name))
    return parts or None


def _read_small(zf: zipfile.ZipFile, names: set[str], name: str) -> str | None:
    """A small XML part as text; None when missing or not small."""
    if name not in names or zf.getinfo(name).file_size > _SMALL_PART_BYTES:
        return None
    data = zf.read(name)
    return data.decode(_wide_encoding(data[:4]) or "utf-8", "replace")


def _tags(xml: str, local: str, needle: str = "") -> list[dict[str, str]]:
    """Attributes (entities resolved) of each ``<local>`` / ``<prefix:local>`` start tag (only those
    holding ``needle`` or an entity, when given)."""
    out = []
    for tag in re.findall(r"<(?:[^\s<>/:=\"'!?]+:)?" + local + r"[\s/>][^<>]*", xml):
        if needle in tag or "&" in tag:
            attrs = _ATTR.findall(tag)
            out.append({k: html.unescape(v1 or v2) if "&" in tag else v1 or v2 for k, v1, v2 in attrs})
    return out


def _wide_encoding(head: bytes) -> str | None:
    """UTF-16/32 of an XML part (by BOM, or by the NULs around its first "<"); None for ASCII-based ones."""
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if 0 not in head:
        return None
    width = "32" if head.count(0) >= 3 else "16"
    order = "be" if head[0] == 0 else "le"
    return f"utf-{width}-{order}"


def _count_part_cells(zf: zipfile.ZipFile, name: str, count_cells: bool, budget: int) -> int:
    """Merged cells of one part, plus its ``<c>`` elements with ``count_cells``. Stops once the count
    is over ``budget`` (the answer is then "too many", and a million-cell part is refused after
    inflating a fifth of it)."""
    cells = 0
    carry = b""
    try:
        with zf.open(name) as f:
            raw = f.read(_SCAN_CHUNK)
            wide = _wide_encoding(raw[:4])
            decoder = codecs.getincrementaldecoder(wide)(errors="replace") if wide else None
            while raw and cells <= budget:
                data = decoder.decode(raw).encode() if decoder else raw
                window = carry + data if carry else data
                cut = window.rfind(b"<")  # a tag is never split: it starts before the cut or in the carry
                if cut < 0:
                    seg, carry = window, b""
                else:
                    seg, carry = window[:cut], window[cut:]
                    if len(carry) > _MAX_TAG_BYTES:  # a long text, or one long tag: its start decides
                        if _MERGE_START.match(carry) and b">" not in carry:
                            raise _Unusual("含有超长的合并单元格标记")
                        seg, carry = window, b""
                cells += _count_segment(seg, count_cells)
                raw = f.read(_SCAN_CHUNK)
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError, RuntimeError, ValueError):
        pass  # damaged: the parser says so
    return cells + _count_segment(carry, count_cells)


def _count_segment(seg: bytes, count_cells: bool) -> int:
    """Cells in a run of whole tags: ``<c>`` elements (any prefix) and merged areas."""
    cells = 0
    if count_cells:
        if b":c" in seg:  # a namespace prefix (<x:c r="A1">): the parser matches the namespace
            cells = _CELL_START.subn(b"", seg)[1]
        else:
            cells = sum(seg.count(b"<c" + end) for end in (b" ", b">", b"/", b"\n", b"\t", b"\r"))
    if b"mergeCell" in seg:
        plain = _MERGE_PLAIN.findall(seg)  # how Excel writes them: <mergeCell ref="A1:B2"/>
        if len(plain) == seg.count(b"mergeCell") - seg.count(b"mergeCells"):
            col = _column
            cells += sum((abs(int(r2) - int(r1)) + 1) * (abs(col(c2) - col(c1)) + 1) for c1, r1, c2, r2 in plain)
        else:
            cells += sum(_merge_area(m.group()) for m in _MERGE_TAG.finditer(seg))
    if b"<!DOCTYPE" in seg:
        raise _Unusual("含有 DTD 声明")
    return cells


def _merge_area(tag: bytes) -> int:
    """Cells of the range in a ``<mergeCell ref=...>`` tag (0 when the parser would reject the ref)."""
    m = _REF_ATTR.search(tag)
    if m is None:
        return 0
    ref = html.unescape((m.group(1) or m.group(2) or b"").decode("utf-8", "replace"))
    r = _RANGE.fullmatch(ref)
    if r is None:
        return 0
    c1, r1 = _column(r.group(1)), int(r.group(2))
    c2, r2 = (_column(r.group(3)), int(r.group(4))) if r.group(3) else (c1, r1)
    return (abs(r2 - r1) + 1) * (abs(c2 - c1) + 1)


@functools.cache
def _column(letters: str | bytes) -> int:
    """1-based column index of "A".."XFD" (str or ASCII bytes)."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ch if isinstance(ch, int) else ord(ch)) - 64
    return n


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
