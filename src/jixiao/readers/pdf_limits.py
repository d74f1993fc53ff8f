"""Bounds on what reading one PDF may cost, checked before the expensive step.

pdfminer (under pdfplumber) trusts the file: it follows a reference that points at itself for ever,
inflates a 1 MB flate stream to 1 GiB in one call, turns every glyph of a show-text operator into a
layout object however many there are, and builds every page object before anyone can count them.
This module puts a bound on each, without changing what pdfminer reads from a sound file:

* **References**: ``PDFObjRef.resolve`` follows a chain of references itself and gives up after
  ``MAX_REFERENCE_CHAIN`` links (a loop such as ``4 0 obj 4 0 R`` made ``check`` spin for ever).
* **Inflated streams**: pdfminer's ``zlib`` is replaced by a shim whose ``decompress`` stops at
  ``MAX_STREAM_BYTES`` for one stream and charges the document's budget of
  ``MAX_INFLATED_BYTES``; a truncated stream gives what could be inflated (as pdfminer's own
  fallback did, without its byte-by-byte quadratic loop).
* **Objects per page and per document**: every glyph, path and image the layout analyser receives
  is counted; over ``MAX_PAGE_OBJECTS`` on a page or ``MAX_DOCUMENT_OBJECTS`` in the document, the
  read stops.
* **Pages**: ``precheck_pages`` scans the raw file for page-tree counts and page objects before
  pdfplumber parses it; ``count_pages`` walks the page tree lazily, stopping past the limit.
* **Ruling lines**: ``check_edges`` refuses a page whose ruling lines could meet in more than
  ``MAX_EDGE_CROSSINGS`` points before the table finder looks for cells.

Over any bound, ``PDFLimit`` is raised (pdfplumber wraps it in ``PdfminerException``); the reader
reports the file as ``too_large`` or, for a reference loop, ``damaged``. Limits apply only while a
``budget()`` is active (inside ``read_pdf``); the hooks are installed once, on import.
"""

from __future__ import annotations

import contextlib
import re
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

MAX_REFERENCE_CHAIN = 32
MAX_STREAM_BYTES = 64 * 1024 * 1024  # one inflated stream (an embedded CJK font is 10-20 MB)
MAX_INFLATED_BYTES = 256 * 1024 * 1024  # all the streams of one document
MAX_PAGE_OBJECTS = 40_000  # glyphs, paths and images on one page (a dense page has a few thousand)
MAX_DOCUMENT_OBJECTS = 2_000_000
MAX_EDGE_CROSSINGS = 250_000  # horizontal × vertical ruling lines of a page (a form has about 1 000)
_RAW_SCAN_CHUNK = 4 * 1024 * 1024


class PDFLimit(Exception):
    """A PDF over one of the bounds above. ``code`` is the ReadError code, ``zh`` the reason."""

    def __init__(self, code: str, zh: str, en: str) -> None:
        super().__init__(en)
        self.code, self.zh, self.en = code, zh, en


class _Budget:
    def __init__(self) -> None:
        self.inflated = 0
        self.objects = 0
        self.page_objects = 0


_local = threading.local()


def _current() -> _Budget | None:
    return getattr(_local, "budget", None)


@contextlib.contextmanager
def budget() -> Iterator[None]:
    """Enforce the per-document limits for the PDF read in this block (this thread)."""
    previous = _current()
    _local.budget = _Budget()
    try:
        yield
    finally:
        _local.budget = previous


# --------------------------------------------------------------------------------- the hooks


def _too_many_objects(where: str) -> PDFLimit:
    return PDFLimit("too_large", f"{where}的文字和图形对象过多（疑似恶意构造的文件），无法读取",
                    f"too many glyphs/paths {where}")


def _count_object() -> None:
    b = _current()
    if b is None:
        return
    b.objects += 1
    b.page_objects += 1
    if b.page_objects > MAX_PAGE_OBJECTS:
        raise _too_many_objects("一页上")
    if b.objects > MAX_DOCUMENT_OBJECTS:
        raise _too_many_objects("文件中")


class _BoundedZlib:
    """What pdfminer.pdftypes uses of ``zlib``, with bounded inflation."""

    error = zlib.error

    @staticmethod
    def decompress(data: bytes) -> bytes:
        d = zlib.decompressobj()
        out = d.decompress(data, MAX_STREAM_BYTES + 1)
        if len(out) > MAX_STREAM_BYTES or d.unconsumed_tail:
            raise PDFLimit("too_large", "PDF 中有解压后过大的数据流（疑似压缩炸弹），已拒绝读取",
                           f"a stream inflates to more than {MAX_STREAM_BYTES} bytes")
        if not d.eof and not out:
            raise zlib.error("incomplete or truncated stream")
        b = _current()
        if b is not None:
            b.inflated += len(out)
            if b.inflated > MAX_INFLATED_BYTES:
                raise PDFLimit("too_large", "PDF 的数据流解压后总量过大（疑似压缩炸弹），已拒绝读取",
                               f"streams inflate to more than {MAX_INFLATED_BYTES} bytes in all")
        return out

    @staticmethod
    def decompressobj(*args: Any, **kwargs: Any) -> Any:
        return zlib.decompressobj(*args, **kwargs)


