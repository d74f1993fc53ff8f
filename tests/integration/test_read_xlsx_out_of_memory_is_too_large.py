"""Running out of memory while reading a workbook is reported as too large, not as a damaged file,
whether openpyxl or the reader's own pass over the cells hits the MemoryError."""

from __future__ import annotations

import openpyxl
import pytest

from jixiao.app import check_file
from jixiao.policy import load_policy
from jixiao.readers import xlsx as xlsx_reader
from tests import fixtures_office as fx


def _out_of_memory(*args, **kwargs):
    raise MemoryError


@pytest.mark.parametrize("where", ["openpyxl", "sheet_rows"])
def test_memory_error_is_too_large(tmp_path, monkeypatch, where):
    path = fx.build_mof10_xlsx(tmp_path, name="表.xlsx")
    if where == "openpyxl":
        monkeypatch.setattr(openpyxl, "load_workbook", _out_of_memory)
    else:
        monkeypatch.setattr(xlsx_reader, "sheet_rows", _out_of_memory)
    result = check_file(path, load_policy())
    assert result.error is not None
    assert result.error.code == "too_large"
    assert result.error.message == "表.xlsx：文件过大，内存不足以读取"


def test_the_same_workbook_reads_with_memory(tmp_path):
    result = check_file(fx.build_mof10_xlsx(tmp_path, name="表.xlsx"), load_policy())
    assert result.error is None and result.score is not None
