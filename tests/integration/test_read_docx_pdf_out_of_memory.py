"""Running out of memory while parsing a Word document or a PDF is "too large", never "damaged"."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from jixiao.app import check_file
from jixiao.policy import load_policy
from jixiao.readers import docx as docx_reader
from jixiao.readers import pdf as pdf_reader
from tests.fixtures_office import build_mof10_docx

MINIMAL_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _no_memory(*_args: object, **_kwargs: object) -> None:
    raise MemoryError


def test_docx_parser_out_of_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = build_mof10_docx(tmp_path)
    monkeypatch.setattr(docx_reader, "parse_xml", _no_memory)
    result = check_file(path, load_policy())
    assert result.error is not None
    assert result.error.code == "too_large"
    assert result.error.message == "项目支出绩效自评表.docx：文件过大，内存不足以读取"


def test_docx_libxml2_allocation_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fails(*_args: object, **_kwargs: object) -> None:
        etree.fromstring(b"<a>" * 3)  # a real XMLSyntaxError to copy the constructor arguments from

    try:
        fails()
    except etree.XMLSyntaxError as e:
        error = etree.XMLSyntaxError("Memory allocation failed : growing buffer", e.code, e.lineno, e.offset)

    def raises(*_args: object, **_kwargs: object) -> None:
        raise error

    path = build_mof10_docx(tmp_path)
    monkeypatch.setattr(docx_reader, "parse_xml", raises)
    result = check_file(path, load_policy())
    assert result.error is not None and result.error.code == "too_large"


def test_docx_syntax_error_is_still_damage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def raises(*_args: object, **_kwargs: object) -> None:
        etree.fromstring(b"<w:document><w:body>")

    path = build_mof10_docx(tmp_path)
    monkeypatch.setattr(docx_reader, "parse_xml", raises)
    result = check_file(path, load_policy())
    assert result.error is not None and result.error.code == "damaged"


def test_pdf_parser_out_of_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "自评报告.pdf"
    path.write_bytes(MINIMAL_PDF)
    monkeypatch.setattr(pdf_reader.pdfplumber, "open", _no_memory)
    result = check_file(path, load_policy())
    assert result.error is not None
    assert result.error.code == "too_large"
    assert result.error.message == "自评报告.pdf：文件过大，内存不足以读取"


def test_pdf_out_of_memory_wrapped_by_pdfplumber(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pdfplumber.utils.exceptions import PdfminerException

    def wrapped(*_args: object, **_kwargs: object) -> None:
        raise PdfminerException(MemoryError())

    path = tmp_path / "自评报告.pdf"
    path.write_bytes(MINIMAL_PDF)
    monkeypatch.setattr(pdf_reader.pdfplumber, "open", wrapped)
    result = check_file(path, load_policy())
    assert result.error is not None and result.error.code == "too_large"
