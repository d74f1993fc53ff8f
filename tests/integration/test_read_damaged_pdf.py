"""Bad PDF inputs give a ReadError with a code and a one-line Chinese message, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.model import ReadError
from jixiao.readers.pdf import read_pdf
from tests.fixtures_office import (
    build_encrypted_pdf,
    build_plain_zip,
    build_scanned_pdf,
    truncate,
    weasyprint_available,
)

needs_weasyprint = pytest.mark.skipif(not weasyprint_available(), reason="needs WeasyPrint (Pango)")


def _error(path: Path) -> ReadError:
    with pytest.raises(ReadError) as info:
        read_pdf(path)
    err = info.value
    assert "\n" not in err.message
    assert err.message.startswith(path.name + "：")
    return err


@needs_weasyprint
def test_scanned_pdf_needs_ocr(tmp_path: Path) -> None:
    err = _error(build_scanned_pdf(tmp_path))
    assert err.code == "scanned"
    assert "扫描件" in err.message and "OCR" in err.message


@needs_weasyprint
def test_truncated_pdf_is_damaged(tmp_path: Path) -> None:
    err = _error(truncate(build_scanned_pdf(tmp_path)))
    assert err.code == "damaged"
    assert "不完整" in err.message


def test_password_protected_pdf(tmp_path: Path) -> None:
    err = _error(build_encrypted_pdf(tmp_path))
    assert err.code == "encrypted"
    assert "密码" in err.message


def test_text_file_named_pdf(tmp_path: Path) -> None:
    path = tmp_path / "报告.pdf"
    path.write_text("一、绩效目标分解下达情况\n", encoding="utf-8")
    assert _error(path).code == "damaged"


def test_office_file_named_pdf(tmp_path: Path) -> None:
    path = tmp_path / "自评表.pdf"
    path.write_bytes(build_plain_zip(tmp_path).read_bytes())
    err = _error(path)
    assert err.code == "damaged"
    assert "Office 文档" in err.message


def test_pdf_header_with_garbage_body(tmp_path: Path) -> None:
    path = tmp_path / "乱码.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")
    assert _error(path).code == "damaged"


def test_empty_and_missing(tmp_path: Path) -> None:
    empty = tmp_path / "空.pdf"
    empty.write_bytes(b"")
    assert _error(empty).code == "empty"
    assert _error(tmp_path / "没有.pdf").code == "not_found"
