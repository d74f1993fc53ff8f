"""A workbook that would make openpyxl build hundreds of thousands of cells (a million tiny cells in
2 MB, one merged range over the whole sheet, cells hidden behind a namespace prefix, a UTF-16 sheet,
a sheet stored under an unusual name) is refused as too_large before openpyxl opens it; the counting
is exact across chunk boundaries; a normal workbook still reads."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from jixiao.model import ReadError
from jixiao.readers import safety
from jixiao.readers import xlsx as xlsx_reader
from jixiao.readers.xlsx import MAX_WORKBOOK_CELLS, read_xlsx
from tests import fixtures_office as fx

SHEET = "xl/worksheets/sheet1.xml"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _column(i: int) -> str:
    name = ""
    i += 1
    while i:
        i, rest = divmod(i - 1, 26)
        name = chr(65 + rest) + name
    return name


def cells_xml(rows: int, cols: int, prefix: str = "", merges: str = "") -> bytes:
    """A sheet of rows × cols numeric cells, each value different (so the part compresses like real data)."""
    p = f"{prefix}:" if prefix else ""
    ns = f' xmlns:{prefix}="{MAIN_NS}"' if prefix else f' xmlns="{MAIN_NS}"'
    row_template = "".join(f'<{p}c r="{_column(c)}%d"><{p}v>%d</{p}v></{p}c>' for c in range(cols))
    body = "".join(f'<{p}row r="{r}">' + row_template % tuple(x for c in range(cols) for x in (r, r * 7919 + c))
                   + f"</{p}row>" for r in range(1, rows + 1))
    return (f'<?xml version="1.0" encoding="UTF-8"?><{p}worksheet{ns}><{p}sheetData>{body}</{p}sheetData>'
            f"{merges}</{p}worksheet>").encode()


def workbook_with(directory: Path, name: str, replace: dict[str, bytes], extra: dict[str, bytes] | None = None) -> Path:
    """The MoF 10 seed workbook with some parts replaced (and some added), written as a zip."""
    seed = fx.build_mof10_xlsx(directory, name=f"seed-{name}")
    out = io.BytesIO()
    with zipfile.ZipFile(seed) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, replace.get(info.filename, src.read(info)))
        for part, data in (extra or {}).items():
            dst.writestr(part, data)
    seed.unlink()
    path = directory / name
    path.write_bytes(out.getvalue())
    return path


class OpenpyxlCalled(BaseException):
    """Not an Exception: the reader's catch-all must not turn it into "damaged"."""


@pytest.fixture
def no_openpyxl(monkeypatch):
    """The refusal must come before openpyxl builds anything."""
    def refuse(*args, **kwargs):
        raise OpenpyxlCalled("openpyxl.load_workbook was called")
    monkeypatch.setattr(openpyxl, "load_workbook", refuse)


def _refusal(path: Path) -> ReadError:
    with pytest.raises(ReadError) as info:
        read_xlsx(path)
    return info.value


def test_a_million_cells_refused_without_openpyxl(tmp_path, no_openpyxl):
    path = workbook_with(tmp_path, "百万单元格.xlsx", {SHEET: cells_xml(5000, 200)})
    assert path.stat().st_size < 6_000_000
    err = _refusal(path)
    assert err.code == "too_large"
    assert err.message.startswith("百万单元格.xlsx：工作表“项目支出绩效自评表”单元格过多")
    assert f"超过上限 {MAX_WORKBOOK_CELLS} 个" in err.message
    assert "\n" not in err.message


def test_one_merged_range_over_the_whole_sheet_refused(tmp_path, no_openpyxl):
    merge = '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'
    path = workbook_with(tmp_path, "合并炸弹.xlsx", {SHEET: cells_xml(3, 3, merges=merge)})
    assert path.stat().st_size < 20_000
    err = _refusal(path)
    assert err.code == "too_large" and "已数到 " in err.message


def test_merged_range_written_unusually_is_still_counted(tmp_path, no_openpyxl):
    merge = "<mergeCells count='1'><mergeCell  ref = '$A$1:$Z$20000' /></mergeCells>"
    path = workbook_with(tmp_path, "合并.xlsx", {SHEET: cells_xml(3, 3, merges=merge)})
    assert _refusal(path).code == "too_large"


