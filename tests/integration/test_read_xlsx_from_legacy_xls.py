"""Old .xls / .et workbooks are converted with LibreOffice and read like .xlsx."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.readers.legacy import read_legacy
from tests.fixtures_office import SICHUAN_SHEET, build_legacy, build_sichuan_xlsx, sichuan_form, soffice

pytestmark = pytest.mark.skipif(soffice() is None, reason="needs LibreOffice (soffice) on PATH")


@pytest.fixture(scope="module")
def xls_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_legacy(build_sichuan_xlsx(tmp_path_factory.mktemp("xls")), "xls")


def test_xls_keeps_sheets_merges_and_percent_formats(xls_file: Path) -> None:
    doc = read_legacy(xls_file)
    assert [t.name for t in doc.tables] == ["说明", SICHUAN_SHEET]
    rows = doc.tables[1].rows
    assert rows == sichuan_form().grid()
    assert rows[5][5] == "78.35%"


def test_et_named_file_is_read_as_an_xls(xls_file: Path, tmp_path: Path) -> None:
    et = tmp_path / "自评表.et"
    et.write_bytes(xls_file.read_bytes())
    assert read_legacy(et).tables[1].rows[0] == ["部门预算项目支出绩效自评表"] * 10
