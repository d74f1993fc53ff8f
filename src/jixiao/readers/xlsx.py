"""Excel (.xlsx/.xlsm) → ``Document``: one ``Table`` per non-empty worksheet, ``name`` = sheet title.

Hidden sheets (lookup lists, scratch work) are left out unless no visible sheet has content.

Cell values are the cached results (``data_only=True``); a formula without a cached value is "".

* Merged cells: the top-left value is written into every covered cell (the merged range is clipped
  to the sheet's content box, so a title merged far to the right does not widen the table).
* The form need not start at A1: rows and columns that are empty everywhere are dropped (leading,
  trailing and in between — spacer columns and blank separator rows go away; columns stay aligned).
* Numbers: the shortest exact text at Excel's 15 significant digits (1070.07 → "1070.07",
  23.0 → "23", 0.1 + 0.2 → "0.3"). A number with a percent format is shown as Excel shows it:
  0.95 with ``0%`` → "95%", 0.7835 with ``0.00%`` → "78.35%" (decimals as the format says).
* Text is kept as typed (numbers stored as text stay text), stripped, "\\r\\n" → "\\n".
* Dates → "2023-01-31" (with " HH:MM:SS" when there is a time). Booleans → "TRUE"/"FALSE".

The workbook is opened in normal mode (read-only mode loses merged ranges), which costs openpyxl
about 600 bytes and 17 µs per cell, merged cells included. So before it opens the file,
``safety.check_office_zip`` checks the uncompressed size and counts the cells the worksheet parts
hold (streamed, without building them): over ``MAX_WORKBOOK_CELLS`` the file is ``too_large`` in
milliseconds (a 2 MB file of a million cells used to take 17 s and 630 MB). ``MAX_SHEET_CELLS``
bounds the trimmed grid after merges are filled in. Only cells present in the file are visited,
never the whole ``max_row × max_column`` rectangle. Running out of memory is ``too_large``, never
"damaged".
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
import zipfile
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from jixiao.model import ReadError
from jixiao.readers.blocks import Document, Table
from jixiao.readers.meta import words
from jixiao.readers.safety import check_office_zip, fail, library_failure

MAX_SHEET_CELLS = 2_000_000
# Cells stored in the file (every sheet, merged cells included) that openpyxl may build: about
# 120 MB and 3 s. A report form has a few hundred; a workbook with appendix tables, a few thousand.
MAX_WORKBOOK_CELLS = 200_000
MAX_SHEET_ROWS = 50_000

_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
_PERCENT_DECIMALS = re.compile(r"(?:\.([0#?]*))?%")


def read_xlsx(path: Path) -> Document:
    """Read every non-empty worksheet of an .xlsx/.xlsm as a ``Table`` named after the sheet.

    Raises ``ReadError`` (codes: not_found, empty, too_large, encrypted, legacy, not_office, damaged).
    """
    path = Path(path)
    check_office_zip(path, "xlsx", max_cells=MAX_WORKBOOK_CELLS)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about unsupported extensions, data validation…
            wb = openpyxl.load_workbook(path, data_only=True, read_only=False, keep_links=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError) as e:
        raise fail(path, "damaged", "文件已损坏（不是完整的 Excel 工作簿），无法读取", f"damaged xlsx: {e}") from e
    except MemoryError:
        raise  # too large for this process, not damaged (app.check_file says so)
    except Exception as e:  # what openpyxl raises on a malformed file is damage; our bugs are not
        if not library_failure(e):
            raise  # an internal error (app.check_file), which the fuzz tests reject
        raise fail(path, "damaged", "文件已损坏，无法按 Excel 工作簿读取", f"damaged xlsx: {e!r}") from e
    try:
        visible: list[Table] = []
        hidden: list[Table] = []
        tool_sheets = set(words()["page"]["tool_sheets"])
        for ws in wb.worksheets:  # chartsheets have no cells
            if ws.title in tool_sheets:
                continue  # the figures this tool computed on a form it wrote: not the unit's
            rows = sheet_rows(ws, path)
            if rows:
                (visible if ws.sheet_state == "visible" else hidden).append(Table(rows=rows, name=ws.title))
    except (ReadError, MemoryError):
        raise
    except Exception as e:
        if not library_failure(e):
            raise  # a bug in sheet_rows is an internal error, never "damaged"
        raise fail(path, "damaged", "工作簿内容结构异常，无法按 Excel 工作簿读取", f"bad xlsx structure: {e!r}") from e
    finally:
        wb.close()
    # hidden sheets hold lookup lists and scratch work; they count only when nothing is visible
    return Document(blocks=list(visible or hidden))


def sheet_rows(ws: Worksheet, path: Path) -> list[list[str]]:
    """The sheet's content as rows of text, merges filled, empty rows/columns dropped."""
    texts: dict[tuple[int, int], str] = {}
    for (r, c), cell in ws._cells.items():  # only the cells stored in the file
        value = cell.value
        # the number format (a style lookup) matters to numbers only
        text = cell_text(value, cell.number_format if isinstance(value, int | float | Decimal) else None)
        if text:
            texts[(r, c)] = text
    if not texts:
        return []
    min_r = min(r for r, _ in texts)
    max_r = max(r for r, _ in texts)
    min_c = min(c for _, c in texts)
    max_c = max(c for _, c in texts)
    for rng in ws.merged_cells.ranges:
        value = texts.get((rng.min_row, rng.min_col))
        if not value:
            continue
        r0, r1 = max(rng.min_row, min_r), min(rng.max_row, max_r)
        c0, c1 = max(rng.min_col, min_c), min(rng.max_col, max_c)
        if (r1 - r0 + 1) * (c1 - c0 + 1) > MAX_SHEET_CELLS:
            raise _too_large(path, ws.title)
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                texts[(r, c)] = value
    row_ids = sorted({r for r, _ in texts})
    col_ids = sorted({c for _, c in texts})
    if len(row_ids) > MAX_SHEET_ROWS or len(row_ids) * len(col_ids) > MAX_SHEET_CELLS:
        raise _too_large(path, ws.title)
    return [[texts.get((r, c), "") for c in col_ids] for r in row_ids]