def test_cells_behind_a_namespace_prefix_are_counted(tmp_path, no_openpyxl):
    path = workbook_with(tmp_path, "前缀.xlsx", {SHEET: cells_xml(1100, 200, prefix="x")})
    assert _refusal(path).code == "too_large"


def test_utf16_sheet_is_counted(tmp_path, no_openpyxl):
    xml = cells_xml(1100, 200).replace(b'encoding="UTF-8"', b'encoding="UTF-16"').decode().encode("utf-16")
    path = workbook_with(tmp_path, "宽字符.xlsx", {SHEET: xml})
    assert _refusal(path).code == "too_large"


def test_sheet_stored_under_an_unusual_name_is_counted(tmp_path, no_openpyxl):
    """openpyxl follows the workbook's relationships, whatever the part is called."""
    seed = fx.build_mof10_xlsx(tmp_path, name="seed.xlsx")
    with zipfile.ZipFile(seed) as z:
        rels = z.read("xl/_rels/workbook.xml.rels").replace(b"worksheets/sheet1.xml", b"data/notes.bin")
    seed.unlink()
    path = workbook_with(tmp_path, "别名.xlsx", {"xl/_rels/workbook.xml.rels": rels},
                         extra={"xl/data/notes.bin": cells_xml(1100, 200)})
    assert _refusal(path).code == "too_large"


def test_cells_of_all_sheets_add_up(tmp_path, no_openpyxl, monkeypatch):
    monkeypatch.setattr(xlsx_reader, "MAX_WORKBOOK_CELLS", 1500)
    seed = fx.build_mof10_xlsx(tmp_path, name="seed.xlsx")
    with zipfile.ZipFile(seed) as z:
        book = z.read("xl/workbook.xml")
        rels = z.read("xl/_rels/workbook.xml.rels")
    seed.unlink()
    book = book.replace(b"</sheets>", b'<sheet name="\xe9\x99\x84\xe8\xa1\xa8" sheetId="9" r:id="rId99"/></sheets>')
    rels = rels.replace(b"</Relationships>", b'<Relationship Id="rId99" Target="worksheets/sheet9.xml" Type="http://'
                        b'schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/></Relationships>')
    path = workbook_with(tmp_path, "两表.xlsx", {SHEET: cells_xml(20, 40), "xl/workbook.xml": book,
                                                "xl/_rels/workbook.xml.rels": rels},
                         extra={"xl/worksheets/sheet9.xml": cells_xml(20, 40)})
    err = _refusal(path)
    assert err.code == "too_large"
    assert "到工作表“附表”为止，各工作表单元格过多（含合并单元格已数到 1600 个，超过上限 1500 个）" in err.message


def test_a_dtd_in_a_sheet_is_refused(tmp_path, no_openpyxl):
    xml = cells_xml(2, 2).replace(b"?>", b'?><!DOCTYPE x [<!ENTITY r "<c><v>1</v></c>">]>', 1)
    err = _refusal(workbook_with(tmp_path, "实体.xlsx", {SHEET: xml}))
    assert err.code == "damaged" and "DTD" in err.message


@pytest.mark.parametrize("chunk", [1, 7, 64, 1 << 20])
def test_count_is_exact_across_chunk_boundaries(tmp_path, monkeypatch, chunk):
    merges = ('<mergeCells count="2"><mergeCell ref="A1:C2"/>'
              "<x:mergeCell xmlns:x='" + MAIN_NS + "' ref='B5:B9'/></mergeCells>")
    path = workbook_with(tmp_path, "精确.xlsx", {SHEET: cells_xml(30, 20, merges=merges)})
    monkeypatch.setattr(safety, "_SCAN_CHUNK", chunk)
    with zipfile.ZipFile(path) as zf:
        assert safety._count_part_cells(zf, SHEET, True, 10**9) == 30 * 20 + 6 + 5
        assert safety._count_part_cells(zf, SHEET, False, 10**9) == 6 + 5
    monkeypatch.setattr(xlsx_reader, "MAX_WORKBOOK_CELLS", 611)
    read_xlsx(path)  # exactly at the limit: read
    monkeypatch.setattr(xlsx_reader, "MAX_WORKBOOK_CELLS", 610)
    assert _refusal(path).code == "too_large"


def test_normal_workbook_reads(tmp_path):
    doc = read_xlsx(fx.build_mof10_xlsx(tmp_path))
    assert doc.blocks and doc.blocks[0].name == "项目支出绩效自评表"
