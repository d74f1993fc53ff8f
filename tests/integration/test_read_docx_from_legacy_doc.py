"""Old .doc / .wps files are converted with LibreOffice and read like .docx."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.readers.blocks import Document, Paragraph
from jixiao.readers.legacy import convert_legacy, read_legacy
from tests.fixtures_office import MOF10_INDICATOR_HEADER, build_legacy, build_mof10_docx, mof10_form, soffice

pytestmark = pytest.mark.skipif(soffice() is None, reason="needs LibreOffice (soffice) on PATH")


@pytest.fixture(scope="module")
def doc_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_legacy(build_mof10_docx(tmp_path_factory.mktemp("doc")), "doc")


def test_doc_converts_into_the_workdir(doc_file: Path, tmp_path: Path) -> None:
    out = convert_legacy(doc_file, tmp_path)
    assert out.parent.parent == tmp_path
    assert out.name == "项目支出绩效自评表.docx"
    assert out.read_bytes()[:2] == b"PK"


def test_doc_reads_with_the_same_cells_as_the_docx(doc_file: Path) -> None:
    doc: Document = read_legacy(doc_file)
    assert isinstance(doc.blocks[0], Paragraph) and doc.blocks[0].text == "项目支出绩效自评表"
    rows = doc.tables[0].rows
    assert MOF10_INDICATOR_HEADER in rows
    assert rows == mof10_form().grid()


def test_wps_named_file_is_read_as_a_doc(doc_file: Path, tmp_path: Path) -> None:
    wps = tmp_path / "自评表.wps"
    wps.write_bytes(doc_file.read_bytes())
    rows = read_legacy(wps).tables[0].rows
    assert rows[-1] == ["总分"] * 6 + ["100", "97.84", ""]
