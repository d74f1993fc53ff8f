"""A small workbook that needs hundreds of MB to open (600 000 tiny cells in 2 MB) is stopped by the
per-worker memory cap (--max-memory) and reported; the other documents are checked. (Run as a
separate process: the cap is on address space, and pytest's own is larger than a worker's.)"""

from __future__ import annotations

import io
import json
import shutil
import time
import zipfile
from pathlib import Path

from tests import fixtures_office as fx
from tests.conftest import SAMPLE
from tests.e2e.test_cli_check_sample import run


def _column(i: int) -> str:
    return chr(65 + i) if i < 26 else chr(64 + i // 26) + chr(65 + i % 26)


def many_cells_xlsx(directory: Path, rows: int = 3000, cols: int = 200) -> Path:
    seed = fx.build_mof10_xlsx(directory, name="seed.xlsx")
    names = [_column(i) for i in range(cols)]
    body = "".join(f'<row r="{r}">' + "".join(f'<c r="{c}{r}"><v>{r}</v></c>' for c in names) + "</row>"
                   for r in range(1, rows + 1))
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
             f'spreadsheetml/2006/main"><sheetData>{body}</sheetData></worksheet>').encode()
    out = io.BytesIO()
    with zipfile.ZipFile(seed) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, sheet if info.filename == "xl/worksheets/sheet1.xml" else src.read(info))
    seed.unlink()
    path = directory / "六十万单元格.xlsx"
    path.write_bytes(out.getvalue())
    return path


def test_memory_hungry_workbook_stopped_by_the_cap(tmp_path):
    many_cells_xlsx(tmp_path)
    shutil.copy(SAMPLE, tmp_path / "a.txt")
    fx.build_mof10_xlsx(tmp_path, name="十号文.xlsx")
    assert (tmp_path / "六十万单元格.xlsx").stat().st_size < 3_000_000
    start = time.monotonic()
    p = run("check", str(tmp_path), "--json", "--jobs", "2", "--max-memory", "250")
    assert time.monotonic() - start < 60
    assert p.returncode == 2, p.stderr
    docs = {Path(d["source"]).name: d for d in map(json.loads, p.stdout.splitlines())}
    error = docs["六十万单元格.xlsx"]["error"]
    # where the allocation fails decides: a MemoryError the reader reports, or a library that aborts
    if error["code"] == "crashed":
        assert "异常退出" in error["message"]
    else:
        assert error["code"] in {"too_large", "damaged"} and "MemoryError" in error["message_en"]
    assert docs["a.txt"]["score"]["total"] == 97.84
    assert docs["十号文.xlsx"]["score"]["total"] == 97.84
