"""Fuzz the PDF reader through ``read_report``: byte-mutated PDFs — the WeasyPrint transfer form
(compressed streams, a table over two pages) and a small hand-written PDF whose content stream is
plain text operators, so mutations reach the content parser. Only ``ReadError`` may come out, and
no read may hang (see ``TIME_LIMIT``).
"""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests import fixtures_office as fx
from tests.integration.test_fuzz_text import fuzz_settings, mutated, read_or_read_error

OK_CODES = {"pdf", "damaged", "not_a_report", "too_large", "empty", "scanned", "encrypted"}

_LINES = (
    "2023年度城市公交补贴项目绩效自评报告",
    "全年预算数500万元，全年执行数480万元，预算执行率96%。",
)
_TABLE = (
    ("三级指标", "指标值", "完成值"),
    ("公交线路数量", "≥40条", "42条"),
    ("车辆准点率", "≥95%", "92%"),
    ("乘客满意度", "≥90%", "91%"),
)
_COLUMNS = (72, 252, 382, 512)


def _content() -> bytes:
    """Two lines of prose, then a ruled 3-column table, every glyph as a 2-byte code."""
    ops = []
    for k, line in enumerate(_LINES):
        ops.append(f"BT /F1 11 Tf 1 0 0 1 72 {780 - 18 * k} Tm <{line.encode('utf-16-be').hex()}> Tj ET")
    top = 720
    for r, row in enumerate(_TABLE):
        y = top - 20 * r
        for x, cell in zip(_COLUMNS, row, strict=False):
            ops.append(f"BT /F1 10 Tf 1 0 0 1 {x + 4} {y - 14} Tm <{cell.encode('utf-16-be').hex()}> Tj ET")
    bottom = top - 20 * len(_TABLE)
    ops.append("0.5 w")
    ops += [f"{_COLUMNS[0]} {top - 20 * r} m {_COLUMNS[-1]} {top - 20 * r} l S" for r in range(len(_TABLE) + 1)]
    ops += [f"{x} {top} m {x} {bottom} l S" for x in _COLUMNS]
    return "\n".join(ops).encode("ascii")


def _to_unicode() -> bytes:
    """A ToUnicode CMap for the glyphs used, each code mapped to itself (codes are UTF-16 units)."""
    codes = sorted({ord(ch) for text in (*_LINES, *(c for row in _TABLE for c in row)) for ch in text})
    entries = b"\n".join(b"<%04x> <%04x>" % (c, c) for c in codes)
    return (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            b"/CMapName /Jixiao-UCS def /CMapType 2 def\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            + b"%d beginbfchar\n" % len(codes) + entries + b"\nendbfchar\nendcmap CMapName currentdict /CMap "
            b"defineresource pop end end")


def plain_pdf() -> bytes:
    """A one-page text PDF written by hand, nothing compressed: a Type0 font (Identity-H, not embedded)
    whose glyph codes are UTF-16 units, mapped back by its ToUnicode CMap, so the text reads back."""
    stream = _content()
    cmap = _to_unicode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /DW 1000 "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor 8 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
        b"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -140 1000 860] /ItalicAngle 0 "
        b"/Ascent 860 /Descent -140 /CapHeight 700 /StemV 80 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@cache
def seed(name: str) -> bytes:
    if name == "plain.pdf":
        return plain_pdf()
    return fx.build_transfer_pdf(Path(tempfile.mkdtemp(prefix="jixiao-fuzz-pdf-"))).read_bytes()


def test_plain_seed_reads():
    assert read_or_read_error(seed("plain.pdf"), "plain.pdf") == "pdf"


@fuzz_settings(80)
@given(st.data())
def test_byte_mutated_plain_pdf(data):
    blob = data.draw(mutated(seed("plain.pdf")), label="bytes")
    assert read_or_read_error(blob, "plain.pdf") in OK_CODES


@pytest.mark.skipif(not (fx.weasyprint_available() and fx.cjk_font_available()), reason="WeasyPrint/CJK font")
@fuzz_settings(40)
@given(st.data())
def test_byte_mutated_weasyprint_pdf(data):
    blob = data.draw(mutated(seed("transfer.pdf"), max_ops=4), label="bytes")
    assert read_or_read_error(blob, "transfer.pdf") in OK_CODES
