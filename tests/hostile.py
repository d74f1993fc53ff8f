"""Builders of hostile documents, small, written by hand for the hardening tests (issue 13).

Each builder writes one file into ``directory`` and returns its path. They imitate what a careful
adversary sends: PDFs whose objects reference themselves, flate and glyph bombs, ruling-line grids,
page-count bombs; zips whose directory lies, or that hold millions of entries or paragraphs; legacy
files that link to remote content; templates with external links and fetching fields.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib
from pathlib import Path

# ---------------------------------------------------------------------------------------------- PDF


def pdf_bytes(objects: dict[int, bytes], root: int = 1) -> bytes:
    """A PDF with ``objects`` (number → body, streams included) and a correct xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for num in sorted(objects):
        offsets[num] = out.tell()
        out.write(b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n")
    xref = out.tell()
    size = max(objects) + 1
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    for num in range(1, size):
        if num in offsets:
            out.write(b"%010d 00000 n \n" % offsets[num])
        else:
            out.write(b"0000000000 65535 f \n")
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, root, xref))
    return out.getvalue()


def stream(data: bytes, extra: bytes = b"", compress: bool = False) -> bytes:
    if compress:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TEXT = b"BT /F1 12 Tf 72 720 Td (Budget 100 Executed 90) Tj ET"


def _simple(directory: Path, name: str, page_extra: bytes, objects: dict[int, bytes]) -> Path:
    objs = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]" + page_extra + b" >>",
        **objects,
    }
    path = directory / name
    path.write_bytes(pdf_bytes(objs))
    return path


def pdf_self_contents(directory: Path) -> Path:
    """The page's /Contents is an array that holds itself."""
    return _simple(directory, "contents-array-loop.pdf", b" /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >>",
                   {4: b"[4 0 R]", 5: FONT})


def pdf_contents_ref_loop(directory: Path) -> Path:
    """The page's /Contents is an object that is a reference to itself (resolving it never ends)."""
    return _simple(directory, "contents-loop.pdf", b" /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >>",
                   {4: b"4 0 R", 5: FONT})


def pdf_resources_ref_loop(directory: Path) -> Path:
    """/Resources is a reference to an object that refers back to it."""
    return _simple(directory, "resources-ref-loop.pdf", b" /Contents 4 0 R /Resources 6 0 R",
                   {4: stream(TEXT), 6: b"7 0 R", 7: b"6 0 R", 5: FONT})


def pdf_self_resources(directory: Path) -> Path:
    """The page's /Resources dictionary references itself (and its font dictionary too)."""
    return _simple(directory, "resources-loop.pdf", b" /Contents 4 0 R /Resources 6 0 R",
                   {4: stream(TEXT), 6: b"<< /Font 7 0 R /Self 6 0 R /XObject 6 0 R >>",
                    7: b"<< /F1 5 0 R /F2 7 0 R >>", 5: FONT})


def pdf_self_xobject(directory: Path) -> Path:
    """A form XObject that draws itself."""
    form = b"BT /F1 12 Tf 72 700 Td (loop) Tj ET /X1 Do"
    return _simple(directory, "xobject-loop.pdf", b" /Contents 4 0 R /Resources 6 0 R",
                   {4: stream(TEXT + b" /X1 Do"), 6: b"<< /Font << /F1 5 0 R >> /XObject << /X1 8 0 R >> >>", 5: FONT,
                    8: stream(form, b" /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources 6 0 R")})


def pdf_page_tree_loop(directory: Path) -> Path:
    """The page tree's /Kids holds the /Pages node itself."""
    objs = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
            4: stream(TEXT), 5: FONT}
    path = directory / "pages-loop.pdf"
    path.write_bytes(pdf_bytes(objs))
    return path


def pdf_deep_reference_chain(directory: Path, depth: int = 200_000) -> Path:
    """/Resources reached through a chain of ``depth`` indirect references."""
    objs = {n: b"%d 0 R" % (n + 1) for n in range(10, 10 + depth)}
    objs[10 + depth] = b"<< /Font << /F1 5 0 R >> >>"
    return _simple(directory, "deep-chain.pdf", b" /Contents 4 0 R /Resources 10 0 R",
                   {4: stream(TEXT), 5: FONT, **objs})


def pdf_flate_bomb(directory: Path, megabytes: int = 1024) -> Path:
    """A content stream of ``megabytes`` MB of spaces, compressed to about a thousandth of that."""
    comp = zlib.compressobj(9)
    chunk = b" " * (1024 * 1024)
    data = b"".join(comp.compress(chunk) for _ in range(megabytes)) + comp.flush()
    body = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    return _simple(directory, "flate-bomb.pdf", b" /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >>",
                   {4: body, 5: FONT})


def pdf_glyph_bomb(directory: Path, glyphs: int = 20_000_000) -> Path:
    """One show-text operator of ``glyphs`` characters (each becomes a layout object), compressed."""
    unit = b"(" + b"A" * 1000 + b") Tj "
    data = b"BT /F1 1 Tf 0 0 Td " + unit * (glyphs // 1000) + b"ET"
    return _simple(directory, "glyph-bomb.pdf", b" /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >>",
                   {4: stream(data, compress=True), 5: FONT})


def pdf_ruling_grid(directory: Path, lines: int = 1500) -> Path:
    """``lines`` horizontal and ``lines`` vertical ruling lines 4 pt apart (further than the snapping
    tolerance) on a large page: a grid of lines² cells, in a 30 KB file."""
    size = 4 * lines + 100
    ops = [b"0.1 w"]
    for i in range(lines):
        at = 50 + 4 * i
        ops.append(b"%d 50 m %d %d l S 50 %d m %d %d l S" % (at, at, size - 50, at, size - 50, at))
    data = b"\n".join(ops) + b"\n" + TEXT
    objs = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R "
           b"/Resources << /Font << /F1 5 0 R >> >> >>" % (size, size),
        4: stream(data, compress=True),
        5: FONT,
    }
    path = directory / "ruling-grid.pdf"
    path.write_bytes(pdf_bytes(objs))
    return path


