"""Word (.docx) → ``Document``.

The body's children are walked in order, so paragraphs and tables interleave as in the file.
Content controls (``w:sdt``) and ``w:customXml`` wrappers are looked through.

Tables are laid out on the table grid: every row has one entry per grid column, so columns stay
aligned whatever the merges.

* A horizontally merged cell (``gridSpan``) repeats its text in every grid column it covers.
* A vertically merged cell (``vMerge`` continue) repeats the text of the cell above it.
  So a merged cell carries its text in every position it covers (never "").
* ``gridBefore``/``gridAfter`` (rows that start late or end early) give "" cells.
* A cell's paragraphs are joined with "\\n"; a table nested in a cell is flattened into lines
  (one line per nested row, its cells joined with a space).
* Rows and paragraphs that are entirely blank are dropped.

Paragraph text includes runs inside hyperlinks, fields, tracked insertions and smart tags; deleted
text and ``mc:Fallback`` copies are left out. A text box's paragraphs and tables (a cover page's
title, a note beside a table) follow the paragraph that anchors it. ``w:tab`` → "\\t", ``w:br``/``w:cr`` → "\\n".
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.packuri import PACKAGE_URI
from docx.opc.phys_pkg import PhysPkgReader
from docx.opc.pkgreader import _SerializedRelationships
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree

from jixiao.readers.blocks import Document, Paragraph, Table
from jixiao.readers.safety import check_office_zip, fail, library_failure

_P = qn("w:p")
_TBL = qn("w:tbl")
_TR = qn("w:tr")
_TC = qn("w:tc")
_SDT = qn("w:sdt")
_SDT_CONTENT = qn("w:sdtContent")
_CUSTOM_XML = qn("w:customXml")
_T = qn("w:t")
_TAB = qn("w:tab")
_BR = qn("w:br")
_CR = qn("w:cr")
_NB_HYPHEN = qn("w:noBreakHyphen")
_TC_PR = qn("w:tcPr")
_TR_PR = qn("w:trPr")
_GRID_SPAN = qn("w:gridSpan")
_V_MERGE = qn("w:vMerge")
_GRID_BEFORE = qn("w:gridBefore")
_GRID_AFTER = qn("w:gridAfter")
_VAL = qn("w:val")
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Subtrees whose text is not part of the paragraph it sits in.
_TXBX = qn("w:txbxContent")
_SKIP = {_TXBX, _MC_FALLBACK, qn("w:del"), qn("w:pPr"), qn("w:rPr")}

MAX_GRID_COLUMNS = 200


def read_docx(path: Path) -> Document:
    """Read a .docx into paragraphs and tables in document order.

    Also reads macro-enabled documents and templates (.docm, .dotx, .dotm).
    Raises ``ReadError`` (codes: not_found, empty, too_large, encrypted, legacy, not_office, damaged).
    """
    path = Path(path)
    check_office_zip(path, "docx")
    try:
        body = _body(path)
    except MemoryError:
        raise  # not damage: the caller reports it as too large to read (app.check_file)
    except etree.XMLSyntaxError as e:
        if "memory" in str(e).lower():  # libxml2 could not allocate: too large, not damaged
            raise MemoryError(str(e)) from e
        raise fail(path, "damaged", "文件已损坏（不是完整的 Word 文档），无法读取", f"damaged docx: {e}") from e
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError) as e:
        raise fail(path, "damaged", "文件已损坏（不是完整的 Word 文档），无法读取", f"damaged docx: {e}") from e
    except Exception as e:  # what python-docx/lxml raise on a malformed file is damage; our bugs are not
        if not library_failure(e):
            raise  # an internal error (app.check_file), which the fuzz tests reject
        raise fail(path, "damaged", "文件已损坏，无法按 Word 文档读取", f"damaged docx: {e!r}") from e
    if body is None:
        raise fail(path, "not_office", "文件不是可读取的 Word 文档（没有正文），无法读取", "no w:body")
    try:
        return Document(blocks=list(_blocks(body)))
    except MemoryError:
        raise
    except Exception as e:
        if not library_failure(e):
            raise  # a bug in the walk below is an internal error, never "damaged"
        raise fail(path, "damaged", "文件内容结构异常，无法按 Word 文档读取", f"bad docx structure: {e!r}") from e


def _body(path: Path) -> etree._Element | None:
    """The ``w:body`` element of the main document part (the part the package's officeDocument
    relationship names), parsed with python-docx's parser.

    Only that part is parsed. python-docx's ``Document()`` loads and parses every part of the package
    (styles.xml and stylesWithEffects.xml alone are often 800 KB: 4 ms against 0.4 ms for the main part of
    an ordinary report), none of which the reader uses; it also refuses macro-enabled documents and
    templates (.docm, .dotx) by content type, whose main part has the same markup. The package's
    skeleton is still required: [Content_Types].xml and _rels/.rels must be there and well-formed, and
    exactly one internal officeDocument relationship must name a part of the zip (else ``KeyError``:
    damaged, as python-docx has it).
    """
    phys = PhysPkgReader(str(path))
    try:
        parse_xml(phys.content_types_xml)
        rels = _SerializedRelationships.load_from_xml(PACKAGE_URI.baseURI, phys.rels_xml_for(PACKAGE_URI))
        main = [r for r in rels if r.reltype == RT.OFFICE_DOCUMENT and not r.is_external]
        if len(main) != 1:
            raise KeyError(f"{len(main)} officeDocument relationships")
        blob = phys.blob_for(main[0].target_partname)
    finally:
        phys.close()
    return parse_xml(blob).find(qn("w:body"))


def _blocks(container: etree._Element) -> Iterator[Paragraph | Table]:
    for child in container:
        tag = child.tag
        if tag == _P:
            boxes: list[etree._Element] = []
            text = paragraph_text(child, boxes)
            if text.strip():
                yield Paragraph(text)
            for box in boxes:  # text boxes anchored in the paragraph (a cover page's title, a note)
                yield from _blocks(box)
        elif tag == _TBL:
            rows = table_rows(child)
            if rows:
                yield Table(rows=rows)
        elif tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _blocks(content)
        elif tag == _CUSTOM_XML:
            yield from _blocks(child)


def paragraph_text(p: etree._Element, boxes: list[etree._Element] | None = None) -> str:
    """The paragraph's text; the text boxes it anchors (their ``w:txbxContent``, not the
    ``mc:Fallback`` copy) are appended to ``boxes`` when given."""
    parts: list[str] = []
    for el in p.iter(_T, _TAB, _BR, _CR, _NB_HYPHEN, _TXBX):
        if _skipped(el, p):
            continue
        tag = el.tag
        if tag == _TXBX:
            if boxes is not None:
                boxes.append(el)
        elif tag == _T:
            parts.append(el.text or "")
        elif tag == _TAB:
            parts.append("\t")
        elif tag == _NB_HYPHEN:
            parts.append("-")
        else:
            parts.append("\n")
    return "".join(parts)


def _skipped(el: etree._Element, p: etree._Element) -> bool:
    """Whether ``el`` sits in a subtree of ``p`` whose text is not the paragraph's (see ``_SKIP``)."""
    parent = el.getparent()
    while parent is not None and parent is not p:
        if parent.tag in _SKIP:
            return True
        parent = parent.getparent()
    return False


