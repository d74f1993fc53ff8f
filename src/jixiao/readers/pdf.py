"""Text PDF → ``Document`` (pdfplumber).

Per page, top to bottom:

* Tables are found from the ruling lines (``lines`` strategy). A second pass closes each table's
  top and bottom edge, because a cell that continues on the next page is drawn without its bottom
  border and would otherwise be lost. When a page has no ruled table, the ``text`` strategy is
  tried and its result kept only when it looks like a table (≥ 3 columns, most rows with ≥ 2 cells).
* Cells are laid out on the table's grid like the Word reader does: a merged cell repeats its text in
  every row and column it covers. Text wrapped inside a cell is joined: without a space when either
  side of the break is CJK ("系统验收\\n合格率" → "系统验收合格率"), with one space otherwise.
  Entirely blank rows are dropped.
* Text outside tables becomes one ``Paragraph`` per line, placed among the tables by position.
  Page numbers in the top/bottom margin ("第 1 页", "- 1 -", "1/3") are dropped.

A table that ends a page and a table that starts the next page with the same number of columns are
one table: the continuation's leading rows that repeat rows of the first part (a repeated header)
are dropped, and a vertically merged cell cut by the page break (empty at the top of the
continuation) carries the text it had on the previous page.

A PDF without any text layer raises ``ReadError("scanned")``. Other codes: not_found, empty,
too_large (file size or more than ``MAX_PAGES`` pages), encrypted, damaged.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from jixiao.model import ReadError
from jixiao.readers import pdf_limits, pdf_tables
from jixiao.readers.blocks import Document, Paragraph, Table
from jixiao.readers.pdf_limits import PDFLimit
from jixiao.readers.safety import check_pdf_file, fail, library_failure

MAX_PAGES = 500
MAX_HEADER_REPEAT_ROWS = 3
MARGIN_FRACTION = 0.08  # top/bottom band of a page where page numbers live

TEXT_SETTINGS: dict[str, Any] = {"vertical_strategy": "text", "horizontal_strategy": "text"}

_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|\d+|"
    r"page\s*\d+(?:\s*of\s*\d+)?)\s*$",
    re.IGNORECASE,
)

for _name in ("pdfminer", "pdfplumber"):
    logging.getLogger(_name).setLevel(logging.ERROR)


@dataclass
class _PageTable:
    rows: list[list[str]]
    boxes: list[list[int]]  # per position: index of the cell box covering it (-1 none)
    box_rows: dict[int, int]  # box index → number of rows it spans
    top: float
    bottom: float

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


@dataclass
class _Page:
    blocks: list[Paragraph | _PageTable] = field(default_factory=list)


def read_pdf(path: Path) -> Document:
    """Read a text PDF into paragraphs (one per line) and tables, in reading order."""
    path = Path(path)
    check_pdf_file(path)
    pages: list[_Page] = []
    chars = 0
    try:
        pdf_limits.precheck_pages(path, MAX_PAGES)
        with pdf_limits.budget(), _opened(path) as pdf:
            if pdf_limits.count_pages(pdf.doc, MAX_PAGES) == 0:
                raise fail(path, "damaged", "PDF 文件已损坏（没有任何页面），无法读取", "no pages")
            for page in pdf.pages:
                chars += len(page.chars)
                pages.append(_read_page(page))
                page.close()  # frees the page's parsed objects
    except MemoryError:
        raise  # not damage: the caller reports it as too large to read (app.check_file)
    except PDFLimit as e:
        raise fail(path, e.code, e.zh, e.en) from e
    except PdfminerException as e:
        cause = e.args[0] if e.args else e
        if isinstance(cause, MemoryError):
            raise MemoryError(str(cause)) from e
        if isinstance(cause, PDFLimit):
            raise fail(path, cause.code, cause.zh, cause.en) from e
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            raise _encrypted(path) from e
        if isinstance(cause, BaseException) and not library_failure(cause):
            raise cause from e  # a bug of ours inside pdfminer's call: an internal error, not damage
        raise fail(path, "damaged", "PDF 文件已损坏，无法读取", f"damaged PDF: {cause!r}") from e
    except (PDFPasswordIncorrect, PDFEncryptionError) as e:
        raise _encrypted(path) from e
    except (PDFSyntaxError, PSException) as e:
        raise fail(path, "damaged", "PDF 文件已损坏，无法读取", f"damaged PDF: {e}") from e
    except ReadError:
        raise
    except Exception as e:
        if not library_failure(e):
            raise  # a bug in the reader is an internal error, never "damaged" (app.check_file)
        raise fail(path, "damaged", "PDF 文件已损坏，无法读取", f"damaged PDF: {e!r}") from e
    if chars == 0:
        raise fail(
            path,
            "scanned",
            "PDF 是扫描件（没有文字层），无法直接读取，请先进行文字识别（OCR）或提供 Word/Excel 原件",
            "scanned PDF without a text layer; run OCR first",
        )
    return Document(blocks=_merge_pages(pages))


@contextlib.contextmanager
def _opened(path: Path) -> Iterator[Any]:
    """``pdfplumber.open`` without its ``close``, which builds every page (all 100 000 of a page bomb
    that was just refused) in order to close them: the pages read are closed one by one already."""
    pdf = pdfplumber.open(path)
    try:
        yield pdf
    finally:
        pdf.flush_cache()
        if not pdf.stream_is_external:
            pdf.stream.close()


def _encrypted(path: Path) -> Exception:
    return fail(
        path, "encrypted", "PDF 设置了打开密码（已加密），无法读取，请提供未加密的文件", "the PDF is encrypted"
    )


# ------------------------------------------------------------------------------------------ a page


def _read_page(page: Any) -> _Page:
    tables = _find_tables(page)
    bboxes = [t.bbox for t in tables]
    placed: list[tuple[float, Paragraph | _PageTable]] = [(t.top, t) for t in map(_layout, tables)]
    if bboxes:

        def outside(obj: dict[str, Any]) -> bool:
            if obj.get("object_type") != "char":
                return True
            cx = (obj["x0"] + obj["x1"]) / 2
            cy = (obj["top"] + obj["bottom"]) / 2
            return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in bboxes)

        text_page = page.filter(outside)
    else:
        text_page = page
    height = float(page.height)
    lines: list[tuple[float, float, float, str]] = []
    for line in text_page.extract_text_lines(strip=True, return_chars=False):
        text = line["text"]
        if not text:
            continue
        top = float(line["top"])
        in_margin = top < height * MARGIN_FRACTION or top > height * (1 - MARGIN_FRACTION)
        if in_margin and _PAGE_NUMBER.match(text):
            continue
        lines.append((top, float(line["x0"]), float(line["x1"]), text))
    placed.extend((top, Paragraph(text)) for top, text in _join_paragraph_lines(lines, placed))
    placed.sort(key=lambda p: p[0])
    return _Page(blocks=[b for _, b in placed if not isinstance(b, _PageTable) or b.rows])


_HEADING_START = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、．])")
_PARAGRAPH_END = tuple("。；;！？!?")


def _join_paragraph_lines(lines: list[tuple[float, float, float, str]],
                          tables: list[tuple[float, Paragraph | _PageTable]]) -> list[tuple[float, str]]:
    """Join the lines of a paragraph that wrapped at the right margin back into one paragraph.

    A line continues the previous one when the previous line ran to the right edge of the text, did
    not end a sentence, and the line itself is not indented, not a heading, not after a table and not
    after a gap of more than three character heights.
    """
    if not lines:
        return []
    right = max(x1 for _, _, x1, _ in lines)
    left = min(x0 for _, x0, _, _ in lines)
    widths = sorted((x1 - x0) / max(len(t), 1) for _, x0, x1, t in lines)
    char = widths[len(widths) // 2] or 10.0
    table_tops = [top for top, b in tables if isinstance(b, _PageTable)]
    out: list[tuple[float, str]] = []
    prev: tuple[float, float, float, str] | None = None
    for line in lines:
        top, x0, _x1, text = line
        if (
            prev is not None
            and prev[2] >= right - 1.5 * char
            and not prev[3].endswith(_PARAGRAPH_END)
            and x0 <= left + 0.8 * char
            and not _HEADING_START.match(text)
            and not any(prev[0] < t < top for t in table_tops)
            and top - prev[0] <= 3 * char  # a wide vertical gap (a title above its addressee) ends a paragraph
        ):
            last_top, last_text = out[-1]
            out[-1] = (last_top, _join(last_text, text))
        else:
            out.append((top, text))
        prev = line
    return out


def _find_tables(page: Any) -> list[Any]:
    edges = pdf_tables.page_edges(page)
    pdf_limits.check_edges(edges, page.page_number)  # before the table finder meets every pair of lines
    tables = pdf_tables.find_tables(page, edges) if edges else []
    if tables:
        closing = []
        for t in tables:
            x0, top, x1, bottom = t.bbox
            for y in (top, bottom):
                closing.append(
                    {"object_type": "line", "x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0,
                     "height": 0}
                )
        return pdf_tables.find_tables(page, edges, closing)
    found = []
    for bbox in _text_table_regions(page):
        candidates = page.crop(bbox, strict=False).find_tables(TEXT_SETTINGS)
        found.extend(t for t in candidates if _looks_like_table(t.extract()))
    return found


def _text_table_regions(page: Any) -> list[tuple[float, float, float, float]]:
    """Boxes around runs of ≥ 3 consecutive lines whose words are separated by wide gaps.

    The text strategy run on a whole page lets the left margin of the prose swallow every column,
    so it is only run on these regions.
    """
    words = sorted(page.extract_words(x_tolerance=3, y_tolerance=3), key=lambda w: (w["top"], w["x0"]))
    lines: list[list[dict[str, Any]]] = []
    for w in words:
        if lines and abs(w["top"] - lines[-1][0]["top"]) <= 3:
            lines[-1].append(w)
        else:
            lines.append([w])
    regions: list[tuple[float, float, float, float]] = []
    run: list[list[dict[str, Any]]] = []
    for line in [*lines, []]:
        line.sort(key=lambda w: w["x0"])
        gaps = sum(
            1
            for a, b in itertools.pairwise(line)
            if b["x0"] - a["x1"] >= max(8.0, 1.2 * (a["bottom"] - a["top"]))
        )
        if gaps >= 1:
            run.append(line)
            continue
        if len(run) >= 3:
            flat = [w for ln in run for w in ln]
            regions.append((
                max(float(page.bbox[0]), min(w["x0"] for w in flat) - 2),
                max(float(page.bbox[1]), min(w["top"] for w in flat) - 2),
                min(float(page.bbox[2]), max(w["x1"] for w in flat) + 2),
                min(float(page.bbox[3]), max(w["bottom"] for w in flat) + 2),
            ))
        run = []
    return regions


def _looks_like_table(table_rows: list[list[str | None]]) -> bool:
    rows = [r for r in table_rows if any(c and c.strip() for c in r)]
    if len(rows) < 3 or max((len(r) for r in rows), default=0) < 3:
        return False
    multi = sum(1 for r in rows if sum(1 for c in r if c and c.strip()) >= 2)
    return multi >= 0.6 * len(rows)


def _layout(table: Any) -> _PageTable:
    """The table on its grid: merged boxes repeat their text in every covered position."""
    extracted = pdf_tables.extract(table, table.page.chars)
    rows_cells = [row.cells for row in table.rows]
    n_rows = len(rows_cells)
    n_cols = max((len(r) for r in rows_cells), default=0)
    boxes = list(table.cells)
    index = {tuple(b): k for k, b in enumerate(boxes)}
    xs = sorted({b[0] for b in boxes})
    col_right = [xs[c + 1] if c + 1 < len(xs) else max(b[2] for b in boxes) for c in range(len(xs))]
    tops = [next(c for c in r if c is not None)[1] for r in rows_cells]
    row_bottom = [tops[r + 1] if r + 1 < n_rows else max(b[3] for b in boxes) for r in range(n_rows)]

    box_text: dict[int, str] = {}
    box_rows: dict[int, int] = {}
    grid_ids = [[-1] * n_cols for _ in range(n_rows)]
    for r, cells in enumerate(rows_cells):
        for c, cell in enumerate(cells):
            if cell is not None:
                k = index[tuple(cell)]
                grid_ids[r][c] = k
                raw = extracted[r][c] if r < len(extracted) and c < len(extracted[r]) else None
                box_text[k] = join_wrapped(raw or "")
    for r in range(n_rows):
        cy = (tops[r] + row_bottom[r]) / 2
        for c in range(n_cols):
            if grid_ids[r][c] != -1 or c >= len(xs):
                continue
            cx = (xs[c] + col_right[c]) / 2
            for k, (x0, top, x1, bottom) in enumerate(boxes):
                if x0 <= cx <= x1 and top <= cy <= bottom:
                    grid_ids[r][c] = k
                    break
    for r in range(n_rows):
        for k in set(grid_ids[r]):
            if k != -1:
                box_rows[k] = box_rows.get(k, 0) + 1
    rows: list[list[str]] = []
    ids: list[list[int]] = []
    for r in range(n_rows):
        row = [box_text.get(k, "") for k in grid_ids[r]]
        if any(t.strip() for t in row):
            rows.append(row)
            ids.append(grid_ids[r])
    x0, top, x1, bottom = table.bbox
    return _PageTable(rows=rows, boxes=ids, box_rows=box_rows, top=float(top), bottom=float(bottom))


def _join(before: str, after: str) -> str:
    """Two wrapped lines (or parts of a cell) as one: a space between them only between two words of
    Latin letters. CJK text has no spaces, and a number wrapped inside itself ("83" / ".75%") must
    stay whole."""
    if not before or not after:
        return before + after
    latin = before[-1].isascii() and before[-1].isalpha() and after[0].isascii() and after[0].isalpha()
    return before + " " + after if latin else before + after


def join_wrapped(text: str) -> str:
    """Join the lines of a wrapped cell (see ``_join``: a space only between two Latin words)."""
    out = ""
    for line in text.split("\n"):
        out = _join(out, line.strip())
    return out


# ---------------------------------------------------------------------------------- across pages


def _merge_pages(pages: list[_Page]) -> list[Paragraph | Table]:
    merged: list[Paragraph | _PageTable] = []
    for n, page in enumerate(pages):
        blocks = list(page.blocks)
        if (
            n > 0
            and blocks
            and merged
            and pages[n - 1].blocks
            and isinstance(blocks[0], _PageTable)
            and isinstance(merged[-1], _PageTable)
            and merged[-1] is pages[n - 1].blocks[-1]
            and blocks[0].width == merged[-1].width
        ):
            _continue_table(merged[-1], blocks[0])
            blocks = blocks[1:]
            page.blocks = [merged[-1], *blocks]  # the merged table is now this page's first block
            merged.extend(blocks)
            if not blocks:
                page.blocks = [merged[-1]]
        else:
            merged.extend(blocks)
    return [Table(rows=b.rows) if isinstance(b, _PageTable) else b for b in merged]


def _split_row_cells(first: _PageTable, cont: _PageTable, row: list[str], row_ids: list[int]) -> list[int]:
    """When the continuation's first row is the rest of the previous page's last row, its columns
    that are single cells on both sides (their text continues the previous page's); else [].

    Word and LibreOffice let a row break across pages: the cells whose text fitted (the indicator's
    name, target, actual) are empty on the next page, the long ones (a deviation reason) go on. Both
    parts are ruled, so the lines do not tell; the text does: among the cells that are single cells
    on both sides (not merged over several rows), the first that has text on the previous page is
    empty here, and some other is not, and more of them emptied than went on. A new row always
    starts with that cell filled (an indicator without a name is no indicator); a new row under a
    merged cell cut by the page (its text on the previous page only) has just that one cell empty and
    the rest of its cells filled.
    """
    last_text, last_ids = first.rows[-1], first.boxes[-1]
    single = [
        c for c in range(min(len(row), len(last_text)))
        if row_ids[c] != -1 and first.box_rows.get(last_ids[c], 1) == 1 and cont.box_rows.get(row_ids[c], 1) == 1
    ]
    lead = next((c for c in single if last_text[c]), None)
    if lead is None or row[lead]:
        return []
    emptied = sum(1 for c in single if last_text[c] and not row[c])
    went_on = sum(1 for c in single if row[c])
    return single if 0 < went_on < emptied else []


def _continue_table(first: _PageTable, cont: _PageTable) -> None:
    """Append ``cont`` (the part on the next page) to ``first``, in place."""
    skip = 0
    while skip < min(MAX_HEADER_REPEAT_ROWS, len(cont.rows)) and cont.rows[skip] in first.rows:
        skip += 1
    rows = [list(r) for r in cont.rows[skip:]]
    ids = cont.boxes[skip:]
    if rows and first.rows:
        last_text, last_ids = first.rows[-1], first.boxes[-1]
        for c in range(min(len(rows[0]), len(last_text))):
            if rows[0][c] or not last_text[c]:
                continue
            box = ids[0][c]
            spans = first.box_rows.get(last_ids[c], 1) > 1 or cont.box_rows.get(box, 1) > 1
            if not spans or box == -1:
                continue
            for r in range(len(rows)):  # carry the cut cell's text over its continuation
                for k in range(len(rows[r])):
                    if ids[r][k] == box:
                        rows[r][k] = last_text[c]
        split = _split_row_cells(first, cont, rows[0], ids[0])
        if split:
            for c in split:
                text = rows[0][c]
                if text:
                    last_text[c] = _join(last_text[c], text)
            for k in set(ids[0]):  # the row is gone: merged cells through it cover one row less
                if k != -1 and cont.box_rows.get(k, 1) > 1:
                    cont.box_rows[k] -= 1
            rows, ids = rows[1:], ids[1:]
    offset = max(first.box_rows, default=-1) + 1  # keep box ids of the two parts apart
    first.rows.extend(rows)
    first.boxes.extend([offset + k if k != -1 else -1 for k in row] for row in ids)
    first.box_rows.update({offset + k: v for k, v in cont.box_rows.items()})
    first.bottom = cont.bottom
