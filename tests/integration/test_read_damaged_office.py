"""Bad Word/Excel inputs give a ReadError with a code and a one-line Chinese message, never a traceback."""

from __future__ import annotations

import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from jixiao.model import ReadError
from jixiao.readers.blocks import Document
from jixiao.readers.docx import read_docx
from jixiao.readers.xlsx import read_xlsx
from tests.fixtures_office import (
    build_encrypted_docx,
    build_fake_encrypted,
    build_fake_legacy,
    build_mof10_docx,
    build_mof10_xlsx,
    build_plain_zip,
    build_zip_bomb,
    truncate,
)

Reader = Callable[[Path], Document]


def _error(reader: Reader, path: Path) -> ReadError:
    with pytest.raises(ReadError) as info:
        reader(path)
    err = info.value
    assert "\n" not in err.message
    assert err.message.startswith(path.name + "：")
    assert err.message_en
    return err


@pytest.mark.parametrize(("reader", "builder"), [(read_docx, build_mof10_docx), (read_xlsx, build_mof10_xlsx)])
def test_truncated_file_is_damaged(tmp_path: Path, reader: Reader, builder: Callable[[Path], Path]) -> None:
    err = _error(reader, truncate(builder(tmp_path)))
    assert err.code == "damaged"
    assert "已损坏" in err.message


def test_docx_with_corrupt_document_part_is_damaged(tmp_path: Path) -> None:
    good = build_mof10_docx(tmp_path)
    bad = tmp_path / "坏.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = data[: len(data) // 2]  # cut XML
            dst.writestr(info, data)
    err = _error(read_docx, bad)
    assert err.code == "damaged"


def test_fake_encrypted_office_file(tmp_path: Path) -> None:
    for name, reader in (("加密.docx", read_docx), ("加密.xlsx", read_xlsx)):
        err = _error(reader, build_fake_encrypted(tmp_path, name))
        assert err.code == "encrypted"
        assert "密码" in err.message


def test_real_password_protected_docx(tmp_path: Path) -> None:
    pytest.importorskip("msoffcrypto")
    err = _error(read_docx, build_encrypted_docx(tmp_path))
    assert err.code == "encrypted"


def test_old_binary_doc_renamed_to_docx(tmp_path: Path) -> None:
    err = _error(read_docx, build_fake_legacy(tmp_path))
    assert err.code == "legacy"
    assert "另存为 .docx" in err.message


def test_zip_bomb_is_refused_quickly(tmp_path: Path) -> None:
    bomb = build_zip_bomb(tmp_path)
    assert bomb.stat().st_size < 1024 * 1024
    start = time.perf_counter()
    err = _error(read_xlsx, bomb)
    assert time.perf_counter() - start < 0.5
    assert err.code == "too_large"


def test_zip_that_is_not_an_office_file(tmp_path: Path) -> None:
    err = _error(read_docx, build_plain_zip(tmp_path))
    assert err.code == "not_office"
    assert err.message == "附件.docx：文件是压缩包，但不是 Word 文档，无法读取"


def test_workbook_given_to_the_word_reader_and_back(tmp_path: Path) -> None:
    xlsx_as_docx = tmp_path / "表.docx"
    xlsx_as_docx.write_bytes(build_mof10_xlsx(tmp_path).read_bytes())
    err = _error(read_docx, xlsx_as_docx)
    assert err.code == "not_office"
    assert err.message == "表.docx：文件实际是 Excel 工作簿，不是 Word 文档，无法按 Word 文档读取"
    docx_as_xlsx = tmp_path / "表.xlsx"
    docx_as_xlsx.write_bytes(build_mof10_docx(tmp_path).read_bytes())
    assert _error(read_xlsx, docx_as_xlsx).code == "not_office"


def test_text_file_with_office_extension(tmp_path: Path) -> None:
    path = tmp_path / "报告.docx"
    path.write_text("一、绩效目标分解下达情况", encoding="utf-8")
    err = _error(read_docx, path)
    assert err.code == "damaged"


def test_empty_and_missing_files(tmp_path: Path) -> None:
    empty = tmp_path / "空.xlsx"
    empty.write_bytes(b"")
    assert _error(read_xlsx, empty).code == "empty"
    assert _error(read_docx, tmp_path / "不存在.docx").code == "not_found"


def test_oversized_xml_part_is_refused_before_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from jixiao.readers import safety

    path = build_mof10_docx(tmp_path)
    monkeypatch.setattr(safety, "MAX_XML_PART_BYTES", 400_000)  # stylesWithEffects.xml is ~430 KB
    err = _error(read_docx, path)
    assert err.code == "too_large"
    assert "word/stylesWithEffects.xml" in err.message
