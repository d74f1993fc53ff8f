"""Legacy conversion failures: no LibreOffice, a hanging or failing converter, wrong extensions."""

from __future__ import annotations

import stat
import time
from pathlib import Path

import pytest

from jixiao.model import ReadError
from jixiao.readers.legacy import convert_legacy, read_legacy
from tests.fixtures_office import OLE_MAGIC, build_fake_legacy, build_mof10_docx


def _fake_soffice(bin_dir: Path, script: str) -> None:
    bin_dir.mkdir()
    exe = bin_dir / "soffice"
    exe.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)


def _ole_doc(tmp_path: Path, name: str = "旧报告.doc") -> Path:
    return build_fake_legacy(tmp_path, name)


def test_without_libreoffice_says_how_to_convert(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    with pytest.raises(ReadError) as info:
        convert_legacy(_ole_doc(tmp_path), tmp_path / "work")
    err = info.value
    assert err.code == "legacy"
    assert err.message == (
        "旧报告.doc：这是旧版 Word 97-2003（.doc）格式，本机未安装 LibreOffice，无法自动转换；"
        "请用 Office/WPS 另存为 .docx 后再读取，或安装 LibreOffice"
    )


def test_xls_without_libreoffice_names_xlsx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    path = tmp_path / "表.et"
    path.write_bytes(OLE_MAGIC + b"\x00" * 600)
    with pytest.raises(ReadError) as info:
        read_legacy(path)
    assert info.value.code == "legacy"
    assert "WPS 表格（.et）" in info.value.message and "另存为 .xlsx" in info.value.message


def test_hanging_converter_is_killed_after_the_timeout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_soffice(tmp_path / "bin", "sleep 30")
    monkeypatch.setenv("PATH", str(tmp_path / "bin") + ":/usr/bin:/bin")
    start = time.perf_counter()
    with pytest.raises(ReadError) as info:
        convert_legacy(_ole_doc(tmp_path), tmp_path / "work", timeout=0.5)
    assert time.perf_counter() - start < 5
    assert info.value.code == "legacy"
    assert "超时" in info.value.message


def test_converter_that_writes_nothing_means_damaged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_soffice(tmp_path / "bin", "echo 'Error: source file could not be loaded' >&2; exit 0")
    monkeypatch.setenv("PATH", str(tmp_path / "bin") + ":/usr/bin:/bin")
    with pytest.raises(ReadError) as info:
        read_legacy(_ole_doc(tmp_path))
    assert info.value.code == "damaged"
    assert info.value.message.startswith("旧报告.doc：无法转换为 .docx")
    assert "could not be loaded" in info.value.message_en


def test_wps_that_is_really_a_docx_is_copied_not_converted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))  # no converter needed
    wps = tmp_path / "新版.wps"
    wps.write_bytes(build_mof10_docx(tmp_path).read_bytes())
    out = convert_legacy(wps, tmp_path / "work")
    assert out.name == "新版.docx"
    assert read_legacy(wps).tables[0].rows[0][0] == "项目名称"


def test_errors_of_the_converted_file_name_the_original(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    wps = tmp_path / "坏.wps"
    wps.write_bytes(b"PK\x03\x04" + b"\x00" * 100)  # a zip header, then nothing
    with pytest.raises(ReadError) as info:
        read_legacy(wps)
    assert info.value.code == "damaged"
    assert info.value.message.startswith("坏.wps：")


def test_other_extensions_are_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "报告.rtf"
    path.write_text("{\\rtf1}", encoding="ascii")
    with pytest.raises(ReadError) as info:
        convert_legacy(path, tmp_path / "work")
    assert info.value.code == "unsupported"
