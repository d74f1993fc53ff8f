"""Plain-text reports → ``Document``.

Decodes whatever a Windows office machine writes (UTF-8 with or without BOM, UTF-16 with or without
BOM, GB18030/GBK) without asking, then finds the tables in the two layouts seen in practice:

- one cell per line, rows separated by blank lines, empty cells as blank lines (text extracted from
  Word; cells are often prefixed with a tab, which tells an empty cell from a row break);
- one row per line, cells separated by tabs, by ``|`` or by runs of spaces (text pasted from a PDF
  or a spreadsheet).

Everything else becomes one ``Paragraph`` per non-empty line.
"""

from __future__ import annotations

import codecs
import re

from jixiao.model import ReadError
from jixiao.readers.blocks import Document, Paragraph, Table
from jixiao.readers.headers import header_map, header_maps, is_header_word, is_indicator_header
from jixiao.values import parse_operator, parse_value

_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])")
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}")
_SPACES = re.compile(r"[ \u3000]{2,}")


def decode(data: bytes, name: str = "") -> str:
    """Bytes → text, detecting the encoding. Raises ReadError for empty or binary input."""
    label = f"{name}：" if name else ""
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise ReadError("empty", f"{label}文件为空，没有可读的内容", "the file is empty")
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    head = data[:4096]
    zeros_even = head[0::2].count(0)
    zeros_odd = head[1::2].count(0)
    half = max(len(head) // 2, 1)
    if zeros_odd > half * 0.2 and zeros_even < half * 0.05:
        return data.decode("utf-16-le", errors="replace")
    if zeros_even > half * 0.2 and zeros_odd < half * 0.05:
        return data.decode("utf-16-be", errors="replace")
    if b"\x00" in head or _binary_share(head) > 0.1:
        raise ReadError("binary", f"{label}不是文本文件（含二进制内容），无法作为报告读取",
                        "binary content, not a text report")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace")


# Every byte but the control characters text does not contain (all below 32 except tab, LF, FF, CR, ESC).
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 32 and b not in (9, 10, 12, 13, 27)))


def _binary_share(head: bytes) -> float:
    if not head:
        return 0.0
    ctrl = len(head.translate(None, _NOT_CONTROL))
    return ctrl / len(head)


def _split_row(line: str) -> tuple[str, list[str]] | None:
    """(delimiter, cells) when a line looks like a row of several cells, else None."""
    s = line.strip("\r\n")
    if "|" in s and s.strip().count("|") >= 2:
        inner = s.strip()
        inner = inner[1:] if inner.startswith("|") else inner
        inner = inner[:-1] if inner.endswith("|") else inner
        return "|", [c.strip() for c in inner.split("|")]
    core = s.strip()
    if "\t" in core:
        cells = [c.strip() for c in s.split("\t")]
        while cells and not cells[-1]:
            cells.pop()
        return "\t", cells
    if _SPACES.search(core):
        return " ", [c.strip() for c in _SPACES.split(core)]
    return None


def _row_header(line: str) -> tuple[str, list[str], dict[str, int]] | None:
    split = _split_row(line)
    if split is None:
        return None
    delim, cells = split
    if sum(1 for c in cells if c) < 3:
        return None
    imap, fmap = header_maps(cells)
    m = imap or fmap
    if m is None:
        return None
    return delim, cells, m


def _fit_spaced_row(cells: list[str], header: list[str], hmap: dict[str, int]) -> list[str]:
    """Re-align a space-separated row that lost empty cells (no unit, no reason…)."""
    n = len(header)
    if len(cells) >= n:
        return cells
    cells = list(cells)
    unit_i = hmap.get("unit")
    op_i = hmap.get("operator")
    if unit_i is not None and unit_i < len(cells) and op_i is not None and op_i < len(cells):
        # a qualitative row usually has no unit: the cell now at the unit position is the actual
        is_qual = parse_operator(cells[op_i]) == "qualitative"
        shifted = parse_value(cells[unit_i]).number is not None and unit_i + 1 == len(cells)
        if is_qual or shifted:
            cells.insert(unit_i, "")
    return cells + [""] * (n - len(cells))


