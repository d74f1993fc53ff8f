"""Fuzz the Excel reader through ``read_report``: byte-mutated .xlsx files, and sound zips whose
sheet, shared strings, styles or workbook XML is mutated (bytes, or the element tree: cell types
and references, merge ranges, number formats). Only ``ReadError`` may come out.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from functools import cache
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tests import fixtures_office as fx
from tests.integration.test_fuzz_docx import member, rezip, tree_mutated
from tests.integration.test_fuzz_text import fuzz_settings, mutated, read_or_read_error

S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
OK_CODES = {"xlsx", "damaged", "not_a_report", "not_office", "too_large", "empty"}
XLSX_HOT = (f"{S}c", f"{S}mergeCell", f"{S}numFmt", f"{S}xf", f"{S}sheet", f"{S}dimension", f"{S}row", f"{S}col")
XLSX_ATTRS = ("r", "t", "s", "ref", "numFmtId", "formatCode", "state", "spans", "min", "max", "sheetId")
XLSX_WRAPPERS = ((f"{S}sheetData",), (f"{S}row", f"{S}c"))


SEEDS = ("mof10.xlsx", "sichuan.xlsx")


@cache
def seed(name: str) -> bytes:
    """A workbook built by the test fixtures (by name: keeps Hypothesis' reports short)."""
    d = Path(tempfile.mkdtemp(prefix="jixiao-fuzz-xlsx-"))
    if name == "mof10.xlsx":
        return fx.build_mof10_xlsx(d).read_bytes()
    return fx.build_sichuan_xlsx(d).read_bytes()


@cache
def parts(name: str) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(seed(name))) as z:
        return sorted(n for n in z.namelist() if n.endswith(".xml") and n.startswith("xl/") and "theme" not in n)


@fuzz_settings(60)
@given(st.data())
def test_byte_mutated_xlsx(data):
    name = data.draw(st.sampled_from(SEEDS), label="seed")
    read_or_read_error(data.draw(mutated(seed(name)), label="bytes"), name)


@fuzz_settings(80)
@given(st.data())
def test_xlsx_with_byte_mutated_parts(data):
    name = data.draw(st.sampled_from(SEEDS), label="seed")
    part = data.draw(st.sampled_from(parts(name)), label="part")
    xml = data.draw(mutated(member(seed(name), part)), label="xml")
    assert read_or_read_error(rezip(seed(name), part, xml), name) in OK_CODES


@fuzz_settings(120)
@given(st.data())
def test_xlsx_with_mutated_element_trees(data):
    name = data.draw(st.sampled_from(SEEDS), label="seed")
    part = data.draw(st.sampled_from(parts(name)), label="part")
    xml = data.draw(tree_mutated((name, part), XLSX_HOT, XLSX_ATTRS, XLSX_WRAPPERS), label="xml")
    assert read_or_read_error(rezip(seed(name), part, xml), name) in OK_CODES