def _too_large(path: Path, sheet: str) -> Exception:
    return fail(
        path,
        "too_large",
        f"工作表“{sheet}”内容过多（超过 {MAX_SHEET_ROWS} 行或 {MAX_SHEET_CELLS} 个单元格），无法读取",
        f"sheet {sheet!r} is too large",
    )


def cell_text(value: Any, number_format: str | None = None) -> str:
    """The text of one cell value as a reader of the sheet would take it (see module docstring)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float | Decimal):
        return number_text(value, number_format)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def number_text(value: int | float | Decimal, number_format: str | None = None) -> str:
    """Exact short text of a number; percent formats give "95%" with the format's decimals."""
    try:
        if isinstance(value, float):
            if value != value or value in (float("inf"), float("-inf")):
                return ""
            d = Decimal(f"{value:.15g}")
        else:
            d = Decimal(value)
    except (InvalidOperation, ValueError):
        return str(value)
    decimals = percent_decimals(number_format)
    if decimals is not None:
        d = (d * 100).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        return _plain(d, keep_zeros=True) + "%"
    return _plain(d)


def _plain(d: Decimal, keep_zeros: bool = False) -> str:
    if d == 0:
        d = abs(d)
    if not keep_zeros:
        d = d.normalize()
    text = format(d, "f")
    return text


def percent_decimals(number_format: str | None) -> int | None:
    """How many decimals a percent number format shows; None when it is not a percent format."""
    if not number_format or "%" not in number_format:
        return None
    section = number_format.split(";")[0]
    section = _QUOTED.sub("", section)
    m = _PERCENT_DECIMALS.search(section)
    if m is None:
        return None
    return len(m.group(1) or "")