def _child(parent: etree._Element | None, tag: str) -> etree._Element | None:
    """The first child with ``tag`` (``iterchildren`` filters in C: cheaper than ``find`` or a loop)."""
    return None if parent is None else next(parent.iterchildren(tag), None)


def _first_two(parent: etree._Element, tag1: str, tag2: str) -> tuple[etree._Element | None, etree._Element | None]:
    """The first child with ``tag1`` and the first with ``tag2``, in one pass over the children."""
    one = two = None
    for child in parent:
        tag = child.tag
        if tag == tag1:
            if one is None:
                one = child
        elif tag == tag2 and two is None:
            two = child
    return one, two


def _int_attr(el: etree._Element | None, default: int) -> int:
    if el is None:
        return default
    try:
        return max(0, int(el.get(_VAL, default)))
    except ValueError:
        return default


def _children(parent: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Children with ``tag``, looking through content controls (w:sdt) and custom XML wrappers."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif child.tag == _CUSTOM_XML:
            yield from _children(child, tag)


def _row_cells(tr: etree._Element) -> Iterator[etree._Element]:
    return _children(tr, _TC)


def _table_row_elements(tbl: etree._Element) -> Iterator[etree._Element]:
    return _children(tbl, _TR)


def cell_text(tc: etree._Element) -> str:
    """The cell's paragraphs joined with "\\n"; nested tables flattened to one line per row."""
    lines: list[str] = []
    for block in _blocks(tc):
        if isinstance(block, Paragraph):
            lines.append(block.text.strip())
        else:
            lines.extend(" ".join(c for c in row if c) for row in block.rows)
    return "\n".join(line for line in lines if line)


def table_rows(tbl: etree._Element) -> list[list[str]]:
    """The table on its grid; merged cells repeat their text (see module docstring)."""
    rows: list[list[str]] = []
    previous: list[str] = []
    for tr in _table_row_elements(tbl):
        before = after = 0
        tr_pr = _child(tr, _TR_PR)
        if tr_pr is not None:
            before = _int_attr(_child(tr_pr, _GRID_BEFORE), 0)
            after = _int_attr(_child(tr_pr, _GRID_AFTER), 0)
        row: list[str] = [""] * min(before, MAX_GRID_COLUMNS)
        for tc in _row_cells(tr):
            tc_pr = _child(tc, _TC_PR)
            span = 1
            v_merge: etree._Element | None = None
            if tc_pr is not None and len(tc_pr):  # most cells' properties are a width only
                span_el, v_merge = _first_two(tc_pr, _GRID_SPAN, _V_MERGE)
                span = max(1, _int_attr(span_el, 1))
            start = len(row)
            if v_merge is not None and v_merge.get(_VAL, "continue") != "restart":
                text = previous[start] if start < len(previous) else ""
            else:
                text = cell_text(tc)
            row.extend([text] * min(span, MAX_GRID_COLUMNS - start))
            if len(row) >= MAX_GRID_COLUMNS:
                break
        row.extend([""] * min(after, MAX_GRID_COLUMNS - len(row)))
        previous = row
        if any(c.strip() for c in row):
            rows.append(row)
    return rows