def _install() -> None:
    from pdfminer import converter, pdftypes

    if getattr(pdftypes, "_jixiao_limits", False):
        return
    pdftypes._jixiao_limits = True  # type: ignore[attr-defined]
    pdftypes.zlib = _BoundedZlib  # type: ignore[assignment]

    resolve = pdftypes.PDFObjRef.resolve

    def bounded_resolve(self: Any, default: object = None) -> Any:
        x = resolve(self, default)
        links = 0
        while isinstance(x, pdftypes.PDFObjRef):
            links += 1
            if links > MAX_REFERENCE_CHAIN:
                raise PDFLimit("damaged", "PDF 中的对象引用成环或过深（文件已损坏或被恶意构造），无法读取",
                               f"reference chain over {MAX_REFERENCE_CHAIN} links (a loop?) at object {self.objid}")
            x = resolve(x, default)
        return x

    pdftypes.PDFObjRef.resolve = bounded_resolve  # type: ignore[method-assign]

    analyzer = converter.PDFLayoutAnalyzer
    begin_page, render_char = analyzer.begin_page, analyzer.render_char
    paint_path, render_image = analyzer.paint_path, analyzer.render_image

    def counted_begin_page(self: Any, *args: Any, **kwargs: Any) -> Any:
        b = _current()
        if b is not None:
            b.page_objects = 0
        return begin_page(self, *args, **kwargs)

    def counted_render_char(self: Any, *args: Any, **kwargs: Any) -> Any:
        _count_object()
        return render_char(self, *args, **kwargs)

    def counted_paint_path(self: Any, *args: Any, **kwargs: Any) -> Any:
        _count_object()
        return paint_path(self, *args, **kwargs)

    def counted_render_image(self: Any, *args: Any, **kwargs: Any) -> Any:
        _count_object()
        return render_image(self, *args, **kwargs)

    analyzer.begin_page = counted_begin_page  # type: ignore[method-assign]
    analyzer.render_char = counted_render_char  # type: ignore[method-assign]
    analyzer.paint_path = counted_paint_path  # type: ignore[method-assign]
    analyzer.render_image = counted_render_image  # type: ignore[method-assign]


_install()


# ------------------------------------------------------------------------------------- pages

_COUNT = re.compile(rb"/Count\s+(\d{1,12})")
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def _too_many_pages(pages: int | str, limit: int) -> PDFLimit:
    return PDFLimit("too_large", f"PDF 页数过多（{pages} 页，上限 {limit} 页），无法读取", "too many pages")


def precheck_pages(path: Path, limit: int) -> None:
    """Raise ``PDFLimit`` when the raw bytes (streamed, nothing parsed) show more than ``limit`` pages:
    a page tree that states a larger ``/Count``, or more page objects written in the open."""
    pages = 0
    carry = b""
    with path.open("rb") as f:
        while True:
            chunk = f.read(_RAW_SCAN_CHUNK)
            window = carry + chunk
            for m in _COUNT.finditer(window):
                n = int(m.group(1))
                near = window[max(0, m.start() - 400): m.end() + 400]
                if n > limit and (b"/Kids" in near or b"/Pages" in near):  # not an outline's /Count
                    raise _too_many_pages(n, limit)
            cut = max(0, len(window) - 64) if chunk else len(window)
            pages += sum(1 for m in _PAGE_OBJECT.finditer(window) if m.start() < cut)
            if pages > limit:
                raise _too_many_pages(f"至少 {pages}", limit)
            if not chunk:
                break
            carry = window[cut:]


def count_pages(doc: Any, limit: int) -> int:
    """Pages of the parsed document, walking the page tree lazily (pages in compressed object streams
    are seen only here) no further than ``limit`` + 1. Raises ``PDFLimit`` over ``limit``."""
    from pdfminer.pdfpage import PDFPage

    counted = 0
    for _ in PDFPage.create_pages(doc):
        counted += 1
        if counted > limit:
            raise _too_many_pages(f"超过 {limit}", limit)
    return counted


# ------------------------------------------------------------------------------------- lines


def check_edges(edges: list[dict[str, Any]], page_number: int) -> None:
    """Refuse a page whose ruling lines could cross in more than ``MAX_EDGE_CROSSINGS`` points."""
    h = sum(1 for e in edges if e.get("orientation") == "h")
    v = len(edges) - h
    if h * v > MAX_EDGE_CROSSINGS:
        zh = f"第 {page_number} 页的表格线过多（{h} 条横线、{v} 条竖线，疑似恶意构造），无法读取"
        raise PDFLimit("too_large", zh, f"page {page_number}: {h} x {v} ruling lines")


__all__ = ["MAX_PAGE_OBJECTS", "PDFLimit", "budget", "check_edges", "count_pages", "precheck_pages"]
