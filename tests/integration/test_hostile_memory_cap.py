"""A small workbook that needs hundreds of MB to open is stopped by the per-worker memory cap
(--max-memory) and reported; the other documents are checked. (Run as a separate process: the cap is
on address space, and pytest's own is larger than a worker's.)

The workbook passes every check made before it is opened (a million tiny cells would now be refused
by the cell count before openpyxl runs): 100 cells and one 10 MB shared string, each part under the
size and compression-ratio limits, 168 KB of file that takes about 1 GB to read."""

from __future__ import annotations

import io
import json
import random
import shutil
import time
import zipfile
from pathlib import Path

import openpyxl

from tests import fixtures_office as fx
from tests.conftest import SAMPLE
from tests.e2e.test_cli_check_sample import run

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def shared_text_xlsx(directory: Path, cells: int = 100, text_mb: int = 5) -> Path:
    """One shared string of ``text_mb`` MB (a different 100-character token repeated, so it compresses
    about 80:1, under the zip-bomb ratio), with a CR LF in it, used by ``cells`` cells: each cell's
    text is a copy of it (line ends normalised), ``cells`` × ``text_mb`` MB to read 100 cells."""
    seed = directory / "seed.xlsx"
    openpyxl.Workbook().save(seed)  # without a shared-string part: one is added below
    rng = random.Random(7)
    tokens = b"".join(rng.randbytes(50).hex().encode() * 50 for _ in range(text_mb * 1024 * 1024 // 5000))
    strings = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN_NS}" count="{cells}" uniqueCount="1">'
               '<si><t xml:space="preserve">'.encode() + tokens + b"&#13;&#10;" + tokens + b"</t></si></sst>")
    sheet = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN_NS}"><sheetData>'.encode()
             + b"".join(b'<row r="%d"><c r="A%d" t="s"><v>0</v></c></row>' % (r, r) for r in range(1, cells + 1))
             + b"</sheetData></worksheet>")
    out = io.BytesIO()
    with zipfile.ZipFile(seed) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        parts = {
            "xl/worksheets/sheet1.xml": sheet,
            "xl/sharedStrings.xml": strings,
            "[Content_Types].xml": src.read("[Content_Types].xml").replace(
                b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
                b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>'),
            "xl/_rels/workbook.xml.rels": src.read("xl/_rels/workbook.xml.rels").replace(
                b"</Relationships>", b'<Relationship Id="rIdSST" Target="sharedStrings.xml" Type="http://schemas.'
                b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>'),
        }
        for info in src.infolist():
            dst.writestr(info.filename, parts.pop(info.filename, None) or src.read(info))
        for name, data in parts.items():
            dst.writestr(name, data)
    seed.unlink()
    path = directory / "共享长文本.xlsx"
    path.write_bytes(out.getvalue())
    return path


def test_memory_hungry_workbook_stopped_by_the_cap(tmp_path):
    shared_text_xlsx(tmp_path)
    shutil.copy(SAMPLE, tmp_path / "a.txt")
    fx.build_mof10_xlsx(tmp_path, name="十号文.xlsx")
    assert (tmp_path / "共享长文本.xlsx").stat().st_size < 4_000_000
    start = time.monotonic()
    p = run("check", str(tmp_path), "--json", "--jobs", "2", "--max-memory", "250")
    assert time.monotonic() - start < 60
    assert p.returncode == 2, p.stderr
    docs = {Path(d["source"]).name: d for d in map(json.loads, p.stdout.splitlines())}
    error = docs["共享长文本.xlsx"]["error"]
    # where the allocation fails decides: a MemoryError (too large), or a library that aborts
    if error["code"] == "crashed":
        assert "异常退出" in error["message"]
    else:
        assert error["code"] == "too_large" and error["message"] == "共享长文本.xlsx：文件过大，内存不足以读取"
    assert docs["a.txt"]["score"]["total"] == 97.84
    assert docs["十号文.xlsx"]["score"]["total"] == 97.84