def pdf_many_pages(directory: Path, pages: int = 100_000) -> Path:
    """``pages`` pages sharing one content stream: a small file."""
    kids = b" ".join(b"%d 0 R" % (10 + i) for i in range(pages))
    objs = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
            4: stream(TEXT), 5: FONT}
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>")
    for i in range(pages):
        objs[10 + i] = page
    path = directory / "many-pages.pdf"
    path.write_bytes(pdf_bytes(objs))
    return path


# ---------------------------------------------------------------------------------------------- zip

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    b'wordprocessingml.document.main+xml"/></Types>'
)
ROOT_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def docx_bytes(body: bytes, extra: dict[str, bytes] | None = None, doc_rels: bytes | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("word/document.xml", b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                   b'<w:document xmlns:w="' + W_NS.encode() + b'" xmlns:r="http://schemas.openxmlformats.org/'
                   b'officeDocument/2006/relationships"><w:body>' + body + b"</w:body></w:document>")
        if doc_rels is not None:
            z.writestr("word/_rels/document.xml.rels", doc_rels)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return out.getvalue()


def docx_empty_paragraphs(directory: Path, count: int = 9_500_000) -> Path:
    """A docx whose body is ``count`` empty paragraphs, written ``<w:p/>`` or ``<w:p />`` at random so
    that it compresses only about 50:1 (under the zip-bomb ratio): 1.2 MB of file for 9.5 M elements."""
    rng = random.Random(13)
    bits = rng.getrandbits(count).to_bytes((count + 7) // 8, "little")
    forms = [b"".join(b"<w:p />" if byte >> k & 1 else b"<w:p/>" for k in range(8)) for byte in range(256)]
    body = b"".join(forms[b] for b in bits)
    path = directory / "empty-paragraphs.docx"
    path.write_bytes(docx_bytes(body))
    return path


def docx_deep_nesting(directory: Path, depth: int = 100_000) -> Path:
    """Tables nested ``depth`` deep in one cell after another."""
    body = b"<w:tbl><w:tr><w:tc>" * depth + b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" + b"</w:tc></w:tr></w:tbl>" * depth
    path = directory / "deep-nesting.docx"
    path.write_bytes(docx_bytes(body))
    return path


def zip_lying_sizes(directory: Path, actual_mb: int = 1024) -> Path:
    """A docx whose main part inflates to ``actual_mb`` MB while the central directory says 1 KB."""
    path = directory / "lying-sizes.docx"
    real = docx_bytes(b"<w:p><w:r><w:t>x</w:t></w:r></w:p>")
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = (b'<?xml version="1.0"?><w:document xmlns:w="' + W_NS.encode() + b'"><w:body><w:p><w:r><w:t>')
    chunk = b"A" * (1024 * 1024)
    data = comp.compress(head) + b"".join(comp.compress(chunk) for _ in range(actual_mb)) + comp.flush()
    crc = 0
    out = io.BytesIO()
    entries = []
    with zipfile.ZipFile(io.BytesIO(real)) as src:
        for info in src.infolist():
            raw = src.read(info) if info.filename != "word/document.xml" else None
            offset = out.tell()
            if raw is None:
                payload, size, usize = data, len(data), 1024
            else:
                c = zlib.compressobj(9, zlib.DEFLATED, -15)
                payload = c.compress(raw) + c.flush()
                size, usize, crc = len(payload), len(raw), zlib.crc32(raw)
            name = info.filename.encode()
            crc_here = crc if raw is not None else 0
            # the local header declares the real (huge) size; the central directory a small one
            out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc_here, size,
                                  0xFFFFFFFF if raw is None else usize, len(name), 0) + name + payload)
            entries.append((name, offset, size, usize, crc_here))
    cd = out.tell()
    for name, offset, size, usize, crc_here in entries:
        out.write(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc_here, size, usize, len(name),
                              0, 0, 0, 0, 0, offset) + name)
    end = out.tell()
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), end - cd, cd, 0))
    path.write_bytes(out.getvalue())
    return path


def zip_many_entries(directory: Path, entries: int = 4_000_000) -> Path:
    """A docx-looking zip whose central directory lists ``entries`` empty members (stored, no data)."""
    path = directory / "many-entries.docx"
    out = io.BytesIO()
    names = [b"[Content_Types].xml", b"_rels/.rels", b"word/document.xml"]
    bodies = [CONTENT_TYPES, ROOT_RELS, b'<w:document xmlns:w="' + W_NS.encode() + b'"><w:body/></w:document>']
    offsets = []
    for name, body in zip(names, bodies, strict=True):
        offsets.append(out.tell())
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 0, 0, 0, zlib.crc32(body), len(body), len(body),
                              len(name), 0) + name + body)
    empty_offset = out.tell()
    out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 0, 0, 0, 0, 0, 0, 1, 0) + b"e")
    cd = out.tell()
    for name, body, offset in zip(names, bodies, offsets, strict=True):
        out.write(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 0, 0, 0, zlib.crc32(body), len(body),
                              len(body), len(name), 0, 0, 0, 0, 0, offset) + name)
    record = struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, empty_offset)
    out.write((record + b"e") * (entries - len(names)))
    end = out.tell()
    count = min(entries, 0xFFFF)
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, end - cd, cd, 0))
    path.write_bytes(out.getvalue())
    return path