def _read_row_table(lines: list[str], i: int, delim: str, header: list[str],
                    hmap: dict[str, int]) -> tuple[Table, int]:
    rows = [header]
    moved: set[int] = set()
    name_i = hmap.get("name")
    j = i + 1
    while j < len(lines):
        raw = lines[j]
        if not raw.strip():
            # a blank line ends the table unless the next non-blank line is a row of it
            k = j + 1
            while k < len(lines) and not lines[k].strip():
                k += 1
            nxt = _split_row(lines[k]) if k < len(lines) else None
            if nxt is None or nxt[0] != delim:
                break
            j = k
            continue
        if delim == "|" and _PIPE_RULE.match(raw):
            j += 1
            continue
        split = _split_row(raw)
        if split is None or split[0] != delim:
            if _HEADING.match(raw) or name_i is None or len(rows) == 1:
                break
            # a wrapped continuation of the previous row's name (PDF text)
            prev = rows[-1]
            if name_i < len(prev):
                prev[name_i] += raw.strip()
            j += 1
            continue
        cells = split[1]
        if delim == " ":
            fitted = _fit_spaced_row(cells, header, hmap)
            if fitted[: len(cells)] != cells:
                moved.add(len(rows))
            cells = fitted
        rows.append(cells)
        j += 1
    return Table(rows=rows, realigned=moved), j


def _cell_header_run(lines: list[str], i: int) -> int:
    """Length of a run of one-header-word-per-line lines starting at i (0 if none)."""
    n = 0
    while i + n < len(lines) and lines[i + n].strip() and is_header_word(lines[i + n]):
        n += 1
    if n < 3:
        return 0
    cells = [lines[i + k].strip() for k in range(n)]
    if any(header_maps(cells)):
        return n
    return 0


def _read_cell_table(lines: list[str], i: int, n: int) -> tuple[Table, int]:
    header = [lines[i + k].strip() for k in range(n)]
    tabbed = all(lines[i + k].startswith("\t") for k in range(n))
    rows = [header]
    j = i + n
    if tabbed:
        # cells start with a tab; an empty line separates rows; "\t" alone is an empty cell
        current: list[str] = []
        while j < len(lines):
            raw = lines[j]
            if raw.startswith("\t"):
                current.append(raw.strip())
            elif not raw.strip():
                if current:
                    rows.append(current)
                    current = []
            else:
                break
            j += 1
        if current:
            rows.append(current)
        return Table(rows=rows), j
    # plain cells: each row is exactly n lines (blank = empty cell), rows separated by a blank line.
    # A row may start with empty cells (merged 一级/二级), so the separator is one blank line and the
    # row start is the first alignment whose n cells are followed by a blank line (or the end) and
    # whose name cell is filled.
    hmap = is_indicator_header(header) or {}
    name_i = hmap.get("name")

    def row_at(start: int) -> list[str] | None:
        if start + n > len(lines):
            return None
        chunk = [lines[start + k].strip() for k in range(n)]
        if not any(chunk) or _HEADING.match(chunk[0]) or len(chunk[0]) > 60:
            return None
        if start + n < len(lines) and lines[start + n].strip():
            return None  # not followed by a separator: the table ended before it
        if name_i is not None and not chunk[name_i] and not any(chunk[name_i + 1:]):
            return None
        return chunk

    while j < len(lines) and not lines[j].strip():
        j += 1
    j -= 1  # as if a separator preceded the first row
    while j < len(lines):
        found = None
        for skip in (1, 2, 3):
            if j + skip < len(lines) and all(not lines[j + k].strip() for k in range(1, skip)):
                chunk = row_at(j + skip)
                if chunk is not None:
                    found = (skip, chunk)
                    break
        if found is None:
            break
        skip, chunk = found
        rows.append(chunk)
        j += skip + n
    return Table(rows=rows), j + 1 if j < len(lines) else j


def parse_text(text: str) -> Document:
    """Text → Document (paragraphs and tables in order)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    lines = text.split("\n")
    blocks: list[Paragraph | Table] = []
    i = 0
    while i < len(lines):
        raw = lines[i]
        if not raw.strip():
            i += 1
            continue
        n = _cell_header_run(lines, i)
        if n:
            table, i = _read_cell_table(lines, i, n)
            blocks.append(table)
            continue
        row = _row_header(raw)
        if row is not None:
            delim, header, hmap = row
            if delim == " ":
                header = [c for c in header if c]
                full = header_map(header, "indicator")
                hmap = full if "name" in full else hmap
            table, i = _read_row_table(lines, i, delim, header, hmap)
            blocks.append(table)
            continue
        blocks.append(Paragraph(raw.strip()))
        i += 1
    return Document(blocks=blocks)


def read_text_bytes(data: bytes, name: str = "") -> Document:
    return parse_text(decode(data, name))
